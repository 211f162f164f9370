//! The learned delivery promise (CK-4, DL-5): a window of dates, learned from the shop's own
//! shipments, for the moment an order is placed.
//!
//! Transit is counted in delivery days (DL-8): the days carriers move parcels, so a promise never
//! falls on a Sunday or a holiday, and a weekend inside the transit costs what it really costs.
//!
//! How a promise is learned, for a route given as keys from finest to coarsest:
//! - Every key keeps the shipments that travelled it. For one day, a key's history becomes the
//!   chance of delivery on each transit day (a hazard). A shipment still travelling counts as
//!   "not delivered yet" for the days it has been on the way (a censored observation), so a slow
//!   spell shows before its late parcels arrive. Each day of travel weighs by its age (a
//!   half-life), so the promise follows the drift of the carriers.
//! - The coarsest key with enough history gives the shape of the transit. Each finer key stretches
//!   or shrinks that shape by one factor, fitted to its own shipments and held near 1 when it has
//!   few of them, so a thin route borrows from its parent instead of trusting a handful of parcels.
//! - The last few days of deliveries on the coarsest key set the current pace, which stretches or
//!   shrinks the whole shape once more.
//! - The latest date is where one more day of promise stops paying for itself: it is added only
//!   while it lowers the chance of being late by at least [`PromisePolicy::day_worth`]. A tight
//!   route thus gets a high quantile, a scattered one a lower quantile and a shorter wait (DL-5:
//!   announce terms the shop keeps, without padding every order for the worst route).
//! - With too little history there is no promise (`None`), and the caller falls back to the
//!   settings ([`crate::calendar::Calendar::delivery_window`]).
//!
//! What the model knows at `now` is what had happened by the start of that day, so a promise
//! stays the same all day and never rests on a delivery that happened after `now`.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

use crate::orders::DeliveryMethod;
use crate::settings::ShopSettings;

/// How the promise learns and what it is worth to promise a day earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct PromisePolicy {
    /// Half-life, in days, of the history that shapes the transit of every route.
    pub memory_half_life_days: f64,
    /// Half-life, in days, of the deliveries that set the current pace.
    pub pace_half_life_days: f64,
    /// How far a finer route key is expected to differ from its parent: the spread of the
    /// logarithm of its stretch factor. Smaller trusts thin routes less.
    pub route_spread: f64,
    /// How far the current pace is expected to differ from the remembered one, likewise.
    pub pace_spread: f64,
    /// How far a finer route key's current pace is expected to differ from its parent's.
    pub route_pace_spread: f64,
    /// The least a day added to the promise must lower the chance of being late.
    pub day_worth: f64,
    /// The earliest date is the first by which at least this share of parcels arrives.
    pub earliest_share: f64,
    /// Weighted shipments the coarsest key needs before the model promises anything.
    pub min_history: f64,
    /// The longest transit the model tracks, in delivery days.
    pub longest_transit_days: usize,
}

impl Default for PromisePolicy {
    fn default() -> Self {
        Self {
            memory_half_life_days: 45.0,
            pace_half_life_days: 4.0,
            route_spread: 0.3,
            pace_spread: 0.3,
            route_pace_spread: 0.1,
            day_worth: 0.0112,
            earliest_share: 0.1,
            min_history: 30.0,
            longest_transit_days: 120,
        }
    }
}

/// The days carriers deliver on: some weekdays, minus holidays (DL-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryDays {
    /// Monday first.
    weekdays: [bool; 7],
    holidays: BTreeSet<i32>,
}

impl DeliveryDays {
    /// Monday to Friday, without holidays.
    pub fn monday_to_friday() -> Self {
        let mut weekdays = [true; 7];
        weekdays[5] = false;
        weekdays[6] = false;
        Self {
            weekdays,
            holidays: BTreeSet::new(),
        }
    }

    /// The same days except on `holidays`.
    pub fn with_holidays(self, holidays: impl IntoIterator<Item = Date>) -> Self {
        Self {
            holidays: holidays.into_iter().map(day_number).collect(),
            ..self
        }
    }

