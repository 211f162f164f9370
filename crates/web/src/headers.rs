//! The headers every answer carries, set in one place for the API, its docs, the back office
//! and the storefront alike.

use axum::http::{HeaderValue, header};
use axum::response::Response;

/// No framing, no sniffing, scripts and styles from the shop only, no referrer to other sites.
/// An answer that does not say how long it may be kept (everything but the fingerprinted
/// stylesheets and scripts) is kept nowhere: orders, cards and pages carry a customer's name,
/// phone and address, which a shared computer's cache or a proxy must not hold.
pub(crate) async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}
