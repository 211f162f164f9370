//! People and how to reach them: names, phones, emails, addresses (IN-3, CK-1).
//!
//! Each type can only be built by parsing, so holding one means it is valid.

use std::fmt;

use phonenumber::country;
use serde::{Deserialize, Serialize};

use crate::Invalid;

/// A region (ISO 3166-1 alpha-2) used to read phone numbers written without a country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneRegion(country::Id);

impl PhoneRegion {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        raw.trim()
            .to_ascii_uppercase()
            .parse()
            .map(Self)
            .map_err(|_| {
                Invalid::new(
                    "region_invalid",
                    format!("'{raw}' is not a known country code"),
                )
            })
    }
}

/// A phone number in E.164 form, such as `+4791234567`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Phone(String);

impl Phone {
    /// Reads a phone number as people type it, in the shop's region unless it carries a `+`.
    pub fn parse(raw: &str, region: PhoneRegion) -> Result<Self, Invalid> {
        let invalid = || {
            Invalid::new(
                "phone_invalid",
                format!("'{}' is not a phone number that can be called", raw.trim()),
            )
        };
        let number = phonenumber::parse(Some(region.0), raw.trim()).map_err(|_| invalid())?;
        if !phonenumber::is_valid(&number) {
            return Err(invalid());
        }
        Ok(Self(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }
}

impl AsRef<str> for Phone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An email address, lower-cased so that one person has one address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim().to_lowercase();
        let invalid = || {
            Invalid::new(
                "email_invalid",
                format!("'{}' is not an email address", raw.trim()),
            )
        };
        let (local, host) = value.split_once('@').ok_or_else(invalid)?;
        let host_ok = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !host.contains("..")
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if !host_ok || !local_ok || value.len() > 254 {
            return Err(invalid());
        }
        Ok(Self(value))
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One way to reach a person, typed in one field: an email when it has an `@`, otherwise a
/// phone number (ST-4, SU-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Phone(Phone),
    Email(Email),
}

impl Contact {
    pub fn parse(raw: &str, region: PhoneRegion) -> Result<Self, Invalid> {
        let raw = raw.trim();
        if raw.is_empty() {
            Err(Invalid::new(
                "contact_missing",
                "a phone number or an email is needed to reach you",
            ))
        } else if raw.contains('@') {
            Email::parse(raw).map(Self::Email)
        } else {
            Phone::parse(raw, region).map(Self::Phone)
        }
    }

    /// The channel that reaches it.
    pub fn channel(&self) -> crate::messaging::Channel {
        match self {
            Self::Phone(_) => crate::messaging::Channel::Sms,
            Self::Email(_) => crate::messaging::Channel::Email,
        }
    }

    pub fn phone(&self) -> Option<&Phone> {
        match self {
            Self::Phone(phone) => Some(phone),
            Self::Email(_) => None,
        }
    }

    pub fn email(&self) -> Option<&Email> {
        match self {
            Self::Email(email) => Some(email),
            Self::Phone(_) => None,
        }
    }
}

impl AsRef<str> for Contact {
    fn as_ref(&self) -> &str {
        match self {
            Self::Phone(phone) => phone.as_ref(),
            Self::Email(email) => email.as_ref(),
        }
    }
}

/// A person's name as they wrote it, trimmed, never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(Invalid::new("name_missing", "a name is required"));
        }
        if value.chars().count() > 200 {
            return Err(Invalid::new(
                "name_too_long",
                "a name is at most 200 characters",
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(Invalid::new(
                "name_invalid",
                "a name cannot hold control characters",
            ));
        }
        Ok(Self(value))
    }
}

impl AsRef<str> for PersonName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A postal address for door delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line: String,
    pub city: String,
    pub postcode: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// Which part of an address a problem was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressPart {
    Line,
    City,
    Postcode,
    Country,
}

impl AddressPart {
    pub fn field(self) -> &'static str {
        match self {
            Self::Line => "line",
            Self::City => "city",
            Self::Postcode => "postcode",
            Self::Country => "country",
        }
    }
}

/// How each country the shop can deliver to writes its postcodes (CK-1): a postcode of another
/// shape is a typing or autofill mistake, caught before the parcel is lost.
const POSTCODES: &[(&str, &str)] = &[
    ("NO", "4 digits, such as 0155"),
    ("SE", "5 digits, such as 111 22"),
    ("DK", "4 digits, such as 2100"),
    ("FI", "5 digits, such as 00100"),
    ("EE", "5 digits, such as 10111"),
    ("LV", "LV- and 4 digits, such as LV-1050"),
    ("LT", "LT- and 5 digits, such as LT-01103"),
    ("PL", "2 digits, a dash and 3 digits, such as 00-950"),
    ("DE", "5 digits, such as 10115"),
    ("UA", "5 digits, such as 01001"),
    ("RU", "6 digits, such as 101000"),
];

