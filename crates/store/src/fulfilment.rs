//! Fulfilment records: scans, flaws, parcels, coupons, shipments, carrier reports, couriers,
//! their cash and ratings (AS-1..5, DL-1..7, PY-5).

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

/// One unit to pick: where it lies and what the buyer asked for (ST-3, IN-2).
#[derive(Debug, Clone, FromRow)]
pub struct PickRow {
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub order_id: i64,
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub options: String,
    pub quantity: i64,
    pub note: String,
    pub order_note: String,
}

/// The held units of orders being assembled, by location then bin; `location` empty for all.
pub async fn pick_list(conn: &mut Conn, location: &str) -> Result<Vec<PickRow>> {
    Ok(sqlx::query_as(
        "SELECT l.code AS location, l.kind, s.bin, o.id AS order_id, ol.line_no, ol.sku, ol.title, \
         ol.options, r.quantity, ol.note, o.note AS order_note \
         FROM reservations r JOIN orders o ON o.id = r.order_id \
         JOIN order_lines ol ON ol.order_id = r.order_id AND ol.line_no = r.line_no \
         JOIN stock s ON s.id = r.stock_id JOIN locations l ON l.id = s.location_id \
         WHERE o.stage = 'assembling' AND r.state IN ('held', 'ordered') AND ol.status = 'active' \
         AND ($1 = '' OR l.code = $1) \
         ORDER BY l.kind = 'supplier', l.code, s.bin, o.id, ol.line_no",
    )
    .bind(location)
    .fetch_all(conn)
    .await?)
}

/// A line as the packer checks it: what was ordered and how many units were scanned (AS-1).
#[derive(Debug, Clone, FromRow)]
pub struct VerifyRow {
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub product_id: i64,
    pub options: String,
    pub quantity: i64,
    pub verified: i64,
}

