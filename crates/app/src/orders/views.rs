//! The order as the API, the back office and the customer's page read it.

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::orders::Stage;
use serde::Serialize;
use utoipa::ToSchema;

use crate::access::{Actor, order_scope, require_order};
use crate::catalog::parse_stored_options;
use crate::kernel::error::FieldResult;
use crate::kernel::views::{OrderSummary, order_summaries, stored, timestamp};
use crate::{Error, MoneyView, Result, Shop};

use super::{NewAddress, order_state};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderView {
    /// The order number, used in URLs and told to the customer.
    pub number: i64,
    /// Goes up with every change; an edit sends the version it was made on (`If-Match`).
    pub version: i64,
    pub channel: String,
    pub stage: String,
    pub holds: Vec<HoldView>,
    pub customer: OrderCustomer,
    pub delivery: DeliveryView,
    pub payment: PaymentView,
    pub lines: Vec<LineView>,
    pub note: String,
    pub subtotal: MoneyView,
    pub delivery_price: MoneyView,
    /// Money off: a coupon, or a flaw the customer accepted (AS-2).
    pub discount: MoneyView,
    pub total: MoneyView,
    /// Where each line's units are held (ST-2, ST-3).
    pub reservations: Vec<ReservationView>,
    /// What the intake checks found for a manager to clarify (CK-1..3).
    #[schema(value_type = Vec<Object>)]
    pub checks: Vec<domain::checks::Finding>,
    /// The delivery window promised at intake (CK-4).
    pub promise: Option<OrderPromise>,
    /// The secret of the customer's own link to the order, `/api/public/orders/{link_token}`
    /// (CF-1), for a manager to send by hand.
    pub link_token: Option<String>,
    /// Every change, oldest first: who, when, what and why.
    pub timeline: Vec<TimelineEntry>,
    #[schema(value_type = String, format = DateTime)]
    pub placed_at: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

/// Delivery between these dates, both included (DL-5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderPromise {
    pub earliest: String,
    pub latest: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HoldView {
    pub kind: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderCustomer {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    /// Not chosen yet when empty; a manager asks the customer (CK-2).
    pub method: Option<String>,
    pub address: Option<NewAddress>,
    pub pickup_point: Option<String>,
    pub tracking_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaymentView {
    pub mode: Option<String>,
    /// `unpaid`, `partially_paid`, `paid`, `overpaid`, `partially_refunded` or `refunded`.
    pub status: String,
    /// Received, less payments voided.
    pub paid: MoneyView,
    /// Given back (PY-3).
    pub refunded: MoneyView,
    pub balance_due: MoneyView,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineView {
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub total: MoneyView,
    pub note: String,
    /// `active` or `cancelled`.
    pub status: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReservationView {
    pub line_no: i64,
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub quantity: i64,
    /// `held`, `released` or `consumed`.
    pub state: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    pub actor: String,
    pub kind: String,
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub reason: Option<String>,
}

impl TimelineEntry {
    /// For an edit of the order's details: the field, from what, to what.
    pub fn change(&self) -> Option<(&str, &str, &str)> {
        let text = |key: &str| self.data.get(key).and_then(serde_json::Value::as_str);
        (self.kind == "details_changed").then_some(())?;
        Some((text("field")?, text("from")?, text("to")?))
    }
}

impl OrderView {
    /// The order as this person's work needs it. Whoever does not manage orders (a packer, a
    /// courier) gets the lines, the delivery and the payment with the customer's name, phone
    /// and address, but not their email, the secret of the customer's own link (with it, anyone
    /// could act and rate as the customer) or what the intake checks found about them; a
    /// courier neither gets where the units are held.
    pub fn seen_by(mut self, actor: &Actor) -> Self {
        if actor.role.may(Permission::ManageOrders) {
            return self;
        }
        self.customer.email = None;
        self.link_token = None;
        self.checks.clear();
        if !actor.role.may(Permission::Fulfil) {
            self.reservations.clear();
        }
        self
    }
}

impl Shop {
    /// The order as this person may read it: an owner or a manager any order, a packer one
    /// being packed, a courier a stop of their own route; refused with 403 otherwise.
    pub async fn order_for(&self, actor: &Actor, number: i64) -> Result<OrderView> {
        require_order(&mut *self.store.read().await?, actor, number).await?;
        let order = self.order(number).await?;
        // PY-1: an order being paid at checkout exists for nobody but its visitor yet.
        if order.stage == Stage::Paying.as_str() {
            return Err(Error::NotFound { what: "order" });
        }
        Ok(order.seen_by(actor))
    }

    /// The whole order: lines, payment, reservations and timeline, for the shop itself; a person
    /// reads it through [`Shop::order_for`] or gets it [`OrderView::seen_by`] them.
    pub async fn order(&self, number: i64) -> Result<OrderView> {
        let mut conn = self.store.read().await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let lines = store::orders::lines(&mut conn, number).await?;
        let reservations = store::catalog::inventory::reservations_of(&mut conn, number).await?;
        let events = store::orders::events(&mut conn, number).await?;
        order_view(row, lines, reservations, events)
    }

    /// Orders matching the filter that this person may read, newest first.
    pub async fn orders(
        &self,
        actor: &Actor,
        stage: &str,
        q: &str,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<OrderSummary>> {
        if !stage.is_empty() {
            Stage::parse(stage).field("stage")?;
        }
        let q = crate::kernel::listing::search_words("q", q)?;
        let mut conn = self.store.read().await?;
        let Some(scope) = order_scope(&mut conn, actor).await?.filter() else {
            return Ok(Vec::new());
        };
        let filter = store::orders::Filter {
            stage,
            q,
            customer_id: None,
            scope,
            limit,
            offset,
        };
        order_summaries(&mut conn, &filter).await
    }
}

/// The view of an order from its stored rows.
pub(super) fn order_view(
    row: store::orders::OrderRow,
    lines: Vec<store::orders::LineRow>,
    reservations: Vec<store::catalog::inventory::ReservationRow>,
    events: Vec<store::orders::EventRow>,
) -> Result<OrderView> {
    let state = order_state(&row, &lines)?;
    let money = |minor| MoneyView::new(minor, state.currency);
    Ok(OrderView {
        number: row.id,
        version: row.version,
        channel: row.channel,
        stage: row.stage,
        holds: state
            .holds
            .iter()
            .map(|h| HoldView {
                kind: h.kind.as_str().into(),
                reason: h.reason.clone(),
            })
            .collect(),
        customer: OrderCustomer {
            id: row.customer_id,
            name: row.customer_name,
            phone: row.phone,
            email: row.email,
        },
        delivery: DeliveryView {
            method: row.delivery_method,
            address: match (row.address_line, row.city, row.country) {
                (Some(line), Some(city), Some(country)) => Some(NewAddress {
                    line,
                    city,
                    postcode: row.postcode.unwrap_or_default(),
                    country,
                }),
                _ => None,
            },
            pickup_point: row.pickup_point,
            tracking_number: row.tracking_number,
        },
        payment: PaymentView {
            mode: row.payment_mode,
            status: state.payment_status().as_str().into(),
            paid: money(state.paid_minor),
            refunded: money(state.refunded_minor),
            balance_due: money(state.balance_minor().max(0)),
        },
        lines: lines
            .into_iter()
            .map(|l| {
                Ok(LineView {
                    total: money(if l.status == "active" {
                        l.quantity * l.unit_price_minor
                    } else {
                        0
                    }),
                    line_no: l.line_no,
                    sku: l.sku,
                    title: l.title,
                    options: parse_stored_options(&l.options)?,
                    quantity: l.quantity,
                    unit_price: money(l.unit_price_minor),
                    note: l.note,
                    status: l.status,
                })
            })
            .collect::<Result<_>>()?,
        note: row.note,
        subtotal: money(state.subtotal_minor()),
        delivery_price: money(state.delivery_minor),
        discount: money(state.discount_minor),
        total: money(state.total_minor()),
        reservations: reservations
            .into_iter()
            .map(|r| ReservationView {
                line_no: r.line_no,
                location: r.location,
                kind: r.kind,
                bin: r.bin,
                quantity: r.quantity,
                state: r.state,
            })
            .collect(),
        checks: stored(
            "checks",
            serde_json::from_str(&row.checks)
                .map_err(|e| domain::Invalid::new("checks", e.to_string())),
        )?,
        link_token: row.confirm_token,
        promise: match (row.promise_earliest, row.promise_latest) {
            (Some(earliest), Some(latest)) => Some(OrderPromise { earliest, latest }),
            _ => None,
        },
        timeline: events
            .into_iter()
            .map(|e| {
                Ok(TimelineEntry {
                    at: timestamp(e.at)?,
                    actor: e.actor,
                    kind: e.kind,
                    data: serde_json::from_str(&e.data).unwrap_or(serde_json::Value::Null),
                    reason: e.reason,
                })
            })
            .collect::<Result<_>>()?,
        placed_at: timestamp(row.placed_at)?,
        updated_at: timestamp(row.updated_at)?,
    })
}
