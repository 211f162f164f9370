//! The shop's storefront at `/`: the catalogue, product pages with the delivery window of each
//! method, the pages the owner writes (SU-2), the cart and the checkout, and the customer's
//! own order page behind the link every message carries. Server-rendered, and every step of
//! buying works without JavaScript; htmx only checks checkout fields as they are typed. It
//! shares the back office's languages (Fluent) but nothing of its sessions: a visitor is a
//! cart cookie, a language, and, when signed in to their account, a session of their own.

mod account;
mod checkout;
mod customer;
mod feeds;
mod media;
pub(crate) mod reviews;
mod shop;

use app::MoneyView;
use askama::Template;
use axum::Router;
use axum::extract::{Form, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::settings::ShopSettings;
use fluent_templates::fluent_bundle::FluentValue;

use crate::pages::frame::money_in;
use crate::pages::i18n::{LANGUAGES, Lang};
use crate::pages::session::{cookie, render, set_cookie};

/// The visitor's cart: a random token; the lines are kept on the server.
const CART_COOKIE: &str = "sd_cart";
/// The language a visitor chose.
const LANG_COOKIE: &str = "sd_lang";
/// A year, in seconds: carts and the chosen language outlive a browser session.
const YEAR: i64 = 365 * 24 * 3600;

pub fn router() -> Router<app::Shop> {
    Router::new()
        .route("/", get(shop::catalogue))
        .route("/products/{id}", get(shop::product))
        .route("/products/{id}/back-in-stock", post(shop::back_in_stock))
        .route("/faq", get(shop::faq))
        .route("/how-to-order", get(shop::how_to_order))
        .route("/delivery", get(shop::delivery))
        .route("/contacts", get(shop::contacts).post(shop::write_to_us))
        .route("/cart", get(checkout::cart).post(checkout::change))
        .route("/checkout", get(checkout::form).post(checkout::submit))
        .route("/checkout/check", post(checkout::check))
        .route("/checkout/back/{token}", get(checkout::back))
        .route("/o/{token}", get(customer::page))
        .route("/o/{token}/return", post(customer::ask_return))
        .route("/o/{token}/pay", post(customer::pay))
        .route("/o/{token}/review", post(reviews::write))
        .route("/o/{token}/rate", post(customer::rate))
        .route("/o/{token}/{answer}", post(customer::answer))
        .route("/newsletter", post(shop::subscribe))
        .route(
            "/newsletter/{token}",
            get(shop::subscription).post(shop::confirm_subscription),
        )
        .route("/account", get(account::page))
        .route("/account/sign-in", post(account::ask_link))
        .route(
            "/account/sign-in/{token}",
            get(account::link).post(account::use_link),
        )
        .route("/account/sign-out", post(account::sign_out))
        .route("/account/profile", post(account::profile))
        .route("/account/addresses", post(account::add_address))
        .route(
            "/account/addresses/{id}/delete",
            post(account::remove_address),
        )
        .route("/account/newsletter", post(account::newsletter))
        .route("/account/export", get(account::export))
        .route("/account/delete", post(account::erase))
        .route("/language", post(language))
        .route("/shop.css", get(stylesheet))
        .route("/shop.js", get(media::script))
        .route("/media/{file}", get(media::photo))
        .route("/feeds/yml.xml", get(feeds::yml))
        .route("/feeds/google.xml", get(feeds::google))
}

/// Who is browsing: the shop's settings, their language and their cart.
pub struct Visitor {
    pub settings: ShopSettings,
    pub lang: Lang,
    pub cart: Option<String>,
    /// The session of a signed-in customer, if any; checked where it matters.
    pub account: Option<String>,
    secure: bool,
    /// The page being shown, for the language switch to come back to.
    here: String,
}

impl FromRequestParts<app::Shop> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, shop: &app::Shop) -> Result<Self, Response> {
        let settings = shop.settings().await.map_err(|err| {
            tracing::error!(error = %err, "settings unreadable");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })?;
        Ok(Self::of(parts, settings))
    }
}

