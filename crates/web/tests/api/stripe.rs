//! Paying by card through Stripe: an invoice from the order page (PY-2), a refund back to the
//! card (PY-3) and an order paid at checkout, placed only once paid (PY-1), against the local
//! Stripe of `tests/common/stripe.rs`.

use app::Clock;
use reqwest::StatusCode;
use serde_json::json;

use reqwest::header::{COOKIE, LOCATION};

use crate::helpers::{TestApp, on_each_backend, order_body};
use crate::storefront::{BERIT_IN_OSLO, browser, fill_a_cart, page_with_cart, send_checkout};
use crate::stripe_fake::{SECRET_KEY, Shared, WEBHOOK_SECRET, event, fake_stripe, pay};

async fn deliver(app: &TestApp, (body, signature): (String, String)) -> StatusCode {
    app.client
        .post(app.url("/providers/stripe/events"))
        .header("Stripe-Signature", signature)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .expect("delivered")
        .status()
}

/// An invoice of two pairs of socks by post, confirmed and waiting for the money.
async fn invoice(app: &TestApp) -> (i64, String) {
    let mut body = order_body();
    body["payment_mode"] = json!("after_confirmation");
    body["delivery"]["method"] = json!("post");
    let (number, order) = app.place(body).await;
    if order["stage"] == "confirming" {
        app.act(number, "confirm", json!({})).await;
    }
    let token = order["link_token"].as_str().expect("a link").to_owned();
    (number, token)
}

