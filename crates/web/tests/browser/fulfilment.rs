//! The packing station and the courier's phone: a packer checks every unit with the scanner
//! (AS-1), packs with the inserts the rules call for (AS-3, AS-4) and hands over; a courier
//! delivers their own route, takes the cash with a receipt and hands it in, and the owner sees
//! the day reconciled (DL-7, PY-5).

use app::access::Actor;
use app::fulfilment::{HandOverInput, NewCourier, PackInput};
use domain::access::Role;
use fantoccini::key::Key;

use crate::helpers::{Browser, TestApp, on_each_backend};

/// Types a code into the scan field and presses Enter, as a barcode scanner does.
async fn scan(browser: &Browser, code: &str) {
    let field = browser.find("#scan-code").await;
    field
        .send_keys(&format!("{code}{}", char::from(Key::Enter)))
        .await
        .expect("type");
}

#[tokio::test]
async fn a_packer_checks_every_unit_packs_and_hands_over() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let number = app.place("Anna Berg", "912 34 567").await;
        let courier = NewCourier {
            name: "Jonas Lie".into(),
            phone: "934 12 876".into(),
            user_id: None,
        };
        app.shop
            .create_courier(&Actor::system(), &courier)
            .await
            .expect("a courier");
        let packer = app.person(Role::Packer).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &packer).await;

        // ST-3: the pick list by bin, with the size and the buyer's note.
        let pick = browser.text("#pick-list").await;
        for what in ["A-01", "Wool socks", "size: M", "grey, please"] {
            assert!(
                pick.contains(what),
                "{what} missing from the pick list: {pick}"
            );
        }
        browser
            .click(&format!("#to-pack a[href='/admin/packing/{number}']"))
            .await;
        // The scanner types into the field at once: it takes the focus as the page loads.
        browser.find("#scan-code:focus").await;

        // AS-1: the wrong size is refused in red, with what is wrong; nothing counts.
        scan(&browser, "7000000000027").await;
        let refused = browser.text("#scan-result.scan-bad").await;
        assert!(
            refused.contains("Wrong item: put it back.")
                && refused.contains("wrong size or colour for line 1: it wants M, this is L"),
            "{refused}"
        );
        assert_eq!(browser.text("#units-left").await, "2 units left to check.");
        scan(&browser, "NO-SUCH-CODE").await;
        browser.page_says("unknown code").await;

        // The right unit, by its barcode: green, and the count goes down.
        scan(&browser, "7000000000010").await;
        let accepted = browser.text("#scan-result.scan-ok").await;
        assert!(
            accepted.contains("Right item. One unit left."),
            "{accepted}"
        );
        scan(&browser, "SOCK-M").await;
        browser
            .page_says("Right item. The order is complete.")
            .await;
        browser
            .page_says("Every unit is checked: pack the parcel.")
            .await;

        // AS-3, AS-4: the first order gets the thank-you postcard.
        let pack = browser.text("#pack").await;
        assert!(pack.contains("thank-you postcard"), "{pack}");
        browser.fill("input[name=weight_grams]", "450").await;
        browser.click("#pack button").await;
        browser
            .page_says(&format!("Order #{number} is packed."))
            .await;
        assert_eq!(browser.text("#stage").await, "Ready");
        browser.find("#parcel a[href$='/slip']").await;

        browser.click("#hand-over button").await;
        browser
            .page_says(&format!("Order #{number} is handed over."))
            .await;
        assert_eq!(browser.text("#stage").await, "In transit");

        // The slip for the parcel carries the shop's contacts.
        browser
            .goto(&app.url(&format!("/admin/packing/{number}/slip")))
            .await;
        let slip = browser.text("main").await;
        assert!(
            slip.contains("Anna Berg") && slip.contains("thank-you postcard"),
            "{slip}"
        );
        browser.close().await;
    })
    .await;
}

/// Checks, packs and hands an order to a courier through the use cases.
async fn out_with(app: &TestApp, number: i64, courier: i64) {
    let system = Actor::system();
    for _ in 0..2 {
        app.shop
            .scan(&system, number, "SOCK-M")
            .await
            .expect("scan");
    }
    let parcel = PackInput {
        packaging: "small box".into(),
        weight_grams: 400,
    };
    app.shop.pack(&system, number, &parcel).await.expect("pack");
    let hand_over = HandOverInput {
        tracking_number: None,
        courier_id: Some(courier),
    };
    app.shop
        .hand_over(&system, number, &hand_over)
        .await
        .expect("hand over");
}

