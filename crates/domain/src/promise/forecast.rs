//! The learned transit of one route at one moment, and the window it promises.

use jiff::Span;
use jiff::civil::Date;

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
    pub(super) start: Date,
    /// `still_travelling[n]`: the chance the parcel is not there after `n` delivery days.
    pub(super) still_travelling: Vec<f64>,
    /// `calendar_days[n]`: calendar days from the start to the `n`-th delivery day after it.
    pub(super) calendar_days: Vec<i64>,
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