async fn stripe_payments(app: &TestApp, number: i64) -> Vec<String> {
    app.payments(number)
        .await
        .iter()
        .filter(|p| p["method"] == "stripe")
        .map(|p| p["reference"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn set_keys(app: &TestApp) {
    for (name, value) in [
        ("stripe.secret_key", SECRET_KEY),
        ("stripe.webhook_secret", WEBHOOK_SECRET),
    ] {
        let (status, _) = app
            .put(
                &format!("/settings/secrets/{name}"),
                json!({"value": value}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
}

/// Where a page that moves on to the provider's checkout sends the visitor.
fn checkout_url(page: &str) -> String {
    page.split_once(r#"<meta http-equiv="refresh" content="0;url="#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(url, _)| url.replace("&#x2f;", "/").replace("&amp;", "&"))
        .unwrap_or_default()
}

/// Posts the order page's Pay form; answers with the page and the checkout it moves on to.
async fn press_pay(app: &TestApp, token: &str) -> (StatusCode, String, String) {
    let (status, page) = app.send_form(&format!("/o/{token}/pay"), &[]).await;
    (status, checkout_url(&page), page)
}

#[tokio::test]
async fn an_invoice_is_paid_by_card_from_the_order_page_and_the_signed_webhook_is_taken_once() {
    on_each_backend(|app: TestApp| async move {
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base);
        app.seed_catalog().await;
        let (number, token) = invoice(&app).await;
        // Without the owner's keys, nothing offers to pay online.
        let (_, page) = app.page(&format!("/o/{token}")).await;
        assert!(!page.contains(r#"id="pay""#), "no Pay button without keys");
        // A Pay form sent anyway is answered in words.
        let (_, _, page) = press_pay(&app, &token).await;
        assert!(page.contains("takes no card payments online"), "{page}");
        set_keys(&app).await;
        let (_, page) = app.page(&format!("/o/{token}")).await;
        assert!(page.contains(r#"id="pay""#), "the Pay button: {page}");

        // PY-2: the button opens Stripe's checkout for what is due.
        let (status, location, page) = press_pay(&app, &token).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(
            location.starts_with(&format!("{stripe_base}/c/pay/cs_test_")),
            "{location} {page}"
        );
        let id = location.rsplit('/').next().expect("an id").to_owned();
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let due = order["payment"]["balance_due"]["amount_minor"]
            .as_i64()
            .expect("due");
        {
            let fake = stripe.lock().expect("the fake");
            let form = fake.forms.last().expect("a session was asked for");
            assert_eq!(form["mode"], "payment");
            assert_eq!(form["metadata[order_number]"], number.to_string());
            assert_eq!(form["line_items[0][price_data][currency]"], "eur");
            assert_eq!(
                form["line_items[0][price_data][product_data][name]"],
                "Wool socks"
            );
            assert_eq!(form["line_items[0][quantity]"], "2");
            assert!(
                form["success_url"]
                    .ends_with(&format!("/o/{token}?checkout={{CHECKOUT_SESSION_ID}}"))
            );
            let session = fake
                .sessions
                .iter()
                .find(|s| s["id"] == id.as_str())
                .expect("the session");
            assert_eq!(
                session["amount_total"], due,
                "the items add up to what is due"
            );
        }
        // A double click opens the same checkout.
        let (_, again, _) = press_pay(&app, &token).await;
        assert_eq!(again, location);

        let session = pay(&stripe, &id);
        let now = app.clock.now().as_second();
        // A forged or a stale signature is refused and changes nothing.
        assert_eq!(
            deliver(&app, event(&session, now, "whsec_someone_else")).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            deliver(&app, event(&session, now - 600, WEBHOOK_SECRET)).await,
            StatusCode::FORBIDDEN
        );
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["payment"]["paid"]["amount_minor"], 0);

        assert_eq!(
            deliver(&app, event(&session, now, WEBHOOK_SECRET)).await,
            StatusCode::OK
        );
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["payment"]["status"], "paid");
        // PY-1: a settled invoice starts assembly.
        assert_eq!(order["stage"], "assembling");
        // The same event again, and the customer's return after it, take nothing more.
        assert_eq!(
            deliver(&app, event(&session, now, WEBHOOK_SECRET)).await,
            StatusCode::OK
        );
        let (status, page) = app.page(&format!("/o/{token}?checkout={id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(r#"id="pay""#), "nothing left to pay: {page}");
        assert_eq!(stripe_payments(&app, number).await, [format!("pi_{id}")]);
    })
    .await;
}

#[tokio::test]
async fn the_return_from_the_checkout_is_checked_with_stripe_and_a_provider_down_is_said_in_words()
{
    on_each_backend(|app: TestApp| async move {
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base);
        app.seed_catalog().await;
        set_keys(&app).await;
        let (number, token) = invoice(&app).await;
        stripe.lock().expect("the fake").down = true;
        let (status, _, page) = press_pay(&app, &token).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("does not answer just now"), "{page}");
        stripe.lock().expect("the fake").down = false;

        let (_, location, _) = press_pay(&app, &token).await;
        let id = location.rsplit('/').next().expect("an id").to_owned();
        // Back before paying: nothing is taken.
        app.page(&format!("/o/{token}?checkout={id}")).await;
        assert!(stripe_payments(&app, number).await.is_empty());
        // Paid, and back before the webhook: the order is paid at once, and the webhook
        // coming after adds nothing.
        let session = pay(&stripe, &id);
        let (_, page) = app.page(&format!("/o/{token}?checkout={id}")).await;
        assert!(!page.contains(r#"id="pay""#), "{page}");
        let now = app.clock.now().as_second();
        assert_eq!(
            deliver(&app, event(&session, now, WEBHOOK_SECRET)).await,
            StatusCode::OK
        );
        assert_eq!(stripe_payments(&app, number).await, [format!("pi_{id}")]);
        // Someone else's checkout id on this order's page is not this order's money.
        let (other, other_token) = invoice(&app).await;
        app.page(&format!("/o/{other_token}?checkout={id}")).await;
        assert!(stripe_payments(&app, other).await.is_empty());
    })
    .await;
}

/// The state of each refund of the order, oldest first, with the provider's reference.
async fn refunds(app: &TestApp, number: i64) -> Vec<(String, String)> {
    app.payments(number)
        .await
        .iter()
        .filter(|p| p["kind"] == "refund")
        .map(|p| {
            (
                p["state"].as_str().unwrap_or_default().to_owned(),
                p["reference"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_card_payment_is_refunded_through_stripe_once_retried_while_stripe_is_down() {
    on_each_backend(|app: TestApp| async move {
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base);
        app.seed_catalog().await;
        set_keys(&app).await;
        let (number, token) = invoice(&app).await;
        let (_, location, _) = press_pay(&app, &token).await;
        let id = location.rsplit('/').next().expect("an id").to_owned();
        let session = pay(&stripe, &id);
        let now = app.clock.now().as_second();
        assert_eq!(
            deliver(&app, event(&session, now, WEBHOOK_SECRET)).await,
            StatusCode::OK
        );

        // PY-3: one pair of the two comes back; the money goes back to the card.
        stripe.lock().expect("the fake").down = true;
        let one_pair = json!({"lines": [{"line_no": 1, "quantity": 1}], "reason": "too small", "method": "stripe"});
        let order = app
            .post_ok(&format!("/orders/{number}/refunds"), one_pair.clone(), StatusCode::OK)
            .await;
        assert_eq!(order["payment"]["refunded"]["amount_minor"], 1990);
        assert_eq!(refunds(&app, number).await, [("pending".into(), String::new())]);
        // Stripe is down: the refund waits and is tried again later.
        app.run_jobs().await;
        assert_eq!(refunds(&app, number).await, [("pending".into(), String::new())]);
        stripe.lock().expect("the fake").down = false;
        app.clock.advance(jiff::SignedDuration::from_mins(10));
        app.run_jobs().await;
        assert_eq!(
            refunds(&app, number).await,
            [("done".into(), "re_test_1".into())]
        );
        app.clock.advance(jiff::SignedDuration::from_mins(10));
        app.run_jobs().await;
        {
            let fake = stripe.lock().expect("the fake");
            let made: Vec<_> = fake
                .refunds
                .iter()
                .map(|r| (r["payment_intent"].clone(), r["amount"].clone()))
                .collect();
            assert_eq!(made, [(json!(format!("pi_{id}")), json!(1990))]);
        }

        // A refund Stripe refuses is failed, with a task to make it by hand.
        stripe.lock().expect("the fake").sessions.clear();
        let other_pair = json!({"lines": [{"line_no": 1, "quantity": 1}], "reason": "too small", "method": "stripe"});
        app.post_ok(&format!("/orders/{number}/refunds"), other_pair, StatusCode::OK)
            .await;
        app.run_jobs().await;
        let states: Vec<String> = refunds(&app, number).await.into_iter().map(|(s, _)| s).collect();
        assert_eq!(states, ["done", "failed"]);
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let help = order["timeline"]
            .as_array()
            .expect("a timeline")
            .iter()
            .any(|e| e["kind"] == "task_opened" && e["data"]["kind"] == "refund_help");
        assert!(help, "a task to refund by hand");

        // An order paid otherwise is not refunded through Stripe.
        let (cash, _) = invoice(&app).await;
        let due = app.get_ok(&format!("/orders/{cash}")).await["payment"]["balance_due"]["amount_minor"].clone();
        app.post_ok(
            &format!("/orders/{cash}/payments"),
            json!({"amount_minor": due, "method": "cash"}),
            StatusCode::OK,
        )
        .await;
        let (status, refused) = app
            .post(&format!("/orders/{cash}/refunds"), one_pair)
            .await;
        assert_eq!(
            (status, refused["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("method"))
        );
    })
    .await;
}

/// A checkout sent to pay now by card, on its way to Stripe.
struct AtStripe {
    /// The visitor's cart.
    cookie: String,
    /// Stripe's session, where the visitor pays.
    session: String,
    /// The order's link, in the session's return addresses.
    token: String,
    number: i64,
}

/// Sends the checkout `page` for the cart of `cookie` and follows it to Stripe.
async fn to_stripe(
    app: &TestApp,
    stripe: &Shared,
    cookie: &str,
    page: &str,
    more: &[(&str, &str)],
) -> AtStripe {
    let paid_now = [("payment_mode", "prepaid")];
    let fields: Vec<_> = BERIT_IN_OSLO
        .iter()
        .chain(&paid_now)
        .chain(more)
        .copied()
        .collect();
    let sent = send_checkout(app, cookie, page, &fields).await;
    let status = sent.status();
    let page = sent.text().await.expect("html");
    assert_eq!(status, StatusCode::OK, "{page}");
    let location = checkout_url(&page);
    let session = location.rsplit('/').next().expect("an id").to_owned();
    assert!(session.starts_with("cs_test_"), "on to Stripe: {page}");
    let fake = stripe.lock().expect("the fake");
    let made = fake
        .sessions
        .iter()
        .find(|s| s["id"] == session.as_str())
        .expect("the session");
    let token = made["cancel_url"]
        .as_str()
        .and_then(|url| url.rsplit_once("/checkout/back/"))
        .map(|(_, token)| token.to_owned())
        .expect("turning back leads to the checkout");
    let number = made["metadata"]["order_number"]
        .as_str()
        .and_then(|n| n.parse().ok())
        .expect("the order's number");
    AtStripe {
        cookie: cookie.to_owned(),
        session,
        token,
        number,
    }
}

/// A new cart of two pairs of socks, sent to pay now by card with `more` fields.
async fn pay_at_checkout(app: &TestApp, stripe: &Shared, more: &[(&str, &str)]) -> AtStripe {
    let cookie = fill_a_cart(app).await;
    let page = page_with_cart(app, &cookie, "/checkout").await;
    assert!(page.contains("Pay now by card"), "{page}");
    to_stripe(app, stripe, &cookie, &page, more).await
}

async fn reserved(app: &TestApp) -> i64 {
    app.stock_at("SOCK-M", "WH1").await["reserved"]
        .as_i64()
        .expect("reserved")
}

async fn messages(app: &TestApp, number: i64) -> Vec<String> {
    app.get_ok(&format!("/messages?order={number}"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["template"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn an_order_paid_by_card_at_checkout_is_placed_only_once_stripe_says_it_was_paid() {
    on_each_backend(|app: TestApp| async move {
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base);
        app.seed_catalog().await;
        app.always_call().await;
        // Without the owner's keys the checkout offers no card, and a form asking for one
        // anyway is refused on the field, placing nothing.
        let cookie = fill_a_cart(&app).await;
        let page = page_with_cart(&app, &cookie, "/checkout").await;
        assert!(!page.contains("Pay now by card"), "{page}");
        let paid_now = [("payment_mode", "prepaid")];
        let fields: Vec<_> = BERIT_IN_OSLO.iter().chain(&paid_now).copied().collect();
        let refused = send_checkout(&app, &cookie, &page, &fields).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = refused.text().await.expect("html");
        assert!(page.contains("takes no card payments just now"), "{page}");
        assert_eq!(app.order_count().await, 0);
        set_keys(&app).await;

        // PY-1: paid now means paid before the order is placed. On the way to Stripe the
        // stock is held for the visitor, but no manager sees an order, nobody is told.
        let paying = pay_at_checkout(&app, &stripe, &[]).await;
        assert_eq!(reserved(&app).await, 2, "the socks are held while paying");
        assert_eq!(app.order_count().await, 0);
        let (status, _) = app.get(&format!("/orders/{}", paying.number)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(messages(&app, paying.number).await.is_empty());
        {
            let fake = stripe.lock().expect("the fake");
            let form = fake.forms.last().expect("a session");
            let expires: i64 = form["expires_at"].parse().expect("expires_at");
            let now = app.clock.now().as_second();
            assert_eq!(expires - now, 30 * 60, "held for payment.checkout_minutes");
            assert!(form["success_url"].contains(&format!("/o/{}?checkout=", paying.token)));
        }

        // Paid: the signed event places the order, paid, with its first message, once.
        let session = pay(&stripe, &paying.session);
        let now = app.clock.now().as_second();
        for _ in 0..2 {
            let signed = event(&session, now, WEBHOOK_SECRET);
            assert_eq!(deliver(&app, signed).await, StatusCode::OK);
        }
        let order = app.get_ok(&format!("/orders/{}", paying.number)).await;
        assert_eq!(order["stage"], "confirming");
        assert_eq!(order["channel"], "storefront");
        assert_eq!(order["payment"]["status"], "paid");
        assert_eq!(app.order_count().await, 1);
        assert_eq!(
            stripe_payments(&app, paying.number).await,
            [format!("pi_{}", paying.session)]
        );
        // Told once that the order came, and that the money came on each channel given (PY-3).
        assert_eq!(
            messages(&app, paying.number).await,
            ["order_received", "payment_received", "payment_received"]
        );
        assert_eq!(reserved(&app).await, 2, "held for the order now");
        // The visitor is back on the order's page, the cart emptied.
        let (status, page) = app
            .page(&format!("/o/{}?checkout={}", paying.token, paying.session))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(r#"id="pay""#), "nothing left to pay: {page}");
        let cart = page_with_cart(&app, &paying.cookie, "/cart").await;
        assert!(!cart.contains("Wool socks"), "{cart}");
        assert_eq!(
            stripe_payments(&app, paying.number).await.len(),
            1,
            "the return takes nothing more"
        );
    })
    .await;
}

#[tokio::test]
async fn a_checkout_turned_back_from_or_left_unpaid_gives_its_stock_and_coupon_back() {
    on_each_backend(|app: TestApp| async move {
        let (stripe_base, stripe) = fake_stripe().await;
        let app = app.with_stripe(&stripe_base);
        app.seed_catalog().await;
        set_keys(&app).await;
        crate::coupons::give(&app, "GIFT-1", 10, false, None).await;

        // PY-1: the visitor turns back on Stripe's page: the checkout is closed there, the
        // order given up and its socks free; the form comes back as it was sent.
        let paying = pay_at_checkout(&app, &stripe, &[("coupon", "GIFT-1")]).await;
        assert_eq!(reserved(&app).await, 2);
        let back = browser()
            .get(format!("{}/checkout/back/{}", app.base, paying.token))
            .header(COOKIE, &paying.cookie)
            .send()
            .await
            .expect("back");
        assert_eq!(back.status(), StatusCode::SEE_OTHER);
        let location = back.headers()[LOCATION].to_str().expect("where").to_owned();
        assert_eq!(reserved(&app).await, 0, "the socks are free again");
        let session_status = |id: &str| {
            let fake = stripe.lock().expect("the fake");
            let session = fake.sessions.iter().find(|s| s["id"] == id);
            session.map(|s| s["status"].clone()).expect("the session")
        };
        assert_eq!(session_status(&paying.session), "expired");
        let page = page_with_cart(&app, &paying.cookie, &location).await;
        assert!(page.contains("The payment was not finished"), "{page}");
        assert!(
            page.contains("Berit Dahl") && page.contains("Storgata 1"),
            "{page}"
        );
        assert!(page.contains("Wool socks"), "the cart is as it was: {page}");
        assert_eq!(app.order_count().await, 0);

        // Sent again, and left on Stripe's page: when its time runs out the order is given up
        // the same way; the coupon, given back twice, is still there to use.
        let again = to_stripe(
            &app,
            &stripe,
            &paying.cookie,
            &page,
            &[("coupon", "GIFT-1")],
        )
        .await;
        assert_ne!(again.number, paying.number);
        assert_eq!(reserved(&app).await, 2);
        app.clock.advance(jiff::SignedDuration::from_mins(29));
        app.run_jobs().await;
        assert_eq!(reserved(&app).await, 2, "still inside its time");
        app.clock.advance(jiff::SignedDuration::from_mins(2));
        app.run_jobs().await;
        assert_eq!(reserved(&app).await, 0);
        assert_eq!(session_status(&again.session), "expired");
        let (status, _) = app.get(&format!("/orders/{}", again.number)).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "a given-up order is there to look up"
        );
        assert_eq!(app.order_count().await, 0, "but in no list");

        // Paid on Stripe's page while the event was lost: the time running out finds the
        // payment at Stripe and places the order instead of giving it up.
        let lost = pay_at_checkout(&app, &stripe, &[("coupon", "GIFT-1")]).await;
        pay(&stripe, &lost.session);
        app.clock.advance(jiff::SignedDuration::from_mins(31));
        app.run_jobs().await;
        let order = app.get_ok(&format!("/orders/{}", lost.number)).await;
        assert_eq!(order["payment"]["status"], "paid");
        assert_ne!(order["stage"], "abandoned");
        assert!(
            order["discount"]["amount_minor"].as_i64() > Some(0),
            "the coupon counted"
        );
        assert_eq!(reserved(&app).await, 2);
        assert_eq!(app.order_count().await, 1);
    })
    .await;
}
