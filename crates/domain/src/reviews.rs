//! Reviews (AF-4, AF-5): when the shop asks for one, what a review may say, and the causes the
//! shop finds behind a negative one.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::after_sale::Gift;

/// When the shop asks for a review and how fast it answers one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewPolicy {
    /// Days after delivery the review request goes: 7 to 15 (AF-4).
    pub ask_after_days: i64,
    /// Days after the request one reminder goes when no review came; 0 sends none. Off by
    /// default: the reminder counts against the weekly cap and would push a birthday or
    /// another order's request back a week.
    pub remind_after_days: i64,
    /// Working hours (the calling hours of working days) a new review waits for its answer.
    pub answer_within_hours: i64,
    /// What the one-click recovery of a negative review gives the author (AF-5).
    pub recovery: Gift,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        Self {
            ask_after_days: 10,
            remind_after_days: 0,
            answer_within_hours: 8,
            recovery: Gift::Discount {
                percent: 10,
                valid_days: 60,
            },
        }
    }
}

text_enum! {
    /// Where a review stands: new ones wait for the shop before anyone else sees them.
    ReviewState = "review_state" {
        Waiting = "waiting",
        Published = "published",
        Hidden = "hidden",
    }
}

text_enum! {
    /// What went wrong behind a negative review, so the shop can fix it (AF-5).
    Cause = "cause" {
        Product = "product",
        SizeChart = "size_chart",
        Delivery = "delivery",
        Packaging = "packaging",
        Service = "service",
        Other = "other",
    }
}

/// A negative review asks for a cause and may be answered with a recovery (AF-5).
pub fn is_negative(stars: i64) -> bool {
    stars <= 3
}

/// The stars of a review: 1 to 5.
pub fn parse_stars(stars: i64) -> Result<i64, Invalid> {
    if (1..=5).contains(&stars) {
        Ok(stars)
    } else {
        Err(Invalid::new("stars_invalid", "a review gives 1 to 5 stars"))
    }
}

/// What a review or an answer says: at most 2000 characters; an answer or a reason may not be
/// empty, a review may.
pub fn parse_text(raw: &str, required: bool) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.chars().count() > 2000 {
        return Err(Invalid::new(
            "review_text_too_long",
            "at most 2000 characters",
        ));
    }
    if required && value.is_empty() {
        return Err(Invalid::new("text_missing", "write a few words"));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_are_one_to_five() {
        for (stars, ok) in [(0, false), (1, true), (5, true), (6, false)] {
            assert_eq!(parse_stars(stars).is_ok(), ok, "{stars}");
        }
    }

    #[test]
    fn a_text_is_at_most_2000_characters() {
        assert!(parse_text(&"ø".repeat(2000), true).is_ok());
        assert_eq!(
            parse_text(&"ø".repeat(2001), false).map_err(|e| e.code),
            Err("review_text_too_long")
        );
        assert_eq!(
            parse_text("  ", true).map_err(|e| e.code),
            Err("text_missing")
        );
        assert_eq!(parse_text("", false).as_deref(), Ok(""));
    }
}
