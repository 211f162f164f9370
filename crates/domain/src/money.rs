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

/// An amount as a person types it, in major units: `398`, `398.50`, `1 299,00`. Gives minor
/// units; at most two decimals, never negative.
pub fn parse_amount(raw: &str) -> Result<i64, Invalid> {
    let invalid = || {
        Invalid::new(
            "amount_invalid",
            format!("'{}' is not an amount such as 398.50", raw.trim()),
        )
    };
    let text: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) || fraction.len() > 2 {
        return Err(invalid());
    }
    let whole: i64 = whole.parse().map_err(|_| invalid())?;
    let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| invalid())?;
    let minor = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(cents))
        .ok_or_else(invalid)?;
    parse_price_minor(minor)
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
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_amount("398"), Ok(39_800));
        assert_eq!(parse_amount("398.5"), Ok(39_850));
        assert_eq!(parse_amount(" 1 299,00 "), Ok(129_900));
        for wrong in ["", "-5", "3.999", "abc", "1.2.3", ".5"] {
            assert!(parse_amount(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn prices_are_bounded() {
        assert!(parse_price_minor(-1).is_err());
        assert_eq!(parse_price_minor(1999), Ok(1999));
        assert!(parse_price_minor(i64::MAX).is_err());
    }
}
