//! Where an order stands: its stage, the holds on it, and how a return ended.

use serde::{Deserialize, Serialize};

text_enum!(
    /// The pipeline position of an order.
    Stage = "stage" {
        /// Paid at checkout and not yet paid: the stock is held, and nobody but the paying
        /// visitor knows of the order until the provider's word opens it (PY-1).
        Paying = "paying",
        /// The online payment never came within the shop's minutes: the stock went back.
        Abandoned = "abandoned",
        Placed = "placed",
        Confirming = "confirming",
        AwaitingPayment = "awaiting_payment",
        Assembling = "assembling",
        Ready = "ready",
        InTransit = "in_transit",
        Delivered = "delivered",
        Closed = "closed",
        Cancelled = "cancelled",
        ReturnRequested = "return_requested",
        Returned = "returned",
        Replaced = "replaced",
        Refunded = "refunded",
    }
);

impl Stage {
    /// An order being paid at checkout, or given up unpaid, is no order the shop works on
    /// (PY-1): no list or count shows it. `store::orders::OPEN_TO_STAFF` says the same in SQL.
    pub fn is_placed(self) -> bool {
        !matches!(self, Self::Paying | Self::Abandoned)
    }

    /// No command moves an order out of these.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Closed
                | Self::Cancelled
                | Self::Returned
                | Self::Replaced
                | Self::Refunded
                | Self::Abandoned
        )
    }

    /// Before the parcel leaves, an order can still be cancelled.
    pub(super) fn can_cancel(self) -> bool {
        matches!(
            self,
            Self::Placed
                | Self::Confirming
                | Self::AwaitingPayment
                | Self::Assembling
                | Self::Ready
        )
    }
}

text_enum!(
    /// A reason a person must act before the order moves on.
    HoldKind = "hold_kind" {
        NeedsCall = "needs_call",
        WaitingForCustomer = "waiting_for_customer",
        PaymentProblem = "payment_problem",
        DefectFound = "defect_found",
        Delayed = "delayed",
        Lost = "lost",
    }
);

/// A reason a person must act, with what they need to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub kind: HoldKind,
    pub reason: String,
}

/// The question of a `waiting_for_customer` hold when the customer was sent the link to confirm
/// because the phone did not work (CF-4); confirming answers it.
pub const CONFIRM_BY_LINK: &str = "confirmation by link";

text_enum!(
    /// How a return ended.
    ReturnOutcome = "return_outcome" {
        Returned = "returned",
        Replaced = "replaced",
        Refunded = "refunded",
    }
);

/// What the shop may still edit on an order in a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editable {
    /// Before packing: the contacts, the address, the delivery method and the pickup point.
    Everything,
    /// Packed, not yet delivered: the contacts and the address only.
    ContactsAndAddress,
    Nothing,
}

impl Stage {
    /// What may be edited in this stage, once the parcel is `packed` or not.
    pub fn editable(self, packed: bool) -> Editable {
        match self {
            Self::Placed | Self::Confirming | Self::AwaitingPayment | Self::Assembling
                if !packed =>
            {
                Editable::Everything
            }
            Self::Placed
            | Self::Confirming
            | Self::AwaitingPayment
            | Self::Assembling
            | Self::Ready
            | Self::InTransit => Editable::ContactsAndAddress,
            _ => Editable::Nothing,
        }
    }
}
