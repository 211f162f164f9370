//! The order and its lifecycle (DESIGN.md, "Order lifecycle").
//!
//! The stage is the pipeline position; holds are reasons a human must act; the payment has its
//! own state, derived from what was paid against the total. Every move is [`Order::apply`]: it
//! checks the stage and the holds in the same place it changes them, and returns the new order,
//! the timeline events and the effects the outside world must carry out.

mod apply;
mod command;
mod decision;
mod event;
mod input;
mod methods;
mod order;
mod refunds;
mod stage;

pub use command::Command;
pub use decision::{Decision, Refusal};
pub use event::{Effect, Event};
pub use input::{Channel, parse_note, parse_reason};
pub use methods::{DeliveryMethod, PaymentMode};
pub use order::{Line, LineStatus, Order, PaymentStatus};
pub use refunds::{Covered, CoveredLine, units_refunded};
pub use stage::{CONFIRM_BY_LINK, Editable, Hold, HoldKind, ReturnOutcome, Stage};

#[cfg(test)]
mod tests;