    /// The shop's working days and holidays (DL-8); a holiday that does not parse was refused
    /// when the settings were saved and is skipped here.
    pub fn of(settings: &ShopSettings) -> Self {
        let mut weekdays = [false; 7];
        for &day in &settings.working_weekdays {
            if let Some(slot) = usize::try_from(day - 1)
                .ok()
                .and_then(|i| weekdays.get_mut(i))
            {
                *slot = true;
            }
        }
        if !weekdays.contains(&true) {
            return Self::monday_to_friday();
        }
        Self {
            weekdays,
            holidays: settings
                .holidays
                .iter()
                .filter_map(|day| day.parse().ok())
                .map(day_number)
                .collect(),
        }
    }

    pub fn is_delivery_day(&self, date: Date) -> bool {
        self.delivers_on(day_number(date))
    }

    fn delivers_on(&self, day: i32) -> bool {
        // Day 0 (1970-01-01) was a Thursday, the fourth day of a week starting on Monday.
        let weekday = (day + 3).rem_euclid(7) as usize;
        self.weekdays.get(weekday).copied().unwrap_or(false) && !self.holidays.contains(&day)
    }
}

/// A route as keys from the finest to the coarsest, such as
/// `["zip:01310|seller:SP", "state:SP|seller:SP", "state:SP", "*"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    keys: Vec<String>,
}

impl Route {
    pub fn new(keys: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            keys: keys.into_iter().map(Into::into).collect(),
        }
    }

    pub fn keys(&self) -> &[String] {
        &self.keys
    }
}

impl Route {
    /// A shop's parcel: by method and the region of the postcode (its first two characters,
    /// such as a Norwegian county), then by method alone for a thin region.
    pub fn of_shipment(method: DeliveryMethod, postcode: Option<&str>) -> Self {
        let region: String = postcode
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(2)
            .collect::<String>()
            .to_ascii_uppercase();
        let method = method.as_str();
        if region.is_empty() {
            Self::new([method])
        } else {
            Self::new([format!("{method}|{region}"), method.to_owned()])
        }
    }
}

/// A shipment the model follows, from [`TransitModel::started`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShipmentId(usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PromiseError {
    #[error("this model never started shipment {0}")]
    UnknownShipment(usize),
}

/// The promised window (CK-4): the parcel arrives on or after `earliest`, and by `latest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promise {
    pub earliest: Date,
    pub latest: Date,
}

/// The learned transit of one route at one moment: the chance of still travelling after each
/// number of delivery days, and the calendar date each of those days falls on.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    start: Date,
    /// `still_travelling[n]`: the chance the parcel is not there after `n` delivery days.
    still_travelling: Vec<f64>,
    /// `calendar_days[n]`: calendar days from the start to the `n`-th delivery day after it.
    calendar_days: Vec<i64>,
}

impl Forecast {
    /// The chance a parcel promised within `delivery_days` delivery days arrives later.
    pub fn late_chance(&self, delivery_days: usize) -> f64 {
        self.still_travelling
            .get(delivery_days)
            .copied()
            .unwrap_or(0.0)
    }

    /// The fewest delivery days by which at least `share` of parcels arrive.
    pub fn quantile(&self, share: f64) -> usize {
        self.still_travelling
            .iter()
            .position(|&beyond| 1.0 - beyond >= share - 1e-12)
            .unwrap_or(self.still_travelling.len().saturating_sub(1))
    }

