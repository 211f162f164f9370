//! No oversold unit: many orders racing for the last units.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

#[tokio::test]
async fn fifty_orders_for_the_last_ten_units_reserve_exactly_ten() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-M", "STORE1", 0, "S-1").await;
        let app = std::sync::Arc::new(app);
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..50 {
            let app = app.clone();
            tasks.spawn(async move {
                let mut body = order_body();
                body["customer"] =
                    json!({"name": format!("Buyer {i}"), "email": format!("buyer{i}@example.no")});
                body["lines"] = json!([{"sku": "SOCK-M", "quantity": 1}]);
                app.post("/orders", body).await
            });
        }
        let (mut reserved, mut waiting) = (0, 0);
        while let Some(result) = tasks.join_next().await {
            let (status, order) = result.expect("task");
            // Out of stock is a path the shop resolves, not an error.
            assert_eq!(status, StatusCode::CREATED, "{order}");
            match order["reservations"].as_array().map(Vec::len) {
                Some(1) => reserved += 1,
                _ => {
                    assert_eq!(order["holds"][0]["kind"], "waiting_for_customer", "{order}");
                    waiting += 1;
                }
            }
        }
        assert_eq!((reserved, waiting), (10, 40));
        let shelf = app.stock_at("SOCK-M", "WH1").await;
        assert_eq!(
            (shelf["on_hand"].as_i64(), shelf["reserved"].as_i64()),
            (Some(10), Some(10))
        );
        assert_eq!(app.order_count().await, 50);
    })
    .await;
}

#[tokio::test]
async fn orders_sharing_skus_in_any_line_order_never_deadlock() {
    // Two SKUs asked for in opposite orders by concurrent orders: every order is taken.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-M", "WH1", 1000, "A-01-1").await;
        app.set_stock("SOCK-L", "WH1", 1000, "A-01-2").await;
        let app = std::sync::Arc::new(app);
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..40 {
            let app = app.clone();
            tasks.spawn(async move {
                let mut body = order_body();
                body["customer"] =
                    json!({"name": format!("Buyer {i}"), "email": format!("pair{i}@example.no")});
                body["lines"] = if i % 2 == 0 {
                    json!([{"sku": "SOCK-M", "quantity": 1}, {"sku": "SOCK-L", "quantity": 1}])
                } else {
                    json!([{"sku": "SOCK-L", "quantity": 1}, {"sku": "SOCK-M", "quantity": 1}])
                };
                app.post("/orders", body).await
            });
        }
        while let Some(result) = tasks.join_next().await {
            let (status, body) = result.expect("task");
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 40);
        assert_eq!(app.stock_at("SOCK-L", "WH1").await["reserved"], 40);
    })
    .await;
}
