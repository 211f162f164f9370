//! Sending a queued message through its transport, once: its id is the email's Message-ID
//! and the gateway's idempotency key, the outcome is recorded before the job is acknowledged,
//! and a channel that fails for good falls back to the next (CF-4).

use domain::messaging::{Channel, after_failure};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::views::timestamp;
use crate::kernel::{Context, timeline};
use crate::{Error, Result, Shop};

use super::queue::{Reach, queue};
use super::templates::render;
use super::{Outgoing, SendError};

/// A message as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageView {
    pub id: i64,
    pub customer_id: i64,
    pub order_number: Option<i64>,
    pub template: String,
    pub channel: String,
    pub recipient: String,
    pub locale: String,
    /// `queued`, `sending`, `sent`, `delivered`, `failed`, `bounced`, `outbox` (stored, not
    /// sent), or `withdrawn` (not sent: consent was withdrawn or the person erased).
    pub status: String,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub provider_id: Option<String>,
    pub error: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub sent_at: Option<jiff::Timestamp>,
}

fn message_view(row: store::messaging::MessageRow) -> Result<MessageView> {
    Ok(MessageView {
        id: row.id,
        customer_id: row.customer_id,
        order_number: row.order_id,
        template: row.template,
        channel: row.channel,
        recipient: row.recipient,
        locale: row.locale,
        status: row.status,
        subject: row.subject,
        body: row.body,
        provider_id: row.provider_id,
        error: row.error,
        created_at: timestamp(row.created_at)?,
        sent_at: row.sent_at.map(timestamp).transpose()?,
    })
}

/// A provider's delivery report.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct Receipt {
    /// The Idempotency-Key the message was sent with, such as `shopdesk-msg-42`.
    pub reference: String,
    /// `delivered`, `failed` or `bounced`.
    pub status: String,
    pub error: Option<String>,
}

impl Shop {
    pub async fn messages(
        &self,
        actor: &Actor,
        filter: &store::messaging::Filter<'_>,
    ) -> Result<Vec<MessageView>> {
        actor.require(domain::access::Permission::ManageOrders)?;
        let mut conn = self.store.read().await?;
        store::messaging::list(&mut conn, filter)
            .await?
            .into_iter()
            .map(message_view)
            .collect()
    }

