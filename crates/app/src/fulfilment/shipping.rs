//! The parcel's journey: handover to a carrier or the shop's courier, the carriers' signed
//! reports, the daily watch for delays, and what the shop does for a lost parcel (DL-1..6,
//! AS-5).

use domain::access::Permission;
use domain::fulfilment::{self, Compensation, ParcelWatch, ShipmentStatus};
use domain::orders::{Command, DeliveryMethod, Event, Hold, HoldKind, Stage};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::Sha256;
use utoipa::ToSchema;

use crate::access::{Actor, require_order};
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::{method_of, row_has};
use crate::kernel::timeline;
use crate::kernel::tokens::random_code;
use crate::kernel::{Context, jobs, tasks};
use crate::messaging::Reach;
use crate::orders::OrderView;
use crate::{Error, Result, Shop};

use crate::kernel::order_row::locked;

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct HandOverInput {
    /// The carrier's number; needed for every carrier method (DL-3).
    pub tracking_number: Option<String>,
    /// The shop's courier who takes a courier delivery (DL-7).
    pub courier_id: Option<i64>,
}

/// A status report about a parcel: from the carrier's webhook or a manager.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ShipmentReport {
    /// The carrier's own id of the report; a repeat is taken once.
    #[serde(default)]
    pub event_id: Option<String>,
    pub tracking_number: Option<String>,
    /// `in_transit`, `at_pickup_point`, `out_for_delivery`, `delivered` or `lost`.
    pub status: String,
    /// The carrier's expected delivery date, `YYYY-MM-DD`.
    #[serde(default)]
    pub estimate: Option<String>,
    /// The code the customer shows at a pickup point or locker.
    #[serde(default)]
    pub pickup_code: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShipmentView {
    pub method: String,
    pub carrier: String,
    pub status: String,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub pickup_code: Option<String>,
    /// The last day the parcel waits at the pickup point (DL-1).
    pub pickup_until: Option<String>,
    pub carrier_estimate: Option<String>,
    pub courier_id: Option<i64>,
    pub route_date: Option<String>,
}

pub(super) fn shipment_view(row: store::fulfilment::ShipmentRow) -> ShipmentView {
    ShipmentView {
        method: row.method,
        carrier: row.carrier,
        status: row.status,
        tracking_number: row.tracking_number,
        tracking_url: row.tracking_url,
        pickup_code: row.pickup_code,
        pickup_until: row.pickup_until,
        carrier_estimate: row.carrier_estimate,
        courier_id: row.courier_id,
        route_date: row.route_date,
    }
}

impl Shop {
    /// Where the order's parcel is, for a person who may read the order (DL-3).
    pub async fn shipment_for(&self, actor: &Actor, number: i64) -> Result<Option<ShipmentView>> {
        require_order(&mut *self.store.read().await?, actor, number).await?;
        self.shipment(number).await
    }

    pub(crate) async fn shipment(&self, number: i64) -> Result<Option<ShipmentView>> {
        let mut conn = self.store.read().await?;
        Ok(store::fulfilment::shipment(&mut conn, number)
            .await?
            .map(shipment_view))
    }

