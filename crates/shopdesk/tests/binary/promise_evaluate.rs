//! `shopdesk promise evaluate` on a small data set in the Olist columns, where the right answer
//! is plain: parcels that always take three days need no three-week promise (CK-4, DL-5).

use std::io::Write;
use std::process::Command;

use jiff::ToSpan;
use jiff::civil::date;

/// Five orders a day from October to February, each delivered three days after purchase, each
/// promised by the marketplace twenty days after purchase.
fn steady_orders(dir: &std::path::Path) {
    let file = std::fs::File::create(dir.join("orders.csv.gz")).expect("create");
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    writeln!(
        gz,
        "order_id,purchase_ts,estimated_date,delivered_carrier_ts,delivered_customer_ts,customer_state,seller_state,customer_zip_prefix"
    )
    .expect("write");
    let mut day = date(2017, 10, 2);
    let mut id = 0;
    while day < date(2018, 3, 1) {
        for hour in 9..14 {
            id += 1;
            let delivered = day.saturating_add(3.days());
            let promised = day.saturating_add(20.days());
            writeln!(
                gz,
                "{id:032x},{day} {hour}:00:00,{promised} 00:00:00,,{delivered} 15:00:00,SP,SP,01310"
            )
            .expect("write");
        }
        day = day.tomorrow().expect("a date");
    }
    gz.finish().expect("finish");
}

fn evaluate(dir: &std::path::Path, json: bool) -> std::process::Output {
    evaluate_with(dir, json, &[])
}

fn evaluate_with(dir: &std::path::Path, json: bool, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shopdesk"));
    command.args(["promise", "evaluate", "--olist"]).arg(dir);
    if json {
        command.arg("--json");
    }
    command.args(args).output().expect("shopdesk runs")
}

#[test]
fn a_sample_replays_a_hash_subset_per_seed_and_reports_the_worst_and_the_spread() {
    let dir = tempfile::tempdir().expect("a directory");
    steady_orders(dir.path());
    let sampled = |args: &[&str]| {
        let output = evaluate_with(dir.path(), true, args);
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("json")
    };
    let figures = sampled(&["--sample", "30", "--seed", "1", "--seed", "2"]);
    let runs = figures["runs"].as_array().expect("a run per seed");
    assert_eq!(runs.len(), 2);
    let counts: Vec<i64> = runs.iter().filter_map(|r| r["orders"].as_i64()).collect();
    for count in &counts {
        // About 30% of the 295 orders scored, not all of them.
        assert!((50..130).contains(count), "{counts:?}");
    }
    assert_ne!(
        runs[0]["orders"], runs[1]["orders"],
        "two seeds, two subsets"
    );
    // The same seed picks the same orders.
    let again = sampled(&["--sample", "30", "--seed", "2"]);
    assert_eq!(again["runs"][0], runs[1]);
    assert_eq!(figures["worst_ratio"], 0.0, "a steady route is never late");
    assert_eq!(figures["spread"], 0.0);

    let table = evaluate_with(dir.path(), false, &["--sample", "30", "--seed", "1"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("1 hash subset of 30% of the orders"),
        "{text}"
    );
    assert!(text.contains("worst late share"), "{text}");
    let refused = evaluate_with(dir.path(), false, &["--sample", "0"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--sample"));
}

#[test]
fn a_steady_route_is_promised_shorter_than_the_marketplace_and_kept() {
    let dir = tempfile::tempdir().expect("a directory");
    steady_orders(dir.path());
    let output = evaluate(dir.path(), true);
    assert!(output.status.success(), "{output:?}");
    let figures: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    // January and February 2018: 59 days of five orders.
    assert_eq!(figures["orders"], 59 * 5);
    assert_eq!(figures["olist"]["late_share"], 0.0);
    assert_eq!(figures["olist"]["mean_lead_days"], 20.0);
    assert_eq!(figures["shopdesk"]["late_share"], 0.0);
    let lead = figures["shopdesk"]["mean_lead_days"]
        .as_f64()
        .expect("a lead");
    assert!((3.0..6.0).contains(&lead), "{figures}");

    let table = evaluate(dir.path(), false);
    let text = String::from_utf8(table.stdout).expect("text");
    assert!(
        text.contains("shopdesk") && text.contains("olist"),
        "{text}"
    );
}

#[test]
fn a_missing_data_set_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("a directory");
    let output = evaluate(dir.path(), false);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("orders.csv.gz"), "{error}");
}
