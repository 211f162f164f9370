//! After the sale: replenishment reminders (AF-7), birthday and anniversary gifts (AF-8) and
//! holiday greetings (AF-9), as the shop sets them, and which of them fall on a day. Pure: the
//! day is given in the shop's time zone.

use std::collections::BTreeMap;
use std::fmt;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Invalid;

/// Days a birthday or anniversary greeting may come after the day itself: the weekly cap on
/// marketing (AF-10) lets it through within a week, and a worker that was down catches up.
pub const GRACE_DAYS: i64 = 6;

/// What the shop sends after the sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AfterSalePolicy {
    /// Goods that run out, by catalogue category, and when to remind (AF-7).
    pub replenish: Vec<ReplenishRule>,
    /// The gift in the birthday greeting; none sends no greeting (AF-8).
    pub birthday: Option<Gift>,
    /// The gift on the anniversary of the customer's card, made with their first order (AF-8).
    pub anniversary: Option<Gift>,
    /// Greetings on holidays, with no promotion in them (AF-9).
    pub holidays: Vec<HolidayGreeting>,
}

impl Default for AfterSalePolicy {
    fn default() -> Self {
        Self {
            replenish: Vec::new(),
            birthday: Some(Gift::Discount {
                percent: 10,
                valid_days: 30,
            }),
            anniversary: Some(Gift::FreeDelivery { valid_days: 30 }),
            holidays: Vec::new(),
        }
    }
}

/// Remind a customer to reorder goods of a category between these days after delivery (AF-7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplenishRule {
    pub category: String,
    pub after_days_min: i64,
    pub after_days_max: i64,
}

/// What a birthday or anniversary greeting gives: a single-use coupon (AF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Gift {
    /// This many percent off the next order.
    Discount { percent: i64, valid_days: i64 },
    /// The next order's delivery for free.
    FreeDelivery { valid_days: i64 },
}

impl Gift {
    pub fn percent(self) -> i64 {
        match self {
            Self::Discount { percent, .. } => percent,
            Self::FreeDelivery { .. } => 0,
        }
    }

    pub fn free_delivery(self) -> bool {
        matches!(self, Self::FreeDelivery { .. })
    }

    pub fn valid_days(self) -> i64 {
        match self {
            Self::Discount { valid_days, .. } | Self::FreeDelivery { valid_days } => valid_days,
        }
    }

    /// A small gift: a birthday is no sale (1 to 50 percent), valid 1 to 365 days.
    pub fn check(self) -> Result<(), Invalid> {
        if !(1..=50).contains(&self.percent()) && !self.free_delivery() {
            return Err(Invalid::new(
                "gift_invalid",
                "a discount is 1 to 50 percent",
            ));
        }
        if !(1..=365).contains(&self.valid_days()) {
            return Err(Invalid::new(
                "gift_invalid",
                "a gift is valid 1 to 365 days",
            ));
        }
        Ok(())
    }
}

/// A day that comes back every year, such as a birthday or 8 March.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Yearly {
    month: i8,
    day: i8,
}

impl Yearly {
    pub fn of(date: Date) -> Self {
        Self {
            month: date.month(),
            day: date.day(),
        }
    }

    /// `MM-DD`; 29 February is a day too.
    fn parse(raw: &str) -> Option<Self> {
        let (month, day) = raw.split_once('-')?;
        let two = |s: &str| (s.len() == 2).then(|| s.parse::<i8>().ok()).flatten();
        let (month, day) = (two(month)?, two(day)?);
        Date::new(2024, month, day).ok()?;
        Some(Self { month, day })
    }

    /// The day it falls on in `year`: 29 February on the 28th in a common year.
    pub fn in_year(self, year: i16) -> Option<Date> {
        Date::new(year, self.month, self.day)
            .or_else(|_| Date::new(year, self.month, self.day - 1))
            .ok()
    }

    /// The day it fell on within the [`GRACE_DAYS`] up to `today`, if it did.
    pub fn fell_within_grace(self, today: Date) -> Option<Date> {
        let earliest = today.checked_sub(GRACE_DAYS.days()).ok()?;
        [today.year(), today.year() - 1]
            .into_iter()
            .filter_map(|year| self.in_year(year))
            .find(|day| (earliest..=today).contains(day))
    }
}

impl fmt::Display for Yearly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// A customer's birthday: `YYYY-MM-DD`, or `--MM-DD` when the year is not known (ISO 8601's
/// date without a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birthday {
    year: Option<i16>,
    day: Yearly,
}

