//! The delivery promise through the API (CK-4, DL-5, DL-8): the settings' transit until the
//! shop's own parcels teach it, then what they showed, in the window every new order stores.

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

async fn promise(app: &TestApp, query: &str) -> (StatusCode, Value) {
    app.get(&format!("/promise?{query}")).await
}

#[tokio::test]
async fn the_promise_follows_the_settings_and_names_what_is_wrong() {
    on_each_backend(|app| async move {
        app.seed_catalog().await;
        // Monday 2026-03-02 before the cut-off: socks leave the warehouse today, and post takes
        // the settings' two to five working days.
        let socks = app
            .get_ok("/promise?sku=SOCK-M&quantity=2&method=post&region=0155")
            .await;
        assert_eq!(socks["ships_from"], "WH1");
        assert_eq!(socks["transit_source"], "settings");
        assert_eq!(socks["transit_days"], json!([2, 5]));
        assert_eq!(socks["earliest"], "2026-03-04");
        assert_eq!(socks["latest"], "2026-03-09");
        // The blanket comes from a supplier five working days away (CK-4).
        let blanket = app.get_ok("/promise?sku=BLANKET&method=post").await;
        assert_eq!(blanket["ships_from"], "SUP1");
        assert!(blanket["latest"].as_str() > socks["latest"].as_str());

        for (query, status, field) in [
            (
                "sku=NOPE&method=post",
                StatusCode::UNPROCESSABLE_ENTITY,
                "sku",
            ),
            (
                "sku=SOCK-M&method=drone",
                StatusCode::UNPROCESSABLE_ENTITY,
                "method",
            ),
            (
                "sku=SOCK-M&method=post&quantity=0",
                StatusCode::UNPROCESSABLE_ENTITY,
                "quantity",
            ),
        ] {
            let (got, body) = promise(&app, query).await;
            assert_eq!(got, status, "{query}: {body}");
            assert_eq!(body["error"]["field"], field, "{query}: {body}");
        }
        let (status, body) = promise(&app, "sku=SOCK-L&method=post&quantity=500").await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(body["error"]["code"], "not_available");
    })
    .await;
}

#[tokio::test]
async fn parcels_that_arrive_next_day_teach_a_next_day_promise() {
    on_each_backend(|app| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-M", "WH1", 500, "A-01-1").await;
        // Ten days of post parcels to Oslo, each delivered the day after it was handed over.
        let mut travelling = Vec::new();
        for day in 0..10 {
            for number in travelling.drain(..) {
                app.act(number, "deliver", json!({})).await;
            }
            for parcel in 0..5 {
                let mut body = order_body();
                body["delivery"]["method"] = json!("post");
                body["lines"] = json!([{"sku": "SOCK-M", "quantity": 1}]);
                let (number, order) = app.place(body).await;
                if order["stage"] == "confirming" {
                    app.act(number, "confirm", json!({})).await;
                }
                app.pack(number).await;
                let tracking = format!("RR{day}{parcel}NO");
                app.act(number, "hand-over", json!({"tracking_number": tracking}))
                    .await;
                travelling.push(number);
            }
            app.clock.advance(SignedDuration::from_hours(24));
        }

        let oslo = app
            .get_ok("/promise?sku=SOCK-M&method=post&region=0155")
            .await;
        assert_eq!(oslo["transit_source"], "learned", "{oslo}");
        assert_eq!(oslo["transit_days"], json!([1, 1]));
        // A region with no parcels yet borrows what the method showed everywhere.
        let north = app
            .get_ok("/promise?sku=SOCK-M&method=post&region=9010")
            .await;
        assert_eq!(north["transit_days"], json!([1, 1]));
        // Nothing went by courier: its promise stays the settings' one.
        let courier = app.get_ok("/promise?sku=SOCK-M&method=courier").await;
        assert_eq!(courier["transit_source"], "settings");

        // Every new order stores the window the storefront showed (CK-4).
        let mut body = order_body();
        body["delivery"]["method"] = json!("post");
        body["lines"] = json!([{"sku": "SOCK-M", "quantity": 1}]);
        let (_, order) = app.place(body).await;
        assert_eq!(order["promise"]["latest"], oslo["latest"], "{order}");
    })
    .await;
}
