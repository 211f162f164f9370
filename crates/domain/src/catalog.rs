//! The catalogue: products with a detailed description (SU-2) and their variants.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::Invalid;

/// A stock-keeping unit code: 1 to 64 characters of letters, digits, `-`, `_`, `.` and `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Sku(String);

impl Sku {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim();
        let ok = !value.is_empty()
            && value.len() <= 64
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
        if ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(Invalid::new(
                "sku_invalid",
                format!(
                    "'{value}' is not a SKU: use 1 to 64 letters, digits, '-', '_', '.' or '/'"
                ),
            ))
        }
    }
}

impl AsRef<str> for Sku {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How many units of a line: at least one, at most what a shop ships in one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Quantity(u32);

impl Quantity {
    pub const MAX: i64 = 10_000;

    pub fn parse(raw: i64) -> Result<Self, Invalid> {
        if (1..=Self::MAX).contains(&raw) {
            // In range, so it fits.
            Ok(Self(raw as u32))
        } else {
            Err(Invalid::new(
                "quantity_invalid",
                format!("a quantity must be between 1 and {}, not {raw}", Self::MAX),
            ))
        }
    }

    pub fn get(self) -> i64 {
        i64::from(self.0)
    }
}

/// A variant's options, such as size and colour, keyed by lower-case option name.
pub type Options = BTreeMap<String, String>;

/// Cleans option names and values; an empty name or value is refused.
pub fn parse_options(raw: &BTreeMap<String, String>) -> Result<Options, Invalid> {
    raw.iter()
        .map(|(name, value)| {
            let name = name.trim().to_lowercase();
            let value = value.trim().to_owned();
            if name.is_empty() || value.is_empty() || name.len() > 40 || value.len() > 100 {
                Err(Invalid::new(
                    "option_invalid",
                    "each option needs a name (at most 40 characters) and a value (at most 100)",
                ))
            } else {
                Ok((name, value))
            }
        })
        .collect()
}

/// A product title: trimmed, 1 to 200 characters.
pub fn parse_title(raw: &str) -> Result<String, Invalid> {
    let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() || value.chars().count() > 200 {
        Err(Invalid::new(
            "title_invalid",
            "a title of 1 to 200 characters is required",
        ))
    } else {
        Ok(value)
    }
}

/// A barcode as a scanner reads it: EAN/UPC digits or a Code 128 string without spaces.
pub fn parse_barcode(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if !value.is_empty() && value.len() <= 48 && value.chars().all(|c| c.is_ascii_graphic()) {
        Ok(value.to_owned())
    } else {
        Err(Invalid::new(
            "barcode_invalid",
            format!("'{value}' is not a barcode"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_are_short_plain_codes() {
        assert_eq!(
            Sku::parse(" TEE-RED-M ").map(|s| s.to_string()),
            Ok("TEE-RED-M".into())
        );
        assert!(Sku::parse("").is_err());
        assert!(Sku::parse("tee red").is_err());
        assert!(Sku::parse(&"x".repeat(65)).is_err());
    }

    #[test]
    fn quantity_is_never_zero() {
        assert!(Quantity::parse(0).is_err());
        assert!(Quantity::parse(-3).is_err());
        assert_eq!(Quantity::parse(2).map(Quantity::get), Ok(2));
        assert!(Quantity::parse(Quantity::MAX + 1).is_err());
    }

    #[test]
    fn options_are_normalised() {
        let raw = BTreeMap::from([(" Size ".to_owned(), " M ".to_owned())]);
        assert_eq!(
            parse_options(&raw).ok(),
            Some(BTreeMap::from([("size".to_owned(), "M".to_owned())]))
        );
        let empty = BTreeMap::from([("colour".to_owned(), " ".to_owned())]);
        assert!(parse_options(&empty).is_err());
    }
}
