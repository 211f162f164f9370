//! The timeline is the order's audit log: every change appends what happened, who did it and
//! why.

use domain::orders::Event;

use crate::Result;
use crate::access::Actor;

/// The timeline rows for events, as `actor` caused them at `at`.
pub(crate) fn event_rows(
    events: &[Event],
    at: i64,
    actor: &Actor,
    reason: Option<&str>,
) -> Result<Vec<store::orders::EventRow>> {
    events
        .iter()
        .map(|event| {
            Ok(store::orders::EventRow {
                at,
                actor: actor.name.clone(),
                kind: event.kind().into(),
                data: serde_json::to_string(event)
                    .map_err(|e| store::Error::Corrupt(e.to_string()))?,
                reason: reason.map(str::to_owned),
            })
        })
        .collect()
}

/// Appends the events to the order's timeline and returns the rows written.
pub(crate) async fn append(
    tx: &mut store::Conn,
    order_id: i64,
    events: &[Event],
    at: i64,
    actor: &Actor,
    reason: Option<&str>,
) -> Result<Vec<store::orders::EventRow>> {
    let rows = event_rows(events, at, actor, reason)?;
    store::orders::append_events(tx, order_id, &rows).await?;
    Ok(rows)
}
