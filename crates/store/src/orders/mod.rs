//! Orders, their lines and their timeline.

pub mod paying;
pub mod payments;

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
    pub payment_mode: Option<String>,
    pub delivery_method: Option<String>,
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
    pub discount_minor: i64,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub refunded_minor: i64,
    pub tracking_number: Option<String>,
    pub idempotency_key: Option<String>,
    pub request_hash: Option<String>,
    pub version: i64,
    pub placed_at: i64,
    pub updated_at: i64,
    /// JSON array of what the intake checks found (CK-1..3).
    pub checks: String,
    /// The promised delivery window, `YYYY-MM-DD` (CK-4).
    pub promise_earliest: Option<String>,
    pub promise_latest: Option<String>,
    /// The secret in the customer's link to the order (CF-1).
    pub confirm_token: Option<String>,
    pub payment_due_at: Option<i64>,
    /// When the order left checking and confirmation (CF-5).
    pub processed_at: Option<i64>,
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
    pub payment_mode: Option<String>,
    pub delivery_method: Option<String>,
    pub currency: String,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub placed_at: i64,
}

const ORDER_COLUMNS: &str = "id, customer_id, channel, stage, holds, payment_mode, delivery_method, customer_name, \
     phone, email, address_line, city, postcode, country, pickup_point, note, currency, subtotal_minor, \
     delivery_minor, total_minor, paid_minor, tracking_number, idempotency_key, request_hash, version, \
     placed_at, updated_at, checks, promise_earliest, promise_latest, confirm_token, payment_due_at, processed_at, \
     discount_minor, refunded_minor";

pub(crate) const SUMMARY_COLUMNS: &str = "id, customer_id, customer_name, channel, stage, holds, payment_mode, delivery_method, \
     currency, total_minor, paid_minor, placed_at";

/// Inserts the order row as given (its `id` is ignored) and returns the new id, its number,
/// never one handed out before (see [`crate::numbers`]). A reused idempotency key is
/// [`crate::Error::Duplicate`].
pub async fn insert(conn: &mut Conn, order: &OrderRow) -> Result<i64> {
    let id = crate::numbers::next(conn, crate::numbers::Numbered::Orders).await?;
    sqlx::query_scalar(
        "INSERT INTO orders (customer_id, channel, stage, holds, payment_mode, delivery_method, customer_name, \
         phone, email, address_line, city, postcode, country, pickup_point, note, currency, subtotal_minor, \
         delivery_minor, total_minor, paid_minor, tracking_number, idempotency_key, request_hash, version, \
         placed_at, updated_at, checks, promise_earliest, promise_latest, confirm_token, payment_due_at, processed_at, \
         discount_minor, id, search) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35) RETURNING id",
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
    .bind(&order.checks)
    .bind(&order.promise_earliest)
    .bind(&order.promise_latest)
    .bind(&order.confirm_token)
    .bind(order.payment_due_at)
    .bind(order.processed_at)
    .bind(order.discount_minor)
    .bind(id)
    .bind(search_of(order))
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("idempotency_key"))
}

/// Writes the lifecycle state of an order if nobody changed it since `order.version` was read.
/// The stored version becomes `order.version + 1`.
pub async fn update_state(conn: &mut Conn, order: &OrderRow) -> Result<()> {
    let updated = sqlx::query(
        "UPDATE orders SET stage = $1, holds = $2, subtotal_minor = $3, total_minor = $4, paid_minor = $5, \
         tracking_number = $6, updated_at = $7, payment_mode = $8, delivery_method = $9, checks = $10, \
         promise_earliest = $11, promise_latest = $12, payment_due_at = $13, processed_at = $14, \
         delivery_minor = $17, discount_minor = $18, refunded_minor = $19, version = version + 1 \
         WHERE id = $15 AND version = $16",
    )
    .bind(&order.stage)
    .bind(&order.holds)
    .bind(order.subtotal_minor)
    .bind(order.total_minor)
    .bind(order.paid_minor)
    .bind(&order.tracking_number)
    .bind(order.updated_at)
    .bind(&order.payment_mode)
    .bind(&order.delivery_method)
    .bind(&order.checks)
    .bind(&order.promise_earliest)
    .bind(&order.promise_latest)
    .bind(order.payment_due_at)
    .bind(order.processed_at)
    .bind(order.id)
    .bind(order.version)
    .bind(order.delivery_minor)
    .bind(order.discount_minor)
    .bind(order.refunded_minor)
    .execute(conn)
    .await?
    .rows_affected();
    if updated == 1 {
        Ok(())
    } else {
        Err(crate::Error::Stale)
    }
}

/// What the order list's search matches: the name, phone and email, folded.
fn search_of(order: &OrderRow) -> String {
    crate::search::folded(&[
        Some(&order.customer_name),
        order.phone.as_deref(),
        order.email.as_deref(),
    ])
}