    /// The parcel leaves: to the carrier with its tracking number, or with the shop's courier
    /// (DL-1, DL-3, AS-5). A daily watch starts looking for delays (DL-6).
    pub async fn hand_over(
        &self,
        actor: &Actor,
        number: i64,
        input: &HandOverInput,
    ) -> Result<OrderView> {
        actor.require(Permission::Fulfil)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        let mut shipment = store::fulfilment::shipment(&mut tx, number)
            .await?
            .ok_or_else(|| Error::Conflict {
                code: "not_packed",
                message: "pack the order before handing it over".into(),
            })?;
        let method = method_of(&row);
        if method.is_some_and(DeliveryMethod::is_self_pickup) {
            return Err(Error::Conflict {
                code: "stage_forbids",
                message: "the customer collects this order at the shop: nothing to hand over"
                    .into(),
            });
        }
        let tracking = if method == Some(DeliveryMethod::Courier) {
            let courier_id = input.courier_id.ok_or_else(|| {
                Error::field(
                    "courier_id",
                    "courier_required",
                    "choose the courier who takes it",
                )
            })?;
            if store::fulfilment::courier(&mut tx, courier_id)
                .await?
                .is_none()
            {
                return Err(Error::field(
                    "courier_id",
                    "courier_unknown",
                    "no such courier",
                ));
            }
            shipment.courier_id = Some(courier_id);
            shipment.route_date = Some(ctx.calendar.local(ctx.now).date().to_string());
            None
        } else {
            let number_text = input.tracking_number.as_deref().unwrap_or("");
            let tracking = domain::fulfilment::parse_code(number_text, "tracking number")
                .field("tracking_number")?;
            shipment.tracking_url = method.and_then(|m| settings.tracking_url(m, &tracking));
            shipment.tracking_number = Some(tracking.clone());
            Some(tracking)
        };
        shipment.status = ShipmentStatus::HandedOver.as_str().into();
        shipment.handed_over_at = Some(ctx.now_ms());
        shipment.last_scan_at = ctx.now_ms();
        shipment.updated_at = ctx.now_ms();
        store::fulfilment::put_shipment(&mut tx, &shipment).await?;
        let command = Command::HandOver {
            tracking_number: tracking,
        };
        self.change(&mut tx, number, &[command], actor, None, &ctx)
            .await?;
        let first_watch = ctx.calendar.within_calling_hours(ctx.later(24));
        jobs::schedule(&mut tx, jobs::PARCEL_WATCH, number, first_watch, &ctx).await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// Takes a carrier's signed report (DL-3): the body must carry the shop's HMAC-SHA256 in
    /// `signature` (hex, optionally `sha256=`-prefixed). A repeated report changes nothing.
    pub async fn carrier_report(
        &self,
        carrier: &str,
        body: &[u8],
        signature: &str,
    ) -> Result<ShipmentView> {
        let secret = self.carrier_secret.as_deref().ok_or(Error::Forbidden)?;
        let expected = hex::decode(signature.trim().trim_start_matches("sha256="))
            .map_err(|_| Error::Forbidden)?;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|_| Error::Forbidden)?;
        mac.update(body);
        mac.verify_slice(&expected).map_err(|_| Error::Forbidden)?;
        let report: ShipmentReport = serde_json::from_slice(body)
            .map_err(|e| Error::field("body", "json_invalid", e.to_string()))?;
        let tracking = report.tracking_number.as_deref().unwrap_or("").trim();
        let number = {
            let mut conn = self.store.read().await?;
            store::fulfilment::order_by_tracking(&mut conn, tracking)
                .await?
                .ok_or_else(|| {
                    Error::field(
                        "tracking_number",
                        "tracking_unknown",
                        format!("no parcel has tracking number '{tracking}'"),
                    )
                })?
        };
        let actor = Actor {
            role: domain::access::Role::Owner,
            name: format!("carrier:{carrier}"),
        };
        let event_id = report.event_id.clone().ok_or_else(|| {
            Error::field(
                "event_id",
                "event_id_required",
                "a carrier report needs its id",
            )
        })?;
        self.apply_report(&actor, number, &report, Some((carrier, &event_id)))
            .await
    }

    /// A manager updates a parcel by hand, as the carrier's page or phone call says (DL-3).
    pub async fn update_shipment(
        &self,
        actor: &Actor,
        number: i64,
        report: &ShipmentReport,
    ) -> Result<ShipmentView> {
        actor.require(Permission::ManageOrders)?;
        self.apply_report(actor, number, report, None).await
    }

