//! What the packing station, the courier's phone and the cash desk show, around the fulfilment
//! use cases (ST-3, AS-1..4, DL-7, PY-5): a packer's view of one order, a courier's day, a
//! receipt, and the day's cash per courier and per order.

use std::collections::BTreeMap;

use domain::access::{Permission, Role};
use jiff::Timestamp;

use crate::access::Actor;
use crate::fulfilment::{CourierView, ParcelView, RouteStop, ShipmentView, own_courier, parse_day};
use crate::orders::OrderView;
use crate::views::timestamp;
use crate::{Error, MoneyView, Result, Shop};

/// A line as the packer checks it: what was ordered, and how many units were scanned (AS-1).
#[derive(Debug, Clone)]
pub struct CheckLine {
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub note: String,
    pub quantity: i64,
    pub scanned: i64,
}

/// One order at the packing station.
#[derive(Debug, Clone)]
pub struct PackingStation {
    pub order: OrderView,
    pub lines: Vec<CheckLine>,
    /// Units still to scan before packing.
    pub units_left: i64,
    /// What the shop's rules put in this parcel (AS-3, AS-4); once packed, what went in.
    pub inserts: Vec<String>,
    /// Packaging to choose from (AS-4).
    pub packaging: Vec<String>,
    pub parcel: Option<ParcelView>,
    pub shipment: Option<ShipmentView>,
    /// For a courier delivery, who may take it (DL-7).
    pub couriers: Vec<CourierView>,
    pub courier_delivery: bool,
}

/// A courier's day: the stops in route order and their cash (DL-7, PY-5).
#[derive(Debug, Clone)]
pub struct CourierDay {
    pub courier: CourierView,
    pub day: String,
    pub stops: Vec<RouteStop>,
    /// Cash taken at the doors today, handed in, and still held.
    pub collected: MoneyView,
    pub handed_in: MoneyView,
    pub held: MoneyView,
    /// Every courier, for an owner or manager to look at another's day; empty for a courier.
    pub couriers: Vec<CourierView>,
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
    /// One order as the packer works on it: lines with their scans, the inserts the rules call
    /// for, packaging, and who can take it away.
    pub async fn packing_station(&self, actor: &Actor, number: i64) -> Result<PackingStation> {
        actor.require(Permission::Fulfil)?;
        let settings = self.settings().await?;
        let order = self.order(number).await?;
        let mut conn = self.store.read().await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let verified = store::fulfilment::lines_to_verify(&mut conn, number).await?;
        let previous =
            store::fulfilment::previous_orders(&mut conn, row.customer_id, number).await?;
        drop(conn);
        let lines: Vec<CheckLine> = order
            .lines
            .iter()
            .filter(|l| l.status == "active")
            .map(|l| CheckLine {
                line_no: l.line_no,
                sku: l.sku.clone(),
                title: l.title.clone(),
                options: l.options.clone(),
                note: l.note.clone(),
                quantity: l.quantity,
                scanned: verified
                    .iter()
                    .find(|v| v.line_no == l.line_no)
                    .map_or(0, |v| v.verified.min(v.quantity)),
            })
            .collect();
        let parcel = self.parcel(number).await?;
        let inserts = match &parcel {
            Some(parcel) => parcel.inserts.clone(),
            None => domain::fulfilment::inserts_for(
                &settings.fulfilment.inserts,
                previous,
                row.subtotal_minor,
            )
            .into_iter()
            .map(|r| r.insert.clone())
            .collect(),
        };
        let courier_delivery = row.delivery_method.as_deref()
            == Some(domain::orders::DeliveryMethod::Courier.as_str());
        Ok(PackingStation {
            units_left: lines.iter().map(|l| l.quantity - l.scanned).sum(),
            lines,
            inserts,
            packaging: settings.fulfilment.packaging.clone(),
            parcel,
            shipment: self.shipment(number).await?,
            couriers: if courier_delivery {
                self.couriers(actor).await?
            } else {
                Vec::new()
            },
            courier_delivery,
            order,
        })
    }

    /// Today's route of the courier this person delivers as; an owner or a manager may look at
    /// any courier's (`courier`, else the first). `None` when the shop has no courier.
    pub async fn courier_day(
        &self,
        actor: &Actor,
        courier: Option<i64>,
    ) -> Result<Option<CourierDay>> {
        actor.require(Permission::Deliver)?;
        let own = {
            let mut conn = self.store.read().await?;
            own_courier(&mut conn, actor).await?
        };
        let couriers = self.couriers(actor).await?;
        let wanted = own.or(courier).or_else(|| couriers.first().map(|c| c.id));
        let Some(courier) = wanted.and_then(|id| couriers.iter().find(|c| c.id == id)) else {
            return Ok(None);
        };
        let settings = self.settings().await?;
        let day = domain::calendar::Calendar::of(&settings)
            .local(self.now())
            .date()
            .to_string();
        let cash = self.cash_report(actor, &day).await?;
        let balance = cash
            .reconciliation
            .couriers
            .iter()
            .find(|c| c.courier_id == courier.id);
        let money = |pick: fn(&domain::fulfilment::CourierBalance) -> i64| {
            MoneyView::new(balance.map_or(0, pick), settings.currency)
        };
        Ok(Some(CourierDay {
            stops: self.route(actor, courier.id, &day).await?,
            collected: money(|b| b.collected_minor),
            handed_in: money(|b| b.handed_in_minor),
            held: money(|b| b.gap_minor),
            courier: courier.clone(),
            couriers: if own.is_some() {
                Vec::new()
            } else {
                couriers.clone()
            },
            day,
        }))
    }

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
            order: self.order(number).await?,
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

    /// Makes a user with the courier role the login of a courier, or unlinks the courier
    /// (owner only). A user delivers as one courier at most.
    pub async fn link_courier(
        &self,
        actor: &Actor,
        courier_id: i64,
        user_id: Option<i64>,
    ) -> Result<()> {
        actor.require(Permission::Administer)?;
        let mut tx = self.store.begin_write().await?;
        if store::fulfilment::courier(&mut tx, courier_id)
            .await?
            .is_none()
        {
            return Err(Error::NotFound { what: "courier" });
        }
        check_courier_login(&mut tx, user_id).await?;
        store::fulfilment::link_user(&mut tx, courier_id, user_id).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A courier's login must be a user with the courier role.
pub(crate) async fn check_courier_login(tx: &mut store::Conn, user_id: Option<i64>) -> Result<()> {
    let Some(user_id) = user_id else {
        return Ok(());
    };
    let user = store::accounts::get(tx, user_id).await?;
    match user {
        Some(user) if user.role == Role::Courier.as_str() => Ok(()),
        Some(_) => Err(Error::field(
            "user_id",
            "not_a_courier_user",
            "only a user with the courier role can deliver as a courier",
        )),
        None => Err(Error::field("user_id", "user_unknown", "no such user")),
    }
}
