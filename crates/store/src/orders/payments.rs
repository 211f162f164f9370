//! Payments received and failed payment attempts (PY-3, PY-4).

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct PaymentRow {
    pub order_id: i64,
    /// `payment` or `failed`.
    pub kind: String,
    pub amount_minor: i64,
    pub method: String,
    pub reference: String,
    pub reason: String,
    pub at: i64,
    pub actor: String,
}

pub async fn record(conn: &mut Conn, payment: &PaymentRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO payments (order_id, kind, amount_minor, method, reference, reason, at, actor) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(payment.order_id)
    .bind(&payment.kind)
    .bind(payment.amount_minor)
    .bind(&payment.method)
    .bind(&payment.reference)
    .bind(&payment.reason)
    .bind(payment.at)
    .bind(&payment.actor)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn of_order(conn: &mut Conn, order_id: i64) -> Result<Vec<PaymentRow>> {
    Ok(sqlx::query_as(
        "SELECT order_id, kind, amount_minor, method, reference, reason, at, actor FROM payments \
         WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}
