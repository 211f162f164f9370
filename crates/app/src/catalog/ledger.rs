//! The stock ledger (ST-2, ST-3, ST-4): goods received, counted, adjusted, written off and moved
//! between locations, each a movement with who, when and why; a SKU's history; what is low.

use domain::access::Permission;
use domain::catalog::Sku;
use domain::inventory::{Change, MAX_UNITS, MovementKind, StockLevel, parse_bin};
use serde::{Deserialize, Serialize};
use store::catalog::ledger::{Levels, Movement, Stamp};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::{Context, webhooks};
use crate::{Error, Result, Shop};

use super::inventory::{StockView, tell_waiting};
use super::products::parse_stored_options;

/// A change to one SKU's shelf at one location, as a person records it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewMovement {
    /// `receipt` (goods received), `count` (the shelf holds `quantity`), `adjustment` (a signed
    /// correction), `write_off` (units that cannot be sold) or `transfer` (to `to_location`).
    pub kind: String,
    /// Units received, written off or moved; the counted units for a count; a signed number of
    /// units for an adjustment.
    pub quantity: i64,
    /// Why: required for an adjustment and a write-off; a delivery note's number for a receipt.
    #[serde(default)]
    pub reason: String,
    /// The bin the units sit in (ST-3); the shelf's bin stays as it is when left out.
    #[serde(default)]
    pub bin: Option<String>,
    /// Where a transfer takes the units.
    #[serde(default)]
    pub to_location: Option<String>,
}

/// One movement of a SKU's ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MovementView {
    pub location: String,
    /// `opening`, `receipt`, `count`, `adjustment`, `sale`, `return`, `write_off`,
    /// `transfer_out` or `transfer_in`.
    pub kind: String,
    /// The signed change to on hand.
    pub quantity: i64,
    pub on_hand_after: i64,
    pub reason: String,
    /// The order a sale, a return or a write-off at packing belongs to.
    pub order: Option<i64>,
    /// The purchase order a goods receipt received.
    pub purchase_order: Option<i64>,
    /// Who made it, as the timeline names them.
    pub actor: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
}

/// One shelf on the stock page: a SKU at a location.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LevelView {
    pub sku: String,
    pub product_id: i64,
    pub title: String,
    /// The variant's options, such as `{"size": "M"}`.
    pub options: std::collections::BTreeMap<String, String>,
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub available: i64,
    /// Units to come from this supplier for the orders that wait for them.
    pub incoming: i64,
    /// The variant's own low-stock level; without one it is low below the shop's
    /// `low_stock_units`.
    pub low_stock_at: Option<i64>,
    /// Available on the shop's own shelves, every location together.
    pub shop_available: i64,
    /// At or below the threshold across the shop's own shelves: time to reorder.
    pub low: bool,
    /// Units of the variant on open purchase orders, not received yet (ST-2).
    pub on_order: i64,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct Threshold {
    /// Units available on the shop's own shelves at or below which the variant is low; null
    /// for the shop's `low_stock_units`.
    pub low_stock_at: Option<i64>,
}

/// Which shelves to list: `all`, `low`, `sold_out`, or `reorder` (low, and what is on order
/// does not lift it).
pub fn parse_levels(raw: &str) -> Result<Levels> {
    match raw {
        "" | "all" => Ok(Levels::All),
        "low" => Ok(Levels::Low),
        "sold_out" => Ok(Levels::SoldOut),
        "reorder" => Ok(Levels::Reorder),
        _ => Err(Error::field(
            "state",
            "state_invalid",
            "state is all, low, sold_out or reorder",
        )),
    }
}

/// A checked movement: what it does to each shelf it touches.
struct Planned<'a> {
    kind: MovementKind,
    change: Change,
    reason: &'a str,
    /// Where a transfer takes its units, and how many arrive there.
    arriving: Option<(store::catalog::inventory::LocationRow, i64)>,
}

fn plan<'a>(
    input: &'a NewMovement,
    to: Option<store::catalog::inventory::LocationRow>,
) -> Result<Planned<'a>> {
    let reason = input.reason.trim();
    if reason.chars().count() > 200 {
        return Err(Error::field(
            "reason",
            "reason_too_long",
            "a reason is at most 200 characters",
        ));
    }
    let needs_reason = |kind| {
        if reason.is_empty() {
            Err(Error::field(
                "reason",
                "reason_required",
                "say why: an adjustment and a write-off need a reason",
            ))
        } else {
            Ok(kind)
        }
    };
    let quantity = input.quantity;
    let mut arriving = None;
    let (kind, change) = match input.kind.as_str() {
        "receipt" => (MovementKind::Receipt, Change::Add(quantity)),
        "count" => (MovementKind::Count, Change::Count(quantity)),
        "adjustment" => (
            needs_reason(MovementKind::Adjustment)?,
            Change::Adjust(quantity),
        ),
        "write_off" => (
            needs_reason(MovementKind::WriteOff)?,
            Change::Remove(quantity),
        ),
        "transfer" => {
            let Some(to) = to else {
                return Err(Error::field(
                    "to_location",
                    "to_location_required",
                    "a transfer names the location the units go to",
                ));
            };
            arriving = Some((to, quantity));
            (MovementKind::TransferOut, Change::Remove(quantity))
        }
        other => {
            return Err(Error::field(
                "kind",
                "movement_kind_invalid",
                format!(
                    "'{other}' is not a movement: use receipt, count, adjustment, write_off or transfer"
                ),
            ));
        }
    };
    Ok(Planned {
        kind,
        change,
        reason,
        arriving,
    })
}

