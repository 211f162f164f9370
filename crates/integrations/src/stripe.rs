//! Stripe behind `app::orders::PaymentProvider`: Checkout Sessions (`POST /v1/checkout/sessions`,
//! form-encoded, with an `Idempotency-Key` and an `expires_at`), reading a session back, expiring
//! one so it can no longer be paid, and the `Stripe-Signature`
//! check of its webhooks (HMAC-SHA256 of `{t}.{body}`, compared in constant time, within a
//! tolerance of five minutes).

use std::time::Duration;

use app::orders::{
    Answer, Checkout, CheckoutRequest, PaymentProvider, ProviderError, Settlement, WebhookRefused,
};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use sha2::Sha256;

/// How old a signed webhook may be, as Stripe's own libraries allow.
const TOLERANCE_SECONDS: i64 = 300;

/// Stripe's API at `base` (`https://api.stripe.com`, or a local server in tests).
pub struct Stripe {
    base: String,
    client: reqwest::Client,
}

impl Stripe {
    pub fn new(base: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            base: base.trim_end_matches('/').to_owned(),
            client,
        })
    }

    async fn answer(response: reqwest::Response) -> Result<Value, ProviderError> {
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        if status.is_success() {
            return Ok(body);
        }
        let error = &body["error"];
        let message = error["message"].as_str().unwrap_or("no message").to_owned();
        // 429 is Stripe's rate limit and 5xx its own trouble: both are worth trying again.
        if status.as_u16() == 429 || status.is_server_error() {
            return Err(ProviderError::Unavailable(format!("{status}: {message}")));
        }
        let code = error["code"]
            .as_str()
            .or(error["type"].as_str())
            .unwrap_or("invalid_request_error")
            .to_owned();
        Err(ProviderError::Refused { code, message })
    }
}

fn unavailable(err: reqwest::Error) -> ProviderError {
    ProviderError::Unavailable(err.to_string())
}

/// The form of a Checkout Session for the request: its items priced inline, the order in the
/// metadata and as the client reference.
fn session_form(request: &CheckoutRequest) -> Vec<(String, String)> {
    let currency = request.currency.to_lowercase();
    let mut form = vec![
        ("mode".to_owned(), "payment".to_owned()),
        ("success_url".to_owned(), request.success_url.clone()),
        ("cancel_url".to_owned(), request.cancel_url.clone()),
        (
            "client_reference_id".to_owned(),
            request.order_number.to_string(),
        ),
        (
            "metadata[order_number]".to_owned(),
            request.order_number.to_string(),
        ),
        (
            "locale".to_owned(),
            stripe_locale(&request.locale).to_owned(),
        ),
    ];
    if let Some(email) = &request.email {
        form.push(("customer_email".to_owned(), email.clone()));
    }
    if let Some(expires_at) = request.expires_at {
        form.push(("expires_at".to_owned(), expires_at.as_second().to_string()));
    }
    for (i, item) in request.items.iter().enumerate() {
        let at = |field: &str| format!("line_items[{i}]{field}");
        form.push((at("[price_data][currency]"), currency.clone()));
        form.push((
            at("[price_data][unit_amount]"),
            item.unit_amount_minor.to_string(),
        ));
        form.push((at("[price_data][product_data][name]"), item.name.clone()));
        form.push((at("[quantity]"), item.quantity.to_string()));
    }
    form
}

/// A session id is Stripe's `cs_...`: nothing else goes into a path.
fn session_id(id: &str) -> Result<&str, ProviderError> {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(id)
    } else {
        Err(ProviderError::Refused {
            code: "resource_missing".into(),
            message: "no such checkout session".into(),
        })
    }
}

/// Stripe's Checkout speaks Norwegian as `nb`, and the other languages by their own codes.
fn stripe_locale(locale: &str) -> &str {
    match locale {
        "en" | "ru" | "nb" | "lv" => locale,
        // Checkout has no Ukrainian; it chooses by the browser then.
        _ => "auto",
    }
}

/// A Checkout Session object as the shop needs it.
fn settlement(session: &Value) -> Result<Settlement, String> {
    let order_number = session["metadata"]["order_number"]
        .as_str()
        .or(session["client_reference_id"].as_str())
        .and_then(|n| n.parse().ok())
        .ok_or("the session names no order")?;
    Ok(Settlement {
        checkout_id: session["id"]
            .as_str()
            .ok_or("the session has no id")?
            .to_owned(),
        order_number,
        paid: session["payment_status"] == "paid",
        amount_minor: session["amount_total"].as_i64().unwrap_or_default(),
        currency: session["currency"]
            .as_str()
            .unwrap_or_default()
            .to_uppercase(),
        reference: session["payment_intent"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// Checks `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=...]` against the body.
fn verify(
    secret: &SecretString,
    header: &str,
    body: &[u8],
    now: jiff::Timestamp,
) -> Result<(), WebhookRefused> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v1)) => signatures.push(v1),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(WebhookRefused::Unsigned)?;
    if signatures.is_empty() {
        return Err(WebhookRefused::Unsigned);
    }
    if (now.as_second() - timestamp).abs() > TOLERANCE_SECONDS {
        return Err(WebhookRefused::Stale);
    }
    let matches = signatures.iter().any(|signature| {
        let Ok(expected) = hex::decode(signature) else {
            return false;
        };
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.expose_secret().as_bytes()) else {
            return false;
        };
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        // `verify_slice` compares in constant time.
        mac.verify_slice(&expected).is_ok()
    });
    if matches {
        Ok(())
    } else {
        Err(WebhookRefused::Forged)
    }
}

