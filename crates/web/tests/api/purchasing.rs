//! Suppliers and purchase orders (ST-2): goods received go first to the orders whose customers
//! chose to wait, in the order they were placed, each customer told the new window once (ST-1,
//! CK-4); an open purchase order's expected day sets the wait for the lines it brings goods
//! for (CK-3); receiving more than was ordered is refused and changes nothing; a daily task
//! asks for a reorder of what runs low with nothing on order.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// The templates of the order's queued messages.
fn templates(order: &Value) -> Vec<String> {
    order["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "message_queued")
        .map(|e| {
            e["data"]["template"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// An order for `quantity` socks in L, out of stock, whose customer chose to wait.
async fn waiting(app: &TestApp, name: &str, quantity: i64) -> i64 {
    let mut body = order_body();
    body["customer"] =
        json!({"name": name, "email": format!("{}@example.no", name.to_lowercase())});
    body["lines"] = json!([{"sku": "SOCK-L", "quantity": quantity}]);
    let (number, placed) = app.place(body).await;
    assert_eq!(
        placed["holds"][0]["kind"], "waiting_for_customer",
        "{placed}"
    );
    app.post_ok(
        &format!("/orders/{number}/choices"),
        json!({"line_no": 1, "choice": "wait"}),
        StatusCode::OK,
    )
    .await;
    number
}

fn reservation_states(order: &Value) -> Vec<String> {
    order["reservations"]
        .as_array()
        .expect("reservations")
        .iter()
        .map(|r| {
            format!(
                "{}@{}",
                r["state"].as_str().unwrap_or_default(),
                r["location"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[tokio::test]
async fn st1_st2_goods_received_serve_the_waiting_orders_first_come_first_served_each_told_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-L", "WH1", 0, "A-01-2").await;
        app.set_stock("SOCK-L", "SUP1", 0, "-").await;
        let first = waiting(&app, "Anna", 2).await;
        let second = waiting(&app, "Bjorn", 3).await;
        let third = waiting(&app, "Cecilie", 1).await;

        let supplier = app
            .post_ok("/suppliers", json!({"name": "Ullvare AS", "email": "ordre@ullvare.no", "lead_time_days": 7}), StatusCode::CREATED)
            .await;
        let po = json!({"supplier_id": supplier["id"], "location": "WH1", "expected_on": "2026-03-12",
                        "lines": [{"sku": "SOCK-L", "quantity": 10}, {"sku": "SOCK-M", "quantity": 4}]});
        let (status, made) = app.post_with_key("/purchase-orders", "po-1", &po).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let id = made["id"].as_i64().expect("an id");
        assert_eq!((made["state"].as_str(), made["supplier"].as_str()), (Some("open"), Some("Ullvare AS")));
        let (status, again) = app.post_with_key("/purchase-orders", "po-1", &po).await;
        assert_eq!((status, &again["id"]), (StatusCode::CREATED, &made["id"]), "a retry answers with the first");
        assert_eq!(app.get_ok("/purchase-orders?state=open").await.as_array().map(Vec::len), Some(1));

        // Four arrive: enough for Anna's two, not for Bjørn's three; Cecilie waits behind him.
        let receipt = json!({"lines": [{"sku": "SOCK-L", "quantity": 4}]});
        let received = app.post_ok(&format!("/purchase-orders/{id}/receipts"), receipt, StatusCode::OK).await;
        assert_eq!((received["state"].as_str(), received["lines"][0]["received"].as_i64()), (Some("open"), Some(4)));
        let order = |number: i64| {
            let app = &app;
            async move { app.get_ok(&format!("/orders/{number}")).await }
        };
        let anna = order(first).await;
        assert_eq!(reservation_states(&anna), ["held@WH1"]);
        assert_eq!(templates(&anna).iter().filter(|t| *t == "goods_arrived").count(), 1);
        assert_eq!(reservation_states(&order(second).await), ["ordered@SUP1"]);
        assert_eq!(reservation_states(&order(third).await), ["ordered@SUP1"]);
        let shelf = app.stock_at("SOCK-L", "WH1").await;
        assert_eq!((shelf["on_hand"].as_i64(), shelf["reserved"].as_i64()), (Some(4), Some(2)));

        // The rest arrives: Bjørn, then Cecilie; Anna hears nothing more.
        let receipt = json!({"lines": [{"sku": "SOCK-L", "quantity": 6}, {"sku": "SOCK-M", "quantity": 4}]});
        let received = app.post_ok(&format!("/purchase-orders/{id}/receipts"), receipt, StatusCode::OK).await;
        assert_eq!(received["state"], "received");
        for number in [second, third] {
            let served = order(number).await;
            assert_eq!(reservation_states(&served), ["held@WH1"]);
            assert_eq!(templates(&served).iter().filter(|t| *t == "goods_arrived").count(), 1);
            assert_ne!(served["promise"]["latest"], "2026-03-12", "the window is the shelf's now");
        }
        assert_eq!(templates(&order(first).await).iter().filter(|t| *t == "goods_arrived").count(), 1);
        let shelf = app.stock_at("SOCK-L", "WH1").await;
        assert_eq!((shelf["on_hand"].as_i64(), shelf["reserved"].as_i64()), (Some(10), Some(6)));
        let ledger = app.get_ok("/stock/SOCK-L/movements").await;
        assert_eq!((ledger[0]["kind"].as_str(), ledger[0]["purchase_order"].as_i64()), (Some("receipt"), Some(id)));
    })
    .await;
}

#[tokio::test]
async fn st2_a_receipt_beyond_the_order_or_of_a_closed_one_is_refused_and_changes_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let supplier = app.post_ok("/suppliers", json!({"name": "Garn"}), StatusCode::CREATED).await;
        let (status, err) = app.post("/suppliers", json!({"name": "Garn"})).await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("name")));
        let (status, err) = app.post("/suppliers", json!({"name": "Other", "email": "not an email"})).await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("email")));
        for (po, field) in [
            (json!({"supplier_id": 999, "location": "WH1", "lines": [{"sku": "SOCK-M", "quantity": 1}]}), "supplier_id"),
            (json!({"supplier_id": supplier["id"], "location": "SUP1", "lines": [{"sku": "SOCK-M", "quantity": 1}]}), "location"),
            (json!({"supplier_id": supplier["id"], "location": "WH1", "lines": [{"sku": "NOPE", "quantity": 1}]}), "lines[0].sku"),
            (json!({"supplier_id": supplier["id"], "location": "WH1", "lines": [{"sku": "SOCK-M", "quantity": 0}]}), "lines[0].quantity"),
            (json!({"supplier_id": supplier["id"], "location": "WH1", "expected_on": "soon", "lines": [{"sku": "SOCK-M", "quantity": 1}]}), "expected_on"),
            (json!({"supplier_id": supplier["id"], "location": "WH1", "lines": []}), "lines"),
        ] {
            let (status, err) = app.post("/purchase-orders", po.clone()).await;
            assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{po}");
        }
        let po = app
            .post_ok("/purchase-orders", json!({"supplier_id": supplier["id"], "location": "WH1", "lines": [{"sku": "SOCK-M", "quantity": 2}]}), StatusCode::CREATED)
            .await;
        let id = po["id"].as_i64().expect("an id");
        let before = app.stock_at("SOCK-M", "WH1").await;
        for (receipt, field) in [
            (json!({"lines": [{"sku": "SOCK-M", "quantity": 3}]}), "lines[0].quantity"),
            (json!({"lines": [{"sku": "SOCK-M", "quantity": 1}, {"sku": "SOCK-L", "quantity": 1}]}), "lines[1].sku"),
        ] {
            let (status, err) = app.post(&format!("/purchase-orders/{id}/receipts"), receipt).await;
            assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)));
        }
        assert_eq!(app.stock_at("SOCK-M", "WH1").await, before, "a refused receipt receives nothing");
        assert_eq!(app.get_ok(&format!("/purchase-orders/{id}")).await["lines"][0]["received"], 0);
        let cancelled = app.post_ok(&format!("/purchase-orders/{id}/cancel"), json!({}), StatusCode::OK).await;
        assert_eq!(cancelled["state"], "cancelled");
        let (status, err) = app.post(&format!("/purchase-orders/{id}/receipts"), json!({"lines": [{"sku": "SOCK-M", "quantity": 1}]})).await;
        assert_eq!((status, err["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("purchase_order_closed")));
        let (status, _) = app.get("/purchase-orders/999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

/// The open tasks of a kind.
async fn open_tasks(app: &TestApp, kind: &str) -> Vec<Value> {
    let tasks = app.get_ok(&format!("/tasks?kind={kind}")).await;
    tasks.as_array().expect("tasks").clone()
}

async fn supplier(app: &TestApp) -> Value {
    app.post_ok(
        "/suppliers",
        json!({"name": "Ullvare AS", "lead_time_days": 7}),
        StatusCode::CREATED,
    )
    .await
}

#[tokio::test]
async fn ck3_an_open_purchase_order_sets_the_wait_and_a_later_one_warns_the_customer_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-L", "WH1", 0, "A-01-2").await;
        app.set_stock("SOCK-L", "SUP1", 0, "-").await;
        let anna = waiting(&app, "Anna", 2).await;
        let promised = app.get_ok(&format!("/orders/{anna}")).await["promise"]["latest"].clone();
        let supplier = supplier(&app).await;

        // The supplier promises the goods for the 30th (a Monday): later than the supplier's
        // usual five days, so Anna's window moves on and she is told once.
        let late = json!({"supplier_id": supplier["id"], "location": "WH1", "expected_on": "2026-03-30",
                          "lines": [{"sku": "SOCK-L", "quantity": 3}]});
        app.post_ok("/purchase-orders", late, StatusCode::CREATED).await;
        let order = app.get_ok(&format!("/orders/{anna}")).await;
        assert_eq!(order["promise"]["earliest"].as_str().map(|d| d > "2026-03-30"), Some(true), "{order}");
        assert_ne!(order["promise"]["latest"], promised);
        assert_eq!(templates(&order).iter().filter(|t| *t == "delay_warning").count(), 1);

        // Bjørn's one pair waits on the same order, so his window counts from the 30th too;
        // Cecilie's would be beyond what it brings, and waits for the supplier's own time.
        let bjorn = waiting(&app, "Bjorn", 1).await;
        let bjorn = app.get_ok(&format!("/orders/{bjorn}")).await;
        assert_eq!(bjorn["promise"]["earliest"].as_str().map(|d| d > "2026-03-30"), Some(true), "{bjorn}");
        let cecilie = waiting(&app, "Cecilie", 1).await;
        let cecilie = app.get_ok(&format!("/orders/{cecilie}")).await;
        assert_eq!(cecilie["promise"]["latest"], promised, "beyond the order: the supplier's own wait");

        // An earlier order for more does not move a window back, nor say anything again.
        let early = json!({"supplier_id": supplier["id"], "location": "WH1", "expected_on": "2026-03-04",
                           "lines": [{"sku": "SOCK-L", "quantity": 5}]});
        app.post_ok("/purchase-orders", early, StatusCode::CREATED).await;
        let order = app.get_ok(&format!("/orders/{anna}")).await;
        assert_eq!(order["promise"]["earliest"].as_str().map(|d| d > "2026-03-30"), Some(true));
        assert_eq!(templates(&order).iter().filter(|t| *t == "delay_warning").count(), 1);
    })
    .await;
}

#[tokio::test]
async fn st2_a_daily_task_asks_to_reorder_what_runs_low_and_closes_once_it_is_on_order() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        // Three socks in L left: below the shop's five, so low; M has twelve.
        app.set_stock("SOCK-L", "WH1", 3, "A-01-2").await;
        app.shop.schedule_daily_jobs().await.expect("scheduled");
        app.run_jobs().await;
        let reorder = open_tasks(&app, "reorder").await;
        assert_eq!(reorder.len(), 1, "{reorder:?}");
        assert_eq!(
            reorder[0]["order_number"],
            Value::Null,
            "a task about the shop"
        );
        let to_order = app.get_ok("/stock/levels?state=reorder").await;
        let skus: Vec<_> = to_order
            .as_array()
            .expect("levels")
            .iter()
            .map(|l| l["sku"].clone())
            .collect();
        assert_eq!(skus, [json!("SOCK-L")]);

        // There is nobody to call about it.
        let id = reorder[0]["id"].as_i64().expect("an id");
        let (status, err) = app
            .post(
                &format!("/tasks/{id}/attempts"),
                json!({"outcome": "no_answer"}),
            )
            .await;
        assert_eq!(
            (status, err["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("not_a_call"))
        );

        // A second run, on this instance or another, opens no second task.
        assert_eq!(app.shop.reorder_check().await.expect("checked"), 1);
        assert_eq!(open_tasks(&app, "reorder").await.len(), 1);

        // Ordered: nothing is left to order, and the task is done.
        let supplier = supplier(&app).await;
        let po = app
            .post_ok(
                "/purchase-orders",
                json!({"supplier_id": supplier["id"], "location": "WH1",
                "lines": [{"sku": "SOCK-L", "quantity": 10}]}),
                StatusCode::CREATED,
            )
            .await;
        assert!(open_tasks(&app, "reorder").await.is_empty());
        assert_eq!(app.get_ok("/stock/levels?state=reorder").await, json!([]));
        let low = app.get_ok("/stock/levels?state=low").await;
        assert_eq!(
            (low[0]["sku"].as_str(), low[0]["on_order"].as_i64()),
            (Some("SOCK-L"), Some(10)),
            "{low}"
        );

        // Cancelled, the goods are to order again.
        app.post_ok(
            &format!("/purchase-orders/{}/cancel", po["id"]),
            json!({}),
            StatusCode::OK,
        )
        .await;
        assert_eq!(open_tasks(&app, "reorder").await.len(), 1);
    })
    .await;
}