    async fn apply_report(
        &self,
        actor: &Actor,
        number: i64,
        report: &ShipmentReport,
        carrier_event: Option<(&str, &str)>,
    ) -> Result<ShipmentView> {
        let status = ShipmentStatus::parse(&report.status).field("status")?;
        let estimate = report
            .estimate
            .as_deref()
            .map(|d| domain::calendar::parse_day(d).map_err(|e| Error::invalid("estimate", e)))
            .transpose()?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        let mut shipment = store::fulfilment::shipment(&mut tx, number)
            .await?
            .ok_or(Error::NotFound { what: "shipment" })?;
        if let Some((carrier, event_id)) = carrier_event {
            let fresh = store::fulfilment::take_carrier_event(
                &mut tx,
                carrier,
                event_id,
                number,
                status.as_str(),
                ctx.now_ms(),
            )
            .await?;
            if !fresh {
                return Ok(shipment_view(shipment));
            }
        }
        if row.stage != Stage::InTransit.as_str() {
            return Err(Error::Conflict {
                code: "stage_forbids",
                message: format!(
                    "the parcel of an order that is {} is not on its way",
                    row.stage
                ),
            });
        }
        shipment.status = status.as_str().into();
        shipment.last_scan_at = ctx.now_ms();
        shipment.updated_at = ctx.now_ms();
        if let Some(estimate) = estimate {
            shipment.carrier_estimate = Some(estimate.to_string());
        }
        let mut events = vec![Event::ShipmentUpdated {
            status,
            note: estimate.map_or(String::new(), |d| format!("expected {d}")),
        }];
        let mut commands = Vec::new();
        match status {
            ShipmentStatus::AtPickupPoint => {
                let days = method_of(&row)
                    .and_then(|m| settings.delivery_option(m))
                    .map_or(7, |o| o.pickup_storage_days);
                shipment.pickup_code = match report.pickup_code.as_deref() {
                    Some(code) => Some(
                        domain::fulfilment::parse_code(code, "pickup code").field("pickup_code")?,
                    ),
                    None => shipment.pickup_code.or(Some(random_code(6)?)),
                };
                shipment.pickup_until = Some(
                    ctx.calendar
                        .local(ctx.now)
                        .date()
                        .checked_add(jiff::Span::new().days(days))
                        .map_err(|e| store::Error::Corrupt(e.to_string()))?
                        .to_string(),
                );
                // DL-1: the customer hears where, with the code and the last day.
                let extra = json!({
                    "pickup_point": row.pickup_point,
                    "pickup_code": shipment.pickup_code,
                    "pickup_until": shipment.pickup_until,
                });
                // Arrived, if late: it waits for its customer now (DL-6).
                if row_has(&row, HoldKind::Delayed)? {
                    commands.push(Command::ReleaseHold {
                        kind: HoldKind::Delayed,
                        note: "arrived at the pickup point".into(),
                    });
                }
                events.extend(
                    crate::messaging::message(
                        &mut tx,
                        &row,
                        "ready_for_pickup",
                        Reach::Preferred,
                        extra,
                        &ctx,
                    )
                    .await?,
                );
            }
            ShipmentStatus::Delivered => {
                shipment.delivered_at = Some(ctx.now_ms());
                commands.push(Command::Deliver);
            }
            ShipmentStatus::Lost => {
                commands.push(Command::PlaceHold(Hold {
                    kind: HoldKind::Lost,
                    reason: "the carrier reports the parcel lost".into(),
                }));
            }
            ShipmentStatus::HandedOver
            | ShipmentStatus::InTransit
            | ShipmentStatus::OutForDelivery
            | ShipmentStatus::Packed => {}
        }
        store::fulfilment::put_shipment(&mut tx, &shipment).await?;
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        // A second "lost" report finds the hold already there.
        let already_lost = status == ShipmentStatus::Lost && row_has(&row, HoldKind::Lost)?;
        if !commands.is_empty() && !already_lost {
            self.change(&mut tx, number, &commands, actor, None, &ctx)
                .await?;
        }
        tx.commit().await?;
        Ok(shipment_view(shipment))
    }