impl PaymentProvider for Stripe {
    fn checkout<'a>(
        &'a self,
        key: &'a SecretString,
        request: &'a CheckoutRequest,
    ) -> Answer<'a, Checkout> {
        Box::pin(async move {
            let response = self
                .client
                .post(format!("{}/v1/checkout/sessions", self.base))
                .bearer_auth(key.expose_secret())
                .header("Idempotency-Key", &request.idempotency_key)
                .form(&session_form(request))
                .send()
                .await
                .map_err(unavailable)?;
            let session = Self::answer(response).await?;
            let field = |name: &str| {
                session[name]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| ProviderError::Unavailable(format!("the session has no {name}")))
            };
            Ok(Checkout {
                id: field("id")?,
                url: field("url")?,
            })
        })
    }

    fn checkout_state<'a>(&'a self, key: &'a SecretString, id: &'a str) -> Answer<'a, Settlement> {
        Box::pin(async move {
            let url = format!("{}/v1/checkout/sessions/{}", self.base, session_id(id)?);
            let response = self
                .client
                .get(url)
                .bearer_auth(key.expose_secret())
                .send()
                .await
                .map_err(unavailable)?;
            let session = Self::answer(response).await?;
            settlement(&session).map_err(ProviderError::Unavailable)
        })
    }

    fn expire_checkout<'a>(&'a self, key: &'a SecretString, id: &'a str) -> Answer<'a, ()> {
        Box::pin(async move {
            let url = format!(
                "{}/v1/checkout/sessions/{}/expire",
                self.base,
                session_id(id)?
            );
            let response = self
                .client
                .post(url)
                .bearer_auth(key.expose_secret())
                .send()
                .await
                .map_err(unavailable)?;
            Self::answer(response).await.map(|_| ())
        })
    }

    fn refund<'a>(
        &'a self,
        key: &'a SecretString,
        payment: &'a str,
        amount_minor: i64,
        idempotency_key: &'a str,
    ) -> Answer<'a, String> {
        Box::pin(async move {
            let form = [
                ("payment_intent", payment.to_owned()),
                ("amount", amount_minor.to_string()),
                ("reason", "requested_by_customer".to_owned()),
            ];
            let response = self
                .client
                .post(format!("{}/v1/refunds", self.base))
                .bearer_auth(key.expose_secret())
                .header("Idempotency-Key", idempotency_key)
                .form(&form)
                .send()
                .await
                .map_err(unavailable)?;
            let refund = Self::answer(response).await?;
            // `failed` and `canceled` refunds are Stripe's no; `pending` ones complete later.
            match refund["status"].as_str() {
                Some("failed" | "canceled") => Err(ProviderError::Refused {
                    code: refund["failure_reason"]
                        .as_str()
                        .unwrap_or("refund_failed")
                        .to_owned(),
                    message: "Stripe could not make the refund".into(),
                }),
                _ => refund["id"]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| ProviderError::Unavailable("the refund has no id".into())),
            }
        })
    }

    fn webhook(
        &self,
        secret: &SecretString,
        signature: &str,
        body: &[u8],
        now: jiff::Timestamp,
    ) -> Result<Option<Settlement>, WebhookRefused> {
        verify(secret, signature, body, now)?;
        let event: Value = serde_json::from_slice(body).map_err(|_| WebhookRefused::Malformed)?;
        match event["type"].as_str() {
            // A card is paid when the session completes; a bank debit later, asynchronously.
            Some("checkout.session.completed" | "checkout.session.async_payment_succeeded") => {
                settlement(&event["data"]["object"])
                    .map(Some)
                    .map_err(|_| WebhookRefused::Malformed)
            }
            Some(_) => Ok(None),
            None => Err(WebhookRefused::Malformed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(secret: &str, t: i64, body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("a key");
        mac.update(format!("{t}.").as_bytes());
        mac.update(body);
        format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn a_signature_is_believed_only_when_fresh_and_made_with_the_endpoint_secret() {
        let secret = SecretString::from("whsec_test");
        let body = br#"{"type":"ping"}"#;
        let now = jiff::Timestamp::from_second(1_800_000_000).expect("a time");
        let t = now.as_second();
        assert_eq!(
            verify(&secret, &signed("whsec_test", t, body), body, now),
            Ok(())
        );
        assert_eq!(
            verify(&secret, &signed("whsec_other", t, body), body, now),
            Err(WebhookRefused::Forged)
        );
        assert_eq!(
            verify(
                &secret,
                &signed("whsec_test", t, body),
                br#"{"type":"pong"}"#,
                now
            ),
            Err(WebhookRefused::Forged)
        );
        assert_eq!(
            verify(&secret, &signed("whsec_test", t - 301, body), body, now),
            Err(WebhookRefused::Stale)
        );
        assert_eq!(
            verify(&secret, "t=1800000000", body, now),
            Err(WebhookRefused::Unsigned)
        );
        // Several v1 signatures (a secret being rolled): one that matches is enough.
        let both = format!("{},v1=00ff", signed("whsec_test", t, body));
        assert_eq!(verify(&secret, &both, body, now), Ok(()));
    }
}
