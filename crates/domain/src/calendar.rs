//! Business time: working days, calling hours, and the simple delivery promise (CK-4, CF-3).
//! Everything here takes `now` and the shop's time zone; nothing reads a clock.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::settings::{CallPolicy, ShopSettings};

/// The shop's working days: weekdays it works, minus holidays.
pub struct Calendar<'a> {
    pub settings: &'a ShopSettings,
    pub tz: TimeZone,
}

impl<'a> Calendar<'a> {
    /// The calendar of a shop; an unknown zone (refused when settings are saved) falls back to UTC.
    pub fn of(settings: &'a ShopSettings) -> Self {
        Self {
            settings,
            tz: TimeZone::get(&settings.time_zone).unwrap_or(TimeZone::UTC),
        }
    }

    pub fn local(&self, at: Timestamp) -> DateTime {
        at.to_zoned_datetime(self.tz.clone()).datetime()
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        let weekday = date.weekday().to_monday_one_offset();
        self.settings.working_weekdays.contains(&weekday)
            && !self
                .settings
                .holidays
                .iter()
                .any(|h| h.parse::<Date>().ok() == Some(date))
    }

    /// The first working day on or after `date`.
    pub fn working_day_from(&self, mut date: Date) -> Date {
        for _ in 0..366 {
            if self.is_working_day(date) {
                return date;
            }
            date = date.tomorrow().unwrap_or(date);
        }
        date
    }

    /// `days` working days after `date` (0: the first working day on or after it).
    pub fn add_working_days(&self, date: Date, days: i64) -> Date {
        let mut date = self.working_day_from(date);
        for _ in 0..days {
            date = self.working_day_from(date.tomorrow().unwrap_or(date));
        }
        date
    }

    /// The supplier lead, in working days, that [`Calendar::delivery_window`] takes for goods
    /// arriving on `arrives`: they leave on the first working day after they arrive, and goods
    /// still expected (even late) never leave today (CK-3). At most a year.
    pub fn lead_until(&self, today: Date, arrives: Date) -> i64 {
        let leaves = self.working_day_from(arrives.tomorrow().unwrap_or(arrives));
        let mut date = self.working_day_from(today.tomorrow().unwrap_or(today));
        let mut lead = 0;
        while date < leaves && lead < 366 {
            date = self.working_day_from(date.tomorrow().unwrap_or(date));
            lead += 1;
        }
        lead.max(1)
    }

    /// The moment the shop's day begins.
    pub fn start_of(&self, date: Date) -> Timestamp {
        self.at_local(date, Time::midnight())
    }

