//! The packing station: pick lists by location and bin, checking every unit against the
//! order, flaws found on the way, and packing with the inserts the rules call for (ST-3,
//! AS-1..4).

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::fulfilment::{
    self, DefectAnswer, LineToVerify, ScanVerdict, Scanned, Severity, ShipmentStatus,
};
use domain::orders::{Command, DeliveryMethod, Event, Hold, HoldKind, Stage};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::{Actor, require_order};
use crate::catalog::parse_stored_options;
use crate::catalog::set_aside;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::method_of;
use crate::kernel::timeline;
use crate::kernel::tokens::{coupon_secret, random_code};
use crate::messaging::Reach;
use crate::orders::OrderView;
use crate::{Error, Result, Shop};

use super::{CourierView, ShipmentView, require_stage};
use crate::kernel::order_row::locked;

/// One unit to pick, where it lies (ST-3), with what the buyer asked for (IN-2).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PickLine {
    pub bin: String,
    pub order: i64,
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub quantity: i64,
    pub note: String,
    pub order_note: String,
}

/// A location's part of the pick list; supplier orders come last, apart (ST-3).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PickGroup {
    pub location: String,
    pub kind: String,
    /// True for goods to order from a supplier rather than to pick from a shelf.
    pub from_supplier: bool,
    pub lines: Vec<PickLine>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScanResult {
    pub line_no: i64,
    pub message: String,
    /// Units of the whole order still to scan.
    pub units_left: i64,
}

