//! The dashboard's charts, drawn on the server as inline SVG: orders per day as bars, and as
//! lines the share of orders processed the day they were placed (CF-5) and the share of
//! parcels delivered by the promised day (DL-5). The geometry is worked
//! out here; the template only writes the shapes.

use app::backoffice::OnTimeDay;
use app::backoffice::ProcessingDay;

use super::frame::Frame;

/// The drawing area inside the SVG's `0 0 320 140` box: room on the left and below for labels.
const LEFT: f64 = 34.0;
const RIGHT: f64 = 316.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 112.0;

/// A rectangle or a dot with its tooltip; numbers already written for SVG.
pub struct Shape {
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
    pub title: String,
}

pub struct Chart {
    pub shapes: Vec<Shape>,
    /// The line through the points, for `<polyline points=...>`; empty for bars.
    pub line: String,
    /// The label of the top of the scale.
    pub top_label: String,
    pub first_day: String,
    pub last_day: String,
    /// The figure a person reads first: the total, or the share over the whole period.
    pub headline: String,
}

fn num(value: f64) -> String {
    format!("{value:.1}")
}

/// Where day `i` of `n` sits, and how wide its slot is.
fn slot(i: usize, n: usize) -> (f64, f64) {
    let width = (RIGHT - LEFT) / n.max(1) as f64;
    (LEFT + width * i as f64, width)
}

fn short(date: &str) -> String {
    date.get(5..).unwrap_or(date).to_owned()
}

/// Orders placed per day.
pub fn orders_per_day(days: &[ProcessingDay], f: &Frame) -> Chart {
    let max = days.iter().map(|d| d.placed).max().unwrap_or(0).max(1);
    let shapes = days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let (x, width) = slot(i, days.len());
            let height = (BOTTOM - TOP) * day.placed as f64 / max as f64;
            Shape {
                x: num(x + width * 0.15),
                y: num(BOTTOM - height),
                width: num(width * 0.7),
                height: num(height),
                title: format!("{}: {}", day.date, f.count("chart-orders-day", day.placed)),
            }
        })
        .collect();
    Chart {
        shapes,
        line: String::new(),
        top_label: max.to_string(),
        first_day: days.first().map(|d| short(&d.date)).unwrap_or_default(),
        last_day: days.last().map(|d| short(&d.date)).unwrap_or_default(),
        headline: f.count(
            "chart-orders-total",
            days.iter().map(|d| d.placed).sum::<i64>(),
        ),
    }
}

/// A day's part of a share: how many there were, and how many went well.
struct DayShare<'a> {
    date: &'a str,
    total: i64,
    hits: i64,
}

/// Words of a share chart: a day's tooltip, the headline, and the headline without data.
struct ShareWords {
    day: &'static str,
    total: &'static str,
    none: &'static str,
}

/// A share as a line over the days that had any, with the share over the whole period.
fn share_line(days: &[DayShare<'_>], f: &Frame, words: &ShareWords) -> Chart {
    let shapes: Vec<Shape> = days
        .iter()
        .enumerate()
        .filter(|(_, day)| day.total > 0)
        .map(|(i, day)| {
            let (x, width) = slot(i, days.len());
            let share = day.hits as f64 / day.total as f64;
            Shape {
                x: num(x + width / 2.0),
                y: num(BOTTOM - (BOTTOM - TOP) * share),
                width: "2.5".into(),
                height: String::new(),
                title: format!(
                    "{}: {}",
                    day.date,
                    f.t1(words.day, "percent", (share * 100.0).round())
                ),
            }
        })
        .collect();
    let total: i64 = days.iter().map(|d| d.total).sum();
    let hits: i64 = days.iter().map(|d| d.hits).sum();
    let headline = if total > 0 {
        let percent = (hits as f64 * 100.0 / total as f64).round();
        f.t1(words.total, "percent", percent)
    } else {
        f.t(words.none)
    };
    Chart {
        line: shapes
            .iter()
            .map(|s| format!("{},{}", s.x, s.y))
            .collect::<Vec<_>>()
            .join(" "),
        shapes,
        top_label: "100%".into(),
        first_day: days.first().map(|d| short(d.date)).unwrap_or_default(),
        last_day: days.last().map(|d| short(d.date)).unwrap_or_default(),
        headline,
    }
}

/// The share processed the same day, on the days that had orders (CF-5).
pub fn same_day_rate(days: &[ProcessingDay], f: &Frame) -> Chart {
    let shares: Vec<DayShare<'_>> = days
        .iter()
        .map(|d| DayShare {
            date: &d.date,
            total: d.placed,
            hits: d.processed_same_day,
        })
        .collect();
    let words = ShareWords {
        day: "chart-rate-day",
        total: "chart-rate-total",
        none: "chart-no-orders",
    };
    share_line(&shares, f, &words)
}

/// The share delivered by the last day promised, on the days with deliveries (DL-5).
pub fn on_time_rate(days: &[OnTimeDay], f: &Frame) -> Chart {
    let shares: Vec<DayShare<'_>> = days
        .iter()
        .map(|d| DayShare {
            date: &d.date,
            total: d.delivered,
            hits: d.on_time,
        })
        .collect();
    let words = ShareWords {
        day: "chart-ontime-day",
        total: "chart-ontime-total",
        none: "chart-no-deliveries",
    };
    share_line(&shares, f, &words)
}
