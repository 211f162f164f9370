//! The owner's outgoing webhooks: endpoints that hear of the shop's events, and the delivery of
//! each event as a durable job. A delivery is POSTed as JSON, signed with the endpoint's secret
//! (`Shopdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`), retried with the
//! worker's backoff, and dead after the last attempt, for the owner to send again.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use domain::access::Permission;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::views::timestamp;
use crate::kernel::webhooks::EVENTS;
use crate::kernel::{jobs, tokens};
use crate::{Error, Result, Shop};

/// One POST of a delivery.
pub struct Post<'a> {
    pub url: &'a str,
    pub headers: Vec<(&'static str, String)>,
    pub body: &'a str,
}

/// The HTTP status an endpoint answered, or why there was no answer.
pub type Posting<'a> = Pin<Box<dyn Future<Output = std::result::Result<u16, String>> + Send + 'a>>;

/// What posts deliveries over HTTP (`integrations` has the real one).
pub trait Poster: Send + Sync {
    fn post<'a>(&'a self, post: Post<'a>) -> Posting<'a>;
}

/// An endpoint as the owner adds it.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct NewWebhook {
    /// Where deliveries are POSTed: an `https://` (or `http://`) URL.
    pub url: String,
    /// The events it hears of, such as `order.placed`, `stock.changed`.
    pub events: Vec<String>,
}

/// An endpoint, without its secret.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

/// A new endpoint with its secret, which is shown this once.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AddedWebhook {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// The key deliveries are signed with; keep it, it is not shown again.
    pub secret: String,
}

/// One event's delivery to one endpoint.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookDeliveryView {
    pub id: i64,
    pub webhook_id: i64,
    pub event_id: String,
    pub event: String,
    /// `queued`, `delivered`, `dead` after its last attempt failed, or `dropped` when its
    /// endpoint was removed.
    pub state: String,
    pub attempts: i64,
    /// The HTTP status of the last answer.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub delivered_at: Option<jiff::Timestamp>,
}

/// The `Shopdesk-Signature` header of `body` sent at `unix_seconds`.
pub fn signature(secret: &str, unix_seconds: i64, body: &str) -> Result<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .map_err(|e| store::Error::Corrupt(format!("webhook secret: {e}")))?;
    mac.update(format!("{unix_seconds}.{body}").as_bytes());
    let v1 = hex::encode(mac.finalize().into_bytes());
    Ok(format!("t={unix_seconds},v1={v1}"))
}

/// A URL an endpoint may have: http(s), a host, nothing a header or a log could be broken by.
fn parse_url(raw: &str) -> Result<String> {
    let url = raw.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let plain = url.len() <= 2000 && url.bytes().all(|b| b.is_ascii_graphic());
    match rest {
        Some(rest) if plain && !rest.is_empty() && !rest.starts_with('/') => Ok(url.to_owned()),
        _ => Err(Error::field(
            "url",
            "url_invalid",
            "give the endpoint's full address, such as https://erp.example/hooks/shopdesk",
        )),
    }
}

fn parse_events(raw: &[String]) -> Result<Vec<String>> {
    let mut events = Vec::new();
    for (i, event) in raw.iter().enumerate() {
        let event = event.trim();
        if !EVENTS.contains(&event) {
            return Err(Error::field(
                format!("events[{i}]"),
                "event_unknown",
                format!("the events are {}", EVENTS.join(", ")),
            ));
        }
        if !events.iter().any(|e| e == event) {
            events.push(event.to_owned());
        }
    }
    if events.is_empty() {
        return Err(Error::field(
            "events",
            "events_empty",
            "choose at least one event",
        ));
    }
    Ok(events)
}

fn webhook_view(row: store::webhooks::EndpointRow) -> Result<WebhookView> {
    Ok(WebhookView {
        id: row.id,
        url: row.url,
        events: serde_json::from_str(&row.events).unwrap_or_default(),
        created_at: timestamp(row.created_at)?,
    })
}

fn webhook_delivery_view(row: store::webhooks::DeliveryRow) -> Result<WebhookDeliveryView> {
    Ok(WebhookDeliveryView {
        id: row.id,
        webhook_id: row.endpoint_id,
        event_id: row.event_id,
        event: row.event,
        state: row.state,
        attempts: row.attempts,
        last_status: row.last_status,
        last_error: row.last_error,
        created_at: timestamp(row.created_at)?,
        delivered_at: row.delivered_at.map(timestamp).transpose()?,
    })
}

impl Shop {
    /// The same shop posting webhook deliveries through `poster`; without one, deliveries wait
    /// and are retried.
    pub fn with_webhook_poster(self, poster: Arc<dyn Poster>) -> Self {
        Self {
            webhook_poster: Some(poster),
            ..self
        }
    }

