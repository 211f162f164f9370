//! Messages that reach the customer: a real SMTP server (Python's aiosmtpd), the real SMS
//! adapter against a local HTTP gateway, the customer's channel and language, quiet hours, no
//! duplicate after a crash, templates the shop edits.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body, spawn};
use crate::smtp::{received, smtp_server};

/// A local SMS gateway: records every request and refuses one number as invalid.
#[derive(Clone, Default)]
struct Gateway {
    requests: Arc<Mutex<Vec<(String, Value)>>>,
}

async fn gateway_handler(
    State(gateway): State<Gateway>,
    headers: HeaderMap,
    body: String,
) -> (AxumStatus, String) {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let json: Value = serde_json::from_str(&body).unwrap_or_default();
    let invalid = json["to"] == "+4741234567";
    gateway
        .requests
        .lock()
        .expect("lock")
        .push((key.clone(), json));
    if invalid {
        (
            AxumStatus::BAD_REQUEST,
            r#"{"error": "invalid number"}"#.into(),
        )
    } else {
        (AxumStatus::OK, format!(r#"{{"id": "gw-{key}"}}"#))
    }
}

async fn gateway() -> (String, Gateway) {
    let gateway = Gateway::default();
    let router = axum::Router::new()
        .route("/sms", axum::routing::post(gateway_handler))
        .with_state(gateway.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/sms", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, gateway)
}

fn with_transports(app: TestApp, config: &integrations::Config) -> TestApp {
    app.with_transports(integrations::transports(config).expect("transports"))
}

async fn messages_of(app: &TestApp, number: i64) -> Vec<Value> {
    let mut list = app
        .get_ok(&format!("/messages?order={number}"))
        .await
        .as_array()
        .cloned()
        .unwrap_or_default();
    list.reverse();
    list
}

#[tokio::test]
async fn email_goes_out_over_smtp_in_the_customers_language() {
    // DL-4, CF-2: the customer's own channel and language; a proper multipart email.
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let config = integrations::Config {
                smtp_url: Some(format!("smtp://127.0.0.1:{}", server.port).into()),
                mail_from: Some("Fjord & Thread <hello@fjord.example>".into()),
                ..Default::default()
            };
            let app = with_transports(app, &config);
            app.configure(|s| s["contact_email"] = json!("help@fjord.example"))
                .await;
            app.seed_catalog().await;
            let mut body = order_body();
            body["customer"]["email"] = json!(format!(
                "anna+{}@example.no",
                app.base.len() + server.port as usize
            ));
            body["customer"]["locale"] = json!("ru");
            body["customer"]["preferred_channel"] = json!("email");
            let number = app.post_ok("/orders", body, StatusCode::CREATED).await["number"]
                .as_i64()
                .expect("number");
            assert_eq!(app.run_jobs().await, 1);
            let sent = messages_of(&app, number).await;
            assert_eq!(
                (sent[0]["channel"].as_str(), sent[0]["status"].as_str()),
                (Some("email"), Some("sent"))
            );
            let id = sent[0]["id"].as_i64().expect("id");
            let mails = received(server);
            let mail = mails
                .iter()
                .find(|m| m["message_id"] == format!("<shopdesk-msg-{id}@fjord.example>"))
                .unwrap_or_else(|| panic!("no mail with this message's id in {mails:?}"));
            assert_eq!(mail["reply_to"], "help@fjord.example");
            assert!(
                mail["from"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("hello@fjord.example")
            );
            // A Cyrillic subject survives the trip, encoded on the wire.
            let subject = mail["subject"].as_str().unwrap_or_default();
            assert!(
                subject
                    .chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "{subject}"
            );
            assert!(subject.contains(&number.to_string()), "{subject}");
            assert!(
                mail["raw_subject"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("=?utf-8?"),
                "{}",
                mail["raw_subject"]
            );
            assert_eq!(sent[0]["subject"].as_str(), Some(subject));
            let types: Vec<_> = mail["parts"]
                .as_array()
                .expect("parts")
                .iter()
                .map(|p| p["type"].clone())
                .collect();
            assert_eq!(types, [json!("text/plain"), json!("text/html")]);
            assert!(
                mail["parts"][1]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("<p>")
            );
        }
    })
    .await;
}

#[tokio::test]
async fn an_invalid_number_falls_back_to_email_and_a_crash_mid_send_does_not_send_twice() {
    // CF-4, DL-4
    on_each_backend(|app: TestApp| async move {
        let (url, gateway) = gateway().await;
        let config = integrations::Config { sms_url: Some(url), ..Default::default() };
        let app = with_transports(app, &config);
        app.seed_catalog().await;
        // A customer whose number the gateway refuses.
        let mut body = order_body();
        body["customer"]["phone"] = json!("+47 41 23 45 67");
        let number = app.post_ok("/orders", body, StatusCode::CREATED).await["number"].as_i64().expect("number");
        app.run_jobs().await;
        app.run_jobs().await;
        let after = messages_of(&app, number).await;
        let summary: Vec<_> = after.iter().map(|m| format!("{}:{}", m["channel"].as_str().unwrap_or(""), m["status"].as_str().unwrap_or(""))).collect();
        // The SMS failed; the email went to the outbox (no SMTP here) as the fallback.
        assert_eq!(summary, ["sms:failed", "email:outbox"]);
        let card = app.get_ok(&format!("/customers/{}", app.get_ok(&format!("/orders/{number}")).await["customer"]["id"])).await;
        assert_eq!(card["invalid_contacts"], json!(["+4741234567"]));
        // Another order: the gateway accepts, but the worker dies after sending, before recording.
        let number = app.post_ok("/orders", order_body(), StatusCode::CREATED).await["number"].as_i64().expect("number");
        let message = messages_of(&app, number).await[0]["id"].as_i64().expect("id");
        app.run_jobs().await;
        // As if the worker died after the gateway took the message but before it recorded that:
        // the message still `sending`, its job still leased.
        let pool = app.shop.store().pool();
        sqlx::query("UPDATE messages SET status = 'sending', provider_id = NULL WHERE id = $1").bind(message).execute(pool).await.expect("undo");
        let lease = store::to_millis(app.shop.now()) + 60_000;
        sqlx::query("UPDATE jobs SET state = 'queued', lease_owner = 'dead', lease_until = $1 WHERE kind = 'send_message' AND payload LIKE $2")
            .bind(lease)
            .bind(format!("%:{message}}}"))
            .execute(pool)
            .await
            .expect("undo");
        app.run_jobs().await;
        assert_eq!(gateway.requests.lock().expect("lock").len(), 2, "not again while the lease holds");
        app.clock.advance(SignedDuration::from_secs(120));
        app.run_jobs().await;
        let keys: Vec<String> = gateway.requests.lock().expect("lock").iter().map(|(k, _)| k.clone()).filter(|k| k.ends_with(&format!("-{message}"))).collect();
        // Sent twice over the wire with one idempotency key: the gateway delivers it once.
        assert_eq!(keys, [format!("shopdesk-msg-{message}"), format!("shopdesk-msg-{message}")]);
        let last = messages_of(&app, number).await;
        assert_eq!((last.len(), last[0]["status"].as_str()), (1, Some("sent")));
        assert_eq!(last[0]["provider_id"], format!("gw-shopdesk-msg-{message}"));
        // The gateway reports delivery; a report that comes again changes nothing.
        for _ in 0..2 {
            let receipt = json!({"reference": format!("shopdesk-msg-{message}"), "status": "delivered"});
            let reported = app.post_ok("/messages/receipts", receipt, StatusCode::OK).await;
            assert_eq!(reported["status"], "delivered");
        }
        // A later report that a sent SMS never arrived: the email takes over (CF-4).
        let (third, _) = app.place(order_body()).await;
        app.run_jobs().await;
        let sms = messages_of(&app, third).await[0]["id"].as_i64().expect("id");
        let receipt = json!({"reference": format!("shopdesk-msg-{sms}"), "status": "failed", "error": "unreachable handset"});
        assert_eq!(app.post_ok("/messages/receipts", receipt, StatusCode::OK).await["status"], "failed");
        app.run_jobs().await;
        let channels: Vec<_> = messages_of(&app, third)
            .await
            .iter()
            .map(|m| format!("{}:{}", m["channel"].as_str().unwrap_or(""), m["status"].as_str().unwrap_or("")))
            .collect();
        assert_eq!(channels, ["sms:failed", "email:outbox"]);
        let (status, err) = app.post("/messages/receipts", json!({"reference": "msg-1", "status": "delivered"})).await;
        assert_eq!((status, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reference")));
    })
    .await;
}

#[tokio::test]
async fn quiet_hours_hold_messages_until_morning() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        // 22:30 in Oslo.
        app.clock.set("2026-03-02T21:30:00Z".parse().expect("time"));
        let number = app
            .post_ok("/orders", order_body(), StatusCode::CREATED)
            .await["number"]
            .as_i64()
            .expect("number");
        app.run_jobs().await;
        assert_eq!(messages_of(&app, number).await[0]["status"], "queued");
        app.clock.set("2026-03-03T07:59:00Z".parse().expect("time"));
        app.run_jobs().await;
        assert_eq!(messages_of(&app, number).await[0]["status"], "queued");
        app.clock.set("2026-03-03T08:00:00Z".parse().expect("time"));
        app.run_jobs().await;
        let sent = messages_of(&app, number).await;
        assert_eq!(sent[0]["status"], "outbox");
        assert!(
            sent[0]["body"]
                .as_str()
                .unwrap_or_default()
                .contains(&number.to_string())
        );
    })
    .await;
}

#[tokio::test]
async fn the_shop_edits_templates_and_bad_edits_are_refused_with_the_line() {
    // AF-6
    let app = spawn(None).await;
    app.seed_catalog().await;
    let templates = app.get_ok("/templates").await;
    // Every key, by email and by SMS, in every language.
    let every = app::messaging::KEYS.len() * 2 * app::messaging::LOCALES.len();
    assert_eq!(templates.as_array().map(Vec::len), Some(every));
    let (status, err) = app
        .put(
            "/templates/order_being_assembled/sms/nb",
            json!({"body": "Hei {{ customer_name }}!\nOrdre {{ order_number }} {{ secret_code }}"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"]["field"], "body");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("line 2: unknown variable 'secret_code'"),
        "{err}"
    );
    let (status, err) = app
        .put(
            "/templates/order_being_assembled/sms/nb",
            json!({"body": "Hei {{ customer_name }\n"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("line 1"),
        "{err}"
    );
    let saved = app
        .put("/templates/order_being_assembled/sms/nb", json!({"body": "Hei {{ customer_name }}, ordre {{ order_number }} pakkes nå. Sum {{ total_minor|money(currency) }}."}))
        .await;
    assert_eq!(
        (saved.0, saved.1["source"].as_str()),
        (StatusCode::OK, Some("shop"))
    );
    let number = app
        .post_ok("/orders", order_body(), StatusCode::CREATED)
        .await["number"]
        .as_i64()
        .expect("number");
    let preview = app
        .post_ok("/templates/preview", json!({"key": "order_being_assembled", "channel": "sms", "locale": "nb", "order": number}), StatusCode::OK)
        .await;
    assert_eq!(
        preview["text"],
        format!("Hei Anna Berg, ordre {number} pakkes nå. Sum 49.70 EUR.")
    );
}

#[tokio::test]
async fn af4_af10_a_review_request_needs_consent_and_keeps_to_the_weekly_cap() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let delivered = |name: &str, phone: &str, consent: bool| {
            let mut body = order_body();
            body["customer"] = json!({"name": name, "phone": phone, "marketing_consent": consent});
            let app = &app;
            async move { app.deliver_at_the_shop(body).await.0 }
        };
        let silent = delivered("Bo Lund", "913 11 111", false).await;
        let first = delivered("Siri Dahl", "913 22 222", true).await;
        let second = delivered("Siri Dahl", "913 22 222", true).await;
        let asked = |number: i64| {
            let app = &app;
            async move {
                app.get_ok(&format!("/messages?order={number}"))
                    .await
                    .as_array()
                    .expect("messages")
                    .iter()
                    .any(|m| m["template"] == "review_request")
            }
        };
        app.clock.advance(SignedDuration::from_hours(24 * 9));
        app.run_jobs().await;
        assert!(!asked(first).await, "not before the tenth day");
        app.clock.advance(SignedDuration::from_hours(24 * 2));
        app.run_jobs().await;
        assert!(!asked(silent).await, "no consent, no review request");
        assert!(asked(first).await);
        assert!(!asked(second).await, "one marketing message a week");
        app.clock.advance(SignedDuration::from_hours(24 * 8));
        app.run_jobs().await;
        assert!(asked(second).await, "the next week it goes");
    })
    .await;
}

/// AF-10: the unsubscribe link in a review request is the customer's own secret, in the email
/// and in its List-Unsubscribe header (with RFC 8058 one-click). Following it asks once in the
/// customer's language; confirming withdraws consent, the card says so, and the next marketing
/// message is not sent.
#[tokio::test]
async fn af10_the_link_in_a_review_request_unsubscribes_and_the_next_one_is_not_sent() {
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let config = integrations::Config {
                smtp_url: Some(format!("smtp://127.0.0.1:{}", server.port).into()),
                mail_from: Some("Fjord & Thread <hello@fjord.example>".into()),
                ..Default::default()
            };
            let app = with_transports(app, &config);
            let base = app.base.clone();
            app.configure(|s| s["public_url"] = json!(base)).await;
            app.seed_catalog().await;
            // One SMTP server takes the mail of both backends: the app's port tells them apart.
            let port = app.base.rsplit(':').next().unwrap_or_default();
            let email = format!("siri+{port}@example.no");
            let mut numbers = Vec::new();
            for _ in 0..2 {
                let mut body = order_body();
                body["customer"] = json!({"name": "Siri Dahl", "email": email, "locale": "nb",
                    "preferred_channel": "email", "marketing_consent": true});
                numbers.push(app.deliver_at_the_shop(body).await.0);
            }
            app.clock.advance(SignedDuration::from_hours(24 * 11));
            // The review job queues the email; the next run sends it.
            app.run_jobs().await;
            app.run_jobs().await;
            let review_of = |number: i64| {
                let app = &app;
                async move {
                    messages_of(app, number)
                        .await
                        .into_iter()
                        .find(|m| m["template"] == "review_request")
                }
            };
            let review = review_of(numbers[0]).await.expect("a review request");
            assert_eq!(review["status"], "sent", "{review}");
            let id = review["id"].as_i64().expect("id");
            let mails = received(server);
            let mail = mails
                .iter()
                .find(|m| {
                    m["message_id"] == format!("<shopdesk-msg-{id}@fjord.example>")
                        && m["to"].as_str().unwrap_or_default().contains(&email)
                })
                .unwrap_or_else(|| panic!("no review request in {mails:?}"));
            let header = mail["list_unsubscribe"].as_str().unwrap_or_default();
            let link = header.trim().trim_matches(['<', '>']).to_owned();
            let token = link
                .strip_prefix(&format!("{}/unsubscribe/", app.base))
                .unwrap_or_else(|| panic!("{header}"));
            assert!(token.len() >= 32, "a secret, not a number: {token}");
            assert_eq!(mail["list_unsubscribe_post"], "List-Unsubscribe=One-Click");
            assert!(
                mail["parts"][0]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(&link),
                "the link is in the email itself: {}",
                mail["parts"][0]["text"]
            );
            // The neighbouring number is no one's link.
            let guessed = app.client.get(format!("{}/unsubscribe/1", app.base)).send();
            assert_eq!(guessed.await.expect("get").status(), StatusCode::NOT_FOUND);

            let page = app.client.get(&link).send().await.expect("get");
            assert_eq!(page.status(), StatusCode::OK);
            let page = page.text().await.expect("html");
            assert!(page.contains("Meld meg av"), "in her language: {page}");
            let done = app
                .client
                .post(&link)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .send()
                .await
                .expect("post");
            assert_eq!(done.status(), StatusCode::OK);
            assert!(
                done.text()
                    .await
                    .expect("html")
                    .contains("id=\"unsubscribed\"")
            );

            let order = app.get_ok(&format!("/orders/{}", numbers[0])).await;
            let card = app
                .get_ok(&format!("/customers/{}", order["customer"]["id"]))
                .await;
            assert_eq!(card["marketing_consent"], Value::Null, "{card}");
            assert_eq!(
                card["consent_withdrawn"]["source"], "unsubscribe link",
                "{card}"
            );

            app.clock.advance(SignedDuration::from_hours(24 * 8));
            app.run_jobs().await;
            assert!(
                review_of(numbers[1]).await.is_none(),
                "no marketing message after unsubscribing"
            );
        }
    })
    .await;
}
