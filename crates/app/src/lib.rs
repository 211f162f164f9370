//! The use cases of shopdesk.
//!
//! Each command is one transaction: load, decide with `domain`, write the new state and its
//! timeline events together. Inputs arrive as plain data from the edges (JSON, CLI, import) and
//! are parsed here into domain types, so every refusal can name the field it is about.

mod kernel;

pub mod after_sale;
pub mod backoffice;
mod backups;
pub mod catalog;
pub mod customers;
pub mod fulfilment;
pub mod messaging;
pub mod orders;
mod reactions;
pub mod reviews;
pub mod settings;
pub mod storefront;
pub mod support;
pub mod webhooks;
pub mod worker;

use std::sync::Arc;

pub use kernel::access;
pub use kernel::clock::{Clock, ManualClock, SystemClock};
pub use kernel::error::{Error, Problem, Result};
pub use kernel::listing;
pub use kernel::secrets::SecretStatus;
pub use kernel::views::MoneyView;
pub use kernel::webhooks::EVENTS as WEBHOOK_EVENTS;

/// The shop: its database and its clock. Cheap to clone; holds nothing another instance needs.
#[derive(Clone)]
pub struct Shop {
    store: store::Store,
    clock: Arc<dyn Clock>,
    transports: messaging::Transports,
    /// The key carriers sign their reports with (DL-3); without it, reports are refused.
    carrier_secret: Option<Arc<str>>,
    /// Today's learned transit (CK-4), built on first use each day.
    transit_book: catalog::TransitBook,
    /// Until when this instance added the day's after-sale run (AF-7..9).
    daily: worker::DailyMark,
    /// What posts the owner's webhooks; without it, deliveries wait.
    webhook_poster: Option<Arc<dyn webhooks::Poster>>,
    /// What `/metrics` counts as it happens.
    counters: kernel::metrics::Counters,
    /// Stripe's API, used once the owner set its keys (PY-1, PY-2).
    stripe: Option<Arc<dyn orders::PaymentProvider>>,
    /// What fetches the photos an imported file names by URL; without it, they are warned of.
    image_fetcher: Option<Arc<dyn catalog::ImageFetcher>>,
}

impl Shop {
    /// A shop whose messages stay in the outbox until transports are given.
    pub fn new(store: store::Store, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            transports: messaging::Transports::default(),
            carrier_secret: None,
            transit_book: catalog::TransitBook::default(),
            daily: worker::DailyMark::default(),
            webhook_poster: None,
            counters: kernel::metrics::Counters::default(),
            stripe: None,
            image_fetcher: None,
        }
    }

    /// The same shop taking card payments through Stripe once its keys are set.
    pub fn with_stripe(self, stripe: Arc<dyn orders::PaymentProvider>) -> Self {
        Self {
            stripe: Some(stripe),
            ..self
        }
    }

    /// The same shop sending through these transports.
    pub fn with_transports(self, transports: messaging::Transports) -> Self {
        Self { transports, ..self }
    }

    /// The same shop taking carriers' reports signed with this key.
    pub fn with_carrier_secret(self, secret: &str) -> Self {
        Self {
            carrier_secret: (!secret.is_empty()).then(|| Arc::from(secret)),
            ..self
        }
    }

    pub fn store(&self) -> &store::Store {
        &self.store
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }
}
