//! The stock ledger through the API (ST-2, ST-3): every change to a shelf is a movement with
//! who, when and why; a SKU's movements sum to what is on hand; nothing takes units promised
//! to orders; what runs low is listed.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

async fn movement(app: &TestApp, sku: &str, location: &str, body: Value) -> (StatusCode, Value) {
    app.post(&format!("/stock/{sku}/{location}/movements"), body)
        .await
}

async fn moved(app: &TestApp, sku: &str, location: &str, body: Value) -> Value {
    let (status, answer) = movement(app, sku, location, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    answer
}

async fn ledger(app: &TestApp, sku: &str) -> Vec<Value> {
    app.get_ok(&format!("/stock/{sku}/movements"))
        .await
        .as_array()
        .expect("movements")
        .clone()
}

/// Each location's movements, summed, against what the shelf holds.
async fn assert_ledger_sums(app: &TestApp, sku: &str) {
    let movements = ledger(app, sku).await;
    let shelves = app.get_ok(&format!("/stock?sku={sku}")).await;
    for shelf in shelves.as_array().expect("shelves") {
        let summed: i64 = movements
            .iter()
            .filter(|m| m["location"] == shelf["location"])
            .map(|m| m["quantity"].as_i64().expect("a quantity"))
            .sum();
        assert_eq!(
            Some(summed),
            shelf["on_hand"].as_i64(),
            "{shelf} {movements:?}"
        );
    }
}

fn kinds(movements: &[Value], location: &str) -> Vec<String> {
    movements
        .iter()
        .filter(|m| m["location"] == location)
        .map(|m| m["kind"].as_str().expect("a kind").to_owned())
        .collect()
}

#[tokio::test]
async fn st3_every_change_to_a_shelf_is_a_movement_with_who_and_why_and_they_sum_to_on_hand() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let received = moved(&app, "SOCK-M", "WH1", json!({"kind": "receipt", "quantity": 5, "reason": "delivery note 118"})).await;
        assert_eq!(received[0]["on_hand"], 15);
        moved(&app, "SOCK-M", "WH1", json!({"kind": "adjustment", "quantity": -2, "reason": "miscounted at the receipt"})).await;
        moved(&app, "SOCK-M", "WH1", json!({"kind": "write_off", "quantity": 1, "reason": "moth holes"})).await;
        let after = moved(&app, "SOCK-M", "WH1", json!({"kind": "transfer", "quantity": 3, "to_location": "STORE1", "reason": "for the window"})).await;
        assert_eq!(after[0]["on_hand"], 9);
        assert_eq!(after[1]["on_hand"], 5);
        moved(&app, "SOCK-M", "STORE1", json!({"kind": "count", "quantity": 4, "bin": "S-2"})).await;
        // A place to go means nothing to a count: the shelf counted is the one named.
        let counted = moved(&app, "SOCK-L", "WH1", json!({"kind": "count", "quantity": 5, "to_location": "STORE1"})).await;
        assert_eq!(counted.as_array().map(Vec::len), Some(1), "{counted}");
        assert_eq!(app.stock_at("SOCK-M", "STORE1").await["bin"], "S-2");

        // An order collected at the counter takes its units from the warehouse: a sale.
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-M", "quantity": 2}]);
        let (number, _) = app.deliver_at_the_shop(body).await;

        let movements = ledger(&app, "SOCK-M").await;
        assert_eq!(kinds(&movements, "WH1"), ["sale", "transfer_out", "write_off", "adjustment", "receipt", "count"]);
        assert_eq!(kinds(&movements, "STORE1"), ["count", "transfer_in", "count"]);
        let sale = &movements[0];
        assert_eq!((sale["quantity"].as_i64(), sale["order"].as_i64()), (Some(-2), Some(number)));
        assert_eq!(sale["on_hand_after"], 7);
        let write_off = movements.iter().find(|m| m["kind"] == "write_off").expect("the write-off");
        assert_eq!((write_off["reason"].as_str(), write_off["actor"].as_str()), (Some("moth holes"), Some("token:test")));
        assert_ledger_sums(&app, "SOCK-M").await;
    })
    .await;
}

