//! shopdesk over HTTP.
//!
//! The JSON API lives under `/api/v1`, described by OpenAPI at `/api/openapi.json` and readable
//! at `/api/docs`. Handlers are thin: they read the request, call one use case of `app`, and
//! turn its answer or its error into a response. The back office's pages live under `/admin`;
//! `/healthz` and `/readyz` answer health checks and `/metrics` the owner's Prometheus; the
//! storefront is everything else a visitor opens, from `/`. Every request has an id, answered in
//! `X-Request-Id` and written in each of its log lines.

mod api;
mod docs;
mod error;
mod extract;
mod headers;
mod health;
mod pages;
mod signals;
mod storefront;

use std::time::Duration;

use axum::Router;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

pub use error::ApiError;
pub use pages::session::TrustedProxies;

/// The whole HTTP surface of a shop.
pub fn router(shop: app::Shop) -> Router {
    let (api, openapi) = api::router().split_for_parts();
    let openapi = std::sync::Arc::new(openapi);
    let http = signals::HttpMetrics::default();
    let observed = http.clone();
    let request_id = axum::http::HeaderName::from_static(signals::REQUEST_ID);
    Router::new()
        .merge(api)
        .merge(docs::router(openapi))
        .merge(health::router(http))
        .merge(pages::router(shop.clone()))
        .merge(storefront::router())
        .fallback(|| async { ApiError::not_found("page") })
        // Outside /api, a person gets that answer, or a route's refusal of its address, as a page.
        .layer(axum::middleware::from_fn_with_state(
            shop.clone(),
            storefront::html_errors,
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(axum::middleware::map_response(headers::secure))
        .layer(axum::middleware::from_fn(move |request, next| {
            observed.clone().observe(request, next)
        }))
        // Outermost last: a sane id is kept or a new one made, then the span is opened with it,
        // and the answer carries it back.
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(signals::request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .layer(axum::middleware::from_fn(signals::drop_insane_request_id))
        .with_state(shop)
}

/// Serves the shop until the process is asked to stop, believing `X-Forwarded-For` only from
/// the `proxies` named.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shop: app::Shop,
    proxies: TrustedProxies,
) -> std::io::Result<()> {
    let app = router(shop)
        .layer(axum::Extension(proxies))
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