/// One checked unit as the packing station shows it: the verdict, to put in the packer's own
/// words, and the units of the order still to scan.
#[derive(Debug, Clone)]
pub struct CheckedUnit {
    pub verdict: ScanVerdict,
    pub units_left: i64,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct DefectInput {
    pub line_no: i64,
    /// `minor` or `major`.
    pub severity: String,
    pub note: String,
    /// For a minor flaw: what the shop takes off if the customer keeps it as is.
    #[serde(default)]
    pub discount_minor: i64,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PackInput {
    pub packaging: String,
    pub weight_grams: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParcelView {
    pub packaging: String,
    pub weight_grams: i64,
    /// What the packer put in (AS-4).
    pub inserts: Vec<String>,
    /// A single-use coupon printed on the packing slip.
    pub coupon_code: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub packed_at: Timestamp,
}

fn options_text(json: &str) -> Result<String> {
    Ok(parse_stored_options(json)?
        .into_values()
        .collect::<Vec<_>>()
        .join(" / "))
}

impl Shop {
    /// What to pick, per location, sorted by bin; supplier orders apart (ST-3).
    pub async fn pick_list(&self, actor: &Actor, location: &str) -> Result<Vec<PickGroup>> {
        actor.require(Permission::Fulfil)?;
        let mut conn = self.store.read().await?;
        let rows = store::fulfilment::pick_list(&mut conn, location.trim()).await?;
        let mut groups: Vec<PickGroup> = Vec::new();
        for row in rows {
            let line = PickLine {
                bin: row.bin,
                order: row.order_id,
                line_no: row.line_no,
                sku: row.sku,
                title: row.title,
                options: parse_stored_options(&row.options)?,
                quantity: row.quantity,
                note: row.note,
                order_note: row.order_note,
            };
            match groups.last_mut() {
                Some(group) if group.location == row.location => group.lines.push(line),
                _ => groups.push(PickGroup {
                    from_supplier: row.kind == domain::inventory::LocationKind::Supplier.as_str(),
                    location: row.location,
                    kind: row.kind,
                    lines: vec![line],
                }),
            }
        }
        Ok(groups)
    }

    /// Checks one scanned unit against the order (AS-1). A wrong item or a wrong size is
    /// recorded on the timeline and refused with what is wrong.
    pub async fn scan(&self, actor: &Actor, number: i64, code: &str) -> Result<ScanResult> {
        let checked = self.check_unit(actor, number, code).await?;
        let message = checked.verdict.message();
        match checked.verdict {
            ScanVerdict::Accepted { line_no, .. } => Ok(ScanResult {
                line_no,
                message,
                units_left: checked.units_left,
            }),
            _ => Err(Error::Conflict {
                code: "scan_refused",
                message,
            }),
        }
    }

    /// Checks and records one scanned unit (AS-1); a refused unit is an answer here, not an
    /// error, so the packing station can say what is wrong in the packer's language.
    pub async fn check_unit(&self, actor: &Actor, number: i64, code: &str) -> Result<CheckedUnit> {
        actor.require(Permission::Fulfil)?;
        let code = domain::fulfilment::parse_code(code, "barcode or SKU").field("code")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        require_stage(&row, Stage::Assembling, "be scanned")?;
        let lines = verify_lines(&mut tx, number).await?;
        let scanned = match store::fulfilment::variant_by_code(&mut tx, &code).await? {
            Some(v) => Some(Scanned {
                options: options_text(&v.options)?,
                sku: v.sku,
                product_id: v.product_id,
            }),
            None => None,
        };
        let verdict = fulfilment::verify_scan(&lines, scanned.as_ref());
        let line_no = match &verdict {
            ScanVerdict::Accepted { line_no, .. }
            | ScanVerdict::AlreadyComplete { line_no }
            | ScanVerdict::WrongVariant { line_no, .. } => Some(*line_no),
            ScanVerdict::WrongItem { .. } | ScanVerdict::Unknown => None,
        };
        let message = verdict.message();
        let scan = store::fulfilment::ScanRow {
            line_no,
            code: code.clone(),
            accepted: i64::from(verdict.accepted()),
            message: message.clone(),
            actor: actor.name.clone(),
            at: ctx.now_ms(),
        };
        store::fulfilment::insert_scan(&mut tx, number, &scan).await?;
        let event = Event::ItemScanned {
            code,
            accepted: verdict.accepted(),
            message,
        };
        timeline::append(&mut tx, number, &[event], ctx.now_ms(), actor, None).await?;
        tx.commit().await?;
        Ok(CheckedUnit {
            units_left: fulfilment::unverified_units(&lines) - i64::from(verdict.accepted()),
            verdict,
        })
    }

    /// Records a flaw found in the quality check (AS-2). Minor: the order waits for the
    /// customer's answer. Major: the unit is written off and a replacement set aside, and the
    /// customer hears the new window.
    pub async fn report_defect(
        &self,
        actor: &Actor,
        number: i64,
        input: &DefectInput,
    ) -> Result<OrderView> {
        actor.require(Permission::Fulfil)?;
        let severity = Severity::parse(&input.severity).field("severity")?;
        let note = domain::orders::parse_reason(&input.note).field("note")?;
        if input.discount_minor < 0 {
            return Err(Error::field(
                "discount_minor",
                "discount_negative",
                "a discount cannot be negative",
            ));
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        require_stage(&row, Stage::Assembling, "have a flaw recorded")?;
        let line = store::orders::lines(&mut tx, number)
            .await?
            .into_iter()
            .find(|l| l.line_no == input.line_no && l.status == "active")
            .ok_or_else(|| {
                Error::field(
                    "line_no",
                    "line_not_found",
                    format!("line {} is not an active line of this order", input.line_no),
                )
            })?;
        if input.discount_minor > line.quantity * line.unit_price_minor {
            return Err(Error::field(
                "discount_minor",
                "discount_out_of_range",
                "the discount is more than the line costs",
            ));
        }
        let defect = store::fulfilment::DefectRow {
            id: 0,
            line_no: line.line_no,
            severity: severity.as_str().into(),
            note: note.clone(),
            discount_minor: input.discount_minor,
            answer: None,
            at: ctx.now_ms(),
        };
        store::fulfilment::insert_defect(&mut tx, number, &defect).await?;
        let mut events = vec![Event::DefectFound {
            line_no: line.line_no,
            severity,
            note: note.clone(),
        }];
        match severity {
            Severity::Minor => {
                let extra = json!({
                    "defect_note": note,
                    "item_title": line.title,
                    "discount_minor": input.discount_minor,
                });
                events.extend(
                    crate::messaging::message(
                        &mut tx,
                        &row,
                        "defect_choice",
                        Reach::Preferred,
                        extra,
                        &ctx,
                    )
                    .await?,
                );
                timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
                let hold = Hold {
                    kind: HoldKind::DefectFound,
                    reason: format!("line {}: {note}", line.line_no),
                };
                self.change(
                    &mut tx,
                    number,
                    &[Command::PlaceHold(hold)],
                    actor,
                    None,
                    &ctx,
                )
                .await?;
            }
            Severity::Major => {
                store::fulfilment::answer_defect(&mut tx, number, "replaced", ctx.now_ms()).await?;
                events.extend(replace_line(&mut tx, &row, &line, actor, &ctx).await?);
                timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
            }
        }
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// The customer's answer to a minor flaw (AS-2): take it as is with the discount, or wait
    /// for a flawless unit.
    pub async fn answer_defect(
        &self,
        actor: &Actor,
        number: i64,
        answer: &str,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let answer = DefectAnswer::parse(answer).field("answer")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        self.record_defect_answer(&mut tx, number, answer, actor, &ctx)
            .await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    pub(crate) async fn record_defect_answer(
        &self,
        tx: &mut store::WriteTx,
        number: i64,
        answer: DefectAnswer,
        actor: &Actor,
        ctx: &Context<'_>,
    ) -> Result<()> {
        let row = locked(tx, number).await?;
        let defect = store::fulfilment::answer_defect(tx, number, answer.as_str(), ctx.now_ms())
            .await?
            .ok_or_else(|| {
                Error::field(
                    "answer",
                    "no_open_defect",
                    "no flaw is waiting for an answer",
                )
            })?;
        let mut commands = Vec::new();
        match answer {
            DefectAnswer::ShipAsIs => {
                if defect.discount_minor > 0 {
                    commands.push(Command::GrantDiscount {
                        amount_minor: defect.discount_minor,
                        reason: format!("kept as is: {}", defect.note),
                    });
                }
            }
            DefectAnswer::Wait => {
                let line = store::orders::lines(tx, number)
                    .await?
                    .into_iter()
                    .find(|l| l.line_no == defect.line_no)
                    .ok_or(Error::NotFound { what: "line" })?;
                let events = replace_line(tx, &row, &line, actor, ctx).await?;
                timeline::append(tx, number, &events, ctx.now_ms(), actor, None).await?;
            }
        }
        commands.push(Command::ReleaseHold {
            kind: HoldKind::DefectFound,
            note: format!("the customer chose: {answer}"),
        });
        self.change(tx, number, &commands, actor, None, ctx).await?;
        Ok(())
    }

    /// Packs a fully checked order (AS-1, AS-3): records packaging, weight and the inserts the
    /// shop's rules call for (AS-4), with a real single-use coupon where a rule gives one. The
    /// order is then ready: for a pickup at the shop the customer hears it with a pickup code.
    pub async fn pack(&self, actor: &Actor, number: i64, input: &PackInput) -> Result<OrderView> {
        actor.require(Permission::Fulfil)?;
        let settings = self.settings().await?;
        let packaging = input.packaging.trim();
        if !settings.fulfilment.packaging.iter().any(|p| p == packaging) {
            return Err(Error::field(
                "packaging",
                "packaging_unknown",
                format!(
                    "choose one of: {}",
                    settings.fulfilment.packaging.join(", ")
                ),
            ));
        }
        if !(1..=70_000).contains(&input.weight_grams) {
            return Err(Error::field(
                "weight_grams",
                "weight_out_of_range",
                "a parcel weighs 1 g to 70 kg",
            ));
        }
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        require_stage(&row, Stage::Assembling, "be packed")?;
        let lines = verify_lines(&mut tx, number).await?;
        let left = fulfilment::unverified_units(&lines);
        if left > 0 {
            return Err(Error::Conflict {
                code: "not_verified",
                message: format!(
                    "{left} units are not scanned yet: scan every unit before packing"
                ),
            });
        }
        let previous = store::fulfilment::previous_orders(&mut tx, row.customer_id, number).await?;
        let rules =
            fulfilment::inserts_for(&settings.fulfilment.inserts, previous, row.subtotal_minor);
        let mut coupon_code = None;
        for coupon in rules.iter().filter_map(|r| r.coupon.as_ref()) {
            let code = format!("{}-{}", number, coupon_secret()?);
            let expires = ctx.later(24 * coupon.valid_days);
            let coupon = store::fulfilment::CouponRow {
                code: code.clone(),
                percent: coupon.percent,
                source_order: Some(number),
                expires_at: store::to_millis(expires),
                used_by_order: None,
                customer_id: None,
                free_delivery: 0,
            };
            store::fulfilment::insert_coupon(&mut tx, &coupon, ctx.now_ms()).await?;
            coupon_code = Some(code);
        }
        let inserts: Vec<String> = rules.iter().map(|r| r.insert.clone()).collect();
        let parcel = store::fulfilment::ParcelRow {
            order_id: number,
            packaging: packaging.into(),
            weight_grams: input.weight_grams,
            inserts: serde_json::to_string(&inserts)
                .map_err(|e| store::Error::Corrupt(e.to_string()))?,
            coupon_code,
            packed_at: ctx.now_ms(),
            actor: actor.name.clone(),
        };
        store::fulfilment::insert_parcel(&mut tx, &parcel).await?;
        let method = method_of(&row);
        let option = method.and_then(|m| settings.delivery_option(m));
        let self_pickup = method.is_some_and(DeliveryMethod::is_self_pickup);
        let shipment = store::fulfilment::ShipmentRow {
            order_id: number,
            method: row.delivery_method.clone().unwrap_or_default(),
            carrier: option.map(|o| o.carrier.clone()).unwrap_or_default(),
            tracking_number: None,
            tracking_url: None,
            pickup_code: self_pickup.then(|| random_code(6)).transpose()?,
            pickup_until: self_pickup.then(|| {
                let days = option.map_or(7, |o| o.pickup_storage_days);
                ctx.calendar
                    .add_working_days(ctx.calendar.local(ctx.now).date(), days)
                    .to_string()
            }),
            status: if self_pickup {
                ShipmentStatus::AtPickupPoint
            } else {
                ShipmentStatus::Packed
            }
            .as_str()
            .into(),
            carrier_estimate: None,
            last_scan_at: ctx.now_ms(),
            courier_id: None,
            route_date: None,
            handed_over_at: None,
            delivered_at: None,
            updated_at: ctx.now_ms(),
        };
        store::fulfilment::put_shipment(&mut tx, &shipment).await?;
        let packed = Event::Packed {
            packaging: parcel.packaging.clone(),
            weight_grams: parcel.weight_grams,
            inserts,
        };
        timeline::append(&mut tx, number, &[packed], ctx.now_ms(), actor, None).await?;
        self.change(&mut tx, number, &[Command::MarkReady], actor, None, &ctx)
            .await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }

    /// What the packer put in the parcel, for a person who may read the order (AS-3, AS-4).
    pub async fn parcel_for(&self, actor: &Actor, number: i64) -> Result<Option<ParcelView>> {
        require_order(&mut *self.store.read().await?, actor, number).await?;
        self.parcel(number).await
    }

    /// What the packer put in the parcel, for the packing slip.
    async fn parcel(&self, number: i64) -> Result<Option<ParcelView>> {
        let mut conn = self.store.read().await?;
        let Some(row) = store::fulfilment::parcel(&mut conn, number).await? else {
            return Ok(None);
        };
        Ok(Some(ParcelView {
            inserts: serde_json::from_str(&row.inserts)
                .map_err(|e| store::Error::Corrupt(e.to_string()))?,
            packaging: row.packaging,
            weight_grams: row.weight_grams,
            coupon_code: row.coupon_code,
            packed_at: store::from_millis(row.packed_at)?,
        }))
    }
}

async fn verify_lines(tx: &mut store::Conn, number: i64) -> Result<Vec<LineToVerify>> {
    store::fulfilment::lines_to_verify(tx, number)
        .await?
        .into_iter()
        .map(|l| {
            Ok(LineToVerify {
                options: options_text(&l.options)?,
                line_no: l.line_no,
                sku: l.sku,
                product_id: l.product_id,
                quantity: l.quantity,
                verified: l.verified,
            })
        })
        .collect()
}

/// A flawed line's units leave the shelf, and flawless ones are set aside; the customer hears
/// the new window (AS-2, CK-4).
async fn replace_line(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    line: &store::orders::LineRow,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let by = store::catalog::ledger::Stamp {
        actor: &actor.name,
        at: ctx.now_ms(),
    };
    store::catalog::inventory::write_off(tx, row.id, line.line_no, by).await?;
    store::fulfilment::forget_scans(tx, row.id, line.line_no).await?;
    let mut events = set_aside(tx, row.id, line.line_no, &line.sku, line.quantity, ctx).await?;
    let updated = store::orders::get(tx, row.id)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    events.extend(
        crate::messaging::message(
            tx,
            &updated,
            "replacement_window",
            Reach::Preferred,
            json!({}),
            ctx,
        )
        .await?,
    );
    Ok(events)
}

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
    /// What the line looks like, so the packer checks the right item and colour (AS-1).
    pub photo: Option<crate::catalog::Shown>,
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

impl Shop {
    /// One order as the packer works on it: lines with their scans, the inserts the rules call
    /// for, packaging, and who can take it away.
    pub async fn packing_station(&self, actor: &Actor, number: i64) -> Result<PackingStation> {
        actor.require(Permission::Fulfil)?;
        let settings = self.settings().await?;
        let order = self.order_for(actor, number).await?;
        let mut conn = self.store.read().await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let verified = store::fulfilment::lines_to_verify(&mut conn, number).await?;
        let previous =
            store::fulfilment::previous_orders(&mut conn, row.customer_id, number).await?;
        drop(conn);
        let skus: Vec<&str> = order.lines.iter().map(|l| l.sku.as_str()).collect();
        let mut photos = self.photos_of_skus(&skus, &settings.default_locale).await?;
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
                photo: photos.remove(&l.sku),
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
                self.every_courier().await?
            } else {
                Vec::new()
            },
            courier_delivery,
            order,
        })
    }
}
