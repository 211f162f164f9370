//! The catalogue and product pages with their stock, and back-in-stock requests (ST-4).

use std::collections::BTreeMap;

use domain::catalog::Sku;
use domain::contact::{Contact, PhoneRegion};
use serde::Deserialize;

use crate::catalog::parse_stored_options;
use crate::customers::card_of;
use crate::kernel::error::FieldResult;
use crate::kernel::views::currency;
use crate::messaging::known_locale;
use crate::{Error, MoneyView, Result, Shop};

use super::PAGE_SIZE;

/// Whether a buyer can have it now, from a supplier, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockState {
    InStock,
    FromSupplier,
    OutOfStock,
}

impl StockState {
    fn of(stock: Option<&store::storefront::VariantStock>) -> Self {
        match stock {
            Some(s) if s.own_available > 0 => Self::InStock,
            Some(s) if s.supplier_rows > 0 => Self::FromSupplier,
            _ => Self::OutOfStock,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InStock => "in_stock",
            Self::FromSupplier => "from_supplier",
            Self::OutOfStock => "out_of_stock",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CatalogueQuery {
    pub category: String,
    pub q: String,
    pub page: i64,
}

pub struct Catalogue {
    pub categories: Vec<String>,
    pub products: Vec<ProductCard>,
    /// Another page follows.
    pub more: bool,
}

pub struct ProductCard {
    pub id: i64,
    pub title: String,
    pub category: String,
    /// The lowest price of its variants.
    pub price_from: MoneyView,
    /// In stock when any variant is.
    pub stock: StockState,
}

/// A product as a buyer reads it, with every variant's stock (SU-2).
pub struct ProductPage {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub variants: Vec<VariantOffer>,
    /// The sizes and colours its variants come in, in catalogue order.
    pub sizes: Vec<String>,
    pub colours: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct VariantOffer {
    pub sku: String,
    pub options: BTreeMap<String, String>,
    pub size: Option<String>,
    pub colour: Option<String>,
    pub price: MoneyView,
    pub stock: StockState,
}

impl ProductPage {
    /// The variant with this SKU, else the one with this size and colour, else the first in
    /// stock, else the first.
    pub fn pick(&self, sku: &str, size: &str, colour: &str) -> Option<&VariantOffer> {
        let matches = |v: &&VariantOffer| {
            (size.is_empty() || v.size.as_deref() == Some(size))
                && (colour.is_empty() || v.colour.as_deref() == Some(colour))
        };
        self.variants
            .iter()
            .find(|v| v.sku == sku)
            .or_else(|| self.variants.iter().find(matches))
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| v.stock != StockState::OutOfStock)
            })
            .or_else(|| self.variants.first())
    }
}

fn option_of(options: &BTreeMap<String, String>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| options.get(*n).cloned())
}

impl Shop {
    /// A page of the catalogue: a category, words to find, and every product's stock, in a
    /// fixed number of queries.
    pub async fn catalogue(&self, query: &CatalogueQuery) -> Result<Catalogue> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let words: String = query.q.trim().chars().take(100).collect();
        let page = query.page.clamp(0, 10_000);
        let mut conn = self.store.read().await?;
        let categories = store::storefront::categories(&mut conn).await?;
        let search = store::storefront::Search {
            category: query.category.trim(),
            words: &words,
            limit: PAGE_SIZE + 1,
            offset: page * PAGE_SIZE,
        };
        let (mut products, variants, stock) = store::storefront::page(&mut conn, &search).await?;
        let more = products.len() as i64 > PAGE_SIZE;
        products.truncate(PAGE_SIZE as usize);
        let cards = products
            .into_iter()
            .filter_map(|p| {
                let own: Vec<_> = variants.iter().filter(|v| v.product_id == p.id).collect();
                let price = own.iter().map(|v| v.price_minor).min()?;
                let best = own
                    .iter()
                    .map(|v| StockState::of(stock.iter().find(|s| s.variant_id == v.id)))
                    .min_by_key(|s| *s as u8)?;
                Some(ProductCard {
                    id: p.id,
                    title: p.title,
                    category: p.category,
                    price_from: MoneyView::new(price, currency),
                    stock: best,
                })
            })
            .collect();
        Ok(Catalogue {
            categories,
            products: cards,
            more,
        })
    }

    /// A product with its variants and their stock, in three queries.
    pub async fn product_page(&self, id: i64) -> Result<ProductPage> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let mut conn = self.store.read().await?;
        let product = store::catalog::product(&mut conn, id)
            .await?
            .ok_or(Error::NotFound { what: "product" })?;
        let (variants, stock) = store::storefront::variants_and_stock(&mut conn, &[id]).await?;
        let variants: Vec<VariantOffer> = variants
            .iter()
            .map(|v| {
                let options = parse_stored_options(&v.options)?;
                Ok(VariantOffer {
                    sku: v.sku.clone(),
                    size: option_of(&options, &["size"]),
                    colour: option_of(&options, &["colour", "color"]),
                    options,
                    price: MoneyView::new(v.price_minor, currency),
                    stock: StockState::of(stock.iter().find(|s| s.variant_id == v.id)),
                })
            })
            .collect::<Result<_>>()?;
        let distinct = |pick: fn(&VariantOffer) -> Option<&String>| {
            let mut seen: Vec<String> = Vec::new();
            for value in variants.iter().filter_map(pick) {
                if !seen.contains(value) {
                    seen.push(value.clone());
                }
            }
            seen
        };
        Ok(ProductPage {
            sizes: distinct(|v| v.size.as_ref()),
            colours: distinct(|v| v.colour.as_ref()),
            id: product.id,
            title: product.title,
            description: product.description,
            category: product.category,
            variants,
        })
    }

    /// "Tell me when it's back" (ST-4): the visitor's phone or email waits on the variant until
    /// stock arrives, however long that takes. The contact joins the customer's card (IN-3).
    pub async fn ask_back_in_stock(&self, sku: &str, contact: &str, locale: &str) -> Result<()> {
        let sku = Sku::parse(sku).field("sku")?;
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let contact = Contact::parse(contact, region).field("contact")?;
        let locale = known_locale(locale, &settings);
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let variant_id = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        let customer_id = card_of(&mut tx, &contact, locale, now_ms).await?;
        let request = store::storefront::StockRequestRow {
            id: 0,
            variant_id,
            customer_id,
            channel: contact.channel().as_str().into(),
            recipient: contact.as_ref().to_owned(),
            locale: locale.into(),
        };
        store::storefront::request_stock(&mut tx, &request, now_ms).await?;
        tx.commit().await?;
        Ok(())
    }
}