#[tokio::test]
async fn st3_no_movement_takes_units_promised_to_orders_and_bad_input_names_its_field() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-M", "quantity": 8}]);
        app.place(body).await;
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 8);
        let before = ledger(&app, "SOCK-M").await.len();

        for (body, field, code) in [
            (
                json!({"kind": "write_off", "quantity": 3, "reason": "wet"}),
                "quantity",
                "below_reserved",
            ),
            (
                json!({"kind": "count", "quantity": 7}),
                "quantity",
                "below_reserved",
            ),
            (
                json!({"kind": "transfer", "quantity": 5, "to_location": "STORE1"}),
                "quantity",
                "below_reserved",
            ),
            (
                json!({"kind": "adjustment", "quantity": -1}),
                "reason",
                "reason_required",
            ),
            (
                json!({"kind": "receipt", "quantity": 0}),
                "quantity",
                "quantity_invalid",
            ),
            (
                json!({"kind": "count", "quantity": -1}),
                "quantity",
                "count_invalid",
            ),
            (
                json!({"kind": "steal", "quantity": 1}),
                "kind",
                "movement_kind_invalid",
            ),
            (
                json!({"kind": "transfer", "quantity": 1}),
                "to_location",
                "to_location_required",
            ),
            (
                json!({"kind": "transfer", "quantity": 1, "to_location": "WH1"}),
                "to_location",
                "same_location",
            ),
            (
                json!({"kind": "transfer", "quantity": 1, "to_location": "MOON"}),
                "to_location",
                "location_unknown",
            ),
            (
                json!({"kind": "receipt", "quantity": 1, "bin": "A B"}),
                "bin",
                "bin_invalid",
            ),
        ] {
            let (status, err) = movement(&app, "SOCK-M", "WH1", body.clone()).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body} {err}");
            assert_eq!(
                (
                    err["error"]["field"].as_str(),
                    err["error"]["code"].as_str()
                ),
                (Some(field), Some(code)),
                "{body}"
            );
        }
        let (status, _) = movement(
            &app,
            "NO-SUCH",
            "WH1",
            json!({"kind": "receipt", "quantity": 1}),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = movement(
            &app,
            "SOCK-M",
            "NOWHERE",
            json!({"kind": "receipt", "quantity": 1}),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        let shelf = app.stock_at("SOCK-M", "WH1").await;
        assert_eq!(
            (shelf["on_hand"].as_i64(), shelf["available"].as_i64()),
            (Some(10), Some(2))
        );
        assert_eq!(
            ledger(&app, "SOCK-M").await.len(),
            before,
            "a refused movement writes nothing"
        );
        // What is free may still go.
        moved(
            &app,
            "SOCK-M",
            "WH1",
            json!({"kind": "write_off", "quantity": 2, "reason": "wet"}),
        )
        .await;
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["available"], 0);
    })
    .await;
}

#[tokio::test]
async fn st3_receipts_racing_for_one_shelf_are_each_counted_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let app = std::sync::Arc::new(app);
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..20 {
            let app = app.clone();
            tasks.spawn(async move {
                let body = json!({"kind": "receipt", "quantity": 1, "reason": format!("box {i}")});
                movement(&app, "SOCK-L", "WH1", body).await
            });
        }
        while let Some(done) = tasks.join_next().await {
            let (status, answer) = done.expect("task");
            assert_eq!(status, StatusCode::CREATED, "{answer}");
        }
        assert_eq!(app.stock_at("SOCK-L", "WH1").await["on_hand"], 25);
        assert_eq!(kinds(&ledger(&app, "SOCK-L").await, "WH1").len(), 21);
        assert_ledger_sums(&app, "SOCK-L").await;
    })
    .await;
}

