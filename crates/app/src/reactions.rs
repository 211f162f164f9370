//! What follows from what happened to an order: the messages the customer gets, the tasks a
//! manager works and the jobs that will run later. Written in the same transaction as the change,
//! so none of it is ever forgotten (CF-2, CF-3, PY-2, PY-3, PY-4, ST-1). This is the one module
//! that knows many contexts: each reaction is a public use case of the context it belongs to.

use domain::orders::{DeliveryMethod, Event, HoldKind, Stage};
use jiff::SignedDuration;
use serde_json::json;

use crate::Result;
use crate::kernel::order_row::method_of;
use crate::kernel::{Context, jobs, tasks, webhooks};
use crate::messaging::{Reach, message};

/// Carries out what the events call for; returns the events of what it did, for the timeline.
pub(crate) async fn react(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    events: &[Event],
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let mut done = Vec::new();
    for event in events {
        if let Some(name) = webhook_event(event) {
            webhooks::emit(tx, name, webhooks::order_data(row), ctx.now).await?;
        }
        match event {
            // AF-11: the tier counts kept orders, so it moves when one is placed or leaves.
            Event::Placed { .. } => {
                done.extend(crate::customers::recompute_tier(tx, row, ctx).await?)
            }
            Event::StageChanged { from, to } => {
                done.extend(stage_changed(tx, row, *from, *to, ctx).await?);
                if matches!(
                    to,
                    Stage::Delivered | Stage::Cancelled | Stage::Returned | Stage::Refunded
                ) {
                    done.extend(crate::customers::recompute_tier(tx, row, ctx).await?);
                }
            }
            Event::PaymentRecorded {
                amount_minor,
                balance_minor,
                ..
            } => done.extend(payment_recorded(tx, row, *amount_minor, *balance_minor, ctx).await?),
            // PY-3: the customer hears of every refund, in their channel.
            Event::RefundMade {
                amount_minor,
                refunded_minor,
                ..
            } => {
                let extra = json!({"amount_minor": amount_minor, "refunded_minor": refunded_minor});
                done.extend(message(tx, row, "refund_made", Reach::Preferred, extra, ctx).await?)
            }
            Event::HoldPlaced { kind, reason } => {
                done.extend(hold_placed(tx, row, *kind, reason, ctx).await?)
            }
            _ => {}
        }
    }
    Ok(done)
}

/// The webhook event an order's event is, if any: its arrival, its confirmation (by the
/// customer, a manager or the shop's own rules), its full payment, and the stages a shop's
/// other systems follow.
fn webhook_event(event: &Event) -> Option<&'static str> {
    match event {
        Event::Placed { .. } => Some(webhooks::ORDER_PLACED),
        Event::PaymentRecorded { balance_minor, .. } if *balance_minor <= 0 => {
            Some(webhooks::ORDER_PAID)
        }
        Event::StageChanged { from, to } => match to {
            Stage::InTransit => Some(webhooks::ORDER_SHIPPED),
            Stage::Delivered => Some(webhooks::ORDER_DELIVERED),
            Stage::Cancelled => Some(webhooks::ORDER_CANCELLED),
            Stage::Refunded => Some(webhooks::ORDER_REFUNDED),
            Stage::Confirming => None,
            _ if matches!(from, Stage::Placed | Stage::Confirming) => {
                Some(webhooks::ORDER_CONFIRMED)
            }
            _ => None,
        },
        _ => None,
    }
}

