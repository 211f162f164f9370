//! Orders, their lines and their timeline.

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as, values_list};

#[derive(Debug, Clone, FromRow)]
pub struct OrderRow {
    pub id: i64,
    pub customer_id: i64,
    pub channel: String,
    pub stage: String,
    /// JSON array of holds.
    pub holds: String,
    pub payment_mode: String,
    pub delivery_method: String,
    pub customer_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address_line: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub country: Option<String>,
    pub pickup_point: Option<String>,
    pub note: String,
    pub currency: String,
    pub subtotal_minor: i64,
    pub delivery_minor: i64,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub tracking_number: Option<String>,
    pub idempotency_key: Option<String>,
    pub request_hash: Option<String>,
    pub version: i64,
    pub placed_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct LineRow {
    pub line_no: i64,
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub options: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub note: String,
    pub status: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub data: String,
    pub reason: Option<String>,
}

/// A row for the order list: enough to scan, not the whole order.
#[derive(Debug, Clone, FromRow)]
pub struct SummaryRow {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub channel: String,
    pub stage: String,
    pub holds: String,
    pub payment_mode: String,
    pub delivery_method: String,
    pub currency: String,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub placed_at: i64,
}

const ORDER_COLUMNS: &str = "id, customer_id, channel, stage, holds, payment_mode, delivery_method, customer_name, \
     phone, email, address_line, city, postcode, country, pickup_point, note, currency, subtotal_minor, \
     delivery_minor, total_minor, paid_minor, tracking_number, idempotency_key, request_hash, version, \
     placed_at, updated_at";

const SUMMARY_COLUMNS: &str = "id, customer_id, customer_name, channel, stage, holds, payment_mode, delivery_method, \
     currency, total_minor, paid_minor, placed_at";

/// Inserts the order row as given (its `id` is ignored) and returns the new id. A reused
/// idempotency key is [`crate::Error::Duplicate`].
pub async fn insert(conn: &mut Conn, order: &OrderRow) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO orders (customer_id, channel, stage, holds, payment_mode, delivery_method, customer_name, \
         phone, email, address_line, city, postcode, country, pickup_point, note, currency, subtotal_minor, \
         delivery_minor, total_minor, paid_minor, tracking_number, idempotency_key, request_hash, version, \
         placed_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26) RETURNING id",
    )
    .bind(order.customer_id)
    .bind(&order.channel)
    .bind(&order.stage)
    .bind(&order.holds)
    .bind(&order.payment_mode)
    .bind(&order.delivery_method)
    .bind(&order.customer_name)
    .bind(&order.phone)
    .bind(&order.email)
    .bind(&order.address_line)
    .bind(&order.city)
    .bind(&order.postcode)
    .bind(&order.country)
    .bind(&order.pickup_point)
    .bind(&order.note)
    .bind(&order.currency)
    .bind(order.subtotal_minor)
    .bind(order.delivery_minor)
    .bind(order.total_minor)
    .bind(order.paid_minor)
    .bind(&order.tracking_number)
    .bind(&order.idempotency_key)
    .bind(&order.request_hash)
    .bind(order.version)
    .bind(order.placed_at)
    .bind(order.updated_at)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("idempotency_key"))
}

/// Writes the lifecycle state of an order if nobody changed it since `order.version` was read.
/// The stored version becomes `order.version + 1`.
pub async fn update_state(conn: &mut Conn, order: &OrderRow) -> Result<()> {
    let updated = sqlx::query(
        "UPDATE orders SET stage = $1, holds = $2, subtotal_minor = $3, total_minor = $4, paid_minor = $5, \
         tracking_number = $6, updated_at = $7, version = version + 1 WHERE id = $8 AND version = $9",
    )
    .bind(&order.stage)
    .bind(&order.holds)
    .bind(order.subtotal_minor)
    .bind(order.total_minor)
    .bind(order.paid_minor)
    .bind(&order.tracking_number)
    .bind(order.updated_at)
    .bind(order.id)
    .bind(order.version)
    .execute(conn)
    .await?
    .rows_affected();
    if updated == 1 {
        Ok(())
    } else {
        Err(crate::Error::Stale)
    }
}

/// Inserts all lines of a new order in one statement.
pub async fn insert_lines(conn: &mut Conn, order_id: i64, lines: &[LineRow]) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO order_lines (order_id, line_no, variant_id, sku, title, options, quantity, unit_price_minor, note, status) VALUES {}",
        values_list(lines.len(), 10)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for line in lines {
        query = query
            .bind(order_id)
            .bind(line.line_no)
            .bind(line.variant_id)
            .bind(&line.sku)
            .bind(&line.title)
            .bind(&line.options)
            .bind(line.quantity)
            .bind(line.unit_price_minor)
            .bind(&line.note)
            .bind(&line.status);
    }
    query.execute(conn).await?;
    Ok(())
}

pub async fn set_line_status(
    conn: &mut Conn,
    order_id: i64,
    line_no: i64,
    status: &str,
) -> Result<()> {
    sqlx::query("UPDATE order_lines SET status = $1 WHERE order_id = $2 AND line_no = $3")
        .bind(status)
        .bind(order_id)
        .bind(line_no)
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends events to an order's timeline in one statement, in the order given.
pub async fn append_events(conn: &mut Conn, order_id: i64, events: &[EventRow]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO order_events (order_id, at, actor, kind, data, reason) VALUES {}",
        values_list(events.len(), 6)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for event in events {
        query = query
            .bind(order_id)
            .bind(event.at)
            .bind(&event.actor)
            .bind(&event.kind)
            .bind(&event.data)
            .bind(&event.reason);
    }
    query.execute(conn).await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<OrderRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn by_idempotency_key(conn: &mut Conn, key: &str) -> Result<Option<OrderRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE idempotency_key = $1"
    )))
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

pub async fn lines(conn: &mut Conn, order_id: i64) -> Result<Vec<LineRow>> {
    Ok(sqlx::query_as(
        "SELECT line_no, variant_id, sku, title, options, quantity, unit_price_minor, note, status \
         FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

pub async fn events(conn: &mut Conn, order_id: i64) -> Result<Vec<EventRow>> {
    Ok(sqlx::query_as(
        "SELECT at, actor, kind, data, reason FROM order_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Filters for the order list; empty strings mean "any".
pub struct Filter<'a> {
    pub stage: &'a str,
    /// An order number, or part of a name, phone or email.
    pub q: &'a str,
    pub customer_id: Option<i64>,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list(conn: &mut Conn, filter: &Filter<'_>) -> Result<Vec<SummaryRow>> {
    let pattern = format!("%{}%", filter.q.to_lowercase());
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY_COLUMNS} FROM orders \
         WHERE ($1 = '' OR stage = $1) \
           AND ($2 = '' OR CAST(id AS TEXT) = $2 OR LOWER(customer_name) LIKE $3 OR phone LIKE $3 OR email LIKE $3) \
           AND ($4 = 0 OR customer_id = $4) \
         ORDER BY id DESC LIMIT $5 OFFSET $6"
    )))
    .bind(filter.stage)
    .bind(filter.q)
    .bind(pattern)
    .bind(filter.customer_id.unwrap_or(0))
    .bind(filter.limit)
    .bind(filter.offset)
    .fetch_all(conn)
    .await?)
}
