//! The durable job queue: nothing scheduled is lost or run twice.

use std::sync::{Arc, Mutex};

use app::ManualClock;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

async fn invoice_order(app: &TestApp) -> i64 {
    let mut body = order_body();
    body["payment_mode"] = json!("after_confirmation");
    app.post_ok("/orders", body, StatusCode::CREATED).await["number"]
        .as_i64()
        .expect("a number")
}

async fn jobs(app: &TestApp, state: &str) -> Vec<store::jobs::JobRow> {
    let mut conn = app.shop.store().read().await.expect("connection");
    store::jobs::list(&mut conn, state, 1000)
        .await
        .expect("jobs")
}

#[tokio::test]
async fn scheduling_the_same_thing_twice_is_a_no_op() {
    on_each_backend(|app: TestApp| async move {
        let store = app.shop.store();
        let mut tx = store.begin_write().await.expect("tx");
        let key = Some("payment_reminder:1");
        let payload = r#"{"order": 1}"#;
        let first = store::jobs::enqueue(&mut tx, "payment_reminder", payload, 10, key, 0)
            .await
            .expect("enqueue");
        let again = store::jobs::enqueue(&mut tx, "payment_reminder", payload, 10, key, 0)
            .await
            .expect("enqueue");
        let earlier = store::jobs::enqueue(&mut tx, "payment_reminder", payload, 5, key, 0)
            .await
            .expect("enqueue");
        // A promise to wait longer moves the one job later.
        let later = store::jobs::enqueue(&mut tx, "payment_reminder", payload, 20, key, 0)
            .await
            .expect("enqueue");
        tx.commit().await.expect("commit");
        assert_eq!((first, again, earlier, later), (true, false, false, true));
        assert_eq!(jobs(&app, "").await[0].run_at, 20);
        assert_eq!(jobs(&app, "").await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_job_whose_worker_died_runs_again_after_its_lease() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let number = invoice_order(&app).await;
        // The invoice goes out at once; the reminder is due two days later.
        assert_eq!(app.shop.run_due_jobs("sender", 10).await.expect("run"), 1);
        app.clock.advance(SignedDuration::from_hours(48));
        let now = store::to_millis(app.shop.now());
        // A worker claims the reminder and dies before finishing it.
        let claimed = store::jobs::claim(app.shop.store(), "doomed", now, now + 60_000, 10)
            .await
            .expect("claim");
        assert_eq!(claimed.len(), 1);
        // Another worker does not take it while the lease holds...
        assert_eq!(app.shop.run_due_jobs("rescuer", 10).await.expect("run"), 0);
        // ...and does once it has expired.
        app.clock.advance(SignedDuration::from_secs(61));
        assert_eq!(app.shop.run_due_jobs("rescuer", 10).await.expect("run"), 1);
        let listed = app.get_ok("/jobs?state=done").await;
        assert!(
            listed.as_array().is_some_and(|l| l
                .iter()
                .any(|j| j["kind"] == "payment_reminder" && j["attempts"] == 2)),
            "{listed}"
        );
        let done = jobs(&app, "done").await;
        let reminder = done
            .iter()
            .find(|j| j.kind == "payment_reminder")
            .expect("the reminder ran");
        assert_eq!(reminder.attempts, 2);
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let reminders = order["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .filter(|e| e["data"]["template"] == "payment_reminder")
            .count();
        assert_eq!(reminders, 1);
    })
    .await;
}

#[tokio::test]
async fn jobs_survive_a_restart() {
    // Everything later is a row: a new process over the same database finds it.
    let db = store::scratch::create(None).await.expect("db");
    let start: jiff::Timestamp = "2026-03-02T09:00:00Z".parse().expect("time");
    {
        let store = store::Store::connect(&db.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        let mut tx = store.begin_write().await.expect("tx");
        store::jobs::enqueue(
            &mut tx,
            "payment_deadline",
            r#"{"order": 1}"#,
            store::to_millis(start),
            None,
            0,
        )
        .await
        .expect("enqueue");
        tx.commit().await.expect("commit");
        store.close().await;
    }
    let store = store::Store::connect(&db.url).await.expect("reconnect");
    let due = store::jobs::claim(
        &store,
        "after-restart",
        store::to_millis(start),
        store::to_millis(start) + 1,
        10,
    )
    .await
    .expect("claim");
    assert_eq!(due.len(), 1);
}

#[tokio::test]
async fn two_workers_never_run_the_same_job() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-M", "WH1", 1000, "A-01-1").await;
        for _ in 0..30 {
            invoice_order(&app).await;
        }
        // Thirty invoices to send now, thirty reminders in two days, and thirty reminder
        // messages those queue: every one run exactly once.
        app.clock.advance(SignedDuration::from_hours(48));
        let app = Arc::new(app);
        let mut workers = tokio::task::JoinSet::new();
        for name in ["left", "right"] {
            let app = app.clone();
            workers.spawn(async move {
                let mut ran = 0;
                loop {
                    match app.shop.run_due_jobs(name, 3).await.expect("run") {
                        0 => return ran,
                        n => ran += n,
                    }
                }
            });
        }
        let mut total = 0;
        while let Some(ran) = workers.join_next().await {
            total += ran.expect("worker");
        }
        // Thirty invoices to send, thirty reminders due, and the thirty reminder messages those
        // queue: every one run exactly once.
        assert_eq!(total, 90);
        let done = jobs(&app, "done").await;
        assert_eq!(done.len(), 90);
        assert_eq!(
            done.iter().filter(|j| j.kind == "payment_reminder").count(),
            30
        );
        assert!(
            done.iter().all(|j| j.attempts == 1),
            "a job was claimed twice"
        );
    })
    .await;
}

