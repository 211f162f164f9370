use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::*;

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
    let (from, until) = (date(2026, 3, 2), date(2026, 3, 4));
    ship(&mut model, &route, from, until, 5, |_| 2);
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
    let (from, until) = (date(2026, 3, 2), date(2026, 3, 3));
    ship(&mut model, &thin, from, until, 2, |_| 9);
    let busy_promise = model.promise(&busy, noon(today)).expect("history");
    let thin_promise = model.promise(&thin, noon(today)).expect("history");
    assert!(thin_promise.latest >= busy_promise.latest);
    assert!(thin_promise.latest < weekdays_after(today, 9));
}