pub async fn lines_to_verify(conn: &mut Conn, order_id: i64) -> Result<Vec<VerifyRow>> {
    Ok(sqlx::query_as(
        "SELECT ol.line_no, ol.sku, ol.title, v.product_id, ol.options, ol.quantity, \
         (SELECT COUNT(*) FROM scans sc WHERE sc.order_id = ol.order_id AND sc.line_no = ol.line_no \
          AND sc.accepted = 1) AS verified \
         FROM order_lines ol JOIN variants v ON v.id = ol.variant_id \
         WHERE ol.order_id = $1 AND ol.status = 'active' ORDER BY ol.line_no",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ScannedRow {
    pub sku: String,
    pub product_id: i64,
    pub options: String,
}

/// The variant a scanner read, by barcode or SKU.
pub async fn variant_by_code(conn: &mut Conn, code: &str) -> Result<Option<ScannedRow>> {
    Ok(sqlx::query_as(
        "SELECT sku, product_id, options FROM variants WHERE barcode = $1 OR sku = $1 LIMIT 1",
    )
    .bind(code)
    .fetch_optional(conn)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ScanRow {
    pub line_no: Option<i64>,
    pub code: String,
    pub accepted: i64,
    pub message: String,
    pub actor: String,
    pub at: i64,
}

pub async fn insert_scan(conn: &mut Conn, order_id: i64, scan: &ScanRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO scans (order_id, line_no, code, accepted, message, actor, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order_id)
    .bind(scan.line_no)
    .bind(&scan.code)
    .bind(scan.accepted)
    .bind(&scan.message)
    .bind(&scan.actor)
    .bind(scan.at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn scans_of(conn: &mut Conn, order_id: i64) -> Result<Vec<ScanRow>> {
    Ok(sqlx::query_as(
        "SELECT line_no, code, accepted, message, actor, at FROM scans WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Scans start over: a replacement unit must be scanned again (AS-2).
pub async fn forget_scans(conn: &mut Conn, order_id: i64, line_no: i64) -> Result<()> {
    sqlx::query("UPDATE scans SET accepted = 0 WHERE order_id = $1 AND line_no = $2")
        .bind(order_id)
        .bind(line_no)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct DefectRow {
    pub id: i64,
    pub line_no: i64,
    pub severity: String,
    pub note: String,
    pub discount_minor: i64,
    pub answer: Option<String>,
    pub at: i64,
}

pub async fn insert_defect(conn: &mut Conn, order_id: i64, defect: &DefectRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO defects (order_id, line_no, severity, note, discount_minor, answer, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(order_id)
    .bind(defect.line_no)
    .bind(&defect.severity)
    .bind(&defect.note)
    .bind(defect.discount_minor)
    .bind(&defect.answer)
    .bind(defect.at)
    .fetch_one(conn)
    .await?)
}

pub async fn defects_of(conn: &mut Conn, order_id: i64) -> Result<Vec<DefectRow>> {
    Ok(sqlx::query_as(
        "SELECT id, line_no, severity, note, discount_minor, answer, at FROM defects \
         WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Records the answer to an open flaw; false when none was open.
pub async fn answer_defect(
    conn: &mut Conn,
    order_id: i64,
    answer: &str,
    now_ms: i64,
) -> Result<Option<DefectRow>> {
    Ok(sqlx::query_as(
        "UPDATE defects SET answer = $2, resolved_at = $3 WHERE order_id = $1 AND answer IS NULL \
         RETURNING id, line_no, severity, note, discount_minor, answer, at",
    )
    .bind(order_id)
    .bind(answer)
    .bind(now_ms)
    .fetch_optional(conn)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ParcelRow {
    pub order_id: i64,
    pub packaging: String,
    pub weight_grams: i64,
    /// JSON array of insert names.
    pub inserts: String,
    pub coupon_code: Option<String>,
    pub packed_at: i64,
    pub actor: String,
}

pub async fn insert_parcel(conn: &mut Conn, parcel: &ParcelRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO parcels (order_id, packaging, weight_grams, inserts, coupon_code, packed_at, actor) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(parcel.order_id)
    .bind(&parcel.packaging)
    .bind(parcel.weight_grams)
    .bind(&parcel.inserts)
    .bind(&parcel.coupon_code)
    .bind(parcel.packed_at)
    .bind(&parcel.actor)
    .execute(conn)
    .await
    .map_err(duplicate_as("parcel"))?;
    Ok(())
}

pub async fn parcel(conn: &mut Conn, order_id: i64) -> Result<Option<ParcelRow>> {
    Ok(sqlx::query_as(
        "SELECT order_id, packaging, weight_grams, inserts, coupon_code, packed_at, actor FROM parcels \
         WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(conn)
    .await?)
}

/// A resent order is packed anew.
pub async fn delete_parcel(conn: &mut Conn, order_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM parcels WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE scans SET accepted = 0 WHERE order_id = $1")
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Orders the customer placed before this one and did not cancel (AS-4).
pub async fn previous_orders(conn: &mut Conn, customer_id: i64, order_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM orders WHERE customer_id = $1 AND id < $2 AND stage <> 'cancelled' \
         AND {}",
        crate::orders::OPEN_TO_STAFF
    )))
    .bind(customer_id)
    .bind(order_id)
    .fetch_one(conn)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct CouponRow {
    pub code: String,
    pub percent: i64,
    /// The order whose parcel carried it (AS-4); none for a birthday or anniversary gift.
    pub source_order: Option<i64>,
    pub expires_at: i64,
    pub used_by_order: Option<i64>,
    /// Whose gift it is (AF-8).
    pub customer_id: Option<i64>,
    /// Takes the delivery price off instead of a percentage (AF-8).
    pub free_delivery: i64,
}

pub async fn insert_coupon(conn: &mut Conn, coupon: &CouponRow, now_ms: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO coupons (code, percent, source_order, expires_at, used_by_order, created_at, \
         customer_id, free_delivery) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&coupon.code)
    .bind(coupon.percent)
    .bind(coupon.source_order)
    .bind(coupon.expires_at)
    .bind(coupon.used_by_order)
    .bind(now_ms)
    .bind(coupon.customer_id)
    .bind(coupon.free_delivery)
    .execute(conn)
    .await
    .map_err(duplicate_as("coupon"))?;
    Ok(())
}

pub async fn coupon(conn: &mut Conn, code: &str) -> Result<Option<CouponRow>> {
    Ok(sqlx::query_as(
        "SELECT code, percent, source_order, expires_at, used_by_order, customer_id, free_delivery \
         FROM coupons WHERE code = $1",
    )
    .bind(code)
    .fetch_optional(conn)
    .await?)
}

/// Marks a coupon used by an order, once: false when it was already used.
pub async fn redeem_coupon(conn: &mut Conn, code: &str, order_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE coupons SET used_by_order = $2 WHERE code = $1 AND used_by_order IS NULL",
    )
    .bind(code)
    .bind(order_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Frees the coupon an order used, if any.
pub async fn give_back_coupon(conn: &mut Conn, order_id: i64) -> Result<()> {
    sqlx::query("UPDATE coupons SET used_by_order = NULL WHERE used_by_order = $1")
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct ShipmentRow {
    pub order_id: i64,
    pub method: String,
    pub carrier: String,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub pickup_code: Option<String>,
    pub pickup_until: Option<String>,
    pub status: String,
    pub carrier_estimate: Option<String>,
    pub last_scan_at: i64,
    pub courier_id: Option<i64>,
    pub route_date: Option<String>,
    pub handed_over_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub updated_at: i64,
}

const SHIPMENT_COLUMNS: &str = "order_id, method, carrier, tracking_number, tracking_url, pickup_code, \
     pickup_until, status, carrier_estimate, last_scan_at, courier_id, route_date, handed_over_at, \
     delivered_at, updated_at";

/// Writes the shipment of an order, replacing an earlier one (a resent parcel starts anew).
pub async fn put_shipment(conn: &mut Conn, shipment: &ShipmentRow) -> Result<()> {
    sqlx::query("DELETE FROM shipments WHERE order_id = $1")
        .bind(shipment.order_id)
        .execute(&mut *conn)
        .await?;
    let sql = format!(
        "INSERT INTO shipments ({SHIPMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14, $15)"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(shipment.order_id)
        .bind(&shipment.method)
        .bind(&shipment.carrier)
        .bind(&shipment.tracking_number)
        .bind(&shipment.tracking_url)
        .bind(&shipment.pickup_code)
        .bind(&shipment.pickup_until)
        .bind(&shipment.status)
        .bind(&shipment.carrier_estimate)
        .bind(shipment.last_scan_at)
        .bind(shipment.courier_id)
        .bind(&shipment.route_date)
        .bind(shipment.handed_over_at)
        .bind(shipment.delivered_at)
        .bind(shipment.updated_at)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn shipment(conn: &mut Conn, order_id: i64) -> Result<Option<ShipmentRow>> {
    let sql = format!("SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE order_id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(order_id)
        .fetch_optional(conn)
        .await?)
}

/// The parcel reached the customer, however that became known. Tells whether one of the
/// shop's couriers brought it.
pub async fn mark_delivered(conn: &mut Conn, order_id: i64, now_ms: i64) -> Result<bool> {
    sqlx::query(
        "UPDATE shipments SET status = 'delivered', delivered_at = COALESCE(delivered_at, $2), \
         updated_at = $2 WHERE order_id = $1",
    )
    .bind(order_id)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    Ok(shipment(conn, order_id)
        .await?
        .is_some_and(|s| s.courier_id.is_some()))
}

/// A courier's deliveries for a day, in the order they were handed over: the route's order,
/// which a stop's progress does not change.
pub async fn route(conn: &mut Conn, courier_id: i64, day: &str) -> Result<Vec<ShipmentRow>> {
    let sql = format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE courier_id = $1 AND route_date = $2 \
         ORDER BY handed_over_at, order_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(courier_id)
        .bind(day)
        .fetch_all(conn)
        .await?)
}

/// A courier's parcels from routes before `day` that are still on their way: carried over to
/// this day's route, oldest first (DL-7).
pub async fn carried_over(conn: &mut Conn, courier_id: i64, day: &str) -> Result<Vec<ShipmentRow>> {
    let sql = format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE courier_id = $1 AND route_date < $2 \
         AND status <> 'delivered' AND order_id IN (SELECT id FROM orders WHERE stage = 'in_transit') \
         ORDER BY route_date, handed_over_at, order_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(courier_id)
        .bind(day)
        .fetch_all(conn)
        .await?)
}

/// Takes a carrier's report once: false when this event was already taken.
pub async fn take_carrier_event(
    conn: &mut Conn,
    carrier: &str,
    event_id: &str,
    order_id: i64,
    status: &str,
    now_ms: i64,
) -> Result<bool> {
    match sqlx::query(
        "INSERT INTO carrier_events (carrier, event_id, order_id, status, received_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(carrier)
    .bind(event_id)
    .bind(order_id)
    .bind(status)
    .bind(now_ms)
    .execute(conn)
    .await
    .map_err(duplicate_as("carrier event"))
    {
        Ok(_) => Ok(true),
        Err(crate::Error::Duplicate(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// The order a carrier's tracking number belongs to.
pub async fn order_by_tracking(conn: &mut Conn, tracking_number: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT order_id FROM shipments WHERE tracking_number = $1")
            .bind(tracking_number)
            .fetch_optional(conn)
            .await?,
    )
}

#[derive(Debug, Clone, FromRow)]
pub struct CourierRow {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub active: i64,
    /// The back-office user who delivers as this courier.
    pub user_id: Option<i64>,
}

pub async fn insert_courier(conn: &mut Conn, name: &str, phone: &str, now_ms: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO couriers (name, phone, active, created_at) VALUES ($1, $2, 1, $3) RETURNING id",
    )
    .bind(name)
    .bind(phone)
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

pub async fn couriers(conn: &mut Conn) -> Result<Vec<CourierRow>> {
    Ok(
        sqlx::query_as("SELECT id, name, phone, active, user_id FROM couriers ORDER BY name, id")
            .fetch_all(conn)
            .await?,
    )
}

pub async fn courier(conn: &mut Conn, id: i64) -> Result<Option<CourierRow>> {
    Ok(
        sqlx::query_as("SELECT id, name, phone, active, user_id FROM couriers WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?,
    )
}

#[derive(Debug, Clone, FromRow)]
pub struct CashRow {
    pub courier_id: i64,
    pub order_id: Option<i64>,
    pub kind: String,
    pub amount_minor: i64,
    pub receipt_number: Option<String>,
    pub day: String,
    pub at: i64,
    pub actor: String,
}

/// Records cash. A second collection for one order, or a reused receipt number, is
/// [`crate::Error::Duplicate`].
pub async fn insert_cash(conn: &mut Conn, entry: &CashRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO cash_entries (courier_id, order_id, kind, amount_minor, receipt_number, day, at, actor) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.courier_id)
    .bind(entry.order_id)
    .bind(&entry.kind)
    .bind(entry.amount_minor)
    .bind(&entry.receipt_number)
    .bind(&entry.day)
    .bind(entry.at)
    .bind(&entry.actor)
    .execute(conn)
    .await
    .map_err(duplicate_as("cash collection or receipt number"))?;
    Ok(())
}

/// The cash a courier took for an order, with its receipt number (PY-5).
pub async fn collection(conn: &mut Conn, order_id: i64) -> Result<Option<CashRow>> {
    Ok(sqlx::query_as(
        "SELECT courier_id, order_id, kind, amount_minor, receipt_number, day, at, actor \
         FROM cash_entries WHERE order_id = $1 AND kind = 'collected'",
    )
    .bind(order_id)
    .fetch_optional(conn)
    .await?)
}

pub async fn cash_of_day(conn: &mut Conn, day: &str) -> Result<Vec<CashRow>> {
    Ok(sqlx::query_as(
        "SELECT courier_id, order_id, kind, amount_minor, receipt_number, day, at, actor \
         FROM cash_entries WHERE day = $1 ORDER BY id",
    )
    .bind(day)
    .fetch_all(conn)
    .await?)
}

/// A cash-on-delivery order a courier delivered that day, with its total (PY-5).
#[derive(Debug, Clone, FromRow)]
pub struct CashDeliveryRow {
    pub courier_id: i64,
    pub order_id: i64,
    pub due_minor: i64,
}

pub async fn cash_deliveries(conn: &mut Conn, day: &str) -> Result<Vec<CashDeliveryRow>> {
    Ok(sqlx::query_as(
        "SELECT s.courier_id, o.id AS order_id, o.total_minor AS due_minor FROM shipments s \
         JOIN orders o ON o.id = s.order_id \
         WHERE s.route_date = $1 AND s.courier_id IS NOT NULL AND s.status = 'delivered' \
         AND o.payment_mode = 'on_delivery' ORDER BY o.id",
    )
    .bind(day)
    .fetch_all(conn)
    .await?)
}

pub async fn insert_rating(
    conn: &mut Conn,
    order_id: i64,
    courier_id: i64,
    stars: i64,
    comment: &str,
    bonus_minor: i64,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO courier_ratings (order_id, courier_id, stars, comment, bonus_minor, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(order_id)
    .bind(courier_id)
    .bind(stars)
    .bind(comment)
    .bind(bonus_minor)
    .bind(now_ms)
    .execute(conn)
    .await
    .map_err(duplicate_as("rating"))?;
    Ok(())
}

/// The stars the customer gave the delivery of an order, once rated (DL-7).
pub async fn rating_of(conn: &mut Conn, order_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT stars FROM courier_ratings WHERE order_id = $1")
            .bind(order_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// A courier's ratings and bonus so far (DL-7).
#[derive(Debug, Clone, FromRow)]
pub struct CourierScore {
    pub ratings: i64,
    pub positive: i64,
    pub bonus_minor: i64,
}

pub async fn courier_score(conn: &mut Conn, courier_id: i64) -> Result<CourierScore> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*) AS ratings, CAST(COALESCE(SUM(CASE WHEN stars >= 4 THEN 1 ELSE 0 END), 0) AS BIGINT) AS positive, \
         CAST(COALESCE(SUM(bonus_minor), 0) AS BIGINT) AS bonus_minor FROM courier_ratings WHERE courier_id = $1",
    )
    .bind(courier_id)
    .fetch_one(conn)
    .await?)
}

/// Parcels on their way, for the delay watch (DL-6).
pub async fn in_transit(conn: &mut Conn) -> Result<Vec<ShipmentRow>> {
    let sql = format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE status IN ('handed_over', 'in_transit', 'out_for_delivery') \
         ORDER BY order_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?)
}

/// The courier a back-office user delivers as, found by the user's email.
pub async fn courier_of_user(conn: &mut Conn, email: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT c.id FROM couriers c JOIN users u ON u.id = c.user_id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_optional(conn)
    .await?)
}

/// Makes `user_id` the login of this courier (or of none), taking it from any other courier.
pub async fn link_user(conn: &mut Conn, courier_id: i64, user_id: Option<i64>) -> Result<()> {
    if let Some(user_id) = user_id {
        sqlx::query("UPDATE couriers SET user_id = NULL WHERE user_id = $1 AND id <> $2")
            .bind(user_id)
            .bind(courier_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE couriers SET user_id = $1 WHERE id = $2")
        .bind(user_id)
        .bind(courier_id)
        .execute(conn)
        .await
        .map_err(duplicate_as("courier login"))?;
    Ok(())
}

/// A parcel that reached the customer: when, and the last day promised (DL-5).
#[derive(Debug, Clone, FromRow)]
pub struct DeliveredRow {
    pub delivered_at: i64,
    pub promise_latest: Option<String>,
}

/// Parcels delivered since `from_ms`, to measure the promise kept.
pub async fn delivered_since(conn: &mut Conn, from_ms: i64) -> Result<Vec<DeliveredRow>> {
    Ok(sqlx::query_as(
        "SELECT s.delivered_at, o.promise_latest FROM shipments s JOIN orders o ON o.id = s.order_id \
         WHERE s.delivered_at IS NOT NULL AND s.delivered_at >= $1 ORDER BY s.delivered_at",
    )
    .bind(from_ms)
    .fetch_all(conn)
    .await?)
}

/// A parcel handed to a carrier or courier: where it went and, once there, when it arrived.
#[derive(Debug, Clone, FromRow)]
pub struct TransitRow {
    pub method: String,
    pub postcode: Option<String>,
    pub handed_over_at: i64,
    pub delivered_at: Option<i64>,
}

/// Parcels handed over since `since_ms`, oldest first: the history the promise learns from.
pub async fn transit_history(conn: &mut Conn, since_ms: i64) -> Result<Vec<TransitRow>> {
    Ok(sqlx::query_as(
        "SELECT s.method, o.postcode, s.handed_over_at, s.delivered_at \
         FROM shipments s JOIN orders o ON o.id = s.order_id \
         WHERE s.handed_over_at >= $1 ORDER BY s.handed_over_at",
    )
    .bind(since_ms)
    .fetch_all(conn)
    .await?)
}
