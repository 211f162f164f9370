//! Reading an order's stored row: its holds (a JSON list beside the row) and its delivery
//! method.

use domain::orders::{DeliveryMethod, Hold, HoldKind};

use crate::kernel::views::stored;
use crate::{Error, Result};

pub(crate) fn holds_json(holds: &[Hold]) -> Result<String> {
    serde_json::to_string(holds).map_err(|e| store::Error::Corrupt(e.to_string()).into())
}

pub(crate) fn parse_holds(json: &str) -> Result<Vec<Hold>> {
    stored(
        "holds",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("holds", e.to_string())),
    )
}

/// Whether the stored order is held for this reason.
pub(crate) fn row_has(row: &store::orders::OrderRow, kind: HoldKind) -> Result<bool> {
    Ok(parse_holds(&row.holds)?.iter().any(|h| h.kind == kind))
}

/// The order's delivery method, if it has a known one.
pub(crate) fn method_of(row: &store::orders::OrderRow) -> Option<DeliveryMethod> {
    row.delivery_method
        .as_deref()
        .and_then(|m| DeliveryMethod::parse(m).ok())
}

/// The order's row, locked for the rest of the write transaction so that concurrent changes on
/// PostgreSQL queue instead of racing.
pub(crate) async fn locked(tx: &mut store::Conn, number: i64) -> Result<store::orders::OrderRow> {
    if !store::orders::lock(tx, number).await? {
        return Err(Error::NotFound { what: "order" });
    }
    store::orders::get(tx, number)
        .await?
        .ok_or(Error::NotFound { what: "order" })
}
