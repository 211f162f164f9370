//! Suppliers and purchase orders (ST-2), and the waiting orders their goods go to first (ST-1).

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct SupplierRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub lead_time_days: i64,
    pub note: String,
}

pub struct NewSupplier<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub lead_time_days: i64,
    pub note: &'a str,
    pub at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct PurchaseOrderRow {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier: String,
    pub location_id: i64,
    pub location: String,
    pub state: String,
    pub expected_on: String,
    pub note: String,
    pub created_by: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct PurchaseLineRow {
    pub purchase_order_id: i64,
    pub line_no: i64,
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub quantity: i64,
    pub received: i64,
}

pub struct NewPurchaseOrder<'a> {
    pub supplier_id: i64,
    pub location_id: i64,
    pub expected_on: &'a str,
    pub note: &'a str,
    pub created_by: &'a str,
    pub at: i64,
    pub idempotency: Option<(&'a str, &'a str)>,
}

/// A line of an order that waits for goods from a supplier, oldest order first.
#[derive(Debug, Clone, FromRow)]
pub struct WaitingLine {
    pub reservation_id: i64,
    pub order_id: i64,
    pub line_no: i64,
    pub quantity: i64,
}

pub async fn insert_supplier(conn: &mut Conn, supplier: &NewSupplier<'_>) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO suppliers (name, email, phone, lead_time_days, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(supplier.name)
    .bind(supplier.email)
    .bind(supplier.phone)
    .bind(supplier.lead_time_days)
    .bind(supplier.note)
    .bind(supplier.at)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("name"))
}

const SUPPLIER_COLUMNS: &str = "id, name, email, phone, lead_time_days, note";

pub async fn suppliers(conn: &mut Conn) -> Result<Vec<SupplierRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUPPLIER_COLUMNS} FROM suppliers ORDER BY name"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn supplier(conn: &mut Conn, id: i64) -> Result<Option<SupplierRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUPPLIER_COLUMNS} FROM suppliers WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn insert_purchase_order(
    conn: &mut Conn,
    order: &NewPurchaseOrder<'_>,
    lines: &[(i64, i64)],
) -> Result<i64> {
    let (key, hash) = order.idempotency.unzip();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO purchase_orders (supplier_id, location_id, state, expected_on, note, created_by, created_at, idempotency_key, request_hash) \
         VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(order.supplier_id)
    .bind(order.location_id)
    .bind(order.expected_on)
    .bind(order.note)
    .bind(order.created_by)
    .bind(order.at)
    .bind(key)
    .bind(hash)
    .fetch_one(&mut *conn)
    .await
    .map_err(duplicate_as("Idempotency-Key"))?;
    for (line_no, (variant_id, quantity)) in (1..).zip(lines) {
        sqlx::query(
            "INSERT INTO purchase_order_lines (purchase_order_id, line_no, variant_id, quantity) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(line_no)
        .bind(*variant_id)
        .bind(*quantity)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The purchase order made with this idempotency key, and the hash of its request.
pub async fn by_idempotency_key(
    conn: &mut Conn,
    key: &str,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(
        sqlx::query_as("SELECT id, request_hash FROM purchase_orders WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}

const ORDER_SELECT: &str = "SELECT po.id, po.supplier_id, s.name AS supplier, po.location_id, l.code AS location, \
     po.state, po.expected_on, po.note, po.created_by, po.created_at \
     FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id JOIN locations l ON l.id = po.location_id";

pub async fn purchase_order(conn: &mut Conn, id: i64) -> Result<Option<PurchaseOrderRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ORDER_SELECT} WHERE po.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Purchase orders in `state` (every state when empty), the soonest expected first.
pub async fn purchase_orders(conn: &mut Conn, state: &str) -> Result<Vec<PurchaseOrderRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ORDER_SELECT} WHERE ($1 = '' OR po.state = $1) ORDER BY po.expected_on, po.id LIMIT 500"
    )))
    .bind(state)
    .fetch_all(conn)
    .await?)
}

