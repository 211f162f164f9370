//! The stock ledger: the one place that changes what a shelf holds, each change written as a
//! movement beside it (ST-2, ST-3, AS-2, AF-1).

use sqlx::FromRow;

use crate::{Conn, Result};

/// Who made a change to the shelves, and when.
#[derive(Debug, Clone, Copy)]
pub struct Stamp<'a> {
    pub actor: &'a str,
    pub at: i64,
}

/// One change to one stock row: `quantity` is signed.
#[derive(Debug, Clone, Copy)]
pub struct Movement<'a> {
    pub stock_id: i64,
    pub kind: &'a str,
    pub quantity: i64,
    pub reason: &'a str,
    pub order_id: Option<i64>,
    /// The purchase order a goods receipt received.
    pub purchase_order_id: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct MovementRow {
    pub id: i64,
    pub location: String,
    pub kind: String,
    pub quantity: i64,
    pub on_hand_after: i64,
    pub reason: String,
    pub order_id: Option<i64>,
    pub purchase_order_id: Option<i64>,
    pub actor: String,
    pub created_at: i64,
}

/// One shelf as the stock page lists it.
#[derive(Debug, Clone, FromRow)]
pub struct LevelRow {
    pub sku: String,
    pub product_id: i64,
    pub title: String,
    pub options: String,
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub on_hand: i64,
    pub reserved: i64,
    /// Units to come from this supplier for the orders that wait for them.
    pub incoming: i64,
    pub low_stock_at: Option<i64>,
    /// Available on the shop's own shelves across every location, against the threshold.
    pub own_available: i64,
    /// How many of the shop's own locations hold the variant.
    pub own_shelves: i64,
    /// Units of the variant on open purchase orders, not received yet.
    pub on_order: i64,
}

/// Which shelves the stock page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Levels {
    All,
    /// Variants at or below their low-stock threshold.
    Low,
    /// Variants with nothing available on the shop's own shelves.
    SoldOut,
    /// Low variants whose open purchase orders do not lift them above the threshold.
    Reorder,
}

/// Each variant still sold with what its own shelves hold available and what is on order,
/// for the stock page and the reorder task alike.
const VARIANT_LEVELS: &str = "variants v JOIN products p ON p.id = v.product_id \
     JOIN (SELECT v2.id AS variant_id, CAST(COALESCE(SUM(CASE WHEN l2.kind <> 'supplier' THEN s2.on_hand - s2.reserved ELSE 0 END), 0) AS BIGINT) AS available, \
             CAST(COALESCE(SUM(CASE WHEN l2.kind <> 'supplier' THEN 1 ELSE 0 END), 0) AS BIGINT) AS shelves \
           FROM variants v2 LEFT JOIN stock s2 ON s2.variant_id = v2.id LEFT JOIN locations l2 ON l2.id = s2.location_id \
           GROUP BY v2.id) AS own ON own.variant_id = v.id \
     LEFT JOIN (SELECT pl.variant_id, CAST(SUM(pl.quantity - pl.received) AS BIGINT) AS units \
           FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id \
           WHERE po.state = 'open' GROUP BY pl.variant_id) AS po ON po.variant_id = v.id";

/// The condition a variant is low on: at or below its threshold, the placeholder `default` when
/// it has none.
fn low(default: &str) -> String {
    format!("own.shelves > 0 AND own.available <= COALESCE(v.low_stock_at, {default})")
}

/// The condition a low variant needs ordering on: what is on order does not lift it.
fn to_order(default: &str) -> String {
    format!(
        "own.shelves > 0 AND own.available + COALESCE(po.units, 0) <= COALESCE(v.low_stock_at, {default})"
    )
}

