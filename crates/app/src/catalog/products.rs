//! The catalogue: products with a detailed description (SU-2) and variants.

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::catalog::{Sku, parse_barcode, parse_options, parse_title};
use domain::money::parse_price_minor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::views::{currency, stored};
use crate::{Error, MoneyView, Result, Shop};

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewProduct {
    pub title: String,
    /// The full description a buyer reads before ordering (SU-2).
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category: String,
    pub variants: Vec<NewVariant>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewVariant {
    pub sku: String,
    /// Such as `{"size": "M", "colour": "red"}`.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    pub price_minor: i64,
    #[serde(default)]
    pub weight_grams: i64,
    pub barcode: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub variants: Vec<VariantView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VariantView {
    pub sku: String,
    pub options: BTreeMap<String, String>,
    pub price: MoneyView,
    pub weight_grams: i64,
    pub barcode: Option<String>,
}

impl Shop {
    pub async fn create_product(&self, actor: &Actor, input: &NewProduct) -> Result<ProductView> {
        actor.require(Permission::ManageCatalog)?;
        let title = parse_title(&input.title).field("title")?;
        let description = input.description.trim();
        if description.chars().count() > 20_000 {
            return Err(Error::field(
                "description",
                "description_too_long",
                "a description is at most 20000 characters",
            ));
        }
        let category = input.category.trim();
        if input.variants.is_empty() {
            return Err(Error::field(
                "variants",
                "variants_missing",
                "a product needs at least one variant to sell",
            ));
        }
        let mut variants = Vec::with_capacity(input.variants.len());
        for (i, v) in input.variants.iter().enumerate() {
            let at = |name: &str| format!("variants[{i}].{name}");
            let sku = Sku::parse(&v.sku).field(at("sku"))?;
            if variants.iter().any(|(s, ..): &(Sku, _, _, _, _)| *s == sku) {
                return Err(Error::field(
                    at("sku"),
                    "sku_repeated",
                    format!("SKU {sku} appears twice in this product"),
                ));
            }
            let options = parse_options(&v.options).field(at("options"))?;
            let price = parse_price_minor(v.price_minor).field(at("price_minor"))?;
            if !(0..=1_000_000).contains(&v.weight_grams) {
                return Err(Error::field(
                    at("weight_grams"),
                    "weight_invalid",
                    "a weight is 0 to 1000000 grams",
                ));
            }
            let barcode = v
                .barcode
                .as_deref()
                .map(parse_barcode)
                .transpose()
                .field(at("barcode"))?;
            let options = serde_json::to_string(&options)
                .map_err(|e| store::Error::Corrupt(e.to_string()))?;
            variants.push((sku, options, price, v.weight_grams, barcode));
        }
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let id =
            store::catalog::insert_product(&mut tx, &title, description, category, now).await?;
        for (i, (sku, options, price_minor, weight_grams, barcode)) in variants.iter().enumerate() {
            let variant = store::catalog::NewVariant {
                sku: sku.as_ref(),
                options,
                price_minor: *price_minor,
                weight_grams: *weight_grams,
                barcode: barcode.as_deref(),
            };
            store::catalog::insert_variant(&mut tx, id, &variant)
                .await
                .map_err(|e| match e {
                    store::Error::Duplicate(what) => Error::field(
                        format!("variants[{i}].{what}"),
                        "already_exists",
                        format!("another variant already has this {what}"),
                    ),
                    other => other.into(),
                })?;
        }
        tx.commit().await?;
        self.product(id)
            .await?
            .ok_or(Error::NotFound { what: "product" })
    }

    pub async fn product(&self, id: i64) -> Result<Option<ProductView>> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let mut conn = self.store.read().await?;
        let Some(product) = store::catalog::product(&mut conn, id).await? else {
            return Ok(None);
        };
        let variants = store::catalog::variants_of(&mut conn, id).await?;
        Ok(Some(product_view(product, &variants, currency)?))
    }

    /// A page of the catalogue, in two queries whatever its size.
    pub async fn products(
        &self,
        category: &str,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<ProductView>> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let mut conn = self.store.read().await?;
        let (products, variants) =
            store::catalog::list(&mut conn, category.trim(), limit, offset).await?;
        products
            .into_iter()
            .map(|p| {
                let own: Vec<_> = variants
                    .iter()
                    .filter(|v| v.product_id == p.id)
                    .cloned()
                    .collect();
                product_view(p, &own, currency)
            })
            .collect()
    }
}

pub(crate) fn parse_stored_options(json: &str) -> Result<BTreeMap<String, String>> {
    stored(
        "options",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("options", e.to_string())),
    )
}

fn product_view(
    product: store::catalog::ProductRow,
    variants: &[store::catalog::VariantRow],
    currency: domain::money::Currency,
) -> Result<ProductView> {
    Ok(ProductView {
        id: product.id,
        title: product.title,
        description: product.description,
        category: product.category,
        variants: variants
            .iter()
            .map(|v| {
                Ok(VariantView {
                    sku: v.sku.clone(),
                    options: parse_stored_options(&v.options)?,
                    price: MoneyView::new(v.price_minor, currency),
                    weight_grams: v.weight_grams,
                    barcode: v.barcode.clone(),
                })
            })
            .collect::<Result<_>>()?,
    })
}
