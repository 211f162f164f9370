//! Confirming an order: the calls to the customer, and their answer about a sold-out line.

use app::access::Actor;
use app::backoffice::AttemptInput;
use app::orders::ChoiceInput;
use app::orders::OrderView;
use domain::orders::{Command, HoldKind, PaymentMode};
use jiff::Timestamp;

use super::Sim;
use super::fates::Fate;
use super::hours::{CALLS, OFFICE};
use super::products::SUBSTITUTES;
use super::random::{hours, mins};
use super::steps::{Action, Next, Step, hold, moving};

/// What a manager notes after a call that reached the customer.
const CALL_NOTES: &[&str] = &[
    "confirmed the address and the door code",
    "confirmed; delivery after 16:00 suits best",
    "confirmed the size and the colour",
    "confirmed; the invoice will be paid today",
];

impl Sim {
    pub(super) fn while_confirming(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        // A substitute that costs more leaves a prepaid order owing the difference.
        if order.mode == PaymentMode::Prepaid && order.due() > 0 {
            let at = self.later(now, mins(2), mins(30), None)?;
            return self.pay(i, at);
        }
        if order.on_hold(HoldKind::WaitingForCustomer) {
            // The customer answers the out-of-stock message within hours, or a manager's call.
            let at = if self.orders[i].first_time("out-of-stock answer") {
                self.later(now, hours(1), hours(30), Some(OFFICE))?
            } else {
                self.later(now, mins(1), mins(3), None)?
            };
            let by = self.manager();
            return Ok(Some((
                at,
                Step {
                    action: Action::Choose,
                    actor: by,
                },
            )));
        }
        let fate = order.fate;
        if let Fate::NeedsCall(reason) | Fate::Unreachable(reason) = fate
            && !order.on_hold(HoldKind::NeedsCall)
            && self.orders[i].first_time("call needed")
        {
            let at = self.later(now, mins(5), mins(40), Some(OFFICE))?;
            return Ok(Some((
                at,
                hold(HoldKind::NeedsCall, reason, self.manager()),
            )));
        }
        if self.orders[i].on_hold(HoldKind::NeedsCall) {
            return self.next_call(i, now);
        }
        if !self.orders[i].holds.is_empty() {
            return Ok(None);
        }
        // Confirmed by a manager when the shop's policy left it to one.
        let at = self.later(now, mins(5), hours(2), Some(OFFICE))?;
        Ok(Some((at, moving(Command::Confirm, self.manager()))))
    }

    /// The next call about an order on hold for one, when the call policy says.
    fn next_call(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        if order.calls_over {
            // Nobody answered: the worker cancels the order when its hold runs out.
            return Ok(None);
        }
        let (fate, next_call_at) = (order.fate, order.next_call_at);
        let first = self.orders[i].first_time("first call");
        let answered = match fate {
            Fate::Unreachable(_) => false,
            _ => !(first && self.rng.chance(25)),
        };
        let at = match next_call_at {
            Some(at) if at > now => self.later(at, mins(0), mins(20), Some(CALLS))?,
            _ => self.later(now, mins(10), hours(2), Some(CALLS))?,
        };
        let by = self.manager();
        Ok(Some((
            at,
            Step {
                action: Action::Call { answered },
                actor: by,
            },
        )))
    }

    /// A manager rings the customer about the order's open call task.
    pub(super) async fn call(
        &mut self,
        i: usize,
        answered: bool,
        by: &Actor,
    ) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let tasks = self.shop.tasks_of_order(number).await?;
        let task = tasks.iter().find(|t| {
            t.state == "open" && matches!(t.kind.as_str(), "confirm_call" | "clarify_data")
        });
        let Some(task) = task else {
            // No task to report on: the manager confirms by hand after the call.
            let reason = Some("customer confirmed by phone".to_owned());
            return Ok(self.shop.act(number, Command::Confirm, by, reason).await?);
        };
        let input = AttemptInput {
            outcome: if answered {
                "reached_confirmed"
            } else {
                "no_answer"
            }
            .into(),
            note: if answered {
                self.rng.pick(CALL_NOTES).into()
            } else {
                String::new()
            },
            payment_mode: None,
            delivery_method: None,
        };
        let answer = self.shop.record_attempt(by, task.id, &input).await?;
        self.orders[i].next_call_at = answer.next_call_at;
        self.orders[i].calls_over = answer.held_until.is_some();
        Ok(self.shop.order(number).await?)
    }

    /// The customer answers the out-of-stock message: a substitute in another colour when one
    /// is on the shelf, otherwise the rest without the line, or nothing at all (ST-1).
    pub(super) async fn choose(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let order = &self.orders[i];
        let number = order.number;
        let Some(line) = order.waiting.first().cloned() else {
            let command = Command::ReleaseHold {
                kind: HoldKind::WaitingForCustomer,
                note: "the customer takes the rest".into(),
            };
            return Ok(self.shop.act(number, command, by, None).await?);
        };
        let others = order.active_lines > order.waiting.len();
        let mut choice = if others {
            "cancel_line"
        } else {
            "cancel_order"
        };
        let mut sku = None;
        let substitute = SUBSTITUTES.iter().find(|(from, _)| *from == line.sku);
        if let Some((_, to)) = substitute
            && self.rng.chance(60)
        {
            let stock = self.shop.stock(to).await?;
            let on_shelf = stock
                .iter()
                .any(|s| s.kind != "supplier" && s.available >= line.quantity);
            if on_shelf {
                choice = "substitute";
                sku = Some((*to).to_owned());
            }
        }
        let input = ChoiceInput {
            line_no: line.line_no,
            choice: choice.into(),
            sku,
        };
        Ok(self.shop.choose(by, number, &input).await?)
    }
}
