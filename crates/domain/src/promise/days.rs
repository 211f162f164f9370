//! The days carriers deliver on, and a table that counts them.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::settings::ShopSettings;

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

    pub(super) fn delivers_on(&self, day: i32) -> bool {
        // Day 0 (1970-01-01) was a Thursday, the fourth day of a week starting on Monday.
        let weekday = (day + 3).rem_euclid(7) as usize;
        self.weekdays.get(weekday).copied().unwrap_or(false) && !self.holidays.contains(&day)
    }
}

/// Delivery days numbered in order, so "the n-th delivery day after" is a lookup.
#[derive(Debug, Clone, Default)]
pub(super) struct DayTable {
    first: i32,
    /// `counted[i]`: delivery days in `first..=first + i`.
    counted: Vec<usize>,
    /// The delivery days from `first` on, in order.
    delivery_days: Vec<i32>,
}

impl DayTable {
    const MARGIN: i32 = 370;

    pub(super) fn covers(&self, day: i32) -> bool {
        day >= self.first && ((day - self.first) as usize) < self.counted.len()
    }

    /// Make the table reach from `from` to `to`.
    pub(super) fn cover(&mut self, calendar: &DeliveryDays, from: i32, to: i32) {
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
    pub(super) fn cover_after(&mut self, calendar: &DeliveryDays, day: i32, count: usize) {
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
    pub(super) fn ordinal(&self, day: i32) -> usize {
        let index = (day - self.first).max(0) as usize;
        self.counted
            .get(index)
            .or(self.counted.last())
            .copied()
            .unwrap_or(0)
    }

    /// Delivery days after `from`, up to and including `to`.
    pub(super) fn between(&self, from: i32, to: i32) -> usize {
        self.ordinal(to).saturating_sub(self.ordinal(from))
    }

    /// The `n`-th delivery day after `day`; `day` itself for 0.
    pub(super) fn after(&self, day: i32, n: usize) -> i32 {
        if n == 0 {
            return day;
        }
        self.delivery_days
            .get(self.ordinal(day) + n - 1)
            .copied()
            .unwrap_or(day)
    }
}

pub(super) fn date_of(time_zone: &TimeZone, at: Timestamp) -> Date {
    at.to_zoned_datetime(time_zone.clone()).date()
}

/// Days since 1970-01-01 (the proleptic Gregorian count of days from civil).
pub(super) fn day_number(date: Date) -> i32 {
    let (month, day) = (i32::from(date.month()), i32::from(date.day()));
    let year = i32::from(date.year()) - i32::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
