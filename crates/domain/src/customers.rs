//! The customer card (IN-3) and its loyalty tier (AF-11).

use serde::{Deserialize, Serialize};

/// A tier every card carries, earned by completed orders (AF-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoyaltyTier {
    New,
    Regular,
    Loyal,
}

impl LoyaltyTier {
    /// The tier for a customer with this many orders that were not cancelled.
    pub fn for_orders(kept_orders: i64) -> Self {
        match kept_orders {
            ..=1 => Self::New,
            2..=4 => Self::Regular,
            _ => Self::Loyal,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Regular => "regular",
            Self::Loyal => "loyal",
        }
    }
}

/// Which existing card an incoming order belongs to, given the card its phone is on and the card
/// its email is on. The phone wins: it is the contact a shop calls, and emails are shared more
/// often (a family address, an office one).
pub fn matching_card<Id: Copy>(by_phone: Option<Id>, by_email: Option<Id>) -> Option<Id> {
    by_phone.or(by_email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_grow_with_kept_orders() {
        // AF-11
        assert_eq!(LoyaltyTier::for_orders(0), LoyaltyTier::New);
        assert_eq!(LoyaltyTier::for_orders(1), LoyaltyTier::New);
        assert_eq!(LoyaltyTier::for_orders(2), LoyaltyTier::Regular);
        assert_eq!(LoyaltyTier::for_orders(5), LoyaltyTier::Loyal);
    }

    #[test]
    fn phone_match_wins_over_email_match() {
        // IN-3
        assert_eq!(matching_card(Some(1), Some(2)), Some(1));
        assert_eq!(matching_card(None, Some(2)), Some(2));
        assert_eq!(matching_card::<i64>(None, None), None);
    }
}
