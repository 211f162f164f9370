//! Editing an order's customer details and delivery after intake (CK-1, CF-1).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

fn new_address() -> Value {
    json!({"line": "Kirkegata 5", "city": "Oslo", "postcode": "0153", "country": "NO"})
}

/// The messages of an order with this template.
async fn told(app: &TestApp, number: i64, template: &str) -> usize {
    app.get_ok(&format!("/messages?order={number}"))
        .await
        .as_array()
        .map_or(0, |m| {
            m.iter().filter(|m| m["template"] == template).count()
        })
}

#[tokio::test]
async fn an_edit_changes_the_address_tells_the_customer_once_and_the_card_learns_it() {
    // CK-1, CF-1, IN-3
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        let edit = json!({"version": order["version"], "address": new_address(), "email": "anna.berg@example.no"});
        let (status, edited) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["delivery"]["address"]["line"], "Kirkegata 5");
        assert_eq!(edited["customer"]["email"], "anna.berg@example.no");
        let changed: Vec<&Value> = edited["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .filter(|e| e["kind"] == "details_changed")
            .collect();
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0]["data"]["field"], "email");
        assert_eq!(changed[1]["data"]["from"], "Storgata 1, 0155 Oslo, NO");
        assert_eq!(changed[1]["data"]["to"], "Kirkegata 5, 0153 Oslo, NO");
        assert_eq!(told(&app, number, "order_changed").await, 1);
        // Found by its new email, the order lists under the new contact.
        let found = app.get_ok("/orders?q=anna.berg@example.no").await;
        assert_eq!(found.as_array().map(Vec::len), Some(1));
        let customer = order["customer"]["id"].as_i64().expect("card");
        let card = app.get_ok(&format!("/customers/{customer}")).await;
        assert!(card.to_string().contains("Kirkegata 5"), "{card}");
        assert!(card.to_string().contains("anna.berg@example.no"), "{card}");

        // The same edit again changes nothing and tells nobody twice.
        let again = json!({"version": edited["version"], "address": new_address()});
        let (status, same) = app.patch(&format!("/orders/{number}"), again).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(same["version"], edited["version"]);
        assert_eq!(told(&app, number, "order_changed").await, 1);
    })
    .await;
}

#[tokio::test]
async fn an_edit_on_a_stale_version_is_refused_and_changes_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        let version = order["version"].as_i64().expect("version");
        let first = json!({"version": version, "name": "Anna Berg-Olsen"});
        let (status, _) = app.patch(&format!("/orders/{number}"), first).await;
        assert_eq!(status, StatusCode::OK);
        // A second manager still holds the page as it was.
        let second = json!({"version": version, "address": new_address()});
        let (status, err) = app.patch(&format!("/orders/{number}"), second).await;
        assert_eq!(status, StatusCode::CONFLICT, "{err}");
        assert_eq!(err["error"]["code"], "order_changed");
        let now = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(now["customer"]["name"], "Anna Berg-Olsen");
        assert_eq!(now["delivery"]["address"]["line"], "Storgata 1");
        assert_eq!(told(&app, number, "order_changed").await, 1);
        // The version may come in If-Match too.
        let response = reqwest::Client::new()
            .patch(app.url(&format!("/orders/{number}")))
            .bearer_auth(&app.token)
            .header("If-Match", format!("\"{version}\""))
            .json(&json!({"address": new_address()}))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::CONFLICT);
    })
    .await;
}

#[tokio::test]
async fn a_phone_number_in_the_new_address_is_refused_naming_the_field() {
    // CK-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        let mut address = new_address();
        address["line"] = json!("+47 912 34 567");
        let edit = json!({"version": order["version"], "address": address});
        let (status, err) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["error"]["field"], "address.line");
        let edit = json!({"version": order["version"], "phone": "12"});
        let (status, err) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["error"]["field"], "phone");
        assert_eq!(told(&app, number, "order_changed").await, 0);
    })
    .await;
}

#[tokio::test]
async fn after_packing_only_the_contacts_and_the_address_change() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        if order["stage"] == "confirming" {
            app.act(number, "confirm", json!({})).await;
        }
        app.pack(number).await;
        let packed = app.get_ok(&format!("/orders/{number}")).await;
        let version = packed["version"].clone();
        let edit = json!({"version": version, "delivery_method": "pickup_point", "pickup_point": "Narvesen Jernbanetorget"});
        let (status, err) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::CONFLICT, "{err}");
        assert_eq!(err["error"]["code"], "order_packed");
        let still = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(still["delivery"]["method"], "courier");

        let edit = json!({"version": version, "address": new_address(), "phone": "+47 934 56 789"});
        let (status, edited) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["delivery"]["address"]["line"], "Kirkegata 5");
        assert_eq!(edited["customer"]["phone"], "+4793456789");
    })
    .await;
}

#[tokio::test]
async fn before_packing_a_new_method_is_priced_again() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        let edit = json!({"version": order["version"], "delivery_method": "store_pickup"});
        let (status, edited) = app.patch(&format!("/orders/{number}"), edit).await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["delivery"]["method"], "store_pickup");
        let goods = edited["subtotal"]["amount_minor"]
            .as_i64()
            .expect("subtotal");
        let delivery = edited["delivery_price"]["amount_minor"]
            .as_i64()
            .expect("delivery");
        assert_eq!(
            edited["total"]["amount_minor"].as_i64(),
            Some(goods + delivery)
        );
        assert_ne!(
            edited["delivery_price"], order["delivery_price"],
            "a pickup at the shop costs another price than a courier"
        );
    })
    .await;
}

#[tokio::test]
async fn a_double_submitted_phone_order_makes_one_order() {
    // IN-1: the back office's form sends its own key with the order.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["channel"] = json!("phone");
        let send = || {
            reqwest::Client::new()
                .post(app.url("/orders"))
                .bearer_auth(&app.token)
                .header("Idempotency-Key", "phone-form-7f3a")
                .json(&body)
                .send()
        };
        let (first, second) = tokio::join!(send(), send());
        let first: Value = first.expect("first").json().await.expect("json");
        let second: Value = second.expect("second").json().await.expect("json");
        assert_eq!(first["number"], second["number"]);
        assert_eq!(first["channel"], "phone");
        assert_eq!(app.order_count().await, 1);
    })
    .await;
}
