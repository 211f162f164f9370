//! How the goods travel: the carriers and their signed reports, and the shop's own courier.

use app::access::Actor;
use app::fulfilment::CourierDelivery;
use app::orders::OrderView;
use domain::orders::{DeliveryMethod, PaymentMode};
use hmac::{Hmac, Mac};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ToSpan};
use sha2::Sha256;

use super::Sim;
use super::fates::Fate;
use super::hours::{CARRIERS, COURIER_SETS_OFF, SHOP_FLOOR};
use super::random::{Rng, days, digits, hours, mins, plus};
use super::steps::{Action, Next, Step};

/// The key the demo's carriers sign their status reports with, inside the simulation only.
pub(super) const CARRIER_KEY: &str = "fjord-and-thread-carriers";
/// Parcels the carriers are late with at the end of the demo: the cases a manager sees.
const LATE_NOW: usize = 2;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Carrier {
    /// The shop's own courier in Oslo.
    OwnCourier,
    Posten,
    PostNord,
    Instabox,
    /// The customer collects at the store or the warehouse.
    None,
}

impl Carrier {
    /// The carrier's name in the path of its signed reports, `/api/v1/carriers/{slug}/events`.
    fn slug(self) -> &'static str {
        match self {
            Self::Posten => "posten",
            Self::PostNord => "postnord",
            Self::Instabox => "instabox",
            Self::OwnCourier | Self::None => "",
        }
    }

    /// A tracking number in the carrier's own style; the own courier has none.
    pub(super) fn tracking(self, rng: &mut Rng) -> Option<String> {
        match self {
            Self::OwnCourier | Self::None => None,
            Self::Posten => Some(format!("3707{}", digits(rng, 14))),
            Self::PostNord => Some(format!("00370726{}", digits(rng, 12))),
            Self::Instabox => Some(format!("IBX{}", digits(rng, 10))),
        }
    }

    /// From hand-over to the customer having the parcel.
    fn transit(self, rng: &mut Rng) -> SignedDuration {
        match self {
            Self::OwnCourier => rng.between(hours(1), hours(5)),
            Self::Instabox => rng.between(hours(14), hours(30)),
            Self::PostNord => rng.between(hours(20), hours(54)),
            Self::Posten => rng.between(hours(22), hours(96)),
            Self::None => hours(1),
        }
    }
}

/// PostNord pickup points in Oslo; elsewhere the customer picks the nearest "Post i butikk".
const PICKUP_POINTS: &[&str] = &[
    "Kiwi Grünerløkka, Thorvald Meyers gate 49",
    "Coop Extra Torshov, Vogts gate 64",
    "Rema 1000 Majorstuen, Bogstadveien 52",
    "Joker Sagene, Sandakerveien 2",
    "Meny Storo, Vitaminveien 7",
    "Kiwi Tøyen, Hagegata 23",
];

/// Parcel lockers and the carrier that runs each.
const LOCKERS: &[(&str, Carrier)] = &[
    ("Posten pakkeautomat Oslo S", Carrier::Posten),
    ("Posten pakkeautomat Storo Storsenter", Carrier::Posten),
    ("Instabox Bislett, Pilestredet 56", Carrier::Instabox),
    ("Instabox Grønland, Tøyengata 2", Carrier::Instabox),
    ("Posten pakkeautomat Bergen Storsenter", Carrier::Posten),
    ("Instabox Solsiden, Trondheim", Carrier::Instabox),
];

/// How a carrier's parcel travels, decided when it leaves the shop.
#[derive(Clone, Copy)]
pub(super) struct Journey {
    /// When it reaches the door or the pickup point.
    arrives: Timestamp,
    /// The carrier loses it on the way (DL-6).
    lost: bool,
    /// The carrier's last report.
    last: Option<&'static str>,
}

