//! The owner connects the shop's payment provider in the back office: each key with when and by
//! whom it was set (never its value), a field to set or replace it, a button to remove it, and
//! the address to give the provider for its webhooks.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

/// The keys a provider needs, in the order the owner is asked for them.
const KEYS: [&str; 2] = [
    app::orders::STRIPE_SECRET_KEY,
    app::orders::STRIPE_WEBHOOK_SECRET,
];

#[derive(Template)]
#[template(path = "pages/providers.html")]
struct ProvidersPage {
    f: Frame,
    keys: Vec<KeyState>,
    /// Where Stripe posts its events for this shop.
    webhook_url: String,
    refusal: Option<String>,
}

struct KeyState {
    name: &'static str,
    /// When and by whom it was set, if it is.
    set: Option<app::SecretStatus>,
}

impl KeyState {
    /// `key-stripe-secret_key`: an id a page and a test find the key by.
    fn anchor(&self) -> String {
        format!("key-{}", self.name.replace('.', "-"))
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    outcome: Result<(), app::Error>,
) -> Result<Response, PageError> {
    let (_, refusal, status) = me.outcome(outcome)?;
    let set = shop.secrets(me.actor()).await?;
    let keys = KEYS
        .iter()
        .map(|name| KeyState {
            name,
            set: set.iter().find(|s| s.name == *name).cloned(),
        })
        .collect();
    let view = ProvidersPage {
        f: me.frame("settings", "providers-title"),
        keys,
        webhook_url: format!(
            "{}/api/v1/providers/stripe/events",
            me.settings.public_url.trim_end_matches('/')
        ),
        refusal,
    };
    Ok((status, render(&view)).into_response())
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show(&shop, &me, Ok(())).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct KeyForm {
    value: String,
}

fn known(name: &str) -> Result<&'static str, app::Error> {
    KEYS.into_iter()
        .find(|k| *k == name)
        .ok_or(app::Error::NotFound { what: "key" })
}

pub async fn set(
    State(shop): State<app::Shop>,
    me: Me,
    Path(name): Path<String>,
    Form(form): Form<KeyForm>,
) -> Result<Response, PageError> {
    let saved = match known(&name) {
        Ok(name) => shop.set_secret(me.actor(), name, &form.value).await,
        Err(err) => Err(err),
    };
    answer(&shop, &me, saved, "providers-key-saved").await
}

pub async fn remove(
    State(shop): State<app::Shop>,
    me: Me,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let removed = match known(&name) {
        Ok(name) => shop.remove_secret(me.actor(), name).await,
        Err(err) => Err(err),
    };
    answer(&shop, &me, removed, "providers-key-removed").await
}

async fn answer(
    shop: &app::Shop,
    me: &Me,
    done: Result<(), app::Error>,
    notice: &str,
) -> Result<Response, PageError> {
    match done {
        Ok(()) => {
            me.notice(shop, &me.lang.text(notice)).await?;
            Ok(Redirect::to("/admin/settings/payments").into_response())
        }
        Err(err) => show(shop, me, Err(err)).await,
    }
}
