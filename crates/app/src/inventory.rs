//! Locations and stock (ST-2, ST-3).

use domain::catalog::Sku;
use domain::inventory::{LocationKind, parse_bin, parse_cutoff, parse_days, parse_location_code};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::error::FieldResult;
use crate::{Error, Result, Shop};
use domain::access::Permission;

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

impl From<store::inventory::LocationRow> for LocationView {
    fn from(row: store::inventory::LocationRow) -> Self {
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

impl From<store::inventory::StockRow> for StockView {
    fn from(row: store::inventory::StockRow) -> Self {
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
        let location = store::inventory::NewLocation {
            code: &code,
            name: &name,
            kind: kind.as_str(),
            city: input.city.trim(),
            lead_time_days,
            cutoff: &cutoff,
        };
        store::inventory::insert_location(&mut tx, &location)
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
        let row = store::inventory::location_by_code(&mut conn, &code).await?;
        row.map(Into::into)
            .ok_or(Error::NotFound { what: "location" })
    }

    pub async fn locations(&self) -> Result<Vec<LocationView>> {
        let mut conn = self.store.read().await?;
        Ok(store::inventory::locations(&mut conn)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Records a stock count and bin for one SKU at one location (ST-3). A count below what is
    /// already reserved for orders is refused: those units are promised.
    pub async fn set_stock(
        &self,
        actor: &Actor,
        sku: &str,
        location: &str,
        input: &SetStock,
    ) -> Result<Vec<StockView>> {
        actor.require(Permission::ManageCatalog)?;
        let sku = Sku::parse(sku).field("sku")?;
        if !(0..=10_000_000).contains(&input.on_hand) {
            return Err(Error::field(
                "on_hand",
                "on_hand_invalid",
                "on hand is a count from 0 to 10000000",
            ));
        }
        let bin = parse_bin(&input.bin).field("bin")?;
        let mut tx = self.store.begin_write().await?;
        let variant = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        let location = store::inventory::location_by_code(&mut tx, location)
            .await?
            .ok_or(Error::NotFound { what: "location" })?;
        if let Err(reserved) =
            store::inventory::set_stock(&mut tx, variant, location.id, input.on_hand, &bin).await?
        {
            return Err(Error::Invalid {
                field: "on_hand".into(),
                code: "below_reserved",
                message: format!(
                    "{reserved} units are reserved for orders; on hand cannot be less"
                ),
            });
        }
        // ST-4: stock on the shop's own shelves tells everyone who asked to hear of it.
        if location.kind != domain::inventory::LocationKind::Supplier.as_str()
            && store::storefront::own_available(&mut tx, variant).await? > 0
        {
            let settings = self.settings().await?;
            let ctx = crate::processing::Context::new(&settings, self.now());
            crate::storefront::tell_waiting(&mut tx, variant, &ctx).await?;
        }
        tx.commit().await?;
        self.stock(sku.as_ref()).await
    }

    /// Every location's stock of one SKU.
    pub async fn stock(&self, sku: &str) -> Result<Vec<StockView>> {
        let sku = Sku::parse(sku).field("sku")?;
        let mut conn = self.store.read().await?;
        let variant = store::catalog::variant_id_by_sku(&mut conn, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        Ok(store::inventory::stock_of_variant(&mut conn, variant)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}