impl Sim {
    /// The parcel on its way: the carrier scans it at each terminal and reports it out for
    /// delivery or at the pickup point, then delivered; the shop's courier rings first (DL-3,
    /// DL-7). A late or lost parcel is the carrier's doing, reported like the rest (DL-6).
    pub(super) fn while_in_transit(&mut self, i: usize, now: Timestamp) -> Next {
        if self.orders[i].carrier == Carrier::OwnCourier {
            return self.courier_round(i, now);
        }
        let journey = match self.orders[i].journey {
            Some(journey) => journey,
            None => self.plan_journey(i, now)?,
        };
        let report = |status, estimate| Step {
            action: Action::Report { status, estimate },
            actor: Actor::system(),
        };
        let arrives = journey.arrives;
        let next = match journey.last {
            // The first scan at the carrier's terminal, with the day it expects to deliver.
            None => {
                let at = self.later(now, hours(1), hours(3), None)?;
                let day = arrives.to_zoned_datetime(self.tz.clone()).date();
                (at, report("in_transit", Some(day)))
            }
            // The trace ends before three silent days would have made it look merely late.
            Some("in_transit") if journey.lost => {
                let at = self.later(now, hours(40), hours(46), Some(CARRIERS))?;
                (at, report("lost", None))
            }
            // A scan at each terminal overnight, until the last leg.
            Some("in_transit") if arrives.duration_since(now) > hours(30) => {
                let at = self.later(now, hours(20), hours(26), None)?;
                (at, report("in_transit", None))
            }
            Some("in_transit")
                if matches!(
                    self.orders[i].method,
                    DeliveryMethod::PickupPoint | DeliveryMethod::ParcelLocker
                ) =>
            {
                (
                    arrives.max(plus(now, mins(30))?),
                    report("at_pickup_point", None),
                )
            }
            Some("in_transit") => {
                let at = plus(arrives, -self.rng.between(hours(1), hours(3)))?;
                (
                    at.max(plus(now, mins(30))?),
                    report("out_for_delivery", None),
                )
            }
            Some("out_for_delivery") => {
                (arrives.max(plus(now, mins(20))?), report("delivered", None))
            }
            // The customer collects it within a few days.
            Some("at_pickup_point") => {
                let at = self.later(now, hours(2), hours(60), Some(SHOP_FLOOR))?;
                (at, report("delivered", None))
            }
            Some(_) => return Ok(None),
        };
        Ok(Some(next))
    }

    /// Decides how a carrier's parcel travels when it leaves. On time, it arrives before the
    /// promised window's last afternoon, as the promise is built on the carriers' usual times.
    /// A few parcels handed over a day or two ago are late now, one a few days back is lost,
    /// and now and then an older one was late and arrived in the end.
    fn plan_journey(&mut self, i: usize, now: Timestamp) -> anyhow::Result<Journey> {
        let order = &self.orders[i];
        let (carrier, fate, latest) = (order.carrier, order.fate, order.promise_latest);
        let transit = carrier.transit(&mut self.rng);
        let mut arrives = self.later(now, transit, transit + mins(30), Some(CARRIERS))?;
        let age = self.end.duration_since(now);
        let lost = !self.lost_made && fate == Fate::Smooth && age > days(3) && age < days(5);
        let late_now = self.late_now < LATE_NOW && !lost && age > hours(30) && age < hours(72);
        // An older parcel was late and arrived in the end, so only one whose late arrival,
        // after the window, is behind us.
        let arrived_late = match latest {
            Some(latest) => self.local_time(latest.checked_add(3.days())?, 11, 0)? < self.end,
            None => false,
        };
        let late = late_now || (fate == Fate::Delayed && age > days(10) && arrived_late);
        self.lost_made |= lost;
        self.late_now += usize::from(late_now);
        if let Some(latest) = latest {
            if late {
                let after_window = self.local_time(latest.checked_add(2.days())?, 11, 0)?;
                arrives = plus(arrives, self.rng.between(days(3), days(5)))?.max(after_window);
            } else {
                let last_afternoon = self.local_time(latest, 12, 0)?;
                arrives = arrives.min(last_afternoon.max(plus(now, hours(4))?));
            }
        }
        let journey = Journey {
            arrives,
            lost,
            last: None,
        };
        self.orders[i].journey = Some(journey);
        Ok(journey)
    }