    /// Sends one queued message (the `send_message` job). `last_try` marks the job's final
    /// attempt, after which a temporary failure is recorded as a failure.
    pub(crate) async fn send_message(&self, id: i64, last_try: bool) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        // `sending` again means a crash after sending: the same id makes the provider drop the copy.
        if !store::messaging::transition(&mut tx, id, &["queued", "sending"], "sending").await? {
            return Ok(());
        }
        let mut message = store::messaging::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "message" })?;
        // AF-10: consent withdrawn after a marketing message was queued stops it too.
        if message.marketing == 1
            && !store::customers::consents(&mut tx, message.customer_id).await?
        {
            store::messaging::transition(&mut tx, id, &["sending"], "withdrawn").await?;
            tx.commit().await?;
            return Ok(());
        }
        tx.commit().await?;
        let settings = self.settings().await?;
        let channel =
            Channel::parse(&message.channel).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let mut conn = self.store.read().await?;
        let text = self
            .template_text(&mut conn, &message.template, channel, &message.locale)
            .await?;
        drop(conn);
        let data: serde_json::Value = serde_json::from_str(&message.data).unwrap_or_default();
        let rendered = text
            .ok_or_else(|| format!("no template {}", message.template))
            .and_then(|t| render(&t, channel, &data));
        let now_ms = store::to_millis(self.now());
        let outcome = match (&rendered, self.transports.of(channel)) {
            (Err(problem), _) => Err(SendError::Permanent(format!("template: {problem}"))),
            (Ok(_), None) => Ok(None),
            (Ok(r), Some(transport)) => {
                let outgoing = Outgoing {
                    message_id: id,
                    channel,
                    recipient: message.recipient.clone(),
                    subject: r.subject.clone(),
                    text: r.text.clone(),
                    html: r.html.clone(),
                    unsubscribe_url: data["unsubscribe_url"]
                        .as_str()
                        .filter(|_| message.marketing == 1)
                        .map(str::to_owned),
                    reply_to: Some(settings.contact_email.clone()).filter(|e| !e.is_empty()),
                    shop_name: settings.name.clone(),
                };
                transport.send(&outgoing).await.map(Some)
            }
        };
        if let Ok(r) = &rendered {
            message.subject = r.subject.clone();
            message.body = Some(r.text.clone());
        }
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        match outcome {
            Ok(provider_id) => {
                message.status = if provider_id.is_some() {
                    "sent"
                } else {
                    "outbox"
                }
                .into();
                message.provider_id = provider_id;
                message.sent_at = Some(now_ms);
                message.error = None;
                store::messaging::record(&mut tx, &message).await?;
            }
            Err(SendError::Temporary(error)) if !last_try => {
                message.error = Some(error.clone());
                store::messaging::record(&mut tx, &message).await?;
                tx.commit().await?;
                return Err(Error::Conflict {
                    code: "send_failed",
                    message: error,
                });
            }
            Err(SendError::Temporary(error) | SendError::Permanent(error)) => {
                message.status = if channel == Channel::Email {
                    "bounced"
                } else {
                    "failed"
                }
                .into();
                message.error = Some(error.clone());
                store::messaging::record(&mut tx, &message).await?;
                self.fall_back(&mut tx, &message, channel, &error, &ctx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// A provider's report on a message it took: `delivered`, or `failed`/`bounced`, which marks
    /// the contact invalid and sends the message on the next channel (CF-4). A report that
    /// arrives again changes nothing.
    pub async fn record_receipt(&self, actor: &Actor, receipt: &Receipt) -> Result<MessageView> {
        actor.require(domain::access::Permission::ManageOrders)?;
        let id = receipt
            .reference
            .strip_prefix("shopdesk-msg-")
            .and_then(|n| n.parse::<i64>().ok())
            .ok_or_else(|| Error::field("reference", "reference_invalid", "the reference is the Idempotency-Key the message was sent with, such as shopdesk-msg-42"))?;
        let failed = match receipt.status.as_str() {
            "delivered" => false,
            "failed" | "bounced" => true,
            other => {
                return Err(Error::field(
                    "status",
                    "status_invalid",
                    format!("'{other}' is not a status: use delivered, failed or bounced"),
                ));
            }
        };
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let to = if failed {
            receipt.status.as_str()
        } else {
            "delivered"
        };
        if store::messaging::transition(&mut tx, id, &["sent"], to).await? {
            let mut message = store::messaging::get(&mut tx, id)
                .await?
                .ok_or(Error::NotFound { what: "message" })?;
            if failed {
                let error = receipt
                    .error
                    .clone()
                    .unwrap_or_else(|| format!("the provider reported {to}"));
                message.error = Some(error.clone());
                store::messaging::record(&mut tx, &message).await?;
                let channel = Channel::parse(&message.channel)
                    .map_err(|e| store::Error::Corrupt(e.to_string()))?;
                self.fall_back(&mut tx, &message, channel, &error, &ctx)
                    .await?;
            }
        }
        let message = store::messaging::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "message" })?;
        tx.commit().await?;
        message_view(message)
    }

    /// CF-4: the contact is marked invalid on the card and the message goes to the next channel.
    async fn fall_back(
        &self,
        tx: &mut store::WriteTx,
        message: &store::messaging::MessageRow,
        failed: Channel,
        error: &str,
        ctx: &Context<'_>,
    ) -> Result<()> {
        store::customers::invalidate_contact(
            tx,
            failed.contact_kind(),
            &message.recipient,
            ctx.now_ms(),
        )
        .await?;
        let Some(order_id) = message.order_id else {
            return Ok(());
        };
        let Some(row) = store::orders::get(tx, order_id).await? else {
            return Ok(());
        };
        let contacts = store::customers::reach(tx, row.customer_id).await?.contacts;
        let usable: Vec<Channel> = Channel::ALL
            .into_iter()
            .filter(|c| {
                contacts
                    .iter()
                    .any(|contact| contact.kind == c.contact_kind())
            })
            .collect();
        let mut events = vec![domain::orders::Event::MessageFailed {
            template: message.template.clone(),
            channel: failed.as_str().into(),
            error: error.into(),
        }];
        if let Some(next) = after_failure(failed, &ctx.settings.messages.fallback, &usable) {
            let data = serde_json::from_str(&message.data).unwrap_or_default();
            events.extend(queue(tx, &row, &message.template, Reach::Only(next), data, ctx).await?);
        }
        timeline::append(tx, order_id, &events, ctx.now_ms(), &Actor::system(), None).await?;
        Ok(())
    }
}
