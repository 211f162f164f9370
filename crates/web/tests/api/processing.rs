//! Checking, confirming and getting paid, from intake to what the customer and the manager see,
//! with a clock the test moves and the jobs the worker runs.

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body, timeline_kinds};

/// Templates of the messages queued for the order, in order.
fn messages(order: &Value) -> Vec<String> {
    order["timeline"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter(|e| e["kind"] == "message_queued")
                .map(|e| {
                    format!(
                        "{}:{}",
                        e["data"]["template"].as_str().unwrap_or_default(),
                        e["data"]["channel"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn order(app: &TestApp, number: i64) -> Value {
    app.get_ok(&format!("/orders/{number}")).await
}

async fn tasks_due(app: &TestApp) -> Vec<Value> {
    app.get_ok("/tasks?due=now")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_clean_order_is_confirmed_by_message_with_a_delivery_window() {
    // CF-2: no call needed; the customer hears the order is being assembled. CK-4, DL-5: a window
    // of two dates the shop can keep, never "from N days".
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, placed) = app.place(order_body()).await;
        assert_eq!(placed["stage"], "assembling");
        assert_eq!(placed["checks"], json!([]));
        // Monday 10:00 in Oslo, before the 14:00 cut-off; courier takes one to two working days.
        assert_eq!(
            placed["promise"],
            json!({"earliest": "2026-03-03", "latest": "2026-03-04"})
        );
        assert_eq!(messages(&placed), ["order_being_assembled:sms"]);
        assert!(tasks_due(&app).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn autofill_mistakes_and_missing_methods_become_reasons_to_call() {
    // CK-1, CK-2, CF-2
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["delivery"]["address"]["line"] = json!("+47 912 34 567");
        body["customer"]["email"] = json!("anna(at)example");
        body["payment_mode"] = Value::Null;
        let (number, placed) = app.place(body).await;
        assert_eq!(placed["stage"], "confirming");
        let codes: Vec<_> = placed["checks"].as_array().expect("checks").iter().map(|c| c["code"].clone()).collect();
        assert_eq!(codes, [json!("address_has_phone"), json!("email_invalid"), json!("payment_missing")]);
        assert_eq!(placed["holds"][0]["kind"], "needs_call");
        assert!(timeline_kinds(&placed).contains(&"check_failed".to_owned()));
        let tasks = tasks_due(&app).await;
        assert_eq!((tasks.len(), tasks[0]["kind"].as_str(), tasks[0]["order_number"].as_i64()), (1, Some("clarify_data"), Some(number)));
        // The manager reaches the customer, who chooses to pay on delivery: the order moves on.
        let answer = app
            .post_ok(
                &format!("/tasks/{}/attempts", tasks[0]["id"]),
                json!({"outcome": "reached_with_changes", "note": "Storgata 1, pays cash", "payment_mode": "on_delivery"}),
                StatusCode::CREATED,
            )
            .await;
        assert_eq!(answer["task"]["state"], "done");
        let after = order(&app, number).await;
        assert_eq!((after["stage"].as_str(), after["payment"]["mode"].as_str()), (Some("assembling"), Some("on_delivery")));
        assert!(tasks_due(&app).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn expensive_orders_and_other_cities_get_a_call() {
    // CF-2
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut far = order_body();
        far["delivery"]["address"]["city"] = json!("Bergen");
        let (_, placed) = app.place(far).await;
        assert_eq!(
            placed["holds"][0],
            json!({"kind": "needs_call", "reason": "delivery to another city"})
        );
        let mut expensive = order_body();
        expensive["lines"] = json!([{"sku": "BLANKET", "quantity": 6}]);
        let (_, placed) = app.place(expensive).await;
        assert_eq!(placed["holds"][0]["reason"], "expensive goods");
        let tasks = tasks_due(&app).await;
        // The expensive one comes first.
        assert_eq!(
            tasks
                .iter()
                .map(|t| t["priority"].as_i64())
                .collect::<Vec<_>>(),
            [Some(2), Some(1)]
        );
    })
    .await;
}

#[tokio::test]
async fn unanswered_calls_follow_the_policy_and_never_cancel_after_one_try() {
    // CF-3: spaced attempts inside calling hours, the customer told each time when the next call
    // comes, a hold after the last one, cancelled only when the hold runs out.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let (number, _) = app.place(order_body()).await;
        let task = tasks_due(&app).await[0]["id"].clone();
        let attempt = |outcome: &'static str| {
            let app = &app;
            let task = task.clone();
            async move {
                app.post_ok(
                    &format!("/tasks/{task}/attempts"),
                    json!({"outcome": outcome}),
                    StatusCode::CREATED,
                )
                .await
            }
        };
        // Monday 10:00 Oslo: the next call two hours later.
        let first = attempt("no_answer").await;
        assert_eq!(first["next_call_at"], "2026-03-02T11:00:00Z");
        assert!(
            tasks_due(&app).await.is_empty(),
            "not due again before the next call"
        );
        app.clock.advance(SignedDuration::from_hours(2));
        let second = attempt("busy").await;
        // Then the next working morning at 10:00 Oslo.
        assert_eq!(second["next_call_at"], "2026-03-03T09:00:00Z");
        app.clock.set("2026-03-03T09:00:00Z".parse().expect("time"));
        let third = attempt("no_answer").await;
        assert_eq!(third["task"]["state"], "gave_up");
        assert_eq!(third["held_until"], "2026-03-06T19:00:00Z");
        let held = order(&app, number).await;
        assert_eq!(held["stage"], "confirming");
        assert_eq!(
            messages(&held),
            [
                "order_received:sms",
                "missed_call:sms",
                "missed_call:sms",
                "order_held:sms",
                "order_held:email"
            ]
        );
        // Not cancelled while the hold lasts, even with the worker running.
        app.clock.set("2026-03-06T18:00:00Z".parse().expect("time"));
        app.run_jobs().await;
        assert_eq!(order(&app, number).await["stage"], "confirming");
        app.clock.set("2026-03-06T19:00:01Z".parse().expect("time"));
        assert_eq!(app.run_jobs().await, 1);
        let cancelled = order(&app, number).await;
        assert_eq!(cancelled["stage"], "cancelled");
        assert_eq!(cancelled["reservations"][0]["state"], "released");
    })
    .await;
}

#[tokio::test]
async fn a_wrong_number_sends_the_confirmation_link_by_email_and_the_customer_confirms() {
    // CF-4, CF-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let (number, _) = app.place(order_body()).await;
        let task = tasks_due(&app).await[0]["id"].clone();
        app.post_ok(
            &format!("/tasks/{task}/attempts"),
            json!({"outcome": "wrong_number"}),
            StatusCode::CREATED,
        )
        .await;
        let after = order(&app, number).await;
        assert_eq!(
            messages(&after),
            ["order_received:sms", "confirmation_request:email"]
        );
        // The link in the message shows what the customer confirms.
        let link = after["link_token"].as_str().expect("a link").to_owned();
        let page: Value = app
            .client
            .get(format!("{}/api/public/orders/{link}", app.base))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        assert_eq!(page["name"], "Anna Berg");
        assert_eq!(page["items"][0]["sku"], "SOCK-M");
        assert_eq!(page["delivery_method"], "courier");
        assert_eq!(page["address"], "Storgata 1, 0155 Oslo, NO");
        assert_eq!(
            (
                page["delivery_from"].as_str(),
                page["delivery_until"].as_str()
            ),
            (Some("2026-03-03"), Some("2026-03-04"))
        );
        assert_eq!(page["total"]["amount_minor"], 4970);
        assert_eq!(page["payment_mode"], "on_delivery");
        let confirmed: Value = app
            .client
            .post(format!("{}/api/public/orders/{link}/confirm", app.base))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        assert_eq!(confirmed["stage"], "assembling");
        let forged = app
            .client
            .get(format!("{}/api/public/orders/nope", app.base))
            .send()
            .await
            .expect("request");
        assert_eq!(forged.status(), StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn an_invoice_waits_reminds_then_asks_a_manager_and_a_payment_moves_it_on() {
    // PY-1, PY-2, PY-3
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["payment_mode"] = json!("after_confirmation");
        let (number, placed) = app.place(body).await;
        assert_eq!(placed["stage"], "awaiting_payment");
        assert_eq!(messages(&placed), ["invoice:sms"]);
        app.run_jobs().await;
        // Two days later (24 hours before the 72-hour deadline) the reminder goes out.
        app.clock.advance(SignedDuration::from_hours(48));
        assert_eq!(app.run_jobs().await, 1);
        assert_eq!(
            messages(&order(&app, number).await)
                .last()
                .map(String::as_str),
            Some("payment_reminder:sms")
        );
        // At the deadline: a payment problem a manager calls about, not a cancellation.
        app.clock.advance(SignedDuration::from_hours(24));
        app.run_jobs().await;
        let overdue = order(&app, number).await;
        assert_eq!(
            (
                overdue["stage"].as_str(),
                overdue["holds"][0]["kind"].as_str()
            ),
            (Some("awaiting_payment"), Some("payment_problem"))
        );
        let tasks = tasks_due(&app).await;
        assert_eq!(tasks[0]["kind"], "payment_help");
        // A partial payment leaves a balance; the rest settles it and assembly starts.
        let part = app
            .post_ok(
                &format!("/orders/{number}/payments"),
                json!({"amount_minor": 2000, "method": "bank_transfer"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(
            (
                part["payment"]["status"].as_str(),
                part["payment"]["balance_due"]["amount_minor"].as_i64()
            ),
            (Some("partially_paid"), Some(2970))
        );
        let paid = app
            .post_ok(
                &format!("/orders/{number}/payments"),
                json!({"amount_minor": 2970, "reference": "INV-1"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(paid["stage"], "assembling");
        assert_eq!(paid["holds"], json!([]));
        // PY-3: every payment confirmed on every channel.
        let received: Vec<_> = messages(&paid)
            .into_iter()
            .filter(|m| m.starts_with("payment_received"))
            .collect();
        assert_eq!(
            received,
            [
                "payment_received:sms",
                "payment_received:email",
                "payment_received:sms",
                "payment_received:email"
            ]
        );
        assert!(tasks_due(&app).await.is_empty());
        // The cancellation scheduled for after the grace period finds nothing to do.
        app.clock.advance(SignedDuration::from_hours(72));
        app.run_jobs().await;
        assert_eq!(order(&app, number).await["stage"], "assembling");
    })
    .await;
}

#[tokio::test]
async fn a_call_that_confirms_an_invoice_order_closes_its_task() {
    // CF-2, PY-2: confirmed by phone, the customer now owes an invoice; the call is done.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let mut body = order_body();
        body["payment_mode"] = json!("after_confirmation");
        let (number, _) = app.place(body).await;
        let task = tasks_due(&app).await[0]["id"].clone();
        let answer = app
            .post_ok(
                &format!("/tasks/{task}/attempts"),
                json!({"outcome": "reached_confirmed"}),
                StatusCode::CREATED,
            )
            .await;
        assert_eq!(answer["task"]["state"], "done");
        let after = order(&app, number).await;
        assert_eq!(after["stage"], "awaiting_payment");
        assert_eq!(messages(&after), ["order_received:sms", "invoice:sms"]);
        assert!(tasks_due(&app).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn an_unpaid_invoice_is_cancelled_only_after_the_grace_period() {
    // PY-2
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["payment_mode"] = json!("after_confirmation");
        let (number, _) = app.place(body).await;
        app.clock.advance(SignedDuration::from_hours(72));
        app.run_jobs().await;
        app.clock.advance(SignedDuration::from_hours(47));
        app.run_jobs().await;
        assert_eq!(order(&app, number).await["stage"], "awaiting_payment");
        app.clock.advance(SignedDuration::from_hours(2));
        app.run_jobs().await;
        let cancelled = order(&app, number).await;
        assert_eq!(cancelled["stage"], "cancelled");
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 0);
    })
    .await;
}

#[tokio::test]
async fn prepaid_orders_arrive_paid_and_failed_payments_bring_help() {
    // PY-1, PY-4
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["payment_mode"] = json!("prepaid");
        let (status, err) = app.post("/orders", body.clone()).await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("payment"))
        );
        body["payment"] = json!({"amount_minor": 100, "method": "card"});
        let (status, err) = app.post("/orders", body.clone()).await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("payment.amount_minor")
            )
        );
        body["payment"] = json!({"amount_minor": 4970, "method": "card", "reference": "psp-1"});
        let (_, paid) = app.place(body).await;
        assert_eq!(
            (paid["stage"].as_str(), paid["payment"]["status"].as_str()),
            (Some("assembling"), Some("paid"))
        );

        let mut invoice = order_body();
        invoice["payment_mode"] = json!("after_confirmation");
        let (number, _) = app.place(invoice).await;
        let failed = json!({"reason": "card declined", "method": "card"});
        app.post_ok(
            &format!("/orders/{number}/payment-attempts"),
            failed.clone(),
            StatusCode::OK,
        )
        .await;
        assert!(tasks_due(&app).await.is_empty());
        let after = app
            .post_ok(
                &format!("/orders/{number}/payment-attempts"),
                failed,
                StatusCode::OK,
            )
            .await;
        assert_eq!(
            timeline_kinds(&after)
                .iter()
                .filter(|k| *k == "payment_failed")
                .count(),
            2
        );
        let tasks = tasks_due(&app).await;
        assert_eq!(
            (tasks[0]["kind"].as_str(), tasks[0]["order_number"].as_i64()),
            (Some("payment_help"), Some(number))
        );
        assert!(
            tasks[0]["reason"]
                .as_str()
                .unwrap_or_default()
                .contains("card declined")
        );
    })
    .await;
}

#[tokio::test]
async fn a_dearer_substitute_costs_what_was_ordered_so_a_paid_order_owes_nothing() {
    // ST-1: the shop ran out; the customer takes merino socks for the price of wool ones.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let merino = json!({"title": "Merino socks", "description": "Soft.", "category": "socks",
                            "variants": [{"sku": "MERINO-L", "price_minor": 2990}]});
        app.post_ok("/products", merino, StatusCode::CREATED).await;
        app.set_stock("MERINO-L", "WH1", 5, "A-02-1").await;
        app.set_stock("SOCK-L", "WH1", 0, "A-01-2").await;
        app.set_stock("SOCK-L", "SUP1", 0, "-").await;
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-L", "quantity": 2}]);
        let (number, placed) = app.place(body).await;
        let total = placed["total"]["amount_minor"].clone();
        let paid = json!({"amount_minor": total, "method": "card"});
        app.post_ok(&format!("/orders/{number}/payments"), paid, StatusCode::OK)
            .await;
        let chosen = app
            .post_ok(
                &format!("/orders/{number}/choices"),
                json!({"line_no": 1, "choice": "substitute", "sku": "MERINO-L"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(chosen["lines"][0]["sku"], "MERINO-L");
        assert_eq!(chosen["lines"][0]["unit_price"]["amount_minor"], 1990);
        assert_eq!(chosen["total"]["amount_minor"], total);
        assert_eq!(chosen["payment"]["balance_due"]["amount_minor"], 0);
    })
    .await;
}

#[tokio::test]
async fn out_of_stock_lines_wait_for_the_customers_choice() {
    // ST-1, ST-2
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-L", "WH1", 0, "A-01-2").await;
        app.set_stock("SOCK-L", "SUP1", 0, "-").await;
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-L", "quantity": 1}, {"sku": "SOCK-M", "quantity": 1}]);
        let (number, placed) = app.place(body.clone()).await;
        assert_eq!(placed["holds"][0]["kind"], "waiting_for_customer");
        assert_eq!(messages(&placed), ["out_of_stock_choice:sms"]);
        assert_eq!(tasks_due(&app).await[0]["kind"], "customer_choice");
        // A substitute in stock: reserved, and the order goes on.
        let chosen = app
            .post_ok(
                &format!("/orders/{number}/choices"),
                json!({"line_no": 1, "choice": "substitute", "sku": "SOCK-M"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(chosen["stage"], "assembling");
        assert_eq!(chosen["lines"][0]["sku"], "SOCK-M");
        assert!(tasks_due(&app).await.is_empty());
        // Another order waits for the supplier instead.
        let (second, _) = app.place(body.clone()).await;
        let waited = app
            .post_ok(
                &format!("/orders/{second}/choices"),
                json!({"line_no": 1, "choice": "wait"}),
                StatusCode::OK,
            )
            .await;
        let states: Vec<_> = waited["reservations"]
            .as_array()
            .expect("reservations")
            .iter()
            .map(|r| r["state"].clone())
            .collect();
        assert!(states.contains(&json!("ordered")), "{states:?}");
        assert!(timeline_kinds(&waited).contains(&"line_awaiting_supplier".to_owned()));
        // CK-3: the supplier's five working days, counted from Tuesday, lengthen the promise: the
        // goods leave on Tuesday the 10th and a courier takes one to two days.
        assert_eq!(
            waited["promise"],
            json!({"earliest": "2026-03-11", "latest": "2026-03-12"})
        );
        // A third drops the line; the total follows.
        let (third, _) = app.place(body).await;
        let dropped = app
            .post_ok(
                &format!("/orders/{third}/choices"),
                json!({"line_no": 1, "choice": "cancel_line"}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(dropped["total"]["amount_minor"], 1990 + 990);
        let (status, _) = app
            .post(
                &format!("/orders/{third}/choices"),
                json!({"line_no": 1, "choice": "wait"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn the_processing_report_shows_the_same_day_share() {
    // CF-5
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.place(order_body()).await;
        app.always_call().await;
        let (waiting, _) = app.place(order_body()).await;
        app.clock.advance(SignedDuration::from_hours(30));
        app.act(waiting, "confirm", json!({})).await;
        let report = app.get_ok("/reports/processing?from=2026-03-01&to=2026-03-03").await;
        assert_eq!(report, json!([{"date": "2026-03-02", "placed": 2, "processed_same_day": 1, "same_day_share": 0.5}]));
        let (status, err) = app.get("/reports/processing?from=yesterday&to=2026-03-03").await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("from")));
    })
    .await;
}

#[tokio::test]
async fn the_customers_link_cannot_skip_a_call_the_shop_needs() {
    // CF-1, CK-1: data to clarify needs a person, whatever the link says.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["delivery"]["address"]["line"] = json!("+47 912 34 567");
        let (number, placed) = app.place(body).await;
        let link = placed["link_token"].as_str().expect("a link").to_owned();
        let response = app
            .client
            .post(format!("{}/api/public/orders/{link}/confirm", app.base))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(order(&app, number).await["stage"], "confirming");
    })
    .await;
}

#[tokio::test]
async fn a_method_chosen_on_the_phone_is_priced_and_money_taken_by_a_channel_is_kept() {
    // CK-2, PY-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| s["confirmation"]["call_to_clarify"] = json!(false))
            .await;
        let mut body = order_body();
        body["delivery"]["method"] = Value::Null;
        let (number, placed) = app.place(body).await;
        // Taken, and someone calls, even though the shop does not call to clarify.
        assert_eq!(placed["holds"][0]["kind"], "needs_call");
        assert_eq!(placed["delivery_price"]["amount_minor"], 0);
        let task = tasks_due(&app).await[0]["id"].clone();
        app.post_ok(
            &format!("/tasks/{task}/attempts"),
            json!({"outcome": "reached_with_changes", "delivery_method": "courier"}),
            StatusCode::CREATED,
        )
        .await;
        let after = order(&app, number).await;
        assert_eq!(
            (
                after["stage"].as_str(),
                after["delivery"]["method"].as_str()
            ),
            (Some("assembling"), Some("courier"))
        );
        assert_eq!(after["delivery_price"]["amount_minor"], 990);
        assert_eq!(after["total"]["amount_minor"], 2 * 1990 + 990);

        let mut paid = order_body();
        paid["channel"] = json!("marketplace:finn");
        paid["payment_mode"] = json!("after_confirmation");
        paid["payment"] = json!({"amount_minor": 4970, "method": "finn", "reference": "F-1"});
        let (_, kept) = app.place(paid).await;
        assert_eq!(
            (kept["stage"].as_str(), kept["payment"]["status"].as_str()),
            (Some("assembling"), Some("paid"))
        );
    })
    .await;
}

#[tokio::test]
async fn settings_that_would_break_the_rules_are_refused() {
    on_each_backend(|app: TestApp| async move {
        for (pointer, value, field) in [
            (
                "/payment/deadline_hours",
                json!(9_000_000_000_000_000_i64),
                "payment.deadline_hours",
            ),
            (
                "/calls/retry_minutes",
                json!([120, -5]),
                "calls.retry_minutes[1]",
            ),
            ("/calls/calling_from", json!("25:00"), "calls.calling_from"),
            ("/holidays", json!(["Christmas"]), "holidays[0]"),
        ] {
            let mut settings = app.get_ok("/settings").await;
            *settings.pointer_mut(pointer).expect("a setting") = value;
            let (status, err) = app.put("/settings", settings).await;
            assert_eq!(
                (status, err["error"]["field"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
                "{err}"
            );
        }
    })
    .await;
}
