//! Email over SMTP with lettre: multipart text and HTML, a Message-ID derived from the message's
//! own id, Reply-To the shop, List-Unsubscribe on marketing mail, UTF-8 subjects.

use app::messaging::{Outgoing, SendError, Sending, Transport};
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    pub fn new(url: &SecretString, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
            .map_err(|e| format!("SMTP URL: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("sender address '{from}': {e}"))?;
        Ok(Self { transport, from })
    }

    fn build(&self, message: &Outgoing) -> Result<Message, SendError> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| SendError::Permanent(format!("address '{}': {e}", message.recipient)))?;
        let domain = self.from.email.domain().to_owned();
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(
                message
                    .subject
                    .clone()
                    .unwrap_or_else(|| message.shop_name.clone()),
            )
            .message_id(Some(format!("<{}@{domain}>", message.idempotency_key())));
        if let Some(reply_to) = message.reply_to.as_deref().and_then(|r| r.parse().ok()) {
            builder = builder.reply_to(reply_to);
        }
        if let Some(url) = &message.unsubscribe_url {
            builder = builder
                .header(ListUnsubscribe(url.clone()))
                .header(ListUnsubscribePost);
        }
        let html = message.html.clone().unwrap_or_else(|| message.text.clone());
        builder
            .multipart(MultiPart::alternative_plain_html(
                message.text.clone(),
                html,
            ))
            .map_err(|e| SendError::Permanent(format!("message: {e}")))
    }
}

impl Transport for Smtp {
    fn send<'a>(&'a self, message: &'a Outgoing) -> Sending<'a> {
        Box::pin(async move {
            let email = self.build(message)?;
            let id = email
                .headers()
                .get_raw("Message-ID")
                .unwrap_or_default()
                .to_owned();
            match self.transport.send(email).await {
                Ok(_) => Ok(id),
                Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
                Err(e) => Err(SendError::Temporary(e.to_string())),
            }
        })
    }
}

/// `List-Unsubscribe: <url>` (RFC 2369), on marketing mail only.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.trim_matches(['<', '>']).to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the mail client may
/// unsubscribe with one POST to the link, which needs no confirmation.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}
