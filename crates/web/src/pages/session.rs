//! Who is asking, checked once per request: the session cookie, the CSRF token of every POST,
//! and the answer when something goes wrong, as a page in the person's language.

use std::net::{IpAddr, SocketAddr};

use app::backoffice::Staff;
use askama::Template;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::tz::TimeZone;

use super::frame::Frame;
use super::i18n::Lang;

/// The session cookie: HttpOnly, SameSite=Lax, Secure when the shop is served over https.
pub const COOKIE: &str = "sd_session";
/// The login form's own token (double-submit), since there is no session yet.
pub const LOGIN_COOKIE: &str = "sd_login";
/// Forms are small; a template is the largest thing a page sends.
const FORM_LIMIT: usize = 256 * 1024;
/// A form of files (product photos) is the one large thing the back office takes.
pub const UPLOAD_LIMIT: usize = 100 * 1024 * 1024;

/// The value of a cookie the browser sent.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// A `Set-Cookie` value for the back office's path; an empty value with no age removes it.
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age_seconds: i64,
    secure: bool,
) -> String {
    format!(
        "{name}={value}; Path={path}; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The value of a field in a form body. Tokens are hex, so they arrive unencoded.
fn form_field<'a>(body: &'a [u8], name: &str) -> Option<&'a [u8]> {
    body.split(|b| *b == b'&').find_map(|pair| {
        pair.strip_prefix(name.as_bytes())
            .and_then(|rest| rest.strip_prefix(b"="))
    })
}

/// Compares without stopping at the first difference, so the time taken tells nothing.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The reverse proxies in front of the shop, as the configuration names them: only a request
/// coming from one of them is believed about the address it was forwarded for.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<ipnet::IpNet>);

impl TrustedProxies {
    /// A list of addresses or networks separated by commas: `127.0.0.1, 10.0.0.0/8`.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<ipnet::IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        format!("'{item}' is not an address or a network such as 10.0.0.0/8")
                    })
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    fn trusts(&self, peer: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&peer))
    }
}

/// The caller's address for counting failed logins: the peer, or, when the peer is a proxy
/// the configuration trusts, the address that proxy reports last in `X-Forwarded-For`.
fn client_address(parts: &Parts) -> String {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let proxied = |ip: IpAddr| {
        parts
            .extensions
            .get::<TrustedProxies>()
            .is_some_and(|proxies| proxies.trusts(ip))
    };
    let forwarded = parts
        .headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(str::trim)
        .and_then(|v| v.parse::<IpAddr>().ok());
    match (peer, forwarded) {
        (Some(peer), Some(forwarded)) if proxied(peer) => forwarded.to_string(),
        (Some(peer), _) => peer.to_string(),
        (None, _) => "unknown".into(),
    }
}

/// Where a request came from, read as [`client_address`] reads it: the storefront counts a
/// visitor's messages by it (SU-1), as the login counts failures.
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(client_address(parts)))
    }
}

/// The session as the guard found it, for the handlers.
#[derive(Clone)]
pub struct Session {
    pub token: Option<String>,
    pub staff: Option<Staff>,
    /// Where the request came from, for counting failed logins.
    pub address: String,
}