    /// Adds an endpoint; its secret is in the answer and nowhere else afterwards.
    pub async fn add_webhook(&self, actor: &Actor, input: &NewWebhook) -> Result<AddedWebhook> {
        actor.require(Permission::Administer)?;
        let url = parse_url(&input.url)?;
        let events = parse_events(&input.events)?;
        let secret = format!("whsec_{}", tokens::secret_token()?);
        let listed = serde_json::to_string(&events).unwrap_or_default();
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let id = store::webhooks::add_endpoint(&mut tx, &url, &listed, &secret, now_ms).await?;
        tx.commit().await?;
        Ok(AddedWebhook {
            webhook: WebhookView {
                id,
                url,
                events,
                created_at: timestamp(now_ms)?,
            },
            secret,
        })
    }

    pub async fn webhooks(&self, actor: &Actor) -> Result<Vec<WebhookView>> {
        actor.require(Permission::Administer)?;
        let mut conn = self.store.read().await?;
        store::webhooks::endpoints(&mut conn)
            .await?
            .into_iter()
            .map(webhook_view)
            .collect()
    }

    /// Removes an endpoint; what it was still to be sent is dropped.
    pub async fn remove_webhook(&self, actor: &Actor, id: i64) -> Result<()> {
        actor.require(Permission::Administer)?;
        let mut tx = self.store.begin_write().await?;
        let now_ms = store::to_millis(self.now());
        if !store::webhooks::remove_endpoint(&mut tx, id, now_ms).await? {
            return Err(Error::NotFound { what: "webhook" });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deliveries in a state (`dead` are what needs the owner), newest first; all for "".
    pub async fn webhook_deliveries(
        &self,
        actor: &Actor,
        state: &str,
    ) -> Result<Vec<WebhookDeliveryView>> {
        actor.require(Permission::Administer)?;
        let mut conn = self.store.read().await?;
        store::webhooks::deliveries(&mut conn, state.trim(), 200)
            .await?
            .into_iter()
            .map(webhook_delivery_view)
            .collect()
    }

    /// Sends a dead delivery again, with the same event id and body, and a fresh set of
    /// attempts.
    pub async fn redeliver_webhook(&self, actor: &Actor, id: i64) -> Result<WebhookDeliveryView> {
        actor.require(Permission::Administer)?;
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let row = store::webhooks::delivery(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "delivery" })?;
        if !store::webhooks::requeue(&mut tx, id).await? {
            return Err(Error::Conflict {
                code: "delivery_not_dead",
                message: format!(
                    "this delivery is {}: only a dead one is sent again",
                    row.state
                ),
            });
        }
        // Its first job is dead and keeps its key; each redelivery has one of its own.
        let key = format!("{}:{id}:again:{}", jobs::DELIVER_WEBHOOK, row.attempts);
        crate::kernel::webhooks::enqueue_delivery(&mut tx, id, &key, now_ms).await?;
        tx.commit().await?;
        webhook_delivery_view(store::webhooks::DeliveryRow {
            state: "queued".into(),
            ..row
        })
    }

    /// The worker's run of a delivery: posts it once; an answer other than 2xx, or none, is an
    /// error for the worker to retry, and on the `last` attempt leaves the delivery dead.
    pub(crate) async fn deliver_webhook(&self, id: i64, last: bool) -> Result<()> {
        let mut conn = self.store.read().await?;
        let Some(delivery) = store::webhooks::delivery(&mut conn, id).await? else {
            return Ok(());
        };
        let endpoint = store::webhooks::endpoint(&mut conn, delivery.endpoint_id).await?;
        drop(conn);
        // Delivered, dropped or dead already: a second run sends nothing.
        if delivery.state != "queued" {
            return Ok(());
        }
        let now = self.now();
        let Some(endpoint) = endpoint.filter(|e| e.removed_at.is_none()) else {
            return self
                .record_delivery_attempt(id, "dropped", None, None)
                .await;
        };
        let Some(poster) = &self.webhook_poster else {
            return Err(Error::Conflict {
                code: "webhooks_off",
                message: "this instance does not post webhooks".into(),
            });
        };
        let signed = signature(&endpoint.secret, now.as_second(), &delivery.body)?;
        let post = Post {
            url: &endpoint.url,
            headers: vec![
                ("Content-Type", "application/json".into()),
                ("Shopdesk-Signature", signed),
                ("Shopdesk-Event", delivery.event.clone()),
                ("Shopdesk-Event-Id", delivery.event_id.clone()),
            ],
            body: &delivery.body,
        };
        let (status, error) = match poster.post(post).await {
            Ok(status) if (200..300).contains(&status) => {
                return self
                    .record_delivery_attempt(id, "delivered", Some(status), None)
                    .await;
            }
            Ok(status) => (Some(status), format!("the endpoint answered {status}")),
            Err(err) => (None, format!("the endpoint did not answer: {err}")),
        };
        let state = if last { "dead" } else { "queued" };
        self.record_delivery_attempt(id, state, status, Some(&error))
            .await?;
        Err(Error::Conflict {
            code: "webhook_failed",
            message: error,
        })
    }

    async fn record_delivery_attempt(
        &self,
        id: i64,
        state: &str,
        status: Option<u16>,
        error: Option<&str>,
    ) -> Result<()> {
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let status = status.map(i64::from);
        store::webhooks::record_attempt(&mut tx, id, state, status, error, now_ms).await?;
        tx.commit().await?;
        Ok(())
    }
}
