//! Everything later is a durable job: a row with its time and a unique key, written in the
//! same transaction as the change that calls for it, so a restart loses nothing and a second
//! scheduling adds nothing.

use jiff::Timestamp;
use serde_json::json;

use crate::Result;
use crate::kernel::Context;

pub const PAYMENT_REMINDER: &str = "payment_reminder";
pub const PAYMENT_DEADLINE: &str = "payment_deadline";
pub const PAYMENT_CANCEL: &str = "payment_cancel";
pub const CONFIRMATION_EXPIRY: &str = "confirmation_expiry";
pub const PARCEL_WATCH: &str = "parcel_watch";
pub const REVIEW_REQUEST: &str = "review_request";
/// The one reminder of a review request nobody answered (AF-4).
pub const REVIEW_REMINDER: &str = "review_reminder";
/// Daily, for the whole shop: carts nobody touched for the settings' days are deleted.
pub const EXPIRE_CARTS: &str = "expire_carts";
/// The day's reminders and greetings (AF-7, AF-8, AF-9).
pub const AFTER_SALE: &str = "after_sale";
/// The day's look at what runs low with nothing on order (ST-2).
pub const REORDER_CHECK: &str = "reorder_check";
/// One message to send through its channel.
pub const SEND_MESSAGE: &str = "send_message";
/// One event to post to one of the owner's webhook endpoints.
pub const DELIVER_WEBHOOK: &str = "deliver_webhook";
/// A refund to make through the payment provider, retried with backoff while it is down.
pub const PROVIDER_REFUND: &str = "provider_refund";
/// A checkout paid online that may have run out of time (PY-1).
pub const CHECKOUT_EXPIRY: &str = "checkout_expiry";
/// Nightly, when the shop asked for it: a copy of a SQLite shop's database into a folder.
pub const NIGHTLY_BACKUP: &str = "nightly_backup";

/// When the shop's daily jobs run: at night in the shop's time zone.
const DAILY_AT: jiff::civil::Time = jiff::civil::Time::constant(3, 0, 0, 0);

/// Schedules a job about an order; the key is the kind and the order, so it runs once.
pub(crate) async fn schedule(
    tx: &mut store::Conn,
    kind: &str,
    order_id: i64,
    at: Timestamp,
    ctx: &Context<'_>,
) -> Result<()> {
    enqueue(tx, kind, order_id, at, &format!("{kind}:{order_id}"), ctx).await
}

/// Schedules the next run of a job from inside its own run: a running job keeps its key until
/// it is done, so the next run gets a key of its own.
pub(crate) async fn schedule_again(
    tx: &mut store::Conn,
    kind: &str,
    order_id: i64,
    at: Timestamp,
    ctx: &Context<'_>,
) -> Result<()> {
    let key = format!("{kind}:{order_id}:{}", store::to_millis(at));
    enqueue(tx, kind, order_id, at, &key, ctx).await
}

/// Schedules the next run of a daily job of the whole shop. The key names the day it runs, so
/// however many workers schedule it, and however often, each day has one run.
pub(crate) async fn schedule_daily(
    tx: &mut store::Conn,
    kind: &str,
    ctx: &Context<'_>,
) -> Result<()> {
    schedule_daily_at(tx, kind, DAILY_AT, ctx).await
}

/// Schedules the next run of a daily job at `time` of the shop's day; its payload names the
/// day it runs for.
pub(crate) async fn schedule_daily_at(
    tx: &mut store::Conn,
    kind: &str,
    time: jiff::civil::Time,
    ctx: &Context<'_>,
) -> Result<()> {
    let at = ctx.calendar.next_at(ctx.now, time);
    let day = ctx.calendar.local(at).date();
    let key = format!("{kind}:{day}");
    store::jobs::enqueue(
        tx,
        kind,
        &json!({ "day": day }).to_string(),
        store::to_millis(at),
        Some(&key),
        ctx.now_ms(),
    )
    .await?;
    Ok(())
}

async fn enqueue(
    tx: &mut store::Conn,
    kind: &str,
    order_id: i64,
    at: Timestamp,
    key: &str,
    ctx: &Context<'_>,
) -> Result<()> {
    let payload = json!({ "order": order_id }).to_string();
    store::jobs::enqueue(
        tx,
        kind,
        &payload,
        store::to_millis(at),
        Some(key),
        ctx.now_ms(),
    )
    .await?;
    Ok(())
}
