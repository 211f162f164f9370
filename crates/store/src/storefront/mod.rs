//! What the storefront reads and keeps: catalogue pages with their stock in a fixed number of
//! queries, the products on sale for the feeds of other sales channels (IN-1), carts (deleted
//! once old), and back-in-stock requests (ST-4).

pub mod account;

use sqlx::FromRow;

use crate::catalog::{PRODUCT_COLUMNS, ProductRow, VARIANT_COLUMNS, VariantRow};
use crate::{Conn, Result};

/// A variant's stock as a buyer sees it: units free on the shop's own shelves, and whether a
/// supplier can deliver it.
#[derive(Debug, Clone, FromRow)]
pub struct VariantStock {
    pub variant_id: i64,
    pub own_available: i64,
    pub supplier_rows: i64,
}

/// The filter of a catalogue page: a category (empty for all) and words to find in the title
/// or description (empty for none).
pub struct Search<'a> {
    pub category: &'a str,
    pub words: &'a str,
    pub limit: i64,
    pub offset: i64,
}

/// Words are found in the search text the application lowercased (see
/// [`crate::catalog::search_text`]), whatever the alphabet; a row an older version wrote without
/// one, before the startup fill reached it, is still found by `LOWER`.
const MATCHING: &str = "FROM products WHERE status = 'active' AND ($1 = '' OR category = $1) \
     AND ($2 = '' OR search LIKE $2 ESCAPE '\\' \
          OR (search IS NULL AND (LOWER(title) LIKE $2 ESCAPE '\\' OR LOWER(description) LIKE $2 ESCAPE '\\')))";

/// A page of products with all their variants and the stock of each: three queries, whatever
/// the page's size.
pub async fn page(
    conn: &mut Conn,
    search: &Search<'_>,
) -> Result<(Vec<ProductRow>, Vec<VariantRow>, Vec<VariantStock>)> {
    let pattern = if search.words.is_empty() {
        String::new()
    } else {
        crate::contains_pattern(search.words)
    };
    let products: Vec<ProductRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PRODUCT_COLUMNS} {MATCHING} ORDER BY id LIMIT $3 OFFSET $4"
    )))
    .bind(search.category)
    .bind(&pattern)
    .bind(search.limit)
    .bind(search.offset)
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<i64> = products.iter().map(|p| p.id).collect();
    let (variants, stock) = variants_and_stock(conn, &ids).await?;
    Ok((products, variants, stock))
}

/// The variants of these products still sold and the stock of each, in two queries.
pub async fn variants_and_stock(
    conn: &mut Conn,
    product_ids: &[i64],
) -> Result<(Vec<VariantRow>, Vec<VariantStock>)> {
    if product_ids.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let list = crate::placeholders(product_ids.len());
    let mut variants = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VARIANT_COLUMNS} FROM variants \
         WHERE product_id IN ({list}) AND archived_at IS NULL ORDER BY product_id, id"
    )));
    for id in product_ids {
        variants = variants.bind(*id);
    }
    let variants: Vec<VariantRow> = variants.fetch_all(&mut *conn).await?;
    let mut stock = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT v.id AS variant_id, \
           CAST(COALESCE(SUM(CASE WHEN l.kind <> 'supplier' THEN s.on_hand - s.reserved ELSE 0 END), 0) AS BIGINT) AS own_available, \
           CAST(COALESCE(SUM(CASE WHEN l.kind = 'supplier' THEN 1 ELSE 0 END), 0) AS BIGINT) AS supplier_rows \
         FROM variants v LEFT JOIN stock s ON s.variant_id = v.id LEFT JOIN locations l ON l.id = s.location_id \
         WHERE v.product_id IN ({list}) GROUP BY v.id"
    )));
    for id in product_ids {
        stock = stock.bind(*id);
    }
    Ok((variants, stock.fetch_all(conn).await?))
}

/// Every product on sale (active), in id order: what the feeds for other sales channels list.
pub async fn active_products(conn: &mut Conn) -> Result<Vec<ProductRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PRODUCT_COLUMNS} FROM products WHERE status = 'active' ORDER BY id"
    )))
    .fetch_all(conn)
    .await?)
}

/// The shortest lead time of a supplier that holds each variant of these products, in days.
pub async fn supplier_lead_days(conn: &mut Conn, product_ids: &[i64]) -> Result<Vec<(i64, i64)>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT v.id, CAST(MIN(l.lead_time_days) AS BIGINT) FROM variants v \
         JOIN stock s ON s.variant_id = v.id JOIN locations l ON l.id = s.location_id \
         WHERE v.product_id IN ({}) AND l.kind = 'supplier' GROUP BY v.id",
        crate::placeholders(product_ids.len())
    )));
    for id in product_ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?)
}

