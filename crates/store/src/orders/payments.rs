//! Payments received, failed attempts (PY-3, PY-4), refunds and voided records.

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct PaymentRow {
    /// Ignored on insert.
    pub id: i64,
    pub order_id: i64,
    /// `payment`, `failed`, `refund` or `void`.
    pub kind: String,
    pub amount_minor: i64,
    pub method: String,
    pub reference: String,
    pub reason: String,
    pub at: i64,
    pub actor: String,
    /// What a refund gives money back for, as JSON: lines, quantities, delivery.
    pub covers: String,
    /// The payment a void takes back.
    pub voids: Option<i64>,
    /// A refund through a provider: `pending`, `done` or `failed`; empty otherwise.
    pub state: String,
}

/// Inserts the row and returns its id; a second void of one payment is
/// [`crate::Error::Duplicate`].
pub async fn record(conn: &mut Conn, payment: &PaymentRow) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO payments (order_id, kind, amount_minor, method, reference, reason, at, actor, \
         covers, voids, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(payment.order_id)
    .bind(&payment.kind)
    .bind(payment.amount_minor)
    .bind(&payment.method)
    .bind(&payment.reference)
    .bind(&payment.reason)
    .bind(payment.at)
    .bind(&payment.actor)
    .bind(&payment.covers)
    .bind(payment.voids)
    .bind(&payment.state)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("voids"))
}

pub async fn of_order(conn: &mut Conn, order_id: i64) -> Result<Vec<PaymentRow>> {
    Ok(sqlx::query_as(
        "SELECT id, order_id, kind, amount_minor, method, reference, reason, at, actor, covers, \
         voids, state FROM payments WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Marks a provider's checkout as taken; a second time is [`crate::Error::Duplicate`].
pub async fn take_checkout(
    conn: &mut Conn,
    provider: &str,
    checkout_id: &str,
    order_id: i64,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO checkouts_taken (provider, checkout_id, order_id, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(provider)
    .bind(checkout_id)
    .bind(order_id)
    .bind(at)
    .execute(conn)
    .await
    .map_err(duplicate_as("checkout_id"))?;
    Ok(())
}

/// One payment row by its id.
pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<PaymentRow>> {
    Ok(sqlx::query_as(
        "SELECT id, order_id, kind, amount_minor, method, reference, reason, at, actor, covers, \
         voids, state FROM payments WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// What the provider made of a refund: its state, and its own reference once it took it.
pub async fn settle_refund(conn: &mut Conn, id: i64, state: &str, reference: &str) -> Result<()> {
    sqlx::query("UPDATE payments SET state = $1, reference = $2 WHERE id = $3 AND kind = 'refund'")
        .bind(state)
        .bind(reference)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
