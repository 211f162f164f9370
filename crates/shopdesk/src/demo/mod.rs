//! A believable demo shop: "Fjord & Thread", a wool shop in Oslo.
//!
//! Everything goes through the app layer's use cases, as the web pages and the API would, so the
//! timelines, stock reservations and customer cards are the real thing. A manual clock starts 30
//! days ago; orders arrive during the day and people move them along their lifecycle at
//! believable times. All moves of all orders run in one global time order (a queue of jobs keyed
//! by time), so stock is reserved and consumed in the order it really would be, and the clock
//! never runs backwards. The shop's own worker runs every quarter of an hour of that time, so
//! payment reminders, deadlines and expiries happen when the shop's rules say, and each step
//! re-reads its order first in case the worker moved it. Moves that would happen after the real
//! now are never made: that is what leaves recent orders in the early stages.
//!
//! A fixed seed makes every run build the same shop, relative to today.
//!
//! [`build`] sets the shop up and runs the month. The rooms: the catalogue and its stock
//! (`products`, `catalogue`), the people (`people`), the settings (`settings`, `after_sale`),
//! the clock and the dice (`hours`, `random`), the queue of jobs (`queue`), orders arriving with
//! their fates (`intake`, `fates`), what the demo knows of each order (`tracked`), the next move
//! of an order (`steps`) and the story of each stage (`confirmation`, `payments`, `fulfilment`,
//! `delivery`, `after_sale`), the visitors' messages (`support`), and what it prints (`summary`).

mod after_sale;
mod catalogue;
mod confirmation;
mod delivery;
mod fates;
mod fulfilment;
mod hours;
mod intake;
mod payments;
mod people;
mod products;
mod queue;
mod random;
mod settings;
mod steps;
mod summary;
mod support;
mod tracked;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use app::access::Actor;
use app::backoffice::StaffLogins;
use domain::settings::ShopSettings;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use catalogue::Sellable;
use delivery::CARRIER_KEY;
use intake::Planned;
use people::{Person, give_birthdays, people};
use queue::Job;
use random::Rng;
use summary::summary;
use tracked::Tracked;

/// How far back the shop's history goes.
const DAYS: i64 = 30;
const SEED: u64 = 0x5EED_F10D_2024;
const TIME_ZONE: &str = "Europe/Oslo";

/// The simulation: the shop, its manual clock, the queue of jobs and what the demo knows.
struct Sim {
    shop: app::Shop,
    /// The settings the demo saved, to price orders as the shop will.
    settings: ShopSettings,
    clock: Arc<app::ManualClock>,
    tz: TimeZone,
    /// The real now: nothing happens after it.
    end: Timestamp,
    rng: Rng,
    queue: BinaryHeap<Reverse<(i64, u64, Job)>>,
    seq: u64,
    sellable: Vec<Sellable>,
    /// Own-stock SKUs in the warehouse, for the Monday delivery.
    restockable: Vec<String>,
    people: Vec<Person>,
    /// People who have ordered, in order of their first order.
    customers: Vec<usize>,
    plans: Vec<Option<Planned>>,
    orders: Vec<Tracked>,
    /// The shop's own courier in Oslo (DL-7).
    courier_id: i64,
    /// Who delivers as the courier: the demo's courier login.
    courier: Actor,
    /// Receipts the courier wrote, for their numbers.
    receipts: u64,
    /// Reports the carriers sent, for their ids.
    reports: u64,
    /// Parcels the carriers are late with now, out of `LATE_NOW`.
    late_now: usize,
    lost_made: bool,
    cash_short_made: bool,
}

/// What a newcomer is told of the demo: what the shop holds, and a login per role.
pub struct Built {
    pub summary: String,
    pub staff: StaffLogins,
}

/// Builds the demo shop in `store`, unless it already has a catalogue, and tells what it holds.
/// On a demo built before, the logins get new passwords, since the old ones were only printed.
pub async fn build(store: &store::Store) -> anyhow::Result<Built> {
    let started = Instant::now();
    let end = Timestamp::now();
    let tz = TimeZone::get(TIME_ZONE).context("the time zone database has no Europe/Oslo")?;
    let first_day = end
        .to_zoned_datetime(tz.clone())
        .date()
        .checked_sub(DAYS.days())
        .context("cannot count back 30 days")?;
    let start = first_day
        .at(7, 0, 0, 0)
        .to_zoned_datetime(tz.clone())
        .context("cannot place the demo's first morning in Oslo time")?
        .timestamp();
    let clock = Arc::new(app::ManualClock::new(start));
    let shop = app::Shop::new(store.clone(), clock.clone()).with_carrier_secret(CARRIER_KEY);

    if !shop
        .products("", 1, 0)
        .await
        .context("cannot read the catalogue")?
        .is_empty()
    {
        return Ok(Built {
            summary: "The database already has a catalogue: the demo data was already there, \
                      nothing was added. The logins below have new passwords."
                .into(),
            staff: shop.demo_staff().await?,
        });
    }

    let mut rng = Rng::new(SEED);
    let mut people = people(&mut rng, 360)?;
    give_birthdays(&mut people, first_day)?;
    let mut sim = Sim {
        shop,
        settings: ShopSettings::default(),
        clock: clock.clone(),
        tz,
        end,
        rng,
        queue: BinaryHeap::new(),
        seq: 0,
        sellable: Vec::new(),
        restockable: Vec::new(),
        people,
        customers: Vec::new(),
        plans: Vec::new(),
        orders: Vec::new(),
        courier_id: 0,
        courier: Actor::system(),
        receipts: 0,
        reports: 0,
        late_now: 0,
        lost_made: false,
        cash_short_made: false,
    };
    sim.save_settings().await?;
    sim.create_courier().await?;
    sim.create_locations().await?;
    let staff = sim.take_on_staff().await?;
    sim.stock_catalogue().await?;
    sim.plan_month(first_day, start)?;
    sim.plan_questions()?;
    sim.schedule_worker(start)?;
    sim.rng = Rng::new(SEED);
    sim.run().await?;
    // The worker catches up to the real now, so nothing is left overdue when the shop opens.
    clock.set(end);
    sim.work().await?;
    sim.order_from_supplier().await?;
    Ok(Built {
        summary: summary(&sim.shop, started).await?,
        staff,
    })
}
