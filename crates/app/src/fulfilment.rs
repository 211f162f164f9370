//! From shelf to doorstep: pick lists, checking every unit, flaws, packing with inserts,
//! handover, the parcel's journey, couriers and their cash (ST-3, AS-1..5, DL-1..7, PY-5).

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::fulfilment::{
    self, Compensation, DefectAnswer, LineToVerify, ParcelWatch, ScanVerdict, Scanned, Severity,
    ShipmentStatus,
};
use domain::orders::{Command, DeliveryMethod, Event, Hold, HoldKind, Stage};
use hmac::{Hmac, Mac};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::Sha256;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::catalog::parse_stored_options;
use crate::error::FieldResult;
use crate::orders::event_rows;
use crate::processing::{self, Context, Reach, jobs, tasks};
use crate::{Error, MoneyView, Result, Shop};

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

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RatingInput {
    pub stars: i64,
    #[serde(default)]
    pub comment: String,
}

fn require_stage(row: &store::orders::OrderRow, stage: Stage, doing: &'static str) -> Result<()> {
    if row.stage == stage.as_str() {
        Ok(())
    } else {
        Err(Error::Conflict {
            code: "stage_forbids",
            message: format!("an order that is {} cannot {doing}", row.stage),
        })
    }
}

fn method_of(row: &store::orders::OrderRow) -> Option<DeliveryMethod> {
    row.delivery_method
        .as_deref()
        .and_then(|m| DeliveryMethod::parse(m).ok())
}

fn options_text(json: &str) -> Result<String> {
    Ok(parse_stored_options(json)?
        .into_values()
        .collect::<Vec<_>>()
        .join(" / "))
}

pub(crate) fn random_code(digits: u32) -> Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)
        .map_err(|e| store::Error::Corrupt(format!("no randomness: {e}")))?;
    let n = u64::from_le_bytes(bytes) % 10u64.pow(digits);
    Ok(format!("{n:0width$}", width = digits as usize))
}

/// The secret part of a coupon's code: ten letters and digits that cannot be mistaken for one
/// another, about 50 bits, so a code cannot be guessed from its neighbours.
pub(crate) fn coupon_secret() -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes)
        .map_err(|e| store::Error::Corrupt(format!("no randomness: {e}")))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

