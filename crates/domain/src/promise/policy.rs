//! How the promise learns, and what a day less of waiting is worth.

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
