//! What an operator watches: every request's id in its log lines, and its latency by route.
//!
//! A request keeps the `X-Request-Id` it came with when that is a sane token (a load balancer's
//! or a client's id, so one request can be followed across systems), else gets a new UUID; the
//! answer carries it back, and every log line written while the request is served is inside a
//! span that names it. The span names the route's template, never the raw path or query,
//! which can hold secrets (a customer's link, an unsubscribe secret); headers, with their
//! tokens and cookies, are never logged.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

pub const REQUEST_ID: &str = "x-request-id";

/// The route a request matched, as written in the router (`/api/v1/orders/{number}`), so a
/// metric or a log line has one series per route instead of one per order.
fn route_of(request: &Request) -> String {
    request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned()
}

/// An id from outside is kept only when it is short and plain, so it cannot forge log lines
/// or smuggle anything into them.
fn sane(id: &HeaderValue) -> bool {
    let id = id.as_bytes();
    (1..=128).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// Drops an `X-Request-Id` that is not sane; the request-id layer after it makes a new one.
pub async fn drop_insane_request_id(mut request: Request, next: Next) -> Response {
    if request
        .headers()
        .get(REQUEST_ID)
        .is_some_and(|id| !sane(id))
    {
        request.headers_mut().remove(REQUEST_ID);
    }
    next.run(request).await
}

/// The span every log line of a request is written in.
pub fn request_span(request: &Request) -> tracing::Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        route = %route_of(request),
    )
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

type Latencies = Family<RequestLabels, Histogram, fn() -> Histogram>;

/// Requests answered, by method, route template and status, with how long each took.
#[derive(Clone)]
pub struct HttpMetrics {
    latencies: Latencies,
}

impl Default for HttpMetrics {
    fn default() -> Self {
        // 5 ms to about 20 s, doubling: a page, a slow report, a timeout.
        fn buckets() -> Histogram {
            Histogram::new(exponential_buckets(0.005, 2.0, 13))
        }
        Self {
            latencies: Family::new_with_constructor(buckets),
        }
    }
}

impl HttpMetrics {
    /// Times a request and counts its answer.
    pub async fn observe(self, request: Request, next: Next) -> Response {
        let started = Instant::now();
        let method = request.method().to_string();
        let route = route_of(&request);
        let response = next.run(request).await;
        let status = response.status().as_u16();
        self.latencies
            .get_or_create(&RequestLabels {
                method,
                route,
                status,
            })
            .observe(started.elapsed().as_secs_f64());
        response
    }

    pub fn register(&self, registry: &mut Registry) {
        registry.register_with_unit(
            "http_request_duration",
            "HTTP requests answered, by method, route template and status",
            prometheus_client::registry::Unit::Seconds,
            self.latencies.clone(),
        );
    }
}
