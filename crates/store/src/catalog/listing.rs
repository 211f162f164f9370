//! The back office's list of products: search in any alphabet, filters by category, status
//! and stock state, and a fixed set of orders.

use sqlx::FromRow;

use crate::{Conn, Result};

/// A product as the list shows it, with its lowest price and the units free on the shop's own
/// shelves across its variants.
#[derive(Debug, Clone, FromRow)]
pub struct ListedProduct {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub status: String,
    pub updated_at: i64,
    pub variants: i64,
    pub price_from: Option<i64>,
    pub available: i64,
}

/// Which stock state to list: `""` for any, `sold_out` (nothing free), `low` (fewer than
/// `low_below` free) or `in_stock` (at least `low_below`).
pub struct ListFilter<'a> {
    /// Lowercased words, empty for none.
    pub words: &'a str,
    pub category: &'a str,
    pub status: &'a str,
    pub stock: &'a str,
    pub low_below: i64,
    /// One of the fixed orders of [`order_by`].
    pub sort: &'a str,
    pub limit: i64,
    pub offset: i64,
}

/// The SQL order for a sort the caller chose among these names; newest first otherwise.
fn order_by(sort: &str) -> &'static str {
    match sort {
        "title" => "title, id",
        "price" => "price_from, id",
        "price_desc" => "price_from DESC, id",
        "stock" => "available, id",
        "updated" => "updated_at DESC, id DESC",
        _ => "id DESC",
    }
}

pub async fn list(conn: &mut Conn, filter: &ListFilter<'_>) -> Result<Vec<ListedProduct>> {
    let pattern = if filter.words.is_empty() {
        String::new()
    } else {
        crate::contains_pattern(filter.words)
    };
    // The stock is summed in a subquery so that the stock state can filter and sort on it.
    let sql = format!(
        "SELECT * FROM (SELECT p.id, p.title, p.category, p.status, p.updated_at, \
           (SELECT COUNT(*) FROM variants v WHERE v.product_id = p.id) AS variants, \
           (SELECT MIN(v.price_minor) FROM variants v WHERE v.product_id = p.id) AS price_from, \
           CAST(COALESCE((SELECT SUM(s.on_hand - s.reserved) FROM stock s \
              JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id \
              WHERE v.product_id = p.id AND l.kind <> 'supplier'), 0) AS BIGINT) AS available \
         FROM products p \
         WHERE ($1 = '' OR p.search LIKE $1 ESCAPE '\\' \
                OR (p.search IS NULL AND LOWER(p.title) LIKE $1 ESCAPE '\\')) \
           AND ($2 = '' OR p.category = $2) AND ($3 = '' OR p.status = $3)) AS listed \
         WHERE ($4 = '' OR ($4 = 'sold_out' AND available <= 0) \
                OR ($4 = 'low' AND available > 0 AND available < $5) \
                OR ($4 = 'in_stock' AND available >= $5)) \
         ORDER BY {} LIMIT $6 OFFSET $7",
        order_by(filter.sort)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(&pattern)
        .bind(filter.category)
        .bind(filter.status)
        .bind(filter.stock)
        .bind(filter.low_below)
        .bind(filter.limit)
        .bind(filter.offset)
        .fetch_all(conn)
        .await?)
}