    fn at_local(&self, date: Date, time: Time) -> Timestamp {
        date.to_datetime(time)
            .to_zoned_datetime(self.tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// The same moment if it is inside calling hours on a working day, otherwise the start of the
    /// next calling window.
    pub fn within_calling_hours(&self, at: Timestamp) -> Timestamp {
        let calls = &self.settings.calls;
        let local = self.local(at);
        let (start, end) = (calls.start(), calls.end());
        if self.is_working_day(local.date()) && local.time() >= start && local.time() < end {
            return at;
        }
        let day = if local.time() < start {
            local.date()
        } else {
            local.date().tomorrow().unwrap_or(local.date())
        };
        self.at_local(self.working_day_from(day), start)
    }

    /// When to call next after `failed` unanswered calls (CF-3): the spacing the policy sets,
    /// then the next working morning, always inside calling hours.
    pub fn next_call_at(&self, now: Timestamp, failed: usize) -> Timestamp {
        let calls: &CallPolicy = &self.settings.calls;
        match calls.retry_minutes.get(failed.saturating_sub(1)) {
            Some(minutes) => self.within_calling_hours(
                now.saturating_add(SignedDuration::from_mins(*minutes))
                    .unwrap_or(now),
            ),
            None => {
                let tomorrow = self
                    .local(now)
                    .date()
                    .tomorrow()
                    .unwrap_or(self.local(now).date());
                self.at_local(
                    self.working_day_from(tomorrow),
                    calls.start().saturating_add(1.hour()),
                )
            }
        }
    }

    /// When a non-urgent message may go: now, or the end of the quiet hours it falls in.
    pub fn outside_quiet_hours(&self, at: Timestamp) -> Timestamp {
        let policy = &self.settings.messages;
        let parse = |raw: &str, default| Time::strptime("%H:%M", raw).unwrap_or(default);
        let from = parse(&policy.quiet_from, Time::constant(21, 0, 0, 0));
        let until = parse(&policy.quiet_until, Time::constant(9, 0, 0, 0));
        let local = self.local(at);
        let time = local.time();
        let quiet = if from > until {
            time >= from || time < until
        } else {
            time >= from && time < until
        };
        if !quiet {
            return at;
        }
        let day = if time >= from && from > until {
            local.date().tomorrow().unwrap_or(local.date())
        } else {
            local.date()
        };
        self.at_local(day, until)
    }

    /// `hours` working hours after `now`, counting only the calling hours of working days: when
    /// a customer's message must be answered by (SU-1). A message sent at night or on a day off
    /// starts counting when work does.
    pub fn add_working_hours(&self, now: Timestamp, hours: i64) -> Timestamp {
        let (start, end) = (self.settings.calls.start(), self.settings.calls.end());
        let mut left = SignedDuration::from_hours(hours.max(0));
        let mut at = self.within_calling_hours(now);
        // A year of working days is more than any setting allows; the bound keeps an odd
        // calendar (no working day at all) from looping for ever.
        for _ in 0..366 {
            let date = self.local(at).date();
            let closing = self.at_local(date, end);
            let today = closing.duration_since(at);
            if left <= today || start >= end {
                return at.saturating_add(left).unwrap_or(at);
            }
            left -= today;
            let next = self.working_day_from(date.tomorrow().unwrap_or(date));
            at = self.at_local(next, start);
        }
        at
    }

    /// The next moment the clocks in the shop show `time`, after `now`: when a daily job runs.
    pub fn next_at(&self, now: Timestamp, time: Time) -> Timestamp {
        let today = self.local(now).date();
        let at = self.at_local(today, time);
        if at > now {
            at
        } else {
            self.at_local(today.tomorrow().unwrap_or(today), time)
        }
    }

    /// The end of the day `days` working days from now: how long an unconfirmed order is held.
    pub fn hold_until(&self, now: Timestamp, days: i64) -> Timestamp {
        let date = self.add_working_days(self.local(now).date(), days);
        self.at_local(date, self.settings.calls.end())
    }

    /// The delivery window (CK-4): the goods leave today if ready before the cut-off, otherwise
    /// on the next working day; a supplier adds its lead time; transit follows the method.
    pub fn delivery_window(
        &self,
        now: Timestamp,
        cutoff: Time,
        lead_time_days: i64,
        transit: [i64; 2],
    ) -> (Date, Date) {
        let local = self.local(now);
        let today_counts =
            self.is_working_day(local.date()) && local.time() < cutoff && lead_time_days == 0;
        let leaves = if today_counts {
            local.date()
        } else {
            self.add_working_days(
                local.date().tomorrow().unwrap_or(local.date()),
                lead_time_days,
            )
        };
        (
            self.add_working_days(leaves, transit[0].max(0)),
            self.add_working_days(leaves, transit[1].max(transit[0]).max(0)),
        )
    }
}

/// The first and last day the shop's records can mean: an order, a report, a parcel's
/// estimate. A date outside is a typing mistake, and would overflow the conversions to time.
pub const FIRST_DAY: Date = jiff::civil::date(2000, 1, 1);
pub const LAST_DAY: Date = jiff::civil::date(2199, 12, 31);

/// A day as people write it, `YYYY-MM-DD`, between [`FIRST_DAY`] and [`LAST_DAY`].
pub fn parse_day(raw: &str) -> Result<Date, crate::Invalid> {
    let raw = raw.trim();
    let date = raw.parse::<Date>().map_err(|_| {
        crate::Invalid::new(
            "date_invalid",
            format!("'{raw}' is not a date written YYYY-MM-DD, such as 2026-03-02"),
        )
    })?;
    if !(FIRST_DAY..=LAST_DAY).contains(&date) {
        return Err(crate::Invalid::new(
            "date_out_of_range",
            format!("'{raw}' is not between {FIRST_DAY} and {LAST_DAY}"),
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ShopSettings {
        ShopSettings {
            time_zone: "Europe/Oslo".into(),
            holidays: vec!["2026-12-25".into()],
            ..ShopSettings::default()
        }
    }

    fn oslo(s: &str) -> Timestamp {
        s.parse::<DateTime>()
            .expect("datetime")
            .to_zoned_datetime(TimeZone::get("Europe/Oslo").expect("tz"))
            .expect("zoned")
            .timestamp()
    }

    #[test]
    fn goods_on_a_purchase_order_leave_the_working_day_after_they_arrive() {
        // CK-3: on Wednesday 2026-12-23 goods expected Thursday leave on Monday the 28th
        // (the 25th is a holiday, then the weekend); the window counts from there.
        let s = settings();
        let cal = Calendar::of(&s);
        let today = jiff::civil::date(2026, 12, 23);
        let lead = cal.lead_until(today, jiff::civil::date(2026, 12, 24));
        let now = oslo("2026-12-23T10:00");
        let cutoff = Time::constant(14, 0, 0, 0);
        assert_eq!(
            cal.delivery_window(now, cutoff, lead, [0, 0]).0,
            jiff::civil::date(2026, 12, 28)
        );
        // Goods that were due yesterday and have not come still do not leave today.
        assert_eq!(cal.lead_until(today, jiff::civil::date(2026, 12, 22)), 1);
    }

    #[test]
    fn calls_are_spaced_and_kept_inside_calling_hours() {
        // CF-3: two hours later, then the next working morning; never at night or on Sunday.
        let s = settings();
        let cal = Calendar::of(&s);
        assert_eq!(
            cal.next_call_at(oslo("2026-03-02T10:00"), 1),
            oslo("2026-03-02T12:00")
        );
        assert_eq!(
            cal.next_call_at(oslo("2026-03-02T19:00"), 1),
            oslo("2026-03-03T09:00")
        );
        assert_eq!(
            cal.next_call_at(oslo("2026-03-02T12:00"), 2),
            oslo("2026-03-03T10:00")
        );
        // Friday evening goes to Monday morning.
        assert_eq!(
            cal.next_call_at(oslo("2026-03-06T12:00"), 2),
            oslo("2026-03-09T10:00")
        );
        assert_eq!(
            cal.within_calling_hours(oslo("2026-03-07T11:00")),
            oslo("2026-03-09T09:00")
        );
    }

    #[test]
    fn an_answer_is_due_after_working_hours_only() {
        // SU-1: four working hours, counted inside calling hours (09:00-20:00) on working days.
        let s = settings();
        let cal = Calendar::of(&s);
        let due = |at: &str| cal.add_working_hours(oslo(at), 4);
        assert_eq!(due("2026-03-02T10:00"), oslo("2026-03-02T14:00"));
        // Two hours left on Monday, two more on Tuesday morning.
        assert_eq!(due("2026-03-02T18:00"), oslo("2026-03-03T11:00"));
        // Sent at night: counting starts at nine.
        assert_eq!(due("2026-03-03T23:30"), oslo("2026-03-04T13:00"));
        // Friday evening and the weekend wait for Monday.
        assert_eq!(due("2026-03-06T19:00"), oslo("2026-03-09T12:00"));
        assert_eq!(due("2026-03-07T12:00"), oslo("2026-03-09T13:00"));
        // Christmas Day is not a working day.
        assert_eq!(due("2026-12-24T19:00"), oslo("2026-12-28T12:00"));
        // A whole working day and more.
        assert_eq!(
            cal.add_working_hours(oslo("2026-03-02T09:00"), 13),
            oslo("2026-03-03T11:00")
        );
    }

    #[test]
    fn a_daily_time_comes_today_or_tomorrow() {
        let s = settings();
        let cal = Calendar::of(&s);
        let three = Time::constant(3, 0, 0, 0);
        assert_eq!(
            cal.next_at(oslo("2026-03-02T01:00"), three),
            oslo("2026-03-02T03:00")
        );
        assert_eq!(
            cal.next_at(oslo("2026-03-02T03:00"), three),
            oslo("2026-03-03T03:00")
        );
        // Every day, the weekend too.
        assert_eq!(
            cal.next_at(oslo("2026-03-07T10:00"), three),
            oslo("2026-03-08T03:00")
        );
    }

    #[test]
    fn quiet_hours_hold_messages_until_morning() {
        let s = settings();
        let cal = Calendar::of(&s);
        assert_eq!(
            cal.outside_quiet_hours(oslo("2026-03-02T15:00")),
            oslo("2026-03-02T15:00")
        );
        assert_eq!(
            cal.outside_quiet_hours(oslo("2026-03-02T22:30")),
            oslo("2026-03-03T09:00")
        );
        assert_eq!(
            cal.outside_quiet_hours(oslo("2026-03-03T06:00")),
            oslo("2026-03-03T09:00")
        );
    }

    #[test]
    fn the_window_counts_working_days_from_the_cutoff() {
        // CK-4, DL-8
        let s = settings();
        let cal = Calendar::of(&s);
        let cutoff = Time::constant(14, 0, 0, 0);
        let date = |s: &str| s.parse::<Date>().expect("date");
        // Monday before the cut-off leaves today.
        assert_eq!(
            cal.delivery_window(oslo("2026-03-02T10:00"), cutoff, 0, [1, 3]),
            (date("2026-03-03"), date("2026-03-05"))
        );
        // After the cut-off it leaves Tuesday.
        assert_eq!(
            cal.delivery_window(oslo("2026-03-02T15:00"), cutoff, 0, [1, 3]),
            (date("2026-03-04"), date("2026-03-06"))
        );
        // A supplier's four days, over a weekend.
        assert_eq!(
            cal.delivery_window(oslo("2026-03-05T10:00"), cutoff, 4, [1, 2]),
            (date("2026-03-13"), date("2026-03-16"))
        );
        // Christmas is not a working day.
        assert_eq!(
            cal.delivery_window(oslo("2026-12-24T10:00"), cutoff, 0, [1, 1]),
            (date("2026-12-28"), date("2026-12-28"))
        );
    }

    #[test]
    fn a_day_is_read_only_inside_the_years_the_shop_can_mean() {
        assert_eq!(
            parse_day(" 2026-03-02 ").map(|d| d.to_string()),
            Ok("2026-03-02".into())
        );
        assert_eq!(parse_day("2000-01-01"), Ok(FIRST_DAY));
        assert_eq!(parse_day("2199-12-31"), Ok(LAST_DAY));
        assert_eq!(
            parse_day("0001-01-01").expect_err("too early").code,
            "date_out_of_range"
        );
        assert_eq!(
            parse_day("9999-12-31").expect_err("too late").code,
            "date_out_of_range"
        );
        assert_eq!(
            parse_day("2026-02-30").expect_err("no such day").code,
            "date_invalid"
        );
        assert_eq!(
            parse_day("tomorrow").expect_err("not a date").code,
            "date_invalid"
        );
    }
}
