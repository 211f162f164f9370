//! `/healthz` answers while the process runs; `/readyz` only while the database answers with
//! this build's migrations; `/metrics` tells the owner's Prometheus what happens.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// The `code` of a 503 from `/readyz`.
async fn unready(app: &TestApp) -> String {
    let (status, body) = app.page("/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let body: Value = serde_json::from_str(&body).expect("a JSON error");
    body["error"]["code"].as_str().expect("a code").to_owned()
}

#[tokio::test]
async fn ready_only_while_the_database_answers_with_this_builds_migrations() {
    on_each_backend(|app: TestApp| async move {
        let ok = (StatusCode::OK, "ok".to_owned());
        assert_eq!(app.page("/healthz").await, ok);
        assert_eq!(app.page("/readyz").await, ok);

        let pool = app.shop.store().pool();
        let last: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(pool)
            .await
            .expect("migrations");
        sqlx::query("UPDATE _sqlx_migrations SET version = $1 WHERE version = $2")
            .bind(last + 1000)
            .bind(last)
            .execute(pool)
            .await
            .expect("pretend another build migrated");
        // The last migration of this build is missing, and one it does not know is there.
        assert_eq!(unready(&app).await, "migrations_pending");
        sqlx::query("UPDATE _sqlx_migrations SET version = $1 WHERE version = $2")
            .bind(last)
            .bind(last + 1000)
            .execute(pool)
            .await
            .expect("put it back");
        let copy = "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
                    SELECT version + 1000, description, installed_on, success, checksum, execution_time \
                    FROM _sqlx_migrations WHERE version = $1";
        sqlx::query(copy)
            .bind(last)
            .execute(pool)
            .await
            .expect("a newer build's migration");
        assert_eq!(unready(&app).await, "schema_newer");

        app.shop.store().close().await;
        assert_eq!(unready(&app).await, "database_unavailable");
        assert_eq!(app.page("/healthz").await, ok);
    })
    .await;
}

/// The metrics as the owner's Prometheus scrapes them.
async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(format!("{}/metrics", app.base))
        .bearer_auth(&app.token)
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("text")
}

/// The value of one series, `None` when the scrape does not have it.
fn series(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .map(|value| value.parse().expect("a number"))
}

#[tokio::test]
async fn metrics_count_requests_by_route_orders_payments_and_read_jobs_and_messages_when_scraped() {
    on_each_backend(|app: TestApp| async move {
        let metrics = format!("{}/metrics", app.base);
        let anonymous = app.client.get(&metrics).send().await.expect("request");
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let manager = app
            .shop
            .create_token("manager", domain::access::Role::Manager)
            .await
            .expect("token");
        let as_manager = app.client.get(&metrics).bearer_auth(&manager);
        let refused = as_manager.send().await.expect("request");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);

        app.seed_catalog().await;
        let (number, _) = app.place(order_body()).await;
        let mut bad = order_body();
        bad["lines"][0]["quantity"] = json!(0);
        let (status, _) = app.post("/orders", bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let payment = json!({"amount_minor": 1000, "method": "card"});
        app.post_ok(&format!("/orders/{number}/payments"), payment, StatusCode::OK)
            .await;
        app.get_ok(&format!("/orders/{number}")).await;
        app.get_ok(&format!("/orders/{number}")).await;
        app.clock.advance(jiff::SignedDuration::from_secs(90));

        let text = scrape(&app).await;
        // The refused order counts nothing.
        assert_eq!(
            series(&text, r#"shopdesk_orders_placed_total{channel="api"}"#),
            Some(1.0)
        );
        assert_eq!(series(&text, "shopdesk_payments_recorded_total"), Some(1.0));
        // One series per route, not one per order.
        let reads = r#"shopdesk_http_request_duration_seconds_count{method="GET",route="/api/v1/orders/{number}",status="200"}"#;
        assert_eq!(series(&text, reads), Some(2.0), "{text}");
        assert!(!text.contains(&format!("/orders/{number}\"")), "{text}");
        let refusal = r#"shopdesk_http_request_duration_seconds_count{method="POST",route="/api/v1/orders",status="422"}"#;
        assert_eq!(series(&text, refusal), Some(1.0));
        // The messages of the order wait for the worker, the oldest for the 90 seconds.
        let queued = series(&text, r#"shopdesk_jobs{kind="send_message",state="queued"}"#);
        assert!(queued.is_some_and(|n| n >= 1.0), "{text}");
        assert_eq!(series(&text, "shopdesk_oldest_due_job_age_seconds"), Some(90.0));
        let waiting = series(&text, r#"shopdesk_messages{state="queued"}"#);
        assert_eq!(waiting, queued);

        app.run_jobs().await;
        let text = scrape(&app).await;
        assert_eq!(series(&text, "shopdesk_oldest_due_job_age_seconds"), Some(0.0));
        let done = series(&text, r#"shopdesk_jobs{kind="send_message",state="done"}"#);
        assert_eq!(done, queued, "{text}");
        // Without transports, every message is kept in the outbox.
        assert_eq!(series(&text, r#"shopdesk_messages{state="outbox"}"#), queued);
        assert_eq!(series(&text, r#"shopdesk_messages{state="queued"}"#), None);
    })
    .await;
}
