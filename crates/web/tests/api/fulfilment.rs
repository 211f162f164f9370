//! From shelf to doorstep through the API: pick lists, scans, flaws, packing with inserts,
//! handover, carriers' reports, delays, a lost parcel, couriers and their cash.

use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{CARRIER_KEY, TestApp, on_each_backend, order_body, timeline_kinds};

/// Places an order of `lines` for `method`, paid on delivery, and confirms it.
async fn confirmed(app: &TestApp, method: &str, lines: Value) -> i64 {
    let mut body = order_body();
    body["delivery"]["method"] = json!(method);
    if method.ends_with("point") || method.ends_with("locker") {
        body["delivery"]["pickup_point"] = json!("Posten, Storgata 9");
    }
    body["lines"] = lines;
    let (number, order) = app.place(body).await;
    if order["stage"] == "confirming" {
        app.act(number, "confirm", json!({})).await;
    }
    number
}

async fn templates_of(app: &TestApp, number: i64) -> Vec<String> {
    app.get_ok(&format!("/messages?order={number}"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .filter_map(|m| m["template"].as_str().map(str::to_owned))
        .collect()
}

/// The secret of the customer's link to the order (CF-1).
async fn link_of(app: &TestApp, number: i64) -> String {
    let order = app.get_ok(&format!("/orders/{number}")).await;
    order["link_token"].as_str().expect("a link").to_owned()
}

/// Posts a carrier's report signed with `key`.
async fn carrier_report(app: &TestApp, key: &str, report: Value) -> (StatusCode, Value) {
    let body = report.to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("key");
    mac.update(body.as_bytes());
    let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    let response = app
        .client
        .post(app.url("/carriers/posten/events"))
        .header("Content-Type", "application/json")
        .header("X-Shopdesk-Signature", signature)
        .body(body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn st3_pick_lists_go_by_location_and_bin_with_supplier_goods_apart() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let first = confirmed(
            &app,
            "post",
            json!([{"sku": "SOCK-L", "quantity": 1, "note": "no price tag"}, {"sku": "BLANKET", "quantity": 1}]),
        )
        .await;
        let second = confirmed(&app, "post", json!([{"sku": "SOCK-M", "quantity": 2}])).await;
        let list = app.get_ok("/pick-lists").await;
        let groups = list.as_array().expect("groups");
        assert_eq!(groups.len(), 2, "{list}");
        assert_eq!(groups[0]["location"], "WH1");
        assert_eq!(groups[0]["from_supplier"], false);
        let bins: Vec<_> = groups[0]["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| (l["bin"].clone(), l["order"].clone()))
            .collect();
        assert_eq!(
            bins,
            [(json!("A-01-1"), json!(second)), (json!("A-01-2"), json!(first))]
        );
        // IN-2: the size, colour and notes are on the list.
        let sock_l = &groups[0]["lines"][1];
        assert_eq!(sock_l["options"], json!({"colour": "grey", "size": "L"}));
        assert_eq!(sock_l["note"], "no price tag");
        assert_eq!(groups[1]["location"], "SUP1");
        assert_eq!(groups[1]["from_supplier"], true);
        let only_supplier = app.get_ok("/pick-lists?location=SUP1").await;
        assert_eq!(only_supplier.as_array().map(Vec::len), Some(1));
    })
    .await;
}

#[tokio::test]
async fn as1_as4_wrong_items_are_refused_and_a_checked_order_is_packed_with_its_inserts() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| {
            s["fulfilment"]["inserts"] = json!([
                {"insert": "postcard", "when": "first_order"},
                {"insert": "coupon", "when": "subtotal_from", "minor": 3000, "coupon": {"percent": 10, "valid_days": 90}},
                {"insert": "sweets", "when": "repeat_customer", "previous_orders": 1}
            ])
        })
        .await;
        let number = confirmed(&app, "post", json!([{"sku": "SOCK-M", "quantity": 2}])).await;
        let parcel = json!({"packaging": "small box", "weight_grams": 300});
        let (status, refused) = app.post(&format!("/orders/{number}/pack"), parcel.clone()).await;
        assert_eq!(
            (status, refused["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("not_verified"))
        );
        let (status, refused) = app
            .post(&format!("/orders/{number}/mark-ready"), json!({}))
            .await;
        assert_eq!(
            (status, refused["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("not_packed"))
        );
        let scan = |code: &str| {
            let app = &app;
            let code = code.to_owned();
            async move {
                app.post(&format!("/orders/{number}/scans"), json!({"code": code}))
                    .await
            }
        };
        // The right socks in the wrong size, by barcode: refused with what is wrong.
        let (status, wrong_size) = scan("7000000000027").await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(
            wrong_size["error"]["message"],
            "wrong size or colour for line 1: it wants grey / M, this is grey / L"
        );
        let (_, wrong_item) = scan("BLANKET").await;
        assert_eq!(wrong_item["error"]["message"], "wrong item: BLANKET is not in this order");
        let (_, unknown) = scan("123").await;
        assert_eq!(unknown["error"]["code"], "scan_refused");
        let (status, first) = scan("7000000000010").await;
        assert_eq!((status, first["units_left"].as_i64()), (StatusCode::OK, Some(1)));
        let (_, second) = scan("SOCK-M").await;
        assert_eq!(second["message"], "line 1 is complete");
        let (status, extra) = scan("SOCK-M").await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(extra["error"]["message"], "line 1 is already complete: put this unit back");

        let (status, bad) = app
            .post(&format!("/orders/{number}/pack"), json!({"packaging": "crate", "weight_grams": 300}))
            .await;
        assert_eq!((status, bad["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("packaging")));
        let packed = app.post_ok(&format!("/orders/{number}/pack"), parcel, StatusCode::OK).await;
        assert_eq!(packed["stage"], "ready");
        // Every scan, refused or not, is on the timeline.
        let scans = timeline_kinds(&packed).iter().filter(|k| *k == "item_scanned").count();
        assert_eq!(scans, 6);
        let contents = app.get_ok(&format!("/orders/{number}/parcel")).await;
        assert_eq!(contents["inserts"], json!(["postcard", "coupon"]));
        assert_eq!(contents["weight_grams"], 300);
        let coupon = contents["coupon_code"].as_str().expect("a coupon code");
        assert!(coupon.starts_with(&format!("{number}-")), "{coupon}");

        // Anna's next order is a repeat: sweets, no postcard, no coupon under the amount.
        let next = confirmed(&app, "post", json!([{"sku": "SOCK-L", "quantity": 1}])).await;
        app.pack(next).await;
        let contents = app.get_ok(&format!("/orders/{next}/parcel")).await;
        assert_eq!(contents["inserts"], json!(["sweets"]));
        assert_eq!(contents["coupon_code"], Value::Null);
    })
    .await;
}

#[tokio::test]
async fn as2_a_minor_flaw_asks_the_customer_and_a_major_one_sets_aside_a_replacement() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let number = confirmed(&app, "store_pickup", json!([{"sku": "SOCK-M", "quantity": 2}])).await;
        let flaw = json!({"line_no": 1, "severity": "minor", "note": "a pulled thread on one heel", "discount_minor": 500});
        let held = app
            .post_ok(&format!("/orders/{number}/defects"), flaw, StatusCode::CREATED)
            .await;
        assert_eq!(held["holds"][0]["kind"], "defect_found");
        assert!(templates_of(&app, number).await.contains(&"defect_choice".to_owned()));
        app.post_ok(&format!("/orders/{number}/scans"), json!({"code": "SOCK-M"}), StatusCode::OK).await;
        app.post_ok(&format!("/orders/{number}/scans"), json!({"code": "SOCK-M"}), StatusCode::OK).await;
        let parcel = json!({"packaging": "small box", "weight_grams": 300});
        let (status, refused) = app.post(&format!("/orders/{number}/pack"), parcel.clone()).await;
        assert_eq!((status, refused["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("order_on_hold")));
        // The customer answers from the link in the message: keep it, with the discount.
        let link = link_of(&app, number).await;
        let (status, _) = app
            .post_public(&format!("/orders/{}/defect", link), json!({"answer": "ship_as_is"}))
            .await;
        assert_eq!(status, StatusCode::OK);
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["holds"], json!([]));
        assert_eq!(order["discount"]["amount_minor"], 500);
        assert_eq!(order["total"]["amount_minor"], 2 * 1990 - 500);
        app.post_ok(&format!("/orders/{number}/pack"), parcel, StatusCode::OK).await;
        let (status, again) = app
            .post_public(&format!("/orders/{}/defect", link), json!({"answer": "wait"}))
            .await;
        assert_eq!((status, again["error"]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("no_open_defect")));

        // A major flaw: the unit is written off, a flawless one set aside, scanned again.
        let second = confirmed(&app, "post", json!([{"sku": "SOCK-L", "quantity": 1}])).await;
        app.post_ok(&format!("/orders/{second}/scans"), json!({"code": "SOCK-L"}), StatusCode::OK).await;
        let before = app.stock_at("SOCK-L", "WH1").await;
        let flaw = json!({"line_no": 1, "severity": "major", "note": "a hole in the toe"});
        let replaced = app
            .post_ok(&format!("/orders/{second}/defects"), flaw, StatusCode::CREATED)
            .await;
        assert_eq!(replaced["holds"], json!([]));
        let after = app.stock_at("SOCK-L", "WH1").await;
        assert_eq!(after["on_hand"].as_i64(), before["on_hand"].as_i64().map(|n| n - 1));
        assert_eq!(after["reserved"], before["reserved"]);
        let ledger = app.get_ok("/stock/SOCK-L/movements").await;
        assert_eq!(
            (ledger[0]["kind"].as_str(), ledger[0]["quantity"].as_i64(), ledger[0]["order"].as_i64()),
            (Some("write_off"), Some(-1), Some(second)),
            "the flawed unit is written off in the ledger"
        );
        assert!(templates_of(&app, second).await.contains(&"replacement_window".to_owned()));
        let parcel = json!({"packaging": "small box", "weight_grams": 300});
        let (status, _) = app.post(&format!("/orders/{second}/pack"), parcel).await;
        assert_eq!(status, StatusCode::CONFLICT, "the replacement is not scanned yet");
        app.pack(second).await;
    })
    .await;
}

#[tokio::test]
async fn dl3_dl6_parcels_are_tracked_delays_warned_early_and_a_lost_one_resent() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| {
            for option in s["delivery"].as_array_mut().expect("delivery") {
                option["carrier"] = json!("Posten");
                option["tracking_url"] = json!("https://sporing.posten.no/{tracking}");
            }
        })
        .await;
        let number = confirmed(&app, "post", json!([{"sku": "SOCK-M", "quantity": 1}])).await;
        app.pack(number).await;
        let (status, missing) = app.post(&format!("/orders/{number}/hand-over"), json!({})).await;
        assert_eq!((status, missing["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("tracking_number")));
        let sent = app
            .post_ok(&format!("/orders/{number}/hand-over"), json!({"tracking_number": "RR123NO"}), StatusCode::OK)
            .await;
        assert_eq!(sent["stage"], "in_transit");
        let shipment = app.get_ok(&format!("/orders/{number}/shipment")).await;
        assert_eq!(shipment["tracking_url"], "https://sporing.posten.no/RR123NO");
        // AS-5, DL-3: the customer is told at that moment, with the link.
        app.run_jobs().await;
        let told = app.get_ok(&format!("/messages?order={number}")).await;
        let handed = told
            .as_array()
            .and_then(|m| m.iter().find(|m| m["template"] == "handed_to_carrier"))
            .expect("handed_to_carrier");
        assert!(handed["body"].as_str().unwrap_or("").contains("https://sporing.posten.no/RR123NO"));

        // Only the carrier's key is taken; a repeated report counts once.
        let report = json!({"event_id": "e1", "tracking_number": "RR123NO", "status": "in_transit", "estimate": "2026-03-20"});
        let (status, _) = carrier_report(&app, "wrong-key", report.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, shipment) = carrier_report(&app, CARRIER_KEY, report.clone()).await;
        assert_eq!((status, shipment["status"].as_str()), (StatusCode::OK, Some("in_transit")));
        carrier_report(&app, CARRIER_KEY, report).await;
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let updates = timeline_kinds(&order).iter().filter(|k| *k == "shipment_updated").count();
        assert_eq!(updates, 1);

        // DL-6: the next morning's watch sees the estimate past the window and warns at once.
        app.clock.advance(jiff::SignedDuration::from_hours(24));
        app.run_jobs().await;
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["holds"][0]["kind"], "delayed");
        let latest = order["promise"]["latest"].as_str().expect("a promise").to_owned();
        assert!(app.shop.now().to_string()[..10] < *latest, "warned before the window ends");
        assert!(templates_of(&app, number).await.contains(&"delay_warning".to_owned()));

        // Lost: a manager task with the options, then the parcel is sent again.
        let lost = json!({"event_id": "e2", "tracking_number": "RR123NO", "status": "lost"});
        carrier_report(&app, CARRIER_KEY, lost).await;
        let tasks = app.get_ok("/tasks?kind=lost_parcel").await;
        assert!(tasks[0]["reason"].as_str().unwrap_or("").contains("resend_now"), "{tasks}");
        let before = app.stock_at("SOCK-M", "WH1").await;
        let resent = app
            .post_ok(&format!("/orders/{number}/compensation"), json!({"compensation": "resend_now"}), StatusCode::OK)
            .await;
        assert_eq!(resent["stage"], "assembling");
        assert_eq!(resent["holds"], json!([]));
        let after = app.stock_at("SOCK-M", "WH1").await;
        assert_eq!(after["reserved"].as_i64(), before["reserved"].as_i64().map(|n| n + 1));
        assert!(templates_of(&app, number).await.contains(&"parcel_lost".to_owned()));
        assert_eq!(app.get_ok("/tasks?kind=lost_parcel").await, json!([]));
        app.pack(number).await;
        app.act(number, "hand-over", json!({"tracking_number": "RR124NO"})).await;
        let done = json!({"event_id": "e3", "tracking_number": "RR124NO", "status": "delivered"});
        carrier_report(&app, CARRIER_KEY, done).await;
        assert_eq!(app.get_ok(&format!("/orders/{number}")).await["stage"], "delivered");
    })
    .await;
}

#[tokio::test]
async fn dl1_pickups_get_a_code_and_a_last_day() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        // At the shop: ready once packed.
        let store = confirmed(&app, "store_pickup", json!([{"sku": "SOCK-M", "quantity": 1}])).await;
        app.pack(store).await;
        let shipment = app.get_ok(&format!("/orders/{store}/shipment")).await;
        let code = shipment["pickup_code"].as_str().expect("a pickup code").to_owned();
        assert_eq!(code.len(), 6);
        assert_eq!(shipment["pickup_until"], "2026-03-11", "seven working days");
        app.run_jobs().await;
        let told = app.get_ok(&format!("/messages?order={store}")).await;
        let ready = told
            .as_array()
            .and_then(|m| m.iter().find(|m| m["template"] == "ready_for_pickup"))
            .expect("ready_for_pickup");
        assert!(ready["body"].as_str().unwrap_or("").contains(&code));
        app.act(store, "deliver", json!({})).await;
        assert_eq!(app.get_ok(&format!("/orders/{store}/shipment")).await["status"], "delivered");

        // At a parcel locker: the carrier's report brings the code.
        let locker = confirmed(&app, "parcel_locker", json!([{"sku": "SOCK-M", "quantity": 1}])).await;
        app.pack(locker).await;
        app.act(locker, "hand-over", json!({"tracking_number": "LCK1"})).await;
        // Late on the way (DL-6), then there: waiting for its customer, it is late no more.
        let late = json!({"event_id": "l0", "tracking_number": "LCK1", "status": "in_transit", "estimate": "2026-03-30"});
        carrier_report(&app, CARRIER_KEY, late).await;
        app.clock.advance(jiff::SignedDuration::from_hours(24));
        app.run_jobs().await;
        assert_eq!(app.get_ok(&format!("/orders/{locker}")).await["holds"][0]["kind"], "delayed");
        let arrived = json!({"event_id": "l1", "tracking_number": "LCK1", "status": "at_pickup_point", "pickup_code": "4711"});
        let (_, shipment) = carrier_report(&app, CARRIER_KEY, arrived).await;
        assert_eq!(shipment["pickup_code"], "4711");
        assert_eq!(app.get_ok(&format!("/orders/{locker}")).await["holds"], json!([]));
        assert!(templates_of(&app, locker).await.contains(&"ready_for_pickup".to_owned()));
        let picked = json!({"event_id": "l2", "tracking_number": "LCK1", "status": "delivered"});
        carrier_report(&app, CARRIER_KEY, picked).await;
        assert_eq!(app.get_ok(&format!("/orders/{locker}")).await["stage"], "delivered");
    })
    .await;
}

