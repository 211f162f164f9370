//! Outgoing webhooks against a local endpoint that checks every signature: deliveries retried
//! with backoff until it answers, a dead one sent again with the same event id, and the events
//! written in the transaction of the change.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use hmac::{Hmac, Mac};
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{TestApp, on_each_backend, order_body};

/// A delivery as the endpoint received it, after checking its signature.
struct Received {
    event_id: String,
    body: Value,
}

/// The shop's webhook endpoint: checks each signature with the secret it was given, answers
/// the statuses it is told to, then 200.
#[derive(Clone, Default)]
struct Endpoint {
    secret: Arc<Mutex<String>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
    received: Arc<Mutex<Vec<Received>>>,
}

/// The check a receiver makes, as the README shows it: HMAC-SHA256 of `t.body` with the secret.
fn verified(secret: &str, header: &str, body: &str) -> bool {
    let mut t = "";
    let mut v1 = "";
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = value,
            Some(("v1", value)) => v1 = value,
            _ => {}
        }
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("a key");
    mac.update(format!("{t}.{body}").as_bytes());
    hex::decode(v1).is_ok_and(|sig| mac.verify_slice(&sig).is_ok())
}

async fn endpoint_handler(
    State(endpoint): State<Endpoint>,
    headers: HeaderMap,
    body: String,
) -> AxumStatus {
    let header = headers
        .get("shopdesk-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let secret = endpoint.secret.lock().expect("lock").clone();
    if !verified(&secret, header, &body) {
        return AxumStatus::UNAUTHORIZED;
    }
    let event_id = headers
        .get("shopdesk-event-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = serde_json::from_str(&body).expect("a JSON body");
    endpoint
        .received
        .lock()
        .expect("lock")
        .push(Received { event_id, body });
    let answer = endpoint.answers.lock().expect("lock").pop_front();
    AxumStatus::from_u16(answer.unwrap_or(200)).expect("a status")
}

impl Endpoint {
    /// Serves on a free port; answers its URL.
    async fn start(answers: &[u16]) -> (String, Self) {
        let endpoint = Self::default();
        endpoint.answers.lock().expect("lock").extend(answers);
        let router = axum::Router::new()
            .route("/hooks", axum::routing::post(endpoint_handler))
            .with_state(endpoint.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hooks", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        (url, endpoint)
    }

    /// Adds this endpoint to the shop for `events` and keeps the secret it is shown.
    async fn subscribe(&self, app: &TestApp, url: &str, events: &[&str]) -> i64 {
        let added = app
            .post_ok(
                "/webhooks",
                json!({"url": url, "events": events}),
                StatusCode::CREATED,
            )
            .await;
        let secret = added["secret"].as_str().expect("the secret, once");
        assert!(secret.starts_with("whsec_"), "{added}");
        *self.secret.lock().expect("lock") = secret.to_owned();
        added["id"].as_i64().expect("an id")
    }

    /// The events received, each with its event id, in the order they came.
    fn events(&self) -> Vec<(String, String)> {
        let received = self.received.lock().expect("lock");
        received
            .iter()
            .map(|r| {
                let kind = r.body["type"].as_str().unwrap_or_default().to_owned();
                assert_eq!(r.body["id"], json!(r.event_id), "the body names its event");
                (kind, r.event_id.clone())
            })
            .collect()
    }
}

async fn deliveries(app: &TestApp, state: &str) -> Vec<Value> {
    let list = app
        .get_ok(&format!("/webhooks/deliveries?state={state}"))
        .await;
    list.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn a_delivery_is_signed_and_retried_with_backoff_until_the_endpoint_takes_it() {
    on_each_backend(|app: TestApp| async move {
        let (url, endpoint) = Endpoint::start(&[500, 500]).await;
        endpoint.subscribe(&app, &url, &["order.placed"]).await;
        app.seed_catalog().await;
        let (number, _) = app.place(order_body()).await;

        app.run_jobs().await;
        let waiting = deliveries(&app, "queued").await;
        assert_eq!(waiting.len(), 1, "{waiting:?}");
        assert_eq!(waiting[0]["attempts"], 1);
        assert_eq!(waiting[0]["last_status"], 500);
        // The retry waits for its backoff.
        app.run_jobs().await;
        assert_eq!(endpoint.events().len(), 1);
        app.clock.advance(SignedDuration::from_secs(61));
        app.run_jobs().await;
        assert_eq!(endpoint.events().len(), 2);
        app.clock.advance(SignedDuration::from_secs(121));
        app.run_jobs().await;

        let events = endpoint.events();
        assert_eq!(events.len(), 3, "two refusals, then taken");
        assert!(
            events.iter().all(|e| e == &events[0]),
            "one event id: {events:?}"
        );
        assert_eq!(events[0].0, "order.placed");
        let body = endpoint.received.lock().expect("lock")[2].body.clone();
        assert_eq!(body["data"]["number"], number);
        let delivered = deliveries(&app, "delivered").await;
        assert_eq!(delivered.len(), 1);
        assert_eq!(delivered[0]["attempts"], 3);
        assert_eq!(delivered[0]["last_status"], 200);
        // Taken once, it is not sent again.
        app.clock.advance(SignedDuration::from_secs(3600));
        app.run_jobs().await;
        assert_eq!(endpoint.events().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn a_dead_delivery_is_shown_to_the_owner_and_sent_again_with_its_event_id() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (url, endpoint) = Endpoint::start(&[503; 8]).await;
        endpoint.subscribe(&app, &url, &["stock.changed"]).await;
        app.set_stock("SOCK-L", "WH1", 7, "A-01-2").await;
        for _ in 0..8 {
            app.run_jobs().await;
            app.clock.advance(SignedDuration::from_secs(3601));
        }
        assert_eq!(endpoint.events().len(), 8);
        let dead = deliveries(&app, "dead").await;
        assert_eq!(dead.len(), 1, "every attempt failed");
        let first = dead[0].clone();
        assert_eq!(
            endpoint.received.lock().expect("lock")[0].body["data"]["on_hand"],
            7
        );
        assert_eq!(first["attempts"], 8);
        assert_eq!(first["last_status"], 503);
        let id = first["id"].as_i64().expect("an id");
        let before = endpoint.events().len();

        let again = app
            .post_ok(
                &format!("/webhooks/deliveries/{id}/redeliver"),
                json!({}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(again["state"], "queued");
        app.run_jobs().await;
        let events = endpoint.events();
        assert_eq!(events.len(), before + 1);
        let resent = events.last().expect("the redelivery");
        assert_eq!(resent.1, first["event_id"].as_str().expect("an event id"));
        let delivered = deliveries(&app, "delivered").await;
        assert!(delivered.iter().any(|d| d["id"] == id), "{delivered:?}");
        let (status, body) = app
            .post(&format!("/webhooks/deliveries/{id}/redeliver"), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(body["error"]["code"], "delivery_not_dead");
    })
    .await;
}

#[tokio::test]
async fn order_events_reach_the_endpoint_in_the_order_they_happened() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (url, endpoint) = Endpoint::start(&[]).await;
        let all = [
            "order.placed",
            "order.confirmed",
            "order.paid",
            "order.shipped",
            "order.delivered",
            "order.cancelled",
            "order.refunded",
        ];
        endpoint.subscribe(&app, &url, &all).await;
        app.always_call().await;
        let (number, order) = app.place(order_body()).await;
        app.act(number, "confirm", json!({})).await;
        let total = order["total"]["amount_minor"].as_i64().expect("a total");
        let payment = json!({"amount_minor": total, "method": "card"});
        app.post_ok(
            &format!("/orders/{number}/payments"),
            payment,
            StatusCode::OK,
        )
        .await;
        let (other, _) = app.place(order_body()).await;
        app.act(other, "cancel", json!({"reason": "changed their mind"}))
            .await;
        app.run_jobs().await;
        let kinds: Vec<String> = endpoint.events().into_iter().map(|(k, _)| k).collect();
        let expected = [
            "order.placed",
            "order.confirmed",
            "order.paid",
            "order.placed",
            "order.cancelled",
        ];
        assert_eq!(kinds, expected);
        // Nobody listens for stock: a count sends nothing.
        app.set_stock("SOCK-M", "WH1", 50, "A-01-1").await;
        app.run_jobs().await;
        assert_eq!(endpoint.events().len(), expected.len());
    })
    .await;
}

#[tokio::test]
async fn an_endpoint_is_refused_naming_the_field_and_its_secret_is_shown_once() {
    on_each_backend(|app: TestApp| async move {
        for (body, field, code) in [
            (
                json!({"url": "ftp://erp.example", "events": ["order.placed"]}),
                "url",
                "url_invalid",
            ),
            (
                json!({"url": "https://", "events": ["order.placed"]}),
                "url",
                "url_invalid",
            ),
            (
                json!({"url": "https://erp.example/h", "events": ["order.lost"]}),
                "events[0]",
                "event_unknown",
            ),
            (
                json!({"url": "https://erp.example/h", "events": []}),
                "events",
                "events_empty",
            ),
        ] {
            let (status, answer) = app.post("/webhooks", body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
            assert_eq!(answer["error"]["field"], field, "{answer}");
            assert_eq!(answer["error"]["code"], code, "{answer}");
        }
        assert_eq!(
            app.get_ok("/webhooks").await,
            json!([]),
            "nothing half-added"
        );
        let body = json!({"url": "https://erp.example/h", "events": ["order.paid"]});
        let added = app.post_ok("/webhooks", body, StatusCode::CREATED).await;
        let listed = app.get_ok("/webhooks").await;
        assert_eq!(listed[0]["url"], "https://erp.example/h");
        assert!(
            !listed
                .to_string()
                .contains(added["secret"].as_str().expect("secret"))
        );
        let packer = app
            .shop
            .create_token("station", domain::access::Role::Packer)
            .await
            .expect("token");
        let refused = app
            .client
            .get(app.url("/webhooks"))
            .bearer_auth(packer)
            .send()
            .await
            .expect("request");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let id = added["id"].as_i64().expect("an id");
        let removed = app
            .client
            .delete(app.url(&format!("/webhooks/{id}")))
            .bearer_auth(&app.token)
            .send()
            .await
            .expect("request");
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.get_ok("/webhooks").await, json!([]));
    })
    .await;
}
