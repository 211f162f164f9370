//! Suppliers and purchase orders (ST-2). Goods received go first to the orders whose customers
//! chose to wait for them, in the order they were placed (ST-1): their lines are reserved and
//! each customer hears the new delivery window once; what is left tells the visitors waiting
//! for it (ST-4).

use domain::access::Permission;
use domain::catalog::Sku;
use domain::contact::{Email, Phone, PhoneRegion};
use domain::inventory::{Change, MAX_UNITS, MovementKind, parse_days};
use domain::orders::Event;
use serde::{Deserialize, Serialize};
use store::catalog::ledger::Stamp;
use store::catalog::purchasing as rows;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::{Context, idempotency, timeline};
use crate::messaging::Reach;
use crate::{Error, Result, Shop};

use super::inventory::tell_waiting;
use super::ledger::{Why, apply, shelf_of};
use super::promise::{lengthen_promise, promise_from_shelf};
use super::reorder::review_reorder;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewSupplier {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    /// Days from ordering to the goods at the shop.
    #[serde(default)]
    pub lead_time_days: i64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SupplierView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub lead_time_days: i64,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewPurchaseOrder {
    pub supplier_id: i64,
    /// The shop's own location the goods are received into.
    pub location: String,
    /// The day the supplier promised, `YYYY-MM-DD`; today plus the supplier's lead time when
    /// left out.
    #[serde(default)]
    pub expected_on: Option<String>,
    pub lines: Vec<OrderedUnits>,
    #[serde(default)]
    pub note: String,
}

/// Units of one SKU, ordered or received.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct OrderedUnits {
    pub sku: String,
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PurchaseOrderView {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier: String,
    pub location: String,
    /// `open`, `received` or `cancelled`.
    pub state: String,
    pub expected_on: String,
    pub note: String,
    pub created_by: String,
    pub lines: Vec<PurchaseLineView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PurchaseLineView {
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub quantity: i64,
    pub received: i64,
}

/// What arrived of a purchase order.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct GoodsReceipt {
    pub lines: Vec<OrderedUnits>,
}

fn supplier_view(row: rows::SupplierRow) -> SupplierView {
    SupplierView {
        id: row.id,
        name: row.name,
        email: row.email,
        phone: row.phone,
        lead_time_days: row.lead_time_days,
        note: row.note,
    }
}

fn units(quantity: i64, field: String) -> Result<i64> {
    if (1..=MAX_UNITS).contains(&quantity) {
        Ok(quantity)
    } else {
        Err(Error::field(
            field,
            "quantity_invalid",
            format!("a quantity is a whole number of units from 1 to {MAX_UNITS}"),
        ))
    }
}

impl Shop {
    pub async fn create_supplier(
        &self,
        actor: &Actor,
        input: &NewSupplier,
    ) -> Result<SupplierView> {
        actor.require(Permission::ManageCatalog)?;
        let name = domain::catalog::parse_title(&input.name).field("name")?;
        let email = match input.email.trim() {
            "" => String::new(),
            raw => Email::parse(raw).field("email")?.as_ref().to_owned(),
        };
        let phone = match input.phone.trim() {
            "" => String::new(),
            raw => {
                let settings = self.settings().await?;
                let region =
                    PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
                Phone::parse(raw, region)
                    .field("phone")?
                    .as_ref()
                    .to_owned()
            }
        };
        let lead_time_days = parse_days(input.lead_time_days).field("lead_time_days")?;
        let note = input.note.trim();
        if note.chars().count() > 1000 {
            return Err(Error::field(
                "note",
                "note_too_long",
                "a note is at most 1000 characters",
            ));
        }
        let mut tx = self.store.begin_write().await?;
        let new = rows::NewSupplier {
            name: &name,
            email: &email,
            phone: &phone,
            lead_time_days,
            note,
            at: store::to_millis(self.now()),
        };
        let id = rows::insert_supplier(&mut tx, &new)
            .await
            .map_err(|e| match e {
                store::Error::Duplicate(_) => Error::field(
                    "name",
                    "already_exists",
                    format!("a supplier named {name} already exists"),
                ),
                other => other.into(),
            })?;
        tx.commit().await?;
        let row = rows::supplier(&mut *self.store.read().await?, id).await?;
        row.map(supplier_view)
            .ok_or(Error::NotFound { what: "supplier" })
    }

    pub async fn suppliers(&self, actor: &Actor) -> Result<Vec<SupplierView>> {
        actor.require(Permission::ManageCatalog)?;
        let found = rows::suppliers(&mut *self.store.read().await?).await?;
        Ok(found.into_iter().map(supplier_view).collect())
    }

    /// Orders goods from a supplier into one of the shop's own locations. With an
    /// idempotency key, a retry answers with the first purchase order, and `true`.
    pub async fn create_purchase_order(
        &self,
        actor: &Actor,
        input: &NewPurchaseOrder,
        idempotency_key: Option<&str>,
    ) -> Result<(PurchaseOrderView, bool)> {
        actor.require(Permission::ManageCatalog)?;
        let hash = idempotency::request_hash(input);
        if let Some(key) = idempotency_key {
            idempotency::check_key(key)?;
            if let Some(id) = self.replayed_purchase(key, &hash).await? {
                return Ok((self.purchase_order(actor, id).await?, true));
            }
        }
        if input.lines.is_empty() || input.lines.len() > 500 {
            return Err(Error::field(
                "lines",
                "lines_invalid",
                "a purchase order has 1 to 500 lines",
            ));
        }
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        let supplier = rows::supplier(&mut tx, input.supplier_id)
            .await?
            .ok_or_else(|| {
                Error::field(
                    "supplier_id",
                    "supplier_unknown",
                    "there is no such supplier",
                )
            })?;
        let location = own_location(&mut tx, &input.location).await?;
        let expected_on = match input
            .expected_on
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(raw) => raw.parse::<jiff::civil::Date>().map_err(|_| {
                Error::field(
                    "expected_on",
                    "date_invalid",
                    format!("'{raw}' is not a date like 2026-12-24"),
                )
            })?,
            None => domain::calendar::Calendar::of(&settings)
                .local(self.now())
                .date()
                .checked_add(jiff::Span::new().days(supplier.lead_time_days))
                .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        };
        let mut lines = Vec::with_capacity(input.lines.len());
        for (i, line) in input.lines.iter().enumerate() {
            let sku = Sku::parse(&line.sku).field(format!("lines[{i}].sku"))?;
            let variant = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
                .await?
                .ok_or_else(|| {
                    Error::field(
                        format!("lines[{i}].sku"),
                        "sku_unknown",
                        format!("no product has SKU {sku}"),
                    )
                })?;
            lines.push((
                variant,
                units(line.quantity, format!("lines[{i}].quantity"))?,
            ));
        }
        let new = rows::NewPurchaseOrder {
            supplier_id: supplier.id,
            location_id: location.id,
            expected_on: &expected_on.to_string(),
            note: input.note.trim(),
            created_by: &actor.name,
            at: store::to_millis(self.now()),
            idempotency: idempotency_key.map(|key| (key, hash.as_str())),
        };
        let id = match rows::insert_purchase_order(&mut tx, &new, &lines).await {
            Ok(id) => id,
            // A concurrent retry with the same key got there first.
            Err(store::Error::Duplicate(_)) => {
                drop(tx);
                let key = idempotency_key.unwrap_or_default();
                let id = self.replayed_purchase(key, &hash).await?;
                let id = id.ok_or(Error::NotFound {
                    what: "purchase order",
                })?;
                return Ok((self.purchase_order(actor, id).await?, true));
            }
            Err(other) => return Err(other.into()),
        };
        let ctx = Context::new(&settings, self.now());
        let cutoff = domain::inventory::parse_cutoff(&location.cutoff)
            .map_err(|e| store::Error::Corrupt(format!("location cutoff: {e}")))?;
        for (variant, _) in &lines {
            promise_on_order(&mut tx, *variant, cutoff, actor, &ctx).await?;
        }
        review_reorder(&mut tx, &ctx).await?;
        tx.commit().await?;
        Ok((self.purchase_order(actor, id).await?, false))
    }

    async fn replayed_purchase(&self, key: &str, hash: &str) -> Result<Option<i64>> {
        let found = rows::by_idempotency_key(&mut *self.store.read().await?, key).await?;
        match found {
            Some((id, stored)) if stored.as_deref() == Some(hash) => Ok(Some(id)),
            Some(_) => Err(Error::Conflict {
                code: "idempotency_key_reused",
                message: "this Idempotency-Key was used for a different purchase order".into(),
            }),
            None => Ok(None),
        }
    }

    pub async fn purchase_order(&self, actor: &Actor, id: i64) -> Result<PurchaseOrderView> {
        actor.require(Permission::ManageCatalog)?;
        let mut conn = self.store.read().await?;
        let row = rows::purchase_order(&mut conn, id)
            .await?
            .ok_or(Error::NotFound {
                what: "purchase order",
            })?;
        let lines = rows::lines(&mut conn, id).await?;
        Ok(purchase_view(row, lines))
    }

    /// Purchase orders in a state (`open`, `received`, `cancelled`; all when empty), the soonest
    /// expected first.
    pub async fn purchase_orders(
        &self,
        actor: &Actor,
        state: &str,
    ) -> Result<Vec<PurchaseOrderView>> {
        actor.require(Permission::ManageCatalog)?;
        if !matches!(state, "" | "open" | "received" | "cancelled") {
            return Err(Error::field(
                "state",
                "state_invalid",
                "state is open, received or cancelled",
            ));
        }
        let mut conn = self.store.read().await?;
        let orders = rows::purchase_orders(&mut conn, state).await?;
        let mut lines: std::collections::BTreeMap<i64, Vec<_>> = Default::default();
        for line in rows::lines_in_state(&mut conn, state).await? {
            lines.entry(line.purchase_order_id).or_default().push(line);
        }
        Ok(orders
            .into_iter()
            .map(|row| {
                let of_row = lines.remove(&row.id).unwrap_or_default();
                purchase_view(row, of_row)
            })
            .collect())
    }

    pub async fn cancel_purchase_order(&self, actor: &Actor, id: i64) -> Result<PurchaseOrderView> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        rows::purchase_order(&mut tx, id)
            .await?
            .ok_or(Error::NotFound {
                what: "purchase order",
            })?;
        if !rows::close(&mut tx, id, "cancelled").await? {
            return Err(Error::Conflict {
                code: "purchase_order_closed",
                message: "only an open purchase order can be cancelled".into(),
            });
        }
        review_reorder(&mut tx, &Context::new(&settings, self.now())).await?;
        tx.commit().await?;
        self.purchase_order(actor, id).await
    }

    /// Receives goods of an open purchase order, in part or whole, in one transaction: each
    /// line a goods receipt in the ledger, then the waiting orders served first come first
    /// served (ST-1), then the visitors waiting to hear of it told (ST-4). The purchase order is
    /// received once every line is.
    pub async fn receive_purchase_order(
        &self,
        actor: &Actor,
        id: i64,
        input: &GoodsReceipt,
    ) -> Result<PurchaseOrderView> {
        actor.require(Permission::ManageCatalog)?;
        if input.lines.is_empty() {
            return Err(Error::field("lines", "lines_invalid", "say what arrived"));
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let order = rows::purchase_order(&mut tx, id)
            .await?
            .ok_or(Error::NotFound {
                what: "purchase order",
            })?;
        if order.state != "open" {
            return Err(Error::Conflict {
                code: "purchase_order_closed",
                message: format!("this purchase order is {}", order.state),
            });
        }
        let location = store::catalog::inventory::location_by_code(&mut tx, &order.location)
            .await?
            .ok_or(Error::NotFound { what: "location" })?;
        let mut ordered = rows::lines(&mut tx, id).await?;
        let by = Stamp {
            actor: &actor.name,
            at: ctx.now_ms(),
        };
        for (i, arrived) in input.lines.iter().enumerate() {
            let quantity = units(arrived.quantity, format!("lines[{i}].quantity"))?;
            let line = ordered
                .iter_mut()
                .find(|l| l.sku == arrived.sku.trim())
                .ok_or_else(|| {
                    Error::field(
                        format!("lines[{i}].sku"),
                        "sku_not_ordered",
                        format!("{} is not on this purchase order", arrived.sku),
                    )
                })?;
            if !rows::receive_line(&mut tx, id, line.line_no, quantity).await? {
                return Err(Error::field(
                    format!("lines[{i}].quantity"),
                    "more_than_ordered",
                    format!(
                        "{} of {} were ordered and {} received already",
                        line.quantity, line.sku, line.received
                    ),
                ));
            }
            line.received += quantity;
            tx.serialise(&[&format!("stock:{}", line.variant_id)])
                .await?;
            let shelf = shelf_of(&mut tx, line.variant_id, location.id, None).await?;
            apply(
                &mut tx,
                shelf,
                MovementKind::Receipt,
                Change::Add(quantity),
                Why {
                    reason: "",
                    purchase_order: Some(id),
                },
                by,
            )
            .await?;
            serve_waiting(&mut tx, line.variant_id, shelf, &location, actor, &ctx).await?;
            if store::storefront::own_available(&mut tx, line.variant_id).await? > 0 {
                tell_waiting(&mut tx, line.variant_id, &ctx).await?;
            }
        }
        if ordered.iter().all(|l| l.received == l.quantity) {
            rows::close(&mut tx, id, "received").await?;
        }
        tx.commit().await?;
        self.purchase_order(actor, id).await
    }
}

