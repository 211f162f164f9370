//! Money is an integer number of minor units with an ISO 4217 currency.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Invalid;

/// An ISO 4217 currency code: three upper-case ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let upper = raw.trim().to_ascii_uppercase();
        match upper.as_bytes() {
            [a, b, c] if upper.bytes().all(|b| b.is_ascii_uppercase()) => Ok(Self([*a, *b, *c])),
            _ => Err(Invalid::new(
                "currency_invalid",
                format!("'{raw}' is not a three-letter ISO 4217 currency code"),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        // Built only from ASCII letters in `parse`.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl TryFrom<String> for Currency {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Currency> for String {
    fn from(value: Currency) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A price as given by a person or another system: not negative, and small enough that a whole
/// order of them cannot overflow.
pub fn parse_price_minor(amount_minor: i64) -> Result<i64, Invalid> {
    // A billion in major units.
    const MAX: i64 = 100_000_000_000;
    if (0..=MAX).contains(&amount_minor) {
        Ok(amount_minor)
    } else {
        Err(Invalid::new(
            "amount_invalid",
            format!("an amount must be between 0 and {MAX} minor units, not {amount_minor}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_is_three_letters_upper_cased() {
        assert_eq!(
            Currency::parse("eur").map(|c| c.to_string()),
            Ok("EUR".into())
        );
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("E1R").is_err());
        assert!(Currency::parse("").is_err());
    }

    #[test]
    fn prices_are_bounded() {
        assert!(parse_price_minor(-1).is_err());
        assert_eq!(parse_price_minor(1999), Ok(1999));
        assert!(parse_price_minor(i64::MAX).is_err());
    }
}
