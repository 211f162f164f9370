//! The moves people make on an order: which comes next from its stage, and making it.

use anyhow::Context;
use app::access::Actor;
use app::orders::OrderView;
use domain::orders::{Command, Hold, HoldKind, Stage};
use jiff::Timestamp;
use jiff::civil::Date;

use super::Sim;
use super::fates::Fate;
use super::hours::OFFICE;
use super::queue::Job;
use super::random::{hours, mins};

/// What a person does to an order.
pub(super) enum Action {
    /// A lifecycle move, with the reason the timeline shows.
    Move(Command, Option<String>),
    /// The balance due arrives.
    Pay,
    /// A manager works the order's call task; the customer answers or not (CF-3).
    Call { answered: bool },
    /// The customer's answer about the first out-of-stock line (ST-1).
    Choose,
    /// The packer scans every unit and packs the parcel (AS-1, AS-3).
    Pack,
    /// The carrier's signed status report about the parcel (DL-3).
    Report {
        status: &'static str,
        estimate: Option<Date>,
    },
    /// The shop's courier sets off to the customer (DL-7).
    OnTheWay,
    /// The shop's courier hands the parcel over, taking the cash due with a receipt (PY-5).
    CourierDelivered,
}

impl Action {
    fn name(&self) -> &'static str {
        match self {
            Self::Move(command, _) => command.name(),
            Self::Pay => "record-payment",
            Self::Call { .. } => "call",
            Self::Choose => "choose",
            Self::Pack => "pack",
            Self::Report { .. } => "carrier-report",
            Self::OnTheWay => "on-the-way",
            Self::CourierDelivered => "courier-delivery",
        }
    }
}

/// A move to make at a given time.
pub(super) struct Step {
    pub(super) action: Action,
    pub(super) actor: Actor,
}

impl Sim {
    pub(super) async fn make_step(&mut self, i: usize, at: Timestamp) -> anyhow::Result<()> {
        let Some((step, stage, holds)) = self.orders[i].pending.take() else {
            return Ok(());
        };
        let number = self.orders[i].number;
        // The worker may have moved the order since this step was planned; if so, plan again.
        let view = self.shop.order(number).await?;
        self.orders[i].observe(&view, at)?;
        if self.orders[i].stage != stage || self.orders[i].holds != holds {
            return self.schedule_next(i, at);
        }
        let what = format!("{} by {}", step.action.name(), step.actor.name);
        let view = self
            .perform(i, step)
            .await
            .with_context(|| format!("order {number}: {what}"))?;
        self.orders[i].observe(&view, at)?;
        self.schedule_next(i, at)
    }

    async fn perform(&mut self, i: usize, step: Step) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let by = &step.actor;
        Ok(match step.action {
            Action::Move(Command::HandOver { tracking_number }, _) => {
                self.hand_over(i, by, tracking_number).await?
            }
            Action::Move(command, reason) => self.shop.act(number, command, by, reason).await?,
            Action::Pack => self.pack(i, by).await?,
            Action::Pay => self.pay_due(i, by).await?,
            Action::Call { answered } => self.call(i, answered, by).await?,
            Action::Choose => self.choose(i, by).await?,
            Action::Report { status, estimate } => self.report(i, status, estimate).await?,
            Action::OnTheWay => self.on_the_way(i, by).await?,
            Action::CourierDelivered => self.at_the_door(i, by).await?,
        })
    }

    pub(super) fn schedule_next(&mut self, i: usize, now: Timestamp) -> anyhow::Result<()> {
        if let Some((at, step)) = self.next_step(i, now)? {
            let order = &mut self.orders[i];
            order.pending = Some((step, order.stage, order.holds.clone()));
            self.push(at, Job::Step(i));
        }
        Ok(())
    }

    /// The next move of order `i`, decided from its stage, holds, payment and fate.
    fn next_step(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let early = matches!(
            order.stage,
            Stage::Placed | Stage::Confirming | Stage::AwaitingPayment | Stage::Assembling
        );
        // A change of mind can come at any time before the parcel is packed.
        if let Fate::ChangesMind(reason) = order.fate
            && early
            && self.orders[i].first_time("change of mind")
        {
            let at = self.later(now, mins(20), hours(5), Some(OFFICE))?;
            return Ok(Some((at, cancel(reason, self.manager()))));
        }
        match self.orders[i].stage {
            Stage::Placed | Stage::Confirming => self.while_confirming(i, now),
            Stage::AwaitingPayment => self.while_awaiting_payment(i, now),
            Stage::Assembling => self.while_assembling(i, now),
            Stage::Ready => self.while_ready(i, now),
            Stage::InTransit => self.while_in_transit(i, now),
            Stage::Delivered => self.after_delivery(i, now),
            Stage::ReturnRequested => self.while_return_requested(i, now),
            Stage::Paying
            | Stage::Abandoned
            | Stage::Closed
            | Stage::Cancelled
            | Stage::Returned
            | Stage::Replaced
            | Stage::Refunded => Ok(None),
        }
    }
}

/// What a lifecycle rule answers: the next move and when, or nothing more to do.
pub(super) type Next = anyhow::Result<Option<(Timestamp, Step)>>;

pub(super) fn moving(command: Command, actor: Actor) -> Step {
    Step {
        action: Action::Move(command, None),
        actor,
    }
}

pub(super) fn with_reason(command: Command, actor: Actor, reason: &str) -> Step {
    Step {
        action: Action::Move(command, Some(reason.into())),
        actor,
    }
}

pub(super) fn cancel(reason: &str, by: Actor) -> Step {
    let command = Command::Cancel {
        reason: reason.into(),
    };
    with_reason(command, by, reason)
}

pub(super) fn hold(kind: HoldKind, reason: &str, by: Actor) -> Step {
    let command = Command::PlaceHold(Hold {
        kind,
        reason: reason.into(),
    });
    with_reason(command, by, reason)
}

pub(super) fn release(kind: HoldKind, note: &str, by: Actor) -> Step {
    let command = Command::ReleaseHold {
        kind,
        note: note.into(),
    };
    moving(command, by)
}