    /// The window in delivery days from the start, `[earliest, latest]`: the latest is the day
    /// where one more day would lower the chance of being late by less than `day_worth` (DL-5);
    /// the earliest is the first by which `earliest_share` of parcels arrive.
    pub fn transit_days(&self, day_worth: f64, earliest_share: f64) -> Option<[usize; 2]> {
        let latest = self
            .still_travelling
            .iter()
            .zip(&self.calendar_days)
            .enumerate()
            .map(|(n, (beyond, days))| (n, beyond + day_worth * *days as f64))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(n, _)| n)?;
        Some([self.quantile(earliest_share).min(latest), latest])
    }

    /// The window as dates; see [`Forecast::transit_days`].
    pub fn promise(&self, day_worth: f64, earliest_share: f64) -> Option<Promise> {
        let [earliest, latest] = self.transit_days(day_worth, earliest_share)?;
        Some(Promise {
            earliest: self.date_after(earliest)?,
            latest: self.date_after(latest)?,
        })
    }

    /// The date of the `delivery_days`-th delivery day after the start.
    pub fn date_after(&self, delivery_days: usize) -> Option<Date> {
        let days = *self.calendar_days.get(delivery_days)?;
        self.start
            .checked_add(Span::new().try_days(days).ok()?)
            .ok()
    }
}

/// Learns transit from shipments and promises windows (CK-4, DL-5).
///
/// Feed it every shipment when it starts ([`TransitModel::started`]) and when it is delivered
/// ([`TransitModel::delivered`]); ask for a [`TransitModel::promise`] at any moment.
#[derive(Debug, Clone)]
pub struct TransitModel {
    policy: PromisePolicy,
    delivery_days: DeliveryDays,
    time_zone: TimeZone,
    days: DayTable,
    key_ids: HashMap<String, usize>,
    /// Per key: (start day, shipment index), ordered by start day.
    histories: Vec<Vec<(i32, usize)>>,
    shipments: Vec<Shipment>,
    learned: Learned,
}

#[derive(Debug, Clone)]
struct Shipment {
    started_at: Timestamp,
    start_day: i32,
    /// Delivery days in transit, once delivered.
    transit: Option<usize>,
}

/// What was worked out for one day; what happens later never changes it, so it lives until the
/// day moves on or a record about an earlier day arrives.
#[derive(Debug, Clone, Default)]
struct Learned {
    day: i32,
    exposures: HashMap<(usize, Memory), Arc<Exposure>>,
    /// By chain of keys, coarsest first: the hazards after the last key of the chain.
    chains: HashMap<Vec<usize>, Arc<Vec<f64>>>,
    /// By coarsest key: the current pace.
    paces: HashMap<usize, f64>,
}

/// Which half-life weighs the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Memory {
    /// The shape of the transit.
    Shape,
    /// The current pace.
    Pace,
}

/// Weighted counts of one key on one day, per transit day: parcels still travelling at its
/// start, and parcels delivered on it.
#[derive(Debug, Clone)]
struct Exposure {
    travelling: Vec<f64>,
    delivered: Vec<f64>,
}

impl Exposure {
    fn hazards(&self) -> Vec<f64> {
        self.travelling
            .iter()
            .zip(&self.delivered)
            .map(|(&travelling, &delivered)| {
                if travelling > 0.0 {
                    delivered / travelling
                } else {
                    1.0
                }
            })
            .collect()
    }
}

impl TransitModel {
    pub fn new(policy: PromisePolicy, delivery_days: DeliveryDays, time_zone: TimeZone) -> Self {
        Self {
            policy,
            delivery_days,
            time_zone,
            days: DayTable::default(),
            key_ids: HashMap::new(),
            histories: Vec::new(),
            shipments: Vec::new(),
            learned: Learned::default(),
        }
    }

    pub fn policy(&self) -> &PromisePolicy {
        &self.policy
    }

    /// A shipment set off on `route` at `at` (for a shop: the order was placed).
    pub fn started(&mut self, route: &Route, at: Timestamp) -> ShipmentId {
        let start_day = self.day_of(at);
        let index = self.shipments.len();
        self.shipments.push(Shipment {
            started_at: at,
            start_day,
            transit: None,
        });
        for key in route.keys() {
            let id = match self.key_ids.get(key) {
                Some(&id) => id,
                None => {
                    self.key_ids.insert(key.clone(), self.histories.len());
                    self.histories.push(Vec::new());
                    self.histories.len() - 1
                }
            };
            if let Some(history) = self.histories.get_mut(id) {
                let at = history.partition_point(|&(day, _)| day <= start_day);
                history.insert(at, (start_day, index));
            }
        }
        self.forget_from(start_day);
        ShipmentId(index)
    }