/// The countries whose postcodes the shop knows, and so may deliver to.
pub fn known_countries() -> impl Iterator<Item = &'static str> {
    POSTCODES.iter().map(|(country, _)| *country)
}

/// The postcode written the country's way, or why it is not one. `LV 1050`, `lv1050` and
/// `1050` are all `LV-1050`; `111 22` is `11122`.
pub fn parse_postcode(country: &str, raw: &str) -> Result<String, Invalid> {
    let Some((_, shape)) = POSTCODES.iter().find(|(c, _)| *c == country) else {
        return Err(Invalid::new(
            "country_not_served",
            format!("the shop does not deliver to '{country}'"),
        ));
    };
    let upper = raw.trim().to_uppercase();
    let (prefix, rest) = match upper.strip_prefix(country) {
        Some(rest) if matches!(country, "LV" | "LT") => (true, rest.trim_start_matches([' ', '-'])),
        _ => (false, upper.as_str()),
    };
    let digits: String = rest.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let all_digits = |n: usize| digits.len() == n && digits.bytes().all(|b| b.is_ascii_digit());
    // Only a space or a dash may sit between the digits, where the country writes one.
    let separators_fit = rest.chars().filter(|c| matches!(c, ' ' | '-')).count() <= 1;
    let parsed = match country {
        "NO" | "DK" if all_digits(4) && !rest.contains(['-', ' ']) => Some(digits),
        "SE" if all_digits(5) && !rest.contains('-') && separators_fit => Some(digits),
        "FI" | "EE" | "DE" | "UA" if all_digits(5) && !rest.contains(['-', ' ']) => Some(digits),
        "RU" if all_digits(6) && !rest.contains(['-', ' ']) => Some(digits),
        "LV" if all_digits(4) && (prefix || !rest.contains(['-', ' '])) => {
            Some(format!("LV-{digits}"))
        }
        "LT" if all_digits(5) && (prefix || !rest.contains(['-', ' '])) => {
            Some(format!("LT-{digits}"))
        }
        "PL" if all_digits(5) && rest.len() == 6 && rest.as_bytes()[2] == b'-' => {
            Some(format!("{}-{}", &digits[..2], &digits[2..]))
        }
        _ => None,
    };
    parsed.ok_or_else(|| {
        Invalid::new(
            "postcode_invalid",
            format!(
                "a postcode in {country} is {shape}; '{}' is not one",
                raw.trim()
            ),
        )
    })
}

