//! What a move decides, or why it was refused, and the steps every move is made of.

use super::{Command, Effect, Event, Hold, HoldKind, Order, PaymentMode, Stage};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub order: Order,
    pub events: Vec<Event>,
    pub effects: Vec<Effect>,
}

/// Why a move was refused. Each has a stable code for clients.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("an order that is {stage} cannot {action}")]
    WrongStage { action: &'static str, stage: Stage },
    #[error("the order is {stage}; it does not move any more")]
    Final { stage: Stage },
    #[error("the order is on hold ({}); resolve that first", .kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "))]
    OnHold { kinds: Vec<HoldKind> },
    #[error("{balance_minor} minor units are still due")]
    BalanceDue { balance_minor: i64 },
    #[error("the order is already on hold for {kind}")]
    AlreadyOnHold { kind: HoldKind },
    #[error("the order is not on hold for {kind}")]
    NotOnHold { kind: HoldKind },
    #[error("line {line_no} is not an active line of this order")]
    NoSuchLine { line_no: i64 },
    #[error("this is the last line; cancel the order instead")]
    LastLine,
    #[error("a payment must be a positive amount")]
    PaymentNotPositive,
    #[error("{balance_minor} minor units are due; more is an overpayment, and must be marked so")]
    PaymentAboveBalance { balance_minor: i64 },
    #[error("{refundable_minor} minor units may still be given back")]
    RefundAbovePaid { refundable_minor: i64 },
    #[error("{overpaid_minor} minor units were paid beyond the total")]
    RefundAboveOverpayment { overpaid_minor: i64 },
    #[error("line {line_no} has {left} units that may still be refunded")]
    RefundQuantity { line_no: i64, left: i64 },
    #[error("the delivery was refunded already")]
    DeliveryRefunded,
    #[error("{refundable_minor} minor units were paid and not refunded; void less, or refund")]
    VoidAboveRefundable { refundable_minor: i64 },
    #[error("choose the payment and delivery methods first")]
    MethodsMissing,
    #[error("a discount is more than nothing and at most the goods' price")]
    DiscountOutOfRange,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongStage { .. } => "stage_forbids",
            Self::Final { .. } => "order_final",
            Self::OnHold { .. } => "order_on_hold",
            Self::BalanceDue { .. } => "balance_due",
            Self::AlreadyOnHold { .. } => "already_on_hold",
            Self::NotOnHold { .. } => "not_on_hold",
            Self::NoSuchLine { .. } => "line_not_found",
            Self::LastLine => "last_line",
            Self::PaymentNotPositive => "payment_not_positive",
            Self::PaymentAboveBalance { .. } => "amount_above_balance",
            Self::RefundAbovePaid { .. } => "refund_above_paid",
            Self::RefundAboveOverpayment { .. } => "refund_above_overpayment",
            Self::VoidAboveRefundable { .. } => "void_above_refundable",
            Self::RefundQuantity { .. } => "refund_quantity",
            Self::DeliveryRefunded => "delivery_refunded",
            Self::MethodsMissing => "methods_missing",
            Self::DiscountOutOfRange => "discount_out_of_range",
        }
    }
}

impl Decision {
    /// Applies a further command to the decided order, keeping everything decided so far.
    pub fn then(self, command: Command) -> Result<Decision, Refusal> {
        let next = self.order.apply(command)?;
        let mut events = self.events;
        events.extend(next.events);
        let mut effects = self.effects;
        effects.extend(next.effects);
        Ok(Decision {
            order: next.order,
            events,
            effects,
        })
    }

    pub(super) fn move_to(&mut self, to: Stage) {
        self.events.push(Event::StageChanged {
            from: self.order.stage,
            to,
        });
        self.order.stage = to;
    }

    pub(super) fn hold(&mut self, hold: Hold) {
        self.events.push(Event::HoldPlaced {
            kind: hold.kind,
            reason: hold.reason.clone(),
        });
        self.order.holds.push(hold);
    }

    /// Removes a hold if present; tells whether it was.
    pub(super) fn release(&mut self, kind: HoldKind, note: &str) -> bool {
        let before = self.order.holds.len();
        self.order.holds.retain(|h| h.kind != kind);
        let released = self.order.holds.len() != before;
        if released {
            self.events.push(Event::HoldReleased {
                kind,
                note: note.to_owned(),
            });
        }
        released
    }

    pub(super) fn require_no_holds(&self) -> Result<(), Refusal> {
        if self.order.holds.is_empty() {
            Ok(())
        } else {
            Err(Refusal::OnHold {
                kinds: self.order.holds.iter().map(|h| h.kind).collect(),
            })
        }
    }

    pub(super) fn require_paid(&self) -> Result<(), Refusal> {
        match self.order.balance_minor() {
            balance if balance > 0 => Err(Refusal::BalanceDue {
                balance_minor: balance,
            }),
            _ => Ok(()),
        }
    }

    /// Goods leave after payment, except when the customer pays on receipt (PY-1).
    pub(super) fn require_paid_unless_on_delivery(&self) -> Result<(), Refusal> {
        if self.order.payment_mode == Some(PaymentMode::OnDelivery) {
            Ok(())
        } else {
            self.require_paid()
        }
    }
}
