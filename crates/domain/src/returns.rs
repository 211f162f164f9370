//! Returns the customer starts from their order page (AF-1, AF-2, AF-3): which reasons there
//! are, how long after delivery a return may be asked, and who pays the parcel back.

use serde::{Deserialize, Serialize};

text_enum!(
    /// Why the customer sends something back.
    ReturnReason = "return_reason" {
        ChangedMind = "changed_mind",
        DoesNotFit = "does_not_fit",
        WrongItem = "wrong_item",
        Defect = "defect",
    }
);

impl ReturnReason {
    /// The shop's own fault: it pays the way back in full and does not argue (AF-2, AF-3).
    pub fn shop_at_fault(self) -> bool {
        matches!(self, Self::WrongItem | Self::Defect)
    }
}

/// The shop's return terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnPolicy {
    /// Days after delivery the customer may ask for a return from their order page.
    pub days: i64,
    /// The share of the return shipping the shop pays when it was not at fault (AF-1).
    pub shop_pays_percent: i64,
    /// The thank-you coupon's discount once a return is settled (AF-1); 0 sends no coupon.
    pub thank_you_percent: i64,
    /// Days the thank-you coupon can be used.
    pub thank_you_days: i64,
}

impl Default for ReturnPolicy {
    fn default() -> Self {
        Self {
            days: 30,
            shop_pays_percent: 100,
            thank_you_percent: 5,
            thank_you_days: 90,
        }
    }
}

impl ReturnPolicy {
    /// The last moment a return may be asked for a parcel that arrived then.
    pub fn until(&self, delivered_at_ms: i64) -> i64 {
        delivered_at_ms.saturating_add(self.days.saturating_mul(86_400_000))
    }

    /// Whether a return may still be asked now, within `days` after the parcel arrived.
    pub fn open(&self, delivered_at_ms: i64, now_ms: i64) -> bool {
        (delivered_at_ms..=self.until(delivered_at_ms)).contains(&now_ms)
    }

    /// The share of the return shipping the shop pays for a return of lines with these
    /// reasons: all of it when any of them is the shop's fault, one parcel going back.
    pub fn shop_pays(&self, reasons: &[ReturnReason]) -> i64 {
        if reasons.iter().any(|r| r.shop_at_fault()) {
            100
        } else {
            self.shop_pays_percent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shop_pays_in_full_for_its_own_mistakes_and_its_share_otherwise() {
        // AF-1, AF-2, AF-3
        let policy = ReturnPolicy {
            shop_pays_percent: 50,
            ..ReturnPolicy::default()
        };
        assert_eq!(policy.shop_pays(&[ReturnReason::ChangedMind]), 50);
        assert_eq!(policy.shop_pays(&[ReturnReason::DoesNotFit]), 50);
        assert_eq!(policy.shop_pays(&[ReturnReason::WrongItem]), 100);
        assert_eq!(
            policy.shop_pays(&[ReturnReason::ChangedMind, ReturnReason::Defect]),
            100
        );
    }

    #[test]
    fn the_window_counts_from_delivery() {
        let policy = ReturnPolicy::default();
        let day = 86_400_000;
        assert!(policy.open(0, 30 * day));
        assert!(!policy.open(0, 30 * day + 1));
        assert!(!policy.open(day, 0));
    }
}