    /// The shipment arrived at `at`. A time before its start counts as arriving on its start day.
    pub fn delivered(&mut self, shipment: ShipmentId, at: Timestamp) -> Result<(), PromiseError> {
        let (start_day, started_at) = self
            .shipments
            .get(shipment.0)
            .map(|s| (s.start_day, s.started_at))
            .ok_or(PromiseError::UnknownShipment(shipment.0))?;
        let day = self.day_of(at.max(started_at));
        self.days.cover(&self.delivery_days, start_day, day);
        // A parcel delivered on a day carriers rest (a rare weekend drop) counts as the next
        // delivery day: it did not make a promise for the day before.
        let resting = usize::from(!self.delivery_days.delivers_on(day));
        let transit = self.days.between(start_day, day) + resting;
        if let Some(record) = self.shipments.get_mut(shipment.0) {
            record.transit = Some(transit);
        }
        self.forget_from(day);
        Ok(())
    }

    /// The window for a shipment on `route` starting at `now`, or `None` when there is too little
    /// history and the settings must decide.
    pub fn promise(&mut self, route: &Route, now: Timestamp) -> Option<Promise> {
        let (worth, share) = (self.policy.day_worth, self.policy.earliest_share);
        self.forecast(route, now)?.promise(worth, share)
    }

    /// The learned transit for a shipment on `route` starting at `now`.
    pub fn forecast(&mut self, route: &Route, now: Timestamp) -> Option<Forecast> {
        let today = self.day_of(now);
        if self.learned.day != today {
            self.learned = Learned {
                day: today,
                ..Learned::default()
            };
        }
        let horizon = self.policy.longest_transit_days.max(1);
        let window = self.window();
        self.days
            .cover(&self.delivery_days, today - window - 1, today + 1);
        self.days.cover_after(&self.delivery_days, today, horizon);
        let chain = self.chain(route, today)?;
        let hazards = self.chain_hazards(&chain, today);
        let pace = self.pace(*chain.first()?, today);
        let mut hazards = stretch(&hazards, pace);
        // Each finer key may be running ahead of or behind its parent right now (DL-6 drift is
        // often local): its own recent pace stretches the shape once more, held near 1.
        for &key in chain.get(1..).unwrap_or_default() {
            let recent = self.exposure(key, today, Memory::Pace);
            hazards = stretch(
                &hazards,
                fit_stretch(&hazards, &recent, self.policy.route_pace_spread),
            );
        }
        let mut still_travelling = Vec::with_capacity(horizon);
        let mut beyond = 1.0;
        for hazard in hazards {
            beyond *= 1.0 - hazard.clamp(0.0, 1.0);
            still_travelling.push(beyond);
        }
        let calendar_days = (0..horizon)
            .map(|n| i64::from(self.days.after(today, n) - today))
            .collect();
        Some(Forecast {
            start: date_of(&self.time_zone, now),
            still_travelling,
            calendar_days,
        })
    }

    fn day_of(&self, at: Timestamp) -> i32 {
        day_number(date_of(&self.time_zone, at))
    }

    /// Start days older than this weigh less than 1/64 and are left out.
    fn window(&self) -> i32 {
        (6.0 * self.policy.memory_half_life_days).ceil().max(1.0) as i32
    }

    /// A record about `day` changes what is known on every later day.
    fn forget_from(&mut self, day: i32) {
        if day < self.learned.day {
            self.learned = Learned::default();
        }
    }

