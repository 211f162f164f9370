//! Reviews and the courier's rating as the customer and the shop use them: the review request's
//! link from the outbox opens the order page's review form (AF-4); the manager answers and
//! publishes on /admin/reviews and the product page shows the review with the answer (AF-5); a
//! negative review answered with the one-click coupon, whose code works at the next checkout;
//! the "delivered" message's link rates the courier, whose bonus grows (DL-7).

use app::access::Actor;
use app::fulfilment::{CourierDelivery, HandOverInput, NewCourier, PackInput};
use domain::access::Role;
use domain::orders::Command;
use jiff::SignedDuration;
use serde_json::json;

use crate::helpers::{Browser, TestApp, on_each_backend};
use crate::storefront::{address, fill_checkout, stock_the_shop, to_checkout};

/// Places an order of these SKUs for Anna, who agreed to hear from the shop and pays on
/// delivery, packs it and answers its number.
async fn ordered(app: &TestApp, email: &str, skus: &[&str], delivery: serde_json::Value) -> i64 {
    let lines: Vec<_> = skus
        .iter()
        .map(|s| json!({"sku": s, "quantity": 1}))
        .collect();
    let input = serde_json::from_value(json!({
        "channel": "storefront",
        "customer": {"name": "Anna Berg", "email": email, "preferred_channel": "email", "marketing_consent": true},
        "delivery": delivery,
        "payment_mode": "on_delivery",
        "lines": lines,
    }))
    .expect("an order");
    let number = app
        .shop
        .place_order(&input, None, &Actor::system())
        .await
        .expect("placed")
        .order
        .number;
    let system = Actor::system();
    if app.shop.order(number).await.expect("order").stage == "confirming" {
        app.shop
            .act(number, Command::Confirm, &system, None)
            .await
            .expect("confirmed");
    }
    for sku in skus {
        app.shop.scan(&system, number, sku).await.expect("scan");
    }
    let parcel = PackInput {
        packaging: "small box".into(),
        weight_grams: 400,
    };
    app.shop.pack(&system, number, &parcel).await.expect("pack");
    number
}

/// Collected at the shop's counter.
async fn collected(app: &TestApp, email: &str, skus: &[&str]) -> i64 {
    let number = ordered(app, email, skus, json!({"method": "store_pickup"})).await;
    app.shop
        .act(number, Command::Deliver, &Actor::system(), None)
        .await
        .expect("delivered");
    number
}

/// The link in the text of the order's message with this template, as the outbox keeps it.
async fn link_in_outbox(app: &TestApp, number: i64, template: &str, anchor: &str) -> String {
    // The first run queues what is due, the second renders and keeps it in the outbox.
    app.run_jobs().await;
    app.run_jobs().await;
    let text: String = sqlx::query_scalar(
        "SELECT body FROM messages WHERE order_id = $1 AND template = $2 AND body IS NOT NULL",
    )
    .bind(number)
    .bind(template)
    .fetch_one(app.shop.store().pool())
    .await
    .unwrap_or_else(|e| panic!("no {template} in the outbox: {e}"));
    text.split_whitespace()
        .find(|w| w.starts_with(&app.base) && w.ends_with(anchor))
        .unwrap_or_else(|| panic!("no link ending {anchor} in: {text}"))
        .to_owned()
}

async fn review_id(app: &TestApp, title: &str) -> i64 {
    let paging = app::listing::Paging::parse(None, None).expect("paging");
    app.shop
        .reviews(&Actor::system(), None, paging)
        .await
        .expect("reviews")
        .into_iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no review of {title}"))
        .id
}

/// The customer's review of a line on the order page.
async fn write_review(browser: &Browser, line: i64, stars: i64, text: &str) {
    let form = format!("#review-{line}");
    browser
        .click(&format!("{form} input[name=stars][value='{stars}']"))
        .await;
    browser
        .fill(&format!("{form} textarea[name=text]"), text)
        .await;
    browser.click(&format!("{form} button")).await;
    browser
        .page_says("Thank you! Your review will appear once the shop has read it.")
        .await;
}