/// Runs around every back-office request: finds the session, refuses a POST whose CSRF token
/// does not match, and turns a [`PageError`] into a page.
pub async fn guard(State(shop): State<app::Shop>, request: Request, next: Next) -> Response {
    // The stylesheet and htmx are the same for everyone: no session to look up.
    if request.uri().path().starts_with("/admin/static/") {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let asked = Asked {
        method: parts.method.clone(),
        uri: parts.uri.clone(),
        headers: parts.headers.clone(),
    };
    let token = cookie(&parts.headers, COOKIE).map(str::to_owned);
    let staff = match &token {
        Some(token) => shop.staff(token, asked.method == Method::GET).await,
        None => Ok(None),
    };
    let staff = match staff {
        Ok(staff) => staff,
        Err(err) => return failure(&shop, &asked, None, PageError::from(err)).await,
    };
    let body = if asked.method == Method::POST {
        match checked_form(body, &asked, staff.as_ref()).await {
            Ok(body) => body,
            Err(error) => return failure(&shop, &asked, staff.as_ref(), error).await,
        }
    } else {
        body
    };
    let address = client_address(&parts);
    parts.extensions.insert(Session {
        token,
        staff: staff.clone(),
        address,
    });
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(error) = response.extensions_mut().remove::<PageError>() {
        response = failure(&shop, &asked, staff.as_ref(), error).await;
    }
    response
}

/// What a failure page needs to know of the request.
struct Asked {
    method: Method,
    uri: Uri,
    headers: HeaderMap,
}

/// Reads a POST's form and checks its CSRF token: the session's, or before login the login
/// cookie's. Gives the body back for the handler. A form of files (`multipart/form-data`) is
/// taken only from a signed-in person, its token read from its first field.
async fn checked_form(body: Body, asked: &Asked, staff: Option<&Staff>) -> Result<Body, PageError> {
    let boundary = asked
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    if boundary.is_some() && staff.is_none() {
        return Err(PageError::LoginRequired);
    }
    let limit = if boundary.is_some() {
        UPLOAD_LIMIT
    } else {
        FORM_LIMIT
    };
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| PageError::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large"))?;
    let login = asked.uri.path() == "/admin/login";
    let expected = match staff {
        Some(staff) => Some(staff.csrf_token.as_str()),
        None if login => cookie(&asked.headers, LOGIN_COOKIE),
        None => return Err(PageError::LoginRequired),
    };
    let sent = match boundary {
        Some(boundary) => first_field(bytes.clone(), boundary, "csrf").await,
        None => form_field(&bytes, "csrf").map(<[u8]>::to_vec),
    };
    match (expected, sent) {
        (Some(expected), Some(sent))
            if !expected.is_empty() && same_secret(expected.as_bytes(), &sent) =>
        {
            Ok(Body::from(bytes))
        }
        _ => Err(PageError::new(StatusCode::FORBIDDEN, "error-csrf")),
    }
}

/// The value of a form of files' first field when it is `name`: the page puts its token
/// first, so no file is read to find it.
async fn first_field(bytes: axum::body::Bytes, boundary: String, name: &str) -> Option<Vec<u8>> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
    let mut form = multer::Multipart::new(stream, boundary);
    let field = form.next_field().await.ok()??;
    if field.name() != Some(name) {
        return None;
    }
    field.bytes().await.ok().map(|b| b.to_vec())
}

/// The language for this request: the person's, the browser's, the shop's.
pub fn language(
    headers: &HeaderMap,
    staff: Option<&Staff>,
    settings: &domain::settings::ShopSettings,
) -> Lang {
    Lang::negotiate(
        staff.and_then(|s| s.locale.as_deref()),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        &settings.default_locale,
    )
}

pub fn time_zone(settings: &domain::settings::ShopSettings) -> TimeZone {
    TimeZone::get(&settings.time_zone).unwrap_or(TimeZone::UTC)
}

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage {
    f: Frame,
    message: String,
}

/// Answers a failure as a page in the person's language (or a redirect to the login).
async fn failure(
    shop: &app::Shop,
    asked: &Asked,
    staff: Option<&Staff>,
    error: PageError,
) -> Response {
    let (status, id) = match error {
        PageError::LoginRequired => {
            let next = asked.uri.path_and_query().map_or("/admin", |p| p.as_str());
            let target = if asked.method == Method::GET && next.starts_with("/admin") {
                format!("/admin/login?next={}", encode(next))
            } else {
                "/admin/login".to_owned()
            };
            return Redirect::to(&target).into_response();
        }
        PageError::Page { status, id } => (status, id),
    };
    let settings = shop.settings().await.unwrap_or_default();
    let lang = language(&asked.headers, staff, &settings);
    let page = ErrorPage {
        message: lang.text(id),
        f: Frame::new(lang, time_zone(&settings), staff, "", "error-title"),
    };
    (status, render(&page)).into_response()
}

/// Percent-encodes a path for a query parameter.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// Renders a template as HTML; a template that fails to render is a bug, logged, never shown.
pub fn render(page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "a page did not render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be shown",
            )
                .into_response()
        }
    }
}

/// Why a page cannot be shown. Handlers return it; [`guard`] renders it with the request's
/// language and frame.
#[derive(Debug, Clone)]
pub enum PageError {
    /// No live session: log in first.
    LoginRequired,
    Page {
        status: StatusCode,
        id: &'static str,
    },
}

impl PageError {
    pub fn new(status: StatusCode, id: &'static str) -> Self {
        Self::Page { status, id }
    }
}

