//! Locations and stock (ST-2, ST-3).

use domain::access::Permission;
use domain::catalog::Sku;
use domain::inventory::{Candidate, allocation_order};
use domain::inventory::{LocationKind, parse_cutoff, parse_days, parse_location_code};
use domain::orders::Event;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::{Error, Result, Shop};

use super::products::parse_stored_options;
use super::promise::lengthen_promise;
use super::purchasing::{SupplierWait, supplier_wait};

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewLocation {
    /// A short code, such as `WH1`, used in URLs and on pick lists.
    pub code: String,
    pub name: String,
    /// `warehouse`, `store` or `supplier`.
    pub kind: String,
    #[serde(default)]
    pub city: String,
    /// Days a supplier needs to deliver to the shop; 0 for own stock.
    #[serde(default)]
    pub lead_time_days: i64,
    /// Orders ready before this time (shop's time zone, `HH:MM`) leave the same day (DL-8).
    #[serde(default = "default_cutoff")]
    pub cutoff: String,
}

fn default_cutoff() -> String {
    "14:00".into()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LocationView {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub lead_time_days: i64,
    pub cutoff: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct SetStock {
    /// Units on the shelf, as counted.
    pub on_hand: i64,
    /// The bin label the units sit in (ST-3).
    #[serde(default)]
    pub bin: String,
}

/// One location's stock of one SKU.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StockView {
    pub sku: String,
    pub location: String,
    pub kind: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub available: i64,
    pub bin: String,
}

impl From<store::catalog::inventory::LocationRow> for LocationView {
    fn from(row: store::catalog::inventory::LocationRow) -> Self {
        Self {
            code: row.code,
            name: row.name,
            kind: row.kind,
            city: row.city,
            lead_time_days: row.lead_time_days,
            cutoff: row.cutoff,
        }
    }
}

impl From<store::catalog::inventory::StockRow> for StockView {
    fn from(row: store::catalog::inventory::StockRow) -> Self {
        Self {
            available: row.on_hand - row.reserved,
            sku: row.sku,
            location: row.location,
            kind: row.kind,
            on_hand: row.on_hand,
            reserved: row.reserved,
            bin: row.bin,
        }
    }
}

impl Shop {
    pub async fn create_location(
        &self,
        actor: &Actor,
        input: &NewLocation,
    ) -> Result<LocationView> {
        actor.require(Permission::ManageCatalog)?;
        let code = parse_location_code(&input.code).field("code")?;
        let name = domain::catalog::parse_title(&input.name).field("name")?;
        let kind = LocationKind::parse(&input.kind).field("kind")?;
        let lead_time_days = parse_days(input.lead_time_days).field("lead_time_days")?;
        let cutoff = parse_cutoff(&input.cutoff)
            .field("cutoff")?
            .strftime("%H:%M")
            .to_string();
        let mut tx = self.store.begin_write().await?;
        let location = store::catalog::inventory::NewLocation {
            code: &code,
            name: &name,
            kind: kind.as_str(),
            city: input.city.trim(),
            lead_time_days,
            cutoff: &cutoff,
        };
        store::catalog::inventory::insert_location(&mut tx, &location)
            .await
            .map_err(|e| match e {
                store::Error::Duplicate(_) => Error::field(
                    "code",
                    "already_exists",
                    format!("a location with code {code} already exists"),
                ),
                other => other.into(),
            })?;
        tx.commit().await?;
        let mut conn = self.store.read().await?;
        let row = store::catalog::inventory::location_by_code(&mut conn, &code).await?;
        row.map(Into::into)
            .ok_or(Error::NotFound { what: "location" })
    }

    pub async fn locations(&self) -> Result<Vec<LocationView>> {
        let mut conn = self.store.read().await?;
        Ok(store::catalog::inventory::locations(&mut conn)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Every location's stock of one SKU.
    pub async fn stock(&self, sku: &str) -> Result<Vec<StockView>> {
        let sku = Sku::parse(sku).field("sku")?;
        let mut conn = self.store.read().await?;
        let variant = store::catalog::variant_id_by_sku(&mut conn, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        Ok(
            store::catalog::inventory::stock_of_variant(&mut conn, variant)
                .await?
                .into_iter()
                .map(Into::into)
                .collect(),
        )
    }
}

/// One stock row: where it is and in which bin. Ordered by the stock row's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Shelf {
    pub stock_id: i64,
    pub location: String,
    pub bin: String,
    pub cutoff: jiff::civil::Time,
    pub lead_time_days: i64,
}

/// The places that can fill `quantity` units of a variant, in the order intake tries them (ST-2).
pub(crate) fn places_for(
    rows: &[&store::catalog::OfferRow],
    quantity: i64,
) -> Vec<Candidate<Shelf>> {
    let candidates = rows
        .iter()
        .filter_map(|o| {
            Some(Candidate {
                id: Shelf {
                    stock_id: o.stock_id?,
                    location: o.location.clone()?,
                    bin: o.bin.clone()?,
                    cutoff: domain::inventory::parse_cutoff(o.cutoff.as_deref()?).ok()?,
                    lead_time_days: o.lead_time_days?,
                },
                kind: LocationKind::parse(o.kind.as_deref()?).ok()?,
                available: o.available?,
            })
        })
        .collect();
    allocation_order(candidates, quantity)
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
        if store::catalog::inventory::try_reserve(tx, stock_id, quantity).await? {
            let held = store::catalog::inventory::ReservationRow {
                line_no,
                location: String::new(),
                kind: String::new(),
                bin: String::new(),
                quantity,
                state: "held".into(),
            };
            store::catalog::inventory::insert_reservations(tx, number, &[held], &[stock_id])
                .await?;
            return Ok(vec![Event::LineReserved {
                line_no,
                location: offer.location.clone().unwrap_or_default(),
            }]);
        }
    }
    let Some(SupplierWait {
        stock_id,
        location,
        lead,
        cutoff,
    }) = supplier_wait(tx, &offers, quantity, ctx).await?
    else {
        return Err(Error::Conflict {
            code: "no_stock",
            message: format!("{sku} is out of stock and no supplier carries it"),
        });
    };
    let reservation = store::catalog::inventory::ReservationRow {
        line_no,
        location: location.clone(),
        kind: String::new(),
        bin: String::new(),
        quantity,
        state: "ordered".into(),
    };
    store::catalog::inventory::insert_reservations(tx, number, &[reservation], &[stock_id]).await?;
    Ok(vec![
        lengthen_promise(tx, number, cutoff, lead, ctx).await?,
        Event::LineAwaitingSupplier {
            line_no,
            location,
            lead_time_days: lead,
        },
    ])
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

/// Tells everyone waiting for a variant that it is back (ST-4), once each, in the channel they
/// asked in, through the outbox. Runs in the transaction that added the stock.
pub(crate) async fn tell_waiting(
    tx: &mut store::Conn,
    variant_id: i64,
    ctx: &Context<'_>,
) -> Result<()> {
    let waiting = store::storefront::take_waiting(tx, variant_id, ctx.now_ms()).await?;
    if waiting.is_empty() {
        return Ok(());
    }
    let variant = store::storefront::variant(tx, variant_id)
        .await?
        .ok_or(Error::NotFound { what: "sku" })?;
    let options = parse_stored_options(&variant.options)?
        .into_values()
        .collect::<Vec<_>>()
        .join(", ");
    let settings = ctx.settings;
    for request in waiting {
        let data = crate::messaging::with(
            crate::messaging::shop_contacts(settings),
            serde_json::json!({
                "product_title": variant.title,
                "variant": options,
                "sku": variant.sku,
                "product_url": format!("{}/products/{}?sku={}", settings.public_url, variant.product_id, variant.sku),
            }),
        );
        let channel = domain::messaging::Channel::parse(&request.channel)
            .map_err(|e| store::Error::Corrupt(format!("stock request channel: {e}")))?;
        let message = crate::messaging::Direct {
            customer_id: request.customer_id,
            order_id: None,
            template: "back_in_stock",
            channel,
            recipient: request.recipient,
            locale: request.locale,
            data,
            marketing: false,
        };
        crate::messaging::queue_direct(tx, message, ctx).await?;
    }
    Ok(())
}
