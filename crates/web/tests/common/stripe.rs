//! A local Stripe for the tests, answering as Stripe's API documents: Checkout Sessions created
//! from a form with a bearer key and an `Idempotency-Key` (the same key answers with the same
//! session), read back by id, errors as `{"error": {"type", "code", "message"}}`; its hosted
//! checkout page, whose Pay button completes the session, posts the signed
//! `checkout.session.completed` event (`Stripe-Signature: t=...,v1=...`) to the shop and sends
//! the customer back to the session's `success_url`; and refunds of a paid PaymentIntent, never
//! more than it took, the same `Idempotency-Key` making one; and open sessions expired on request, the hosted page's
//! back arrow leading to the `cancel_url`. Shared by the API and the browser tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

pub const SECRET_KEY: &str = "sk_test_shop";
pub const WEBHOOK_SECRET: &str = "whsec_test_shop";

/// What the fake Stripe holds: its sessions, the forms it was sent, and whether it is down.
#[derive(Default)]
pub struct Stripe {
    /// Its own address, where its hosted pages are.
    pub base: String,
    pub sessions: Vec<Value>,
    pub forms: Vec<HashMap<String, String>>,
    by_key: HashMap<String, usize>,
    /// Answers 500 to every new session.
    pub down: bool,
    /// Where the hosted page posts the event once paid, and the time it signs it with.
    pub webhook: Option<(String, i64)>,
    pub refunds: Vec<Value>,
    /// The Idempotency-Key of each refund, and the refund it made.
    refund_keys: HashMap<String, usize>,
}

pub type Shared = Arc<Mutex<Stripe>>;

fn stripe_error(status: AxumStatus, kind: &str, code: &str, message: &str) -> Response {
    let body = json!({"error": {"type": kind, "code": code, "message": message}});
    (status, Json(body)).into_response()
}

fn unauthorized() -> Response {
    stripe_error(
        AxumStatus::UNAUTHORIZED,
        "invalid_request_error",
        "api_key_invalid",
        "Invalid API Key provided",
    )
}

fn authorized(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {SECRET_KEY}"))
}

/// A request with the shop's key while Stripe is up: its `Idempotency-Key`. The same key
/// answers with what it made the first time, as Stripe replays it.
fn admitted(headers: &HeaderMap, stripe: &Stripe) -> Result<String, Box<Response>> {
    if !authorized(headers) {
        return Err(Box::new(unauthorized()));
    }
    if stripe.down {
        return Err(Box::new(stripe_error(
            AxumStatus::INTERNAL_SERVER_ERROR,
            "api_error",
            "",
            "Something went wrong on Stripe's end.",
        )));
    }
    Ok(headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned())
}

async fn create_session(
    State(stripe): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let mut stripe = stripe.lock().expect("the fake");
    let key = match admitted(&headers, &stripe) {
        Ok(key) => key,
        Err(refused) => return *refused,
    };
    let form: HashMap<String, String> = form.into_iter().collect();
    if let Some(&at) = stripe.by_key.get(&key) {
        return Json(stripe.sessions[at].clone()).into_response();
    }
    let mut total = 0;
    for i in 0.. {
        let (Some(unit), Some(quantity)) = (
            form.get(&format!("line_items[{i}][price_data][unit_amount]")),
            form.get(&format!("line_items[{i}][quantity]")),
        ) else {
            break;
        };
        total +=
            unit.parse::<i64>().expect("an amount") * quantity.parse::<i64>().expect("a quantity");
    }
    let id = format!("cs_test_{}", stripe.sessions.len() + 1);
    let session = json!({
        "id": id, "object": "checkout.session", "mode": "payment",
        "url": format!("{}/c/pay/{id}", stripe.base),
        "status": "open", "payment_status": "unpaid", "payment_intent": null,
        "amount_total": total, "currency": form.get("line_items[0][price_data][currency]"),
        "client_reference_id": form.get("client_reference_id"),
        "metadata": {"order_number": form.get("metadata[order_number]")},
        "success_url": form.get("success_url"), "cancel_url": form.get("cancel_url"),
        "expires_at": form.get("expires_at").and_then(|at| at.parse::<i64>().ok()),
    });
    let at = stripe.sessions.len();
    stripe.by_key.insert(key, at);
    stripe.sessions.push(session.clone());
    stripe.forms.push(form);
    Json(session).into_response()
}

async fn get_session(
    State(stripe): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    let stripe = stripe.lock().expect("the fake");
    match stripe.sessions.iter().find(|s| s["id"] == id.as_str()) {
        Some(session) => Json(session.clone()).into_response(),
        None => stripe_error(
            AxumStatus::NOT_FOUND,
            "invalid_request_error",
            "resource_missing",
            &format!("No such checkout.session: '{id}'"),
        ),
    }
}

/// `POST /v1/checkout/sessions/{id}/expire`: only an open session can be expired; any other
/// answers Stripe's 400.
async fn expire_session(
    State(stripe): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut stripe = stripe.lock().expect("the fake");
    if let Err(refused) = admitted(&headers, &stripe) {
        return *refused;
    }
    let Some(session) = stripe.sessions.iter_mut().find(|s| s["id"] == id.as_str()) else {
        return stripe_error(
            AxumStatus::NOT_FOUND,
            "invalid_request_error",
            "resource_missing",
            &format!("No such checkout.session: '{id}'"),
        );
    };
    if session["status"] != "open" {
        return stripe_error(
            AxumStatus::BAD_REQUEST,
            "invalid_request_error",
            "",
            &format!(
                "Only Checkout Sessions with a status of `open` can be expired. This Checkout Session has a status of `{}`.",
                session["status"].as_str().unwrap_or_default()
            ),
        );
    }
    session["status"] = json!("expired");
    Json(session.clone()).into_response()
}

