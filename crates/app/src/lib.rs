//! The use cases of shopdesk.
//!
//! Each command is one transaction: load, decide with `domain`, write the new state and its
//! timeline events together. Inputs arrive as plain data from the edges (JSON, CLI, import) and
//! are parsed here into domain types, so every refusal can name the field it is about.

pub mod access;
pub mod catalog;
pub mod choices;
mod clock;
pub mod customers;
mod error;
pub mod inventory;
pub mod orders;
pub mod payments;
mod processing;
pub mod reports;
pub mod settings;
pub mod tasks;
mod views;
mod worker;

use std::sync::Arc;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{Error, Result};
pub use views::MoneyView;

/// The shop: its database and its clock. Cheap to clone; holds nothing another instance needs.
#[derive(Clone)]
pub struct Shop {
    store: store::Store,
    clock: Arc<dyn Clock>,
}

impl Shop {
    pub fn new(store: store::Store, clock: Arc<dyn Clock>) -> Self {
        Self { store, clock }
    }

    pub fn store(&self) -> &store::Store {
        &self.store
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }
}