fn refused(refusal: domain::inventory::StockRefusal) -> Error {
    Error::field("quantity", refusal.code(), refusal.to_string())
}

impl Shop {
    /// Records a count and the bin of one SKU at one location (ST-3): the ledger's `count`.
    pub async fn set_stock(
        &self,
        actor: &Actor,
        sku: &str,
        location: &str,
        input: &super::SetStock,
    ) -> Result<Vec<StockView>> {
        let counted = NewMovement {
            kind: MovementKind::Count.as_str().into(),
            quantity: input.on_hand,
            reason: String::new(),
            bin: Some(input.bin.clone()),
            to_location: None,
        };
        self.move_stock(actor, sku, location, &counted)
            .await
            .map_err(|e| match e {
                Error::Invalid {
                    field,
                    code,
                    message,
                } if field == "quantity" => Error::Invalid {
                    field: "on_hand".into(),
                    code,
                    message,
                },
                other => other,
            })
    }

    /// Records one movement of a SKU at a location, in one transaction with what follows: the
    /// `stock.changed` webhook, and the visitors waiting for it told when it is back (ST-4).
    /// Answers with the SKU's stock at every location.
    pub async fn move_stock(
        &self,
        actor: &Actor,
        sku: &str,
        location: &str,
        input: &NewMovement,
    ) -> Result<Vec<StockView>> {
        actor.require(Permission::ManageCatalog)?;
        let sku = Sku::parse(sku).field("sku")?;
        let bin = input
            .bin
            .as_deref()
            .map(|raw| parse_bin(raw).field("bin"))
            .transpose()?;
        // Read before the write begins: a writer waiting its turn holds no second connection.
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        let variant = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        let from = store::catalog::inventory::location_by_code(&mut tx, location)
            .await?
            .ok_or(Error::NotFound { what: "location" })?;
        // Only a transfer goes anywhere; another movement leaves `to_location` aside.
        let to_code = input
            .to_location
            .as_deref()
            .filter(|code| !code.is_empty() && input.kind == "transfer");
        let to = match to_code {
            None => None,
            Some(code) if code == from.code => {
                return Err(Error::field(
                    "to_location",
                    "same_location",
                    "a transfer goes to another location",
                ));
            }
            Some(code) => Some(
                store::catalog::inventory::location_by_code(&mut tx, code)
                    .await?
                    .ok_or_else(|| {
                        Error::field(
                            "to_location",
                            "location_unknown",
                            format!("there is no location {code}"),
                        )
                    })?,
            ),
        };
        let planned = plan(input, to)?;
        let by = Stamp {
            actor: &actor.name,
            at: store::to_millis(self.now()),
        };
        // Two people counting one shelf at once take turns, so each count is what was counted.
        tx.serialise(&[&format!("stock:{variant}")]).await?;
        let shelf = shelf_of(&mut tx, variant, from.id, bin.as_deref()).await?;
        apply(
            &mut tx,
            shelf,
            planned.kind,
            planned.change,
            Why::said(planned.reason),
            by,
        )
        .await?;
        if let Some((to, units)) = &planned.arriving {
            let arriving = shelf_of(&mut tx, variant, to.id, bin.as_deref()).await?;
            apply(
                &mut tx,
                arriving,
                MovementKind::TransferIn,
                Change::Add(*units),
                Why::said(planned.reason),
                by,
            )
            .await?;
        }
        let own = store::storefront::own_available(&mut tx, variant).await?;
        let (on_hand, _, bin) = store::catalog::ledger::level(&mut tx, shelf).await?;
        let changed = serde_json::json!({
            "sku": sku.as_ref(), "location": from.code, "kind": planned.kind.as_str(),
            "on_hand": on_hand, "bin": bin, "shop_available": own,
        });
        webhooks::emit(&mut tx, webhooks::STOCK_CHANGED, changed, self.now()).await?;
        if own > 0 {
            tell_waiting(&mut tx, variant, &Context::new(&settings, self.now())).await?;
        }
        tx.commit().await?;
        self.stock(sku.as_ref()).await
    }

