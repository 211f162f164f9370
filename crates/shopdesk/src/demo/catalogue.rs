//! The catalogue in the shop: products and their variants, the locations, the stock counted
//! into them, and Monday's restock.

use std::collections::BTreeMap;

use anyhow::Context;
use app::catalog::{
    Levels, NewLocation, NewMovement, NewPurchaseOrder, NewSupplier, OrderedUnits, SetStock,
};
use app::catalog::{NewProduct, NewVariant};
use domain::access::Role;

use super::Sim;
use super::people::{MANAGERS, actor, owner};
use super::products::{Opt, PRODUCTS, ProductSpec, SOLD_OUT, Source};

const WAREHOUSE: &str = "WH-OSLO";
const STORE: &str = "STORE-GRU";
const SUPPLIER: &str = "SUP-BERGEN";
pub(super) const SUPPLIER_LEAD_DAYS: i64 = 4;

/// A variant as the order planner sees it.
pub(super) struct Sellable {
    pub(super) sku: String,
    pub(super) price: i64,
    pub(super) category: &'static str,
    pub(super) sold_out: bool,
}

impl Sim {
    /// The warehouse and the store in Oslo, and the supplier in Bergen who makes to order.
    pub(super) async fn create_locations(&mut self) -> anyhow::Result<()> {
        let locations = [
            (
                WAREHOUSE,
                "Oslo warehouse, Alnabru",
                "warehouse",
                "Oslo",
                0,
                "14:00",
            ),
            (STORE, "Grünerløkka store", "store", "Oslo", 0, "12:00"),
            (
                SUPPLIER,
                "Bergen Ullvare AS",
                "supplier",
                "Bergen",
                SUPPLIER_LEAD_DAYS,
                "10:00",
            ),
        ];
        for (code, name, kind, city, lead_time_days, cutoff) in locations {
            let input = NewLocation {
                code: code.into(),
                name: name.into(),
                kind: kind.into(),
                city: city.into(),
                lead_time_days,
                cutoff: cutoff.into(),
            };
            self.shop
                .create_location(&owner(), &input)
                .await
                .with_context(|| format!("cannot create location {code}"))?;
        }
        Ok(())
    }

    /// Creates every product and counts its stock into the warehouse, the store and the
    /// supplier.
    pub(super) async fn stock_catalogue(&mut self) -> anyhow::Result<()> {
        let mut barcode = 0;
        let mut shelf_in_aisle: BTreeMap<&str, i64> = BTreeMap::new();
        for spec in PRODUCTS {
            let variants = variants_of(spec, &mut barcode);
            let input = NewProduct {
                title: spec.title.into(),
                description: spec.description.into(),
                category: spec.category.into(),
                status: "active".into(),
                texts: Default::default(),
                variants,
            };
            self.shop
                .create_product(&owner(), &input, None)
                .await
                .with_context(|| format!("cannot create product {}", spec.title))?;

            // Each category has its aisle in the warehouse, each product its shelf.
            let aisle = aisle_of(spec.category);
            let shelf = shelf_in_aisle.entry(aisle).or_insert(0);
            *shelf += 1;
            let shelf = *shelf;
            for (i, variant) in input.variants.iter().enumerate() {
                let level = i as i64 % 4 + 1;
                let bin = format!("{aisle}-{shelf:02}-{level}");
                let sold_out = SOLD_OUT.contains(&variant.sku.as_str());
                self.count_stock(spec, &variant.sku, &bin, sold_out).await?;
                self.sellable.push(Sellable {
                    sku: variant.sku.clone(),
                    price: variant.price_minor,
                    category: spec.category,
                    sold_out,
                });
            }
        }
        Ok(())
    }

    async fn count_stock(
        &mut self,
        spec: &ProductSpec,
        sku: &str,
        bin: &str,
        sold_out: bool,
    ) -> anyhow::Result<()> {
        let mut counts: Vec<(&str, i64, String)> = Vec::new();
        match spec.source {
            // A counted zero: the shelf exists, the goods do not.
            _ if sold_out => counts.push((WAREHOUSE, 0, bin.into())),
            Source::Own => {
                // A few variants live only in the store, so orders get picked there too.
                let in_warehouse = if self.rng.chance(4) {
                    0
                } else {
                    self.rng.range(8, 30)
                };
                counts.push((WAREHOUSE, in_warehouse, bin.into()));
                if in_warehouse == 0 || self.rng.chance(55) {
                    let shelf = format!("R-{:02}-{}", self.rng.range(1, 12), self.rng.range(1, 3));
                    counts.push((STORE, self.rng.range(2, 6), shelf));
                }
                if in_warehouse > 0 {
                    self.restockable.push(sku.into());
                }
            }
            Source::Backed => {
                counts.push((WAREHOUSE, self.rng.range(0, 3), bin.into()));
                counts.push((SUPPLIER, 400, String::new()));
            }
            Source::SupplierOnly => counts.push((SUPPLIER, 400, String::new())),
        }
        for (location, on_hand, bin) in counts {
            self.shop
                .set_stock(&owner(), sku, location, &SetStock { on_hand, bin })
                .await
                .with_context(|| format!("cannot count stock of {sku} at {location}"))?;
        }
        Ok(())
    }

