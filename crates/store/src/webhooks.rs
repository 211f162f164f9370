//! Outgoing webhooks: the owner's endpoints and each event's delivery to one of them.

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct EndpointRow {
    pub id: i64,
    pub url: String,
    /// A JSON array of event names.
    pub events: String,
    pub secret: String,
    pub created_at: i64,
    pub removed_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub endpoint_id: i64,
    pub event_id: String,
    pub event: String,
    pub body: String,
    /// `queued`, `delivered`, `dead` or `dropped`.
    pub state: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

const ENDPOINT_COLUMNS: &str = "id, url, events, secret, created_at, removed_at";
const DELIVERY_COLUMNS: &str = "id, endpoint_id, event_id, event, body, state, attempts, \
    last_status, last_error, created_at, delivered_at";

pub async fn add_endpoint(
    conn: &mut Conn,
    url: &str,
    events: &str,
    secret: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO webhook_endpoints (url, events, secret, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(url)
    .bind(events)
    .bind(secret)
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

/// The endpoints not removed, oldest first.
pub async fn endpoints(conn: &mut Conn) -> Result<Vec<EndpointRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE removed_at IS NULL ORDER BY id"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn endpoint(conn: &mut Conn, id: i64) -> Result<Option<EndpointRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Removes an endpoint; its deliveries still waiting are dropped. `false` when there was none.
pub async fn remove_endpoint(conn: &mut Conn, id: i64, now_ms: i64) -> Result<bool> {
    let removed = sqlx::query(
        "UPDATE webhook_endpoints SET removed_at = $1 WHERE id = $2 AND removed_at IS NULL",
    )
    .bind(now_ms)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(
        "UPDATE webhook_deliveries SET state = 'dropped' \
         WHERE endpoint_id = $1 AND state IN ('queued', 'dead')",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(removed == 1)
}

/// Records an event for an endpoint, to be delivered; returns its id.
pub async fn add_delivery(
    conn: &mut Conn,
    endpoint_id: i64,
    event_id: &str,
    event: &str,
    body: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO webhook_deliveries (endpoint_id, event_id, event, body, state, created_at) \
         VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING id",
    )
    .bind(endpoint_id)
    .bind(event_id)
    .bind(event)
    .bind(body)
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

pub async fn delivery(conn: &mut Conn, id: i64) -> Result<Option<DeliveryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Deliveries in a state (all for an empty one), newest first.
pub async fn deliveries(conn: &mut Conn, state: &str, limit: i64) -> Result<Vec<DeliveryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ($1 = '' OR state = $1) \
         ORDER BY id DESC LIMIT $2"
    )))
    .bind(state)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// One attempt of a queued delivery and how it ended: its new state (`queued` to try again,
/// `delivered`, `dead`, `dropped`), the HTTP status when there was an answer, the error when
/// it failed.
pub async fn record_attempt(
    conn: &mut Conn,
    id: i64,
    state: &str,
    status: Option<i64>,
    error: Option<&str>,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE webhook_deliveries SET state = $1, attempts = attempts + 1, last_status = $2, \
         last_error = $3, delivered_at = CASE WHEN $1 = 'delivered' THEN $4 ELSE delivered_at END \
         WHERE id = $5 AND state = 'queued'",
    )
    .bind(state)
    .bind(status)
    .bind(error)
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Queues a dead delivery again; `false` when it is not dead.
pub async fn requeue(conn: &mut Conn, id: i64) -> Result<bool> {
    let again = sqlx::query(
        "UPDATE webhook_deliveries SET state = 'queued' WHERE id = $1 AND state = 'dead'",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(again.rows_affected() == 1)
}
