//! The pure rules of shopdesk.
//!
//! Every function here takes the current state, a command, the shop's settings and `now`, and
//! returns a decision. Nothing here reads a clock, a database or the network, so every rule can
//! be tested as a table and driven by property tests.

pub mod access;
pub mod calendar;
pub mod catalog;
pub mod checks;
pub mod confirmation;
pub mod contact;
pub mod customers;
pub mod inventory;
pub mod messaging;
pub mod money;
pub mod orders;
pub mod settings;

/// A value that failed to parse: which rule it broke, in words a person can act on.
///
/// The field it came from is added at the edge, where the field's name is known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    /// A stable machine-readable code, such as `phone_invalid`.
    pub code: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}
