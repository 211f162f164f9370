//! The order as the lifecycle sees it: its lines and its money, and placing it.

use serde::{Deserialize, Serialize};

use super::{
    Channel, Decision, DeliveryMethod, Event, Hold, HoldKind, PaymentMode, Refusal, Stage,
};
use crate::money::Currency;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Active,
    Cancelled,
}

/// One line of an order as the lifecycle sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub line_no: i64,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub status: LineStatus,
}

impl Line {
    pub fn total_minor(&self) -> i64 {
        match self.status {
            LineStatus::Active => self.quantity * self.unit_price_minor,
            LineStatus::Cancelled => 0,
        }
    }
}

/// The state the lifecycle rules need: stage, holds, lines, money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub stage: Stage,
    pub holds: Vec<Hold>,
    /// Not chosen yet when the customer skipped it; a manager asks (CK-2).
    pub payment_mode: Option<PaymentMode>,
    pub delivery_method: Option<DeliveryMethod>,
    pub currency: Currency,
    pub lines: Vec<Line>,
    pub delivery_minor: i64,
    /// Taken off the total: a coupon, or a flaw the customer accepted (AS-2).
    pub discount_minor: i64,
    /// Money received, less payments voided as recorded in error.
    pub paid_minor: i64,
    /// Money given back for returned goods, a lost parcel or goodwill (PY-3); never more than
    /// was paid. Paying back an overpayment lowers `paid_minor` instead.
    pub refunded_minor: i64,
}

/// The payment's own state, derived from what was paid against the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Unpaid,
    PartiallyPaid,
    Paid,
    Overpaid,
    PartiallyRefunded,
    Refunded,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Overpaid => "overpaid",
            Self::PartiallyRefunded => "partially_refunded",
            Self::Refunded => "refunded",
        }
    }
}

impl Order {
    pub fn subtotal_minor(&self) -> i64 {
        self.lines.iter().map(Line::total_minor).sum()
    }

    pub fn total_minor(&self) -> i64 {
        (self.subtotal_minor() - self.discount_minor).max(0) + self.delivery_minor
    }

    /// What the customer still owes. A refund settles goods given back, so it leaves this as
    /// it was.
    pub fn balance_minor(&self) -> i64 {
        self.total_minor() - self.paid_minor
    }

    /// What may still be given back: an order is never refunded more than was paid.
    pub fn refundable_minor(&self) -> i64 {
        self.paid_minor - self.refunded_minor
    }

    /// Money received beyond the total, which may be paid back.
    pub fn overpaid_minor(&self) -> i64 {
        (-self.balance_minor()).clamp(0, self.refundable_minor())
    }

    pub fn payment_status(&self) -> PaymentStatus {
        if self.refunded_minor > 0 {
            return if self.refundable_minor() == 0 {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
        }
        match self.balance_minor() {
            b if b < 0 => PaymentStatus::Overpaid,
            0 => PaymentStatus::Paid,
            _ if self.paid_minor > 0 => PaymentStatus::PartiallyPaid,
            _ => PaymentStatus::Unpaid,
        }
    }

    pub(super) fn is_self_pickup(&self) -> bool {
        self.delivery_method
            .is_some_and(DeliveryMethod::is_self_pickup)
    }

    pub fn has_hold(&self, kind: HoldKind) -> bool {
        self.holds.iter().any(|h| h.kind == kind)
    }

    /// The active line numbered `line_no`, to change it.
    pub(super) fn active_line_mut(&mut self, line_no: i64) -> Result<&mut Line, Refusal> {
        self.lines
            .iter_mut()
            .find(|l| l.line_no == line_no && l.status == LineStatus::Active)
            .ok_or(Refusal::NoSuchLine { line_no })
    }

    /// Intake: a new order is placed and goes straight on to confirmation. Lines that could not
    /// be reserved hold it until the customer chooses what to do (ST-1).
    pub fn place(self, channel: &Channel, out_of_stock: &[(i64, String)]) -> Decision {
        let mut decision = Decision {
            events: vec![Event::Placed {
                channel: channel.to_string(),
                total_minor: self.total_minor(),
            }],
            order: Order {
                stage: Stage::Placed,
                ..self
            },
            effects: Vec::new(),
        };
        for (line_no, sku) in out_of_stock {
            decision.events.push(Event::LineOutOfStock {
                line_no: *line_no,
                sku: sku.clone(),
            });
        }
        if !out_of_stock.is_empty() {
            let skus: Vec<_> = out_of_stock.iter().map(|(_, sku)| sku.as_str()).collect();
            decision.hold(Hold {
                kind: HoldKind::WaitingForCustomer,
                reason: format!("out of stock: {}", skus.join(", ")),
            });
        }
        decision.move_to(Stage::Confirming);
        decision
    }
}
