//! `/healthz` answers while the process runs; `/readyz` only while the database answers with
//! this build's migrations.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, on_each_backend};

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
