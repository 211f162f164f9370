//! Which channel a message goes through (DL-4, CF-4) and when (quiet hours).

use serde::{Deserialize, Serialize};

use crate::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Email,
    /// A messenger the shop connects itself through an outgoing webhook.
    Webhook,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Sms, Channel::Email, Channel::Webhook];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
            Self::Webhook => "webhook",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "sms" => Ok(Self::Sms),
            "email" => Ok(Self::Email),
            "webhook" => Ok(Self::Webhook),
            other => Err(Invalid::new(
                "channel_invalid",
                format!("'{other}' is not a channel: use sms, email or webhook"),
            )),
        }
    }

    /// The kind of contact the channel needs: webhooks reach the customer's phone number in the
    /// shop's messenger.
    pub fn contact_kind(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms | Self::Webhook => "phone",
        }
    }
}

/// The channel to use: the customer's own when it works, otherwise the first in the shop's
/// fallback order that reaches them. `usable` holds the channels with a working contact.
pub fn choose(
    preferred: Option<Channel>,
    fallback: &[Channel],
    usable: &[Channel],
) -> Option<Channel> {
    preferred
        .into_iter()
        .chain(fallback.iter().copied())
        .find(|c| usable.contains(c))
}

/// The next channel after `failed` failed permanently (CF-4).
pub fn after_failure(failed: Channel, fallback: &[Channel], usable: &[Channel]) -> Option<Channel> {
    fallback
        .iter()
        .copied()
        .find(|c| *c != failed && usable.contains(c))
}

/// Messages that must not wait for the morning: the customer is waiting for them now, such as
/// the answer to the message they wrote (SU-1).
pub fn is_urgent(template: &str) -> bool {
    matches!(
        template,
        "courier_on_the_way"
            | "confirmation_request"
            | "payment_received"
            | "missed_call"
            | "sign_in_link"
            | "newsletter_confirm"
            | "support_answer"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Channel::*;

    #[test]
    fn the_customers_channel_first_then_the_shops_order() {
        // DL-4, CF-4
        let fallback = [Sms, Email, Webhook];
        assert_eq!(choose(Some(Email), &fallback, &[Sms, Email]), Some(Email));
        assert_eq!(choose(None, &fallback, &[Sms, Email]), Some(Sms));
        assert_eq!(choose(Some(Email), &fallback, &[Sms]), Some(Sms));
        assert_eq!(choose(Some(Sms), &fallback, &[]), None);
        assert_eq!(after_failure(Sms, &fallback, &[Sms, Email]), Some(Email));
        assert_eq!(after_failure(Email, &fallback, &[Email]), None);
    }
}