impl Visitor {
    fn of(parts: &Parts, settings: ShopSettings) -> Self {
        let headers = &parts.headers;
        let lang = Lang::negotiate(
            cookie(headers, LANG_COOKIE),
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
            &settings.default_locale,
        );
        // A page shown in answer to a form has no address to come back to; the shop's front
        // page does.
        let here = match parts.method {
            Method::GET => parts.uri.path_and_query().map_or("/", |p| p.as_str()),
            _ => "/",
        };
        Self {
            cart: cookie(headers, CART_COOKIE).map(str::to_owned),
            account: cookie(headers, account::ACCOUNT_COOKIE).map(str::to_owned),
            secure: settings.public_url.starts_with("https://"),
            here: same_site_path(here).unwrap_or("/").to_owned(),
            settings,
            lang,
        }
    }

    /// The frame of a page titled by a message id.
    pub fn frame(&self, title_id: &str) -> Look {
        self.titled(self.lang.text(title_id))
    }

    /// The frame of a page with a title of its own (a product's name).
    pub fn titled(&self, title: String) -> Look {
        Look {
            lang: self.lang.clone(),
            shop: self.settings.name.clone(),
            title,
            version: stylesheet_version(&self.settings),
            here: self.here.clone(),
        }
    }

    fn cart_cookie(&self, token: &str) -> String {
        set_cookie(CART_COOKIE, token, "/", 30 * 24 * 3600, self.secure)
    }

    /// The answer to a failure, as a page in the visitor's language.
    pub fn failure(&self, err: app::Error) -> Response {
        let (status, id) = match &err {
            app::Error::NotFound { .. } => (StatusCode::NOT_FOUND, "sf-error-not-found"),
            app::Error::Store(other) => {
                tracing::error!(error = %other, "storage failure");
                (StatusCode::SERVICE_UNAVAILABLE, "sf-error-unavailable")
            }
            app::Error::Forbidden => (StatusCode::FORBIDDEN, "sf-error-unavailable"),
            app::Error::Invalid { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "sf-error-refused"),
            _ => (StatusCode::CONFLICT, "sf-error-refused"),
        };
        let page = ErrorPage {
            back: "/",
            message: match err {
                app::Error::Conflict { code, message } => self.explain(code, &message),
                app::Error::Invalid { code, message, .. } => self.explain(code, &message),
                _ => self.lang.text(id),
            },
            f: self.frame("sf-error-title"),
        };
        (status, render(&page)).into_response()
    }

    /// The words for a refusal: the translation of its code where there is one, the use case's
    /// own sentence otherwise.
    pub fn explain(&self, code: &str, message: &str) -> String {
        self.lang
            .try_text(&format!("sf-problem-{code}"))
            .or_else(|| self.lang.try_text(&format!("refusal-{code}")))
            .unwrap_or_else(|| message.to_owned())
    }
}

/// What every storefront page shares: the language, the shop's name and the page's title.
pub struct Look {
    pub lang: Lang,
    pub shop: String,
    pub title: String,
    /// The fingerprint of the stylesheet, which carries the shop's colours.
    pub version: String,
    /// The page's own address on this site, where the language switch returns.
    pub here: String,
}

