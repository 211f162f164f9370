//! The catalogue and product pages with their stock, and back-in-stock requests (ST-4).

use domain::catalog::Sku;
use domain::contact::{Contact, PhoneRegion};
use serde::Deserialize;

use domain::catalog::{ProductStatus, localized};

use crate::catalog::{Shown, colour_of, parse_stored_options, parse_stored_texts};
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
    pub(super) fn of(stock: Option<&store::storefront::VariantStock>) -> Self {
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
    /// The categories shown, as `(code, name in the visitor's language)`.
    pub categories: Vec<(String, String)>,
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
    /// The old price of that variant when it is on sale, struck through.
    pub compare_at: Option<MoneyView>,
    /// In stock when any variant is.
    pub stock: StockState,
    /// The product's first photo.
    pub photo: Option<Shown>,
}

/// A product as a buyer reads it, with every variant's stock (SU-2).
pub struct ProductPage {
    pub id: i64,
    /// In the visitor's language, else the shop's.
    pub title: String,
    pub description: String,
    pub category: String,
    /// The category's name in the visitor's language.
    pub category_name: String,
    pub variants: Vec<VariantOffer>,
    /// The sizes and colours its variants come in, in catalogue order, as `(value, words)`.
    pub sizes: Vec<(String, String)>,
    pub colours: Vec<(String, String)>,
    /// Every photo in the owner's order; each shows one colour or all of them.
    pub photos: Vec<Shown>,
}

#[derive(Debug, Clone)]
pub struct VariantOffer {
    pub sku: String,
    /// Each option's name and value in the visitor's language.
    pub options: Vec<(String, String)>,
    pub size: Option<String>,
    pub colour: Option<String>,
    pub price: MoneyView,
    pub compare_at: Option<MoneyView>,
    pub stock: StockState,
}

impl ProductPage {
    /// The variant with this SKU, else the one with this size and colour, else the first in
    /// stock, else the first.
    pub fn pick(&self, sku: &str, size: &str, colour: &str) -> Option<&VariantOffer> {
        self.variants
            .iter()
            .find(|v| v.sku == sku)
            .or_else(|| self.choose(size, colour))
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| v.stock != StockState::OutOfStock)
            })
            .or_else(|| self.variants.first())
    }

    /// The variant with this size and colour (either may be left empty), if there is one.
    pub fn choose(&self, size: &str, colour: &str) -> Option<&VariantOffer> {
        let matches = |v: &&VariantOffer| {
            (size.is_empty() || v.size.as_deref() == Some(size))
                && (colour.is_empty() || v.colour.as_deref() == Some(colour))
        };
        self.variants.iter().find(matches)
    }
}

impl Shop {
    /// A page of the catalogue: a category, words to find, and every product's stock, in a
    /// fixed number of queries.
    pub async fn catalogue(&self, query: &CatalogueQuery, locale: &str) -> Result<Catalogue> {
        let settings = self.settings().await?;
        let currency = currency(settings.currency.as_str())?;
        let words_of = self.translations(locale).await?;
        let words: String = query.q.trim().chars().take(100).collect();
        let page = query.page.clamp(0, 10_000);
        let mut conn = self.store.read().await?;
        let categories = words_of
            .shown_categories()
            .map(|c| (c.code.clone(), words_of.category_name(c)))
            .collect();
        let search = store::storefront::Search {
            category: query.category.trim(),
            words: &words,
            limit: PAGE_SIZE + 1,
            offset: page * PAGE_SIZE,
        };
        let (mut products, variants, stock) = store::storefront::page(&mut conn, &search).await?;
        let more = products.len() as i64 > PAGE_SIZE;
        products.truncate(PAGE_SIZE as usize);
        let ids: Vec<i64> = products.iter().map(|p| p.id).collect();
        let mut covers = self
            .covers(&mut conn, &ids, &words_of.locale, &settings.default_locale)
            .await?;
        let cards = products
            .into_iter()
            .filter_map(|p| {
                let own: Vec<_> = variants.iter().filter(|v| v.product_id == p.id).collect();
                let cheapest = own.iter().min_by_key(|v| v.price_minor)?;
                let texts = parse_stored_texts(&p.texts).ok()?;
                let best = own
                    .iter()
                    .map(|v| StockState::of(stock.iter().find(|s| s.variant_id == v.id)))
                    .min_by_key(|s| *s as u8)?;
                Some(ProductCard {
                    id: p.id,
                    title: localized(&p.title, &texts, &words_of.locale, |t| &t.title).to_owned(),
                    category: words_of.category(&p.category),
                    price_from: MoneyView::new(cheapest.price_minor, currency),
                    compare_at: cheapest
                        .compare_at_minor
                        .map(|c| MoneyView::new(c, currency)),
                    stock: best,
                    photo: covers.remove(&p.id),
                })
            })
            .collect();
        Ok(Catalogue {
            categories,
            products: cards,
            more,
        })
    }

    /// An active product with its variants on sale and their stock, in the visitor's
    /// language; a draft or archived product is not there.
    pub async fn product_page(&self, id: i64, locale: &str) -> Result<ProductPage> {
        let settings = self.settings().await?;
        let currency = currency(settings.currency.as_str())?;
        let words_of = self.translations(locale).await?;
        let mut conn = self.store.read().await?;
        let product = store::catalog::product(&mut conn, id)
            .await?
            .filter(|p| p.status == ProductStatus::Active.as_str())
            .ok_or(Error::NotFound { what: "product" })?;
        let texts = parse_stored_texts(&product.texts)?;
        let (variants, stock) = store::storefront::variants_and_stock(&mut conn, &[id]).await?;
        let variants: Vec<VariantOffer> = variants
            .iter()
            .map(|v| {
                let options = parse_stored_options(&v.options)?;
                Ok(VariantOffer {
                    sku: v.sku.clone(),
                    size: options.get("size").cloned(),
                    colour: colour_of(&options).cloned(),
                    options: words_of.options(&options),
                    price: MoneyView::new(v.price_minor, currency),
                    compare_at: v.compare_at_minor.map(|c| MoneyView::new(c, currency)),
                    stock: StockState::of(stock.iter().find(|s| s.variant_id == v.id)),
                })
            })
            .collect::<Result<_>>()?;
        let distinct = |pick: fn(&VariantOffer) -> Option<&String>| {
            let mut seen: Vec<(String, String)> = Vec::new();
            for value in variants.iter().filter_map(pick) {
                if !seen.iter().any(|(v, _)| v == value) {
                    seen.push((value.clone(), words_of.word(value)));
                }
            }
            seen
        };
        let title = localized(&product.title, &texts, &words_of.locale, |t| &t.title);
        let description = localized(&product.description, &texts, &words_of.locale, |t| {
            &t.description
        });
        let photos = self
            .gallery(id, &words_of.locale, &settings.default_locale)
            .await?;
        Ok(ProductPage {
            photos,
            sizes: distinct(|v| v.size.as_ref()),
            colours: distinct(|v| v.colour.as_ref()),
            id: product.id,
            title: title.to_owned(),
            description: description.to_owned(),
            category_name: words_of.category(&product.category),
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
