//! The shop's own couriers: their routes, ringing ahead, delivery with the cash and its
//! receipt, the day's cash handed in and reconciled, and the customer's rating (DL-7, PY-5).

use domain::access::Permission;
use domain::access::Role;
use domain::fulfilment::{self, ShipmentStatus};
use domain::orders::{Command, Event, Stage};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::{Actor, own_courier};
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::timeline;
use crate::messaging::Reach;
use crate::orders::OrderView;
use crate::{Error, MoneyView, Result, Shop};

use super::shipping::shipment_view;
use super::{ShipmentView, require_stage};
use crate::kernel::order_row::locked;

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewCourier {
    pub name: String,
    pub phone: String,
    /// The back-office user (with the courier role) who delivers as this courier.
    #[serde(default)]
    pub user_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourierView {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub ratings: i64,
    pub positive_ratings: i64,
    pub bonus: MoneyView,
    /// The back-office user who delivers as this courier.
    pub user_id: Option<i64>,
}

/// A stop on a courier's route, with what to collect (DL-7, PY-5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RouteStop {
    pub order: i64,
    pub customer_name: String,
    pub phone: Option<String>,
    pub address: String,
    pub status: String,
    /// Cash to take at the door; zero when paid.
    pub to_collect: MoneyView,
    /// What the customer asked of the delivery, such as when to call (IN-2, DL-7).
    pub note: String,
    /// The earlier day whose route this parcel was on, when it is still not delivered.
    pub carried_over_from: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CourierDelivery {
    /// Cash taken at the door, for an order paid on delivery (PY-5).
    #[serde(default)]
    pub cash_minor: Option<i64>,
    /// The number of the receipt the customer keeps.
    #[serde(default)]
    pub receipt_number: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RatingInput {
    pub stars: i64,
    #[serde(default)]
    pub comment: String,
}

/// Where the rating of a delivery by the shop's courier stands (DL-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourierRating {
    /// Delivered and not rated yet: the form is offered.
    Open,
    Given {
        stars: i64,
    },
}

impl Shop {
    pub async fn create_courier(&self, actor: &Actor, input: &NewCourier) -> Result<CourierView> {
        actor.require(Permission::Administer)?;
        let name = domain::contact::PersonName::parse(&input.name).field("name")?;
        let settings = self.settings().await?;
        let region = domain::contact::PhoneRegion::parse(&settings.phone_region)
            .field("settings.phone_region")?;
        let phone = domain::contact::Phone::parse(&input.phone, region).field("phone")?;
        let mut tx = self.store.begin_write().await?;
        check_courier_login(&mut tx, input.user_id).await?;
        let id = store::fulfilment::insert_courier(
            &mut tx,
            name.as_ref(),
            phone.as_ref(),
            store::to_millis(self.now()),
        )
        .await?;
        store::fulfilment::link_user(&mut tx, id, input.user_id).await?;
        tx.commit().await?;
        Ok(CourierView {
            id,
            name: name.as_ref().into(),
            phone: phone.to_string(),
            ratings: 0,
            positive_ratings: 0,
            bonus: MoneyView::new(0, settings.currency),
            user_id: input.user_id,
        })
    }

    /// The couriers with their phones, ratings and the bonus they earned (DL-7), for the owner
    /// and managers; a courier reads their own day, not the others'.
    pub async fn couriers(&self, actor: &Actor) -> Result<Vec<CourierView>> {
        actor.require(Permission::ManageOrders)?;
        self.every_courier().await
    }

    /// Every courier, for the use cases that pick one (the packing station's hand-over, a
    /// courier's own day).
    pub(super) async fn every_courier(&self) -> Result<Vec<CourierView>> {
        let settings = self.settings().await?;
        let mut conn = self.store.read().await?;
        let mut views = Vec::new();
        for courier in store::fulfilment::couriers(&mut conn).await? {
            let score = store::fulfilment::courier_score(&mut conn, courier.id).await?;
            views.push(CourierView {
                id: courier.id,
                name: courier.name,
                phone: courier.phone,
                ratings: score.ratings,
                positive_ratings: score.positive,
                bonus: MoneyView::new(score.bonus_minor, settings.currency),
                user_id: courier.user_id,
            });
        }
        Ok(views)
    }

    /// A courier's deliveries for a day, with the cash to collect at each door (DL-7, PY-5).
    /// Parcels from an earlier day's route that are still not delivered come first, marked as
    /// carried over, so none is forgotten in the van.
    pub async fn route(&self, actor: &Actor, courier_id: i64, day: &str) -> Result<Vec<RouteStop>> {
        actor.require(Permission::Deliver)?;
        let day = parse_day(day)?;
        let settings = self.settings().await?;
        let mut conn = self.store.read().await?;
        require_own(own_courier(&mut conn, actor).await?, Some(courier_id))?;
        let mut shipments = store::fulfilment::carried_over(&mut conn, courier_id, &day).await?;
        shipments.extend(store::fulfilment::route(&mut conn, courier_id, &day).await?);
        let mut stops = Vec::new();
        for shipment in shipments {
            let order = store::orders::get(&mut conn, shipment.order_id)
                .await?
                .ok_or(Error::NotFound { what: "order" })?;
            let to_collect = if order.payment_mode.as_deref() == Some("on_delivery") {
                (order.total_minor - order.paid_minor).max(0)
            } else {
                0
            };
            let address = [&order.address_line, &order.city, &order.postcode]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            stops.push(RouteStop {
                order: order.id,
                customer_name: order.customer_name,
                phone: order.phone,
                address,
                status: shipment.status,
                to_collect: MoneyView::new(to_collect, settings.currency),
                note: order.note,
                carried_over_from: shipment.route_date.filter(|d| *d != day),
            });
        }
        Ok(stops)
    }

    /// The courier sets off to this customer: they hear it with an arrival window (DL-7).
    pub async fn courier_on_the_way(&self, actor: &Actor, number: i64) -> Result<ShipmentView> {
        actor.require(Permission::Deliver)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        let mut shipment = courier_shipment(&mut tx, number).await?;
        require_own(own_courier(&mut tx, actor).await?, shipment.courier_id)?;
        require_stage(&row, Stage::InTransit, "be on its way to the door")?;
        let courier = store::fulfilment::courier(&mut tx, shipment.courier_id.unwrap_or_default())
            .await?
            .ok_or(Error::NotFound { what: "courier" })?;
        let until = ctx
            .now
            .saturating_add(SignedDuration::from_mins(
                settings.fulfilment.courier_window_minutes,
            ))
            .unwrap_or(ctx.now);
        let window = format!(
            "{}–{}",
            ctx.calendar.local(ctx.now).strftime("%H:%M"),
            ctx.calendar.local(until).strftime("%H:%M")
        );
        shipment.status = ShipmentStatus::OutForDelivery.as_str().into();
        shipment.last_scan_at = ctx.now_ms();
        shipment.updated_at = ctx.now_ms();
        store::fulfilment::put_shipment(&mut tx, &shipment).await?;
        let extra = json!({"courier_window": window, "courier_name": courier.name});
        let mut events = vec![Event::ShipmentUpdated {
            status: ShipmentStatus::OutForDelivery,
            note: window,
        }];
        events.extend(
            crate::messaging::message(
                &mut tx,
                &row,
                "courier_on_the_way",
                Reach::Preferred,
                extra,
                &ctx,
            )
            .await?,
        );
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        tx.commit().await?;
        Ok(shipment_view(shipment))
    }

    /// The courier hands the parcel over (DL-7); for an order paid on delivery, the cash is
    /// recorded with the receipt number, once and to the cent (PY-5).
    pub async fn courier_delivered(
        &self,
        actor: &Actor,
        number: i64,
        input: &CourierDelivery,
    ) -> Result<OrderView> {
        actor.require(Permission::Deliver)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        let mut shipment = courier_shipment(&mut tx, number).await?;
        require_own(own_courier(&mut tx, actor).await?, shipment.courier_id)?;
        require_stage(&row, Stage::InTransit, "be delivered")?;
        let courier_id = shipment.courier_id.unwrap_or_default();
        // The cash counts on the day it is taken, the day the courier hands it in: a parcel
        // carried over from an earlier route moves to today's (PY-5).
        let today = ctx.calendar.local(ctx.now).date().to_string();
        shipment.route_date = Some(today.clone());
        let due = (row.total_minor - row.paid_minor).max(0);
        let cash_order = row.payment_mode.as_deref() == Some("on_delivery") && due > 0;
        let mut commands = Vec::new();
        match (cash_order, input.cash_minor) {
            (true, Some(cash)) if cash == due => {
                let receipt = domain::fulfilment::parse_code(
                    input.receipt_number.as_deref().unwrap_or(""),
                    "receipt number",
                )
                .field("receipt_number")?;
                let entry = store::fulfilment::CashRow {
                    courier_id,
                    order_id: Some(number),
                    kind: fulfilment::CashKind::Collected.as_str().into(),
                    amount_minor: cash,
                    receipt_number: Some(receipt.clone()),
                    day: today,
                    at: ctx.now_ms(),
                    actor: actor.name.clone(),
                };
                store::fulfilment::insert_cash(&mut tx, &entry)
                    .await
                    .map_err(|e| match e {
                        store::Error::Duplicate(_) => Error::Conflict {
                            code: "already_collected",
                            message:
                                "cash for this order or this receipt number is already recorded"
                                    .into(),
                        },
                        other => other.into(),
                    })?;
                let payment = crate::orders::NewPayment::of(cash, "cash", &receipt);
                crate::orders::record_payment_row(
                    &mut tx,
                    number,
                    "payment",
                    &payment,
                    "",
                    ctx.now_ms(),
                    actor,
                )
                .await?;
                let collected = Event::CashCollected {
                    courier: actor.name.clone(),
                    amount_minor: cash,
                    receipt_number: receipt,
                };
                timeline::append(&mut tx, number, &[collected], ctx.now_ms(), actor, None).await?;
                commands.push(Command::RecordPayment {
                    amount_minor: cash,
                    overpayment: false,
                });
            }
            (true, _) => {
                return Err(Error::field(
                    "cash_minor",
                    "cash_mismatch",
                    format!("collect exactly {due} minor units, with the receipt number"),
                ));
            }
            (false, Some(_)) => {
                return Err(Error::field(
                    "cash_minor",
                    "nothing_to_collect",
                    "this order is paid: never ask for money twice",
                ));
            }
            (false, None) => {}
        }
        shipment.status = ShipmentStatus::Delivered.as_str().into();
        shipment.delivered_at = Some(ctx.now_ms());
        shipment.updated_at = ctx.now_ms();
        store::fulfilment::put_shipment(&mut tx, &shipment).await?;
        let paid = commands
            .iter()
            .any(|c| matches!(c, Command::RecordPayment { .. }));
        commands.push(Command::Deliver);
        self.change(&mut tx, number, &commands, actor, None, &ctx)
            .await?;
        tx.commit().await?;
        if paid {
            self.counters.payment_recorded();
        }
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// What the order page offers for rating the courier (DL-7): nothing unless the shop's
    /// courier delivered the order; then the form, or the stars already given.
    pub async fn courier_rating(&self, token: &str) -> Result<Option<CourierRating>> {
        let mut conn = self.store.read().await?;
        let row = store::orders::by_confirm_token(&mut conn, token)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let delivered = store::fulfilment::shipment(&mut conn, row.id)
            .await?
            .is_some_and(|s| {
                s.courier_id.is_some() && s.status == ShipmentStatus::Delivered.as_str()
            });
        if !delivered {
            return Ok(None);
        }
        Ok(Some(
            match store::fulfilment::rating_of(&mut conn, row.id).await? {
                Some(stars) => CourierRating::Given { stars },
                None => CourierRating::Open,
            },
        ))
    }

    /// The customer rates the courier through their order link; a good rating adds to the
    /// courier's bonus (DL-7). One rating per order.
    pub async fn rate_courier(&self, token: &str, input: &RatingInput) -> Result<()> {
        let stars = fulfilment::parse_stars(input.stars).field("stars")?;
        let comment = domain::orders::parse_note(&input.comment).field("comment")?;
        let settings = self.settings().await?;
        let (number, _) = self.order_by_link(token).await?;
        let mut tx = self.store.begin_write().await?;
        let shipment = courier_shipment(&mut tx, number).await?;
        if shipment.status != ShipmentStatus::Delivered.as_str() {
            return Err(Error::Conflict {
                code: "not_delivered",
                message: "rate the courier once the parcel is delivered".into(),
            });
        }
        let bonus = if fulfilment::is_positive_rating(stars) {
            settings.fulfilment.courier_bonus_minor
        } else {
            0
        };
        store::fulfilment::insert_rating(
            &mut tx,
            number,
            shipment.courier_id.unwrap_or_default(),
            stars,
            &comment,
            bonus,
            store::to_millis(self.now()),
        )
        .await
        .map_err(|e| match e {
            store::Error::Duplicate(_) => Error::Conflict {
                code: "already_rated",
                message: "this delivery is already rated: thank you".into(),
            },
            other => other.into(),
        })?;
        tx.commit().await?;
        Ok(())
    }
}

/// Refuses a courier acting on another courier's delivery or cash (DL-7, PY-5).
pub(super) fn require_own(own: Option<i64>, courier_id: Option<i64>) -> Result<()> {
    match own {
        Some(mine) if courier_id != Some(mine) => Err(Error::Denied {
            code: "not_your_delivery",
            message: "this delivery is on another courier's route".into(),
        }),
        _ => Ok(()),
    }
}

pub(super) fn parse_day(day: &str) -> Result<String> {
    domain::calendar::parse_day(day)
        .map(|d| d.to_string())
        .map_err(|invalid| Error::invalid("day", invalid))
}

async fn courier_shipment(
    tx: &mut store::Conn,
    number: i64,
) -> Result<store::fulfilment::ShipmentRow> {
    store::fulfilment::shipment(tx, number)
        .await?
        .filter(|s| s.courier_id.is_some())
        .ok_or_else(|| Error::Conflict {
            code: "not_a_courier_delivery",
            message: "this order is not with one of the shop's couriers".into(),
        })
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

impl Shop {
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
        let couriers = self.every_courier().await?;
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
    let user = store::backoffice::accounts::get(tx, user_id).await?;
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