#[tokio::test]
async fn dl7_py5_a_courier_collects_cash_once_and_the_day_reconciles_to_the_cent() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let courier = app
            .post_ok(
                "/couriers",
                json!({"name": "Ola Nordmann", "phone": "913 00 000"}),
                StatusCode::CREATED,
            )
            .await;
        let courier_id = courier["id"].as_i64().expect("id");
        let number = confirmed(&app, "courier", json!([{"sku": "SOCK-M", "quantity": 2}])).await;
        app.pack(number).await;
        let (status, _) = app
            .post(&format!("/orders/{number}/hand-over"), json!({}))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a courier must be named"
        );
        app.post_ok(
            &format!("/orders/{number}/hand-over"),
            json!({"courier_id": courier_id}),
            StatusCode::OK,
        )
        .await;
        let route = app
            .get_ok(&format!("/couriers/{courier_id}/route?day=2026-03-02"))
            .await;
        let due = 2 * 1990 + 990;
        assert_eq!(route[0]["order"], number);
        assert_eq!(route[0]["to_collect"]["amount_minor"], due);

        app.post_ok(
            &format!("/orders/{number}/on-the-way"),
            json!({}),
            StatusCode::OK,
        )
        .await;
        app.run_jobs().await;
        let told = app.get_ok(&format!("/messages?order={number}")).await;
        let on_way = told
            .as_array()
            .and_then(|m| m.iter().find(|m| m["template"] == "courier_on_the_way"))
            .expect("courier_on_the_way");
        assert!(
            on_way["body"]
                .as_str()
                .unwrap_or("")
                .contains("10:00–11:00"),
            "{on_way}"
        );

        let (status, short) = app
            .post(
                &format!("/orders/{number}/courier-delivery"),
                json!({"cash_minor": due - 1, "receipt_number": "R-1"}),
            )
            .await;
        assert_eq!(
            (status, short["error"]["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("cash_mismatch"))
        );
        let delivered = app
            .post_ok(
                &format!("/orders/{number}/courier-delivery"),
                json!({"cash_minor": due, "receipt_number": "R-1"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(delivered["stage"], "delivered");
        assert_eq!(delivered["payment"]["status"], "paid");
        // Never twice: the order is delivered and paid.
        let (status, _) = app
            .post(
                &format!("/orders/{number}/courier-delivery"),
                json!({"cash_minor": due, "receipt_number": "R-2"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);

        let day = app.get_ok("/cash?day=2026-03-02").await;
        assert_eq!(day["balanced"], false, "the courier still holds the cash");
        assert_eq!(day["reconciliation"]["couriers"][0]["gap_minor"], due);
        let short_hand_in = json!({"courier_id": courier_id, "amount_minor": due - 100});
        let day = app
            .post_ok("/cash", short_hand_in, StatusCode::CREATED)
            .await;
        assert_eq!(day["reconciliation"]["couriers"][0]["gap_minor"], 100);
        let day = app
            .post_ok(
                "/cash",
                json!({"courier_id": courier_id, "amount_minor": 100}),
                StatusCode::CREATED,
            )
            .await;
        assert_eq!(day["balanced"], true);

        // DL-7: the customer rates the courier from the link; a good rating earns a bonus.
        let link = link_of(&app, number).await;
        let rating = json!({"stars": 5, "comment": "friendly and on time"});
        let (status, _) = app
            .post_public(&format!("/orders/{}/rating", link), rating.clone())
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = app
            .post_public(&format!("/orders/{}/rating", link), rating)
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let couriers = app.get_ok("/couriers").await;
        assert_eq!(couriers[0]["bonus"]["amount_minor"], 2000);
        assert_eq!(couriers[0]["positive_ratings"], 1);
    })
    .await;
}
