//! Messages visitors send from the contacts page and the answers to them (SU-1).

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

/// A message with its answer once there is one, and the status of the answer's delivery.
#[derive(Debug, Clone, FromRow)]
pub struct InquiryRow {
    pub id: i64,
    pub customer_id: i64,
    pub order_id: Option<i64>,
    pub order_named: Option<i64>,
    pub name: String,
    /// `email` or `sms`: the channel of the contact the visitor gave, and of the answer.
    pub channel: String,
    pub contact: String,
    pub locale: String,
    pub body: String,
    pub created_at: i64,
    pub due_at: i64,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<i64>,
    pub message_status: Option<String>,
}

const SELECT: &str = "SELECT i.id, i.customer_id, i.order_id, i.order_named, i.name, i.channel, \
       i.contact, i.locale, i.body, i.created_at, i.due_at, i.answer, i.answered_by, \
       i.answered_at, m.status AS message_status \
     FROM inquiries i LEFT JOIN messages m ON m.id = i.message_id";

pub struct NewInquiry<'a> {
    pub customer_id: i64,
    pub order_id: Option<i64>,
    pub order_named: Option<i64>,
    pub name: &'a str,
    pub channel: &'a str,
    pub contact: &'a str,
    pub locale: &'a str,
    pub body: &'a str,
    pub sender: &'a str,
    pub form_key: &'a str,
    pub created_at: i64,
    pub due_at: i64,
}

/// Records a message; a form sent twice is [`crate::Error::Duplicate`] on `form_key`.
pub async fn insert(conn: &mut Conn, new: &NewInquiry<'_>) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO inquiries (customer_id, order_id, order_named, name, channel, contact, locale, \
           body, sender, form_key, created_at, due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(new.customer_id)
    .bind(new.order_id)
    .bind(new.order_named)
    .bind(new.name)
    .bind(new.channel)
    .bind(new.contact)
    .bind(new.locale)
    .bind(new.body)
    .bind(new.sender)
    .bind(new.form_key)
    .bind(new.created_at)
    .bind(new.due_at)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("form_key"))
}

pub async fn by_form_key(conn: &mut Conn, key: &str) -> Result<Option<InquiryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.form_key = $1"
    )))
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<InquiryRow>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE i.id = $1")))
            .bind(id)
            .fetch_optional(conn)
            .await?,
    )
}

/// Messages sent since `since_ms` from this contact, and from this sender.
pub async fn sent_since(
    conn: &mut Conn,
    contact: &str,
    sender: &str,
    since_ms: i64,
) -> Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT \
           CAST(COALESCE(SUM(CASE WHEN contact = $1 THEN 1 ELSE 0 END), 0) AS BIGINT), \
           CAST(COALESCE(SUM(CASE WHEN sender = $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM inquiries WHERE created_at > $3 AND (contact = $1 OR sender = $2)",
    )
    .bind(contact)
    .bind(sender)
    .bind(since_ms)
    .fetch_one(conn)
    .await?)
}

/// Messages nobody has answered, the one due first first.
pub async fn waiting(conn: &mut Conn, limit: i64) -> Result<Vec<InquiryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.answered_at IS NULL ORDER BY i.due_at, i.id LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// A customer's messages and answers, oldest first: the thread on their card.
pub async fn of_customer(conn: &mut Conn, customer_id: i64) -> Result<Vec<InquiryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.customer_id = $1 ORDER BY i.id"
    )))
    .bind(customer_id)
    .fetch_all(conn)
    .await?)
}

/// Unanswered messages past their due time: how many, and when the oldest was sent.
pub async fn overdue(conn: &mut Conn, now_ms: i64) -> Result<(i64, Option<i64>)> {
    Ok(sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), MIN(created_at) FROM inquiries \
         WHERE answered_at IS NULL AND due_at < $1",
    )
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

/// What an answer records.
pub struct Answer<'a> {
    pub text: &'a str,
    pub by: &'a str,
    pub at: i64,
    pub message_id: i64,
}

/// Records the answer unless someone answered first; false then.
pub async fn answer(conn: &mut Conn, id: i64, answer: &Answer<'_>) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE inquiries SET answer = $1, answered_by = $2, answered_at = $3, message_id = $4 \
         WHERE id = $5 AND answered_at IS NULL",
    )
    .bind(answer.text)
    .bind(answer.by)
    .bind(answer.at)
    .bind(answer.message_id)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}