    /// The route's keys with history, coarsest first, from the coarsest one that has enough of
    /// it: enough shipments, followed long enough to have seen nearly all of them arrive.
    fn chain(&mut self, route: &Route, today: i32) -> Option<Vec<usize>> {
        let known: Vec<usize> = route
            .keys()
            .iter()
            .rev()
            .filter_map(|key| self.key_ids.get(key).copied())
            .collect();
        let judged: Vec<(bool, bool)> = known
            .iter()
            .map(|&key| {
                let exposure = self.exposure(key, today, Memory::Shape);
                let enough = exposure
                    .travelling
                    .first()
                    .is_some_and(|&weight| weight >= self.policy.min_history);
                // Beyond the transit days it has watched, a key knows nothing: the parcels still
                // travelling there must be too few to matter to the promise.
                let watched = exposure.travelling.iter().take_while(|&&w| w > 0.0).count();
                let unseen = survival(&exposure.hazards())
                    .get(watched)
                    .copied()
                    .unwrap_or(0.0);
                (enough, unseen <= self.policy.day_worth)
            })
            .collect();
        // In a slow spell no key may have watched its parcels long enough; the coarsest one
        // with enough history then promises the longest transit it has seen rather than
        // falling back to the settings' usual one.
        let root = judged
            .iter()
            .position(|&(enough, watched)| enough && watched)
            .or_else(|| judged.iter().position(|&(enough, _)| enough))?;
        Some(known.get(root..)?.to_vec())
    }

    fn chain_hazards(&mut self, chain: &[usize], today: i32) -> Arc<Vec<f64>> {
        if let Some(known) = self.learned.chains.get(chain) {
            return Arc::clone(known);
        }
        let hazards = match chain.split_last() {
            None => Vec::new(),
            Some((&key, [])) => self.exposure(key, today, Memory::Shape).hazards(),
            Some((&key, parents)) => {
                let parent = self.chain_hazards(parents, today);
                let own = self.exposure(key, today, Memory::Shape);
                stretch(
                    &parent,
                    fit_stretch(&parent, &own, self.policy.route_spread),
                )
            }
        };
        let hazards = Arc::new(hazards);
        self.learned
            .chains
            .insert(chain.to_vec(), Arc::clone(&hazards));
        hazards
    }

    /// How much slower (above 1) or faster the last few days ran than the remembered shape.
    fn pace(&mut self, root: usize, today: i32) -> f64 {
        if let Some(&pace) = self.learned.paces.get(&root) {
            return pace;
        }
        let remembered = self.exposure(root, today, Memory::Shape).hazards();
        let recent = self.exposure(root, today, Memory::Pace);
        let pace = fit_stretch(&remembered, &recent, self.policy.pace_spread);
        self.learned.paces.insert(root, pace);
        pace
    }

    fn exposure(&mut self, key: usize, today: i32, memory: Memory) -> Arc<Exposure> {
        if let Some(known) = self.learned.exposures.get(&(key, memory)) {
            return Arc::clone(known);
        }
        let half_life_days = match memory {
            Memory::Shape => self.policy.memory_half_life_days,
            Memory::Pace => self.policy.pace_half_life_days,
        };
        let exposure = Arc::new(self.weigh(key, today, half_life_days));
        self.learned
            .exposures
            .insert((key, memory), Arc::clone(&exposure));
        exposure
    }

    /// What `key`'s shipments showed by the start of `today`, each travel day weighed by its age.
    fn weigh(&self, key: usize, today: i32, half_life_days: f64) -> Exposure {
        let horizon = self.policy.longest_transit_days.max(1);
        let mut exposure = Exposure {
            travelling: vec![0.0; horizon],
            delivered: vec![0.0; horizon],
        };
        let Some(history) = self.histories.get(key) else {
            return exposure;
        };
        let window = self.window();
        let decay = std::f64::consts::LN_2 / half_life_days.max(1e-9);
        let weight_by_age: Vec<f64> = (0..=window)
            .map(|age| (-decay * f64::from(age)).exp())
            .collect();
        let yesterday = today - 1;
        let first = history.partition_point(|&(day, _)| day < today - window);
        let last = history.partition_point(|&(day, _)| day < today);
        for &(start, index) in history.get(first..last).unwrap_or_default() {
            // Outcomes are known for the delivery days up to yesterday.
            let seen = self.days.between(start, yesterday);
            let transit = self.shipments.get(index).and_then(|s| s.transit);
            let until = transit.map_or(seen, |t| t.min(seen)).min(horizon - 1);
            for n in 0..=until {
                let age = (yesterday - self.days.after(start, n)).max(0) as usize;
                let weight = weight_by_age.get(age).copied().unwrap_or(0.0);
                exposure.travelling[n] += weight;
                if transit == Some(n) {
                    exposure.delivered[n] += weight;
                }
            }
        }
        exposure
    }
}

