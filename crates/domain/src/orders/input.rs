//! What people type about an order: the channel it came from, notes, and reasons for a move.

use std::fmt;

use crate::Invalid;

/// Where an order came from (IN-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Channel {
    Storefront,
    Api,
    Phone,
    Import,
    /// A named marketplace, such as `marketplace:etsy`.
    Marketplace(String),
}

impl Channel {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "storefront" => Ok(Self::Storefront),
            "api" => Ok(Self::Api),
            "phone" => Ok(Self::Phone),
            "import" => Ok(Self::Import),
            other => match other.strip_prefix("marketplace:") {
                Some(name)
                    if !name.is_empty()
                        && name.len() <= 40
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
                {
                    Ok(Self::Marketplace(name.to_ascii_lowercase()))
                }
                _ => Err(Invalid::new(
                    "channel_invalid",
                    format!(
                        "'{other}' is not a channel: use storefront, api, phone, import or marketplace:<name>"
                    ),
                )),
            },
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Storefront => f.write_str("storefront"),
            Self::Api => f.write_str("api"),
            Self::Phone => f.write_str("phone"),
            Self::Import => f.write_str("import"),
            Self::Marketplace(name) => write!(f, "marketplace:{name}"),
        }
    }
}

/// A note from the buyer or a manager: colour, size, special wishes (IN-2).
pub fn parse_note(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.chars().count() > 2000 {
        return Err(Invalid::new(
            "note_too_long",
            "a note is at most 2000 characters",
        ));
    }
    Ok(value.to_owned())
}

/// A reason a person gives for a move, such as a cancellation.
pub fn parse_reason(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Invalid::new("reason_required", "say why, in a few words"));
    }
    if value.chars().count() > 500 {
        return Err(Invalid::new(
            "reason_too_long",
            "a reason is at most 500 characters",
        ));
    }
    Ok(value.to_owned())
}
