//! The checks an order goes through at intake (CK-1, CK-2, CK-3). Each problem found becomes a
//! reason on the order that a manager clarifies with the customer; none of them loses the order.

use serde::{Deserialize, Serialize};

/// One problem found, with the field it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub field: String,
    pub message: String,
}

impl Finding {
    pub fn new(code: &str, field: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

/// What the checks look at, as the customer typed it.
pub struct Facts<'a> {
    pub name: &'a str,
    /// The address line for door delivery, if any.
    pub address_line: Option<&'a str>,
    /// The phone as typed, when it did not parse as a number that can be called.
    pub unparsed_phone: Option<&'a str>,
    /// The email as typed, when it is not an address.
    pub unparsed_email: Option<&'a str>,
    pub payment_chosen: bool,
    pub delivery_chosen: bool,
    /// SKUs of lines that could not be reserved anywhere.
    pub out_of_stock: &'a [String],
}

fn looks_like_phone(text: &str) -> bool {
    // Seven or more digits in a run (spaces, dashes and a leading + allowed between them).
    let mut digits = 0;
    for c in text.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                if digits >= 7 {
                    return true;
                }
            }
            ' ' | '-' | '+' | '(' | ')' | '.' => {}
            _ => digits = 0,
        }
    }
    false
}

fn looks_like_email(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        word.split_once('@')
            .is_some_and(|(local, host)| !local.is_empty() && host.contains('.'))
    })
}

/// Runs every check; an empty list means the order can be confirmed as it is.
pub fn check(facts: &Facts<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    let name = facts.name.trim();
    // CK-1: a name field filled by autofill with something else.
    if name
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-()".contains(c))
    {
        found.push(Finding::new(
            "name_is_number",
            "customer.name",
            "the name is only digits; ask for the real name",
        ));
    } else if looks_like_email(name) {
        found.push(Finding::new(
            "name_is_email",
            "customer.name",
            "the name is an email address; ask for the real name",
        ));
    } else if looks_like_phone(name) {
        found.push(Finding::new(
            "name_is_phone",
            "customer.name",
            "the name holds a phone number; ask for the real name",
        ));
    }
    if let Some(line) = facts.address_line {
        if looks_like_phone(line) {
            found.push(Finding::new("address_has_phone", "delivery.address.line", "the address holds a phone number (an autofill mistake); ask for the street address"));
        } else if looks_like_email(line) {
            found.push(Finding::new("address_has_email", "delivery.address.line", "the address holds an email address (an autofill mistake); ask for the street address"));
        } else if line.chars().count() < 6 || !line.chars().any(|c| c.is_alphabetic()) {
            found.push(Finding::new(
                "address_too_short",
                "delivery.address.line",
                "the address is too short for a courier to find; ask for street and house number",
            ));
        }
    }
    if let Some(phone) = facts.unparsed_phone {
        found.push(Finding::new(
            "phone_invalid",
            "customer.phone",
            format!("'{phone}' is not a number that can be called; ask for the right one"),
        ));
    }
    if let Some(email) = facts.unparsed_email {
        found.push(Finding::new(
            "email_invalid",
            "customer.email",
            format!("'{email}' is not an email address; ask for the right one"),
        ));
    }
    // CK-2: someone contacts the customer when a method is missing.
    if !facts.payment_chosen {
        found.push(Finding::new(
            "payment_missing",
            "payment_mode",
            "no payment method chosen; ask how the customer wants to pay",
        ));
    }
    if !facts.delivery_chosen {
        found.push(Finding::new(
            "delivery_missing",
            "delivery.method",
            "no delivery method chosen; ask how the goods should reach the customer",
        ));
    }
    // CK-3: a line not in stock.
    for sku in facts.out_of_stock {
        found.push(Finding::new(
            "out_of_stock",
            "lines",
            format!("{sku} is not in stock; offer a substitute, a longer delivery or cancelling"),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(name: &'a str, address: Option<&'a str>) -> Facts<'a> {
        Facts {
            name,
            address_line: address,
            unparsed_phone: None,
            unparsed_email: None,
            payment_chosen: true,
            delivery_chosen: true,
            out_of_stock: &[],
        }
    }

    fn codes(found: Vec<Finding>) -> Vec<String> {
        found.into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_clean_order_passes() {
        assert!(check(&facts("Anna Berg", Some("Storgata 12B"))).is_empty());
    }

    #[test]
    fn autofill_mistakes_are_caught() {
        // CK-1
        let table = [
            ("91234567", Some("Storgata 12"), "name_is_number"),
            ("anna@example.no", Some("Storgata 12"), "name_is_email"),
            ("Anna 912 34 567", Some("Storgata 12"), "name_is_phone"),
            ("Anna Berg", Some("+47 912 34 567"), "address_has_phone"),
            ("Anna Berg", Some("anna@example.no"), "address_has_email"),
            ("Anna Berg", Some("12"), "address_too_short"),
        ];
        for (name, address, code) in table {
            assert_eq!(
                codes(check(&facts(name, address))),
                [code],
                "{name} / {address:?}"
            );
        }
    }

    #[test]
    fn missing_methods_and_stock_ask_for_a_contact() {
        // CK-2, CK-3
        let out = ["BOOT-42".to_owned()];
        let f = Facts {
            payment_chosen: false,
            delivery_chosen: false,
            out_of_stock: &out,
            unparsed_phone: Some("12"),
            ..facts("Anna Berg", None)
        };
        assert_eq!(
            codes(check(&f)),
            [
                "phone_invalid",
                "payment_missing",
                "delivery_missing",
                "out_of_stock"
            ]
        );
    }
}
