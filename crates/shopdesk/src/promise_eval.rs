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
    order_id: String,
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
            self.ratio(),
        )
    }

    /// shopdesk's late share over Olist's.
    pub fn ratio(&self) -> f64 {
        self.shopdesk.late_share / self.olist.late_share.max(f64::MIN_POSITIVE)
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
    let orders = read(dir)?;
    Ok(replay(&orders, evaluate_from, policy))
}

/// The replay of one hash subset of the orders.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SampleRun {
    pub seed: u64,
    #[serde(flatten)]
    pub evaluation: Evaluation,
}

/// Replays of several hash subsets of the same size: a thin history tried on purpose, so the
/// promise is judged by its worst subset and its spread, not by its best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sampled {
    pub percent: f64,
    pub runs: Vec<SampleRun>,
    /// The highest late share relative to Olist's, over the runs.
    pub worst_ratio: f64,
    /// The highest minus the lowest of those ratios.
    pub spread: f64,
}

impl Sampled {
    /// A row per subset, then the worst and the spread, for a person.
    pub fn table(&self) -> String {
        let subsets = match self.runs.len() {
            1 => "1 hash subset".to_owned(),
            n => format!("{n} hash subsets"),
        };
        let mut text = format!(
            "{subsets} of {}% of the orders\n{:>6} {:>7} {:>10} {:>10} {:>9} {:>9} {:>7}\n",
            self.percent, "seed", "orders", "late", "olist", "lead", "olist", "ratio"
        );
        for run in &self.runs {
            let e = &run.evaluation;
            text.push_str(&format!(
                "{:>6} {:>7} {:>9.2}% {:>9.2}% {:>9.2} {:>9.2} {:>7.3}\n",
                run.seed,
                e.orders,
                e.shopdesk.late_share * 100.0,
                e.olist.late_share * 100.0,
                e.shopdesk.mean_lead_days,
                e.olist.mean_lead_days,
                e.ratio(),
            ));
        }
        text.push_str(&format!(
            "worst late share, shopdesk / olist: {:.3}; spread {:.3}\n",
            self.worst_ratio, self.spread
        ));
        text
    }
}

/// Replays, for each seed, the orders whose hash with that seed falls in `percent` of the
/// range; each subset learns and is scored on its own orders only.
pub fn evaluate_samples(
    dir: &Path,
    evaluate_from: Date,
    policy: PromisePolicy,
    percent: f64,
    seeds: &[u64],
) -> anyhow::Result<Sampled> {
    anyhow::ensure!(
        percent > 0.0 && percent <= 100.0,
        "--sample is a percentage above 0 and at most 100"
    );
    let orders = read(dir)?;
    let runs: Vec<SampleRun> = seeds
        .iter()
        .map(|&seed| {
            let subset: Vec<&OlistOrder> = orders
                .iter()
                .filter(|order| in_sample(&order.order_id, seed, percent))
                .collect();
            SampleRun {
                seed,
                evaluation: replay(subset.iter().copied(), evaluate_from, policy.clone()),
            }
        })
        .collect();
    let ratios = runs.iter().map(|run| run.evaluation.ratio());
    let worst = ratios.clone().fold(f64::MIN, f64::max);
    let best = ratios.fold(f64::MAX, f64::min);
    Ok(Sampled {
        percent,
        worst_ratio: worst,
        spread: worst - best,
        runs,
    })
}

/// Whether an order is in the `percent` subset of `seed`: a hash of the seed and the order's
/// id, so the same seed always picks the same orders.
fn in_sample(order_id: &str, seed: u64, percent: f64) -> bool {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{seed}:{order_id}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let position = u64::from_be_bytes(first) as f64 / u64::MAX as f64;
    position < percent / 100.0
}

/// The orders of `orders.csv.gz` in `dir`, in purchase order.
fn read(dir: &Path) -> anyhow::Result<Vec<OlistOrder>> {
    let path = dir.join("orders.csv.gz");
    let file = std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?;
    let mut orders = csv::Reader::from_reader(flate2::read::GzDecoder::new(file))
        .deserialize::<OlistOrder>()
        .enumerate()
        .map(|(row, order)| order.with_context(|| format!("{}: row {}", path.display(), row + 2)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    orders.sort_by_key(|order| order.purchase_ts);
    Ok(orders)
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

fn replay<'a>(
    orders: impl IntoIterator<Item = &'a OlistOrder>,
    evaluate_from: Date,
    policy: PromisePolicy,
) -> Evaluation {
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
