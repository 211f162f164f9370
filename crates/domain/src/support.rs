//! What a visitor writes to the shop from the contacts page, and what the shop answers (SU-1).

use crate::Invalid;

/// Characters a message or an answer holds at most.
const TEXT_LIMIT: usize = 4000;

/// A message or an answer: trimmed, never empty, bounded.
pub fn parse_text(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Invalid::new("text_missing", "write a few words"));
    }
    if value.chars().count() > TEXT_LIMIT {
        return Err(Invalid::new(
            "text_too_long",
            format!("at most {TEXT_LIMIT} characters"),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Invalid::new(
            "text_invalid",
            "the text holds characters that cannot be shown",
        ));
    }
    Ok(value.replace("\r\n", "\n"))
}

/// An order number as a visitor types it (`1042` or `#1042`); empty is none.
pub fn parse_order_number(raw: &str) -> Result<Option<i64>, Invalid> {
    let value = raw.trim();
    let digits = value.strip_prefix('#').unwrap_or(value).trim();
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(Some)
        .ok_or_else(|| {
            Invalid::new(
                "order_number_invalid",
                format!("'{value}' is not an order number such as 1042"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_trimmed_and_bounded() {
        assert_eq!(
            parse_text("  Where is my parcel?\r\nThanks ").as_deref(),
            Ok("Where is my parcel?\nThanks")
        );
        assert_eq!(parse_text(" \n ").expect_err("empty").code, "text_missing");
        let long = "a".repeat(TEXT_LIMIT + 1);
        assert_eq!(parse_text(&long).expect_err("long").code, "text_too_long");
        assert_eq!(
            parse_text("bell\u{7}").expect_err("control").code,
            "text_invalid"
        );
    }

    #[test]
    fn an_order_number_may_carry_a_hash() {
        assert_eq!(parse_order_number(""), Ok(None));
        assert_eq!(parse_order_number(" #1042 "), Ok(Some(1042)));
        assert_eq!(parse_order_number("1042"), Ok(Some(1042)));
        assert_eq!(parse_order_number("#"), Ok(None));
        for raw in ["abc", "0", "-3", "12a"] {
            let err = parse_order_number(raw).expect_err(raw);
            assert_eq!(err.code, "order_number_invalid");
        }
    }
}
