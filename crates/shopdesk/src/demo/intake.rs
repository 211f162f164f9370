//! Orders arriving: the month's plan of who orders what, when and through which channel, and
//! placing each order at its time.

use std::collections::BTreeSet;

use anyhow::Context;
use app::orders::{NewBuyer, NewDelivery, NewLine, NewOrder};
use domain::access::Role;
use domain::orders::{DeliveryMethod, PaymentMode, Stage};
use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};

use super::delivery::{Carrier, delivery_for};
use super::fates::{Fate, fate_for};
use super::hours::CARRIERS;
use super::payments::{Payer, payment_for};
use super::people::{MANAGERS, actor, owner, typed_phone};
use super::products::SOLD_OUT;
use super::queue::Job;
use super::random::{Rng, days};
use super::tracked::Tracked;
use super::{DAYS, SEED, Sim};

const ORDER_NOTES: &[&str] = &[
    "Please leave the parcel with the neighbour in 2B if I'm not home.",
    "It's a birthday present: please don't put the receipt in the parcel.",
    "Ring the bell marked Berg/Hansen; the door code is 1471.",
    "Call me 30 minutes before the courier arrives.",
    "Needs to arrive before Friday if at all possible.",
    "Please pack without plastic.",
    "Please add a care card in Norwegian.",
    "My daughter will collect it after 16:00.",
];

const LINE_NOTES: &[&str] = &[
    "gift wrap please",
    "same colour as last time",
    "if Navy is gone, Charcoal is fine",
    "please remove the price tag",
    "separate gift bag for this one",
    "for a tall person: check it is the long-sleeve cut",
    "the one with the darker yarn, as on the photo",
];

/// An order waiting to be placed.
pub(super) struct Planned {
    input: NewOrder,
    idempotency_key: Option<String>,
    mode: PaymentMode,
    method: DeliveryMethod,
    fate: Fate,
    carrier: Carrier,
    payer: Payer,
    /// Set on the card once the first order made it (AF-8).
    birthday: Option<String>,
}

