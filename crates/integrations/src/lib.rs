//! The outside world behind `app::messaging::Transport`: email over SMTP, a generic HTTP SMS
//! gateway, and an outgoing webhook for messengers the shop connects itself. A channel left
//! unconfigured keeps its messages in the outbox. `HttpPoster` posts the owner's webhook
//! deliveries (`app::webhooks`); `Stripe` takes card payments (`app::orders::PaymentProvider`);
//! `HttpImageFetcher` fetches the photos an imported product file names (`app::catalog`).

mod email;
mod images;
mod sms;
mod stripe;
mod webhook;
mod webhooks;

use std::sync::Arc;

use app::messaging::Transports;
use secrecy::SecretString;

pub use email::Smtp;
pub use images::HttpImageFetcher;
pub use sms::SmsGateway;
pub use stripe::Stripe;
pub use webhook::Webhook;
pub use webhooks::HttpPoster;

/// Where messages go. Every field is optional: what is missing stays in the outbox.
#[derive(Default)]
pub struct Config {
    /// `smtp://user:password@host:587?tls=required`, `smtps://host:465`, or `smtp://host:25`.
    pub smtp_url: Option<SecretString>,
    /// The sender, such as `Fjord & Thread <hello@fjord.example>`.
    pub mail_from: Option<String>,
    /// The gateway's endpoint; messages are POSTed to it as JSON.
    pub sms_url: Option<String>,
    /// Sent as `Authorization: Bearer <token>`.
    pub sms_token: Option<SecretString>,
    /// The JSON body, with `{to}`, `{text}` and `{id}` replaced (JSON-escaped).
    pub sms_body: Option<String>,
    pub webhook_url: Option<String>,
    /// Signs each webhook body: `X-Shopdesk-Signature: sha256=<hex HMAC>`.
    pub webhook_secret: Option<SecretString>,
}

/// Makes ring the process's TLS provider, for every HTTP client and SMTP connection. Call once
/// at start; calling again is harmless.
pub fn install_tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Builds the transports the configuration names.
pub fn transports(config: &Config) -> Result<Transports, String> {
    install_tls();
    let mut transports = Transports::default();
    if let Some(url) = &config.smtp_url {
        let from = config
            .mail_from
            .as_deref()
            .ok_or("an SMTP server needs a sender address (mail_from)")?;
        transports.email = Some(Arc::new(Smtp::new(url, from)?));
    }
    if let Some(url) = &config.sms_url {
        transports.sms = Some(Arc::new(SmsGateway::new(
            url,
            config.sms_token.clone(),
            config.sms_body.clone(),
        )?));
    }
    if let Some(url) = &config.webhook_url {
        transports.webhook = Some(Arc::new(Webhook::new(url, config.webhook_secret.clone())?));
    }
    Ok(transports)
}
