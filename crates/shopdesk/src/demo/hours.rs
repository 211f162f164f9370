//! Time of day: when each kind of person works, and when a move falls in working hours.

use anyhow::Context;
use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, Timestamp};

use super::Sim;
use super::random::{mins, plus};

/// Parcels ready before this hour leave with the same day's carrier pickup (DL-8).
const CUTOFF_HOUR: i8 = 14;

/// When a kind of person works, in the shop's time zone.
#[derive(Clone, Copy)]
pub(super) struct Hours {
    open: i8,
    pub(super) close: i8,
    sundays: bool,
}

pub(super) const OFFICE: Hours = Hours::monday_to_saturday(8, 20);
pub(super) const CARRIERS: Hours = Hours::monday_to_saturday(9, 21);
/// The shop's courier sets off on a last stop by eight, so the door is reached before the
/// round's cash is handed in at half past nine (PY-5).
pub(super) const COURIER_SETS_OFF: Hours = Hours::monday_to_saturday(9, 20);
/// The call policy's default calling hours (CF-3).
pub(super) const CALLS: Hours = Hours::monday_to_saturday(9, 20);
pub(super) const SHOP_FLOOR: Hours = Hours::every_day(10, 19);

impl Hours {
    const fn monday_to_saturday(open: i8, close: i8) -> Self {
        Self {
            open,
            close,
            sundays: false,
        }
    }

    const fn every_day(open: i8, close: i8) -> Self {
        Self {
            open,
            close,
            sundays: true,
        }
    }

    fn open_on(self, day: Date) -> bool {
        self.sundays || day.weekday() != Weekday::Sunday
    }

    /// `day` itself when these hours are open on it and `hour` is before `by`; otherwise the
    /// next day they are open.
    fn day_for(self, day: Date, hour: i8, by: i8) -> anyhow::Result<Date> {
        let mut day = day;
        if !(self.open_on(day) && hour < by) {
            day = day.tomorrow()?;
        }
        while !self.open_on(day) {
            day = day.tomorrow()?;
        }
        Ok(day)
    }
}

impl Sim {
    pub(super) fn local_time(&self, day: Date, hour: i8, minute: i8) -> anyhow::Result<Timestamp> {
        Ok(day
            .at(hour, minute, 0, 0)
            .to_zoned_datetime(self.tz.clone())
            .with_context(|| format!("{day} {hour}:{minute} does not exist in Oslo"))?
            .timestamp())
    }

    /// A time `lo..hi` after `from`, moved into working hours if it falls outside them; people
    /// arriving at work take a little while to get to it.
    pub(super) fn later(
        &mut self,
        from: Timestamp,
        lo: SignedDuration,
        hi: SignedDuration,
        when: Option<Hours>,
    ) -> anyhow::Result<Timestamp> {
        let at = plus(from, self.rng.between(lo, hi))?;
        let Some(when) = when else {
            return Ok(at);
        };
        let local = at.to_zoned_datetime(self.tz.clone()).datetime();
        if when.open_on(local.date()) && (when.open..when.close).contains(&local.hour()) {
            return Ok(at);
        }
        let day = when.day_for(local.date(), local.hour(), when.open)?;
        let opening = self.local_time(day, when.open, 0)?;
        plus(opening, self.rng.between(mins(5), mins(50)))
    }

    /// The carrier collects at 14:30 on working days; parcels ready after the cut-off wait for
    /// the next pickup (DL-8).
    pub(super) fn pickup_time(&mut self, ready: Timestamp) -> anyhow::Result<Timestamp> {
        let local = ready.to_zoned_datetime(self.tz.clone()).datetime();
        let day = OFFICE.day_for(local.date(), local.hour(), CUTOFF_HOUR)?;
        let pickup = self.local_time(day, CUTOFF_HOUR, 30)?;
        plus(pickup, self.rng.between(mins(0), mins(90)))
    }
}
