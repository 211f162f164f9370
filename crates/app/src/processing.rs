//! What follows from what happened to an order: the messages the customer gets, the tasks a
//! manager works and the jobs that will run later. Written in the same transaction as the change,
//! so none of it is ever forgotten (CF-2, CF-3, PY-2, PY-3, PY-4, ST-1).

use domain::calendar::Calendar;
use domain::orders::{DeliveryMethod, Event, HoldKind, Stage};
use domain::settings::ShopSettings;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::Result;

/// The jobs the processing rules schedule.
pub(crate) mod jobs {
    pub const PAYMENT_REMINDER: &str = "payment_reminder";
    pub const PAYMENT_DEADLINE: &str = "payment_deadline";
    pub const PAYMENT_CANCEL: &str = "payment_cancel";
    pub const CONFIRMATION_EXPIRY: &str = "confirmation_expiry";
    pub const PARCEL_WATCH: &str = "parcel_watch";
    pub const REVIEW_REQUEST: &str = "review_request";
    /// Daily, for the whole shop: carts nobody touched for the settings' days are deleted.
    pub const EXPIRE_CARTS: &str = "expire_carts";
    /// The day's reminders and greetings (AF-7, AF-8, AF-9).
    pub const AFTER_SALE: &str = "after_sale";
}

/// When the shop's daily jobs run: at night in the shop's time zone.
const DAILY_AT: jiff::civil::Time = jiff::civil::Time::constant(3, 0, 0, 0);

/// Days after delivery the shop asks for a review: within the 7 to 15 of AF-4.
pub(crate) const REVIEW_AFTER_DAYS: i64 = 10;

/// The kinds of task in a manager's queue.
pub(crate) mod tasks {
    pub const CONFIRM_CALL: &str = "confirm_call";
    pub const CLARIFY_DATA: &str = "clarify_data";
    pub const PAYMENT_HELP: &str = "payment_help";
    pub const CUSTOMER_CHOICE: &str = "customer_choice";
    pub const LOST_PARCEL: &str = "lost_parcel";
    /// The wrong item was sent: the right one goes now, at the shop's cost (AF-2).
    pub const SEND_RIGHT_ITEM: &str = "send_right_item";
}

pub(crate) struct Context<'a> {
    pub settings: &'a ShopSettings,
    pub calendar: Calendar<'a>,
    pub now: Timestamp,
}

impl<'a> Context<'a> {
    pub fn new(settings: &'a ShopSettings, now: Timestamp) -> Self {
        Self {
            settings,
            calendar: Calendar::of(settings),
            now,
        }
    }

    pub fn now_ms(&self) -> i64 {
        store::to_millis(self.now)
    }

