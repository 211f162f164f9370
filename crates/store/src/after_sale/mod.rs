//! After the sale (AF-7, AF-8, AF-9): who is due a reminder or a greeting, and the record that
//! each occasion was written for once.

pub mod returns;

use sqlx::FromRow;

use crate::{Conn, Result};

/// Takes an occasion for a customer: false when it was taken before, by this run or another.
pub async fn take(conn: &mut Conn, customer_id: i64, occasion: &str, now_ms: i64) -> Result<bool> {
    let taken = sqlx::query(
        "INSERT INTO after_sale_sent (customer_id, occasion, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (customer_id, occasion) DO NOTHING",
    )
    .bind(customer_id)
    .bind(occasion)
    .bind(now_ms)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// A card that agreed to marketing, with the days it is celebrated for.
#[derive(Debug, Clone, FromRow)]
pub struct Celebrated {
    pub id: i64,
    pub birthday: Option<String>,
    pub created_at: i64,
}

/// Cards with marketing consent after `after_id`, by id: a page of the daily run (AF-8, AF-9).
pub async fn consenting(conn: &mut Conn, after_id: i64, limit: i64) -> Result<Vec<Celebrated>> {
    Ok(sqlx::query_as(
        "SELECT id, birthday, created_at FROM customers WHERE consent_at IS NOT NULL AND id > $1 \
         ORDER BY id LIMIT $2",
    )
    .bind(after_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// An order line that may be running out (AF-7).
#[derive(Debug, Clone, FromRow)]
pub struct DueLine {
    pub order_id: i64,
    pub customer_id: i64,
    pub line_no: i64,
    pub title: String,
    pub product_id: i64,
    pub sku: String,
}

/// Lines of `category` delivered in `[from_ms, until_ms)` to customers with consent, not
/// reminded of yet and whose product the customer has not ordered again since (AF-7).
pub async fn replenish_due(
    conn: &mut Conn,
    category: &str,
    from_ms: i64,
    until_ms: i64,
) -> Result<Vec<DueLine>> {
    Ok(sqlx::query_as(
        "SELECT o.id AS order_id, o.customer_id, l.line_no, l.title, v.product_id, l.sku \
         FROM shipments s \
         JOIN orders o ON o.id = s.order_id \
         JOIN customers c ON c.id = o.customer_id \
         JOIN order_lines l ON l.order_id = o.id \
         JOIN variants v ON v.id = l.variant_id \
         JOIN products p ON p.id = v.product_id \
         WHERE s.delivered_at >= $1 AND s.delivered_at < $2 AND p.category = $3 \
           AND o.stage IN ('delivered', 'closed') AND l.status = 'active' \
           AND c.consent_at IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM after_sale_sent a WHERE a.customer_id = o.customer_id \
             AND a.occasion = 'replenish:' || CAST(o.id AS TEXT) || ':' || CAST(l.line_no AS TEXT)) \
           AND NOT EXISTS (SELECT 1 FROM orders r \
             JOIN order_lines rl ON rl.order_id = r.id \
             JOIN variants rv ON rv.id = rl.variant_id \
             WHERE r.customer_id = o.customer_id AND r.placed_at > o.placed_at \
               AND r.stage NOT IN ('cancelled', 'paying', 'abandoned') AND rv.product_id = v.product_id) \
         ORDER BY o.id, l.line_no",
    )
    .bind(from_ms)
    .bind(until_ms)
    .bind(category)
    .fetch_all(conn)
    .await?)
}

/// The key of a line's reminder: one per delivered order line (AF-7).
pub fn replenish_key(order_id: i64, line_no: i64) -> String {
    format!("replenish:{order_id}:{line_no}")
}