    /// The shop's courier rings the customer on the way, then hands the parcel over and takes
    /// the cash due with a receipt (DL-7, PY-5).
    fn courier_round(&mut self, i: usize, now: Timestamp) -> Next {
        let actor = self.courier.clone();
        if self.orders[i].first_time("on the way") {
            let transit = Carrier::OwnCourier.transit(&mut self.rng);
            let at = self.later(now, transit, transit + mins(20), Some(COURIER_SETS_OFF))?;
            let step = Step {
                action: Action::OnTheWay,
                actor,
            };
            return Ok(Some((at, step)));
        }
        let at = self.later(now, mins(15), mins(45), None)?;
        let step = Step {
            action: Action::CourierDelivered,
            actor,
        };
        Ok(Some((at, step)))
    }

    /// The shop's courier sets off to the customer (DL-7).
    pub(super) async fn on_the_way(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        self.shop.courier_on_the_way(by, number).await?;
        Ok(self.shop.order(number).await?)
    }

    /// The shop's courier hands the parcel over, taking the cash due with a receipt (PY-5).
    pub(super) async fn at_the_door(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let order = &self.orders[i];
        let number = order.number;
        let cash =
            (order.mode == PaymentMode::OnDelivery && order.due() > 0).then_some(order.due());
        let receipt_number = cash.map(|_| {
            self.receipts += 1;
            format!("JL-{:05}", self.receipts)
        });
        let delivery = CourierDelivery {
            cash_minor: cash,
            receipt_number,
        };
        Ok(self.shop.courier_delivered(by, number, &delivery).await?)
    }

    /// The carrier posts a status report to the shop's webhook, signed with its key (DL-3).
    pub(super) async fn report(
        &mut self,
        i: usize,
        status: &'static str,
        estimate: Option<Date>,
    ) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let order = self.shop.order(number).await?;
        self.reports += 1;
        let carrier = self.orders[i].carrier.slug();
        let body = serde_json::json!({
            "event_id": format!("{carrier}-{}", 880_000 + self.reports),
            "tracking_number": order.delivery.tracking_number,
            "status": status,
            "estimate": estimate.map(|d| d.to_string()),
        })
        .to_string();
        let mut mac = Hmac::<Sha256>::new_from_slice(CARRIER_KEY.as_bytes())?;
        mac.update(body.as_bytes());
        let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
        self.shop
            .carrier_report(carrier, body.as_bytes(), &signature)
            .await?;
        if let Some(journey) = &mut self.orders[i].journey {
            journey.last = Some(status);
        }
        Ok(self.shop.order(number).await?)
    }
}

/// How the goods travel: the method, the chosen point or locker, and who carries them.
pub(super) fn delivery_for(
    rng: &mut Rng,
    channel: &str,
    city: &str,
) -> (DeliveryMethod, Option<String>, Carrier) {
    use DeliveryMethod::*;
    let method = match channel {
        "marketplace:finn" => rng.pick(&[PickupPoint, ParcelLocker, Post]),
        "import" => rng.pick(&[Post, Courier]),
        _ => {
            let methods = [
                StorePickup,
                WarehousePickup,
                PickupPoint,
                ParcelLocker,
                Post,
                Courier,
            ];
            // In Oslo the shop's own courier brings it the same evening.
            let weights = if city == "Oslo" {
                [14, 5, 18, 12, 11, 40]
            } else {
                [14, 5, 28, 20, 18, 15]
            };
            methods[rng.weighted(&weights)]
        }
    };
    let in_oslo = city == "Oslo";
    // Collecting in person only makes sense for people in Oslo, where the shop's courier goes.
    let method = match method {
        StorePickup | WarehousePickup if !in_oslo => PickupPoint,
        Courier if !in_oslo => Post,
        other => other,
    };
    match method {
        StorePickup | WarehousePickup => (method, None, Carrier::None),
        PickupPoint if in_oslo => {
            let point = rng.pick(PICKUP_POINTS).to_owned();
            (method, Some(point), Carrier::PostNord)
        }
        PickupPoint => {
            let point = format!("Post i butikk, Kiwi {city} sentrum");
            (method, Some(point), Carrier::PostNord)
        }
        ParcelLocker => {
            let (name, carrier) = rng.pick(LOCKERS);
            (method, Some(name.to_owned()), carrier)
        }
        Post => (method, None, Carrier::Posten),
        Courier => (method, None, Carrier::OwnCourier),
    }
}