impl From<app::Error> for PageError {
    fn from(err: app::Error) -> Self {
        match err {
            app::Error::Forbidden | app::Error::Denied { .. } => {
                Self::new(StatusCode::FORBIDDEN, "error-forbidden")
            }
            app::Error::NotFound { .. } => Self::new(StatusCode::NOT_FOUND, "error-not-found"),
            app::Error::Store(other) => {
                // Internal details go to the log, never to the page.
                tracing::error!(error = %other, "storage failure");
                Self::new(StatusCode::SERVICE_UNAVAILABLE, "error-unavailable")
            }
            app::Error::Invalid { .. } | app::Error::Conflict { .. } | app::Error::Refused(_) => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "error-invalid")
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// A logged-in person with what their pages need: the shop's settings and their language.
pub struct Me {
    pub staff: Staff,
    pub token: String,
    pub settings: domain::settings::ShopSettings,
    pub lang: Lang,
}

impl Me {
    pub fn actor(&self) -> &app::access::Actor {
        &self.staff.actor
    }

    /// The frame of a page in `section` of the navigation, titled by a message id.
    pub fn frame(&self, section: &str, title_id: &str) -> Frame {
        Frame::new(
            self.lang.clone(),
            time_zone(&self.settings),
            Some(&self.staff),
            section,
            title_id,
        )
    }

    /// The words for a refusal or bad input: the translation of its code where there is one,
    /// the use case's own sentence otherwise.
    pub fn explain(&self, err: &app::Error) -> String {
        let message = match err {
            app::Error::Invalid { message, .. } => message.clone(),
            app::Error::Forbidden | app::Error::Store(_) => String::new(),
            other => other.to_string(),
        };
        self.lang
            .try_text(&format!("refusal-{}", err.code()))
            .unwrap_or(message)
    }

    /// Leaves a notice for the next page.
    pub async fn notice(&self, shop: &app::Shop, text: &str) -> Result<(), PageError> {
        Ok(shop.set_flash(&self.token, text).await?)
    }

    /// The status a page answers a refused form with.
    pub fn refused_status(err: &app::Error) -> StatusCode {
        match err {
            app::Error::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            app::Error::Forbidden | app::Error::Denied { .. } => StatusCode::FORBIDDEN,
            _ => StatusCode::CONFLICT,
        }
    }

    /// What a form's use case answered, for the page shown next: its result, or the refusal in
    /// the person's words with its status. A failing store is the page's error, not a refusal.
    pub fn outcome<T>(
        &self,
        outcome: Result<T, app::Error>,
    ) -> Result<(Option<T>, Option<String>, StatusCode), PageError> {
        match outcome {
            Ok(done) => Ok((Some(done), None, StatusCode::OK)),
            Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
            Err(err) => Ok((None, Some(self.explain(&err)), Self::refused_status(&err))),
        }
    }
}

impl FromRequestParts<app::Shop> for Me {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, shop: &app::Shop) -> Result<Self, PageError> {
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(PageError::LoginRequired)?;
        let (Some(staff), Some(token)) = (session.staff, session.token) else {
            return Err(PageError::LoginRequired);
        };
        let settings = shop.settings().await?;
        let lang = language(&parts.headers, Some(&staff), &settings);
        Ok(Self {
            staff,
            token,
            settings,
            lang,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_a_proxy_the_configuration_names_is_believed_about_the_callers_address() {
        let address = |peer: &str, proxies: Option<&str>| {
            let mut request = Request::builder()
                .header("x-forwarded-for", "198.51.100.7, 203.0.113.5")
                .body(())
                .expect("a request");
            let peer: SocketAddr = peer.parse().expect("a peer");
            request.extensions_mut().insert(ConnectInfo(peer));
            if let Some(list) = proxies {
                let proxies = TrustedProxies::parse(list).expect("proxies");
                request.extensions_mut().insert(proxies);
            }
            client_address(&request.into_parts().0)
        };
        // A forged header from anywhere, even the private network, changes nothing.
        assert_eq!(address("10.1.2.3:5000", None), "10.1.2.3");
        assert_eq!(address("10.1.2.3:5000", Some("127.0.0.1")), "10.1.2.3");
        // The proxy named reports the address it saw last.
        assert_eq!(
            address("10.1.2.3:5000", Some("127.0.0.1, 10.0.0.0/8")),
            "203.0.113.5"
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
    }

    #[test]
    fn a_form_field_is_found_by_its_exact_name() {
        let body = b"reason=late&xcsrf=1&csrf=abc123&other=";
        assert_eq!(form_field(body, "csrf"), Some(&b"abc123"[..]));
        assert_eq!(form_field(body, "missing"), None);
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"ab"));
    }

    #[test]
    fn cookies_are_read_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; sd_session=xyz; b=2"),
        );
        assert_eq!(cookie(&headers, COOKIE), Some("xyz"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}
