//! What a move records on the timeline, and the work it leaves for the stores of stock.

use serde::{Deserialize, Serialize};

use super::{DeliveryMethod, HoldKind, PaymentMode, Stage};

/// What happened, as the timeline records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    Placed {
        channel: String,
        total_minor: i64,
    },
    StageChanged {
        from: Stage,
        to: Stage,
    },
    Cancelled {
        reason: String,
    },
    LineReserved {
        line_no: i64,
        location: String,
    },
    LineOutOfStock {
        line_no: i64,
        sku: String,
    },
    LineCancelled {
        line_no: i64,
        reason: String,
    },
    HoldPlaced {
        kind: HoldKind,
        reason: String,
    },
    HoldReleased {
        kind: HoldKind,
        note: String,
    },
    PaymentRecorded {
        amount_minor: i64,
        paid_minor: i64,
        balance_minor: i64,
    },
    PaymentVoided {
        amount_minor: i64,
        paid_minor: i64,
        balance_minor: i64,
    },
    RefundMade {
        amount_minor: i64,
        refunded_minor: i64,
        /// An overpayment paid back rather than goods or delivery refunded.
        overpayment: bool,
    },
    TrackingRecorded {
        tracking_number: String,
    },
    ReturnRequested {
        reason: String,
    },
    MethodsChosen {
        payment_mode: Option<PaymentMode>,
        delivery_method: Option<DeliveryMethod>,
    },
    CheckFailed {
        code: String,
        field: String,
        message: String,
    },
    PromiseMade {
        earliest: String,
        latest: String,
    },
    PaymentFailed {
        reason: String,
    },
    CallAttempted {
        outcome: String,
        note: String,
    },
    MessageQueued {
        template: String,
        channel: String,
    },
    TaskOpened {
        kind: String,
        reason: String,
    },
    LineSubstituted {
        line_no: i64,
        sku: String,
        price_difference_minor: i64,
    },
    LineAwaitingSupplier {
        line_no: i64,
        location: String,
        lead_time_days: i64,
    },
    MessageFailed {
        template: String,
        channel: String,
        error: String,
    },
    DiscountGranted {
        amount_minor: i64,
        reason: String,
    },
    Compensated {
        compensation: crate::fulfilment::Compensation,
    },
    ItemScanned {
        code: String,
        accepted: bool,
        message: String,
    },
    DefectFound {
        line_no: i64,
        severity: crate::fulfilment::Severity,
        note: String,
    },
    Packed {
        packaging: String,
        weight_grams: i64,
        inserts: Vec<String>,
    },
    ShipmentUpdated {
        status: crate::fulfilment::ShipmentStatus,
        note: String,
    },
    CashCollected {
        courier: String,
        amount_minor: i64,
        receipt_number: String,
    },
    /// A detail of the order edited by the shop: `field` (such as `address`) from what to what.
    DetailsChanged {
        field: String,
        from: String,
        to: String,
    },
}

impl Event {
    /// The timeline's short name for the event, such as `stage_changed`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Placed { .. } => "placed",
            Self::StageChanged { .. } => "stage_changed",
            Self::Cancelled { .. } => "cancelled",
            Self::LineReserved { .. } => "line_reserved",
            Self::LineOutOfStock { .. } => "line_out_of_stock",
            Self::LineCancelled { .. } => "line_cancelled",
            Self::HoldPlaced { .. } => "hold_placed",
            Self::HoldReleased { .. } => "hold_released",
            Self::PaymentRecorded { .. } => "payment_recorded",
            Self::PaymentVoided { .. } => "payment_voided",
            Self::RefundMade { .. } => "refund_made",
            Self::TrackingRecorded { .. } => "tracking_recorded",
            Self::ReturnRequested { .. } => "return_requested",
            Self::MethodsChosen { .. } => "methods_chosen",
            Self::CheckFailed { .. } => "check_failed",
            Self::PromiseMade { .. } => "promise_made",
            Self::PaymentFailed { .. } => "payment_failed",
            Self::CallAttempted { .. } => "call_attempted",
            Self::MessageQueued { .. } => "message_queued",
            Self::TaskOpened { .. } => "task_opened",
            Self::LineSubstituted { .. } => "line_substituted",
            Self::LineAwaitingSupplier { .. } => "line_awaiting_supplier",
            Self::MessageFailed { .. } => "message_failed",
            Self::DiscountGranted { .. } => "discount_granted",
            Self::Compensated { .. } => "compensated",
            Self::ItemScanned { .. } => "item_scanned",
            Self::DefectFound { .. } => "defect_found",
            Self::Packed { .. } => "packed",
            Self::ShipmentUpdated { .. } => "shipment_updated",
            Self::CashCollected { .. } => "cash_collected",
            Self::DetailsChanged { .. } => "details_changed",
        }
    }
}

/// Work the stores of stock must do because of a move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Give back every unit reserved for the order.
    ReleaseReservations,
    /// Give back what was reserved for one line.
    ReleaseLine { line_no: i64 },
    /// The reserved units leave the shelf with the parcel.
    ConsumeReservations,
    /// The parcel is gone: set aside the goods again for a new one (DL-6).
    ReserveAgain,
    /// The returned goods are back: what can be sold again goes back on its shelf (AF-1).
    RestockReturn,
}
