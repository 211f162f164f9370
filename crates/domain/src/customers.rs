//! The customer card (IN-3) and its loyalty tier (AF-11): the tiers the shop defines, the one a
//! customer's orders reach, and what it gives them at checkout.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Invalid;

/// Which existing card an incoming order belongs to, given the card its phone is on and the card
/// its email is on. The phone wins: it is the contact a shop calls, and emails are shared more
/// often (a family address, an office one).
pub fn matching_card<Id: Copy>(by_phone: Option<Id>, by_email: Option<Id>) -> Option<Id> {
    by_phone.or(by_email)
}

/// The shop's tiers, lowest first, and how a tier's benefit combines with a coupon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoyaltyPolicy {
    pub tiers: Vec<Tier>,
    /// The months of orders a threshold counts; 0 counts every order ever kept.
    pub months: i64,
    /// Whether a coupon and the tier's benefit add up, or only the larger of the two applies.
    pub combine: Combine,
}

/// How a coupon and a tier's benefit combine on one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// The larger discount applies; a coupon that loses is not used up.
    #[default]
    BestWins,
    /// Both apply, never more than the goods cost.
    Both,
}

/// One tier: its key, its name in each language, what reaches it and what it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    /// The tier's stable name on the card and over the API, `[a-z0-9_-]`.
    pub key: String,
    /// Per language (`en`, `lv`, `nb`, `ru`, `uk`), what the customer and the shop read.
    pub names: BTreeMap<String, String>,
    pub threshold: Threshold,
    /// Percent off the goods, 0 to 50.
    pub percent: i64,
    pub free_delivery: bool,
}

/// What reaches a tier: a number of kept orders, or money spent on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    Orders(i64),
    SpentMinor(i64),
}

impl Threshold {
    fn value(self) -> i64 {
        match self {
            Self::Orders(n) | Self::SpentMinor(n) => n,
        }
    }

    fn met_by(self, standing: Standing) -> bool {
        match self {
            Self::Orders(n) => standing.orders >= n,
            Self::SpentMinor(n) => standing.spent_minor >= n,
        }
    }
}

/// A customer's kept orders (not cancelled, returned or refunded) within the policy's months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    pub orders: i64,
    pub spent_minor: i64,
}

fn tier(key: &str, names: [&str; 5], orders: i64) -> Tier {
    Tier {
        key: key.into(),
        names: ["en", "lv", "nb", "ru", "uk"]
            .into_iter()
            .zip(names)
            .map(|(l, n)| (l.to_owned(), n.to_owned()))
            .collect(),
        threshold: Threshold::Orders(orders),
        percent: 0,
        free_delivery: false,
    }
}

impl Default for LoyaltyPolicy {
    /// The three tiers every card had before a shop set its own, worth nothing.
    fn default() -> Self {
        Self {
            tiers: vec![
                tier("new", ["New", "Jauns", "Ny", "Новый", "Новий"], 0),
                tier(
                    "regular",
                    ["Regular", "Pastāvīgs", "Fast", "Постоянный", "Постійний"],
                    2,
                ),
                tier(
                    "loyal",
                    ["Loyal", "Uzticīgs", "Lojal", "Верный", "Відданий"],
                    5,
                ),
            ],
            months: 0,
            combine: Combine::BestWins,
        }
    }
}

impl LoyaltyPolicy {
    /// The highest tier the standing reaches; the first tier is everyone's.
    pub fn tier_for(&self, standing: Standing) -> &Tier {
        self.tiers
            .iter()
            .rev()
            .find(|t| t.threshold.met_by(standing))
            .unwrap_or(&self.tiers[0])
    }

