//! An order from the storefront is an order like any other: the same intake, checks, promise,
//! reservations and timeline as one sent through the API, with channel `storefront` (IN-1).

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body, timeline_kinds};

const FORM: &str = "application/x-www-form-urlencoded";

/// A form body, as a browser encodes it.
fn encode(fields: &[(&str, &str)]) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                other => format!("%{other:02X}"),
            })
            .collect()
    };
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", escape(name), escape(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Buys through the storefront's forms, as a browser without JavaScript would: add to the
/// cart, open the checkout for its key, send it. Returns where the checkout led.
async fn buy_through_the_storefront(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let added = client
        .post(format!("{}/cart", app.base))
        .header(CONTENT_TYPE, FORM)
        .body(encode(&[
            ("sku", "SOCK-M"),
            ("quantity", "2"),
            ("op", "add"),
        ]))
        .send()
        .await
        .expect("add to cart");
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let cookie = added.headers()[SET_COOKIE]
        .to_str()
        .expect("a cookie")
        .split(';')
        .next()
        .expect("name=value")
        .to_owned();
    let form = client
        .get(format!("{}/checkout", app.base))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("checkout")
        .text()
        .await
        .expect("html");
    let key = form
        .split("name=\"key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's key")
        .to_owned();
    let mut body: Vec<(&str, &str)> = fields.to_vec();
    body.push(("key", &key));
    let placed = client
        .post(format!("{}/checkout", app.base))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, FORM)
        .body(encode(&body))
        .send()
        .await
        .expect("checkout sent");
    assert_eq!(
        placed.status(),
        StatusCode::SEE_OTHER,
        "{:?}",
        placed.text().await
    );
    placed.headers()[LOCATION]
        .to_str()
        .expect("a location")
        .to_owned()
}

/// The parts of an order a manager works with, without what differs between any two orders.
fn comparable(order: &Value) -> Value {
    let mut order = order.clone();
    for volatile in [
        "number",
        "channel",
        "customer",
        "timeline",
        "link_token",
        "placed_at",
        "updated_at",
    ] {
        order[volatile] = Value::Null;
    }
    order
}

#[tokio::test]
async fn a_storefront_order_looks_like_an_api_order_in_the_back_office() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _) = app.place(order_body()).await;
        let api = app.get_ok(&format!("/orders/{number}")).await;

        let location = buy_through_the_storefront(
            &app,
            &[
                ("name", "Berit Dahl"),
                ("phone", "913 45 678"),
                ("email", "berit@example.no"),
                ("method", "courier"),
                ("address_line", "Storgata 1"),
                ("postcode", "0155"),
                ("city", "Oslo"),
                ("country", "NO"),
                ("payment_mode", "on_delivery"),
                ("note_line", "gift wrap, please"),
                ("note", "ring the bell twice"),
            ],
        )
        .await;
        let token = location
            .strip_prefix("/o/")
            .and_then(|rest| rest.split('?').next())
            .expect("the order's own page");
        let (stored, _) = app.shop.order_by_link(token).await.expect("the order");
        let storefront = app.get_ok(&format!("/orders/{stored}")).await;

        assert_eq!(storefront["channel"], json!("storefront"));
        assert_eq!(storefront["customer"]["name"], json!("Berit Dahl"));
        assert_eq!(storefront["customer"]["phone"], json!("+4791345678"));
        assert_eq!(comparable(&storefront), comparable(&api));
        assert_eq!(timeline_kinds(&storefront), timeline_kinds(&api));
        // The order list shows both alike, each with its channel.
        let listed = app.get_ok("/orders").await;
        let channels: Vec<(i64, &str)> = listed
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|o| Some((o["number"].as_i64()?, o["channel"].as_str()?)))
            .collect();
        assert!(channels.contains(&(stored, "storefront")), "{channels:?}");
        assert!(channels.contains(&(number, "api")), "{channels:?}");
    })
    .await;
}

#[tokio::test]
async fn the_checkout_names_a_mistake_while_it_is_typed() {
    // CK-1: what htmx asks as the buyer leaves a field; only fields already filled are judged.
    on_each_backend(|app: TestApp| async move {
        let fields = [
            ("name", "Dag Lund"),
            ("method", "courier"),
            ("address_line", "912 34 567"),
            ("email", ""),
        ];
        let answer = app
            .client
            .post(format!("{}/checkout/check", app.base))
            .header(CONTENT_TYPE, FORM)
            .body(encode(&fields))
            .send()
            .await
            .expect("check");
        assert_eq!(answer.status(), StatusCode::OK);
        let html = answer.text().await.expect("html");
        assert!(
            html.contains(
                "Street and house: this holds a phone number; write the street and house here."
            ),
            "{html}"
        );
        // The contact fields are still empty: nothing said about them yet.
        assert!(!html.contains("Phone"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn a_back_in_stock_request_follows_the_person_when_two_cards_become_one() {
    // ST-4 with IN-3: the request made before the first order belongs to the merged card and
    // is still answered.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-L", "WH1", 0, "A-01-2").await;
        app.shop
            .ask_back_in_stock("SOCK-L", "ola@example.no", "en")
            .await
            .expect("asked");
        let (number, order) = app.place(order_body()).await;
        let kept = order["customer"]["id"].as_i64().expect("a card");
        let other: i64 =
            sqlx::query_scalar("SELECT customer_id FROM customer_contacts WHERE value = $1")
                .bind("ola@example.no")
                .fetch_one(app.shop.store().pool())
                .await
                .expect("the request's card");
        assert_ne!(kept, other, "order {number}");
        app.post_ok(
            &format!("/customers/{kept}/merge"),
            json!({"other": other}),
            StatusCode::OK,
        )
        .await;
        app.set_stock("SOCK-L", "WH1", 3, "A-01-2").await;
        let told = app.get_ok(&format!("/messages?customer={kept}")).await;
        let templates: Vec<&str> = told
            .as_array()
            .expect("messages")
            .iter()
            .filter_map(|m| m["template"].as_str())
            .collect();
        assert!(templates.contains(&"back_in_stock"), "{templates:?}");
    })
    .await;
}
