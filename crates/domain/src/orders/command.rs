//! The moves a person or the system asks for.

use super::{DeliveryMethod, Hold, HoldKind, PaymentMode, ReturnOutcome};

/// A move a person or the system asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Confirm,
    StartAssembly,
    MarkReady,
    HandOver {
        tracking_number: Option<String>,
    },
    Deliver,
    Close,
    Cancel {
        reason: String,
    },
    CancelLine {
        line_no: i64,
        reason: String,
    },
    /// Money received. Above the balance only when the manager says it is an overpayment.
    RecordPayment {
        amount_minor: i64,
        overpayment: bool,
    },
    /// A payment recorded in error is taken back out; the record stays, voided.
    VoidPayment {
        amount_minor: i64,
    },
    /// Money given back (PY-3): for goods, delivery or goodwill, or an overpayment paid back.
    Refund {
        amount_minor: i64,
        overpayment: bool,
    },
    PlaceHold(Hold),
    ReleaseHold {
        kind: HoldKind,
        note: String,
    },
    RequestReturn {
        reason: String,
    },
    ResolveReturn {
        outcome: ReturnOutcome,
    },
    /// The customer took another variant for an out-of-stock line (ST-1).
    SubstituteLine {
        line_no: i64,
        sku: String,
        unit_price_minor: i64,
    },
    /// The customer's answer to how they pay and receive, before confirmation (CK-2).
    ChooseMethods {
        payment_mode: Option<PaymentMode>,
        delivery_method: Option<DeliveryMethod>,
        /// The price of the chosen delivery method, from the shop's settings.
        delivery_minor: Option<i64>,
    },
    /// Money off before the parcel leaves, such as for a flaw the customer accepts (AS-2).
    GrantDiscount {
        amount_minor: i64,
        reason: String,
    },
    /// What the shop does about a lost parcel (DL-6).
    Compensate {
        compensation: crate::fulfilment::Compensation,
    },
}

impl Command {
    /// Corrections of the money that a settled order still takes: a refund after a return, a
    /// payment recorded in error on a closed order.
    pub fn corrects_money(&self) -> bool {
        matches!(self, Self::VoidPayment { .. } | Self::Refund { .. })
    }

    /// The name used in URLs and messages, such as `start-assembly`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::StartAssembly => "start-assembly",
            Self::MarkReady => "mark-ready",
            Self::HandOver { .. } => "hand-over",
            Self::Deliver => "deliver",
            Self::Close => "close",
            Self::Cancel { .. } => "cancel",
            Self::CancelLine { .. } => "cancel-line",
            Self::RecordPayment { .. } => "record-payment",
            Self::VoidPayment { .. } => "void-payment",
            Self::Refund { .. } => "refund",
            Self::PlaceHold(_) => "hold",
            Self::ReleaseHold { .. } => "release-hold",
            Self::RequestReturn { .. } => "request-return",
            Self::ResolveReturn { .. } => "resolve-return",
            Self::ChooseMethods { .. } => "choose-methods",
            Self::SubstituteLine { .. } => "substitute-line",
            Self::GrantDiscount { .. } => "grant-discount",
            Self::Compensate { .. } => "compensate",
        }
    }
}
