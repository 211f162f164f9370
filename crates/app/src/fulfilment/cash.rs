//! Cash on delivery, to the cent: what each courier collected, what they handed in, every
//! gap per courier and per order, and the receipt the customer gets (PY-5).

use domain::access::Permission;
use domain::fulfilment;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::views::timestamp;
use crate::orders::OrderView;
use crate::{Error, MoneyView, Result, Shop};

use super::CourierView;
use super::couriers::{parse_day, require_own};
use crate::kernel::access::own_courier;

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct HandIn {
    pub courier_id: i64,
    pub amount_minor: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CashReport {
    pub day: String,
    #[schema(value_type = Object)]
    pub reconciliation: fulfilment::Reconciliation,
    pub balanced: bool,
}

impl Shop {
    /// Cash a courier gives the shop at the end of the day (PY-5).
    pub async fn hand_in_cash(&self, actor: &Actor, input: &HandIn) -> Result<CashReport> {
        actor.require(Permission::Deliver)?;
        if input.amount_minor <= 0 {
            return Err(Error::field(
                "amount_minor",
                "amount_not_positive",
                "hand in a positive amount",
            ));
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let day = ctx.calendar.local(ctx.now).date().to_string();
        let mut tx = self.store.begin_write().await?;
        require_own(own_courier(&mut tx, actor).await?, Some(input.courier_id))?;
        if store::fulfilment::courier(&mut tx, input.courier_id)
            .await?
            .is_none()
        {
            return Err(Error::field(
                "courier_id",
                "courier_unknown",
                "no such courier",
            ));
        }
        let entry = store::fulfilment::CashRow {
            courier_id: input.courier_id,
            order_id: None,
            kind: fulfilment::CashKind::HandedIn.as_str().into(),
            amount_minor: input.amount_minor,
            receipt_number: None,
            day: day.clone(),
            at: ctx.now_ms(),
            actor: actor.name.clone(),
        };
        store::fulfilment::insert_cash(&mut tx, &entry).await?;
        tx.commit().await?;
        self.cash_report(actor, &day).await
    }

    /// The day's cash per courier and per order, with every gap (PY-5). A courier sees their
    /// own.
    pub async fn cash_report(&self, actor: &Actor, day: &str) -> Result<CashReport> {
        actor.require(Permission::Deliver)?;
        let day = parse_day(day)?;
        let mut conn = self.store.read().await?;
        let own = own_courier(&mut conn, actor).await?;
        let theirs = |courier_id: i64| own.is_none_or(|mine| mine == courier_id);
        let deliveries: Vec<_> = store::fulfilment::cash_deliveries(&mut conn, &day)
            .await?
            .into_iter()
            .filter(|d| theirs(d.courier_id))
            .map(|d| fulfilment::CashDelivery {
                courier_id: d.courier_id,
                order_id: d.order_id,
                due_minor: d.due_minor,
            })
            .collect();
        let entries = store::fulfilment::cash_of_day(&mut conn, &day)
            .await?
            .into_iter()
            .filter(|e| theirs(e.courier_id))
            .map(|e| {
                Ok(fulfilment::CashEntry {
                    courier_id: e.courier_id,
                    order_id: e.order_id,
                    kind: fulfilment::CashKind::parse(&e.kind)
                        .map_err(|e| store::Error::Corrupt(e.to_string()))?,
                    amount_minor: e.amount_minor,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let reconciliation = fulfilment::reconcile(&deliveries, &entries);
        Ok(CashReport {
            day,
            balanced: reconciliation.balanced(),
            reconciliation,
        })
    }
}

/// Cash taken at the door, as the customer's receipt shows it (PY-5).
#[derive(Debug, Clone)]
pub struct Collected {
    pub amount: MoneyView,
    pub receipt_number: String,
    pub at: Timestamp,
}

/// What the customer keeps: the order, what was paid at the door and to whom (PY-5).
#[derive(Debug, Clone)]
pub struct Receipt {
    pub order: OrderView,
    pub courier: String,
    pub collected: Option<Collected>,
}

/// A courier's cash for the day.
#[derive(Debug, Clone)]
pub struct CourierCash {
    pub name: String,
    pub collected: MoneyView,
    pub handed_in: MoneyView,
    /// Cash the courier still holds.
    pub gap: MoneyView,
}

/// A cash-on-delivery order delivered that day, with what was due and what was collected.
#[derive(Debug, Clone)]
pub struct OrderCash {
    pub order: i64,
    pub courier: String,
    pub due: MoneyView,
    pub collected: MoneyView,
    pub receipt_number: Option<String>,
    /// What was collected differs from what was due.
    pub gap: bool,
}

/// The day's cash reconciled per courier and per order (PY-5).
#[derive(Debug, Clone)]
pub struct CashDay {
    pub day: String,
    pub balanced: bool,
    pub couriers: Vec<CourierCash>,
    pub orders: Vec<OrderCash>,
}

fn courier_name(couriers: &[CourierView], id: i64) -> String {
    couriers
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| format!("#{id}"), |c| c.name.clone())
}

impl Shop {
    /// The receipt of a courier delivery; a courier sees only those of their own route.
    pub async fn receipt(&self, actor: &Actor, number: i64) -> Result<Receipt> {
        actor.require(Permission::Deliver)?;
        let settings = self.settings().await?;
        let mut conn = self.store.read().await?;
        let own = own_courier(&mut conn, actor).await?;
        let shipment = store::fulfilment::shipment(&mut conn, number)
            .await?
            .filter(|s| s.courier_id.is_some())
            .ok_or(Error::NotFound {
                what: "courier delivery",
            })?;
        if own.is_some() && shipment.courier_id != own {
            return Err(Error::Denied {
                code: "not_your_delivery",
                message: "this delivery is on another courier's route".into(),
            });
        }
        let courier =
            store::fulfilment::courier(&mut conn, shipment.courier_id.unwrap_or_default())
                .await?
                .map(|c| c.name)
                .unwrap_or_default();
        let collected = match store::fulfilment::collection(&mut conn, number).await? {
            Some(cash) => Some(Collected {
                amount: MoneyView::new(cash.amount_minor, settings.currency),
                receipt_number: cash.receipt_number.unwrap_or_default(),
                at: timestamp(cash.at)?,
            }),
            None => None,
        };
        drop(conn);
        Ok(Receipt {
            order: self.order(number).await?.seen_by(actor),
            courier,
            collected,
        })
    }

    /// The day's cash for the owner and managers: per courier, collected against handed in,
    /// and per order, due against collected, with every gap flagged (PY-5).
    pub async fn cash_day(&self, actor: &Actor, day: &str) -> Result<CashDay> {
        actor.require(Permission::ManageOrders)?;
        let day = parse_day(day)?;
        let report = self.cash_report(actor, &day).await?;
        let couriers = self.couriers(actor).await?;
        let currency = self.settings().await?.currency;
        let money = |minor| MoneyView::new(minor, currency);
        let mut conn = self.store.read().await?;
        let entries = store::fulfilment::cash_of_day(&mut conn, &day).await?;
        let deliveries = store::fulfilment::cash_deliveries(&mut conn, &day).await?;
        drop(conn);
        let orders = deliveries
            .into_iter()
            .map(|d| {
                let cash = entries.iter().find(|e| {
                    e.order_id == Some(d.order_id)
                        && e.kind == domain::fulfilment::CashKind::Collected.as_str()
                });
                OrderCash {
                    order: d.order_id,
                    courier: courier_name(&couriers, d.courier_id),
                    due: money(d.due_minor),
                    collected: money(cash.map_or(0, |c| c.amount_minor)),
                    receipt_number: cash.and_then(|c| c.receipt_number.clone()),
                    gap: report
                        .reconciliation
                        .order_gaps
                        .iter()
                        .any(|g| g.order_id == d.order_id),
                }
            })
            .collect();
        Ok(CashDay {
            balanced: report.balanced,
            couriers: report
                .reconciliation
                .couriers
                .iter()
                .map(|c| CourierCash {
                    name: courier_name(&couriers, c.courier_id),
                    collected: money(c.collected_minor),
                    handed_in: money(c.handed_in_minor),
                    gap: money(c.gap_minor),
                })
                .collect(),
            orders,
            day: report.day,
        })
    }
}
