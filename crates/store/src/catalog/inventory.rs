//! Locations, stock per variant per location, and reservations (ST-2, ST-3).

use sqlx::FromRow;

use super::ledger::{Stamp, record_held};
use crate::{Conn, Result, duplicate_as, values_list};

#[derive(Debug, Clone, FromRow)]
pub struct LocationRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub lead_time_days: i64,
    pub cutoff: String,
}

pub struct NewLocation<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub city: &'a str,
    pub lead_time_days: i64,
    pub cutoff: &'a str,
}

/// One location's stock of one variant.
#[derive(Debug, Clone, FromRow)]
pub struct StockRow {
    pub id: i64,
    pub sku: String,
    pub location: String,
    pub kind: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub bin: String,
}

/// What one line holds at one location.
#[derive(Debug, Clone, FromRow)]
pub struct ReservationRow {
    pub line_no: i64,
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub quantity: i64,
    pub state: String,
}

const LOCATION_COLUMNS: &str = "id, code, name, kind, city, lead_time_days, cutoff";

pub async fn insert_location(conn: &mut Conn, location: &NewLocation<'_>) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO locations (code, name, kind, city, lead_time_days, cutoff) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(location.code)
    .bind(location.name)
    .bind(location.kind)
    .bind(location.city)
    .bind(location.lead_time_days)
    .bind(location.cutoff)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("code"))
}

pub async fn locations(conn: &mut Conn) -> Result<Vec<LocationRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LOCATION_COLUMNS} FROM locations ORDER BY id"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn location_by_code(conn: &mut Conn, code: &str) -> Result<Option<LocationRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LOCATION_COLUMNS} FROM locations WHERE code = $1"
    )))
    .bind(code)
    .fetch_optional(conn)
    .await?)
}

const STOCK_SELECT: &str = "SELECT s.id, v.sku, l.code AS location, l.kind, s.on_hand, s.reserved, s.bin \
     FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id";

pub async fn stock_of_variant(conn: &mut Conn, variant_id: i64) -> Result<Vec<StockRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{STOCK_SELECT} WHERE s.variant_id = $1 ORDER BY l.id"
    )))
    .bind(variant_id)
    .fetch_all(conn)
    .await?)
}

/// Takes `quantity` units of one stock row for an order, if they are still there. The check and
/// the change are one statement, so two orders can never take the same unit.
pub async fn try_reserve(conn: &mut Conn, stock_id: i64, quantity: i64) -> Result<bool> {
    let taken = sqlx::query(
        "UPDATE stock SET reserved = reserved + $1 WHERE id = $2 AND on_hand - reserved >= $1",
    )
    .bind(quantity)
    .bind(stock_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// Records what a new order holds: each reservation with the stock row it was taken from.
pub async fn insert_reservations(
    conn: &mut Conn,
    order_id: i64,
    held: &[ReservationRow],
    stock_ids: &[i64],
) -> Result<()> {
    if held.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO reservations (order_id, line_no, stock_id, quantity, state) VALUES {}",
        values_list(held.len(), 5)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (reservation, stock_id) in held.iter().zip(stock_ids) {
        query = query
            .bind(order_id)
            .bind(reservation.line_no)
            .bind(*stock_id)
            .bind(reservation.quantity)
            .bind(&reservation.state);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Which lines of an order a stock movement applies to.
#[derive(Debug, Clone, Copy)]
pub enum Lines {
    All,
    One(i64),
}

impl Lines {
    fn range(self) -> (i64, i64) {
        match self {
            Self::All => (i64::MIN, i64::MAX),
            Self::One(line_no) => (line_no, line_no),
        }
    }
}

/// Gives back held units to the shelf's free stock.
pub async fn release(conn: &mut Conn, order_id: i64, lines: Lines) -> Result<()> {
    settle(conn, order_id, lines, "released").await
}

/// The held units leave with the parcel: off the shelf, out of the reserved count, and into
/// the ledger as a sale.
pub async fn consume(conn: &mut Conn, order_id: i64, by: Stamp<'_>) -> Result<()> {
    let lines = Lines::All.range();
    record_held(conn, order_id, lines, "sale", by).await?;
    settle(conn, order_id, Lines::All, "consumed").await
}

/// A flawed unit leaves the shelf without leaving with the parcel, written off (AS-2).
pub async fn write_off(conn: &mut Conn, order_id: i64, line_no: i64, by: Stamp<'_>) -> Result<()> {
    let line = Lines::One(line_no);
    record_held(conn, order_id, line.range(), "write_off", by).await?;
    settle(conn, order_id, line, "written_off").await
}

async fn settle(conn: &mut Conn, order_id: i64, lines: Lines, to: &'static str) -> Result<()> {
    let (from_line, to_line) = lines.range();
    let on_hand_change = if to == "released" {
        "on_hand"
    } else {
        "on_hand - held.quantity"
    };
    // One statement per stock row touched, summed, so two lines on one bin are both counted.
    let sql = format!(
        "UPDATE stock SET on_hand = {on_hand}, reserved = reserved - held.quantity \
         FROM (SELECT stock_id, SUM(quantity) AS quantity FROM reservations \
               WHERE order_id = $1 AND state = 'held' AND line_no BETWEEN $2 AND $3 GROUP BY stock_id) AS held \
         WHERE stock.id = held.stock_id",
        on_hand = on_hand_change
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(order_id)
        .bind(from_line)
        .bind(to_line)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE reservations SET state = $4 WHERE order_id = $1 AND state = 'held' AND line_no BETWEEN $2 AND $3")
        .bind(order_id)
        .bind(from_line)
        .bind(to_line)
        .bind(to)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn reservations_of(conn: &mut Conn, order_id: i64) -> Result<Vec<ReservationRow>> {
    Ok(sqlx::query_as(
        "SELECT r.line_no, l.code AS location, l.kind, s.bin, r.quantity, r.state FROM reservations r \
         JOIN stock s ON s.id = r.stock_id JOIN locations l ON l.id = s.location_id \
         WHERE r.order_id = $1 ORDER BY r.line_no, r.id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}
