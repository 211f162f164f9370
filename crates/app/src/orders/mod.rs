//! Orders: intake from every channel (IN-1), the lifecycle moves, the customer's choices by
//! their link, the edits of an order's customer details and delivery, the money recorded
//! against an order, and the views of an order.

mod choices;
mod draft;
mod editing;
mod intake;
mod lifecycle;
mod online;
mod paying;
mod payments;
mod views;

pub use crate::kernel::views::OrderSummary;
pub use choices::{ChoiceInput, CustomerLine, CustomerOrderView};
pub use draft::{NewAddress, NewBuyer, NewDelivery, NewLine, NewOrder};
pub use editing::OrderEdit;
pub use intake::Placed;
pub(crate) use intake::usable_coupon;
pub use lifecycle::{MoveInput, parse_move};
pub(crate) use lifecycle::{order_state, permission_for, stamp};
pub use online::{
    Answer, Checkout, CheckoutItem, CheckoutRequest, PaymentProvider, ProviderError,
    STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, Settlement, WebhookRefused,
};
pub use payments::{FailedPayment, NewPayment, NewRefund, PaymentRecord, PaymentVoid, RefundLine};
pub(crate) use payments::{record_payment_row, records as payment_records};
pub use views::{
    DeliveryView, HoldView, LineView, OrderCustomer, OrderPromise, OrderView, PaymentView,
    ReservationView, TimelineEntry,
};
