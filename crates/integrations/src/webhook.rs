//! An outgoing webhook for messengers the shop connects itself: the message as signed JSON.

use app::messaging::{Outgoing, SendError, Sending, Transport};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

pub struct Webhook {
    client: reqwest::Client,
    url: String,
    secret: Option<SecretString>,
}

impl Webhook {
    pub fn new(url: &str, secret: Option<SecretString>) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Self {
            client,
            url: url.to_owned(),
            secret,
        })
    }
}

impl Transport for Webhook {
    fn send<'a>(&'a self, message: &'a Outgoing) -> Sending<'a> {
        Box::pin(async move {
            let body = serde_json::json!({
                "id": message.idempotency_key(),
                "channel": message.channel.as_str(),
                "recipient": message.recipient,
                "subject": message.subject,
                "text": message.text,
            })
            .to_string();
            let mut request = self
                .client
                .post(&self.url)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotency_key());
            if let Some(secret) = &self.secret {
                let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose_secret().as_bytes())
                    .map_err(|e| SendError::Permanent(format!("webhook secret: {e}")))?;
                mac.update(body.as_bytes());
                request = request.header(
                    "X-Shopdesk-Signature",
                    format!("sha256={}", hex::encode(mac.finalize().into_bytes())),
                );
            }
            let response = request
                .body(body)
                .send()
                .await
                .map_err(|e| SendError::Temporary(format!("webhook unreachable: {e}")))?;
            match response.status() {
                s if s.is_success() => Ok(message.idempotency_key()),
                s if s.is_client_error() && s.as_u16() != 429 => {
                    Err(SendError::Permanent(format!("webhook refused ({s})")))
                }
                s => Err(SendError::Temporary(format!("webhook answered {s}"))),
            }
        })
    }
}
