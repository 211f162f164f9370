//! An order from the storefront is an order like any other: the same intake, checks, promise,
//! reservations and timeline as one sent through the API, with channel `storefront` (IN-1).
//! Search finds words whatever their case, in every alphabet; old carts go in the night.

use jiff::SignedDuration;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use serde_json::{Value, json};

use crate::helpers::{FORM, TestApp, encode, on_each_backend, order_body, timeline_kinds};

/// A client that stops at redirects, as the tests read where a form leads.
pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Puts two pairs of socks in a new cart; returns the cart's cookie, `name=value`.
pub(crate) async fn fill_a_cart(app: &TestApp) -> String {
    put_in_cart(app, "SOCK-M", "2").await
}

/// Puts units of a SKU in a new cart; returns the cart's cookie, `name=value`.
pub(crate) async fn put_in_cart(app: &TestApp, sku: &str, quantity: &str) -> String {
    let added = browser()
        .post(format!("{}/cart", app.base))
        .header(CONTENT_TYPE, FORM)
        .body(encode(&[
            ("sku", sku),
            ("quantity", quantity),
            ("op", "add"),
        ]))
        .send()
        .await
        .expect("add to cart");
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    added.headers()[SET_COOKIE]
        .to_str()
        .expect("a cookie")
        .split(';')
        .next()
        .expect("name=value")
        .to_owned()
}

/// The storefront's page at `path` for the visitor with the cart of `cookie`.
pub(crate) async fn page_with_cart(app: &TestApp, cookie: &str, path: &str) -> String {
    browser()
        .get(format!("{}{path}", app.base))
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("checkout")
        .text()
        .await
        .expect("html")
}

/// Sends the checkout of `page` for the cart of `cookie`, with its key and these `fields`.
pub(crate) async fn send_checkout(
    app: &TestApp,
    cookie: &str,
    page: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let key = page
        .split("name=\"key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's key")
        .to_owned();
    let mut body: Vec<(&str, &str)> = fields.to_vec();
    body.push(("key", &key));
    browser()
        .post(format!("{}/checkout", app.base))
        .header(COOKIE, cookie)
        .header(CONTENT_TYPE, FORM)
        .body(encode(&body))
        .send()
        .await
        .expect("checkout sent")
}

/// Who a visitor is and where the parcel goes, as typed at the checkout.
pub(crate) const BERIT_IN_OSLO: [(&str, &str); 7] = [
    ("name", "Berit Dahl"),
    ("phone", "913 45 678"),
    ("email", "berit@example.no"),
    ("method", "courier"),
    ("address_line", "Storgata 1"),
    ("postcode", "0155"),
    ("city", "Oslo"),
];

/// Buys through the storefront's forms, as a browser without JavaScript would: add to the
/// cart, open the checkout for its key, send it. Returns where the checkout led.
async fn buy_through_the_storefront(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let cookie = fill_a_cart(app).await;
    let page = page_with_cart(app, &cookie, "/checkout").await;
    let placed = send_checkout(app, &cookie, &page, fields).await;
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

        let more = [
            ("country", "NO"),
            ("payment_mode", "on_delivery"),
            ("note_line", "gift wrap, please"),
            ("note", "ring the bell twice"),
        ];
        let fields: Vec<_> = BERIT_IN_OSLO.iter().chain(&more).copied().collect();
        let location = buy_through_the_storefront(&app, &fields).await;
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

/// Product titles on a catalogue page of the search for `words`.
async fn found(app: &TestApp, words: &str) -> Vec<String> {
    let (status, html) = app.page(&format!("/?{}", encode(&[("q", words)]))).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    [
        "Wool socks",
        "Blanket",
        "Платье летнее",
        "Panne for æbleskiver",
        "Шерстяной ШАРФ",
    ]
    .into_iter()
    .filter(|title| html.contains(&format!(">{title}<")))
    .map(str::to_owned)
    .collect()
}

#[tokio::test]
async fn search_finds_words_whatever_their_case_in_cyrillic_and_norwegian() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        for (title, description, sku) in [
            ("Платье летнее", "Лёгкое платье из льна.", "DRESS-1"),
            (
                "Panne for æbleskiver",
                "Støpejern; gir sju runde æbleskiver.",
                "PAN-1",
            ),
        ] {
            app.post_ok(
                "/products",
                json!({"title": title, "description": description, "category": "other",
                       "variants": [{"sku": sku, "options": {}, "price_minor": 49900}]}),
                StatusCode::CREATED,
            )
            .await;
        }
        assert_eq!(found(&app, "ПЛАТЬЕ").await, ["Платье летнее"]);
        assert_eq!(found(&app, "лЁгкое").await, ["Платье летнее"]);
        assert_eq!(found(&app, "ÆBLESKIVER").await, ["Panne for æbleskiver"]);
        assert_eq!(found(&app, "STØPEJERN").await, ["Panne for æbleskiver"]);
        assert_eq!(found(&app, "WOOL").await, ["Wool socks", "Blanket"]);
        // LIKE's wildcards are letters like any other: nobody wrote a percent sign.
        assert!(found(&app, "%").await.is_empty());

        // A product written before the search text existed is found once the startup fill
        // has run.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO products (title, description, category, created_at) \
             VALUES ('Шерстяной ШАРФ', 'Тёплый.', 'other', 0) RETURNING id",
        )
        .fetch_one(app.shop.store().pool())
        .await
        .expect("an old row");
        sqlx::query(
            "INSERT INTO variants (product_id, sku, options, price_minor, weight_grams) \
             VALUES ($1, 'SCARF-1', '{}', 29900, 200)",
        )
        .bind(id)
        .execute(app.shop.store().pool())
        .await
        .expect("its variant");
        app.shop.store().migrate().await.expect("startup");
        assert_eq!(found(&app, "шарф").await, ["Шерстяной ШАРФ"]);
    })
    .await;
}