impl Birthday {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        let parsed = match raw.strip_prefix("--") {
            Some(rest) => Yearly::parse(rest).map(|day| Self { year: None, day }),
            None => raw
                .parse::<Date>()
                .ok()
                .filter(|d| (1900..=2100).contains(&d.year()) && raw.len() == 10)
                .map(|d| Self {
                    year: Some(d.year()),
                    day: Yearly::of(d),
                }),
        };
        parsed.ok_or_else(|| {
            Invalid::new(
                "birthday_invalid",
                format!("'{raw}' is not a birthday like 1990-03-14, or --03-14 without the year"),
            )
        })
    }

    pub fn yearly(self) -> Yearly {
        self.day
    }
}

impl fmt::Display for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{}", self.day),
            None => write!(f, "--{}", self.day),
        }
    }
}

/// A greeting on a holiday (AF-9): a day and words, never an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayGreeting {
    /// `MM-DD` every year, such as `03-08`; `YYYY-MM-DD` for one year only (a movable feast).
    pub date: String,
    /// The greeting, in the shop's own language.
    pub greeting: String,
    /// The greeting in other languages, by locale: a customer reads their own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

impl HolidayGreeting {
    /// Whether the date is written in one of the two forms.
    pub fn check_date(&self) -> Result<(), Invalid> {
        if Yearly::parse(&self.date).is_some() || self.once().is_some() {
            Ok(())
        } else {
            Err(Invalid::new(
                "date_invalid",
                format!(
                    "'{}' is not a holiday like 03-08 (every year) or 2026-04-05 (that year only)",
                    self.date
                ),
            ))
        }
    }

    fn once(&self) -> Option<Date> {
        (self.date.len() == 10)
            .then(|| self.date.parse().ok())
            .flatten()
    }

    pub fn falls_on(&self, day: Date) -> bool {
        match Yearly::parse(&self.date) {
            // A yearly 29 February is kept in leap years only: it is that day or none.
            Some(yearly) => Date::new(day.year(), yearly.month, yearly.day).ok() == Some(day),
            None => self.once() == Some(day),
        }
    }

    /// The greeting in `locale`, or the shop's own.
    pub fn in_locale(&self, locale: &str) -> &str {
        self.translations
            .get(locale)
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.greeting)
    }
}

/// One reason to write to a customer on a day, with its key: a customer is written to once per
/// key (AF-8, AF-9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Occasion<'a> {
    Birthday {
        on: Date,
        gift: Gift,
    },
    Anniversary {
        on: Date,
        years: i16,
        gift: Gift,
    },
    Holiday {
        on: Date,
        greeting: &'a HolidayGreeting,
    },
}

impl Occasion<'_> {
    /// Once per customer per year per kind; a holiday once per day it falls on.
    pub fn key(&self) -> String {
        match self {
            Self::Birthday { on, .. } => format!("birthday:{}", on.year()),
            Self::Anniversary { on, .. } => format!("anniversary:{}", on.year()),
            Self::Holiday { on, .. } => format!("holiday:{on}"),
        }
    }

    pub fn template(&self) -> &'static str {
        match self {
            Self::Birthday { .. } => "birthday_greeting",
            Self::Anniversary { .. } => "anniversary_greeting",
            Self::Holiday { .. } => "holiday_greeting",
        }
    }
}