fn shipment_view(row: store::fulfilment::ShipmentRow) -> ShipmentView {
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

async fn log(
    tx: &mut store::Conn,
    number: i64,
    events: &[Event],
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<()> {
    store::orders::append_events(tx, number, &event_rows(events, ctx.now_ms(), actor, None)?)
        .await?;
    Ok(())
}

async fn order_row(tx: &mut store::Conn, number: i64) -> Result<store::orders::OrderRow> {
    if !store::orders::lock(tx, number).await? {
        return Err(Error::NotFound { what: "order" });
    }
    store::orders::get(tx, number)
        .await?
        .ok_or(Error::NotFound { what: "order" })
}

/// Sets aside `quantity` units of `sku` for a line: from the shop's own shelves if any has them,
/// otherwise ordered from a supplier, which lengthens the promise (ST-2, CK-3, CK-4).
pub(crate) async fn set_aside(
    tx: &mut store::Conn,
    number: i64,
    line_no: i64,
    sku: &str,
    quantity: i64,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let offers = store::catalog::offers(tx, &[sku]).await?;
    let supplier = domain::inventory::LocationKind::Supplier.as_str();
    for offer in offers
        .iter()
        .filter(|o| o.kind.as_deref() != Some(supplier))
    {
        let Some(stock_id) = offer.stock_id else {
            continue;
        };
        if store::inventory::try_reserve(tx, stock_id, quantity).await? {
            let held = store::inventory::ReservationRow {
                line_no,
                location: String::new(),
                kind: String::new(),
                bin: String::new(),
                quantity,
                state: "held".into(),
            };
            store::inventory::insert_reservations(tx, number, &[held], &[stock_id]).await?;
            return Ok(vec![Event::LineReserved {
                line_no,
                location: offer.location.clone().unwrap_or_default(),
            }]);
        }
    }
    let ordered = offers.iter().find_map(|o| {
        (o.kind.as_deref() == Some(supplier)).then_some(())?;
        let cutoff = domain::inventory::parse_cutoff(o.cutoff.as_deref()?).ok()?;
        Some((o.stock_id?, o.location.clone()?, o.lead_time_days?, cutoff))
    });
    let Some((stock_id, location, lead, cutoff)) = ordered else {
        return Err(Error::Conflict {
            code: "no_stock",
            message: format!("{sku} is out of stock and no supplier carries it"),
        });
    };
    let reservation = store::inventory::ReservationRow {
        line_no,
        location: location.clone(),
        kind: String::new(),
        bin: String::new(),
        quantity,
        state: "ordered".into(),
    };
    store::inventory::insert_reservations(tx, number, &[reservation], &[stock_id]).await?;
    Ok(vec![
        lengthen_promise(tx, number, cutoff, lead, ctx).await?,
        Event::LineAwaitingSupplier {
            line_no,
            location,
            lead_time_days: lead,
        },
    ])
}

/// Moves the promised window later for goods that leave after `lead` days, never earlier
/// (CK-3, CK-4).
pub(crate) async fn lengthen_promise(
    tx: &mut store::Conn,
    number: i64,
    cutoff: jiff::civil::Time,
    lead: i64,
    ctx: &Context<'_>,
) -> Result<Event> {
    let order = store::orders::get(tx, number)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    let transit = method_of(&order)
        .and_then(|m| ctx.settings.delivery_option(m))
        .map_or([1, 3], |o| o.transit_days);
    let (earliest, latest) = ctx.calendar.delivery_window(ctx.now, cutoff, lead, transit);
    let keep_later = |stored: Option<&String>, new: jiff::civil::Date| {
        stored
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .map_or(new, |d| d.max(new))
            .to_string()
    };
    let (earliest, latest) = (
        keep_later(order.promise_earliest.as_ref(), earliest),
        keep_later(order.promise_latest.as_ref(), latest),
    );
    store::orders::set_promise(tx, number, &earliest, &latest).await?;
    Ok(Event::PromiseMade { earliest, latest })
}

/// A lost parcel is sent again: every active line is set aside anew and packed again (DL-6).
pub(crate) async fn set_aside_again(
    tx: &mut store::Conn,
    number: i64,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    store::fulfilment::delete_parcel(tx, number).await?;
    let mut events = Vec::new();
    for line in store::orders::lines(tx, number).await? {
        if line.status == "active" {
            events
                .extend(set_aside(tx, number, line.line_no, &line.sku, line.quantity, ctx).await?);
        }
    }
    Ok(events)
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
        let row = order_row(&mut tx, number).await?;
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
        log(&mut tx, number, &[event], actor, &ctx).await?;
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
    ) -> Result<crate::orders::OrderView> {
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
        let row = order_row(&mut tx, number).await?;
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
                    processing::message(
                        &mut tx,
                        &row,
                        "defect_choice",
                        Reach::Preferred,
                        extra,
                        &ctx,
                    )
                    .await?,
                );
                log(&mut tx, number, &events, actor, &ctx).await?;
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
                events.extend(replace_line(&mut tx, &row, &line, &ctx).await?);
                log(&mut tx, number, &events, actor, &ctx).await?;
            }
        }
        tx.commit().await?;
        self.order(number).await
    }

    /// The customer's answer to a minor flaw (AS-2): take it as is with the discount, or wait
    /// for a flawless unit.
    pub async fn answer_defect(
        &self,
        actor: &Actor,
        number: i64,
        answer: &str,
    ) -> Result<crate::orders::OrderView> {
        actor.require(Permission::ManageOrders)?;
        let answer = DefectAnswer::parse(answer).field("answer")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        self.record_defect_answer(&mut tx, number, answer, actor, &ctx)
            .await?;
        tx.commit().await?;
        self.order(number).await
    }

    pub(crate) async fn record_defect_answer(
        &self,
        tx: &mut store::WriteTx,
        number: i64,
        answer: DefectAnswer,
        actor: &Actor,
        ctx: &Context<'_>,
    ) -> Result<()> {
        let row = order_row(tx, number).await?;
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
                let events = replace_line(tx, &row, &line, ctx).await?;
                log(tx, number, &events, actor, ctx).await?;
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
    pub async fn pack(
        &self,
        actor: &Actor,
        number: i64,
        input: &PackInput,
    ) -> Result<crate::orders::OrderView> {
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
        let row = order_row(&mut tx, number).await?;
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
            let expires = ctx
                .now
                .saturating_add(SignedDuration::from_hours(24 * coupon.valid_days))
                .unwrap_or(ctx.now);
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
        log(&mut tx, number, &[packed], actor, &ctx).await?;
        self.change(&mut tx, number, &[Command::MarkReady], actor, None, &ctx)
            .await?;
        tx.commit().await?;
        self.order(number).await
    }

    /// What the packer put in the parcel, for the packing slip.
    pub async fn parcel(&self, number: i64) -> Result<Option<ParcelView>> {
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

    pub async fn shipment(&self, number: i64) -> Result<Option<ShipmentView>> {
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
    ) -> Result<crate::orders::OrderView> {
        actor.require(Permission::Fulfil)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = order_row(&mut tx, number).await?;
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
        let first_watch = ctx.calendar.within_calling_hours(
            ctx.now
                .saturating_add(SignedDuration::from_hours(24))
                .unwrap_or(ctx.now),
        );
        processing::schedule(&mut tx, jobs::PARCEL_WATCH, number, first_watch, &ctx).await?;
        tx.commit().await?;
        self.order(number).await
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
            .map(|d| {
                d.trim().parse::<jiff::civil::Date>().map_err(|_| {
                    Error::field("estimate", "date_invalid", "a date is written YYYY-MM-DD")
                })
            })
            .transpose()?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = order_row(&mut tx, number).await?;
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
                events.extend(
                    processing::message(
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
        log(&mut tx, number, &events, actor, &ctx).await?;
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
    ) -> Result<crate::orders::OrderView> {
        actor.require(Permission::ManageOrders)?;
        let compensation = Compensation::parse(compensation).field("compensation")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let command = Command::Compensate { compensation };
        let row = self
            .change(&mut tx, number, &[command], actor, None, &ctx)
            .await?;
        if compensation == Compensation::Refund && row.paid_minor > 0 {
            let refund = crate::orders::NewPayment {
                amount_minor: row.paid_minor,
                method: "refund".into(),
                reference: String::new(),
            };
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
        store::tasks::close_for_order(&mut tx, number, &[tasks::LOST_PARCEL], "done", ctx.now_ms())
            .await?;
        let extra = json!({"compensation": compensation.as_str()});
        let events =
            processing::message(&mut tx, &row, "parcel_lost", Reach::Every, extra, &ctx).await?;
        log(&mut tx, number, &events, actor, &ctx).await?;
        tx.commit().await?;
        self.order(number).await
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
                processing::message(tx, &row, "delay_warning", Reach::Preferred, extra, ctx)
                    .await?;
            log(tx, row.id, &events, &system, ctx).await?;
        }
        let tomorrow = ctx.calendar.within_calling_hours(
            ctx.now
                .saturating_add(SignedDuration::from_hours(24))
                .unwrap_or(ctx.now),
        );
        processing::schedule_again(tx, jobs::PARCEL_WATCH, row.id, tomorrow, ctx).await
    }

    pub async fn create_courier(&self, actor: &Actor, input: &NewCourier) -> Result<CourierView> {
        actor.require(Permission::Administer)?;
        let name = domain::contact::PersonName::parse(&input.name).field("name")?;
        let settings = self.settings().await?;
        let region = domain::contact::PhoneRegion::parse(&settings.phone_region)
            .field("settings.phone_region")?;
        let phone = domain::contact::Phone::parse(&input.phone, region).field("phone")?;
        let mut tx = self.store.begin_write().await?;
        crate::station::check_courier_login(&mut tx, input.user_id).await?;
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

    /// The couriers with their ratings and the bonus they earned (DL-7).
    pub async fn couriers(&self, actor: &Actor) -> Result<Vec<CourierView>> {
        actor.require(Permission::Read)?;
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
        let row = order_row(&mut tx, number).await?;
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
            processing::message(
                &mut tx,
                &row,
                "courier_on_the_way",
                Reach::Preferred,
                extra,
                &ctx,
            )
            .await?,
        );
        log(&mut tx, number, &events, actor, &ctx).await?;
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
    ) -> Result<crate::orders::OrderView> {
        actor.require(Permission::Deliver)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = order_row(&mut tx, number).await?;
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
                let payment = crate::orders::NewPayment {
                    amount_minor: cash,
                    method: "cash".into(),
                    reference: receipt.clone(),
                };
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
                log(&mut tx, number, &[collected], actor, &ctx).await?;
                commands.push(Command::RecordPayment { amount_minor: cash });
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
        commands.push(Command::Deliver);
        self.change(&mut tx, number, &commands, actor, None, &ctx)
            .await?;
        tx.commit().await?;
        self.order(number).await
    }

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

/// The courier a courier's login delivers as. Other roles act for every courier (`None`); a
/// courier's login that is linked to no courier acts for none.
pub(crate) async fn own_courier(conn: &mut store::Conn, actor: &Actor) -> Result<Option<i64>> {
    if actor.role != domain::access::Role::Courier {
        return Ok(None);
    }
    let found = match actor.user_email() {
        Some(email) => store::fulfilment::courier_of_user(conn, email).await?,
        None => None,
    };
    found.map(Some).ok_or_else(|| Error::Denied {
        code: "courier_not_linked",
        message: "this login is not linked to a courier: ask the owner to link it".into(),
    })
}

/// Refuses a courier acting on another courier's delivery or cash (DL-7, PY-5).
fn require_own(own: Option<i64>, courier_id: Option<i64>) -> Result<()> {
    match own {
        Some(mine) if courier_id != Some(mine) => Err(Error::Denied {
            code: "not_your_delivery",
            message: "this delivery is on another courier's route".into(),
        }),
        _ => Ok(()),
    }
}

pub(crate) fn parse_day(day: &str) -> Result<String> {
    day.trim()
        .parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| Error::field("day", "date_invalid", "a day is written YYYY-MM-DD"))
}

fn row_has(row: &store::orders::OrderRow, kind: HoldKind) -> Result<bool> {
    Ok(crate::orders::parse_holds(&row.holds)?
        .iter()
        .any(|h| h.kind == kind))
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
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    store::inventory::write_off(tx, row.id, line.line_no).await?;
    store::fulfilment::forget_scans(tx, row.id, line.line_no).await?;
    let mut events = set_aside(tx, row.id, line.line_no, &line.sku, line.quantity, ctx).await?;
    let updated = store::orders::get(tx, row.id)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    events.extend(
        processing::message(
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
