//! A customer's unsubscribe link (AF-10): a page that asks once, and a POST that withdraws
//! marketing consent. A mail client's one-click unsubscribe (RFC 8058) posts to the same link,
//! so it lives outside the back office's session and form checks: the link's secret is the
//! proof, and the worst a stranger holding it can do is what the link is for.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::frame::Frame;
use super::i18n::Lang;
use super::session::{render, time_zone};

#[derive(Template)]
#[template(path = "pages/unsubscribe.html")]
struct UnsubscribePage {
    f: Frame,
    token: String,
    shop: String,
    /// Whether the customer still gets marketing messages; `None` for a link nobody has.
    subscribed: Option<bool>,
}

pub fn router() -> Router<app::Shop> {
    Router::new().route("/unsubscribe/{token}", get(ask).post(confirm))
}

async fn ask(
    State(shop): State<app::Shop>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = shop.subscription(&token).await;
    answer(&shop, &headers, token, outcome).await
}

async fn confirm(
    State(shop): State<app::Shop>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = shop.unsubscribe(&token).await;
    answer(&shop, &headers, token, outcome).await
}

/// The page in the customer's language, else the browser's, else the shop's.
async fn answer(
    shop: &app::Shop,
    headers: &HeaderMap,
    token: String,
    outcome: app::Result<app::customers::Subscription>,
) -> Response {
    let settings = match shop.settings().await {
        Ok(settings) => settings,
        Err(err) => return unavailable(&err),
    };
    let (status, subscription) = match outcome {
        Ok(subscription) => (StatusCode::OK, Some(subscription)),
        Err(app::Error::NotFound { .. }) => (StatusCode::NOT_FOUND, None),
        Err(err) => return unavailable(&err),
    };
    let lang = Lang::negotiate(
        subscription.as_ref().and_then(|s| s.locale.as_deref()),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        &settings.default_locale,
    );
    let page = UnsubscribePage {
        f: Frame::new(lang, time_zone(&settings), None, "", "unsubscribe-title"),
        token,
        shop: settings.name,
        subscribed: subscription.map(|s| s.subscribed),
    };
    (status, render(&page)).into_response()
}

fn unavailable(err: &app::Error) -> Response {
    tracing::error!(error = %err, "the unsubscribe page failed");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "please try again in a minute",
    )
        .into_response()
}
