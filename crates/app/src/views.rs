//! Shapes shared by the views of several use cases.

use serde::Serialize;
use utoipa::ToSchema;

/// An amount in minor units (cents) of an ISO 4217 currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct MoneyView {
    pub amount_minor: i64,
    #[schema(value_type = String, example = "EUR")]
    pub currency: domain::money::Currency,
}

impl MoneyView {
    pub fn new(amount_minor: i64, currency: domain::money::Currency) -> Self {
        Self {
            amount_minor,
            currency,
        }
    }
}

pub(crate) fn timestamp(ms: i64) -> crate::Result<jiff::Timestamp> {
    Ok(store::from_millis(ms)?)
}

pub(crate) fn currency(stored: &str) -> crate::Result<domain::money::Currency> {
    domain::money::Currency::parse(stored)
        .map_err(|e| store::Error::Corrupt(format!("currency: {e}")).into())
}

/// Reads a value the app itself stored through a domain parser.
pub(crate) fn stored<T>(what: &str, parsed: Result<T, domain::Invalid>) -> crate::Result<T> {
    parsed.map_err(|e| store::Error::Corrupt(format!("{what}: {e}")).into())
}
