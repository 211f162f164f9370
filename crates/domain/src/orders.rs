//! The order and its lifecycle (DESIGN.md, "Order lifecycle").
//!
//! The stage is the pipeline position; holds are reasons a human must act; the payment has its
//! own state, derived from what was paid against the total. Every move is [`Order::apply`]: it
//! checks the stage and the holds in the same place it changes them, and returns the new order,
//! the timeline events and the effects the outside world must carry out.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::money::Currency;

text_enum!(
    /// The pipeline position of an order.
    Stage {
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

text_enum!(
    /// A reason a person must act before the order moves on.
    HoldKind {
        NeedsCall = "needs_call",
        WaitingForCustomer = "waiting_for_customer",
        PaymentProblem = "payment_problem",
        DefectFound = "defect_found",
        Delayed = "delayed",
        Lost = "lost",
    }
);

text_enum!(
    /// How the customer pays (PY-1).
    PaymentMode {
        /// Paid at checkout: the order exists only once paid.
        Prepaid = "prepaid",
        /// An invoice after confirmation; the goods leave after payment.
        AfterConfirmation = "after_confirmation",
        /// Cash or card to the courier, at the pickup point or in the store.
        OnDelivery = "on_delivery",
    }
);

text_enum!(
    /// How the goods reach the customer (DL-1).
    DeliveryMethod {
        StorePickup = "store_pickup",
        WarehousePickup = "warehouse_pickup",
        PickupPoint = "pickup_point",
        ParcelLocker = "parcel_locker",
        Post = "post",
        Courier = "courier",
    }
);

text_enum!(
    /// How a return ended.
    ReturnOutcome {
        Returned = "returned",
        Replaced = "replaced",
        Refunded = "refunded",
    }
);

impl Stage {
    /// No command moves an order out of these.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Closed | Self::Cancelled | Self::Returned | Self::Replaced | Self::Refunded
        )
    }

    /// Before the parcel leaves, an order can still be cancelled.
    fn can_cancel(self) -> bool {
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

impl DeliveryMethod {
    /// Door delivery: a street address is needed.
    pub fn needs_address(self) -> bool {
        matches!(self, Self::Post | Self::Courier)
    }

    /// A carrier's point or locker the customer chose.
    pub fn needs_pickup_point(self) -> bool {
        matches!(self, Self::PickupPoint | Self::ParcelLocker)
    }

    /// The customer collects at the shop's own premises: nothing goes to a carrier.
    pub fn is_self_pickup(self) -> bool {
        matches!(self, Self::StorePickup | Self::WarehousePickup)
    }
}

/// Where an order came from (IN-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Channel {
    Storefront,
    Api,
    Phone,
    Import,
    /// A named marketplace, such as `marketplace:etsy`.
    Marketplace(String),
}

impl Channel {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "storefront" => Ok(Self::Storefront),
            "api" => Ok(Self::Api),
            "phone" => Ok(Self::Phone),
            "import" => Ok(Self::Import),
            other => match other.strip_prefix("marketplace:") {
                Some(name)
                    if !name.is_empty()
                        && name.len() <= 40
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
                {
                    Ok(Self::Marketplace(name.to_ascii_lowercase()))
                }
                _ => Err(Invalid::new(
                    "channel_invalid",
                    format!(
                        "'{other}' is not a channel: use storefront, api, phone, import or marketplace:<name>"
                    ),
                )),
            },
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Storefront => f.write_str("storefront"),
            Self::Api => f.write_str("api"),
            Self::Phone => f.write_str("phone"),
            Self::Import => f.write_str("import"),
            Self::Marketplace(name) => write!(f, "marketplace:{name}"),
        }
    }
}

/// A note from the buyer or a manager: colour, size, special wishes (IN-2).
pub fn parse_note(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.chars().count() > 2000 {
        return Err(Invalid::new(
            "note_too_long",
            "a note is at most 2000 characters",
        ));
    }
    Ok(value.to_owned())
}

