//! PY-3 and AF-1 on the order page: a payment recorded twice is voided with its reason, and a
//! manager refunds two of three lines, as sold, by the way the money came.

use app::access::Actor;
use app::orders::NewPayment;
use domain::access::Role;
use fantoccini::Locator;
use serde_json::json;

use crate::helpers::{Browser, TestApp, on_each_backend, order_body};

#[tokio::test]
async fn a_manager_voids_a_payment_recorded_twice_and_refunds_two_of_three_lines() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let system = Actor::system();
        let stock = serde_json::from_value(json!({"on_hand": 5, "bin": "A-02"})).expect("stock");
        app.shop
            .set_stock(&system, "SOCK-L", "WH1", &stock)
            .await
            .expect("stock");
        let mut body = order_body("Anna Berg", "912 34 567");
        body["lines"] = json!([
            {"sku": "SOCK-M", "quantity": 2},
            {"sku": "SOCK-L", "quantity": 1},
            {"sku": "SOCK-M", "quantity": 1, "note": "gift wrap"}
        ]);
        let input = serde_json::from_value(body).expect("an order");
        let order = app
            .shop
            .place_order(&input, None, &system)
            .await
            .expect("placed")
            .order;
        let number = order.number;
        let total = order.total.amount_minor;
        let paid = NewPayment::of(total, "bank_transfer", "KID 1234567");
        app.shop
            .record_payment(&system, number, &paid)
            .await
            .expect("paid");
        // The same transfer recorded again, past the balance.
        let again = NewPayment {
            overpayment: true,
            ..paid
        };
        app.shop
            .record_payment(&system, number, &again)
            .await
            .expect("recorded twice");

        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser
            .goto(&app.url(&format!("/admin/orders/{number}")))
            .await;
        let voids = browser
            .client
            .find_all(Locator::Css(".void-payment"))
            .await
            .expect("void forms");
        assert_eq!(voids.len(), 2);
        let second = &voids[1];
        second
            .find(Locator::Css("input[name=reason]"))
            .await
            .expect("reason")
            .send_keys("the same transfer twice")
            .await
            .expect("typed");
        second
            .find(Locator::Css("button"))
            .await
            .expect("button")
            .click()
            .await
            .expect("clicked");
        browser.page_says("the payment is voided").await;
        let payments = browser.text("#payments").await;
        assert!(
            payments.contains("voided") && payments.contains("the same transfer twice"),
            "{payments}"
        );

        // One pair of the two and the single pair come back: 2 × 199.00.
        browser.fill("#refund input[name=quantity-1]", "1").await;
        browser.fill("#refund input[name=quantity-2]", "1").await;
        browser
            .find("#refund select[name=method]")
            .await
            .select_by_value("bank_transfer")
            .await
            .expect("chosen");
        browser
            .fill("#refund input[name=reason]", "too small")
            .await;
        browser.click("#refund button.primary").await;
        browser.page_says("in all").await;
        let refunded = browser.text("#refunded").await;
        assert!(refunded.contains("398.00"), "{refunded}");
        let payments = browser.text("#payments").await;
        assert!(
            payments.contains("refund")
                && payments.contains("bank transfer")
                && payments.contains("too small"),
            "{payments}"
        );
        let timeline = browser.text("ol.timeline").await;
        assert!(timeline.contains("Refund made"), "{timeline}");
        // Line 1 has one pair left to give back, line 2 none.
        let left = browser.text("#refund table").await;
        assert!(left.contains("/ 1"), "{left}");

        // Goodwill above what is left is refused in words, and nothing changes.
        browser.fill("#refund input[name=amount]", "5000").await;
        browser.fill("#refund input[name=reason]", "sorry").await;
        browser.click("#refund button.primary").await;
        browser
            .page_says("That is more than was paid and not refunded yet.")
            .await;
        let after = app.shop.order(number).await.expect("order");
        assert_eq!(after.payment.refunded.amount_minor, 2 * 19900);
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_owner_connects_stripe_and_a_customer_pays_the_invoice_by_card_from_the_order_page() {
    // PY-2: the invoice's "pay on your order page" leads to a working Pay button; the money
    // arrives by Stripe's signed event and starts assembly (PY-1).
    on_each_backend(|app: TestApp| async move {
        use crate::stripe_fake::{SECRET_KEY, WEBHOOK_SECRET, fake_stripe};
        use app::Clock;
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base).await;
        let base = app.base.clone();
        app.configure(move |s| s.public_url = base).await;
        stripe.lock().expect("the fake").webhook = Some((
            format!("{}/api/v1/providers/stripe/events", app.base),
            app.clock.now().as_second(),
        ));
        app.seed_catalog().await;
        let system = Actor::system();
        let mut body = order_body("Anna Berg", "912 34 567");
        body["payment_mode"] = json!("after_confirmation");
        let input = serde_json::from_value(body).expect("an order");
        let number = app
            .shop
            .place_order(&input, None, &system)
            .await
            .expect("placed")
            .order
            .number;
        let waiting = app.shop.order(number).await.expect("order");
        assert_eq!(waiting.stage, "awaiting_payment");
        let total = waiting.total.amount_minor;
        let written = format!("{}.{:02}", total / 100, total % 100);

        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        browser.goto(&app.url("/admin/settings")).await;
        browser.click("#payments-link").await;
        for (key, value) in [
            ("#key-stripe-secret_key", SECRET_KEY),
            ("#key-stripe-webhook_secret", WEBHOOK_SECRET),
        ] {
            browser
                .fill(&format!("{key} input[name=value]"), value)
                .await;
            browser.click(&format!("{key} button.primary")).await;
            // The page came back with this key set.
            let set = format!(
                "//*[@id='{}']/p[@class='key-state'][starts-with(normalize-space(.), 'Set')]",
                key.trim_start_matches('#')
            );
            browser
                .client
                .wait()
                .for_element(Locator::XPath(&set))
                .await
                .expect("the key is set");
        }
        browser.page_says("The key is saved.").await;
        let page = browser.text("main").await;
        assert!(
            !page.contains(SECRET_KEY) && !page.contains(WEBHOOK_SECRET),
            "{page}"
        );
        assert!(browser.text("#key-stripe-secret_key").await.contains("Set"));
        assert!(
            browser
                .text("#webhook-url")
                .await
                .ends_with("/api/v1/providers/stripe/events")
        );

        let token = app
            .shop
            .order(number)
            .await
            .expect("order")
            .link_token
            .expect("a link");
        browser.goto(&app.url(&format!("/o/{token}"))).await;
        let due = browser.text("#due").await;
        assert!(due.contains(&written), "{due}");
        browser.click("#pay button").await;
        browser.page_says("Pay with card").await;
        browser.click("#stripe-pay").await;
        // Back on the order page, paid.
        browser.page_says("Paid").await;
        let paid = browser.text("#paid").await;
        assert!(paid.contains(&written), "{paid}");
        assert!(
            browser
                .client
                .find_all(Locator::Css("#pay"))
                .await
                .expect("forms")
                .is_empty()
        );
        let order = app.shop.order(number).await.expect("order");
        assert_eq!(order.stage, "assembling");
        assert_eq!(order.payment.paid.amount_minor, total);
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_visitor_pays_by_card_at_checkout_turning_back_once_and_the_order_is_placed_when_paid() {
    // PY-1: paid now means paid before the order exists; turning back on Stripe's page brings
    // the checkout back as it was sent, and nothing is placed until the money came.
    on_each_backend(|app: TestApp| async move {
        use crate::storefront::{fill_checkout, stock_the_shop, to_checkout};
        use crate::stripe_fake::{SECRET_KEY, WEBHOOK_SECRET, fake_stripe};
        use app::Clock;
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base).await;
        let product = stock_the_shop(&app).await;
        stripe.lock().expect("the fake").webhook = Some((
            format!("{}/api/v1/providers/stripe/events", app.base),
            app.clock.now().as_second(),
        ));
        let system = Actor::system();
        for (name, value) in [
            ("stripe.secret_key", SECRET_KEY),
            ("stripe.webhook_secret", WEBHOOK_SECRET),
        ] {
            app.shop
                .set_secret(&system, name, value)
                .await
                .expect("a key");
        }
        // The orders the back office lists.
        let orders = || async {
            let listed = app.shop.orders(&system, "", "", 100, 0).await;
            listed.expect("the orders").len()
        };

        let browser = Browser::open().await;
        to_checkout(&browser, &app, product, "SWEATER-GREY-M").await;
        fill_checkout(&browser, "berit@example.no").await;
        browser
            .click("input[name=payment_mode][value=prepaid]")
            .await;
        browser.click("#place-order").await;
        browser.page_says("Pay with card").await;
        browser.click("#stripe-back").await;
        // Back at the checkout, told nothing was charged, with what was typed.
        browser.find("#payment-not-finished").await;
        let name = browser
            .find("input[name=name]")
            .await
            .prop("value")
            .await
            .expect("a value");
        assert_eq!(name.as_deref(), Some("Anna Berg"));
        assert!(browser.text("#checkout").await.contains("Wool sweater"));
        assert_eq!(orders().await, 0);

        browser
            .click("input[name=payment_mode][value=prepaid]")
            .await;
        browser.click("#place-order").await;
        browser.page_says("Pay with card").await;
        assert_eq!(orders().await, 0, "nothing is placed before it is paid");
        browser.click("#stripe-pay").await;
        browser.page_says("Paid").await;
        assert_eq!(orders().await, 1);
        let token = browser.client.current_url().await.expect("url");
        let token = token.path().strip_prefix("/o/").expect("the order's page");
        let (number, _) = app.shop.order_by_link(token).await.expect("the order");
        let order = app.shop.order(number).await.expect("order");
        assert_eq!(order.payment.mode.as_deref(), Some("prepaid"));
        assert_eq!(order.payment.balance_due.amount_minor, 0);
        browser.close().await;
    })
    .await;
}
