//! Messages to customers. Each is a row from the moment a rule decides to send it, in the same
//! transaction, so no decision to tell a customer is ever lost.

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
}

pub async fn queue(conn: &mut Conn, message: &MessageRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO messages (customer_id, order_id, template, channel, recipient, status, data, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7) RETURNING id",
    )
    .bind(message.customer_id)
    .bind(message.order_id)
    .bind(&message.template)
    .bind(&message.channel)
    .bind(&message.recipient)
    .bind(&message.data)
    .bind(message.created_at)
    .fetch_one(conn)
    .await?)
}

pub async fn of_order(conn: &mut Conn, order_id: i64) -> Result<Vec<MessageRow>> {
    Ok(sqlx::query_as(
        "SELECT id, customer_id, order_id, template, channel, recipient, status, data, created_at \
         FROM messages WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}
