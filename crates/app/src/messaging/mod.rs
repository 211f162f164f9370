//! Messages to customers: templates the shop can edit (AF-6), in the customer's language and
//! channel (DL-4), sent by a durable job through a transport, with a fallback to the next channel
//! when one fails for good (CF-4). A message is never sent twice: its own id is the email's
//! Message-ID and the gateway's idempotency key, and the outcome is recorded before the job is
//! acknowledged.

mod queue;
mod sending;
mod templates;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use domain::messaging::Channel;
use domain::settings::ShopSettings;

pub(crate) use queue::{
    Addressee, Direct, Reach, customer_data, extend, marketing_allowed, marketing_message, message,
    order_data, queue_direct, queue_marketing, shop_contacts, with,
};
pub use sending::{MessageView, Receipt};
pub use templates::{
    KEYS, PreviewInput, Rendered, TemplateProblem, TemplateText, TemplateView, builtin, render,
    sample_data, validate,
};

/// What a transport is asked to deliver.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub message_id: i64,
    pub channel: Channel,
    pub recipient: String,
    pub subject: Option<String>,
    pub text: String,
    pub html: Option<String>,
    /// Marketing mail carries a List-Unsubscribe header.
    pub unsubscribe_url: Option<String>,
    pub reply_to: Option<String>,
    pub shop_name: String,
}

impl Outgoing {
    /// The key a provider deduplicates on, the same for every retry of this message.
    pub fn idempotency_key(&self) -> String {
        format!("shopdesk-msg-{}", self.message_id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// It will never work: a bounce, an invalid number. The contact is marked and the next
    /// channel is tried.
    #[error("permanent: {0}")]
    Permanent(String),
    /// Worth retrying later: the server or the network is down.
    #[error("temporary: {0}")]
    Temporary(String),
}

pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<String, SendError>> + Send + 'a>>;

/// A way to deliver messages of one channel. Returns the provider's id for the message.
pub trait Transport: Send + Sync {
    fn send<'a>(&'a self, message: &'a Outgoing) -> Sending<'a>;
}

/// The transport of each channel. A channel without one keeps its messages in the outbox:
/// stored, shown in the back office, not sent.
#[derive(Clone, Default)]
pub struct Transports {
    pub email: Option<Arc<dyn Transport>>,
    pub sms: Option<Arc<dyn Transport>>,
    pub webhook: Option<Arc<dyn Transport>>,
}

impl Transports {
    fn of(&self, channel: Channel) -> Option<&Arc<dyn Transport>> {
        match channel {
            Channel::Email => self.email.as_ref(),
            Channel::Sms => self.sms.as_ref(),
            Channel::Webhook => self.webhook.as_ref(),
        }
    }
}

/// The languages built-in templates are written in.
pub const LOCALES: [&str; 5] = ["en", "ru", "uk", "nb", "lv"];

/// The language a customer's messages are written in: their own when the shop writes it,
/// else the shop's.
pub(crate) fn message_locale(own: Option<String>, settings: &ShopSettings) -> String {
    own.filter(|l| LOCALES.contains(&l.as_str()))
        .unwrap_or_else(|| settings.default_locale.clone())
}

/// The visitor's language when messages are written in it, else the shop's.
pub(crate) fn known_locale<'a>(
    locale: &'a str,
    settings: &'a domain::settings::ShopSettings,
) -> &'a str {
    if crate::messaging::LOCALES.contains(&locale) {
        locale
    } else {
        settings.default_locale.as_str()
    }
}
