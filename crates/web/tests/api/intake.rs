//! Intake: channels, bad input and idempotent retries.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

#[tokio::test]
async fn orders_keep_the_channel_they_came_from() {
    // IN-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        for channel in ["storefront", "api", "phone", "import", "marketplace:etsy"] {
            let mut body = order_body();
            body["channel"] = json!(channel);
            let order = app.post_ok("/orders", body, StatusCode::CREATED).await;
            assert_eq!(order["channel"], channel);
            assert_eq!(order["timeline"][0]["data"]["channel"], channel);
        }
        let phone_orders = app.get_ok("/orders?q=anna").await;
        assert_eq!(phone_orders.as_array().map(Vec::len), Some(5));
    })
    .await;
}

#[tokio::test]
async fn a_marketplace_price_is_kept_but_the_storefront_sells_at_catalogue_prices() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["channel"] = json!("marketplace:etsy");
        body["lines"][0]["unit_price_minor"] = json!(1500);
        body["delivery"]["price_minor"] = json!(0);
        let order = app
            .post_ok("/orders", body.clone(), StatusCode::CREATED)
            .await;
        assert_eq!(order["total"]["amount_minor"], 3000);
        body["channel"] = json!("storefront");
        let (status, err) = app.post("/orders", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(err["error"]["field"], "lines[0].unit_price_minor");
    })
    .await;
}

/// `body` with the value at `pointer` set, adding the key when it is missing.
fn with(mut body: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match body.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_owned(), value);
        }
        Some(Value::Array(items)) => items[key.parse::<usize>().expect("an index")] = value,
        _ => panic!("{parent} is not in the body"),
    }
    body
}

#[tokio::test]
async fn bad_input_names_the_field_and_writes_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let cases: Vec<(Value, &str)> = vec![
            (
                with(order_body(), "/lines/0/quantity", json!(0)),
                "lines[0].quantity",
            ),
            (
                with(order_body(), "/lines/0/quantity", json!("two")),
                "lines[0].quantity",
            ),
            (
                with(order_body(), "/lines/0/sku", json!("NO-SUCH")),
                "lines[0].sku",
            ),
            (
                with(order_body(), "/lines/0/sku", json!("bad sku")),
                "lines[0].sku",
            ),
            (with(order_body(), "/lines", json!([])), "lines"),
            (
                with(order_body(), "/customer/name", json!("  ")),
                "customer.name",
            ),
            // The only contact given cannot be used.
            (
                with(
                    with(order_body(), "/customer/email", Value::Null),
                    "/customer/phone",
                    json!("12"),
                ),
                "customer.phone",
            ),
            (
                with(
                    with(order_body(), "/customer/phone", Value::Null),
                    "/customer/email",
                    json!("anna@"),
                ),
                "customer.email",
            ),
            (
                with(
                    with(order_body(), "/customer/email", Value::Null),
                    "/customer/phone",
                    Value::Null,
                ),
                "customer.phone",
            ),
            (
                with(order_body(), "/delivery/method", json!("teleport")),
                "delivery.method",
            ),
            (
                with(order_body(), "/delivery/address", Value::Null),
                "delivery.address",
            ),
            (
                with(order_body(), "/delivery/address/city", json!("")),
                "delivery.address.city",
            ),
            (
                with(
                    order_body(),
                    "/delivery",
                    json!({"method": "parcel_locker"}),
                ),
                "delivery.pickup_point",
            ),
            (
                with(order_body(), "/payment_mode", json!("barter")),
                "payment_mode",
            ),
            (with(order_body(), "/channel", json!("fax")), "channel"),
            (
                with(order_body(), "/lines/0/unit_price_minor", json!(-5)),
                "lines[0].unit_price_minor",
            ),
        ];
        for (body, field) in cases {
            let (status, answer) = app.post("/orders", body).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}: {answer}"
            );
            assert_eq!(answer["error"]["field"], field, "{answer}");
            assert!(answer["error"]["code"].is_string() && answer["error"]["message"].is_string());
        }
        // Not JSON at all.
        let response = app
            .client
            .post(app.url("/orders"))
            .bearer_auth(&app.token)
            .header("content-type", "application/json")
            .body("{\"lines\": [")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.order_count().await, 0);
        assert_eq!(app.customer_count().await, 0);
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 0);
    })
    .await;
}

#[tokio::test]
async fn a_retry_with_the_same_key_returns_the_first_order_and_creates_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (first_status, first) = app
            .post_with_key("/orders", "order-77", &order_body())
            .await;
        assert_eq!(first_status, StatusCode::CREATED);
        let (again_status, again) = app
            .post_with_key("/orders", "order-77", &order_body())
            .await;
        assert_eq!(again_status, StatusCode::CREATED);
        assert_eq!(again["number"], first["number"]);
        assert_eq!(app.order_count().await, 1);
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 2);
        // The same key for another order is a client bug, said so.
        let other = with(order_body(), "/lines/0/quantity", json!(3));
        let (status, err) = app.post_with_key("/orders", "order-77", &other).await;
        assert_eq!(
            (status, err["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("idempotency_key_reused"))
        );
    })
    .await;
}

#[tokio::test]
async fn concurrent_retries_with_one_key_make_one_order() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let app = std::sync::Arc::new(app);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let app = app.clone();
            tasks.spawn(async move {
                app.post_with_key("/orders", "double-click", &order_body())
                    .await
            });
        }
        let mut numbers = Vec::new();
        while let Some(result) = tasks.join_next().await {
            let (status, body) = result.expect("task");
            assert_eq!(status, StatusCode::CREATED, "{body}");
            numbers.push(body["number"].clone());
        }
        numbers.dedup();
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        assert_eq!(app.order_count().await, 1);
        assert_eq!(app.customer_count().await, 1);
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 2);
    })
    .await;
}
