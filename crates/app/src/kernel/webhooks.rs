//! Events for the owner's webhooks. Any context may tell of one inside its transaction: each
//! endpoint that listens for it gets a delivery row and a job in the same commit, so an event
//! is delivered exactly when its change happened, even after a crash. The deliveries themselves
//! are the webhooks context's.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::Result;
use crate::kernel::jobs;

pub const ORDER_PLACED: &str = "order.placed";
pub const ORDER_CONFIRMED: &str = "order.confirmed";
pub const ORDER_PAID: &str = "order.paid";
pub const ORDER_SHIPPED: &str = "order.shipped";
pub const ORDER_DELIVERED: &str = "order.delivered";
pub const ORDER_CANCELLED: &str = "order.cancelled";
pub const ORDER_REFUNDED: &str = "order.refunded";
pub const STOCK_CHANGED: &str = "stock.changed";

/// Every event an endpoint may listen for, in the order the settings page lists them.
pub const EVENTS: [&str; 8] = [
    ORDER_PLACED,
    ORDER_CONFIRMED,
    ORDER_PAID,
    ORDER_SHIPPED,
    ORDER_DELIVERED,
    ORDER_CANCELLED,
    ORDER_REFUNDED,
    STOCK_CHANGED,
];

/// The job key of a delivery's first run.
pub(crate) fn first_run_key(delivery: i64) -> String {
    format!("{}:{delivery}", jobs::DELIVER_WEBHOOK)
}

/// Tells every endpoint listening for `event` of it, with `data`, inside `tx`.
pub(crate) async fn emit(
    tx: &mut store::Conn,
    event: &str,
    data: Value,
    now: Timestamp,
) -> Result<()> {
    let now_ms = store::to_millis(now);
    let listening: Vec<_> = store::webhooks::endpoints(tx)
        .await?
        .into_iter()
        .filter(|e| {
            serde_json::from_str::<Vec<String>>(&e.events)
                .is_ok_and(|l| l.iter().any(|x| x == event))
        })
        .collect();
    if listening.is_empty() {
        return Ok(());
    }
    // One id for the event, whichever endpoints hear of it and however often: the receiver
    // drops a second delivery by it.
    let event_id = format!("evt_{}", super::tokens::secret_token()?);
    let body = json!({"id": event_id, "type": event, "created_at": now, "data": data}).to_string();
    for endpoint in listening {
        let id =
            store::webhooks::add_delivery(tx, endpoint.id, &event_id, event, &body, now_ms).await?;
        enqueue_delivery(tx, id, &first_run_key(id), now_ms).await?;
    }
    Ok(())
}

/// Queues the job that sends delivery `id` now, under its idempotency `key`.
pub(crate) async fn enqueue_delivery(
    tx: &mut store::Conn,
    id: i64,
    key: &str,
    now_ms: i64,
) -> Result<()> {
    let payload = json!({ "delivery": id }).to_string();
    store::jobs::enqueue(
        tx,
        jobs::DELIVER_WEBHOOK,
        &payload,
        now_ms,
        Some(key),
        now_ms,
    )
    .await?;
    Ok(())
}

/// What an order event tells about the order.
pub(crate) fn order_data(row: &store::orders::OrderRow) -> Value {
    json!({
        "number": row.id,
        "channel": row.channel,
        "stage": row.stage,
        "currency": row.currency,
        "total_minor": row.total_minor,
        "paid_minor": row.paid_minor,
        "tracking_number": row.tracking_number,
    })
}
