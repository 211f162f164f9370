//! Paying an invoice online through Stripe (PY-2), against the local Stripe of
//! `tests/common/stripe.rs`.

use app::Clock;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};
use crate::stripe_fake::{SECRET_KEY, WEBHOOK_SECRET, event, fake_stripe, pay};

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

/// Posts the order page's Pay form; answers with the page and the checkout it moves on to.
async fn press_pay(app: &TestApp, token: &str) -> (StatusCode, String, String) {
    let (status, page) = app.send_form(&format!("/o/{token}/pay"), &[]).await;
    let checkout = page
        .split_once(r#"<meta http-equiv="refresh" content="0;url="#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(url, _)| url.replace("&#x2f;", "/").replace("&amp;", "&"))
        .unwrap_or_default();
    (status, checkout, page)
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
