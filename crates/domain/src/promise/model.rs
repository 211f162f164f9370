//! The model that learns transit from shipments and promises windows.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::days::{DayTable, date_of, day_number};
use super::hazards::{Exposure, fit_stretch, stretch, survival};
use super::{DeliveryDays, Forecast, Promise, PromisePolicy, Route};

/// A shipment the model follows, from [`TransitModel::started`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShipmentId(usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PromiseError {
    #[error("this model never started shipment {0}")]
    UnknownShipment(usize),
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