/// The shop's own location goods are received into; a supplier's is refused.
async fn own_location(
    tx: &mut store::Conn,
    code: &str,
) -> Result<store::catalog::inventory::LocationRow> {
    let location = store::catalog::inventory::location_by_code(tx, code.trim())
        .await?
        .ok_or_else(|| {
            Error::field(
                "location",
                "location_unknown",
                format!("there is no location {code}"),
            )
        })?;
    if location.kind == domain::inventory::LocationKind::Supplier.as_str() {
        return Err(Error::field(
            "location",
            "location_not_own",
            "goods are received into a warehouse or a store",
        ));
    }
    Ok(location)
}

/// Reserves the received units for the lines waiting for them, oldest order first, each whole
/// or not at all; each order's customer hears the new window once, when nothing of it waits
/// any more (ST-1, CK-4).
async fn serve_waiting(
    tx: &mut store::Conn,
    variant: i64,
    shelf: i64,
    location: &store::catalog::inventory::LocationRow,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<()> {
    let cutoff = domain::inventory::parse_cutoff(&location.cutoff)
        .map_err(|e| store::Error::Corrupt(format!("location cutoff: {e}")))?;
    for waiting in rows::waiting_for(tx, variant).await? {
        if !store::catalog::inventory::try_reserve(tx, shelf, waiting.quantity).await? {
            // First come, first served: a later, smaller line does not jump the queue.
            break;
        }
        store::orders::lock(tx, waiting.order_id).await?;
        rows::hold_on_shelf(tx, waiting.reservation_id, shelf).await?;
        let mut events = vec![Event::LineReserved {
            line_no: waiting.line_no,
            location: location.code.clone(),
        }];
        if !rows::still_waiting(tx, waiting.order_id).await? {
            events.push(promise_from_shelf(tx, waiting.order_id, cutoff, ctx).await?);
            let order = store::orders::get(tx, waiting.order_id)
                .await?
                .ok_or(Error::NotFound { what: "order" })?;
            events.extend(
                crate::messaging::message(
                    tx,
                    &order,
                    "goods_arrived",
                    Reach::Preferred,
                    serde_json::json!({}),
                    ctx,
                )
                .await?,
            );
        }
        timeline::append(tx, waiting.order_id, &events, ctx.now_ms(), actor, None).await?;
    }
    Ok(())
}

/// The lead, in working days, to the open purchase order whose units reach `position` in the
/// queue of waiting lines, if one does (CK-3).
fn lead_to(on_order: &[(String, i64)], position: i64, ctx: &Context<'_>) -> Result<Option<i64>> {
    let today = ctx.calendar.local(ctx.now).date();
    let mut brought = 0;
    for (expected_on, units) in on_order {
        brought += units;
        if brought >= position {
            let day = expected_on
                .parse::<jiff::civil::Date>()
                .map_err(|e| store::Error::Corrupt(format!("expected_on: {e}")))?;
            return Ok(Some(ctx.calendar.lead_until(today, day)));
        }
    }
    Ok(None)
}

/// A supplier a line can wait for: its stock row and location, how many working days the
/// goods take to reach the shelf, and the cut-off of the day they leave.
pub(crate) struct SupplierWait {
    pub stock_id: i64,
    pub location: String,
    pub lead: i64,
    pub cutoff: jiff::civil::Time,
}

/// The supplier `quantity` more units of an offered variant can wait for, behind the lines
/// already waiting: until the open purchase order that brings them, else the supplier's own
/// lead time (CK-3, ST-1, ST-2).
pub(crate) async fn supplier_wait(
    tx: &mut store::Conn,
    offers: &[store::catalog::OfferRow],
    quantity: i64,
    ctx: &Context<'_>,
) -> Result<Option<SupplierWait>> {
    let supplier = domain::inventory::LocationKind::Supplier.as_str();
    let found = offers.iter().find_map(|o| {
        (o.kind.as_deref() == Some(supplier)).then_some(())?;
        let cutoff = domain::inventory::parse_cutoff(o.cutoff.as_deref()?).ok()?;
        Some((
            o.variant_id,
            o.stock_id?,
            o.location.clone()?,
            o.lead_time_days?,
            cutoff,
        ))
    });
    let Some((variant, stock_id, location, lead, cutoff)) = found else {
        return Ok(None);
    };
    let ahead: i64 = rows::waiting_for(tx, variant)
        .await?
        .iter()
        .map(|w| w.quantity)
        .sum();
    let on_order = rows::on_order(tx, variant).await?;
    Ok(Some(SupplierWait {
        stock_id,
        location,
        lead: lead_to(&on_order, ahead + quantity, ctx)?.unwrap_or(lead),
        cutoff,
    }))
}

/// A purchase order was placed: each waiting line it brings goods for is promised from the
/// day they are expected, never earlier than promised before, and a customer whose window
/// moved later is told at once (CK-3).
async fn promise_on_order(
    tx: &mut store::Conn,
    variant: i64,
    cutoff: jiff::civil::Time,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<()> {
    let on_order = rows::on_order(tx, variant).await?;
    let mut position = 0;
    for waiting in rows::waiting_for(tx, variant).await? {
        position += waiting.quantity;
        let Some(lead) = lead_to(&on_order, position, ctx)? else {
            break;
        };
        store::orders::lock(tx, waiting.order_id).await?;
        let before = store::orders::get(tx, waiting.order_id)
            .await?
            .ok_or(Error::NotFound { what: "order" })?
            .promise_latest;
        let promised = lengthen_promise(tx, waiting.order_id, cutoff, lead, ctx).await?;
        let Event::PromiseMade { latest, .. } = &promised else {
            continue;
        };
        if before.as_ref() == Some(latest) {
            continue;
        }
        let extra = serde_json::json!({ "delivery_until": latest });
        let order = store::orders::get(tx, waiting.order_id)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let mut events = vec![promised];
        events.extend(
            crate::messaging::message(tx, &order, "delay_warning", Reach::Preferred, extra, ctx)
                .await?,
        );
        timeline::append(tx, waiting.order_id, &events, ctx.now_ms(), actor, None).await?;
    }
    Ok(())
}

fn purchase_view(
    row: rows::PurchaseOrderRow,
    lines: Vec<rows::PurchaseLineRow>,
) -> PurchaseOrderView {
    PurchaseOrderView {
        id: row.id,
        supplier_id: row.supplier_id,
        supplier: row.supplier,
        location: row.location,
        state: row.state,
        expected_on: row.expected_on,
        note: row.note,
        created_by: row.created_by,
        lines: lines
            .into_iter()
            .map(|l| PurchaseLineView {
                line_no: l.line_no,
                sku: l.sku,
                title: l.title,
                quantity: l.quantity,
                received: l.received,
            })
            .collect(),
    }
}