/// What a customer card is celebrated for on `today`, the gifts first: under the weekly cap
/// the first one that fits is the one sent. A birthday or anniversary counts within its grace
/// days; a holiday only on the day.
pub fn occasions<'a>(
    policy: &'a AfterSalePolicy,
    today: Date,
    birthday: Option<Birthday>,
    card_made: Date,
) -> Vec<Occasion<'a>> {
    let mut found = Vec::new();
    if let (Some(gift), Some(birthday)) = (policy.birthday, birthday)
        && let Some(on) = birthday.yearly().fell_within_grace(today)
    {
        found.push(Occasion::Birthday { on, gift });
    }
    if let Some(gift) = policy.anniversary
        && let Some(on) = Yearly::of(card_made).fell_within_grace(today)
        && on.year() > card_made.year()
    {
        let years = on.year() - card_made.year();
        found.push(Occasion::Anniversary { on, years, gift });
    }
    found.extend(
        policy
            .holidays
            .iter()
            .filter(|h| h.falls_on(today))
            .map(|greeting| Occasion::Holiday {
                on: today,
                greeting,
            }),
    );
    found
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_birthday_is_written_with_or_without_the_year() {
        // AF-8
        let full = Birthday::parse("1990-03-14").expect("a date");
        assert_eq!(full.to_string(), "1990-03-14");
        let no_year = Birthday::parse(" --03-14 ").expect("no year");
        assert_eq!(no_year.to_string(), "--03-14");
        assert_eq!(full.yearly(), no_year.yearly());
        for bad in [
            "1990-02-30",
            "--13-01",
            "14.03.1990",
            "03-14",
            "1800-01-01",
            "",
        ] {
            assert_eq!(
                Birthday::parse(bad).map_err(|e| e.code),
                Err("birthday_invalid"),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_birthday_counts_on_the_day_and_for_a_week_after_and_29_february_on_the_28th() {
        // AF-8
        let day = Birthday::parse("--03-14").expect("a birthday").yearly();
        assert_eq!(day.fell_within_grace(date(2026, 3, 13)), None);
        assert_eq!(
            day.fell_within_grace(date(2026, 3, 14)),
            Some(date(2026, 3, 14))
        );
        assert_eq!(
            day.fell_within_grace(date(2026, 3, 20)),
            Some(date(2026, 3, 14))
        );
        assert_eq!(day.fell_within_grace(date(2026, 3, 21)), None);
        // Across the new year, the birthday of the year before.
        let late = Birthday::parse("1985-12-30").expect("a birthday").yearly();
        assert_eq!(
            late.fell_within_grace(date(2027, 1, 2)),
            Some(date(2026, 12, 30))
        );
        let leap = Birthday::parse("2000-02-29").expect("a birthday").yearly();
        assert_eq!(
            leap.fell_within_grace(date(2026, 2, 28)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            leap.fell_within_grace(date(2028, 2, 29)),
            Some(date(2028, 2, 29))
        );
    }

    #[test]
    fn each_occasion_has_one_key_a_year_and_gifts_come_first() {
        // AF-8, AF-9
        let mut policy = AfterSalePolicy::default();
        policy.holidays.push(HolidayGreeting {
            date: "03-08".into(),
            greeting: "Happy 8 March!".into(),
            translations: BTreeMap::new(),
        });
        let birthday = Birthday::parse("--03-06").ok();
        let found = occasions(&policy, date(2026, 3, 8), birthday, date(2024, 3, 8));
        let keys: Vec<String> = found.iter().map(Occasion::key).collect();
        assert_eq!(
            keys,
            ["birthday:2026", "anniversary:2026", "holiday:2026-03-08"]
        );
        assert!(matches!(found[1], Occasion::Anniversary { years: 2, .. }));
        // The day the card was made is no anniversary yet, and a shop without gifts sends none.
        assert!(occasions(&policy, date(2026, 3, 9), None, date(2026, 3, 9)).is_empty());
        policy.birthday = None;
        assert!(occasions(&policy, date(2026, 3, 6), birthday, date(2026, 1, 1)).is_empty());
    }

    #[test]
    fn a_holiday_is_yearly_or_for_one_year_and_greets_in_the_customers_language() {
        // AF-9
        let mut new_year = HolidayGreeting {
            date: "01-01".into(),
            greeting: "Happy New Year!".into(),
            translations: BTreeMap::from([("ru".into(), "С Новым годом!".into())]),
        };
        assert!(new_year.falls_on(date(2027, 1, 1)));
        assert!(!new_year.falls_on(date(2027, 1, 2)));
        assert_eq!(new_year.in_locale("ru"), "С Новым годом!");
        assert_eq!(new_year.in_locale("lv"), "Happy New Year!");
        new_year.date = "2026-04-05".into();
        assert!(new_year.check_date().is_ok());
        assert!(new_year.falls_on(date(2026, 4, 5)));
        assert!(!new_year.falls_on(date(2027, 4, 5)));
        for bad in ["3-8", "08.03", "02-30", "2026-13-01"] {
            new_year.date = bad.into();
            assert!(new_year.check_date().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_gift_is_small_and_settings_without_it_keep_the_defaults() {
        // AF-8
        let gift: Gift =
            serde_json::from_str(r#"{"kind": "free_delivery", "valid_days": 14}"#).expect("parses");
        assert!(gift.check().is_ok() && gift.free_delivery());
        let greedy = Gift::Discount {
            percent: 70,
            valid_days: 30,
        };
        assert_eq!(greedy.check().map_err(|e| e.code), Err("gift_invalid"));
        let policy: AfterSalePolicy =
            serde_json::from_str(r#"{"replenish": [{"category": "cosmetics", "after_days_min": 56, "after_days_max": 84}]}"#)
                .expect("parses");
        assert_eq!(policy.birthday, AfterSalePolicy::default().birthday);
        assert_eq!(policy.replenish[0].after_days_max, 84);
    }
}