impl Look {
    pub fn t(&self, id: &str) -> String {
        self.lang.text(id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: impl ToString) -> String {
        self.lang
            .text_with(id, &[(name, FluentValue::from(value.to_string()))])
    }

    /// A message with two arguments.
    pub fn t2(
        &self,
        id: &str,
        a: &'static str,
        a_value: impl ToString,
        b: &'static str,
        b_value: impl ToString,
    ) -> String {
        self.lang.text_with(
            id,
            &[
                (a, FluentValue::from(a_value.to_string())),
                (b, FluentValue::from(b_value.to_string())),
            ],
        )
    }

    /// The words for a stored value, such as `delivery-courier`; the value when there are none.
    pub fn label(&self, kind: &str, value: &str) -> String {
        self.lang
            .try_text(&format!("{kind}-{value}"))
            .unwrap_or_else(|| value.to_owned())
    }

    pub fn money(&self, money: &MoneyView) -> String {
        money_in(money, self.lang.code)
    }

    /// A delivery price: "free" in words when it costs nothing.
    pub fn charge(&self, money: &MoneyView) -> String {
        if money.amount_minor == 0 {
            self.t("sf-free")
        } else {
            self.money(money)
        }
    }

    /// A variant's options as translated by the catalogue: "Colour: Navy, Size: M".
    pub fn options(&self, options: &[(String, String)]) -> String {
        options
            .iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What is wrong with a form's input, in words, with the input's name in front.
    pub fn problem_text(&self, input: &str, problem: &app::Problem) -> String {
        let words = self
            .lang
            .try_text(&format!("sf-problem-{}", problem.code))
            .unwrap_or_else(|| problem.message.clone());
        format!("{}: {words}", self.label("sf-field", input))
    }

    pub fn languages(&self) -> &'static [(&'static str, &'static str)] {
        &LANGUAGES
    }
}

#[derive(Template)]
#[template(path = "storefront/error.html")]
struct ErrorPage {
    f: Look,
    message: String,
    /// Where the way back leads: the shop's front page, or the back office.
    back: &'static str,
}

/// The one answer for a person who asked for something that is not there or sent an address
/// the routes cannot read (`/nope`, `/products/abc`, `/?page=abc`): an HTML page in the
/// visitor's language with a way back, in place of the router's plain-text or empty answer.
/// Answers under `/api` stay JSON and those under `/feeds` plain text; a page the routes
/// rendered themselves passes unchanged.
pub async fn html_errors(
    axum::extract::State(shop): axum::extract::State<app::Shop>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    // A feed's reader is a marketplace's robot: it is told why in plain text, not a page.
    if path == "/api" || path.starts_with("/api/") || path.starts_with("/feeds/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let response = next.run(Request::from_parts(parts.clone(), body)).await;
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain") || v.starts_with("application/json"));
    let status = response.status();
    if !(status.is_client_error() && plain) {
        return response;
    }
    let Ok(settings) = shop.settings().await else {
        return response;
    };
    let visitor = Visitor::of(&parts, settings);
    let id = if status == StatusCode::NOT_FOUND {
        "sf-error-not-found"
    } else {
        "sf-error-address"
    };
    let admin = path == "/admin" || path.starts_with("/admin/");
    let page = ErrorPage {
        message: visitor.lang.text(id),
        back: if admin { "/admin" } else { "/" },
        f: visitor.frame("sf-error-title"),
    };
    // A bad address is as missing as an unknown one: the page is not there.
    let status = match status {
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => StatusCode::NOT_FOUND,
        other => other,
    };
    let mut answer = (status, render(&page)).into_response();
    if let Some(allow) = response.headers().get(header::ALLOW) {
        answer.headers_mut().insert(header::ALLOW, allow.clone());
    }
    answer
}

/// Text the owner wrote, as paragraphs: split on blank lines, escaped by the template.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

#[derive(serde::Deserialize)]
struct LanguageForm {
    locale: String,
    #[serde(default)]
    back: String,
}

/// A path on this site, or nothing: never an address elsewhere (`//evil.example`,
/// `https://...`, `/\evil.example`, which browsers read as `//`), and only characters a
/// `Location` header carries as they are.
fn same_site_path(path: &str) -> Option<&str> {
    let local = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.len() <= 2000
        && path.bytes().all(|b| b.is_ascii_graphic());
    local.then_some(path)
}

/// Remembers the language the visitor chose and goes back to the page they were on.
async fn language(visitor: Visitor, Form(form): Form<LanguageForm>) -> Response {
    let known = LANGUAGES.iter().any(|(code, _)| *code == form.locale);
    let back = same_site_path(&form.back).unwrap_or("/");
    let mut response = Redirect::to(back).into_response();
    if known {
        let value = set_cookie(LANG_COOKIE, &form.locale, "/", YEAR, visitor.secure);
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

const STYLE: &str = include_str!("../../static/shop.css");

fn stylesheet_version(settings: &ShopSettings) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    (
        STYLE,
        &settings.storefront.colour,
        &settings.storefront.accent,
    )
        .hash(&mut hasher);
    format!("{:x}", hasher.finish() & 0xffff_ffff)
}

/// The stylesheet with the shop's colours, which the settings keep to `#rrggbb`.
async fn stylesheet(visitor: Visitor) -> Response {
    let colours = &visitor.settings.storefront;
    let css = format!(
        ":root {{ --brand: {}; --accent: {}; }}\n{STYLE}",
        colours.colour, colours.accent
    );
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        css,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_returns_only_to_a_path_on_this_site() {
        for path in ["/", "/products/7?sku=SOCK-M&size=M", "/contacts#form"] {
            assert_eq!(same_site_path(path), Some(path));
        }
        for path in [
            "",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "http://evil.example",
            "javascript:alert(1)",
            "evil.example",
            "/a b",
            "/\r\nSet-Cookie: x=1",
            "/ünï",
        ] {
            assert_eq!(same_site_path(path), None, "{path:?}");
        }
    }
}
