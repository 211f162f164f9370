//! Logging in and out, and the person's language.

use app::backoffice::Login;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{
    COOKIE, LOGIN_COOKIE, Me, PageError, Session, cookie, language, render, set_cookie, time_zone,
};

#[derive(Template)]
#[template(path = "pages/login.html")]
struct LoginPage {
    f: Frame,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

#[derive(Deserialize)]
pub struct Credentials {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Only a path inside the back office, so the login cannot send anyone elsewhere.
fn safe_next(next: &str) -> &str {
    if next.starts_with("/admin") && !next.starts_with("/admin/login") && !next.contains("//") {
        next
    } else {
        "/admin"
    }
}

/// Whether cookies must only travel over https: when the shop says it is served that way.
fn secure_cookies(settings: &domain::settings::ShopSettings) -> bool {
    settings.public_url.starts_with("https://")
}

/// The login form with a fresh token for its double-submit cookie.
async fn login_page(
    shop: &app::Shop,
    headers: &HeaderMap,
    status: StatusCode,
    email: String,
    next: String,
    error: Option<Refusal>,
) -> Result<Response, PageError> {
    let settings = shop.settings().await?;
    let lang = language(headers, None, &settings);
    let token = app::backoffice::form_token()?;
    let mut f = Frame::new(lang, time_zone(&settings), None, "", "login-title");
    f.login_csrf = token.clone();
    let page = LoginPage {
        error: error.map(|refusal| match refusal {
            Refusal::Wrong => f.t("login-refused"),
            Refusal::Locked { minutes } => f.count("login-locked", minutes),
            Refusal::Slowed { seconds } => f.count("login-slowed", seconds),
        }),
        f,
        email,
        next,
    };
    let mut response = (status, render(&page)).into_response();
    let cookie = set_cookie(
        LOGIN_COOKIE,
        &token,
        "/admin/login",
        3600,
        secure_cookies(&settings),
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

pub async fn form(
    State(shop): State<app::Shop>,
    session: axum::Extension<Session>,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Result<Response, PageError> {
    if session.staff.is_some() {
        return Ok(Redirect::to(safe_next(&query.next)).into_response());
    }
    login_page(
        &shop,
        &headers,
        StatusCode::OK,
        String::new(),
        query.next,
        None,
    )
    .await
}

/// Why the form is shown again.
enum Refusal {
    Wrong,
    Locked {
        minutes: i64,
    },
    /// The account is tried from many places and answers one attempt every few seconds.
    Slowed {
        seconds: i64,
    },
}

pub async fn submit(
    State(shop): State<app::Shop>,
    session: axum::Extension<Session>,
    headers: HeaderMap,
    Form(credentials): Form<Credentials>,
) -> Result<Response, PageError> {
    let answer = shop
        .log_in(&credentials.email, &credentials.password, &session.address)
        .await?;
    let (status, refusal) = match answer {
        Login::In { token, expires_at } => {
            let settings = shop.settings().await?;
            let age = expires_at.duration_since(shop.now()).as_secs();
            let cookie = set_cookie(COOKIE, &token, "/admin", age, secure_cookies(&settings));
            let mut response = Redirect::to(safe_next(&credentials.next)).into_response();
            for value in [
                cookie,
                set_cookie(LOGIN_COOKIE, "", "/admin/login", 0, false),
            ] {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
            return Ok(response);
        }
        Login::Refused => (StatusCode::UNAUTHORIZED, Refusal::Wrong),
        Login::Locked { until } => {
            // Whole minutes, rounded up, so "in 0 minutes" is never said; a slowdown in seconds.
            let seconds = until.duration_since(shop.now()).as_secs().max(1);
            let refusal = if seconds < 60 {
                Refusal::Slowed { seconds }
            } else {
                Refusal::Locked {
                    minutes: (seconds + 59) / 60,
                }
            };
            (StatusCode::TOO_MANY_REQUESTS, refusal)
        }
    };
    login_page(
        &shop,
        &headers,
        status,
        credentials.email,
        credentials.next,
        Some(refusal),
    )
    .await
}

pub async fn log_out(
    State(shop): State<app::Shop>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if let Some(token) = cookie(&headers, COOKIE) {
        shop.log_out(token).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    if let Ok(value) = HeaderValue::from_str(&set_cookie(COOKIE, "", "/admin", 0, false)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct LanguageForm {
    locale: String,
}

/// The person's own language for the back office; empty to follow the browser. Back to the
/// page they were on.
pub async fn choose_language(
    State(shop): State<app::Shop>,
    me: Me,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Result<Redirect, PageError> {
    shop.set_own_locale(&me.staff, &form.locale).await?;
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| referer.find("/admin").map(|at| &referer[at..]))
        .unwrap_or("/admin");
    Ok(Redirect::to(safe_next(back)))
}