/// The log-scale steps tried for a stretch factor: 0.30 to 3.3 times, 5% apart.
const STRETCH_STEPS: i32 = 24;
const STRETCH_STEP: f64 = 0.05;

/// The stretch of `parent` that best explains `own`, held near 1 by a normal prior on its
/// logarithm with spread `spread` (few shipments cannot move it far).
fn fit_stretch(parent: &[f64], own: &Exposure, spread: f64) -> f64 {
    let Some(last) = own.travelling.iter().rposition(|&weight| weight > 0.0) else {
        return 1.0;
    };
    let survival = survival(parent);
    let mut best = (f64::NEG_INFINITY, 1.0);
    for step in -STRETCH_STEPS..=STRETCH_STEPS {
        let log_factor = f64::from(step) * STRETCH_STEP;
        let factor = log_factor.exp();
        let mut fit = -log_factor * log_factor / (2.0 * spread * spread);
        let mut before: f64 = 1.0;
        for n in 0..=last {
            let after = survival_at(&survival, (n + 1) as f64 / factor);
            let hazard = (1.0 - after / before.max(1e-300)).clamp(1e-9, 1.0 - 1e-9);
            let delivered = own.delivered[n];
            fit += delivered * hazard.ln() + (own.travelling[n] - delivered) * (1.0 - hazard).ln();
            before = after;
        }
        if fit > best.0 {
            best = (fit, factor);
        }
    }
    best.1
}

/// The hazards of the transit `factor` times as long as the one `hazards` describe.
fn stretch(hazards: &[f64], factor: f64) -> Vec<f64> {
    let survival = survival(hazards);
    let mut before = 1.0;
    (0..hazards.len())
        .map(|n| {
            let after = survival_at(&survival, (n + 1) as f64 / factor);
            let hazard = if before > 0.0 {
                (1.0 - after / before).clamp(0.0, 1.0)
            } else {
                1.0
            };
            before = after;
            hazard
        })
        .collect()
}

/// `survival[i]`: the chance of travelling more than `i - 1` delivery days (`survival[0]` is 1).
fn survival(hazards: &[f64]) -> Vec<f64> {
    let mut survival = Vec::with_capacity(hazards.len() + 1);
    let mut beyond = 1.0;
    survival.push(beyond);
    for &hazard in hazards {
        beyond *= 1.0 - hazard.clamp(1e-9, 1.0 - 1e-9);
        survival.push(beyond);
    }
    survival
}

/// `survival` read between whole days, straight between neighbours.
fn survival_at(survival: &[f64], position: f64) -> f64 {
    let last = survival.len().saturating_sub(1);
    let position = position.clamp(0.0, last as f64);
    let below = position.floor() as usize;
    let share = position - below as f64;
    let low = survival.get(below).copied().unwrap_or(0.0);
    let high = survival.get(below + 1).copied().unwrap_or(low);
    low + (high - low) * share
}

/// Delivery days numbered in order, so "the n-th delivery day after" is a lookup.
#[derive(Debug, Clone, Default)]
struct DayTable {
    first: i32,
    /// `counted[i]`: delivery days in `first..=first + i`.
    counted: Vec<usize>,
    /// The delivery days from `first` on, in order.
    delivery_days: Vec<i32>,
}

