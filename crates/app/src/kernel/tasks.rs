//! A task is work for a manager about one order, or about the whole shop (a reorder), due
//! within calling hours; the queue itself is the back office's (`backoffice::tasks`).

use domain::orders::Event;

use crate::Result;
use crate::kernel::Context;

pub const CONFIRM_CALL: &str = "confirm_call";
pub const CLARIFY_DATA: &str = "clarify_data";
pub const PAYMENT_HELP: &str = "payment_help";
/// A refund the payment provider refused, or could not be reached for: make it by hand.
pub const REFUND_HELP: &str = "refund_help";
pub const CUSTOMER_CHOICE: &str = "customer_choice";
pub const LOST_PARCEL: &str = "lost_parcel";
/// The wrong item was sent: the right one goes now, at the shop's cost (AF-2).
pub const SEND_RIGHT_ITEM: &str = "send_right_item";
/// A customer reviewed the order's goods: every review is answered (AF-5).
pub const ANSWER_REVIEW: &str = "answer_review";
/// Goods run low with nothing on order: order them from a supplier (ST-2). About the shop.
pub const REORDER: &str = "reorder";

/// Opens a task of `kind` on the order, and returns the timeline event for it.
pub(crate) async fn open(
    tx: &mut store::Conn,
    order_id: i64,
    kind: &str,
    priority: i64,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<Event> {
    let due = ctx.calendar.within_calling_hours(ctx.now);
    open_due(tx, order_id, kind, due, priority, reason, ctx).await
}

/// Opens a task of `kind` on the order, due at `due`, and returns the timeline event for it.
pub(crate) async fn open_due(
    tx: &mut store::Conn,
    order_id: i64,
    kind: &str,
    due: jiff::Timestamp,
    priority: i64,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<Event> {
    store::backoffice::tasks::open(
        tx,
        order_id,
        kind,
        store::to_millis(due),
        priority,
        reason,
        ctx.now_ms(),
    )
    .await?;
    Ok(Event::TaskOpened {
        kind: kind.into(),
        reason: reason.into(),
    })
}

/// Opens the shop's task of `kind`, due within calling hours, or brings the open one's reason
/// up to date.
pub(crate) async fn open_for_shop(
    tx: &mut store::Conn,
    kind: &str,
    priority: i64,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<()> {
    let due = ctx.calendar.within_calling_hours(ctx.now);
    store::backoffice::tasks::open_for_shop(
        tx,
        kind,
        store::to_millis(due),
        priority,
        reason,
        ctx.now_ms(),
    )
    .await?;
    Ok(())
}