/// A reason a person gives for a move, such as a cancellation.
pub fn parse_reason(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Invalid::new("reason_required", "say why, in a few words"));
    }
    if value.chars().count() > 500 {
        return Err(Invalid::new(
            "reason_too_long",
            "a reason is at most 500 characters",
        ));
    }
    Ok(value.to_owned())
}

/// The question of a `waiting_for_customer` hold when the customer was sent the link to confirm
/// because the phone did not work (CF-4); confirming answers it.
pub const CONFIRM_BY_LINK: &str = "confirmation by link";

/// A reason a person must act, with what they need to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub kind: HoldKind,
    pub reason: String,
}

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
    pub paid_minor: i64,
}

/// The payment's own state, derived from what was paid against the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Unpaid,
    PartiallyPaid,
    Paid,
    Overpaid,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Overpaid => "overpaid",
        }
    }
}

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
    RecordPayment {
        amount_minor: i64,
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

/// What happened, as the timeline records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

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
            Self::MethodsMissing => "methods_missing",
            Self::DiscountOutOfRange => "discount_out_of_range",
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

    pub fn balance_minor(&self) -> i64 {
        self.total_minor() - self.paid_minor
    }

    pub fn payment_status(&self) -> PaymentStatus {
        match self.balance_minor() {
            b if b < 0 => PaymentStatus::Overpaid,
            0 => PaymentStatus::Paid,
            _ if self.paid_minor > 0 => PaymentStatus::PartiallyPaid,
            _ => PaymentStatus::Unpaid,
        }
    }

    fn is_self_pickup(&self) -> bool {
        self.delivery_method
            .is_some_and(DeliveryMethod::is_self_pickup)
    }

    pub fn has_hold(&self, kind: HoldKind) -> bool {
        self.holds.iter().any(|h| h.kind == kind)
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

    /// Applies one command: the guard and the change live together.
    pub fn apply(self, command: Command) -> Result<Decision, Refusal> {
        if self.stage.is_final() {
            return Err(Refusal::Final { stage: self.stage });
        }
        let stage = self.stage;
        let action = command.name();
        let wrong_stage = || Refusal::WrongStage { action, stage };
        let mut decision = Decision {
            order: self,
            events: Vec::new(),
            effects: Vec::new(),
        };
        match command {
            Command::Confirm => {
                if !matches!(stage, Stage::Placed | Stage::Confirming) {
                    return Err(wrong_stage());
                }
                if decision.order.payment_mode.is_none() || decision.order.delivery_method.is_none()
                {
                    return Err(Refusal::MethodsMissing);
                }
                // Confirming is what the call, or the link sent instead of it, was for (CF-2, CF-4).
                decision.release(HoldKind::NeedsCall, "confirmed");
                if decision
                    .order
                    .holds
                    .iter()
                    .any(|h| h.kind == HoldKind::WaitingForCustomer && h.reason == CONFIRM_BY_LINK)
                {
                    decision.release(HoldKind::WaitingForCustomer, "confirmed");
                }
                decision.require_no_holds()?;
                let unpaid_invoice = decision.order.payment_mode
                    == Some(PaymentMode::AfterConfirmation)
                    && decision.order.balance_minor() > 0;
                decision.move_to(if unpaid_invoice {
                    Stage::AwaitingPayment
                } else {
                    Stage::Assembling
                });
            }
            Command::StartAssembly => {
                if stage != Stage::AwaitingPayment {
                    return Err(wrong_stage());
                }
                decision.require_no_holds()?;
                decision.require_paid()?;
                decision.move_to(Stage::Assembling);
            }
            Command::MarkReady => {
                if stage != Stage::Assembling {
                    return Err(wrong_stage());
                }
                decision.require_no_holds()?;
                decision.move_to(Stage::Ready);
            }
            Command::HandOver {
                ref tracking_number,
            } => {
                if stage != Stage::Ready || decision.order.is_self_pickup() {
                    return Err(wrong_stage());
                }
                decision.require_no_holds()?;
                decision.require_paid_unless_on_delivery()?;
                if let Some(number) = tracking_number {
                    decision.events.push(Event::TrackingRecorded {
                        tracking_number: number.clone(),
                    });
                }
                decision.effects.push(Effect::ConsumeReservations);
                decision.move_to(Stage::InTransit);
            }
            Command::Deliver => {
                let self_pickup = decision.order.is_self_pickup();
                match stage {
                    // Delivered settles a delay or a loss the carrier reported (DL-6).
                    Stage::InTransit => {
                        decision.release(HoldKind::Delayed, "delivered");
                        decision.release(HoldKind::Lost, "delivered");
                    }
                    Stage::Ready if self_pickup => {
                        decision.require_no_holds()?;
                        decision.require_paid_unless_on_delivery()?;
                        decision.effects.push(Effect::ConsumeReservations);
                    }
                    _ => return Err(wrong_stage()),
                }
                decision.move_to(Stage::Delivered);
            }
            Command::Close => {
                if stage != Stage::Delivered {
                    return Err(wrong_stage());
                }
                // PY-5: an order paid on receipt closes only once the money is recorded.
                decision.require_paid()?;
                decision.move_to(Stage::Closed);
            }
            Command::Cancel { reason } => {
                if !stage.can_cancel() {
                    return Err(wrong_stage());
                }
                decision.events.push(Event::Cancelled { reason });
                decision.order.holds.clear();
                decision.effects.push(Effect::ReleaseReservations);
                decision.move_to(Stage::Cancelled);
            }
            Command::CancelLine { line_no, reason } => {
                if !matches!(
                    stage,
                    Stage::Placed | Stage::Confirming | Stage::AwaitingPayment | Stage::Assembling
                ) {
                    return Err(wrong_stage());
                }
                let active = decision
                    .order
                    .lines
                    .iter()
                    .filter(|l| l.status == LineStatus::Active)
                    .count();
                let line = decision
                    .order
                    .lines
                    .iter_mut()
                    .find(|l| l.line_no == line_no && l.status == LineStatus::Active)
                    .ok_or(Refusal::NoSuchLine { line_no })?;
                if active == 1 {
                    return Err(Refusal::LastLine);
                }
                line.status = LineStatus::Cancelled;
                decision
                    .events
                    .push(Event::LineCancelled { line_no, reason });
                decision.effects.push(Effect::ReleaseLine { line_no });
            }
            Command::RecordPayment { amount_minor } => {
                if amount_minor <= 0 {
                    return Err(Refusal::PaymentNotPositive);
                }
                decision.order.paid_minor += amount_minor;
                decision.events.push(Event::PaymentRecorded {
                    amount_minor,
                    paid_minor: decision.order.paid_minor,
                    balance_minor: decision.order.balance_minor(),
                });
                if decision.order.balance_minor() <= 0 {
                    decision.release(HoldKind::PaymentProblem, "paid");
                }
                // The goods leave after payment (PY-1): a settled invoice starts assembly.
                if stage == Stage::AwaitingPayment
                    && decision.order.balance_minor() <= 0
                    && decision.order.holds.is_empty()
                {
                    decision.move_to(Stage::Assembling);
                }
            }
            Command::PlaceHold(hold) => {
                if decision.order.has_hold(hold.kind) {
                    return Err(Refusal::AlreadyOnHold { kind: hold.kind });
                }
                decision.hold(hold);
            }
            Command::ReleaseHold { kind, note } => {
                if !decision.release(kind, &note) {
                    return Err(Refusal::NotOnHold { kind });
                }
            }
            Command::RequestReturn { reason } => {
                if stage != Stage::Delivered {
                    return Err(wrong_stage());
                }
                decision.events.push(Event::ReturnRequested { reason });
                decision.move_to(Stage::ReturnRequested);
            }
            Command::SubstituteLine {
                line_no,
                sku,
                unit_price_minor,
            } => {
                if !matches!(stage, Stage::Placed | Stage::Confirming) {
                    return Err(wrong_stage());
                }
                let line = decision
                    .order
                    .lines
                    .iter_mut()
                    .find(|l| l.line_no == line_no && l.status == LineStatus::Active)
                    .ok_or(Refusal::NoSuchLine { line_no })?;
                let price_difference_minor =
                    (unit_price_minor - line.unit_price_minor) * line.quantity;
                line.unit_price_minor = unit_price_minor;
                decision.events.push(Event::LineSubstituted {
                    line_no,
                    sku,
                    price_difference_minor,
                });
            }
            Command::ChooseMethods {
                payment_mode,
                delivery_method,
                delivery_minor,
            } => {
                if !matches!(stage, Stage::Placed | Stage::Confirming) {
                    return Err(wrong_stage());
                }
                if let Some(price) = delivery_minor {
                    decision.order.delivery_minor = price;
                }
                decision.order.payment_mode = payment_mode.or(decision.order.payment_mode);
                decision.order.delivery_method = delivery_method.or(decision.order.delivery_method);
                decision.events.push(Event::MethodsChosen {
                    payment_mode,
                    delivery_method,
                });
            }
            Command::GrantDiscount {
                amount_minor,
                reason,
            } => {
                if !stage.can_cancel() {
                    return Err(wrong_stage());
                }
                let room = decision.order.subtotal_minor() - decision.order.discount_minor;
                if amount_minor <= 0 || amount_minor > room {
                    return Err(Refusal::DiscountOutOfRange);
                }
                decision.order.discount_minor += amount_minor;
                decision.events.push(Event::DiscountGranted {
                    amount_minor,
                    reason,
                });
            }
            Command::Compensate { compensation } => {
                use crate::fulfilment::Compensation;
                if stage != Stage::InTransit {
                    return Err(wrong_stage());
                }
                if !decision.order.has_hold(HoldKind::Lost) {
                    return Err(Refusal::NotOnHold {
                        kind: HoldKind::Lost,
                    });
                }
                decision.events.push(Event::Compensated { compensation });
                decision.release(HoldKind::Lost, compensation.as_str());
                decision.release(HoldKind::Delayed, compensation.as_str());
                match compensation {
                    Compensation::Refund => decision.move_to(Stage::Refunded),
                    Compensation::ResendNow | Compensation::CourierAtShopCost => {
                        if compensation == Compensation::CourierAtShopCost {
                            decision.order.delivery_method = Some(DeliveryMethod::Courier);
                        }
                        decision.effects.push(Effect::ReserveAgain);
                        decision.move_to(Stage::Assembling);
                    }
                }
            }
            Command::ResolveReturn { outcome } => {
                if stage != Stage::ReturnRequested {
                    return Err(wrong_stage());
                }
                decision.move_to(match outcome {
                    ReturnOutcome::Returned => Stage::Returned,
                    ReturnOutcome::Replaced => Stage::Replaced,
                    ReturnOutcome::Refunded => Stage::Refunded,
                });
            }
        }
        Ok(decision)
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

    fn move_to(&mut self, to: Stage) {
        self.events.push(Event::StageChanged {
            from: self.order.stage,
            to,
        });
        self.order.stage = to;
    }

    fn hold(&mut self, hold: Hold) {
        self.events.push(Event::HoldPlaced {
            kind: hold.kind,
            reason: hold.reason.clone(),
        });
        self.order.holds.push(hold);
    }

    /// Removes a hold if present; tells whether it was.
    fn release(&mut self, kind: HoldKind, note: &str) -> bool {
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

    fn require_no_holds(&self) -> Result<(), Refusal> {
        if self.order.holds.is_empty() {
            Ok(())
        } else {
            Err(Refusal::OnHold {
                kinds: self.order.holds.iter().map(|h| h.kind).collect(),
            })
        }
    }

    fn require_paid(&self) -> Result<(), Refusal> {
        match self.order.balance_minor() {
            balance if balance > 0 => Err(Refusal::BalanceDue {
                balance_minor: balance,
            }),
            _ => Ok(()),
        }
    }

    /// Goods leave after payment, except when the customer pays on receipt (PY-1).
    fn require_paid_unless_on_delivery(&self) -> Result<(), Refusal> {
        if self.order.payment_mode == Some(PaymentMode::OnDelivery) {
            Ok(())
        } else {
            self.require_paid()
        }
    }
}

#[cfg(test)]
mod tests;