impl Address {
    /// Trims every part and refuses a missing street or city: a courier needs both. The
    /// country must be one of `ships_to` and the postcode written its way (CK-1).
    pub fn parse(
        line: &str,
        city: &str,
        postcode: &str,
        country: &str,
        ships_to: &[String],
    ) -> Result<Self, (AddressPart, Invalid)> {
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let address = Self {
            line: clean(line),
            city: clean(city),
            postcode: clean(postcode),
            country: clean(country).to_ascii_uppercase(),
        };
        for (part, value, limit) in [
            (AddressPart::Line, &address.line, 300),
            (AddressPart::City, &address.city, 100),
            (AddressPart::Postcode, &address.postcode, 20),
        ] {
            if value.chars().count() > limit || value.chars().any(char::is_control) {
                return Err((
                    part,
                    Invalid::new(
                        "address_invalid",
                        format!("at most {limit} printable characters"),
                    ),
                ));
            }
        }
        if address.line.is_empty() {
            return Err((
                AddressPart::Line,
                Invalid::new(
                    "address_missing",
                    "a street address is required for door delivery",
                ),
            ));
        }
        if address.city.is_empty() {
            return Err((
                AddressPart::City,
                Invalid::new("city_missing", "a city is required for door delivery"),
            ));
        }
        if !(address.country.len() == 2 && address.country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err((
                AddressPart::Country,
                Invalid::new(
                    "country_invalid",
                    "a two-letter country code such as NO or LV is required",
                ),
            ));
        }
        if !ships_to.contains(&address.country) {
            return Err((
                AddressPart::Country,
                Invalid::new(
                    "country_not_served",
                    format!(
                        "the shop delivers to {}, not to {}",
                        ships_to.join(", "),
                        address.country
                    ),
                ),
            ));
        }
        let postcode = parse_postcode(&address.country, &address.postcode)
            .map_err(|e| (AddressPart::Postcode, e))?;
        Ok(Self {
            postcode,
            ..address
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ships() -> Vec<String> {
        known_countries().map(str::to_string).collect()
    }

    #[test]
    fn postcodes_are_checked_and_written_the_way_each_country_writes_them() {
        // CK-1
        for (country, typed, written) in [
            ("NO", "0155", "0155"),
            ("LV", "LV-1050", "LV-1050"),
            ("LV", "lv 1050", "LV-1050"),
            ("LV", "1050", "LV-1050"),
            ("LT", "LT-01103", "LT-01103"),
            ("UA", "01001", "01001"),
            ("RU", "101000", "101000"),
            ("SE", "111 22", "11122"),
            ("PL", "00-950", "00-950"),
        ] {
            assert_eq!(
                parse_postcode(country, typed),
                Ok(written.into()),
                "{country} {typed}"
            );
        }
        for (country, typed) in [
            ("NO", "abc"),
            ("NO", "01555"),
            ("NO", "01-55"),
            ("LV", "LV-105"),
            ("LV", "10-50"),
            ("UA", "0100"),
            ("RU", "10100"),
            ("PL", "00950"),
            ("NO", ""),
        ] {
            assert_eq!(
                parse_postcode(country, typed).map_err(|e| e.code),
                Err("postcode_invalid"),
                "{country} {typed}"
            );
        }
    }

    #[test]
    fn an_address_in_a_country_the_shop_does_not_serve_is_refused() {
        let only_no = vec!["NO".to_string()];
        assert!(Address::parse("Storgata 1", "Oslo", "0155", "NO", &only_no).is_ok());
        let refused = Address::parse("Brivibas 1", "Riga", "LV-1050", "LV", &only_no);
        assert_eq!(
            refused.map_err(|(part, e)| (part, e.code)),
            Err((AddressPart::Country, "country_not_served"))
        );
        let refused = Address::parse("Storgata 1", "Oslo", "abc", "NO", &only_no);
        assert_eq!(
            refused.map_err(|(part, e)| (part, e.code)),
            Err((AddressPart::Postcode, "postcode_invalid"))
        );
    }

    fn no() -> PhoneRegion {
        PhoneRegion::parse("no").expect("NO is a region")
    }

    #[test]
    fn phones_are_normalised_to_e164_in_the_shop_region() {
        // IN-3: the same person typed two ways is one number.
        let a = Phone::parse("912 34 567", no()).expect("valid");
        let b = Phone::parse("+47 91234567", no()).expect("valid");
        assert_eq!(a, b);
        assert_eq!(a.as_ref(), "+4791234567");
        let lv = Phone::parse("+371 2123 4567", no()).expect("a foreign number keeps its country");
        assert_eq!(lv.as_ref(), "+37121234567");
    }

    #[test]
    fn phones_that_cannot_be_called_are_refused() {
        for raw in ["", "12", "call me", "+47 0000"] {
            let err = Phone::parse(raw, no()).expect_err(raw);
            assert_eq!(err.code, "phone_invalid");
        }
    }

    #[test]
    fn one_contact_field_takes_an_email_or_a_phone() {
        let email = Contact::parse(" Anna@Example.no ", no()).expect("an email");
        assert_eq!(email.as_ref(), "anna@example.no");
        assert_eq!(email.channel(), crate::messaging::Channel::Email);
        let phone = Contact::parse("912 34 567", no()).expect("a phone");
        assert_eq!(phone.phone().map(AsRef::as_ref), Some("+4791234567"));
        assert_eq!(phone.channel(), crate::messaging::Channel::Sms);
        assert_eq!(
            Contact::parse("  ", no()).expect_err("empty").code,
            "contact_missing"
        );
        assert_eq!(
            Contact::parse("anna@", no()).expect_err("half").code,
            "email_invalid"
        );
    }

    #[test]
    fn emails_are_lower_cased_and_checked() {
        assert_eq!(
            Email::parse(" Anna@Example.COM ").map(|e| e.to_string()),
            Ok("anna@example.com".into())
        );
        for raw in [
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "an na@example.com",
            "anna@exa..mple.com",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw} should be refused");
        }
    }

    #[test]
    fn names_collapse_spaces_and_must_exist() {
        assert_eq!(
            PersonName::parse("  Anna   Berg ").map(|n| n.as_ref().to_owned()),
            Ok("Anna Berg".into())
        );
        assert!(PersonName::parse("   ").is_err());
    }

    #[test]
    fn door_addresses_need_street_city_and_country() {
        assert!(Address::parse("Storgata 1", "Oslo", "0155", "no", &ships()).is_ok());
        assert_eq!(
            Address::parse("", "Oslo", "0155", "NO", &ships()).map_err(|e| e.0),
            Err(AddressPart::Line)
        );
        assert_eq!(
            Address::parse("Storgata 1", " ", "0155", "NO", &ships()).map_err(|e| e.0),
            Err(AddressPart::City)
        );
        assert_eq!(
            Address::parse("Storgata 1", "Oslo", "0155", "Norway", &ships()).map_err(|e| e.0),
            Err(AddressPart::Country)
        );
    }
}
