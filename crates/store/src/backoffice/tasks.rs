//! The manager's task queue: calls to make, data to clarify, payments to help with, customer
//! choices to chase.

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct TaskRow {
    pub id: i64,
    /// The order the task is about; none for a task about the whole shop.
    pub order_id: Option<i64>,
    pub kind: String,
    pub state: String,
    pub due_at: i64,
    pub priority: i64,
    pub assignee: Option<String>,
    pub reason: String,
    pub attempts: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct AttemptRow {
    pub task_id: i64,
    pub at: i64,
    pub actor: String,
    pub outcome: String,
    pub note: String,
}

const TASK_COLUMNS: &str =
    "id, order_id, kind, state, due_at, priority, assignee, reason, attempts, created_at";

/// Opens a task unless the order already has an open one of that kind; returns its id.
pub async fn open(
    conn: &mut Conn,
    order_id: i64,
    kind: &str,
    due_at: i64,
    priority: i64,
    reason: &str,
    now_ms: i64,
) -> Result<i64> {
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM tasks WHERE order_id = $1 AND kind = $2 AND state = 'open'",
    )
    .bind(order_id)
    .bind(kind)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    Ok(sqlx::query_scalar(
        "INSERT INTO tasks (order_id, kind, state, due_at, priority, reason, created_at) \
         VALUES ($1, $2, 'open', $3, $4, $5, $6) RETURNING id",
    )
    .bind(order_id)
    .bind(kind)
    .bind(due_at)
    .bind(priority)
    .bind(reason)
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

/// Opens a task about the whole shop unless one of that kind is open, or brings the open
/// one's reason up to date; returns its id. A unique index keeps one open per kind, so two
/// instances opening it at once make one.
pub async fn open_for_shop(
    conn: &mut Conn,
    kind: &str,
    due_at: i64,
    priority: i64,
    reason: &str,
    now_ms: i64,
) -> Result<i64> {
    sqlx::query(
        "INSERT INTO tasks (order_id, kind, state, due_at, priority, reason, created_at) \
         VALUES (NULL, $1, 'open', $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(kind)
    .bind(due_at)
    .bind(priority)
    .bind(reason)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query_scalar(
        "UPDATE tasks SET reason = $1 WHERE order_id IS NULL AND kind = $2 AND state = 'open' \
         RETURNING id",
    )
    .bind(reason)
    .bind(kind)
    .fetch_one(conn)
    .await?)
}

/// Closes the shop's open task of `kind` as `state`; answers whether one was open.
pub async fn close_for_shop(conn: &mut Conn, kind: &str, state: &str, now_ms: i64) -> Result<bool> {
    let closed = sqlx::query(
        "UPDATE tasks SET state = $1, closed_at = $2 \
         WHERE order_id IS NULL AND kind = $3 AND state = 'open'",
    )
    .bind(state)
    .bind(now_ms)
    .bind(kind)
    .execute(conn)
    .await?;
    Ok(closed.rows_affected() > 0)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<TaskRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TASK_COLUMNS} FROM tasks WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Open tasks due by `due_by` (all open tasks when it is `i64::MAX`), most urgent first.
pub async fn due(conn: &mut Conn, due_by: i64, kind: &str, limit: i64) -> Result<Vec<TaskRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TASK_COLUMNS} FROM tasks WHERE state = 'open' AND due_at <= $1 AND ($2 = '' OR kind = $2) \
         ORDER BY priority DESC, due_at, id LIMIT $3"
    )))
    .bind(due_by)
    .bind(kind)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

pub async fn of_order(conn: &mut Conn, order_id: i64) -> Result<Vec<TaskRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TASK_COLUMNS} FROM tasks WHERE order_id = $1 ORDER BY id"
    )))
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

pub async fn attempts_of(conn: &mut Conn, task_id: i64) -> Result<Vec<AttemptRow>> {
    Ok(sqlx::query_as("SELECT task_id, at, actor, outcome, note FROM task_attempts WHERE task_id = $1 ORDER BY id")
        .bind(task_id)
        .fetch_all(conn)
        .await?)
}

pub async fn add_attempt(conn: &mut Conn, attempt: &AttemptRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO task_attempts (task_id, at, actor, outcome, note) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(attempt.task_id)
    .bind(attempt.at)
    .bind(&attempt.actor)
    .bind(&attempt.outcome)
    .bind(&attempt.note)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE tasks SET attempts = attempts + 1 WHERE id = $1")
        .bind(attempt.task_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn reschedule(conn: &mut Conn, id: i64, due_at: i64) -> Result<()> {
    sqlx::query("UPDATE tasks SET due_at = $1 WHERE id = $2")
        .bind(due_at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Closes the order's open tasks of these kinds (all kinds when empty) as `state`.
pub async fn close_for_order(
    conn: &mut Conn,
    order_id: i64,
    kinds: &[&str],
    state: &str,
    now_ms: i64,
) -> Result<()> {
    let all = kinds.is_empty();
    let kinds = kinds.join(",");
    sqlx::query(
        "UPDATE tasks SET state = $1, closed_at = $2 WHERE order_id = $3 AND state = 'open' \
         AND ($4 = 1 OR ',' || $5 || ',' LIKE '%,' || kind || ',%')",
    )
    .bind(state)
    .bind(now_ms)
    .bind(order_id)
    .bind(i64::from(all))
    .bind(kinds)
    .execute(conn)
    .await?;
    Ok(())
}