    pub fn local_text(&self, at: Timestamp) -> String {
        self.calendar
            .local(at)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    fn later(&self, hours: i64) -> Timestamp {
        self.now
            .saturating_add(SignedDuration::from_hours(hours))
            .unwrap_or(self.now)
    }
}

/// Sets the row's fields that follow from the events: when the order was processed (CF-5) and
/// when an invoice falls due (PY-2).
pub(crate) fn stamp(row: &mut store::orders::OrderRow, events: &[Event], ctx: &Context<'_>) {
    for event in events {
        if let Event::StageChanged { from, to } = event {
            let leaves_confirmation =
                matches!(from, Stage::Placed | Stage::Confirming) && *to != Stage::Confirming;
            if leaves_confirmation && row.processed_at.is_none() {
                row.processed_at = Some(ctx.now_ms());
            }
            if *to == Stage::AwaitingPayment {
                row.payment_due_at = Some(store::to_millis(
                    ctx.later(ctx.settings.payment.deadline_hours),
                ));
            }
        }
    }
}

pub(crate) use crate::messaging::Reach;

/// What every message about an order may say: the order's basics and the shop's contacts.
pub(crate) fn order_data(row: &store::orders::OrderRow, settings: &ShopSettings) -> Value {
    let mut data = customer_data(&row.customer_name, settings);
    extend(
        &mut data,
        json!({
            "order_number": row.id,
            "total_minor": row.total_minor,
            "balance_minor": row.total_minor - row.paid_minor,
            "currency": row.currency,
            "order_link": row.confirm_token.as_ref().map(|t| format!("{}/o/{t}", settings.public_url)),
            "delivery_from": row.promise_earliest,
            "delivery_until": row.promise_latest,
            "tracking_number": row.tracking_number,
        }),
    );
    data
}

/// What a message to a customer may say without an order: their name and the shop's contacts
/// (AF-8, AF-9).
pub(crate) fn customer_data(name: &str, settings: &ShopSettings) -> Value {
    json!({
        "customer_name": name,
        "currency": settings.currency.as_str(),
        "shop_name": settings.name,
        "shop_phone": settings.contact_phone,
        "shop_email": settings.contact_email,
    })
}

/// Queues a message with the order's basics and the shop's contacts, and returns the timeline
/// events for it.
pub(crate) async fn message(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    reach: Reach,
    extra: Value,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let data = with_order_data(row, extra, ctx.settings);
    crate::messaging::queue(tx, row, template, reach, data, ctx).await
}

/// A marketing message about an order, for a customer who may get one (AF-10).
pub(crate) async fn marketing_message(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    extra: Value,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let data = with_order_data(row, extra, ctx.settings);
    crate::messaging::queue_marketing(tx, row.into(), template, data, ctx).await
}

fn with_order_data(row: &store::orders::OrderRow, extra: Value, settings: &ShopSettings) -> Value {
    let mut data = order_data(row, settings);
    extend(&mut data, extra);
    data
}

/// Adds `more`'s fields to `data`, over any of the same name.
pub(crate) fn extend(data: &mut Value, more: Value) {
    if let (Value::Object(base), Value::Object(more)) = (data, more) {
        base.extend(more);
    }
}

pub(crate) async fn open_task(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    kind: &str,
    priority: i64,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<Event> {
    let due = ctx.calendar.within_calling_hours(ctx.now);
    store::tasks::open(
        tx,
        row.id,
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
    let at = ctx.calendar.next_at(ctx.now, DAILY_AT);
    let key = format!("{kind}:{}", ctx.calendar.local(at).date());
    store::jobs::enqueue(
        tx,
        kind,
        "{}",
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

/// Carries out what the events call for; returns the events of what it did, for the timeline.
pub(crate) async fn react(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    events: &[Event],
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let mut done = Vec::new();
    let now_ms = ctx.now_ms();
    let method = row
        .delivery_method
        .as_deref()
        .and_then(|m| DeliveryMethod::parse(m).ok());
    for event in events {
        match event {
            Event::StageChanged { from, to } => {
                if matches!(from, Stage::Placed | Stage::Confirming) && *to != Stage::Confirming {
                    store::tasks::close_for_order(
                        tx,
                        row.id,
                        &[tasks::CONFIRM_CALL, tasks::CLARIFY_DATA],
                        "done",
                        now_ms,
                    )
                    .await?;
                }
                match to {
                    Stage::AwaitingPayment => {
                        // PY-2: an invoice with a deadline, a reminder before it, a call when it passes.
                        let due = row
                            .payment_due_at
                            .map(store::from_millis)
                            .transpose()?
                            .unwrap_or(ctx.now);
                        let extra = json!({"balance_minor": row.total_minor - row.paid_minor, "pay_by": ctx.local_text(due)});
                        done.extend(
                            message(tx, row, "invoice", Reach::Preferred, extra, ctx).await?,
                        );
                        let reminder = due
                            .saturating_sub(SignedDuration::from_hours(
                                ctx.settings.payment.reminder_before_hours,
                            ))
                            .unwrap_or(due);
                        schedule(
                            tx,
                            jobs::PAYMENT_REMINDER,
                            row.id,
                            reminder.max(ctx.now),
                            ctx,
                        )
                        .await?;
                        schedule(tx, jobs::PAYMENT_DEADLINE, row.id, due, ctx).await?;
                    }
                    // CF-2: confirmed; the customer hears it is being assembled, with the shop's contacts.
                    Stage::Assembling if *from == Stage::Confirming => {
                        done.extend(
                            message(
                                tx,
                                row,
                                "order_being_assembled",
                                Reach::Preferred,
                                json!({}),
                                ctx,
                            )
                            .await?,
                        );
                    }
                    // AS-5, DL-2, DL-3: the moment the parcel leaves, with tracking and the window.
                    // The shop's own courier says so on the way instead (DL-7).
                    Stage::InTransit if method != Some(DeliveryMethod::Courier) => {
                        let tracking_url = method
                            .zip(row.tracking_number.as_deref())
                            .and_then(|(m, number)| ctx.settings.tracking_url(m, number));
                        let extra = json!({"tracking_number": row.tracking_number, "tracking_url": tracking_url});
                        done.extend(
                            message(tx, row, "handed_to_carrier", Reach::Preferred, extra, ctx)
                                .await?,
                        );
                    }
                    // A self pickup is ready once assembled (DL-1).
                    Stage::Ready if method.is_some_and(DeliveryMethod::is_self_pickup) => {
                        let shipment = store::fulfilment::shipment(tx, row.id).await?;
                        let extra = json!({
                            "pickup_point": row.pickup_point.clone().unwrap_or_else(|| ctx.settings.contact_address.clone()),
                            "pickup_code": shipment.as_ref().and_then(|s| s.pickup_code.clone()),
                            "pickup_until": shipment.and_then(|s| s.pickup_until),
                        });
                        done.extend(
                            message(tx, row, "ready_for_pickup", Reach::Preferred, extra, ctx)
                                .await?,
                        );
                    }
                    // AF-6: thanks, with the shop's FAQ and social pages.
                    Stage::Delivered => {
                        let links = &ctx.settings.messages;
                        // DL-7: a delivery by the shop's courier can be rated from the link.
                        let by_courier =
                            store::fulfilment::mark_delivered(tx, row.id, now_ms).await?;
                        let rate_url = row
                            .confirm_token
                            .as_ref()
                            .filter(|_| by_courier)
                            .map(|t| format!("{}/o/{t}#rate", ctx.settings.public_url));
                        let extra = json!({"faq_url": links.faq_url, "social_url": links.social_url, "rate_url": rate_url});
                        done.extend(
                            message(tx, row, "delivered", Reach::Preferred, extra, ctx).await?,
                        );
                        let ask_at = ctx.calendar.within_calling_hours(
                            ctx.now
                                .saturating_add(SignedDuration::from_hours(24 * REVIEW_AFTER_DAYS))
                                .unwrap_or(ctx.now),
                        );
                        schedule(tx, jobs::REVIEW_REQUEST, row.id, ask_at, ctx).await?;
                    }
                    Stage::Cancelled => {
                        store::tasks::close_for_order(tx, row.id, &[], "cancelled", now_ms).await?
                    }
                    Stage::ReturnRequested => {
                        done.extend(crate::returns::requested(tx, row, ctx).await?);
                    }
                    Stage::Returned | Stage::Replaced | Stage::Refunded
                        if *from == Stage::ReturnRequested =>
                    {
                        done.extend(crate::returns::settled(tx, row, ctx).await?);
                    }
                    _ => {}
                }
            }
            Event::PaymentRecorded {
                amount_minor,
                balance_minor,
                ..
            } => {
                // PY-3: every payment is confirmed, on every channel the customer gave.
                let extra = json!({"amount_minor": amount_minor, "balance_minor": balance_minor});
                done.extend(message(tx, row, "payment_received", Reach::Every, extra, ctx).await?);
                if *balance_minor <= 0 {
                    store::tasks::close_for_order(
                        tx,
                        row.id,
                        &[tasks::PAYMENT_HELP],
                        "done",
                        now_ms,
                    )
                    .await?;
                }
            }
            Event::HoldPlaced {
                kind: HoldKind::NeedsCall,
                reason,
            } => {
                let clarify = row.checks != "[]";
                let kind = if clarify {
                    tasks::CLARIFY_DATA
                } else {
                    tasks::CONFIRM_CALL
                };
                let priority = if row.total_minor >= ctx.settings.confirmation.call_from_total_minor
                {
                    2
                } else {
                    1
                };
                done.push(open_task(tx, row, kind, priority, reason, ctx).await?);
            }
            Event::HoldPlaced {
                kind: HoldKind::WaitingForCustomer,
                reason,
            } if reason.starts_with("out of stock") => {
                // ST-1: warn the customer and offer a choice; a manager follows up.
                done.extend(
                    message(
                        tx,
                        row,
                        "out_of_stock_choice",
                        Reach::Preferred,
                        json!({"reason": reason}),
                        ctx,
                    )
                    .await?,
                );
                done.push(open_task(tx, row, tasks::CUSTOMER_CHOICE, 1, reason, ctx).await?);
            }
            // DL-6: a manager chooses what the shop does for the customer.
            Event::HoldPlaced {
                kind: HoldKind::Lost,
                reason,
            } => {
                let options = domain::fulfilment::Compensation::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let reason = format!("{reason}: choose {options}");
                done.push(open_task(tx, row, tasks::LOST_PARCEL, 3, &reason, ctx).await?);
            }
            Event::HoldPlaced {
                kind: HoldKind::PaymentProblem,
                reason,
            } => {
                done.push(open_task(tx, row, tasks::PAYMENT_HELP, 2, reason, ctx).await?);
            }
            _ => {}
        }
    }
    Ok(done)
}