/// What follows a move from one stage to another.
async fn stage_changed(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    from: Stage,
    to: Stage,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let mut done = Vec::new();
    let now_ms = ctx.now_ms();
    let method = method_of(row);
    if matches!(from, Stage::Placed | Stage::Confirming) && to != Stage::Confirming {
        store::backoffice::tasks::close_for_order(
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
            done.extend(message(tx, row, "invoice", Reach::Preferred, extra, ctx).await?);
            let reminder = due
                .saturating_sub(SignedDuration::from_hours(
                    ctx.settings.payment.reminder_before_hours,
                ))
                .unwrap_or(due);
            jobs::schedule(
                tx,
                jobs::PAYMENT_REMINDER,
                row.id,
                reminder.max(ctx.now),
                ctx,
            )
            .await?;
            jobs::schedule(tx, jobs::PAYMENT_DEADLINE, row.id, due, ctx).await?;
        }
        // CF-2: confirmed; the customer hears it is being assembled, with the shop's contacts.
        Stage::Assembling if from == Stage::Confirming => {
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
            let extra =
                json!({"tracking_number": row.tracking_number, "tracking_url": tracking_url});
            done.extend(message(tx, row, "handed_to_carrier", Reach::Preferred, extra, ctx).await?);
        }
        // A self pickup is ready once assembled (DL-1).
        Stage::Ready if method.is_some_and(DeliveryMethod::is_self_pickup) => {
            let shipment = store::fulfilment::shipment(tx, row.id).await?;
            let extra = json!({
                "pickup_point": row.pickup_point.clone().unwrap_or_else(|| ctx.settings.contact_address.clone()),
                "pickup_code": shipment.as_ref().and_then(|s| s.pickup_code.clone()),
                "pickup_until": shipment.and_then(|s| s.pickup_until),
            });
            done.extend(message(tx, row, "ready_for_pickup", Reach::Preferred, extra, ctx).await?);
        }
        // AF-6: thanks, with the shop's FAQ and social pages.
        Stage::Delivered => {
            let links = &ctx.settings.messages;
            // DL-7: a delivery by the shop's courier can be rated from the link.
            let by_courier = store::fulfilment::mark_delivered(tx, row.id, now_ms).await?;
            let rate_url = row
                .confirm_token
                .as_ref()
                .filter(|_| by_courier)
                .map(|t| format!("{}/o/{t}#rate", ctx.settings.public_url));
            let extra = json!({"faq_url": links.faq_url, "social_url": links.social_url, "rate_url": rate_url});
            done.extend(message(tx, row, "delivered", Reach::Preferred, extra, ctx).await?);
            let ask_at = crate::reviews::ask_at(ctx);
            jobs::schedule(tx, jobs::REVIEW_REQUEST, row.id, ask_at, ctx).await?;
        }
        Stage::Cancelled => {
            store::backoffice::tasks::close_for_order(tx, row.id, &[], "cancelled", now_ms).await?
        }
        Stage::ReturnRequested => {
            done.extend(crate::after_sale::returns::requested(tx, row, ctx).await?);
        }
        Stage::Returned | Stage::Replaced | Stage::Refunded if from == Stage::ReturnRequested => {
            done.extend(crate::after_sale::returns::settled(tx, row, ctx).await?);
        }
        _ => {}
    }
    Ok(done)
}

async fn payment_recorded(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    amount_minor: i64,
    balance_minor: i64,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    // PY-3: every payment is confirmed, on every channel the customer gave.
    let mut done = Vec::new();
    let now_ms = ctx.now_ms();
    let extra = json!({"amount_minor": amount_minor, "balance_minor": balance_minor});
    done.extend(message(tx, row, "payment_received", Reach::Every, extra, ctx).await?);
    if balance_minor <= 0 {
        store::backoffice::tasks::close_for_order(
            tx,
            row.id,
            &[tasks::PAYMENT_HELP],
            "done",
            now_ms,
        )
        .await?;
    }
    Ok(done)
}

/// What follows a hold: a manager's task, and for stock a word to the customer.
async fn hold_placed(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    kind: HoldKind,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let mut done = Vec::new();
    match kind {
        HoldKind::NeedsCall => {
            let clarify = row.checks != "[]";
            let kind = if clarify {
                tasks::CLARIFY_DATA
            } else {
                tasks::CONFIRM_CALL
            };
            let priority = if row.total_minor >= ctx.settings.confirmation.call_from_total_minor {
                2
            } else {
                1
            };
            done.push(tasks::open(tx, row.id, kind, priority, reason, ctx).await?);
        }
        HoldKind::WaitingForCustomer if reason.starts_with("out of stock") => {
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
            done.push(tasks::open(tx, row.id, tasks::CUSTOMER_CHOICE, 1, reason, ctx).await?);
        }
        // DL-6: a manager chooses what the shop does for the customer.
        HoldKind::Lost => {
            let options = domain::fulfilment::Compensation::ALL
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let reason = format!("{reason}: choose {options}");
            done.push(tasks::open(tx, row.id, tasks::LOST_PARCEL, 3, &reason, ctx).await?);
        }
        HoldKind::PaymentProblem => {
            done.push(tasks::open(tx, row.id, tasks::PAYMENT_HELP, 2, reason, ctx).await?);
        }
        _ => {}
    }
    Ok(done)
}
