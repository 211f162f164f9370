//! Orders paid at checkout that wait for the provider's word (PY-1).

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct PayingRow {
    pub order_id: i64,
    /// What the order becomes once paid, as intake decided it (JSON).
    pub opens_as: String,
    /// The provider's checkout the visitor was sent to, once one was opened.
    pub checkout_id: Option<String>,
    /// The cart the order was made from: emptied once paid, kept for the visitor who turns back.
    pub cart: String,
    pub expires_at: i64,
}

pub async fn insert(conn: &mut Conn, row: &PayingRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO paying_orders (order_id, opens_as, checkout_id, cart, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(row.order_id)
    .bind(&row.opens_as)
    .bind(&row.checkout_id)
    .bind(&row.cart)
    .bind(row.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, order_id: i64) -> Result<Option<PayingRow>> {
    Ok(sqlx::query_as(
        "SELECT order_id, opens_as, checkout_id, cart, expires_at FROM paying_orders \
         WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(conn)
    .await?)
}

pub async fn set_checkout(conn: &mut Conn, order_id: i64, checkout_id: &str) -> Result<()> {
    sqlx::query("UPDATE paying_orders SET checkout_id = $1 WHERE order_id = $2")
        .bind(checkout_id)
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The wait is over, paid or given up.
pub async fn finish(conn: &mut Conn, order_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM paying_orders WHERE order_id = $1")
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A paid order is placed when its payment came: the day's reports count it then.
pub async fn set_placed_at(conn: &mut Conn, order_id: i64, placed_at: i64) -> Result<()> {
    sqlx::query("UPDATE orders SET placed_at = $1 WHERE id = $2")
        .bind(placed_at)
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}