/// An SMS gateway on this machine that takes two seconds of the shop's time to answer each
/// message, and keeps the idempotency key of every message it is asked to send.
async fn slow_gateway(clock: Arc<ManualClock>) -> (String, Arc<Mutex<Vec<String>>>) {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    let send = move |headers: axum::http::HeaderMap| {
        let (clock, seen) = (clock.clone(), seen.clone());
        async move {
            clock.advance(SignedDuration::from_secs(2));
            let key = headers
                .get("idempotency-key")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            seen.lock().expect("the gateway's list").push(key);
            axum::Json(json!({"id": "gw-1"}))
        }
    };
    let router = axum::Router::new().route("/sms", axum::routing::post(send));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/sms", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, asked)
}

#[tokio::test]
async fn two_workers_and_a_slow_gateway_send_each_message_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.set_stock("SOCK-M", "WH1", 1000, "A-01-1").await;
        let (url, asked) = slow_gateway(app.clock.clone()).await;
        let sms = integrations::SmsGateway::new(&url, None, None).expect("gateway");
        let app = app.with_transports(app::messaging::Transports {
            sms: Some(Arc::new(sms)),
            ..Default::default()
        });
        // Forty-five customers who gave only a phone: their messages are due at once, and the
        // worker that claims a batch needs longer than one lease to send it all.
        for _ in 0..45 {
            let mut body = order_body();
            body["customer"] = json!({"name": "Anna Berg", "phone": "912 34 567"});
            app.post_ok("/orders", body, StatusCode::CREATED).await;
        }
        let app = Arc::new(app);
        let mut workers = tokio::task::JoinSet::new();
        for name in ["left", "right"] {
            let app = app.clone();
            workers.spawn(async move {
                // Each worker keeps asking until no message is left to send, as `shopdesk
                // worker` does every few seconds; bounded, so a stuck queue fails the test.
                for _ in 0..2000 {
                    if app.shop.run_due_jobs(name, 50).await.expect("run") == 0 {
                        let queued = jobs(&app, "queued").await;
                        if !queued.iter().any(|j| j.kind == "send_message") {
                            return;
                        }
                        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    }
                }
                panic!("messages were still waiting to be sent");
            });
        }
        while let Some(done) = workers.join_next().await {
            done.expect("worker");
        }
        let asked = asked.lock().expect("the gateway's list").clone();
        let mut once = asked.clone();
        once.sort();
        once.dedup();
        assert_eq!(
            asked.len(),
            once.len(),
            "a message went to the gateway twice"
        );
        let mut conn = app.shop.store().read().await.expect("connection");
        let filter = store::messaging::Filter {
            order_id: 0,
            customer_id: 0,
            status: "sent",
            limit: 1000,
            offset: 0,
        };
        let sent = store::messaging::list(&mut conn, &filter)
            .await
            .expect("messages");
        assert!(sent.len() >= 45, "every customer heard from the shop");
        assert_eq!(asked.len(), sent.len());
    })
    .await;
}