/// The carts kept, by their cookies' tokens.
async fn carts(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT token FROM carts ORDER BY updated_at")
        .fetch_all(app.shop.store().pool())
        .await
        .expect("carts")
}

/// Daily clean-ups waiting to run, by when.
async fn clean_ups(app: &TestApp) -> Vec<i64> {
    let mut conn = app.shop.store().read().await.expect("connection");
    store::jobs::list(&mut conn, "queued", 1000)
        .await
        .expect("jobs")
        .into_iter()
        .filter(|j| j.kind == "expire_carts")
        .map(|j| j.run_at)
        .collect()
}

#[tokio::test]
async fn carts_nobody_touched_for_the_set_days_go_in_the_nightly_clean_up() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let token = |cookie: String| cookie.split_once('=').expect("name=value").1.to_owned();
        let old = token(fill_a_cart(&app).await);
        app.clock.advance(SignedDuration::from_hours(24 * 20));
        let recent = token(fill_a_cart(&app).await);
        // Two workers start: one clean-up is scheduled, at 03:00 in the shop's time zone.
        app.shop.schedule_daily_jobs().await.expect("scheduled");
        app.shop
            .schedule_daily_jobs()
            .await
            .expect("scheduled again");
        let night: jiff::Timestamp = "2026-03-23T02:00:00Z".parse().expect("a time");
        assert_eq!(clean_ups(&app).await, [night.as_millisecond()]);

        // Eleven days on: the first cart is 31 days old, past the 30 the shop keeps.
        app.clock.advance(SignedDuration::from_hours(24 * 11));
        app.run_jobs().await;
        assert_eq!(carts(&app).await, std::slice::from_ref(&recent));
        // The next night is scheduled once (Oslo is on summer time by then).
        let next: jiff::Timestamp = "2026-04-03T01:00:00Z".parse().expect("a time");
        assert_eq!(clean_ups(&app).await, [next.as_millisecond()]);
        app.run_jobs().await;
        assert_eq!(carts(&app).await, [recent]);

        // The owner keeps carts ten days: the next night the other goes too.
        app.configure(|s| s["storefront"]["cart_days"] = json!(10))
            .await;
        app.clock.advance(SignedDuration::from_hours(24));
        app.run_jobs().await;
        assert!(carts(&app).await.is_empty());
        // A visitor coming back with the old cookie finds an empty cart, not an error.
        let cart = browser()
            .get(format!("{}/cart", app.base))
            .header(COOKIE, format!("sd_cart={old}"))
            .send()
            .await
            .expect("cart");
        assert_eq!(cart.status(), StatusCode::OK);
        assert!(
            cart.text()
                .await
                .expect("html")
                .contains("Your cart is empty.")
        );
    })
    .await;
}

#[tokio::test]
async fn a_coupon_typed_at_the_checkout_takes_its_share_off_and_a_wrong_one_names_the_field() {
    // AS-4, AF-8: the code from a packing slip or a birthday greeting is used at the checkout.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        crate::coupons::give(&app, "GIFT-1", 10, false, None).await;
        let typed = app::storefront::Checkout {
            coupon: "GIFT-2".into(),
            ..Default::default()
        };
        let problems = app.shop.checkout_problems(&typed).await.expect("checked");
        let coupon = problems.iter().find(|p| p.field == "coupon");
        assert_eq!(coupon.map(|p| p.code.as_str()), Some("coupon_unknown"));

        let location = buy_through_the_storefront(
            &app,
            &[
                ("name", "Berit Dahl"),
                ("phone", "913 45 678"),
                ("method", "courier"),
                ("address_line", "Storgata 1"),
                ("postcode", "0155"),
                ("city", "Oslo"),
                ("payment_mode", "on_delivery"),
                ("coupon", "gift-1"),
            ],
        )
        .await;
        let token = location
            .strip_prefix("/o/")
            .and_then(|rest| rest.split('?').next())
            .expect("the order's own page");
        let (number, _) = app.shop.order_by_link(token).await.expect("the order");
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let subtotal = order["subtotal"]["amount_minor"]
            .as_i64()
            .expect("subtotal");
        assert_eq!(order["discount"]["amount_minor"], subtotal / 10);
    })
    .await;
}
