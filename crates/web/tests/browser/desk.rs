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

#[tokio::test]
async fn a_manager_takes_a_phone_order_for_a_returning_customer() {
    // IN-1, IN-2, IN-3: found by the phone as the customer says it, two lines with a note, the
    // same intake, and the new order opens with its channel in words.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let first = app.place("Anna Berg", "+4791234567").await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.goto(&app.url("/admin/orders")).await;
        browser.click("#new-phone-order").await;
        browser.fill("input[name=find]", "912 34 567").await;
        browser.click("#find").await;
        browser.click("#found button").await;
        let card = browser.text("#card").await;
        assert!(card.contains("Storgata 1"), "{card}");
        assert!(card.contains(&format!("#{first}")), "{card}");

        browser.fill("#lines input[name=sku]", "SOCK-M").await;
        browser.fill("#lines input[name=line_note]", "grey").await;
        browser.click("#add-line").await;
        // The page came back with the first line as typed and a new one to fill.
        browser
            .client
            .wait()
            .for_element(fantoccini::Locator::XPath(
                "(//*[@id='lines']//input[@name='sku'])[2]",
            ))
            .await
            .expect("a second line to fill");
        let skus = browser
            .client
            .find_all(fantoccini::Locator::Css("#lines input[name=sku]"))
            .await
            .expect("lines");
        assert_eq!(skus.len(), 2);
        skus[1].send_keys("SOCK-L").await.expect("typed");
        for (select, value) in [("method", "courier"), ("payment_mode", "on_delivery")] {
            browser
                .find(&format!("select[name={select}]"))
                .await
                .select_by_value(value)
                .await
                .expect("chosen");
        }
        browser.click("#place").await;

        browser.page_says("is placed.").await;
        let customer = browser.text(".tiles").await;
        assert!(customer.contains("Phone order"), "{customer}");
        let items = browser.text("table.list").await;
        assert!(
            items.contains("SOCK-M") && items.contains("SOCK-L"),
            "{items}"
        );
        assert!(items.contains("grey"), "{items}");
        // The returning customer's card, not a new one (IN-3).
        let cards = app
            .shop
            .customers(&app::access::Actor::system(), "", 10, 0)
            .await
            .expect("cards");
        assert_eq!(cards.len(), 1);
        browser.close().await;
    })
    .await;
}
