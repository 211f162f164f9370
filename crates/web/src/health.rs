//! Health checks for a load balancer or a process supervisor, outside the API's tokens:
//! `/healthz` says the process answers; `/readyz` says it can serve, with a database that
//! answers and has this build's migrations.

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use store::Schema;

use crate::ApiError;

/// Longer than a healthy database ever takes, shorter than a load balancer waits.
const DATABASE_TIMEOUT: Duration = Duration::from_secs(3);

pub fn router() -> Router<app::Shop> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
}

async fn ready(State(shop): State<app::Shop>) -> Response {
    let unready = |code, message: &str| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code, message, None).into_response()
    };
    match tokio::time::timeout(DATABASE_TIMEOUT, shop.store().schema()).await {
        Ok(Ok(Schema::Current)) => "ok".into_response(),
        Ok(Ok(Schema::Behind)) => unready(
            "migrations_pending",
            "the database lacks migrations of this version: run `shopdesk migrate`",
        ),
        Ok(Ok(Schema::Ahead)) => unready(
            "schema_newer",
            "the database was migrated by a newer version of shopdesk than this one",
        ),
        Ok(Err(err)) => {
            tracing::error!(error = %err, "readiness: the database did not answer");
            unready("database_unavailable", "the database does not answer")
        }
        Err(_) => unready(
            "database_unavailable",
            "the database did not answer in time",
        ),
    }
}