    /// The tier with this key, if the shop still has it.
    pub fn tier(&self, key: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.key == key)
    }

    /// Where a key stands among the tiers, lowest 0; a key the shop no longer has ranks lowest.
    pub fn rank(&self, key: &str) -> usize {
        self.tiers.iter().position(|t| t.key == key).unwrap_or(0)
    }

    /// A policy a shop can run: tiers lowest first, the first open to everyone, each reached
    /// by more of the same measure than the one before, each named, and benefits in bounds.
    pub fn check(&self) -> Result<(), Invalid> {
        let first = self
            .tiers
            .first()
            .ok_or_else(|| Invalid::new("tiers_missing", "keep at least one tier"))?;
        if first.threshold.value() != 0 {
            return Err(Invalid::new(
                "first_tier_threshold",
                "the first tier is every customer's: its threshold is 0",
            ));
        }
        if !(0..=120).contains(&self.months) {
            return Err(Invalid::new(
                "months_invalid",
                "count the orders of 1 to 120 months, or 0 for all of them",
            ));
        }
        for (i, tier) in self.tiers.iter().enumerate() {
            let valid_key = !tier.key.is_empty()
                && tier
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !valid_key {
                return Err(Invalid::new(
                    "tier_key_invalid",
                    format!(
                        "tier {}: a key is lowercase letters, digits, - and _",
                        i + 1
                    ),
                ));
            }
            if tier.names.values().all(|n| n.trim().is_empty()) {
                return Err(Invalid::new(
                    "tier_name_missing",
                    format!("tier {}: give it a name", tier.key),
                ));
            }
            if !(0..=50).contains(&tier.percent) {
                return Err(Invalid::new(
                    "tier_percent_invalid",
                    format!("tier {}: a tier takes 0 to 50 percent off", tier.key),
                ));
            }
            if let Some(before) = i.checked_sub(1).map(|b| &self.tiers[b]) {
                let same_measure = std::mem::discriminant(&before.threshold)
                    == std::mem::discriminant(&tier.threshold);
                if !same_measure || tier.threshold.value() <= before.threshold.value() {
                    return Err(Invalid::new(
                        "tier_threshold_order",
                        format!(
                            "tier {}: each tier needs more of the same measure than the one before",
                            tier.key
                        ),
                    ));
                }
                if self.tiers[..i].iter().any(|t| t.key == tier.key) {
                    return Err(Invalid::new(
                        "tier_key_taken",
                        format!("tier {}: two tiers have this key", tier.key),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Tier {
    /// The tier's name in `lang`, else in English, else any it has.
    pub fn name(&self, lang: &str) -> &str {
        [lang, "en"]
            .iter()
            .filter_map(|l| self.names.get(*l))
            .chain(self.names.values())
            .find(|n| !n.trim().is_empty())
            .map_or(self.key.as_str(), String::as_str)
    }

    /// Whether the tier gives anything at checkout.
    pub fn gives(&self) -> bool {
        self.percent > 0 || self.free_delivery
    }

    /// What the tier takes off an order: its percent of the goods and the delivery price if
    /// delivery is free, never more than the goods cost.
    pub fn benefit_minor(&self, subtotal_minor: i64, delivery_minor: i64) -> i64 {
        let delivery = if self.free_delivery {
            delivery_minor
        } else {
            0
        };
        (subtotal_minor * self.percent / 100 + delivery).min(subtotal_minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(orders: i64) -> Standing {
        Standing {
            orders,
            spent_minor: 0,
        }
    }

    #[test]
    fn the_default_tiers_count_kept_orders_as_before() {
        let policy = LoyaltyPolicy::default();
        policy.check().expect("the default tiers are valid");
        let key = |n| policy.tier_for(standing(n)).key.as_str();
        assert_eq!(
            [key(0), key(1), key(2), key(4), key(5)],
            ["new", "new", "regular", "regular", "loyal"]
        );
        assert!(policy.tiers.iter().all(|t| !t.gives()));
    }

    #[test]
    fn a_policy_is_refused_when_tiers_do_not_rise() {
        let mut policy = LoyaltyPolicy::default();
        policy.tiers[2].threshold = Threshold::Orders(2);
        assert_eq!(
            policy.check().expect_err("refused").code,
            "tier_threshold_order"
        );
        policy.tiers[2].threshold = Threshold::SpentMinor(90_000);
        assert_eq!(
            policy.check().expect_err("refused").code,
            "tier_threshold_order"
        );
        let mut policy = LoyaltyPolicy::default();
        policy.tiers[0].threshold = Threshold::Orders(1);
        assert_eq!(
            policy.check().expect_err("refused").code,
            "first_tier_threshold"
        );
        let mut policy = LoyaltyPolicy::default();
        policy.tiers[1].percent = 80;
        assert_eq!(
            policy.check().expect_err("refused").code,
            "tier_percent_invalid"
        );
    }

    #[test]
    fn a_benefit_never_costs_more_than_the_goods() {
        let mut tier = LoyaltyPolicy::default().tiers[1].clone();
        tier.percent = 10;
        tier.free_delivery = true;
        assert_eq!(tier.benefit_minor(10_000, 590), 1_590);
        assert_eq!(tier.benefit_minor(300, 590), 300);
    }

    #[test]
    fn phone_match_wins_over_email_match() {
        // IN-3
        assert_eq!(matching_card(Some(1), Some(2)), Some(1));
        assert_eq!(matching_card(None, Some(2)), Some(2));
        assert_eq!(matching_card::<i64>(None, None), None);
    }
}
