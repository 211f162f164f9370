//! Products and variants, categories, the words of options, and the back office's list.

pub mod categories;
pub mod inventory;
pub mod ledger;
pub mod listing;
pub mod photos;
pub mod purchasing;

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub created_at: i64,
    /// `draft`, `active` or `archived`.
    pub status: String,
    /// JSON object of locale to `{"title", "description"}`.
    pub texts: String,
    pub updated_at: i64,
}

/// The columns of [`ProductRow`], for queries that read products.
pub const PRODUCT_COLUMNS: &str =
    "id, title, description, category, created_at, status, texts, updated_at";

#[derive(Debug, Clone, FromRow)]
pub struct VariantRow {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
    /// JSON object of option name to value.
    pub options: String,
    pub price_minor: i64,
    pub weight_grams: i64,
    pub barcode: Option<String>,
    pub compare_at_minor: Option<i64>,
    pub archived_at: Option<i64>,
}

/// The columns of [`VariantRow`].
pub const VARIANT_COLUMNS: &str = "id, product_id, sku, options, price_minor, weight_grams, barcode, compare_at_minor, archived_at";

/// A variant offered for sale, with one stock row that holds it (or none): what intake needs
/// to price a line and choose where to take it from.
#[derive(Debug, Clone, FromRow)]
pub struct OfferRow {
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    /// The product's texts in other languages, JSON as in [`ProductRow::texts`].
    pub texts: String,
    pub options: String,
    pub price_minor: i64,
    pub compare_at_minor: Option<i64>,
    pub stock_id: Option<i64>,
    pub location: Option<String>,
    pub kind: Option<String>,
    pub bin: Option<String>,
    pub available: Option<i64>,
    pub cutoff: Option<String>,
    pub lead_time_days: Option<i64>,
}

pub struct NewVariant<'a> {
    pub sku: &'a str,
    pub options: &'a str,
    pub price_minor: i64,
    pub weight_grams: i64,
    pub barcode: Option<&'a str>,
    pub compare_at_minor: Option<i64>,
}

/// What a product's form or request sets, already checked.
pub struct ProductFields<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub category: &'a str,
    pub status: &'a str,
    pub texts: &'a str,
    /// Lowercased by [`search_text`].
    pub search: &'a str,
}

/// The key and request hash that make a creation safe to retry.
pub struct Idempotency<'a> {
    pub key: &'a str,
    pub request_hash: &'a str,
}

pub async fn insert_product(
    conn: &mut Conn,
    fields: &ProductFields<'_>,
    idempotency: Option<&Idempotency<'_>>,
    now_ms: i64,
) -> Result<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO products (title, description, category, status, texts, search, created_at, updated_at, \
         idempotency_key, request_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) RETURNING id",
    )
    .bind(fields.title)
    .bind(fields.description)
    .bind(fields.category)
    .bind(fields.status)
    .bind(fields.texts)
    .bind(fields.search)
    .bind(now_ms)
    .bind(idempotency.map(|i| i.key))
    .bind(idempotency.map(|i| i.request_hash))
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("idempotency_key"))?;
    Ok(id)
}