/// Moves `quantity` onto (or off) the shelf and records it, unless on hand would fall below
/// what is reserved (then nothing changes and `None` is answered). The check and the change are
/// one statement, so a reservation racing with it never finds fewer units than it holds.
pub async fn record(
    conn: &mut Conn,
    movement: &Movement<'_>,
    by: Stamp<'_>,
) -> Result<Option<i64>> {
    let after: Option<i64> = sqlx::query_scalar(
        "UPDATE stock SET on_hand = on_hand + $1 WHERE id = $2 AND on_hand + $1 >= reserved \
         RETURNING on_hand",
    )
    .bind(movement.quantity)
    .bind(movement.stock_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(after) = after else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO stock_movements (stock_id, kind, quantity, on_hand_after, reason, order_id, \
           purchase_order_id, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(movement.stock_id)
    .bind(movement.kind)
    .bind(movement.quantity)
    .bind(after)
    .bind(movement.reason)
    .bind(movement.order_id)
    .bind(movement.purchase_order_id)
    .bind(by.actor)
    .bind(by.at)
    .execute(conn)
    .await?;
    Ok(Some(after))
}

/// Records, before the held units of an order's lines leave their shelves, one movement per
/// shelf: a sale when the parcel leaves, a write-off when a flaw is found at packing (AS-2).
pub(super) async fn record_held(
    conn: &mut Conn,
    order_id: i64,
    (from_line, to_line): (i64, i64),
    kind: &str,
    by: Stamp<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO stock_movements (stock_id, kind, quantity, on_hand_after, reason, order_id, actor, created_at) \
         SELECT s.id, $4, -held.quantity, s.on_hand - held.quantity, '', $1, $5, $6 \
         FROM (SELECT stock_id, CAST(SUM(quantity) AS BIGINT) AS quantity FROM reservations \
               WHERE order_id = $1 AND state = 'held' AND line_no BETWEEN $2 AND $3 GROUP BY stock_id) AS held \
         JOIN stock s ON s.id = held.stock_id ORDER BY s.id",
    )
    .bind(order_id)
    .bind(from_line)
    .bind(to_line)
    .bind(kind)
    .bind(by.actor)
    .bind(by.at)
    .execute(conn)
    .await?;
    Ok(())
}

/// What came back of an order and can be sold again: each returned line's units (not those sent
/// back as defective) with the shelf they left from (AF-1).
pub async fn returned_to_shelves(conn: &mut Conn, order_id: i64) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT MIN(r.stock_id), rl.quantity FROM return_lines rl \
         JOIN reservations r ON r.order_id = rl.order_id AND r.line_no = rl.line_no AND r.state = 'consumed' \
         WHERE rl.order_id = $1 AND rl.reason <> 'defect' GROUP BY rl.line_no, rl.quantity ORDER BY rl.line_no",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// The stock row of a variant at a location, made empty when there is none yet.
pub async fn stock_row(
    conn: &mut Conn,
    variant_id: i64,
    location_id: i64,
    bin: &str,
) -> Result<i64> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM stock WHERE variant_id = $1 AND location_id = $2")
            .bind(variant_id)
            .bind(location_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    Ok(sqlx::query_scalar(
        "INSERT INTO stock (variant_id, location_id, on_hand, reserved, bin) VALUES ($1, $2, 0, 0, $3) RETURNING id",
    )
    .bind(variant_id)
    .bind(location_id)
    .bind(bin)
    .fetch_one(conn)
    .await?)
}

/// What one stock row holds, how much of it is reserved, and its bin.
pub async fn level(conn: &mut Conn, stock_id: i64) -> Result<(i64, i64, String)> {
    Ok(
        sqlx::query_as("SELECT on_hand, reserved, bin FROM stock WHERE id = $1")
            .bind(stock_id)
            .fetch_one(conn)
            .await?,
    )
}

pub async fn set_bin(conn: &mut Conn, stock_id: i64, bin: &str) -> Result<()> {
    sqlx::query("UPDATE stock SET bin = $1 WHERE id = $2")
        .bind(bin)
        .bind(stock_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A variant's movements at every location, newest first.
pub async fn movements(conn: &mut Conn, variant_id: i64, limit: i64) -> Result<Vec<MovementRow>> {
    Ok(sqlx::query_as(
        "SELECT m.id, l.code AS location, m.kind, m.quantity, m.on_hand_after, m.reason, m.order_id, m.purchase_order_id, m.actor, m.created_at \
         FROM stock_movements m JOIN stock s ON s.id = m.stock_id JOIN locations l ON l.id = s.location_id \
         WHERE s.variant_id = $1 ORDER BY m.id DESC LIMIT $2",
    )
    .bind(variant_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

pub async fn set_threshold(
    conn: &mut Conn,
    variant_id: i64,
    low_stock_at: Option<i64>,
) -> Result<()> {
    sqlx::query("UPDATE variants SET low_stock_at = $1 WHERE id = $2")
        .bind(low_stock_at)
        .bind(variant_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every shelf of the variants still sold, by SKU and location; `search` matches the SKU or
/// the product's words.
/// A variant without a threshold of its own is low at or below `default_low_at`; one the shop
/// holds on no shelf of its own (a supplier's goods) is never low.
pub async fn levels(
    conn: &mut Conn,
    which: Levels,
    search: &str,
    default_low_at: i64,
    limit: i64,
) -> Result<Vec<LevelRow>> {
    let which = match which {
        Levels::All => String::new(),
        Levels::Low => format!("AND {}", low("$3")),
        Levels::SoldOut => "AND own.available <= 0".into(),
        Levels::Reorder => format!("AND {}", to_order("$3")),
    };
    let sql = format!(
        "SELECT v.sku, p.id AS product_id, p.title, v.options, l.code AS location, l.kind, s.bin, s.on_hand, s.reserved, \
           CAST(CASE WHEN l.kind = 'supplier' THEN COALESCE((SELECT SUM(r.quantity) FROM reservations r \
             WHERE r.stock_id = s.id AND r.state IN ('held', 'ordered')), 0) ELSE 0 END AS BIGINT) AS incoming, \
           v.low_stock_at, own.available AS own_available, own.shelves AS own_shelves, \
           CAST(COALESCE(po.units, 0) AS BIGINT) AS on_order \
         FROM {VARIANT_LEVELS} JOIN stock s ON s.variant_id = v.id JOIN locations l ON l.id = s.location_id \
         WHERE v.archived_at IS NULL AND p.status <> 'archived' \
           AND (p.search LIKE $1 ESCAPE '\\' OR LOWER(v.sku) LIKE $1 ESCAPE '\\' \
                OR (p.search IS NULL AND LOWER(p.title) LIKE $1 ESCAPE '\\')) {which} \
         ORDER BY v.sku, l.id LIMIT $2"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(crate::contains_pattern(search))
        .bind(limit)
        .bind(default_low_at)
        .fetch_all(conn)
        .await?)
}

/// How many variants still sold are low with nothing on order to lift them (ST-2).
pub async fn to_reorder(conn: &mut Conn, default_low_at: i64) -> Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM {VARIANT_LEVELS} \
         WHERE v.archived_at IS NULL AND p.status <> 'archived' AND {}",
        to_order("$1")
    );
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(default_low_at)
        .fetch_one(conn)
        .await?)
}

/// A shelf in one bin of a location, as a count goes through it (ST-3).
#[derive(Debug, Clone, FromRow)]
pub struct BinShelf {
    pub stock_id: i64,
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub options: String,
    pub on_hand: i64,
}

/// The shelves the ledger has in a bin.
pub async fn bin_shelves(conn: &mut Conn, location_id: i64, bin: &str) -> Result<Vec<BinShelf>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS stock_id, v.id AS variant_id, v.sku, p.title, v.options, s.on_hand \
         FROM stock s JOIN variants v ON v.id = s.variant_id JOIN products p ON p.id = v.product_id \
         WHERE s.location_id = $1 AND s.bin = $2 ORDER BY v.sku",
    )
    .bind(location_id)
    .bind(bin)
    .fetch_all(conn)
    .await?)
}

/// A variant a scanner read in a bin, with its shelf at the location when it has one.
#[derive(Debug, Clone, FromRow)]
pub struct ScannedShelf {
    pub stock_id: Option<i64>,
    pub variant_id: i64,
    pub sku: String,
    pub title: String,
    pub options: String,
    pub on_hand: Option<i64>,
    pub bin: Option<String>,
}

/// The variant a scanner read (its barcode or SKU) and its shelf at a location; `None` for a
/// code that is no variant's.
pub async fn shelf_by_code(
    conn: &mut Conn,
    location_id: i64,
    code: &str,
) -> Result<Option<ScannedShelf>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS stock_id, v.id AS variant_id, v.sku, p.title, v.options, s.on_hand, s.bin \
         FROM variants v JOIN products p ON p.id = v.product_id \
         LEFT JOIN stock s ON s.variant_id = v.id AND s.location_id = $1 \
         WHERE v.barcode = $2 OR v.sku = $2 LIMIT 1",
    )
    .bind(location_id)
    .bind(code)
    .fetch_optional(conn)
    .await?)
}
