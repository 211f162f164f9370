//! The owner's outgoing webhooks in the back office: the endpoints with the events each hears
//! of, adding one (its signing secret shown once), removing one, and the deliveries that died
//! after their last attempt, each with a button that sends it again.

use app::webhooks::{NewWebhook, WebhookDeliveryView, WebhookView};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::frame::Frame;
use super::session::{Me, PageError, render};
use super::users::ShownOnce;

#[derive(Template)]
#[template(path = "pages/webhooks.html")]
struct WebhooksPage {
    f: Frame,
    webhooks: Vec<WebhookView>,
    dead: Vec<WebhookDeliveryView>,
    events: [&'static str; app::WEBHOOK_EVENTS.len()],
    shown_once: Option<ShownOnce>,
    refusal: Option<String>,
    /// What the owner typed into the form, kept when it was refused.
    draft: NewWebhook,
}

impl WebhooksPage {
    /// The address of the endpoint a delivery went to.
    fn url_of(&self, delivery: &WebhookDeliveryView) -> String {
        self.webhooks
            .iter()
            .find(|w| w.id == delivery.webhook_id)
            .map(|w| w.url.clone())
            .unwrap_or_default()
    }

    /// Whether the draft listens to `event`; a new form listens to none.
    fn chosen(&self, event: &&str) -> bool {
        self.draft.events.iter().any(|e| e == event)
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    outcome: Result<Option<ShownOnce>, app::Error>,
    draft: NewWebhook,
) -> Result<Response, PageError> {
    let (shown, refusal, status) = me.outcome(outcome)?;
    let shown_once = shown.flatten();
    let view = WebhooksPage {
        webhooks: shop.webhooks(me.actor()).await?,
        dead: shop.webhook_deliveries(me.actor(), "dead").await?,
        events: app::WEBHOOK_EVENTS,
        f: me.frame("settings", "webhooks-title"),
        shown_once,
        refusal,
        draft,
    };
    Ok((status, render(&view)).into_response())
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show(&shop, &me, Ok(None), NewWebhook::default()).await
}

/// The form's `url` and its ticked `event` boxes, one field per box.
fn new_webhook(form: &[u8]) -> NewWebhook {
    let mut webhook = NewWebhook::default();
    for (name, value) in form_urlencoded::parse(form) {
        match &*name {
            "url" => webhook.url = value.into_owned(),
            "event" => webhook.events.push(value.into_owned()),
            _ => {}
        }
    }
    webhook
}

pub async fn add(
    State(shop): State<app::Shop>,
    me: Me,
    form: Bytes,
) -> Result<Response, PageError> {
    let input = new_webhook(&form);
    match shop.add_webhook(me.actor(), &input).await {
        Ok(added) => {
            let shown = ShownOnce {
                label: me
                    .lang
                    .text_with("webhooks-secret-for", &[("url", added.webhook.url.into())]),
                secret: added.secret,
            };
            show(&shop, &me, Ok(Some(shown)), NewWebhook::default()).await
        }
        Err(err) => show(&shop, &me, Err(err), input).await,
    }
}

pub async fn remove(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let outcome = shop.remove_webhook(me.actor(), id).await.map(|()| None);
    show(&shop, &me, outcome, NewWebhook::default()).await
}

pub async fn redeliver(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let outcome = shop.redeliver_webhook(me.actor(), id).await.map(|_| None);
    show(&shop, &me, outcome, NewWebhook::default()).await
}