    /// A SKU's movements at every location, newest first.
    pub async fn stock_movements(&self, sku: &str, limit: i64) -> Result<Vec<MovementView>> {
        let sku = Sku::parse(sku).field("sku")?;
        let mut conn = self.store.read().await?;
        let variant = store::catalog::variant_id_by_sku(&mut conn, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        let rows =
            store::catalog::ledger::movements(&mut conn, variant, limit.clamp(1, 1000)).await?;
        rows.into_iter()
            .map(|row| {
                Ok(MovementView {
                    at: store::from_millis(row.created_at)?,
                    location: row.location,
                    kind: row.kind,
                    quantity: row.quantity,
                    on_hand_after: row.on_hand_after,
                    reason: row.reason,
                    order: row.order_id,
                    purchase_order: row.purchase_order_id,
                    actor: row.actor,
                })
            })
            .collect()
    }

    /// Every shelf of the goods still sold, or only the low or sold-out ones; `search` finds a
    /// SKU or a product's words in any alphabet.
    pub async fn stock_levels(&self, which: Levels, search: &str) -> Result<Vec<LevelView>> {
        let default_low_at = self.settings().await?.low_stock_at();
        let mut conn = self.store.read().await?;
        let rows =
            store::catalog::ledger::levels(&mut conn, which, search.trim(), default_low_at, 500)
                .await?;
        rows.into_iter()
            .map(|row| {
                Ok(LevelView {
                    options: parse_stored_options(&row.options)?,
                    low: row.own_shelves > 0
                        && row.own_available <= row.low_stock_at.unwrap_or(default_low_at),
                    shop_available: row.own_available,
                    available: row.on_hand - row.reserved,
                    sku: row.sku,
                    product_id: row.product_id,
                    title: row.title,
                    location: row.location,
                    kind: row.kind,
                    bin: row.bin,
                    on_hand: row.on_hand,
                    reserved: row.reserved,
                    incoming: row.incoming,
                    low_stock_at: row.low_stock_at,
                    on_order: row.on_order,
                })
            })
            .collect()
    }

    /// Sets the level at or below which a variant is low and the dashboard asks for a reorder.
    pub async fn set_low_stock(&self, actor: &Actor, sku: &str, input: &Threshold) -> Result<()> {
        actor.require(Permission::ManageCatalog)?;
        let sku = Sku::parse(sku).field("sku")?;
        if input
            .low_stock_at
            .is_some_and(|at| !(0..=MAX_UNITS).contains(&at))
        {
            return Err(Error::field(
                "low_stock_at",
                "threshold_invalid",
                format!("a threshold is a number of units from 0 to {MAX_UNITS}"),
            ));
        }
        let mut tx = self.store.begin_write().await?;
        let variant = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        store::catalog::ledger::set_threshold(&mut tx, variant, input.low_stock_at).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The stock row a person's movement applies to; a count or a receipt at a location that
/// holds none of the SKU yet starts one there.
pub(super) async fn shelf_of(
    tx: &mut store::Conn,
    variant: i64,
    location: i64,
    bin: Option<&str>,
) -> Result<i64> {
    let stock_id =
        store::catalog::ledger::stock_row(tx, variant, location, bin.unwrap_or_default()).await?;
    if let Some(bin) = bin {
        store::catalog::ledger::set_bin(tx, stock_id, bin).await?;
    }
    Ok(stock_id)
}

/// Checks a change against the shelf and writes it with its movement.
/// Why a person changed a shelf: their words, or the purchase order it receives.
#[derive(Debug, Clone, Copy)]
pub(super) struct Why<'a> {
    pub reason: &'a str,
    pub purchase_order: Option<i64>,
}

impl<'a> Why<'a> {
    pub(super) fn said(reason: &'a str) -> Self {
        Self {
            reason,
            purchase_order: None,
        }
    }
}

pub(super) async fn apply(
    tx: &mut store::Conn,
    stock_id: i64,
    kind: MovementKind,
    change: Change,
    why: Why<'_>,
    by: Stamp<'_>,
) -> Result<()> {
    let (on_hand, reserved, _) = store::catalog::ledger::level(tx, stock_id).await?;
    let (_, quantity) = StockLevel { on_hand, reserved }
        .apply(change)
        .map_err(refused)?;
    if quantity == 0 {
        // A count that finds what the ledger says changes nothing and needs no line.
        return Ok(());
    }
    let movement = Movement {
        stock_id,
        kind: kind.as_str(),
        quantity,
        reason: why.reason,
        order_id: None,
        purchase_order_id: why.purchase_order,
    };
    if store::catalog::ledger::record(tx, &movement, by)
        .await?
        .is_none()
    {
        // A reservation took units between the check and the write.
        return Err(refused(domain::inventory::StockRefusal::BelowReserved {
            reserved,
        }));
    }
    Ok(())
}

/// The units a customer sent back go back on the shelves they left (AF-1); those sent back as
/// defective stay off them.
pub(crate) async fn restock_return(tx: &mut store::Conn, number: i64, by: Stamp<'_>) -> Result<()> {
    for (stock_id, quantity) in store::catalog::ledger::returned_to_shelves(tx, number).await? {
        let movement = Movement {
            stock_id,
            kind: MovementKind::Return.as_str(),
            quantity,
            reason: "",
            order_id: Some(number),
            purchase_order_id: None,
        };
        store::catalog::ledger::record(tx, &movement, by).await?;
    }
    Ok(())
}
