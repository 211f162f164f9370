//! The customer's account at `/account`, optional for buying: signing in by a link sent to a
//! phone or email, the order history, addresses for the checkout, birthday (AF-8), the channel
//! to hear from (DL-4), the newsletter (AF-10), and taking or erasing one's own data.

use app::storefront::{Account, AddressInput, Newsletter, ProfileInput};
use askama::Template;
use axum::extract::{Form, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Look, Visitor};
use crate::pages::session::{ClientAddress, render, set_cookie};

/// The signed-in customer's session: a random token; only its hash is kept.
pub const ACCOUNT_COOKIE: &str = "sd_account";

/// A signed-in customer, for the account's own actions. Not signed in: to the sign-in page.
pub struct Shopper {
    pub visitor: Visitor,
    pub customer_id: i64,
    session: String,
}

impl FromRequestParts<app::Shop> for Shopper {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, shop: &app::Shop) -> Result<Self, Response> {
        let visitor = Visitor::from_request_parts(parts, shop).await?;
        if parts.method != Method::GET && from_another_site(&parts.headers) {
            return Err(visitor.failure(app::Error::Forbidden));
        }
        let Some(session) = visitor.account.clone() else {
            return Err(Redirect::to("/account").into_response());
        };
        match shop.signed_in(&session).await {
            Ok(Some(customer_id)) => Ok(Self {
                visitor,
                customer_id,
                session,
            }),
            Ok(None) => Err(Redirect::to("/account").into_response()),
            Err(err) => Err(visitor.failure(err)),
        }
    }
}

/// A form a browser says came from another site. The cookie is SameSite=Lax already; this
/// also keeps another site from changing or erasing an account, signing a visitor in to an
/// account of its choosing, or sending links in the visitor's name.
fn from_another_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
}

impl Visitor {
    /// The card the visitor is signed in to, if they are.
    pub async fn customer(&self, shop: &app::Shop) -> app::Result<Option<i64>> {
        match self.account.as_deref() {
            Some(session) => shop.signed_in(session).await,
            None => Ok(None),
        }
    }

    fn account_cookie(&self, token: &str, max_age_seconds: i64) -> String {
        set_cookie(ACCOUNT_COOKIE, token, "/", max_age_seconds, self.secure)
    }
}

/// A response that also sets the account cookie (or, with an empty token, removes it).
fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The way in: ask for a link, the link's own page, and the farewell after erasing.
#[derive(Template)]
#[template(path = "storefront/account_door.html")]
struct DoorPage {
    f: Look,
    /// What the page says above the form, already translated.
    message: Option<String>,
    /// A refused request, in words, with its field.
    problem: Option<String>,
    /// The link's token when the visitor has a button to press.
    link: Option<String>,
    /// The form to ask for a link is shown.
    ask: bool,
    contact: String,
}

impl DoorPage {
    fn new(visitor: &Visitor) -> Self {
        Self {
            f: visitor.frame("sf-account-sign-in-title"),
            message: None,
            problem: None,
            link: None,
            ask: true,
            contact: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "storefront/account.html")]
struct AccountPage {
    f: Look,
    account: Account,
    notice: Option<String>,
    problem: Option<String>,
    tz: jiff::tz::TimeZone,
}

impl AccountPage {
    fn when(&self, at: &jiff::Timestamp) -> String {
        at.to_zoned_datetime(self.tz.clone())
            .strftime("%Y-%m-%d")
            .to_string()
    }