const LINE_SELECT: &str = "SELECT pl.purchase_order_id, pl.line_no, pl.variant_id, v.sku, p.title, pl.quantity, pl.received \
     FROM purchase_order_lines pl JOIN variants v ON v.id = pl.variant_id JOIN products p ON p.id = v.product_id";

pub async fn lines(conn: &mut Conn, id: i64) -> Result<Vec<PurchaseLineRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{LINE_SELECT} WHERE pl.purchase_order_id = $1 ORDER BY pl.line_no"
    )))
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// The lines of every purchase order in `state` (every state when empty), in one query.
pub async fn lines_in_state(conn: &mut Conn, state: &str) -> Result<Vec<PurchaseLineRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{LINE_SELECT} JOIN purchase_orders po ON po.id = pl.purchase_order_id \
         WHERE ($1 = '' OR po.state = $1) ORDER BY pl.purchase_order_id, pl.line_no"
    )))
    .bind(state)
    .fetch_all(conn)
    .await?)
}

/// Counts `quantity` more units of a line as received, unless that passes what was ordered.
pub async fn receive_line(conn: &mut Conn, id: i64, line_no: i64, quantity: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE purchase_order_lines SET received = received + $1 \
         WHERE purchase_order_id = $2 AND line_no = $3 AND received + $1 <= quantity",
    )
    .bind(quantity)
    .bind(id)
    .bind(line_no)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Moves an open purchase order to `to`; false when it was not open.
pub async fn close(conn: &mut Conn, id: i64, to: &str) -> Result<bool> {
    let done =
        sqlx::query("UPDATE purchase_orders SET state = $1 WHERE id = $2 AND state = 'open'")
            .bind(to)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected();
    Ok(done == 1)
}

/// The lines of open orders whose customers chose to wait for a variant from a supplier, in
/// the order they were placed (ST-1).
pub async fn waiting_for(conn: &mut Conn, variant_id: i64) -> Result<Vec<WaitingLine>> {
    Ok(sqlx::query_as(
        "SELECT r.id AS reservation_id, r.order_id, r.line_no, r.quantity FROM reservations r \
         JOIN order_lines ol ON ol.order_id = r.order_id AND ol.line_no = r.line_no \
         JOIN orders o ON o.id = r.order_id \
         WHERE r.state = 'ordered' AND ol.variant_id = $1 AND ol.status = 'active' \
           AND o.stage IN ('placed', 'confirming', 'awaiting_payment', 'assembling') \
         ORDER BY o.placed_at, o.id, r.line_no",
    )
    .bind(variant_id)
    .fetch_all(conn)
    .await?)
}

/// What open purchase orders still bring of a variant: the day each is expected and its units
/// not received yet, the first expected first.
pub async fn on_order(conn: &mut Conn, variant_id: i64) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT po.expected_on, pl.quantity - pl.received FROM purchase_order_lines pl \
         JOIN purchase_orders po ON po.id = pl.purchase_order_id \
         WHERE po.state = 'open' AND pl.variant_id = $1 AND pl.received < pl.quantity \
         ORDER BY po.expected_on, po.id",
    )
    .bind(variant_id)
    .fetch_all(conn)
    .await?)
}

/// Whether any line of the order still waits for a supplier.
pub async fn still_waiting(conn: &mut Conn, order_id: i64) -> Result<bool> {
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reservations WHERE order_id = $1 AND state = 'ordered'",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await?;
    Ok(waiting > 0)
}

/// A waiting line's units, now on the shop's shelf: the reservation moves to that shelf.
pub async fn hold_on_shelf(conn: &mut Conn, reservation_id: i64, stock_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE reservations SET stock_id = $1, state = 'held' WHERE id = $2 AND state = 'ordered'",
    )
    .bind(stock_id)
    .bind(reservation_id)
    .execute(conn)
    .await?;
    Ok(())
}
