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

impl Address {
    /// Trims every part and refuses a missing street or city: a courier needs both.
    pub fn parse(
        line: &str,
        city: &str,
        postcode: &str,
        country: &str,
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
        Ok(address)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(Address::parse("Storgata 1", "Oslo", "0155", "no").is_ok());
        assert_eq!(
            Address::parse("", "Oslo", "0155", "NO").map_err(|e| e.0),
            Err(AddressPart::Line)
        );
        assert_eq!(
            Address::parse("Storgata 1", " ", "0155", "NO").map_err(|e| e.0),
            Err(AddressPart::City)
        );
        assert_eq!(
            Address::parse("Storgata 1", "Oslo", "0155", "Norway").map_err(|e| e.0),
            Err(AddressPart::Country)
        );
    }
}
