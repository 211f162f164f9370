//! The owner's people and keys: users with their roles, access and passwords, and API tokens.
//! A new password or token is shown once, on the answer to the form, and never stored. The
//! shop's couriers are made here too, each with the login that delivers as them (DL-7).

use app::backoffice::{NewUser, TokenView, UserView};
use app::fulfilment::{CourierView, NewCourier};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Response};
use domain::access::Role;
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

const ROLES: [&str; 4] = ["owner", "manager", "packer", "courier"];

/// A secret shown once: whose, and the secret.
pub struct ShownOnce {
    pub(super) label: String,
    pub(super) secret: String,
}

#[derive(Template)]
#[template(path = "pages/users.html")]
struct UsersPage {
    f: Frame,
    users: Vec<UserView>,
    tokens: Vec<TokenView>,
    roles: [&'static str; 4],
    shown_once: Option<ShownOnce>,
    refusal: Option<String>,
    /// What the owner typed into the new-user form, kept when it was refused.
    draft: NewUser,
    couriers: Vec<CourierView>,
    /// Users with the courier role, who may be a courier's login.
    courier_logins: Vec<UserView>,
}

impl UsersPage {
    /// The email of the login a courier delivers as, or nothing.
    fn login_of(&self, courier: &CourierView) -> String {
        self.users
            .iter()
            .find(|u| Some(u.id) == courier.user_id)
            .map(|u| u.email.clone())
            .unwrap_or_default()
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    outcome: Result<Option<ShownOnce>, app::Error>,
    draft: NewUser,
) -> Result<Response, PageError> {
    let (shown, refusal, status) = me.outcome(outcome)?;
    let shown_once = shown.flatten();
    let users = shop.users(me.actor()).await?;
    let view = UsersPage {
        courier_logins: users
            .iter()
            .filter(|u| u.role == Role::Courier)
            .cloned()
            .collect(),
        couriers: shop.couriers(me.actor()).await?,
        users,
        tokens: shop.api_tokens(me.actor()).await?,
        f: me.frame("users", "users-title"),
        roles: ROLES,
        shown_once,
        refusal,
        draft,
    };
    Ok((status, render(&view)).into_response())
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show(&shop, &me, Ok(None), NewUser::default()).await
}

/// The password of a new or reset login, for the owner to hand over.
fn password_shown(me: &Me, login: app::backoffice::NewLogin) -> ShownOnce {
    ShownOnce {
        label: me
            .lang
            .text_with("users-password-for", &[("email", login.user.email.into())]),
        secret: login.password,
    }
}

pub async fn create(
    State(shop): State<app::Shop>,
    me: Me,
    Form(input): Form<NewUser>,
) -> Result<Response, PageError> {
    match shop.create_user(me.actor(), &input).await {
        Ok(login) => {
            show(
                &shop,
                &me,
                Ok(Some(password_shown(&me, login))),
                NewUser::default(),
            )
            .await
        }
        Err(err) => show(&shop, &me, Err(err), input).await,
    }
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    role: String,
}

pub async fn role(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<RoleForm>,
) -> Result<Response, PageError> {
    let outcome = shop
        .change_role(me.actor(), id, &form.role)
        .await
        .map(|_| None);
    show(&shop, &me, outcome, NewUser::default()).await
}

#[derive(Debug, Deserialize)]
pub struct AccessForm {
    /// `disable` or `enable`.
    access: String,
}

pub async fn access(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<AccessForm>,
) -> Result<Response, PageError> {
    let disable = form.access == "disable";
    let outcome = shop
        .set_user_disabled(me.actor(), id, disable)
        .await
        .map(|_| None);
    show(&shop, &me, outcome, NewUser::default()).await
}

pub async fn password(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let outcome = shop
        .reset_password(me.actor(), id)
        .await
        .map(|login| Some(password_shown(&me, login)));
    show(&shop, &me, outcome, NewUser::default()).await
}

/// Clears a user's failed logins, so an account tried by someone else opens again at once.
pub async fn unlock(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let outcome = shop.unlock_user(me.actor(), id).await.map(|_| None);
    show(&shop, &me, outcome, NewUser::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    name: String,
    role: String,
    /// The person the token acts as, with their role; empty for a token of `role`.
    acts_as: String,
}

pub async fn token(
    State(shop): State<app::Shop>,
    me: Me,
    Form(form): Form<TokenForm>,
) -> Result<Response, PageError> {
    let outcome = shop
        .issue_token(
            me.actor(),
            &form.name,
            &form.role,
            form.acts_as.trim().parse().ok(),
        )
        .await
        .map(|token| {
            Some(ShownOnce {
                label: me.lang.text_with(
                    "users-token-for",
                    &[("name", form.name.trim().to_owned().into())],
                ),
                secret: token,
            })
        });
    show(&shop, &me, outcome, NewUser::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CourierForm {
    name: String,
    phone: String,
    /// The login who delivers as this courier; empty for none.
    user_id: String,
}

/// A new courier of the shop, with the login who delivers as them (DL-7).
pub async fn create_courier(
    State(shop): State<app::Shop>,
    me: Me,
    Form(form): Form<CourierForm>,
) -> Result<Response, PageError> {
    let input = NewCourier {
        name: form.name,
        phone: form.phone,
        user_id: form.user_id.trim().parse().ok(),
    };
    let outcome = shop.create_courier(me.actor(), &input).await.map(|_| None);
    show(&shop, &me, outcome, NewUser::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CourierLoginForm {
    /// Empty to unlink.
    user_id: String,
}

/// Which login delivers as this courier.
pub async fn courier_login(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<CourierLoginForm>,
) -> Result<Response, PageError> {
    let outcome = shop
        .link_courier(me.actor(), id, form.user_id.trim().parse().ok())
        .await
        .map(|()| None);
    show(&shop, &me, outcome, NewUser::default()).await
}
