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

/// A barcode as a scanner reads it: EAN/UPC digits or a Code 128 string without spaces. A
/// GTIN (EAN-8, UPC-A, EAN-13, GTIN-14: 8, 12, 13 or 14 digits) must carry its check digit,
/// so a typo is caught when the product is saved rather than at the packing station (AS-1).
pub fn parse_barcode(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() || value.len() > 48 || !value.chars().all(|c| c.is_ascii_graphic()) {
        return Err(Invalid::new(
            "barcode_invalid",
            format!("'{value}' is not a barcode"),
        ));
    }
    let gtin = matches!(value.len(), 8 | 12 | 13 | 14) && value.bytes().all(|b| b.is_ascii_digit());
    if gtin && !gtin_check_digit_holds(value) {
        return Err(Invalid::new(
            "barcode_check_digit",
            format!("the last digit of {value} does not match its check digit"),
        ));
    }
    Ok(value.to_owned())
}

/// The EAN-13 whose first twelve digits are `first_twelve`, with the check digit that makes it
/// hold (for made-up catalogues: the demo's, the benchmarks').
pub fn ean13(first_twelve: u64) -> String {
    let digits = format!("{:012}", first_twelve % 1_000_000_000_000);
    let sum: u32 = digits
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// The GS1 check: digits weighted 3 and 1 alternately from the right, the check digit
/// included, sum to a multiple of ten.
fn gtin_check_digit_holds(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 1 { 3 } else { 1 })
        .sum();
    sum.is_multiple_of(10)
}

text_enum!(
    /// Only an active product is on the storefront; a draft is being written, an archived one
    /// is no longer sold but stays for the orders that hold it.
    ProductStatus = "status" {
        Draft = "draft",
        Active = "active",
        Archived = "archived",
    }
);

/// A sale's old price, struck through beside the price: above the price, or there is no sale.
pub fn parse_compare_at(price_minor: i64, compare_at_minor: i64) -> Result<i64, Invalid> {
    if compare_at_minor > price_minor {
        Ok(compare_at_minor)
    } else {
        Err(Invalid::new(
            "compare_at_not_above_price",
            "a compare-at price must be above the price",
        ))
    }
}

/// A change of prices by a percentage, in hundredths of a percent (`-1250` is -12.5 %): from
/// -100 % to +1000 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceChange(i64);

impl PriceChange {
    pub fn parse_percent(percent: f64) -> Result<Self, Invalid> {
        let hundredths = (percent * 100.0).round();
        if percent.is_finite() && (-10_000.0..=100_000.0).contains(&hundredths) && hundredths != 0.0
        {
            // In range, so the cast is exact.
            Ok(Self(hundredths as i64))
        } else {
            Err(Invalid::new(
                "percent_invalid",
                "a change is from -100 to 1000 percent, and not zero",
            ))
        }
    }

    /// The new amount, rounded half up to the currency's minor unit; never below zero.
    pub fn apply(self, minor: i64) -> i64 {
        let scaled = i128::from(minor) * i128::from(10_000 + self.0);
        let rounded = (scaled + 5_000).div_euclid(10_000);
        i64::try_from(rounded.max(0)).unwrap_or(i64::MAX)
    }
}

/// A text in the reader's language where there is one, else the shop's own.
pub fn localized<'a, T>(
    own: &'a str,
    translations: &'a BTreeMap<String, T>,
    locale: &str,
    pick: impl Fn(&'a T) -> &'a str,
) -> &'a str {
    translations
        .get(locale)
        .map(pick)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(own)
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
    fn gtin_barcodes_carry_their_check_digit() {
        assert_eq!(ean13(400_638_133_393), "4006381333931");
        assert!(parse_barcode(&ean13(709_001_200_017)).is_ok());
        // AS-1: a mistyped barcode would never scan as the right item.
        assert_eq!(
            parse_barcode("4006381333931").as_deref(),
            Ok("4006381333931")
        );
        assert_eq!(parse_barcode("036000291452").as_deref(), Ok("036000291452"));
        assert_eq!(parse_barcode("96385074").as_deref(), Ok("96385074"));
        assert_eq!(
            parse_barcode("4006381333932").map_err(|e| e.code),
            Err("barcode_check_digit")
        );
        assert_eq!(
            parse_barcode("036000291453").map_err(|e| e.code),
            Err("barcode_check_digit")
        );
        assert_eq!(parse_barcode("TEE-RED-M").as_deref(), Ok("TEE-RED-M"));
        assert!(parse_barcode("two words").is_err());
    }

    #[test]
    fn a_compare_at_price_is_above_the_price() {
        assert_eq!(parse_compare_at(100, 150), Ok(150));
        assert!(parse_compare_at(100, 100).is_err());
        assert!(parse_compare_at(100, 50).is_err());
    }

    #[test]
    fn prices_change_by_percent_to_the_minor_unit_and_never_below_zero() {
        let up = PriceChange::parse_percent(10.0).expect("valid");
        assert_eq!(up.apply(1999), 2199);
        let down = PriceChange::parse_percent(-12.5).expect("valid");
        assert_eq!(down.apply(1000), 875);
        assert_eq!(down.apply(1), 1);
        let all = PriceChange::parse_percent(-100.0).expect("valid");
        assert_eq!(all.apply(12_345), 0);
        assert!(PriceChange::parse_percent(-100.5).is_err());
        assert!(PriceChange::parse_percent(0.0).is_err());
        assert!(PriceChange::parse_percent(f64::NAN).is_err());
    }

    #[test]
    fn a_text_falls_back_to_the_shops_own() {
        let texts = BTreeMap::from([
            ("ru".to_owned(), "Шапка".to_owned()),
            ("nb".to_owned(), " ".to_owned()),
        ]);
        assert_eq!(localized("Hat", &texts, "ru", String::as_str), "Шапка");
        assert_eq!(localized("Hat", &texts, "nb", String::as_str), "Hat");
        assert_eq!(localized("Hat", &texts, "lv", String::as_str), "Hat");
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
