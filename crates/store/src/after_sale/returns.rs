//! Returns asked from the customer's order page and the lines they send back (AF-1).

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct ReturnRow {
    pub order_id: i64,
    pub code: String,
    pub note: String,
    pub shop_pays_percent: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct ReturnLineRow {
    pub line_no: i64,
    pub quantity: i64,
    pub reason: String,
}

/// Records the return and its lines; the caller holds the order's lock and checked there is
/// none yet.
pub async fn insert(conn: &mut Conn, row: &ReturnRow, lines: &[ReturnLineRow]) -> Result<()> {
    sqlx::query(
        "INSERT INTO returns (order_id, code, note, shop_pays_percent, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(row.order_id)
    .bind(&row.code)
    .bind(&row.note)
    .bind(row.shop_pays_percent)
    .bind(row.created_at)
    .execute(&mut *conn)
    .await?;
    for line in lines {
        sqlx::query(
            "INSERT INTO return_lines (order_id, line_no, quantity, reason) VALUES ($1, $2, $3, $4)",
        )
        .bind(row.order_id)
        .bind(line.line_no)
        .bind(line.quantity)
        .bind(&line.reason)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The order's return, with its lines in line order.
pub async fn of_order(
    conn: &mut Conn,
    order_id: i64,
) -> Result<Option<(ReturnRow, Vec<ReturnLineRow>)>> {
    let row: Option<ReturnRow> = sqlx::query_as(
        "SELECT order_id, code, note, shop_pays_percent, created_at FROM returns WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let lines = sqlx::query_as(
        "SELECT line_no, quantity, reason FROM return_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some((row, lines)))
}
