//! A generic HTTP SMS gateway: a JSON POST per message with the message's own idempotency key,
//! enough for the common gateways. A 4xx answer (an invalid number) is permanent; a 429, a 5xx
//! or no answer is retried.

use app::messaging::{Outgoing, SendError, Sending, Transport};
use secrecy::{ExposeSecret, SecretString};

const DEFAULT_BODY: &str = r#"{"to": "{to}", "text": "{text}", "reference": "{id}"}"#;

pub struct SmsGateway {
    client: reqwest::Client,
    url: String,
    token: Option<SecretString>,
    body: String,
}

impl SmsGateway {
    pub fn new(
        url: &str,
        token: Option<SecretString>,
        body: Option<String>,
    ) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        let body = body.unwrap_or_else(|| DEFAULT_BODY.to_owned());
        if serde_json::from_str::<serde_json::Value>(&fill(&body, "+4700000000", "x", "1")).is_err()
        {
            return Err("the SMS body template is not JSON once filled in".into());
        }
        Ok(Self {
            client,
            url: url.to_owned(),
            token,
            body,
        })
    }
}

/// The body template with its placeholders replaced by JSON-escaped values.
fn fill(template: &str, to: &str, text: &str, id: &str) -> String {
    let escape = |v: &str| {
        let quoted = serde_json::Value::String(v.to_owned()).to_string();
        quoted[1..quoted.len() - 1].to_owned()
    };
    template
        .replace("{to}", &escape(to))
        .replace("{text}", &escape(text))
        .replace("{id}", &escape(id))
}

impl Transport for SmsGateway {
    fn send<'a>(&'a self, message: &'a Outgoing) -> Sending<'a> {
        Box::pin(async move {
            let body = fill(
                &self.body,
                &message.recipient,
                &message.text,
                &message.idempotency_key(),
            );
            let mut request = self
                .client
                .post(&self.url)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotency_key())
                .body(body);
            if let Some(token) = &self.token {
                request = request.bearer_auth(token.expose_secret());
            }
            let response = request
                .send()
                .await
                .map_err(|e| SendError::Temporary(format!("gateway unreachable: {e}")))?;
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            if status.is_success() {
                let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                let id = ["id", "message_id", "sid"].iter().find_map(|k| {
                    json[k]
                        .as_str()
                        .map(str::to_owned)
                        .or_else(|| json[k].as_i64().map(|n| n.to_string()))
                });
                Ok(id.unwrap_or_else(|| message.idempotency_key()))
            } else if status.is_client_error() && status.as_u16() != 429 {
                Err(SendError::Permanent(format!(
                    "gateway refused ({status}): {text}"
                )))
            } else {
                Err(SendError::Temporary(format!("gateway answered {status}")))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_json_escaped() {
        let body = fill(
            DEFAULT_BODY,
            "+4791234567",
            "Hei \"Anna\"\nvi ringer",
            "msg-1",
        );
        let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(json["text"], "Hei \"Anna\"\nvi ringer");
        assert_eq!(json["to"], "+4791234567");
    }
}
