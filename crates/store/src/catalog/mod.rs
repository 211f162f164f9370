//! Products and variants.

pub mod inventory;

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub created_at: i64,
}

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
}

/// A variant offered for sale, with one stock row that holds it (or none): what intake needs
/// to price a line and choose where to take it from.
#[derive(Debug, Clone, FromRow)]
pub struct OfferRow {
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub options: String,
    pub price_minor: i64,
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
}

pub async fn insert_product(
    conn: &mut Conn,
    title: &str,
    description: &str,
    category: &str,
    now_ms: i64,
) -> Result<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO products (title, description, category, created_at, search) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(title)
    .bind(description)
    .bind(category)
    .bind(now_ms)
    .bind(search_text(title, description))
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// What storefront search looks in: the title and description, folded by
/// [`crate::search::folded`].
pub fn search_text(title: &str, description: &str) -> String {
    crate::search::folded(&[Some(title), Some(description)])
}

pub async fn insert_variant(
    conn: &mut Conn,
    product_id: i64,
    variant: &NewVariant<'_>,
) -> Result<i64> {
    // Checked first so the error can say which of the two unique columns clashed.
    let sku_taken: Option<i64> = sqlx::query_scalar("SELECT id FROM variants WHERE sku = $1")
        .bind(variant.sku)
        .fetch_optional(&mut *conn)
        .await?;
    if sku_taken.is_some() {
        return Err(crate::Error::Duplicate("sku"));
    }
    sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, options, price_minor, weight_grams, barcode) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(product_id)
    .bind(variant.sku)
    .bind(variant.options)
    .bind(variant.price_minor)
    .bind(variant.weight_grams)
    .bind(variant.barcode)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("barcode"))
}

pub async fn product(conn: &mut Conn, id: i64) -> Result<Option<ProductRow>> {
    Ok(sqlx::query_as(
        "SELECT id, title, description, category, created_at FROM products WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn variants_of(conn: &mut Conn, product_id: i64) -> Result<Vec<VariantRow>> {
    Ok(sqlx::query_as(
        "SELECT id, product_id, sku, options, price_minor, weight_grams, barcode FROM variants \
         WHERE product_id = $1 ORDER BY id",
    )
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
    let products = sqlx::query_as(
        "SELECT id, title, description, category, created_at FROM products \
         WHERE ($1 = '' OR category = $1) ORDER BY id LIMIT $2 OFFSET $3",
    )
    .bind(category)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let variants = sqlx::query_as(
        "SELECT id, product_id, sku, options, price_minor, weight_grams, barcode FROM variants \
         WHERE product_id IN (SELECT id FROM products WHERE ($1 = '' OR category = $1) ORDER BY id LIMIT $2 OFFSET $3) \
         ORDER BY product_id, id",
    )
    .bind(category)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?;
    Ok((products, variants))
}

/// The variants with these SKUs and every stock row of each, in one query.
pub async fn offers(conn: &mut Conn, skus: &[&str]) -> Result<Vec<OfferRow>> {
    if skus.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=skus.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT v.id AS variant_id, v.sku, p.title, v.options, v.price_minor, s.id AS stock_id, \
         l.code AS location, l.kind, s.bin, s.on_hand - s.reserved AS available, l.cutoff, l.lead_time_days \
         FROM variants v JOIN products p ON p.id = v.product_id \
         LEFT JOIN stock s ON s.variant_id = v.id LEFT JOIN locations l ON l.id = s.location_id \
         WHERE v.sku IN ({})",
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
