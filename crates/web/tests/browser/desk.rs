//! The manager's desk: an order's details fixed from a call, and orders taken by phone.

use domain::access::Role;
use serde_json::json;

use crate::helpers::{Browser, TestApp, on_each_backend, order_body};

#[tokio::test]
async fn a_call_fixes_a_phone_number_typed_in_the_address_in_the_address_itself() {
    // CK-1, CF-1: "confirmed with changes" opens the order's edit form; the fix lands in the
    // address, the timeline says from what to what, and the call is recorded.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body("Kari Nordmann", "+47 934 56 789");
        body["delivery"]["address"]["line"] = json!("934 56 789");
        let input = serde_json::from_value(body).expect("an order");
        let number = app
            .shop
            .place_order(&input, None, &app::access::Actor::system())
            .await
            .expect("placed")
            .order
            .number;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.click("nav.nav a[href='/admin/calls']").await;
        browser.click("#next-call #with-changes").await;

        // A phone number again is refused, naming the field, with what was typed kept.
        browser
            .fill("#details-form input[name=line]", "+47 934 56 789")
            .await;
        browser.click("#details-form button.primary").await;
        let why = browser.text("#details-refusal").await;
        assert!(why.contains("Street and house number"), "{why}");
        assert!(why.contains("phone number"), "{why}");

        browser
            .fill("#details-form input[name=line]", "Kirkegata 5")
            .await;
        browser.click("#details-form button.primary").await;
        browser
            .page_says(&format!(
                "Order #{number}: Confirmed with changes recorded."
            ))
            .await;
        let delivery = browser.text("#delivery").await;
        assert!(
            delivery.contains("Kirkegata 5, 0155 Oslo, NO"),
            "{delivery}"
        );
        let timeline = browser.text("ol.timeline").await;
        assert!(
            timeline.contains("Address: 934 56 789, 0155 Oslo, NO → Kirkegata 5, 0155 Oslo, NO"),
            "{timeline}"
        );
        assert!(timeline.contains("Call made"), "{timeline}");
        browser.close().await;
    })
    .await;
}
