//! What the back office's pages read beyond a single record: the order list with its filters,
//! and the counts on the dashboard.

pub mod accounts;
pub mod tasks;
pub mod tokens;

use sqlx::FromRow;

use crate::orders::{OPEN_TO_STAFF, SUMMARY_COLUMNS, SummaryRow};
use crate::{Conn, Result};

/// Filters for the order list; an empty string means "any".
pub struct OrderFilter<'a> {
    pub stage: &'a str,
    /// A hold kind, such as `needs_call`.
    pub hold: &'a str,
    pub channel: &'a str,
    pub payment_mode: &'a str,
    pub delivery_method: &'a str,
    /// An order number, or part of a name, phone or email.
    pub q: &'a str,
    /// The orders the reader's role lets them see.
    pub scope: crate::orders::Scope,
    pub limit: i64,
    pub offset: i64,
}

/// Orders matching every filter, newest first.
pub async fn orders(conn: &mut Conn, filter: &OrderFilter<'_>) -> Result<Vec<SummaryRow>> {
    let q = filter.q.trim();
    let pattern = crate::contains_pattern(q);
    // A phone is stored as +4791234567 while people type "912 34 567": compare digits alone.
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    let typed_phone = q
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let phone_pattern = if typed_phone && digits.len() >= 3 {
        format!("%{digits}%")
    } else {
        String::new()
    };
    let hold_pattern = if filter.hold.is_empty() {
        String::new()
    } else {
        format!("%\"kind\":\"{}\"%", filter.hold)
    };
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY_COLUMNS} FROM orders \
         WHERE ($1 = '' OR stage = $1) \
           AND ($2 = '' OR holds LIKE $2) \
           AND ($3 = '' OR channel = $3) \
           AND ($4 = '' OR payment_mode = $4) \
           AND ($5 = '' OR delivery_method = $5) \
           AND ($6 = '' OR CAST(id AS TEXT) = $6 OR search LIKE $7 ESCAPE '\\' \
                OR ($8 <> '' AND phone LIKE $8)) \
           AND {scope} \
         ORDER BY id DESC LIMIT $11 OFFSET $12",
        scope = crate::orders::Scope::clause(9)
    )))
    .bind(filter.stage)
    .bind(hold_pattern)
    .bind(filter.channel)
    .bind(filter.payment_mode)
    .bind(filter.delivery_method)
    .bind(q)
    .bind(pattern)
    .bind(phone_pattern)
    .bind(filter.scope.binds().0)
    .bind(filter.scope.binds().1)
    .bind(filter.limit)
    .bind(filter.offset)
    .fetch_all(conn)
    .await?)
}

/// The channels orders came from, for the list's filter.
pub async fn channels(conn: &mut Conn) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT DISTINCT channel FROM orders WHERE {OPEN_TO_STAFF} ORDER BY channel"
    )))
    .fetch_all(conn)
    .await?)
}

/// Orders placed since `from_ms`, counted by the stage they are in now.
pub async fn stages_since(conn: &mut Conn, from_ms: i64) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT stage, CAST(COUNT(*) AS BIGINT) FROM orders WHERE placed_at >= $1 AND {OPEN_TO_STAFF} \
         GROUP BY stage"
    )))
    .bind(from_ms)
    .fetch_all(conn)
    .await?)
}

/// Open tasks due by `now_ms`.
pub async fn tasks_due(conn: &mut Conn, now_ms: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM tasks WHERE state = 'open' AND due_at <= $1",
    )
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

/// An invoice past its deadline (PY-2).
#[derive(Debug, Clone, FromRow)]
pub struct OverdueRow {
    pub id: i64,
    pub customer_name: String,
    pub currency: String,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub payment_due_at: i64,
}

/// Orders waiting for a payment whose deadline passed, the longest overdue first.
pub async fn overdue_payments(conn: &mut Conn, now_ms: i64, limit: i64) -> Result<Vec<OverdueRow>> {
    Ok(sqlx::query_as(
        "SELECT id, customer_name, currency, total_minor, paid_minor, payment_due_at FROM orders \
         WHERE stage = 'awaiting_payment' AND payment_due_at IS NOT NULL AND payment_due_at < $1 \
           AND paid_minor < total_minor \
         ORDER BY payment_due_at, id LIMIT $2",
    )
    .bind(now_ms)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