    /// A week's sales leave gaps on the shelves; Monday's delivery fills them.
    pub(super) async fn restock(&mut self) -> anyhow::Result<()> {
        let manager = actor(Role::Manager, MANAGERS[1]);
        let items = self.restockable.clone();
        for sku in items {
            let stock = self.shop.stock(&sku).await?;
            let Some(row) = stock.iter().find(|s| s.location == WAREHOUSE) else {
                continue;
            };
            if row.available >= 5 {
                continue;
            }
            let delivery = NewMovement {
                kind: "receipt".into(),
                quantity: self.rng.range(12, 24),
                reason: "Monday's delivery".into(),
                bin: None,
                to_location: None,
            };
            self.shop
                .move_stock(&manager, &sku, WAREHOUSE, &delivery)
                .await
                .with_context(|| format!("cannot restock {sku}"))?;
        }
        Ok(())
    }

    /// The shop's yarn supplier and an open purchase order for what runs low in the
    /// warehouse, so the purchasing page shows one waiting to arrive (ST-2).
    pub(super) async fn order_from_supplier(&mut self) -> anyhow::Result<()> {
        let manager = actor(Role::Manager, MANAGERS[1]);
        let supplier = NewSupplier {
            name: "Ullgarn Nord AS".into(),
            email: "ordre@ullgarn-nord.no".into(),
            phone: String::new(),
            lead_time_days: 5,
            note: "Wool yarn and knitwear; orders by email before noon.".into(),
        };
        let supplier = self.shop.create_supplier(&manager, &supplier).await?;
        let low = self.shop.stock_levels(Levels::Low, "").await?;
        let mut skus: Vec<String> = low
            .iter()
            .filter(|level| level.location == WAREHOUSE)
            .map(|level| level.sku.clone())
            .chain(self.restockable.iter().cloned())
            .collect();
        // What runs low first; each SKU once.
        let mut seen = std::collections::HashSet::new();
        skus.retain(|sku| seen.insert(sku.clone()));
        let lines: Vec<OrderedUnits> = skus
            .into_iter()
            .take(4)
            .map(|sku| OrderedUnits { sku, quantity: 24 })
            .collect();
        if lines.is_empty() {
            return Ok(());
        }
        let order = NewPurchaseOrder {
            supplier_id: supplier.id,
            location: WAREHOUSE.into(),
            expected_on: None,
            lines,
            note: String::new(),
        };
        self.shop
            .create_purchase_order(&manager, &order, None)
            .await
            .context("cannot order from the supplier")?;
        Ok(())
    }
}

fn aisle_of(category: &str) -> &'static str {
    match category {
        "knitwear" => "A",
        "socks" => "B",
        "hats" | "scarves" => "C",
        "gloves" => "D",
        "blankets" => "E",
        _ => "F",
    }
}

/// Every size and colour of a product, with SKUs like `SWTR-NAVY-M` and EAN-13 barcodes.
fn variants_of(spec: &ProductSpec, barcode: &mut u64) -> Vec<NewVariant> {
    let sizes: &[Opt] = if spec.sizes.is_empty() {
        &[("", "")]
    } else {
        spec.sizes
    };
    let colours: &[Opt] = if spec.colours.is_empty() {
        &[("", "")]
    } else {
        spec.colours
    };
    let mut variants = Vec::new();
    for (colour, colour_code) in colours {
        for (s, (size, size_code)) in sizes.iter().enumerate() {
            let mut options = BTreeMap::new();
            let mut sku = spec.code.to_owned();
            for (name, value, code) in [("colour", colour, colour_code), ("size", size, size_code)]
            {
                if !value.is_empty() {
                    options.insert(name.to_owned(), (*value).to_owned());
                    sku.push('-');
                    sku.push_str(code);
                }
            }
            *barcode += 1;
            let s = s as i64;
            variants.push(NewVariant {
                id: None,
                compare_at_minor: None,
                sku,
                options,
                price_minor: spec.price + s * spec.size_step,
                // Larger sizes take more yarn.
                weight_grams: spec.grams + s * spec.grams / 10,
                barcode: Some(domain::catalog::ean13(EAN_BASE + *barcode)),
            });
        }
    }
    variants
}

/// The first twelve digits of our barcodes, before the running number; 70 is Norway's GS1
/// prefix.
const EAN_BASE: u64 = 709_001_200_000;