#[tokio::test]
async fn st2_the_stock_list_shows_what_runs_low_what_is_sold_out_and_what_is_coming() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (status, _) = app
            .put("/stock/SOCK-L/threshold", json!({"low_stock_at": 5}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let skus = |rows: &Value| -> Vec<String> {
            rows.as_array()
                .expect("rows")
                .iter()
                .map(|r| {
                    format!(
                        "{}@{}",
                        r["sku"].as_str().unwrap_or_default(),
                        r["location"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        };
        let all = app.get_ok("/stock/levels").await;
        assert_eq!(
            skus(&all),
            ["BLANKET@SUP1", "SOCK-L@WH1", "SOCK-M@WH1", "SOCK-M@STORE1"]
        );
        assert_eq!(
            skus(&app.get_ok("/stock/levels?state=low").await),
            ["SOCK-L@WH1"]
        );
        assert_eq!(
            skus(&app.get_ok("/stock/levels?state=sold_out").await),
            ["BLANKET@SUP1"]
        );
        assert_eq!(
            skus(&app.get_ok("/stock/levels?q=blank").await),
            ["BLANKET@SUP1"]
        );

        // A blanket ordered from the supplier is on its way.
        let mut body = order_body();
        body["lines"] = json!([{"sku": "BLANKET", "quantity": 1}]);
        app.place(body).await;
        let blanket = &app.get_ok("/stock/levels?q=BLANKET").await[0];
        assert_eq!(
            (blanket["incoming"].as_i64(), blanket["available"].as_i64()),
            (Some(1), Some(99))
        );

        // Received above the threshold, the socks are low no more.
        moved(
            &app,
            "SOCK-L",
            "WH1",
            json!({"kind": "receipt", "quantity": 1}),
        )
        .await;
        assert_eq!(app.get_ok("/stock/levels?state=low").await, json!([]));

        let (status, err) = app.get("/stock/levels?state=empty").await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("state"))
        );
        let (status, err) = app
            .put("/stock/SOCK-L/threshold", json!({"low_stock_at": -1}))
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("low_stock_at"))
        );
        let (status, _) = app
            .put("/stock/NO-SUCH/threshold", json!({"low_stock_at": 1}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn st3_a_bin_counted_by_scanning_becomes_counts_in_the_ledger() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut codes = vec!["7000000000010"; 7];
        codes.extend(["SOCK-M", "BLANKET", "SOCK-L", "XYZ-404"]);
        let count = json!({"location": "WH1", "bin": "A-01-1", "codes": codes, "dry_run": true});
        let tally = app
            .post_ok("/stock/counts", count.clone(), StatusCode::OK)
            .await;
        let line = |tally: &Value, sku: &str| {
            tally["lines"]
                .as_array()
                .and_then(|lines| lines.iter().find(|l| l["sku"] == sku).cloned())
                .unwrap_or(Value::Null)
        };
        assert_eq!(
            (
                line(&tally, "SOCK-M")["expected"].as_i64(),
                line(&tally, "SOCK-M")["counted"].as_i64()
            ),
            (Some(10), Some(8))
        );
        assert_eq!(line(&tally, "SOCK-L")["kept_in"], "A-01-2");
        assert_eq!(tally["unknown"], json!(["XYZ-404"]));
        assert_eq!(
            app.stock_at("SOCK-M", "WH1").await["on_hand"],
            10,
            "a tally records nothing"
        );

        let mut count = count;
        count["dry_run"] = json!(false);
        app.post_ok("/stock/counts", count, StatusCode::OK).await;
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["on_hand"], 8);
        let blanket = app.stock_at("BLANKET", "WH1").await;
        assert_eq!(
            (blanket["on_hand"].as_i64(), blanket["bin"].as_str()),
            (Some(1), Some("A-01-1"))
        );
        assert_eq!(
            app.stock_at("SOCK-L", "WH1").await["on_hand"],
            5,
            "kept in another bin: counted there"
        );
        let counted = &ledger(&app, "SOCK-M").await[0];
        assert_eq!(
            (
                counted["kind"].as_str(),
                counted["quantity"].as_i64(),
                counted["reason"].as_str()
            ),
            (Some("count"), Some(-2), Some("bin A-01-1"))
        );
        assert_ledger_sums(&app, "SOCK-M").await;

        // Units promised to orders are on the shelf: a count below them is recounted, not taken.
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-M", "quantity": 6}]);
        app.place(body).await;
        let short = json!({"location": "WH1", "bin": "A-01-1", "codes": vec!["SOCK-M"; 5]});
        let (status, err) = app.post("/stock/counts", short).await;
        assert_eq!(
            (status, err["error"]["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("below_reserved"))
        );
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["on_hand"], 8);
        assert_eq!(
            app.stock_at("BLANKET", "WH1").await["on_hand"],
            1,
            "the whole count was refused"
        );
        for (count, field) in [
            (json!({"location": "WH1", "bin": "", "codes": []}), "bin"),
            (
                json!({"location": "MOON", "bin": "A-01-1", "codes": []}),
                "location",
            ),
        ] {
            let (status, err) = app.post("/stock/counts", count).await;
            assert_eq!(
                (status, err["error"]["field"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(field))
            );
        }
    })
    .await;
}