/// Writes the customer's details and the delivery of an order (its name, contacts, address,
/// pickup point and method, with the prices, checks and promise that follow) if nobody changed
/// it since `order.version` was read, and the `search` column they feed.
pub async fn update_details(conn: &mut Conn, order: &OrderRow) -> Result<()> {
    let updated = sqlx::query(
        "UPDATE orders SET customer_name = $1, phone = $2, email = $3, address_line = $4, city = $5, \
         postcode = $6, country = $7, pickup_point = $8, delivery_method = $9, delivery_minor = $10, \
         total_minor = $11, checks = $12, promise_earliest = $13, promise_latest = $14, updated_at = $15, \
         search = $16, version = version + 1 WHERE id = $17 AND version = $18",
    )
    .bind(&order.customer_name)
    .bind(&order.phone)
    .bind(&order.email)
    .bind(&order.address_line)
    .bind(&order.city)
    .bind(&order.postcode)
    .bind(&order.country)
    .bind(&order.pickup_point)
    .bind(&order.delivery_method)
    .bind(order.delivery_minor)
    .bind(order.total_minor)
    .bind(&order.checks)
    .bind(&order.promise_earliest)
    .bind(&order.promise_latest)
    .bind(order.updated_at)
    .bind(search_of(order))
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
/// Takes the order's row lock for the rest of the transaction (PostgreSQL; SQLite writers are
/// already alone). Returns whether the order exists.
pub async fn lock(conn: &mut Conn, id: i64) -> Result<bool> {
    let found = sqlx::query("UPDATE orders SET version = version WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(found == 1)
}

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

/// Moves the promised delivery window (CK-4).
pub async fn set_promise(
    conn: &mut Conn,
    order_id: i64,
    earliest: &str,
    latest: &str,
) -> Result<()> {
    sqlx::query("UPDATE orders SET promise_earliest = $1, promise_latest = $2 WHERE id = $3")
        .bind(earliest)
        .bind(latest)
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Puts another variant on a line at `unit_price_minor` (a substitute, ST-1).
pub async fn replace_variant(
    conn: &mut Conn,
    order_id: i64,
    line_no: i64,
    variant: &crate::catalog::OfferRow,
    unit_price_minor: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE order_lines SET variant_id = $1, sku = $2, title = $3, options = $4, unit_price_minor = $5 \
         WHERE order_id = $6 AND line_no = $7",
    )
    .bind(variant.variant_id)
    .bind(&variant.sku)
    .bind(&variant.title)
    .bind(&variant.options)
    .bind(unit_price_minor)
    .bind(order_id)
    .bind(line_no)
    .execute(conn)
    .await?;
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

pub async fn by_confirm_token(conn: &mut Conn, token: &str) -> Result<Option<OrderRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE confirm_token = $1"
    )))
    .bind(token)
    .fetch_optional(conn)
    .await?)
}

/// Per day (in the shop's offset, given in milliseconds), the orders placed and how many of them
/// left checking and confirmation the same day (CF-5).
pub async fn processing_by_day(
    conn: &mut Conn,
    from_ms: i64,
    to_ms: i64,
    offset_ms: i64,
) -> Result<Vec<(i64, i64, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT day, CAST(COUNT(*) AS BIGINT), CAST(SUM(same_day) AS BIGINT) FROM ( \
           SELECT (placed_at + $3) / 86400000 AS day, \
                  CASE WHEN processed_at IS NOT NULL AND (processed_at + $3) / 86400000 = (placed_at + $3) / 86400000 \
                       THEN 1 ELSE 0 END AS same_day \
           FROM orders WHERE placed_at >= $1 AND placed_at < $2 AND {OPEN_TO_STAFF}) AS placed \
         GROUP BY day ORDER BY day",
    )))
    .bind(from_ms)
    .bind(to_ms)
    .bind(offset_ms)
    .fetch_all(conn)
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

/// The orders the shop's people and reports know of: not a checkout still being paid online, nor
/// one given up unpaid (PY-1).
pub const OPEN_TO_STAFF: &str = "stage NOT IN ('paying', 'abandoned')";

/// Which orders a reader's role lets them list: every one, the ones being packed, or the stops
/// of one courier's route.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Every,
    /// Orders being assembled, ready to leave or on their way.
    Packing,
    /// Orders handed to this courier.
    Stops(i64),
}

/// The stages a packer works in: assembling, ready to leave, and on its way, when the packer
/// still sees what was handed over and may print the slip again.
pub const PACKING_STAGES: [&str; 3] = ["assembling", "ready", "in_transit"];

impl Scope {
    /// The condition on `orders` (as `orders`) that keeps the scope's orders, with its two
    /// parameters numbered from `first`; bind them with [`Scope::binds`]. No scope lists an
    /// order the staff do not know of yet.
    pub(crate) fn clause(first: usize) -> String {
        let (packing, courier) = (first, first + 1);
        let stages = PACKING_STAGES.map(|s| format!("'{s}'")).join(", ");
        format!(
            "{OPEN_TO_STAFF} AND (${packing} = 0 OR stage IN ({stages})) \
             AND (${courier} = 0 OR EXISTS (SELECT 1 FROM shipments s \
                  WHERE s.order_id = orders.id AND s.courier_id = ${courier}))"
        )
    }

    pub(crate) fn binds(self) -> (i64, i64) {
        match self {
            Self::Every => (0, 0),
            Self::Packing => (1, 0),
            Self::Stops(courier) => (0, courier),
        }
    }
}

/// Filters for the order list; empty strings mean "any".
pub struct Filter<'a> {
    pub stage: &'a str,
    /// An order number, or part of a name, phone or email.
    pub q: &'a str,
    pub customer_id: Option<i64>,
    pub scope: Scope,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list(conn: &mut Conn, filter: &Filter<'_>) -> Result<Vec<SummaryRow>> {
    let pattern = crate::contains_pattern(filter.q);
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY_COLUMNS} FROM orders \
         WHERE ($1 = '' OR stage = $1) \
           AND ($2 = '' OR CAST(id AS TEXT) = $2 OR search LIKE $3 ESCAPE '\\') \
           AND ($4 = 0 OR customer_id = $4) \
           AND {scope} \
         ORDER BY id DESC LIMIT $7 OFFSET $8",
        scope = Scope::clause(5)
    )))
    .bind(filter.stage)
    .bind(filter.q)
    .bind(pattern)
    .bind(filter.customer_id.unwrap_or(0))
    .bind(filter.scope.binds().0)
    .bind(filter.scope.binds().1)
    .bind(filter.limit)
    .bind(filter.offset)
    .fetch_all(conn)
    .await?)
}
