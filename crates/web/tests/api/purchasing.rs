//! Suppliers and purchase orders (ST-2): goods received go first to the orders whose customers
//! chose to wait, in the order they were placed, each customer told the new window once (ST-1,
//! CK-4); receiving more than was ordered is refused and changes nothing.

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
        assert_eq!((ledger[0]["kind"].as_str(), ledger[0]["reason"].as_str()), (Some("receipt"), Some(format!("PO {id}").as_str())));
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
