//! Health checks for a load balancer or a process supervisor, outside the API's tokens:
//! `/healthz` says the process answers; `/readyz` says it can serve, with a database that
//! answers and has this build's migrations. Beside them, `/metrics` answers the shop's metrics
//! in the OpenMetrics text format Prometheus scrapes, to an owner's token only.

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use store::Schema;

use crate::ApiError;
use crate::extract::Caller;
use crate::signals::HttpMetrics;

/// Longer than a healthy database ever takes, shorter than a load balancer waits.
const DATABASE_TIMEOUT: Duration = Duration::from_secs(3);

pub fn router(http: HttpMetrics) -> Router<app::Shop> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route(
            "/metrics",
            get(move |shop, caller| metrics(shop, caller, http.clone())),
        )
}

/// Builds the answer anew at each scrape: the counters as they stand, the levels read now.
async fn metrics(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    http: HttpMetrics,
) -> Result<Response, ApiError> {
    let mut registry = prometheus_client::registry::Registry::with_prefix("shopdesk");
    shop.register_metrics(&actor, &mut registry).await?;
    http.register(&mut registry);
    let mut text = String::new();
    prometheus_client::encoding::text::encode(&mut text, &registry).map_err(|_| {
        let message = "the metrics could not be written";
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "unavailable",
            message,
            None,
        )
    })?;
    let kind = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    Ok(([(axum::http::header::CONTENT_TYPE, kind)], text).into_response())
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