impl Sim {
    /// Decides every order of the month: when, from whom, what, and its fate.
    pub(super) fn plan_month(&mut self, first_day: Date, start: Timestamp) -> anyhow::Result<()> {
        for d in 0..=DAYS {
            // A seed per day keeps each day's orders the same from run to run, whatever later
            // days draw; only the last few days change as the real clock moves on.
            self.rng = Rng::new(SEED ^ (d as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
            let day = first_day
                .checked_add(d.days())
                .context("day out of range")?;
            if day.weekday() == Weekday::Monday {
                let at = self.local_time(day, 7, 30)?;
                self.push(at, Job::Restock);
            }
            // The courier's round ends by nine; the cash goes into the safe after it.
            let at = self.local_time(day, CARRIERS.close, 30)?;
            self.push(at, Job::HandIn(day));
            let base = match day.weekday() {
                Weekday::Saturday => 16,
                Weekday::Sunday => 15,
                Weekday::Monday | Weekday::Friday => 14,
                _ => 12,
            };
            let count = base + self.rng.range(-3, 3);
            let mut arrivals = Vec::new();
            for _ in 0..count {
                let channel = self.channel_on(day);
                let (hour, minute) = self.arrival_time(channel, day);
                arrivals.push((self.local_time(day, hour, minute)?, channel));
            }
            arrivals.sort();
            for (at, channel) in arrivals {
                if at <= start || at > self.end {
                    continue;
                }
                let recent = at.duration_since(self.end) > -days(6);
                let plan = self.plan_order(channel, recent)?;
                self.plans.push(Some(plan));
                let job = Job::Place(self.plans.len() - 1);
                self.push(at, job);
            }
        }
        Ok(())
    }

    fn channel_on(&mut self, day: Date) -> &'static str {
        let weekday = day.weekday();
        let channel = self.rng.pick(&[
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "marketplace:finn",
            "marketplace:finn",
            "phone",
            "api",
            "api",
            "import",
        ]);
        match channel {
            // The phone is answered Monday to Saturday; imports run on weekdays.
            "phone" if weekday == Weekday::Sunday => "storefront",
            "import" if matches!(weekday, Weekday::Saturday | Weekday::Sunday) => "storefront",
            other => other,
        }
    }

    fn arrival_time(&mut self, channel: &str, day: Date) -> (i8, i8) {
        // Online shoppers peak in the evening.
        const WEB_HOURS: [u64; 17] = [2, 3, 4, 4, 5, 5, 6, 5, 5, 6, 7, 9, 11, 12, 11, 8, 4];
        let minute = self.rng.range(0, 59) as i8;
        let hour = match channel {
            "phone" if day.weekday() == Weekday::Saturday => self.rng.range(10, 13),
            "phone" => self.rng.range(9, 16),
            // The import job runs at seven on weekday mornings.
            "import" => 7,
            _ => 7 + self.rng.weighted(&WEB_HOURS) as i64,
        };
        (hour as i8, minute)
    }

    fn plan_order(&mut self, channel: &'static str, recent: bool) -> anyhow::Result<Planned> {
        let (who, returning) = self.pick_customer();
        let (lines, subtotal) = self.plan_lines(channel, recent)?;
        let rng = &mut self.rng;
        let person = &self.people[who];
        let (method, pickup_point, carrier) = delivery_for(rng, channel, person.city());
        let (mode, payer) = payment_for(rng, channel, method, carrier);
        // FINN charges the buyer its own shipping price and tells us; otherwise our own prices.
        let finn_delivery = (channel == "marketplace:finn").then_some(8_900);
        let delivery = match finn_delivery {
            Some(price) => price,
            None => self
                .settings
                .delivery_price(method, subtotal)
                .context("the demo shop offers every delivery method")?,
        };
        // A prepaid order arrives with its payment, taken at checkout (PY-1).
        let payment =
            (mode == PaymentMode::Prepaid).then(|| payer.payment(rng, subtotal + delivery));
        let phone = person
            .phone
            .as_deref()
            .map(|digits| typed_phone(rng, digits, returning));
        // On the phone people rarely spell out their email.
        let email = person
            .email
            .clone()
            .filter(|_| channel != "phone" || phone.is_none() || rng.chance(30));
        let marketing_consent =
            person.consents && matches!(channel, "storefront" | "api") && rng.chance(80);
        let note = if rng.chance(14) {
            rng.pick(ORDER_NOTES).to_owned()
        } else if channel == "import" {
            "Imported from the autumn market order sheet.".into()
        } else {
            String::new()
        };
        let idempotency_key = match channel {
            "marketplace:finn" => Some(format!("finn-{}", 310_000_000 + rng.below(9_000_000))),
            "api" => Some(format!("app-{:016x}", rng.next())),
            _ => None,
        };
        let input = NewOrder {
            channel: channel.into(),
            customer: NewBuyer {
                name: person.name.clone(),
                phone,
                email,
                locale: Some(person.locale.into()),
                marketing_consent,
                preferred_channel: None,
            },
            delivery: NewDelivery {
                method: Some(method.as_str().into()),
                address: method.needs_address().then(|| person.address.clone()),
                pickup_point,
                price_minor: finn_delivery,
            },
            payment_mode: Some(mode.as_str().into()),
            lines,
            note,
            payment,
            coupon: None,
        };
        Ok(Planned {
            input,
            idempotency_key,
            mode,
            method,
            fate: fate_for(rng, mode, method, recent),
            carrier,
            payer,
            birthday: person.birthday.clone().filter(|_| !returning),
        })
    }

    /// The lines of an order, and their subtotal.
    fn plan_lines(&mut self, channel: &str, recent: bool) -> anyhow::Result<(Vec<NewLine>, i64)> {
        let rng = &mut self.rng;
        let count = 1 + rng.weighted(&[55, 28, 12, 5]);
        let mut skus = BTreeSet::new();
        let mut lines = Vec::new();
        let mut subtotal = 0;
        // Now and then someone orders what is sold out, and the order waits for them (ST-1).
        // Recent ones are still waiting, so the demo shows a few.
        if rng.chance(if recent { 10 } else { 3 }) {
            let sku = rng.pick(SOLD_OUT);
            let price = self
                .sellable
                .iter()
                .find(|s| s.sku == sku)
                .map(|s| s.price)
                .context("a sold-out SKU is missing from the catalogue")?;
            skus.insert(sku.to_owned());
            let new = line(rng, channel, sku, price, 1);
            subtotal += new.quantity * new.unit_price_minor.unwrap_or(price);
            lines.push(new);
        }
        for _ in 0..40 {
            if lines.len() >= count {
                break;
            }
            let item = &self.sellable[rng.below(self.sellable.len())];
            if item.sold_out || !skus.insert(item.sku.clone()) {
                continue;
            }
            let quantity = match (channel, item.category) {
                // The market sheet orders socks and hats by the handful.
                ("import", "socks" | "hats" | "accessories") => rng.range(2, 6),
                (_, "socks") => rng.range(1, 3),
                _ if rng.chance(8) => 2,
                _ => 1,
            };
            let new = line(rng, channel, &item.sku, item.price, quantity);
            subtotal += new.quantity * new.unit_price_minor.unwrap_or(item.price);
            lines.push(new);
        }
        Ok((lines, subtotal))
    }

    pub(super) async fn place(&mut self, i: usize, at: Timestamp) -> anyhow::Result<()> {
        let plan = self.plans[i]
            .take()
            .context("an order was planned to be placed twice")?;
        let intake = match plan.input.channel.as_str() {
            "storefront" => "storefront",
            "marketplace:finn" => "marketplace:finn",
            "import" => "import:market-sheet",
            "api" => "token:instagram-shop",
            _ => MANAGERS[0],
        };
        let placed = self
            .shop
            .place_order(
                &plan.input,
                plan.idempotency_key.as_deref(),
                &actor(Role::Manager, intake),
            )
            .await
            .with_context(|| {
                format!(
                    "cannot place an order from {} for {}",
                    plan.input.channel, plan.input.customer.name
                )
            })?;
        let mut order = Tracked {
            number: placed.order.number,
            mode: plan.mode,
            method: plan.method,
            fate: plan.fate,
            carrier: plan.carrier,
            payer: plan.payer,
            stage: Stage::Placed,
            holds: Vec::new(),
            total: 0,
            paid: 0,
            waiting: Vec::new(),
            active_lines: 0,
            from_supplier: false,
            done: BTreeSet::new(),
            stage_since: at,
            next_call_at: None,
            calls_over: false,
            pending: None,
            promise_latest: None,
            journey: None,
        };
        if let Some(birthday) = &plan.birthday {
            self.shop
                .set_birthday(&owner(), placed.order.customer.id, Some(birthday))
                .await
                .context("cannot note a birthday")?;
        }
        order.observe(&placed.order, at)?;
        self.orders.push(order);
        self.schedule_next(self.orders.len() - 1, at)
    }
}

fn line(rng: &mut Rng, channel: &str, sku: &str, price: i64, quantity: i64) -> NewLine {
    NewLine {
        sku: sku.into(),
        quantity,
        // FINN sells at the listed price, which runs 10% under ours on some items.
        unit_price_minor: (channel == "marketplace:finn").then(|| {
            if rng.chance(30) {
                price * 9 / 1000 * 100
            } else {
                price
            }
        }),
        note: if rng.chance(10) {
            rng.pick(LINE_NOTES).to_owned()
        } else {
            String::new()
        },
    }
}