impl DayTable {
    const MARGIN: i32 = 370;

    fn covers(&self, day: i32) -> bool {
        day >= self.first && ((day - self.first) as usize) < self.counted.len()
    }

    /// Make the table reach from `from` to `to`.
    fn cover(&mut self, calendar: &DeliveryDays, from: i32, to: i32) {
        if self.covers(from) && self.covers(to) {
            return;
        }
        let (first, last) = if self.counted.is_empty() {
            (from - Self::MARGIN, to + Self::MARGIN)
        } else {
            let last = self.first + self.counted.len() as i32 - 1;
            (
                from.min(self.first) - Self::MARGIN,
                to.max(last) + Self::MARGIN,
            )
        };
        self.first = first;
        self.counted.clear();
        self.delivery_days.clear();
        for day in first..=last {
            if calendar.delivers_on(day) {
                self.delivery_days.push(day);
            }
            self.counted.push(self.delivery_days.len());
        }
    }

    /// Make the table hold `count` delivery days after `day`.
    fn cover_after(&mut self, calendar: &DeliveryDays, day: i32, count: usize) {
        let mut to = day + 1;
        loop {
            self.cover(calendar, day, to);
            if self.delivery_days.len() >= self.ordinal(day) + count {
                return;
            }
            to += Self::MARGIN;
        }
    }

    /// Delivery days from the table's first day up to `day`.
    fn ordinal(&self, day: i32) -> usize {
        let index = (day - self.first).max(0) as usize;
        self.counted
            .get(index)
            .or(self.counted.last())
            .copied()
            .unwrap_or(0)
    }

    /// Delivery days after `from`, up to and including `to`.
    fn between(&self, from: i32, to: i32) -> usize {
        self.ordinal(to).saturating_sub(self.ordinal(from))
    }

    /// The `n`-th delivery day after `day`; `day` itself for 0.
    fn after(&self, day: i32, n: usize) -> i32 {
        if n == 0 {
            return day;
        }
        self.delivery_days
            .get(self.ordinal(day) + n - 1)
            .copied()
            .unwrap_or(day)
    }
}

fn date_of(time_zone: &TimeZone, at: Timestamp) -> Date {
    at.to_zoned_datetime(time_zone.clone()).date()
}

