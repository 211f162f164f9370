//! What a refund covers: lines and quantities of the order, and its delivery (PY-3, AF-1).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{LineStatus, Order, Refusal};

/// The goods and delivery a refund gives money back for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Covered {
    pub lines: Vec<CoveredLine>,
    pub delivery: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoveredLine {
    pub line_no: i64,
    pub quantity: i64,
}

impl Covered {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && !self.delivery
    }
}

/// The units of each line, by its number, that these refunds covered.
pub fn units_refunded<'a>(refunds: impl IntoIterator<Item = &'a Covered>) -> BTreeMap<i64, i64> {
    let mut refunded = BTreeMap::new();
    for line in refunds.into_iter().flat_map(|c| &c.lines) {
        *refunded.entry(line.line_no).or_default() += line.quantity;
    }
    refunded
}

impl Order {
    /// The price of what `asked` covers: each unit at what it cost after the order's discount
    /// (shared over the goods by their price), and no unit or delivery refunded twice across
    /// `earlier` refunds.
    pub fn price_of_refund(&self, earlier: &[Covered], asked: &Covered) -> Result<i64, Refusal> {
        let mut refunded = units_refunded(earlier);
        if asked.delivery && earlier.iter().any(|c| c.delivery) {
            return Err(Refusal::DeliveryRefunded);
        }
        let subtotal = self.subtotal_minor();
        let discount = self.discount_minor.min(subtotal);
        let mut price = if asked.delivery {
            self.delivery_minor
        } else {
            0
        };
        for wanted in &asked.lines {
            let line = self
                .lines
                .iter()
                .find(|l| l.line_no == wanted.line_no && l.status == LineStatus::Active)
                .ok_or(Refusal::NoSuchLine {
                    line_no: wanted.line_no,
                })?;
            let taken = refunded.entry(line.line_no).or_default();
            let left = line.quantity - *taken;
            if wanted.quantity <= 0 || wanted.quantity > left {
                return Err(Refusal::RefundQuantity {
                    line_no: line.line_no,
                    left,
                });
            }
            *taken += wanted.quantity;
            let goods = wanted.quantity * line.unit_price_minor;
            // Rounded up, so that refunding everything never gives back more than the goods cost;
            // i128, as a discount times a price can pass i64.
            let divisor = i128::from(subtotal.max(1));
            let share = ((i128::from(goods) * i128::from(discount) + divisor - 1) / divisor) as i64;
            price += goods - share;
        }
        Ok(price)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use crate::orders::{Line, Stage};

    fn order(discount_minor: i64) -> Order {
        let line = |line_no, quantity, unit_price_minor| Line {
            line_no,
            quantity,
            unit_price_minor,
            status: LineStatus::Active,
        };
        Order {
            stage: Stage::Delivered,
            holds: vec![],
            payment_mode: None,
            delivery_method: None,
            currency: Currency::parse("NOK").expect("NOK"),
            lines: vec![line(1, 2, 1500), line(2, 1, 4999), line(3, 1, 1000)],
            delivery_minor: 490,
            discount_minor,
            paid_minor: 0,
            refunded_minor: 0,
        }
    }

    fn lines(lines: &[(i64, i64)], delivery: bool) -> Covered {
        Covered {
            lines: lines
                .iter()
                .map(|&(line_no, quantity)| CoveredLine { line_no, quantity })
                .collect(),
            delivery,
        }
    }

    #[test]
    fn af1_two_of_three_lines_and_the_delivery_are_priced_and_never_refunded_twice() {
        let order = order(0);
        let first = lines(&[(1, 1), (2, 1)], true);
        assert_eq!(order.price_of_refund(&[], &first), Ok(1500 + 4999 + 490));
        let earlier = [first];
        assert_eq!(
            order.price_of_refund(&earlier, &lines(&[(1, 2)], false)),
            Err(Refusal::RefundQuantity {
                line_no: 1,
                left: 1
            })
        );
        assert_eq!(
            order.price_of_refund(&earlier, &lines(&[(3, 1)], true)),
            Err(Refusal::DeliveryRefunded)
        );
        assert_eq!(
            order.price_of_refund(&earlier, &lines(&[(1, 1), (3, 1)], false)),
            Ok(2500)
        );
        assert_eq!(
            order.price_of_refund(&earlier, &lines(&[(9, 1)], false)),
            Err(Refusal::NoSuchLine { line_no: 9 })
        );
    }

    #[test]
    fn a_coupon_is_shared_over_the_goods_by_their_price() {
        // 900 off goods of 8999: a 1000 line carries 100.01 of it, rounded up.
        let order = order(900);
        let subtotal = order.subtotal_minor();
        assert_eq!(subtotal, 8999);
        let price = order.price_of_refund(&[], &lines(&[(3, 1)], false));
        assert_eq!(price, Ok(1000 - 101));
        // Everything refunded never passes what the goods cost after the discount.
        let all = lines(&[(1, 2), (2, 1), (3, 1)], false);
        let everything = order.price_of_refund(&[], &all).expect("priced");
        assert!(everything <= subtotal - 900, "{everything}");
    }
}
