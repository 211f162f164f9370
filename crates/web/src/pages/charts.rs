//! The dashboard's charts, drawn on the server as inline SVG: orders per day as bars, and the
//! share of orders processed the day they were placed (CF-5) as a line. The geometry is worked
//! out here; the template only writes the shapes.

use app::reports::ProcessingDay;

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

/// The share processed the same day, on the days that had orders.
pub fn same_day_rate(days: &[ProcessingDay], f: &Frame) -> Chart {
    let shapes: Vec<Shape> = days
        .iter()
        .enumerate()
        .filter(|(_, day)| day.placed > 0)
        .map(|(i, day)| {
            let (x, width) = slot(i, days.len());
            let percent = (day.same_day_share * 100.0).round();
            Shape {
                x: num(x + width / 2.0),
                y: num(BOTTOM - (BOTTOM - TOP) * day.same_day_share),
                width: "2.5".into(),
                height: String::new(),
                title: format!(
                    "{}: {}",
                    day.date,
                    f.t1("chart-rate-day", "percent", percent)
                ),
            }
        })
        .collect();
    let placed: i64 = days.iter().map(|d| d.placed).sum();
    let same_day: i64 = days.iter().map(|d| d.processed_same_day).sum();
    let headline = if placed > 0 {
        let percent = (same_day as f64 * 100.0 / placed as f64).round();
        f.t1("chart-rate-total", "percent", percent)
    } else {
        f.t("chart-no-orders")
    };
    Chart {
        line: shapes
            .iter()
            .map(|s| format!("{},{}", s.x, s.y))
            .collect::<Vec<_>>()
            .join(" "),
        shapes,
        top_label: "100%".into(),
        first_day: days.first().map(|d| short(&d.date)).unwrap_or_default(),
        last_day: days.last().map(|d| short(&d.date)).unwrap_or_default(),
        headline,
    }
}