/// Days since 1970-01-01 (the proleptic Gregorian count of days from civil).
fn day_number(date: Date) -> i32 {
    let (month, day) = (i32::from(date.month()), i32::from(date.day()));
    let year = i32::from(date.year()) - i32::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn model() -> TransitModel {
        TransitModel::new(
            PromisePolicy::default(),
            DeliveryDays::monday_to_friday(),
            TimeZone::UTC,
        )
    }

    fn noon(day: Date) -> Timestamp {
        TimeZone::UTC
            .to_timestamp(day.at(12, 0, 0, 0))
            .expect("a time in range")
    }

    /// The `n`-th weekday after `day`.
    fn weekdays_after(day: Date, n: usize) -> Date {
        let calendar = DeliveryDays::monday_to_friday();
        let mut date = day;
        for _ in 0..n {
            date = date.tomorrow().expect("a date in range");
            while !calendar.is_delivery_day(date) {
                date = date.tomorrow().expect("a date in range");
            }
        }
        date
    }

    /// `per_day` shipments on `route` every weekday from `from` until `until`, each taking
    /// `transit(i)` delivery days; deliveries after `until` are not yet known.
    fn ship(
        model: &mut TransitModel,
        route: &Route,
        from: Date,
        until: Date,
        per_day: usize,
        transit: impl Fn(usize) -> usize,
    ) {
        let mut day = from;
        let mut i = 0;
        while day < until {
            if DeliveryDays::monday_to_friday().is_delivery_day(day) {
                for _ in 0..per_day {
                    let id = model.started(route, noon(day));
                    let arrives = weekdays_after(day, transit(i));
                    if arrives < until {
                        model
                            .delivered(id, noon(arrives))
                            .expect("a started shipment");
                    }
                    i += 1;
                }
            }
            day = day.tomorrow().expect("a date in range");
        }
    }

    #[test]
    fn without_enough_history_the_settings_decide() {
        let mut model = model();
        let route = Route::new(["to:03", "*"]);
        ship(
            &mut model,
            &route,
            date(2026, 3, 2),
            date(2026, 3, 4),
            5,
            |_| 2,
        );
        assert_eq!(model.promise(&route, noon(date(2026, 3, 4))), None);
    }

    /// The promise on Friday 2026-03-06 after two months of parcels that all took three
    /// delivery days.
    fn after_steady_months(mut model: TransitModel) -> Promise {
        let route = Route::new(["*"]);
        ship(
            &mut model,
            &route,
            date(2026, 1, 5),
            date(2026, 3, 6),
            10,
            |_| 3,
        );
        model
            .promise(&route, noon(date(2026, 3, 6)))
            .expect("history")
    }

    #[test]
    fn a_steady_route_is_promised_its_transit_in_delivery_days() {
        // CK-4, DL-8: three delivery days from Friday is Wednesday, not Monday.
        assert_eq!(after_steady_months(model()).latest, date(2026, 3, 11));
    }

    #[test]
    fn a_promise_never_falls_on_a_holiday() {
        let calendar = DeliveryDays::monday_to_friday().with_holidays([date(2026, 3, 11)]);
        let model = TransitModel::new(PromisePolicy::default(), calendar, TimeZone::UTC);
        assert_eq!(after_steady_months(model).latest, date(2026, 3, 12));
    }

    #[test]
    fn a_delivery_later_the_same_day_does_not_change_todays_promise() {
        let mut model = model();
        let route = Route::new(["*"]);
        let today = date(2026, 3, 6);
        ship(&mut model, &route, date(2026, 1, 5), today, 10, |i| {
            2 + i % 3
        });
        let before = model.promise(&route, noon(today));
        // A surprising parcel started today and arriving today: known only from tomorrow on.
        let id = model.started(&route, noon(today));
        model
            .delivered(id, noon(today))
            .expect("a started shipment");
        assert_eq!(model.promise(&route, noon(today)), before);
    }

    #[test]
    fn parcels_that_stop_arriving_lengthen_the_promise_before_they_arrive() {
        // DL-6: a slow spell shows in the parcels still travelling (censored), not only in the
        // late ones that finally arrive.
        let mut steady = model();
        let mut slowing = model();
        let route = Route::new(["*"]);
        let today = date(2026, 3, 6);
        let spell = date(2026, 2, 23);
        ship(&mut steady, &route, date(2026, 1, 5), today, 10, |_| 3);
        ship(&mut slowing, &route, date(2026, 1, 5), spell, 10, |_| 3);
        // From the spell on, parcels take seven days: only its first ones have arrived.
        ship(&mut slowing, &route, spell, today, 10, |_| 7);
        let usual = steady.promise(&route, noon(today)).expect("history");
        let slow = slowing.promise(&route, noon(today)).expect("history");
        assert!(slow.latest > usual.latest, "{slow:?} after {usual:?}");
    }

    #[test]
    fn a_thin_route_borrows_from_its_parent() {
        // Two slow parcels on a new route do not make every order there wait their worst.
        let mut model = model();
        let busy = Route::new(["to:03", "*"]);
        let thin = Route::new(["to:90", "*"]);
        let today = date(2026, 3, 6);
        ship(&mut model, &busy, date(2026, 1, 5), today, 10, |_| 2);
        ship(
            &mut model,
            &thin,
            date(2026, 3, 2),
            date(2026, 3, 3),
            2,
            |_| 9,
        );
        let busy_promise = model.promise(&busy, noon(today)).expect("history");
        let thin_promise = model.promise(&thin, noon(today)).expect("history");
        assert!(thin_promise.latest >= busy_promise.latest);
        assert!(thin_promise.latest < weekdays_after(today, 9));
    }
}