#[tokio::test]
async fn a_customer_reviews_two_items_from_the_request_and_reads_the_shops_answer_on_the_product_page()
 {
    on_each_backend(|app: TestApp| async move {
        let sweater = stock_the_shop(&app).await;
        let email = address("anna", &app);
        let number = collected(&app, &email, &["SWEATER-GREY-M", "SOCKS-M"]).await;
        // AF-4: the request goes ten days after delivery, by default.
        app.clock.advance(SignedDuration::from_hours(24 * 11));
        let link = link_in_outbox(&app, number, "review_request", "#review").await;

        let browser = Browser::open().await;
        browser.goto(&link).await;
        browser.find("#review").await;
        write_review(&browser, 1, 5, "Warm, soft and the right size.").await;
        write_review(&browser, 2, 4, "Good socks.").await;

        let manager = app.person(Role::Manager).await;
        browser.log_in_as(&app, &manager).await;
        browser.goto(&app.url("/admin/reviews")).await;
        let id = review_id(&app, "Wool sweater").await;
        let card = format!("#review-{id}");
        browser.page_says("waits for an answer").await;
        browser
            .fill(
                &format!("{card} textarea[name=text]"),
                "Thank you, Anna! Enjoy it.",
            )
            .await;
        browser
            .click(&format!("{card} .answer-form button.primary"))
            .await;
        browser
            .page_says("The answer about Wool sweater is on its way to the author.")
            .await;
        browser.click(&format!("{card} .publish-form button")).await;
        browser
            .page_says("The review of Wool sweater is on the product page.")
            .await;

        browser
            .goto(&app.url(&format!("/products/{sweater}")))
            .await;
        browser.page_says("Warm, soft and the right size.").await;
        browser
            .page_says("Fjord & Thread answers: Thank you, Anna! Enjoy it.")
            .await;
        assert_eq!(browser.text("#rating").await, "5 of 5 · 1 review");
        let source = browser.client.source().await.expect("the page's source");
        assert!(
            source.contains(r#""@type":"AggregateRating""#)
                && source.contains(r#""@type":"Product""#),
            "{source}"
        );
        browser.goto(&app.url("/")).await;
        browser.page_says("5 of 5 · 1 review").await;
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_two_star_review_answered_with_the_one_click_coupon_whose_code_works_at_checkout() {
    on_each_backend(|app: TestApp| async move {
        let sweater = stock_the_shop(&app).await;
        let email = address("anna", &app);
        let number = collected(&app, &email, &["SWEATER-GREY-M"]).await;
        app.clock.advance(SignedDuration::from_hours(24 * 11));
        let link = link_in_outbox(&app, number, "review_request", "#review").await;
        let browser = Browser::open().await;
        browser.goto(&link).await;
        write_review(&browser, 1, 2, "Too small for an M.").await;

        let manager = app.person(Role::Manager).await;
        browser.log_in_as(&app, &manager).await;
        browser.goto(&app.url("/admin/reviews")).await;
        let card = format!("#review-{}", review_id(&app, "Wool sweater").await);
        browser
            .fill(
                &format!("{card} textarea[name=text]"),
                "We are sorry: our size chart was wrong.",
            )
            .await;
        browser
            .click(&format!(
                "{card} select[name=cause] option[value=size_chart]"
            ))
            .await;
        browser.click(&format!("{card} button.recovery")).await;
        browser.page_says("Coupon sent with the answer: RV").await;
        browser.page_says("Size chart").await;

        app.run_jobs().await;
        let answer: String = sqlx::query_scalar(
            "SELECT body FROM messages WHERE order_id = $1 AND template = 'review_answer'",
        )
        .bind(number)
        .fetch_one(app.shop.store().pool())
        .await
        .expect("the answer in the outbox");
        let code = answer
            .split_whitespace()
            .find(|w| w.starts_with("RV"))
            .unwrap_or_else(|| panic!("no coupon in: {answer}"))
            .to_owned();
        assert!(answer.contains("10% off your next order"), "{answer}");

        to_checkout(&browser, &app, sweater, "SWEATER-GREY-S").await;
        fill_checkout(&browser, &email).await;
        browser.fill("input[name=coupon]", &code).await;
        browser.click("#place-order").await;
        browser.find("#thanks").await;
        let discounted: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM coupons WHERE code = $1 AND used_by_order IS NOT NULL",
        )
        .bind(&code)
        .fetch_one(app.shop.store().pool())
        .await
        .expect("the coupon");
        assert_eq!(discounted, 1, "the next order used the coupon");
        browser.page_says("Wool sweater").await;
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_courier_is_rated_from_the_delivered_messages_link_and_their_bonus_grows() {
    on_each_backend(|app: TestApp| async move {
        stock_the_shop(&app).await;
        let system = Actor::system();
        let courier = NewCourier {
            name: "Jonas Lie".into(),
            phone: "934 12 876".into(),
            user_id: None,
        };
        let courier = app
            .shop
            .create_courier(&system, &courier)
            .await
            .expect("a courier")
            .id;
        let email = address("anna", &app);
        let delivery = json!({"method": "courier", "address": {"line": "Storgata 1", "city": "Oslo", "postcode": "0155", "country": "NO"}});
        let number = ordered(&app, &email, &["SOCKS-M"], delivery).await;
        let hand_over = HandOverInput {
            tracking_number: None,
            courier_id: Some(courier),
        };
        app.shop
            .hand_over(&system, number, &hand_over)
            .await
            .expect("with the courier");
        let total = app.shop.order(number).await.expect("order").total.amount_minor;
        let paid = CourierDelivery {
            cash_minor: Some(total),
            receipt_number: Some("R-1".into()),
        };
        app.shop
            .courier_delivered(&system, number, &paid)
            .await
            .expect("delivered");
        let link = link_in_outbox(&app, number, "delivered", "#rate").await;

        let browser = Browser::open().await;
        browser.goto(&link).await;
        browser.page_says("Rate your courier").await;
        browser.click("#rate input[name=stars][value='5']").await;
        browser
            .fill("#rate textarea[name=comment]", "Called ahead, very polite.")
            .await;
        browser.click("#rate button").await;
        browser
            .page_says("Thank you for rating the delivery: 5 of 5.")
            .await;
        let bonus = app
            .shop
            .couriers(&system)
            .await
            .expect("couriers")
            .into_iter()
            .find(|c| c.id == courier)
            .expect("the courier")
            .bonus;
        let settings = app.shop.settings().await.expect("settings");
        assert!(settings.fulfilment.courier_bonus_minor > 0);
        assert_eq!(bonus.amount_minor, settings.fulfilment.courier_bonus_minor);
        browser.close().await;
    })
    .await;
}
