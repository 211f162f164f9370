//! `shopdesk promise evaluate`: replays real delivered orders (the Olist public data set) through
//! the learned promise (CK-4, DL-5) and compares it with the date the marketplace itself promised.
//!
//! Every order is promised as of its purchase time, from the deliveries that had happened by
//! then; orders still travelling count as censored. Orders placed from `evaluate_from` on are
//! scored: the share delivered after the promised latest date and the mean promised lead time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::Path;

use anyhow::Context;
use domain::promise::{DeliveryDays, PromisePolicy, Route, TransitModel};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

/// One delivered order, as the data set gives it.
#[derive(Debug, Deserialize)]
struct OlistOrder {
    #[serde(with = "olist_time")]
    purchase_ts: DateTime,
    #[serde(with = "olist_time")]
    estimated_date: DateTime,
    #[serde(with = "olist_time")]
    delivered_customer_ts: DateTime,
    customer_state: String,
    seller_state: String,
    customer_zip_prefix: String,
}

/// The data set writes `YYYY-MM-DD HH:MM:SS`.
mod olist_time {
    use jiff::civil::DateTime;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::strptime("%Y-%m-%d %H:%M:%S", &text).map_err(serde::de::Error::custom)
    }
}

impl OlistOrder {
    /// From the finest route to the coarsest: the customer's postcode area and the seller's
    /// state, the two states, the customer's state, then every order.
    fn route(&self) -> Route {
        let area = self.customer_zip_prefix.get(..3).unwrap_or("?");
        let seller = if self.seller_state.is_empty() {
            "?"
        } else {
            &self.seller_state
        };
        let customer = &self.customer_state;
        Route::new([
            format!("area:{area}|from:{seller}"),
            format!("to:{customer}|from:{seller}"),
            format!("to:{customer}"),
            "*".to_owned(),
        ])
    }
}

/// How often a promise was broken, and how long it made customers wait.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    pub late_share: f64,
    pub mean_lead_days: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evaluation {
    pub orders: usize,
    pub shopdesk: Score,
    pub olist: Score,
}

impl Evaluation {
    /// The figures side by side, for a person.
    pub fn table(&self) -> String {
        let row = |who: &str, score: &Score| {
            format!(
                "{who:<10} {:>9.2}% {:>15.2}\n",
                score.late_share * 100.0,
                score.mean_lead_days
            )
        };
        format!(
            "{} orders placed from the evaluation date on\n{:<10} {:>10} {:>15}\n{}{}late share, shopdesk / olist: {:.3}\n",
            self.orders,
            "",
            "late",
            "mean lead, days",
            row("shopdesk", &self.shopdesk),
            row("olist", &self.olist),
            self.shopdesk.late_share / self.olist.late_share.max(f64::MIN_POSITIVE),
        )
    }
}

/// Running sums for a [`Score`].
#[derive(Default)]
struct Tally {
    orders: usize,
    late: usize,
    lead_days: i64,
}

impl Tally {
    fn add(&mut self, purchased: Date, promised: Date, delivered: Date) {
        self.orders += 1;
        self.late += usize::from(delivered > promised);
        self.lead_days += i64::from((promised - purchased).get_days());
    }

    fn score(&self) -> Score {
        let orders = self.orders.max(1) as f64;
        Score {
            late_share: self.late as f64 / orders,
            mean_lead_days: self.lead_days as f64 / orders,
        }
    }
}

/// Reads `orders.csv.gz` from `dir` and replays it; orders placed on or after `evaluate_from`
/// are scored.
pub fn evaluate(
    dir: &Path,
    evaluate_from: Date,
    policy: PromisePolicy,
) -> anyhow::Result<Evaluation> {
    let path = dir.join("orders.csv.gz");
    let file = std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?;
    let mut orders = csv::Reader::from_reader(flate2::read::GzDecoder::new(file))
        .deserialize::<OlistOrder>()
        .enumerate()
        .map(|(row, order)| order.with_context(|| format!("{}: row {}", path.display(), row + 2)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    orders.sort_by_key(|order| order.purchase_ts);
    Ok(replay(&orders, evaluate_from, policy))
}

/// Brazil's national holidays over the data set's years, the calendar a shop there would set.
const BRAZIL_HOLIDAYS: &[&str] = &[
    "2016-09-07",
    "2016-10-12",
    "2016-11-02",
    "2016-11-15",
    "2016-12-25",
    "2017-01-01",
    "2017-02-27",
    "2017-02-28",
    "2017-04-14",
    "2017-04-21",
    "2017-05-01",
    "2017-06-15",
    "2017-09-07",
    "2017-10-12",
    "2017-11-02",
    "2017-11-15",
    "2017-12-25",
    "2018-01-01",
    "2018-02-12",
    "2018-02-13",
    "2018-03-30",
    "2018-04-21",
    "2018-05-01",
    "2018-05-31",
    "2018-09-07",
    "2018-10-12",
    "2018-11-02",
    "2018-11-15",
    "2018-12-25",
];

fn replay(orders: &[OlistOrder], evaluate_from: Date, policy: PromisePolicy) -> Evaluation {
    // The data set's times are Brazilian local times; reading them as UTC keeps every date as
    // written. Carriers there deliver Monday to Friday; a parcel dropped on a weekend counts as
    // Monday's, so no promise falls on a weekend.
    let time_zone = TimeZone::UTC;
    let at = |time: DateTime| {
        time_zone
            .to_timestamp(time)
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let delivery_days = DeliveryDays::monday_to_friday().with_holidays(
        BRAZIL_HOLIDAYS
            .iter()
            .filter_map(|day| day.parse::<Date>().ok()),
    );
    let mut model = TransitModel::new(policy, delivery_days, time_zone.clone());
    let mut arrivals = BinaryHeap::new();
    let (mut shopdesk, mut olist) = (Tally::default(), Tally::default());
    for order in orders {
        let now = at(order.purchase_ts);
        while let Some(Reverse((arrived, shipment))) = arrivals.peek().copied() {
            if arrived > now {
                break;
            }
            arrivals.pop();
            // Every shipment in the heap was started by this model.
            let _ = model.delivered(shipment, arrived);
        }
        let route = order.route();
        let promise = model.promise(&route, now);
        let shipment = model.started(&route, now);
        arrivals.push(Reverse((at(order.delivered_customer_ts), shipment)));

        let purchased = order.purchase_ts.date();
        if purchased < evaluate_from {
            continue;
        }
        let delivered = order.delivered_customer_ts.date();
        // Without history the shop's settings would decide; a month stands in for them here.
        let latest = promise.map_or_else(|| purchased.saturating_add(30.days()), |p| p.latest);
        shopdesk.add(purchased, latest, delivered);
        olist.add(purchased, order.estimated_date.date(), delivered);
    }
    Evaluation {
        orders: shopdesk.orders,
        shopdesk: shopdesk.score(),
        olist: olist.score(),
    }
}