/// A cart's lines as stored (JSON), if the cart exists.
pub async fn cart(conn: &mut Conn, token: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT lines FROM carts WHERE token = $1")
            .bind(token)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn put_cart(conn: &mut Conn, token: &str, lines: &str, now_ms: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO carts (token, lines, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (token) DO UPDATE SET lines = excluded.lines, updated_at = excluded.updated_at",
    )
    .bind(token)
    .bind(lines)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_cart(conn: &mut Conn, token: &str) -> Result<()> {
    sqlx::query("DELETE FROM carts WHERE token = $1")
        .bind(token)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the carts nobody changed since `before_ms`; returns how many.
pub async fn delete_carts_before(conn: &mut Conn, before_ms: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM carts WHERE updated_at < $1")
        .bind(before_ms)
        .execute(conn)
        .await?
        .rows_affected())
}

/// A back-in-stock request (ST-4).
#[derive(Debug, Clone, FromRow)]
pub struct StockRequestRow {
    pub id: i64,
    pub variant_id: i64,
    pub customer_id: i64,
    pub channel: String,
    pub recipient: String,
    pub locale: String,
}

/// Records a request unless the same contact already waits for the same variant.
pub async fn request_stock(conn: &mut Conn, request: &StockRequestRow, now_ms: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO stock_requests (variant_id, customer_id, channel, recipient, locale, created_at) \
         SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM stock_requests \
           WHERE variant_id = $1 AND recipient = $4 AND notified_at IS NULL)",
    )
    .bind(request.variant_id)
    .bind(request.customer_id)
    .bind(&request.channel)
    .bind(&request.recipient)
    .bind(&request.locale)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the requests still waiting for a variant: each is marked told in the same statement
/// that finds it, so two stock changes at once never tell anyone twice.
pub async fn take_waiting(
    conn: &mut Conn,
    variant_id: i64,
    now_ms: i64,
) -> Result<Vec<StockRequestRow>> {
    Ok(sqlx::query_as(
        "UPDATE stock_requests SET notified_at = $2 WHERE variant_id = $1 AND notified_at IS NULL \
         RETURNING id, variant_id, customer_id, channel, recipient, locale",
    )
    .bind(variant_id)
    .bind(now_ms)
    .fetch_all(conn)
    .await?)
}

/// The product a SKU belongs to.
pub async fn product_of_sku(conn: &mut Conn, sku: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT product_id FROM variants WHERE sku = $1")
            .bind(sku)
            .fetch_optional(conn)
            .await?,
    )
}

/// A variant with its product's title, for a message about it.
#[derive(Debug, Clone, FromRow)]
pub struct VariantTitle {
    pub product_id: i64,
    pub sku: String,
    pub options: String,
    pub title: String,
}

pub async fn variant(conn: &mut Conn, variant_id: i64) -> Result<Option<VariantTitle>> {
    Ok(sqlx::query_as(
        "SELECT v.product_id, v.sku, v.options, p.title FROM variants v \
         JOIN products p ON p.id = v.product_id WHERE v.id = $1",
    )
    .bind(variant_id)
    .fetch_optional(conn)
    .await?)
}

/// Units free on the shop's own shelves (not a supplier's) of a variant.
pub async fn own_available(conn: &mut Conn, variant_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(s.on_hand - s.reserved), 0) AS BIGINT) FROM stock s \
         JOIN locations l ON l.id = s.location_id WHERE s.variant_id = $1 AND l.kind <> 'supplier'",
    )
    .bind(variant_id)
    .fetch_one(conn)
    .await?)
}

pub async fn insert_newsletter_request(
    conn: &mut Conn,
    token: &str,
    customer_id: i64,
    email: &str,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO newsletter_requests (token, customer_id, email, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token)
    .bind(customer_id)
    .bind(email)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// The card a subscription belongs to and whether it was confirmed, by its token.
pub async fn newsletter_request(conn: &mut Conn, token: &str) -> Result<Option<(i64, bool)>> {
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT customer_id, confirmed_at FROM newsletter_requests WHERE token = $1",
    )
    .bind(token)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(customer, confirmed)| (customer, confirmed.is_some())))
}

/// Marks a subscription confirmed; false when it already was.
pub async fn confirm_newsletter(conn: &mut Conn, token: &str, now_ms: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE newsletter_requests SET confirmed_at = $2 WHERE token = $1 AND confirmed_at IS NULL",
    )
    .bind(token)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Unknown coupon codes tried by `sender` since `since_ms`.
pub async fn coupon_tries_since(conn: &mut Conn, sender: &str, since_ms: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM coupon_tries WHERE sender = $1 AND at > $2",
    )
    .bind(sender)
    .bind(since_ms)
    .fetch_one(conn)
    .await?)
}

/// Counts an unknown code tried by `sender`; forgets tries older than `forget_before_ms`.
pub async fn add_coupon_try(
    conn: &mut Conn,
    sender: &str,
    now_ms: i64,
    forget_before_ms: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM coupon_tries WHERE at <= $1")
        .bind(forget_before_ms)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO coupon_tries (sender, at) VALUES ($1, $2)")
        .bind(sender)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}
