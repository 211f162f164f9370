//! The catalogue and stock counts through the API (SU-2, ST-3).

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

#[tokio::test]
async fn products_carry_descriptions_and_variants_and_skus_are_unique() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let products = app.get_ok("/products").await;
        assert_eq!(products.as_array().map(Vec::len), Some(2));
        assert_eq!(products[0]["description"], "Warm socks of Norwegian wool.");
        assert_eq!(
            products[0]["variants"][1]["options"],
            json!({"size": "L", "colour": "grey"})
        );
        let one = app
            .get_ok(&format!("/products/{}", products[0]["id"]))
            .await;
        assert_eq!(one["variants"][0]["barcode"], "7000000000010");
        let socks = app.get_ok("/products?category=socks").await;
        assert_eq!(socks.as_array().map(Vec::len), Some(1));

        let (status, err) = app
            .post(
                "/products",
                json!({"title": "Copy", "variants": [{"sku": "SOCK-M", "price_minor": 1}]}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(err["error"]["field"], "variants[0].sku");
        let (status, err) = app
            .post("/products", json!({"title": "Nothing", "variants": []}))
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("variants"))
        );
        assert_eq!(
            app.get_ok("/products").await.as_array().map(Vec::len),
            Some(2)
        );
        let (status, _) = app.get("/products/9999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn stock_counts_keep_their_bin_and_never_drop_below_what_is_promised() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let rows = app.get_ok("/stock?sku=SOCK-M").await;
        assert_eq!(
            rows,
            json!([
                {"sku": "SOCK-M", "location": "WH1", "kind": "warehouse", "on_hand": 10, "reserved": 0, "available": 10, "bin": "A-01-1"},
                {"sku": "SOCK-M", "location": "STORE1", "kind": "store", "on_hand": 2, "reserved": 0, "available": 2, "bin": "S-1"}
            ])
        );
        app.post_ok("/orders", order_body(), StatusCode::CREATED).await;
        let (status, err) = app.put("/stock/SOCK-M/WH1", json!({"on_hand": 1, "bin": "A-01-1"})).await;
        assert_eq!((status, err["error"]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("below_reserved")));
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["on_hand"], 10);
        let moved = app.set_stock("SOCK-M", "WH1", 2, "B-07-3").await;
        assert_eq!(moved[0]["bin"], "B-07-3");
        assert_eq!(moved[0]["available"], 0);
        let (status, _) = app.put("/stock/SOCK-M/NOWHERE", json!({"on_hand": 1})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, err) = app.post("/locations", json!({"code": "WH1", "name": "Again", "kind": "warehouse"})).await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code")));
        let (status, err) = app.post("/locations", json!({"code": "X", "name": "X", "kind": "garage"})).await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("kind")));
    })
    .await;
}