/// The product made with this idempotency key, with the hash of the request that made it.
pub async fn product_by_idempotency_key(
    conn: &mut Conn,
    key: &str,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(
        sqlx::query_as("SELECT id, request_hash FROM products WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}

/// Rewrites a product's own fields; false when there is no such product.
pub async fn update_product(
    conn: &mut Conn,
    id: i64,
    fields: &ProductFields<'_>,
    now_ms: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE products SET title = $1, description = $2, category = $3, status = $4, texts = $5, \
         search = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(fields.title)
    .bind(fields.description)
    .bind(fields.category)
    .bind(fields.status)
    .bind(fields.texts)
    .bind(fields.search)
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the status of these products; returns how many exist.
pub async fn set_status(conn: &mut Conn, ids: &[i64], status: &str, now_ms: i64) -> Result<u64> {
    set_field(conn, ids, "status", status, now_ms).await
}

/// Moves these products into a category; returns how many exist.
pub async fn set_category(conn: &mut Conn, ids: &[i64], code: &str, now_ms: i64) -> Result<u64> {
    set_field(conn, ids, "category", code, now_ms).await
}

/// Sets one of the products' own text fields on each of `ids`; returns how many exist.
async fn set_field(
    conn: &mut Conn,
    ids: &[i64],
    column: &'static str,
    value: &str,
    now_ms: i64,
) -> Result<u64> {
    let mut changed = 0;
    for id in ids {
        changed += sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE products SET {column} = $1, updated_at = $2 WHERE id = $3"
        )))
        .bind(value)
        .bind(now_ms)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    Ok(changed)
}

/// Whether any order ever held a variant of this product: such a product is archived, never
/// deleted, so its orders keep their lines.
pub async fn ever_ordered(conn: &mut Conn, product_id: i64) -> Result<bool> {
    let hit: Option<i64> = sqlx::query_scalar(
        "SELECT l.order_id FROM order_lines l JOIN variants v ON v.id = l.variant_id \
         WHERE v.product_id = $1 LIMIT 1",
    )
    .bind(product_id)
    .fetch_optional(conn)
    .await?;
    Ok(hit.is_some())
}

/// Deletes a product nobody ordered, with its variants, their stock rows and the
/// back-in-stock requests waiting on them.
pub async fn delete_product(conn: &mut Conn, product_id: i64) -> Result<bool> {
    let photos: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM product_photos WHERE product_id = $1")
            .bind(product_id)
            .fetch_all(&mut *conn)
            .await?;
    for photo in photos {
        photos::remove_photo(conn, product_id, photo).await?;
    }
    for table in ["stock_requests", "stock"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE variant_id IN (SELECT id FROM variants WHERE product_id = $1)"
        )))
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("DELETE FROM variants WHERE product_id = $1")
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM products WHERE id = $1")
        .bind(product_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// What search looks in: every text given (titles and descriptions in each language, SKUs),
/// folded by [`crate::search::folded`].
pub fn search_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    crate::search::folded(&texts.into_iter().map(Some).collect::<Vec<_>>())
}

pub async fn insert_variant(
    conn: &mut Conn,
    product_id: i64,
    variant: &NewVariant<'_>,
) -> Result<i64> {
    sku_free(conn, variant.sku, None).await?;
    sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, options, price_minor, weight_grams, barcode, compare_at_minor) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(product_id)
    .bind(variant.sku)
    .bind(variant.options)
    .bind(variant.price_minor)
    .bind(variant.weight_grams)
    .bind(variant.barcode)
    .bind(variant.compare_at_minor)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("barcode"))
}

/// Checked first so the error can say which of the two unique columns clashed.
async fn sku_free(conn: &mut Conn, sku: &str, except_variant: Option<i64>) -> Result<()> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM variants WHERE sku = $1")
        .bind(sku)
        .fetch_optional(&mut *conn)
        .await?;
    match taken {
        Some(id) if Some(id) != except_variant => Err(crate::Error::Duplicate("sku")),
        _ => Ok(()),
    }
}

/// Rewrites a variant of this product; false when the product has no such variant.
pub async fn update_variant(
    conn: &mut Conn,
    product_id: i64,
    variant_id: i64,
    variant: &NewVariant<'_>,
) -> Result<bool> {
    sku_free(conn, variant.sku, Some(variant_id)).await?;
    let done = sqlx::query(
        "UPDATE variants SET sku = $1, options = $2, price_minor = $3, weight_grams = $4, barcode = $5, \
         compare_at_minor = $6 WHERE id = $7 AND product_id = $8",
    )
    .bind(variant.sku)
    .bind(variant.options)
    .bind(variant.price_minor)
    .bind(variant.weight_grams)
    .bind(variant.barcode)
    .bind(variant.compare_at_minor)
    .bind(variant_id)
    .bind(product_id)
    .execute(conn)
    .await
    .map_err(duplicate_as("barcode"))?;
    Ok(done.rows_affected() == 1)
}

