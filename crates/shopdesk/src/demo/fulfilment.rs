//! Packing an order, and handing it over to the carrier or to the customer who collects it.

use app::access::Actor;
use app::orders::OrderView;
use domain::access::Role;
use domain::orders::{Command, DeliveryMethod, HoldKind, PaymentMode};
use jiff::Timestamp;

use super::Sim;
use super::catalogue::SUPPLIER_LEAD_DAYS;
use super::fates::Fate;
use super::hours::{OFFICE, SHOP_FLOOR};
use super::people::{MANAGERS, STORE_STAFF, actor};
use super::random::{days, hours, mins, plus};
use super::steps::{Action, Next, Step, cancel, hold, moving, release};

impl Sim {
    pub(super) fn while_assembling(&mut self, i: usize, now: Timestamp) -> Next {
        if let Fate::Defect { reason, replaced } = self.orders[i].fate {
            if self.orders[i].first_time("defect") {
                // The packer finds it, but only a manager may hold an order: the packer calls
                // one over.
                let at = self.later(now, mins(30), hours(4), Some(OFFICE))?;
                return Ok(Some((
                    at,
                    hold(HoldKind::DefectFound, reason, self.manager()),
                )));
            }
            if self.orders[i].on_hold(HoldKind::DefectFound) {
                let at = self.later(now, hours(5), days(3), Some(OFFICE))?;
                let by = self.manager();
                let step = if replaced {
                    let note = "replacement unit picked; the faulty one goes back to the supplier";
                    release(HoldKind::DefectFound, note, by)
                } else {
                    cancel("the last unit was faulty; the customer chose a refund", by)
                };
                return Ok(Some((at, step)));
            }
        }
        if !self.orders[i].holds.is_empty() {
            return Ok(None);
        }
        // Goods from the supplier arrive after its lead time; own stock is picked the same day.
        let from = if self.orders[i].from_supplier {
            plus(now, days(SUPPLIER_LEAD_DAYS))?
        } else {
            now
        };
        let at = self.later(from, mins(40), hours(5), Some(OFFICE))?;
        let pack = Step {
            action: Action::Pack,
            actor: self.packer(),
        };
        Ok(Some((at, pack)))
    }

    pub(super) fn while_ready(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (method, carrier, fate) = (order.method, order.carrier, order.fate);
        let (since, due, mode) = (order.stage_since, order.due(), order.mode);
        if !method.is_self_pickup() {
            let at = self.pickup_time(now)?;
            let tracking_number = carrier.tracking(&mut self.rng);
            let command = Command::HandOver { tracking_number };
            return Ok(Some((at, moving(command, self.packer()))));
        }
        if fate == Fate::NotCollected {
            let at = self.later(since, days(10), days(11), Some(OFFICE))?;
            let reason = "not collected within 10 days; the goods are back on the shelf";
            return Ok(Some((at, cancel(reason, self.manager()))));
        }
        // The customer walks in hours or days later, and pays at the counter before taking it.
        let open = if method == DeliveryMethod::StorePickup {
            SHOP_FLOOR
        } else {
            OFFICE
        };
        let at = if self.orders[i].first_time("walk-in") {
            self.later(now, hours(2), hours(80), Some(open))?
        } else {
            self.later(now, mins(1), mins(2), None)?
        };
        if mode == PaymentMode::OnDelivery && due > 0 {
            return self.pay(i, at);
        }
        let by = if method == DeliveryMethod::StorePickup {
            actor(Role::Manager, STORE_STAFF)
        } else {
            actor(Role::Manager, MANAGERS[1])
        };
        Ok(Some((at, moving(Command::Deliver, by))))
    }

    /// The packer scans every unit and packs the parcel (AS-1, AS-3).
    pub(super) async fn pack(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let order = self.shop.order(number).await?;
        for line in order.lines.iter().filter(|l| l.status == "active") {
            for _ in 0..line.quantity {
                self.shop.scan(by, number, &line.sku).await?;
            }
        }
        let weight_grams = 250 * order.lines.len() as i64 + 120;
        let parcel = app::fulfilment::PackInput {
            packaging: if weight_grams > 800 {
                "medium box"
            } else {
                "mailer bag"
            }
            .into(),
            weight_grams,
        };
        Ok(self.shop.pack(by, number, &parcel).await?)
    }

    /// The shop's courier takes courier parcels; carriers take the rest (DL-1, DL-7).
    pub(super) async fn hand_over(
        &mut self,
        i: usize,
        by: &Actor,
        tracking_number: Option<String>,
    ) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let courier = self.orders[i].method == DeliveryMethod::Courier;
        let input = app::fulfilment::HandOverInput {
            tracking_number,
            courier_id: courier.then_some(self.courier_id),
        };
        Ok(self.shop.hand_over(by, number, &input).await?)
    }
}