#[tokio::test]
async fn a_courier_delivers_their_route_and_the_cash_reconciles() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let courier_login = app.person(Role::Courier).await;
        let user = app
            .shop
            .users(&Actor::system())
            .await
            .expect("users")
            .into_iter()
            .find(|u| u.email == courier_login.email)
            .expect("the courier's user");
        let system = Actor::system();
        let mut couriers = Vec::new();
        for (name, phone, user_id) in [
            ("Jonas Lie", "934 12 876", Some(user.id)),
            ("Kari Vik", "934 12 877", None),
        ] {
            let input = NewCourier {
                name: name.into(),
                phone: phone.into(),
                user_id,
            };
            couriers.push(
                app.shop
                    .create_courier(&system, &input)
                    .await
                    .expect("courier")
                    .id,
            );
        }
        let annas = app.place("Anna Berg", "912 34 567").await;
        let olas = app.place("Ola Nordmann", "913 00 000").await;
        out_with(&app, annas, couriers[0]).await;
        out_with(&app, olas, couriers[1]).await;

        let browser = Browser::open().await;
        // DL-7 on a phone: the courier's page fits 390 pixels.
        browser
            .client
            .set_window_size(390, 844)
            .await
            .expect("phone width");
        browser.log_in_as(&app, &courier_login).await;
        let route = browser.text("ol.stops").await;
        assert!(
            route.contains("Anna Berg") && route.contains("Storgata 1"),
            "{route}"
        );
        assert!(
            !route.contains("Ola Nordmann"),
            "only Jonas's own route: {route}"
        );
        browser
            .find(&format!("#stop-{annas} a[href='tel:+4791234567']"))
            .await;
        browser
            .find(&format!(
                "#stop-{annas} a[href^='https://www.openstreetmap.org/search?query=Storgata']"
            ))
            .await;
        let fits = browser
            .client
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                Vec::new(),
            )
            .await
            .expect("script");
        assert_eq!(fits, true, "nothing sticks out sideways at phone width");
        let deliver = browser
            .find(&format!("#stop-{annas} form.deliver button"))
            .await;
        assert!(deliver.is_displayed().await.expect("displayed"));

        browser
            .click(&format!("#stop-{annas} button.on-the-way"))
            .await;
        browser
            .page_says(&format!(
                "Order #{annas}: the customer is told you are on your way."
            ))
            .await;

        // PY-5: the cash due is filled in; the receipt number is the courier's.
        let cash = browser
            .find(&format!("#stop-{annas} input[name=cash]"))
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        assert!(!cash.is_empty() && cash != "0.00", "{cash}");
        browser
            .fill(
                &format!("#stop-{annas} input[name=receipt_number]"),
                "R-100",
            )
            .await;
        browser
            .click(&format!("#stop-{annas} form.deliver button"))
            .await;
        browser
            .page_says(&format!("Order #{annas} is delivered."))
            .await;

        browser
            .goto(&app.url(&format!("/admin/courier/{annas}/receipt")))
            .await;
        assert_eq!(browser.text("#receipt-number").await, "R-100");
        // Another courier's delivery is refused to this login, even typed by hand.
        browser
            .goto(&app.url(&format!("/admin/courier/{olas}/receipt")))
            .await;
        browser
            .page_says("Your role may not open this page or do this.")
            .await;

        browser.goto(&app.url("/admin/courier")).await;
        let held = browser.text("#held").await;
        assert!(
            held.starts_with(&cash),
            "{held} held after collecting {cash}"
        );
        browser.click("#cash button").await;
        browser.page_says("The cash is handed in.").await;
        assert!(browser.text("#held").await.starts_with("0.00"));
        browser.client.delete_all_cookies().await.expect("log out");

        let owner = app.person(Role::Owner).await;
        browser.log_in_as(&app, &owner).await;
        browser.click("nav.nav a[href='/admin/cash']").await;
        assert_eq!(
            browser.text("#balance").await,
            "Everything adds up: no gap."
        );
        let per_order = browser.text("#per-order").await;
        assert!(
            per_order.contains("R-100") && per_order.contains("Jonas Lie"),
            "{per_order}"
        );
        assert!(!per_order.contains("gap"), "{per_order}");

        // The dashboard: the parcel came within its window (DL-5) and the cash adds up.
        browser.click("nav.nav a[href='/admin/dashboard']").await;
        let on_time = browser.text("#on-time").await;
        assert!(
            on_time.contains("100% delivered by the promised day"),
            "{on_time}"
        );
        assert_eq!(
            browser.text("#cash-gaps p").await,
            "The last week's cash adds up."
        );
        browser.close().await;
    })
    .await;
}