    fn birthday(&self) -> String {
        self.account
            .birthday
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    fn locale(&self) -> &str {
        self.account.locale.as_deref().unwrap_or(self.f.lang.code)
    }

    fn channel(&self) -> &str {
        self.account.preferred_channel.as_deref().unwrap_or("")
    }

    fn subscribed(&self) -> bool {
        self.account.newsletter == Newsletter::Subscribed
    }

    fn pending(&self) -> bool {
        self.account.newsletter == Newsletter::Pending
    }
}

/// The field of a refusal as the form's label names it.
fn label_of(field: &str) -> &str {
    match field {
        "address.line" => "address_line",
        "address.city" => "city",
        "address.postcode" => "postcode",
        "address.country" => "country",
        other => other,
    }
}

impl Visitor {
    /// A refused request in words: the field's label, then why.
    fn problem(&self, err: &app::Error) -> Option<String> {
        match err {
            app::Error::Invalid {
                field,
                code,
                message,
            } => Some(format!(
                "{}: {}",
                self.lang
                    .try_text(&format!("sf-field-{}", label_of(field)))
                    .unwrap_or_else(|| field.clone()),
                self.explain(code, message)
            )),
            app::Error::Conflict { code, message } => Some(self.explain(code, message)),
            _ => None,
        }
    }
}

async fn account_page(
    shop: &app::Shop,
    visitor: Visitor,
    customer_id: i64,
    notice: Option<String>,
    problem: Option<String>,
) -> Response {
    match shop.account(customer_id).await {
        Ok(account) => {
            let status = if problem.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            let page = AccountPage {
                f: visitor.frame("sf-account-title"),
                tz: crate::pages::session::time_zone(&visitor.settings),
                account,
                notice,
                problem,
            };
            (status, render(&page)).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    saved: Option<String>,
}

/// The account when signed in; the way to sign in otherwise.
pub async fn page(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Query(query): Query<PageQuery>,
) -> Response {
    match visitor.customer(&shop).await {
        Ok(Some(customer_id)) => {
            let notice = query
                .saved
                .is_some()
                .then(|| visitor.lang.text("sf-account-saved"));
            account_page(&shop, visitor, customer_id, notice, None).await
        }
        Ok(None) => render(&DoorPage::new(&visitor)),
        Err(err) => visitor.failure(err),
    }
}

#[derive(Deserialize)]
pub struct LinkRequest {
    contact: String,
}

/// Sends a sign-in link to the phone or email typed.
pub async fn ask_link(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    headers: HeaderMap,
    ClientAddress(sender): ClientAddress,
    Form(form): Form<LinkRequest>,
) -> Response {
    if from_another_site(&headers) {
        return visitor.failure(app::Error::Forbidden);
    }
    let mut page = DoorPage::new(&visitor);
    match shop
        .send_sign_in(&form.contact, visitor.lang.code, &sender)
        .await
    {
        Ok(()) => {
            page.message = Some(visitor.link_sent(form.contact.trim()));
            page.ask = false;
            render(&page)
        }
        Err(err @ (app::Error::Invalid { .. } | app::Error::Conflict { .. })) => {
            page.problem = visitor.problem(&err);
            page.contact = form.contact;
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}

impl Visitor {
    fn link_sent(&self, contact: &str) -> String {
        self.frame("sf-account-sign-in-title").t2(
            "sf-account-link-sent",
            "contact",
            contact,
            "minutes",
            app::storefront::LINK_LIFE.as_mins(),
        )
    }
}

/// The link from the message: a button to press, so a mail scanner opening the link signs
/// nobody in and uses nothing up.
pub async fn link(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Response {
    let mut page = DoorPage::new(&visitor);
    match shop.sign_in_link_works(&token).await {
        Ok(true) => {
            page.message = Some(visitor.lang.text("sf-account-link-text"));
            page.link = Some(token);
            page.ask = false;
        }
        Ok(false) => page.problem = Some(visitor.lang.text("sf-problem-link_expired")),
        Err(err) => return visitor.failure(err),
    }
    render(&page)
}

pub async fn use_link(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if from_another_site(&headers) {
        return visitor.failure(app::Error::Forbidden);
    }
    match shop.sign_in(&token).await {
        Ok(session) => {
            let seconds = session
                .expires_at
                .duration_since(shop.now())
                .as_secs()
                .max(0);
            with_cookie(
                Redirect::to("/account").into_response(),
                &visitor.account_cookie(&session.token, seconds),
            )
        }
        Err(err @ app::Error::Conflict { .. }) => {
            let mut page = DoorPage::new(&visitor);
            page.problem = visitor.problem(&err);
            (StatusCode::CONFLICT, render(&page)).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}

pub async fn sign_out(State(shop): State<app::Shop>, shopper: Shopper) -> Response {
    match shop.sign_out(&shopper.session).await {
        Ok(()) => with_cookie(
            Redirect::to("/").into_response(),
            &shopper.visitor.account_cookie("", 0),
        ),
        Err(err) => shopper.visitor.failure(err),
    }
}

/// After a change: the account again, saying it was saved, or the refusal beside it.
async fn after(shop: &app::Shop, shopper: Shopper, done: app::Result<()>) -> Response {
    match done {
        Ok(()) => Redirect::to("/account?saved=1").into_response(),
        Err(err @ (app::Error::Invalid { .. } | app::Error::Conflict { .. })) => {
            let problem = shopper.visitor.problem(&err);
            account_page(shop, shopper.visitor, shopper.customer_id, None, problem).await
        }
        Err(err) => shopper.visitor.failure(err),
    }
}

#[derive(Deserialize)]
pub struct ProfileForm {
    name: String,
    #[serde(default)]
    birthday: String,
    locale: String,
    #[serde(default)]
    preferred_channel: String,
}

pub async fn profile(
    State(shop): State<app::Shop>,
    shopper: Shopper,
    Form(form): Form<ProfileForm>,
) -> Response {
    let input = ProfileInput {
        name: form.name,
        birthday: form.birthday,
        locale: form.locale,
        preferred_channel: form.preferred_channel,
    };
    let done = shop.update_profile(shopper.customer_id, &input).await;
    after(&shop, shopper, done).await
}

#[derive(Deserialize)]
pub struct AddressForm {
    address_line: String,
    city: String,
    postcode: String,
    #[serde(default)]
    country: String,
}

pub async fn add_address(
    State(shop): State<app::Shop>,
    shopper: Shopper,
    Form(form): Form<AddressForm>,
) -> Response {
    let input = AddressInput {
        line: form.address_line,
        city: form.city,
        postcode: form.postcode,
        country: form.country,
    };
    let done = shop.save_address(shopper.customer_id, &input).await;
    after(&shop, shopper, done).await
}

pub async fn remove_address(
    State(shop): State<app::Shop>,
    shopper: Shopper,
    Path(id): Path<i64>,
) -> Response {
    let done = shop.remove_address(shopper.customer_id, id).await;
    after(&shop, shopper, done).await
}

#[derive(Deserialize)]
pub struct NewsletterForm {
    subscribe: String,
}

pub async fn newsletter(
    State(shop): State<app::Shop>,
    shopper: Shopper,
    Form(form): Form<NewsletterForm>,
) -> Response {
    let locale = shopper.visitor.lang.code;
    let done = shop
        .set_newsletter(shopper.customer_id, form.subscribe == "yes", locale)
        .await;
    after(&shop, shopper, done).await
}

/// Everything the shop keeps about the person, as a JSON file to save.
pub async fn export(State(shop): State<app::Shop>, shopper: Shopper) -> Response {
    let data = match shop.export_account(shopper.customer_id).await {
        Ok(data) => data,
        Err(err) => return shopper.visitor.failure(err),
    };
    match serde_json::to_string_pretty(&data) {
        Ok(json) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"my-data.json\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            json,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "export not serialisable");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: String,
}

/// Erases the person's data once they tick that they understand; signs them out.
pub async fn erase(
    State(shop): State<app::Shop>,
    shopper: Shopper,
    Form(form): Form<EraseForm>,
) -> Response {
    if form.confirm != "yes" {
        let refusal = app::Error::field(
            "confirm",
            "confirm_missing",
            "tick the box to say you want your data erased",
        );
        return after(&shop, shopper, Err(refusal)).await;
    }
    match shop.erase_account(shopper.customer_id).await {
        Ok(()) => {
            let visitor = &shopper.visitor;
            let mut page = DoorPage::new(visitor);
            page.message = Some(visitor.lang.text("sf-account-erased"));
            page.ask = false;
            with_cookie(render(&page), &visitor.account_cookie("", 0))
        }
        Err(err) => after(&shop, shopper, Err(err)).await,
    }
}
