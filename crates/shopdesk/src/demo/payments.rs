//! The money: who pays and how, invoices paid on time or late, and the courier's cash.

use app::access::Actor;
use app::fulfilment::HandIn;
use app::orders::{NewPayment, OrderView};
use domain::access::Role;
use domain::orders::{Command, DeliveryMethod, HoldKind, PaymentMode};
use jiff::Timestamp;
use jiff::civil::Date;

use super::Sim;
use super::delivery::Carrier;
use super::fates::Fate;
use super::hours::OFFICE;
use super::people::{STORE_STAFF, actor};
use super::random::{Rng, days, digits, hours, mins, plus};
use super::steps::{Action, Next, Step, moving, release};

/// What the courier comes back short, once: a 500-krone note (PY-5).
const CASH_SHORT: i64 = 50_000;

/// Who takes an order's money, and how it arrives.
#[derive(Clone)]
pub(super) struct Payer {
    actor: Actor,
    /// `vipps`, `card`, `bank_transfer` or `cash`.
    method: &'static str,
}

impl Payer {
    pub(super) fn payment(&self, rng: &mut Rng, amount_minor: i64) -> NewPayment {
        let reference = match (self.actor.name.as_str(), self.method) {
            ("marketplace:finn", _) => format!("FINN-{}", digits(rng, 9)),
            (_, "vipps") => format!("VIPPS-{}", digits(rng, 10)),
            (_, "bank_transfer") => format!("KID {}", digits(rng, 9)),
            (_, "cash") => format!("receipt {}", digits(rng, 6)),
            _ => format!("card ****{}", digits(rng, 4)),
        };
        NewPayment::of(amount_minor, self.method, &reference)
    }
}

impl Sim {
    /// The balance due arrives.
    pub(super) async fn pay_due(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let order = &self.orders[i];
        let payment = order.payer.payment(&mut self.rng, order.due());
        Ok(self.shop.record_payment(by, order.number, &payment).await?)
    }

    pub(super) fn pay(&self, i: usize, at: Timestamp) -> Next {
        let step = Step {
            action: Action::Pay,
            actor: self.orders[i].payer.actor.clone(),
        };
        Ok(Some((at, step)))
    }

    pub(super) fn while_awaiting_payment(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (fate, due, since) = (order.fate, order.due(), order.stage_since);
        if due > 0 {
            let at = match fate {
                // The worker reminds, holds and cancels; the customer never pays.
                Fate::InvoiceUnpaid => return Ok(None),
                // Paid after the deadline has put the order on hold; the payment lifts it.
                Fate::PaysLate => {
                    let late = self.later(since, hours(80), hours(110), None)?;
                    late.max(plus(now, mins(10))?)
                }
                _ => self.later(now, hours(2), hours(60), None)?,
            };
            return self.pay(i, at);
        }
        if self.orders[i].on_hold(HoldKind::PaymentProblem) {
            let at = self.later(now, mins(5), mins(30), Some(OFFICE))?;
            let by = self.manager();
            return Ok(Some((at, release(HoldKind::PaymentProblem, "paid", by))));
        }
        // Paid while on hold, so assembly did not start by itself.
        let at = self.later(now, mins(10), hours(2), Some(OFFICE))?;
        Ok(Some((at, moving(Command::StartAssembly, self.manager()))))
    }

    /// The courier hands in the day's cash at the shop (PY-5). Once, a few days back, he comes
    /// back a note short: the gap the owner finds on the cash page.
    pub(super) async fn hand_in(&mut self, day: Date, at: Timestamp) -> anyhow::Result<()> {
        let report = self
            .shop
            .cash_report(&self.courier, &day.to_string())
            .await?;
        let held: i64 = report
            .reconciliation
            .couriers
            .iter()
            .map(|c| c.gap_minor)
            .sum();
        // Within the week the dashboard looks back on (today and the six days before), but not
        // yesterday's, so there is time to have noticed.
        let age = self.end.duration_since(at);
        let short = !self.cash_short_made && held > 0 && age > days(1) && age < days(6);
        self.cash_short_made |= short;
        let amount_minor = held - if short { held.min(CASH_SHORT) } else { 0 };
        if amount_minor > 0 {
            let input = HandIn {
                courier_id: self.courier_id,
                amount_minor,
            };
            self.shop.hand_in_cash(&self.courier, &input).await?;
        }
        Ok(())
    }
}

/// How the customer pays, and who records the money when it comes.
pub(super) fn payment_for(
    rng: &mut Rng,
    channel: &str,
    method: DeliveryMethod,
    carrier: Carrier,
) -> (PaymentMode, Payer) {
    use PaymentMode::*;
    let mode = match channel {
        "marketplace:finn" => Prepaid,
        "import" => AfterConfirmation,
        "phone" => rng.pick(&[AfterConfirmation, OnDelivery]),
        "api" => rng.pick(&[Prepaid, Prepaid, Prepaid, OnDelivery]),
        // Many pay the courier at the door.
        _ if carrier == Carrier::OwnCourier => [Prepaid, OnDelivery][rng.weighted(&[40, 60])],
        _ => [Prepaid, AfterConfirmation, OnDelivery][rng.weighted(&[70, 12, 18])],
    };
    // Nobody is at a locker to take the money.
    let mode = match (mode, method) {
        (OnDelivery, DeliveryMethod::ParcelLocker) => Prepaid,
        (mode, _) => mode,
    };
    let (name, how) = match (mode, carrier) {
        (Prepaid, _) if channel == "marketplace:finn" => ("marketplace:finn", "card"),
        (Prepaid, _) => rng.pick(&[("payments:vipps", "vipps"), ("payments:card", "card")]),
        (AfterConfirmation, _) => ("payments:bank", "bank_transfer"),
        (OnDelivery, Carrier::None) => (STORE_STAFF, "card"),
        // The courier takes cash at the door and records it with the receipt (PY-5).
        (OnDelivery, Carrier::OwnCourier) => ("courier:Jonas", "cash"),
        (OnDelivery, _) => ("payments:posten-oppkrav", "cash"),
    };
    // Recording a payment takes the right to manage orders.
    let payer = Payer {
        actor: actor(Role::Manager, name),
        method: how,
    };
    (mode, payer)
}