/// `POST /v1/refunds`: part or all of a paid PaymentIntent, never more than it took.
async fn create_refund(
    State(stripe): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let mut stripe = stripe.lock().expect("the fake");
    let key = match admitted(&headers, &stripe) {
        Ok(key) => key,
        Err(refused) => return *refused,
    };
    let form: HashMap<String, String> = form.into_iter().collect();
    if let Some(&at) = stripe.refund_keys.get(&key) {
        return Json(stripe.refunds[at].clone()).into_response();
    }
    let intent = form.get("payment_intent").cloned().unwrap_or_default();
    let Some(paid) = stripe
        .sessions
        .iter()
        .find(|s| s["payment_intent"] == intent.as_str())
        .and_then(|s| s["amount_total"].as_i64())
    else {
        return stripe_error(
            AxumStatus::BAD_REQUEST,
            "invalid_request_error",
            "resource_missing",
            &format!("No such payment_intent: '{intent}'"),
        );
    };
    let amount: i64 = form
        .get("amount")
        .and_then(|a| a.parse().ok())
        .unwrap_or(paid);
    let refunded: i64 = stripe
        .refunds
        .iter()
        .filter(|r| r["payment_intent"] == intent.as_str())
        .filter_map(|r| r["amount"].as_i64())
        .sum();
    if amount + refunded > paid {
        return stripe_error(
            AxumStatus::BAD_REQUEST,
            "invalid_request_error",
            "amount_too_large",
            "Refund amount is greater than unrefunded amount on charge",
        );
    }
    let refund = json!({
        "id": format!("re_test_{}", stripe.refunds.len() + 1), "object": "refund",
        "amount": amount, "payment_intent": intent, "status": "succeeded",
        "reason": form.get("reason"),
    });
    let at = stripe.refunds.len();
    stripe.refund_keys.insert(key, at);
    stripe.refunds.push(refund.clone());
    Json(refund).into_response()
}

/// Stripe's hosted checkout page for a session: its back arrow leads to the `cancel_url`.
async fn hosted_page(State(stripe): State<Shared>, Path(id): Path<String>) -> Html<String> {
    let back = stripe
        .lock()
        .expect("the fake")
        .sessions
        .iter()
        .find(|s| s["id"] == id.as_str())
        .and_then(|s| s["cancel_url"].as_str().map(str::to_owned))
        .unwrap_or_default();
    Html(format!(
        "<!doctype html><title>Stripe Checkout</title><a id=stripe-back href=\"{back}\">Back</a>\
         <h1>Pay with card</h1>\
         <form method=post action=/c/pay/{id}><button id=stripe-pay>Pay</button></form>"
    ))
}

/// The customer pays on the hosted page: the event goes to the shop, the customer back.
async fn hosted_pay(State(stripe): State<Shared>, Path(id): Path<String>) -> Response {
    let session = pay(&stripe, &id);
    let webhook = stripe.lock().expect("the fake").webhook.clone();
    if let Some((url, t)) = webhook {
        let (body, signature) = event(&session, t, WEBHOOK_SECRET);
        reqwest::Client::new()
            .post(url)
            .header("Stripe-Signature", signature)
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .expect("the event was posted");
    }
    let back = session["success_url"]
        .as_str()
        .unwrap_or_default()
        .replace("{CHECKOUT_SESSION_ID}", &id);
    Redirect::to(&back).into_response()
}

/// Serves the fake on a port of its own; answers with its base URL and its state.
pub async fn fake_stripe() -> (String, Shared) {
    let state = Shared::default();
    let router = Router::new()
        .route("/v1/checkout/sessions", post(create_session))
        .route("/v1/checkout/sessions/{id}", get(get_session))
        .route("/v1/checkout/sessions/{id}/expire", post(expire_session))
        .route("/v1/refunds", post(create_refund))
        .route("/c/pay/{id}", get(hosted_page).post(hosted_pay))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    state.lock().expect("the fake").base.clone_from(&base);
    tokio::spawn(async move { axum::serve(listener, router).await });
    (base, state)
}

/// The customer pays on Stripe's page: the session is complete and paid. An expired session
/// takes no payment.
pub fn pay(stripe: &Shared, id: &str) -> Value {
    let mut stripe = stripe.lock().expect("the fake");
    let session = stripe
        .sessions
        .iter_mut()
        .find(|s| s["id"] == id)
        .expect("the session");
    assert_eq!(
        session["status"], "open",
        "Stripe takes no payment on a closed session"
    );
    session["status"] = json!("complete");
    session["payment_status"] = json!("paid");
    session["payment_intent"] = json!(format!("pi_{id}"));
    session.clone()
}

/// The event Stripe posts, signed at `t` with `secret`.
pub fn event(session: &Value, t: i64, secret: &str) -> (String, String) {
    let body = json!({
        "id": format!("evt_{}", session["id"].as_str().unwrap_or_default()),
        "object": "event", "type": "checkout.session.completed",
        "data": {"object": session},
    })
    .to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("a key");
    mac.update(format!("{t}.{body}").as_bytes());
    let signature = format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()));
    (body, signature)
}
