//! The durable job queue: nothing scheduled is lost or run twice.

use std::sync::Arc;

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