    /// What the shop does about a lost parcel (DL-6): send it again now, refund, or bring it by
    /// courier at the shop's cost. The customer hears which.
    pub async fn compensate(
        &self,
        actor: &Actor,
        number: i64,
        compensation: &str,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let compensation = Compensation::parse(compensation).field("compensation")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let mut commands = vec![Command::Compensate { compensation }];
        // A refund gives back all the money the order holds, the way it came (PY-3).
        let held = {
            let row = locked(&mut tx, number).await?;
            row.paid_minor - row.refunded_minor
        };
        let received = store::orders::payments::of_order(&mut tx, number).await?;
        let refunding = compensation == Compensation::Refund && held > 0;
        if refunding {
            commands.push(Command::Refund {
                amount_minor: held,
                overpayment: false,
            });
        }
        let row = self
            .change(&mut tx, number, &commands, actor, None, &ctx)
            .await?;
        if refunding {
            let method = received
                .iter()
                .find(|p| p.kind == "payment")
                .map_or("bank_transfer", |p| p.method.as_str());
            let refund = crate::orders::NewPayment::of(held, method, "");
            crate::orders::record_payment_row(
                &mut tx,
                number,
                "refund",
                &refund,
                "parcel lost",
                ctx.now_ms(),
                actor,
            )
            .await?;
        }
        store::backoffice::tasks::close_for_order(
            &mut tx,
            number,
            &[tasks::LOST_PARCEL],
            "done",
            ctx.now_ms(),
        )
        .await?;
        let extra = json!({"compensation": compensation.as_str()});
        let events =
            crate::messaging::message(&mut tx, &row, "parcel_lost", Reach::Every, extra, &ctx)
                .await?;
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// The daily look at a parcel on its way (DL-6): a delay puts the order on hold and warns
    /// the customer once, before the window ends; the watch comes back the next day.
    pub(crate) async fn watch_parcel(
        &self,
        tx: &mut store::WriteTx,
        row: &store::orders::OrderRow,
        ctx: &Context<'_>,
    ) -> Result<()> {
        let Some(shipment) = store::fulfilment::shipment(tx, row.id).await? else {
            return Ok(());
        };
        let Some(latest) = row
            .promise_latest
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        else {
            return Ok(());
        };
        let watch = ParcelWatch {
            promised_latest: latest,
            carrier_estimate: shipment
                .carrier_estimate
                .as_deref()
                .and_then(|d| d.parse().ok()),
            last_scan_at: store::from_millis(shipment.last_scan_at)?,
        };
        let today = ctx.calendar.local(ctx.now).date();
        let sign =
            fulfilment::delay_sign(&watch, ctx.now, today, ctx.settings.fulfilment.no_scan_days);
        // A parcel waiting at its pickup point has arrived, and a lost one has its own task:
        // neither is late (DL-6).
        let arrived = shipment.status == ShipmentStatus::AtPickupPoint.as_str();
        if let Some(sign) = sign
            && !arrived
            && !row_has(row, HoldKind::Delayed)?
            && !row_has(row, HoldKind::Lost)?
        {
            let system = Actor::system();
            let hold = Hold {
                kind: HoldKind::Delayed,
                reason: sign.reason(),
            };
            let row = self
                .change(tx, row.id, &[Command::PlaceHold(hold)], &system, None, ctx)
                .await?;
            let expected = watch.carrier_estimate.map(|d| d.to_string());
            let extra = json!({"delivery_until": expected.or(row.promise_latest.clone())});
            let events =
                crate::messaging::message(tx, &row, "delay_warning", Reach::Preferred, extra, ctx)
                    .await?;
            timeline::append(tx, row.id, &events, ctx.now_ms(), &system, None).await?;
        }
        let tomorrow = ctx.calendar.within_calling_hours(ctx.later(24));
        jobs::schedule_again(tx, jobs::PARCEL_WATCH, row.id, tomorrow, ctx).await
    }
}
