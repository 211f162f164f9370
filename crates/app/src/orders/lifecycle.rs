//! Moving an order along its lifecycle: the domain decides, and the new state, the stock
//! effects, the timeline and what follows are written together.

use domain::access::Permission;
use domain::money::Currency;
use domain::orders::{
    Command, DeliveryMethod, Effect, Event, Hold, HoldKind, Line, LineStatus, Order, PaymentMode,
    ReturnOutcome, Stage, parse_reason,
};
use serde::{Deserialize, Serialize};
use store::catalog::inventory::Lines;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::{holds_json, locked, parse_holds};
use crate::kernel::timeline;
use crate::kernel::views::stored;
use crate::{Error, Result, Shop};

use super::OrderView;

/// The body of a lifecycle move; each move reads the fields it needs.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct MoveInput {
    /// Why: required to cancel, cancel a line, hold, or request a return.
    pub reason: Option<String>,
    pub tracking_number: Option<String>,
    pub line_no: Option<i64>,
    /// A hold kind: `needs_call`, `waiting_for_customer`, `payment_problem`, `defect_found`,
    /// `delayed` or `lost`.
    pub hold: Option<String>,
    /// How a return ended: `returned`, `replaced` or `refunded`.
    pub outcome: Option<String>,
}

impl Shop {
    /// Moves an order one step in its lifecycle. The stage and holds decide whether it may; the
    /// new state, the stock movements and the timeline are written together.
    pub async fn act(
        &self,
        number: i64,
        command: Command,
        actor: &Actor,
        reason: Option<String>,
    ) -> Result<OrderView> {
        actor.require(permission_for(&command))?;
        // The parcel's journey starts with the shipment record (DL-3, DL-6): fulfilment's
        // `hand_over` writes it and makes this move.
        if matches!(command, Command::HandOver { .. }) {
            return Err(Error::Conflict {
                code: "hand_over_with_shipment",
                message: "hand the parcel over from the packing station, with its shipment".into(),
            });
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        self.change(&mut tx, number, &[command], actor, reason.as_deref(), &ctx)
            .await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// Applies commands to an order inside `tx`: the stock effects, the new state, the timeline,
    /// and what follows (messages, tasks, jobs). Returns the order row as written.
    pub(crate) async fn change(
        &self,
        tx: &mut store::WriteTx,
        number: i64,
        commands: &[Command],
        actor: &Actor,
        reason: Option<&str>,
        ctx: &Context<'_>,
    ) -> Result<store::orders::OrderRow> {
        // Lock the order first, so that concurrent moves on PostgreSQL queue instead of racing.
        let row = locked(tx, number).await?;
        let lines = store::orders::lines(tx, number).await?;
        let (first, rest) = commands
            .split_first()
            .ok_or(Error::NotFound { what: "action" })?;
        let mut decision = order_state(&row, &lines)?.apply(first.clone())?;
        for command in rest {
            decision = decision.then(command.clone())?;
        }
        // AS-1, AS-3: an order is ready once every unit was scanned and the parcel packed.
        if commands.contains(&Command::MarkReady)
            && store::fulfilment::parcel(tx, number).await?.is_none()
        {
            return Err(Error::Conflict {
                code: "not_packed",
                message: "scan every unit and pack the parcel at the packing station first".into(),
            });
        }
        let mut set_aside_events = Vec::new();
        let by = store::catalog::ledger::Stamp {
            actor: &actor.name,
            at: ctx.now_ms(),
        };
        for effect in &decision.effects {
            match effect {
                Effect::ReleaseReservations => {
                    store::catalog::inventory::release(tx, number, Lines::All).await?
                }
                Effect::ReleaseLine { line_no } => {
                    store::catalog::inventory::release(tx, number, Lines::One(*line_no)).await?;
                    store::orders::set_line_status(tx, number, *line_no, "cancelled").await?;
                }
                Effect::ConsumeReservations => {
                    store::catalog::inventory::consume(tx, number, by).await?
                }
                Effect::RestockReturn => crate::catalog::restock_return(tx, number, by).await?,
                Effect::ReserveAgain => {
                    set_aside_events.extend(crate::catalog::set_aside_again(tx, number, ctx).await?)
                }
            }
        }
        // A cancelled order gives back the coupon it used: the customer may use it again.
        if decision.order.stage == Stage::Cancelled {
            store::fulfilment::give_back_coupon(tx, number).await?;
        }
        let tracking = decision.events.iter().find_map(|e| match e {
            Event::TrackingRecorded { tracking_number } => Some(tracking_number.clone()),
            _ => None,
        });
        let mut updated = store::orders::OrderRow {
            stage: decision.order.stage.as_str().into(),
            holds: holds_json(&decision.order.holds)?,
            payment_mode: decision.order.payment_mode.map(|m| m.as_str().into()),
            delivery_method: decision.order.delivery_method.map(|m| m.as_str().into()),
            subtotal_minor: decision.order.subtotal_minor(),
            delivery_minor: decision.order.delivery_minor,
            discount_minor: decision.order.discount_minor,
            total_minor: decision.order.total_minor(),
            paid_minor: decision.order.paid_minor,
            refunded_minor: decision.order.refunded_minor,
            tracking_number: tracking.or(row.tracking_number.clone()),
            updated_at: ctx.now_ms(),
            ..row
        };
        stamp(&mut updated, &decision.events, ctx);
        store::orders::update_state(tx, &updated).await?;
        let mut events = decision.events;
        events.extend(set_aside_events);
        let followed = crate::reactions::react(tx, &updated, &events, ctx).await?;
        events.extend(followed);
        timeline::append(tx, number, &events, ctx.now_ms(), actor, reason).await?;
        Ok(store::orders::OrderRow {
            version: updated.version + 1,
            ..updated
        })
    }
}

/// Reads a lifecycle move from its URL name and body.
pub fn parse_move(action: &str, input: &MoveInput) -> Result<(Command, Option<String>)> {
    let reason = || -> Result<String> {
        parse_reason(input.reason.as_deref().unwrap_or("")).field("reason")
    };
    let command = match action {
        "confirm" => Command::Confirm,
        "start-assembly" => Command::StartAssembly,
        "mark-ready" => Command::MarkReady,
        "hand-over" => Command::HandOver {
            tracking_number: match input.tracking_number.as_deref().map(str::trim) {
                Some(t) if !t.is_empty() => {
                    if t.len() > 64 || !t.chars().all(|c| c.is_ascii_graphic()) {
                        return Err(Error::field(
                            "tracking_number",
                            "tracking_number_invalid",
                            "a tracking number is up to 64 printable characters",
                        ));
                    }
                    Some(t.to_owned())
                }
                _ => None,
            },
        },
        "deliver" => Command::Deliver,
        "close" => Command::Close,
        "cancel" => Command::Cancel { reason: reason()? },
        "cancel-line" => Command::CancelLine {
            line_no: input
                .line_no
                .ok_or_else(|| Error::field("line_no", "line_no_missing", "say which line"))?,
            reason: reason()?,
        },
        "hold" => Command::PlaceHold(Hold {
            kind: HoldKind::parse(input.hold.as_deref().unwrap_or("")).field("hold")?,
            reason: reason()?,
        }),
        "release-hold" => Command::ReleaseHold {
            kind: HoldKind::parse(input.hold.as_deref().unwrap_or("")).field("hold")?,
            note: input.reason.clone().unwrap_or_default(),
        },
        "request-return" => Command::RequestReturn { reason: reason()? },
        "resolve-return" => Command::ResolveReturn {
            outcome: ReturnOutcome::parse(input.outcome.as_deref().unwrap_or(""))
                .field("outcome")?,
        },
        _ => return Err(Error::NotFound { what: "action" }),
    };
    Ok((
        command,
        input
            .reason
            .clone()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
    ))
}

pub(crate) fn permission_for(command: &Command) -> Permission {
    match command {
        Command::StartAssembly | Command::MarkReady | Command::HandOver { .. } => {
            Permission::Fulfil
        }
        Command::Deliver => Permission::Deliver,
        _ => Permission::ManageOrders,
    }
}

pub(super) fn line_quantity(order: &Order, line_no: i64) -> i64 {
    order
        .lines
        .iter()
        .find(|l| l.line_no == line_no)
        .map_or(0, |l| l.quantity)
}

/// The domain's view of a stored order.
pub(crate) fn order_state(
    row: &store::orders::OrderRow,
    lines: &[store::orders::LineRow],
) -> Result<Order> {
    Ok(Order {
        stage: stored("stage", Stage::parse(&row.stage))?,
        holds: parse_holds(&row.holds)?,
        payment_mode: row
            .payment_mode
            .as_deref()
            .map(PaymentMode::parse)
            .transpose()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        delivery_method: row
            .delivery_method
            .as_deref()
            .map(DeliveryMethod::parse)
            .transpose()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        currency: stored("currency", Currency::parse(&row.currency))?,
        lines: lines
            .iter()
            .map(|l| Line {
                line_no: l.line_no,
                quantity: l.quantity,
                unit_price_minor: l.unit_price_minor,
                status: if l.status == "active" {
                    LineStatus::Active
                } else {
                    LineStatus::Cancelled
                },
            })
            .collect(),
        delivery_minor: row.delivery_minor,
        discount_minor: row.discount_minor,
        paid_minor: row.paid_minor,
        refunded_minor: row.refunded_minor,
    })
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
