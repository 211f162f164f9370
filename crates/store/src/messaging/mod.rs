//! Messages to customers. Each is a row from the moment a rule decides to send it, in the same
//! transaction, so no decision to tell a customer is ever lost.

pub mod templates;

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub customer_id: i64,
    pub order_id: Option<i64>,
    pub template: String,
    pub channel: String,
    pub recipient: String,
    pub status: String,
    /// JSON object of the template's variables.
    pub data: String,
    pub created_at: i64,
    pub locale: String,
    /// As rendered when sent.
    pub subject: Option<String>,
    pub body: Option<String>,
    pub provider_id: Option<String>,
    pub error: Option<String>,
    pub sent_at: Option<i64>,
    pub marketing: i64,
}

const COLUMNS: &str = "id, customer_id, order_id, template, channel, recipient, status, data, created_at, locale, \
     subject, body, provider_id, error, sent_at, marketing";

/// Queues the message and returns its id, never one handed out before (see
/// [`crate::numbers`]): gateways drop a repeated idempotency key.
pub async fn queue(conn: &mut Conn, message: &MessageRow) -> Result<i64> {
    let id = crate::numbers::next(conn, crate::numbers::Numbered::Messages).await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO messages (customer_id, order_id, template, channel, recipient, status, data, created_at, locale, marketing, id) \
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(message.customer_id)
    .bind(message.order_id)
    .bind(&message.template)
    .bind(&message.channel)
    .bind(&message.recipient)
    .bind(&message.data)
    .bind(message.created_at)
    .bind(&message.locale)
    .bind(message.marketing)
    .bind(id)
    .fetch_one(conn)
    .await?)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<MessageRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM messages WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Moves a message from one status to another; false when it was not in `from` (another worker
/// or an earlier run got there first).
pub async fn transition(conn: &mut Conn, id: i64, from: &[&str], to: &str) -> Result<bool> {
    let from = from.join(",");
    let moved = sqlx::query("UPDATE messages SET status = $1 WHERE id = $2 AND ',' || $3 || ',' LIKE '%,' || status || ',%'")
        .bind(to)
        .bind(id)
        .bind(from)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(moved == 1)
}

/// Records the outcome of a send: the text as sent, the provider's id or the error.
pub async fn record(conn: &mut Conn, message: &MessageRow) -> Result<()> {
    sqlx::query(
        "UPDATE messages SET status = $1, subject = $2, body = $3, provider_id = $4, error = $5, sent_at = $6 WHERE id = $7",
    )
    .bind(&message.status)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(&message.provider_id)
    .bind(&message.error)
    .bind(message.sent_at)
    .bind(message.id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Filters for the message list; empty or zero means "any".
pub struct Filter<'a> {
    pub order_id: i64,
    pub customer_id: i64,
    pub status: &'a str,
    pub limit: i64,
    pub offset: i64,
}

/// Marketing messages a customer was sent or will be sent since `since_ms` (AF-10).
pub async fn marketing_since(conn: &mut Conn, customer_id: i64, since_ms: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages WHERE customer_id = $1 AND marketing = 1 AND created_at >= $2",
    )
    .bind(customer_id)
    .bind(since_ms)
    .fetch_one(conn)
    .await?)
}

pub async fn list(conn: &mut Conn, filter: &Filter<'_>) -> Result<Vec<MessageRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM messages WHERE ($1 = 0 OR order_id = $1) AND ($2 = 0 OR customer_id = $2) \
         AND ($3 = '' OR status = $3) ORDER BY id DESC LIMIT $4 OFFSET $5"
    )))
    .bind(filter.order_id)
    .bind(filter.customer_id)
    .bind(filter.status)
    .bind(filter.limit)
    .bind(filter.offset)
    .fetch_all(conn)
    .await?)
}

/// How many messages there are in each state (`queued`, `sent`, `outbox`, `failed`...), for
/// `/metrics`.
pub async fn tally(conn: &mut Conn) -> Result<Vec<(String, i64)>> {
    Ok(
        sqlx::query_as("SELECT status, COUNT(*) FROM messages GROUP BY status")
            .fetch_all(conn)
            .await?,
    )
}
