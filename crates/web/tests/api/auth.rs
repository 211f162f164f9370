//! Every API route needs a token, and each role may do only its own work.

use domain::access::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

#[tokio::test]
async fn routes_need_a_live_token_and_the_right_role() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let anonymous = app
            .client
            .get(app.url("/orders"))
            .send()
            .await
            .expect("request");
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let forged = app
            .client
            .get(app.url("/orders"))
            .bearer_auth("sd_forged")
            .send()
            .await
            .expect("request");
        assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);

        let packer = app
            .shop
            .create_token("packing station", Role::Packer)
            .await
            .expect("token");
        let as_packer = |req: reqwest::RequestBuilder| req.bearer_auth(&packer).send();
        let read = as_packer(app.client.get(app.url("/orders")))
            .await
            .expect("request");
        assert_eq!(read.status(), StatusCode::OK);
        let place = as_packer(app.client.post(app.url("/orders")).json(&order_body()))
            .await
            .expect("request");
        assert_eq!(place.status(), StatusCode::FORBIDDEN);
        let product = as_packer(
            app.client
                .post(app.url("/products"))
                .json(&json!({"title": "x", "variants": []})),
        )
        .await
        .expect("request");
        assert_eq!(product.status(), StatusCode::FORBIDDEN);
        let settings = as_packer(
            app.client
                .put(app.url("/settings"))
                .json(&json!({"name": "Mine now"})),
        )
        .await
        .expect("request");
        assert_eq!(settings.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.order_count().await, 0);
    })
    .await;
}

#[tokio::test]
async fn the_api_describes_itself() {
    let app = crate::helpers::spawn(None).await;
    let spec: serde_json::Value = app
        .client
        .get(format!("{}/api/openapi.json", app.base))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    for path in [
        "/api/v1/orders",
        "/api/v1/orders/{number}/{action}",
        "/api/v1/stock/{sku}/{location_code}",
        "/api/v1/customers/{id}",
        "/api/v1/settings/changes",
    ] {
        assert!(
            spec["paths"][path].is_object(),
            "{path} missing from the OpenAPI description"
        );
    }
    let docs = app
        .client
        .get(format!("{}/api/docs", app.base))
        .send()
        .await
        .expect("request");
    assert_eq!(docs.status(), StatusCode::OK);
    let html = docs.text().await.expect("text");
    assert!(html.contains("/api/v1/orders/{number}/{action}"));
}

#[tokio::test]
async fn settings_are_the_owners_and_checked() {
    on_each_backend(|app: TestApp| async move {
        let mut settings = app.get_ok("/settings").await;
        settings["name"] = json!("Sokk AS");
        let (status, saved) = app.put("/settings", settings.clone()).await;
        assert_eq!(
            (status, saved["name"].as_str()),
            (StatusCode::OK, Some("Sokk AS"))
        );
        settings["time_zone"] = json!("Mars/Olympus");
        let (status, err) = app.put("/settings", settings).await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("time_zone"))
        );
        assert_eq!(app.get_ok("/settings").await["time_zone"], "Europe/Oslo");
    })
    .await;
}
