//! Shapes shared by the views of several use cases.

use domain::orders::Hold;
use serde::Serialize;
use utoipa::ToSchema;

use crate::kernel::order_row::parse_holds;

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

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderSummary {
    pub number: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub channel: String,
    pub stage: String,
    pub holds: Vec<String>,
    pub payment_mode: Option<String>,
    pub delivery_method: Option<String>,
    pub total: MoneyView,
    pub paid: MoneyView,
    #[schema(value_type = String, format = DateTime)]
    pub placed_at: jiff::Timestamp,
}

/// The list's view of a stored order.
pub(crate) fn order_summary(row: store::orders::SummaryRow) -> crate::Result<OrderSummary> {
    let currency = currency(&row.currency)?;
    let holds: Vec<Hold> = parse_holds(&row.holds)?;
    Ok(OrderSummary {
        number: row.id,
        customer_id: row.customer_id,
        customer_name: row.customer_name,
        channel: row.channel,
        stage: row.stage,
        holds: holds.into_iter().map(|h| h.kind.as_str().into()).collect(),
        payment_mode: row.payment_mode,
        delivery_method: row.delivery_method,
        total: MoneyView::new(row.total_minor, currency),
        paid: MoneyView::new(row.paid_minor, currency),
        placed_at: timestamp(row.placed_at)?,
    })
}

/// The orders a filter finds, as a list shows them.
pub(crate) async fn order_summaries(
    conn: &mut store::Conn,
    filter: &store::orders::Filter<'_>,
) -> crate::Result<Vec<OrderSummary>> {
    store::orders::list(conn, filter)
        .await?
        .into_iter()
        .map(order_summary)
        .collect()
}