/// Stops or resumes selling a variant of this product; false when there is no such variant.
pub async fn set_variant_archived(
    conn: &mut Conn,
    product_id: i64,
    variant_id: i64,
    archived_at: Option<i64>,
) -> Result<bool> {
    let done =
        sqlx::query("UPDATE variants SET archived_at = $1 WHERE id = $2 AND product_id = $3")
            .bind(archived_at)
            .bind(variant_id)
            .bind(product_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// A price and compare-at price written by a bulk change.
pub async fn set_prices(
    conn: &mut Conn,
    variant_id: i64,
    price_minor: i64,
    compare_at_minor: Option<i64>,
) -> Result<()> {
    sqlx::query("UPDATE variants SET price_minor = $1, compare_at_minor = $2 WHERE id = $3")
        .bind(price_minor)
        .bind(compare_at_minor)
        .bind(variant_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn product(conn: &mut Conn, id: i64) -> Result<Option<ProductRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PRODUCT_COLUMNS} FROM products WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Every variant of the product, archived ones too, in the order they were added.
pub async fn variants_of(conn: &mut Conn, product_id: i64) -> Result<Vec<VariantRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VARIANT_COLUMNS} FROM variants WHERE product_id = $1 ORDER BY id"
    )))
    .bind(product_id)
    .fetch_all(conn)
    .await?)
}

/// A page of products, newest last, and all their variants in a second query (no query per item).
pub async fn list(
    conn: &mut Conn,
    category: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ProductRow>, Vec<VariantRow>)> {
    let products: Vec<ProductRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PRODUCT_COLUMNS} FROM products \
         WHERE ($1 = '' OR category = $1) ORDER BY id LIMIT $2 OFFSET $3"
    )))
    .bind(category)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<i64> = products.iter().map(|p| p.id).collect();
    let variants = variants_of_all(conn, &ids).await?;
    Ok((products, variants))
}

/// The variants of these products, archived ones too, in one query.
pub async fn variants_of_all(conn: &mut Conn, product_ids: &[i64]) -> Result<Vec<VariantRow>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VARIANT_COLUMNS} FROM variants WHERE product_id IN ({}) ORDER BY product_id, id",
        crate::placeholders(product_ids.len())
    )));
    for id in product_ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?)
}

/// The variants with these SKUs and every stock row of each, in one query.
pub async fn offers(conn: &mut Conn, skus: &[&str]) -> Result<Vec<OfferRow>> {
    if skus.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=skus.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT v.id AS variant_id, v.sku, p.title, p.texts, v.options, v.price_minor, v.compare_at_minor, \
         s.id AS stock_id, l.code AS location, l.kind, s.bin, s.on_hand - s.reserved AS available, l.cutoff, \
         l.lead_time_days FROM variants v JOIN products p ON p.id = v.product_id \
         LEFT JOIN stock s ON s.variant_id = v.id LEFT JOIN locations l ON l.id = s.location_id \
         WHERE v.sku IN ({}) AND p.status = 'active' AND v.archived_at IS NULL",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for sku in skus {
        query = query.bind(*sku);
    }
    Ok(query.fetch_all(conn).await?)
}

pub async fn variant_id_by_sku(conn: &mut Conn, sku: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM variants WHERE sku = $1")
        .bind(sku)
        .fetch_optional(conn)
        .await?)
}

/// The product another shop's export named by this handle, if one was imported or exported.
pub async fn product_by_handle(conn: &mut Conn, handle: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM products WHERE handle = $1")
            .bind(handle)
            .fetch_optional(conn)
            .await?,
    )
}

/// The product a variant with this SKU belongs to.
pub async fn product_by_sku(conn: &mut Conn, sku: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT product_id FROM variants WHERE sku = $1")
            .bind(sku)
            .fetch_optional(conn)
            .await?,
    )
}

/// Names a product by a handle; another product holding it is a `Duplicate("handle")`.
pub async fn set_handle(conn: &mut Conn, product_id: i64, handle: &str) -> Result<()> {
    sqlx::query("UPDATE products SET handle = $1 WHERE id = $2")
        .bind(handle)
        .bind(product_id)
        .execute(conn)
        .await
        .map_err(duplicate_as("handle"))?;
    Ok(())
}

/// Every product's handle, for the products that have one.
pub async fn handles(conn: &mut Conn) -> Result<Vec<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, handle FROM products WHERE handle IS NOT NULL ORDER BY id")
            .fetch_all(conn)
            .await?,
    )
}
