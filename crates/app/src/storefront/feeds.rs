//! What the feeds for marketplaces and ads hold (IN-1): every variant on sale of every product
//! on sale, in one of the shop's languages (SU-2), with its price, old price, stock, category
//! and photos (AS-1), read in a fixed number of queries per batch of products.

use std::collections::HashMap;

use domain::catalog::localized;
use domain::money::Currency;

use crate::catalog::{
    CategoryView, Translations, colour_of, parse_stored_options, parse_stored_texts, pictures_for,
};
use crate::kernel::views::currency;
use crate::{Error, MoneyView, Result, Shop};

use super::StockState;

/// Products read at once: the variants, stock and photos of a batch are one query each, and
/// the list of ids stays far below what either database takes as parameters.
const BATCH: usize = 500;
/// The most photos one item names (the marketplaces' own limit).
const MAX_PICTURES: usize = 10;
/// Categories sit at most this deep; a deeper chain is cut rather than followed for ever.
const MAX_DEPTH: usize = 16;

/// The shop's catalogue as another sales channel reads it, in one language.
pub struct Feed {
    pub shop_name: String,
    /// The storefront's address, without a trailing `/`.
    pub url: String,
    pub locale: String,
    pub currency: Currency,
    /// When it was made, in the shop's time zone.
    pub made_at: jiff::civil::DateTime,
    /// The categories shown and those the items sit in, with those above them, in the owner's
    /// order.
    pub categories: Vec<FeedCategory>,
    pub items: Vec<FeedItem>,
}

pub struct FeedCategory {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// In the feed's language, else the shop's.
    pub name: String,
}

/// One variant on sale.
pub struct FeedItem {
    pub variant_id: i64,
    pub product_id: i64,
    pub sku: String,
    pub title: String,
    pub description: String,
    /// The product's page with this variant chosen, absolute.
    pub link: String,
    pub price: MoneyView,
    /// The old price a sale strikes through.
    pub compare_at: Option<MoneyView>,
    pub stock: StockState,
    /// The day a variant only a supplier has can ship, by the supplier's lead time.
    pub ships_on: Option<jiff::civil::Date>,
    pub category_id: Option<i64>,
    /// The names from the top category down to its own, in the feed's language.
    pub category_path: Vec<String>,
    /// Absolute addresses of its colour's photos, at most ten.
    pub pictures: Vec<String>,
    pub barcode: Option<String>,
    /// Each option's name and value in the feed's language.
    pub options: Vec<(String, String)>,
    pub size: Option<String>,
    pub colour: Option<String>,
}

impl Shop {
    /// The feed in `locale`, one of the shop's selling languages (its default when `None`); a
    /// language it does not sell in is refused with the ones it does.
    pub async fn feed(&self, locale: Option<&str>) -> Result<Feed> {
        let settings = self.settings().await?;
        let languages = settings.selling_languages();
        let locale = match locale.map(str::trim) {
            None | Some("") => settings.default_locale.as_str(),
            Some(l) if languages.contains(&l) => l,
            Some(l) => {
                let shown: String = l.chars().take(20).collect();
                return Err(Error::field(
                    "lang",
                    "locale_not_sold_in",
                    format!(
                        "the shop does not sell in '{shown}'; it sells in {}",
                        languages.join(", ")
                    ),
                ));
            }
        };
        let currency = currency(settings.currency.as_str())?;
        let words_of = self.translations(locale).await?;
        let url = settings.public_url.trim().trim_end_matches('/').to_owned();
        let tz = jiff::tz::TimeZone::get(&settings.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        let now = self.now().to_zoned_datetime(tz);
        let today = now.date();
        let mut conn = self.store.read().await?;
        let products = store::storefront::active_products(&mut conn).await?;
        let mut items = Vec::new();
        for batch in products.chunks(BATCH) {
            let ids: Vec<i64> = batch.iter().map(|p| p.id).collect();
            let (variants, stock) = store::storefront::variants_and_stock(&mut conn, &ids).await?;
            let stock: HashMap<i64, _> = stock.iter().map(|s| (s.variant_id, s)).collect();
            let leads: HashMap<i64, i64> = store::storefront::supplier_lead_days(&mut conn, &ids)
                .await?
                .into_iter()
                .collect();
            let pictures = self.pictures(&mut conn, &ids).await?;
            for product in batch {
                let texts = parse_stored_texts(&product.texts)?;
                let title = localized(&product.title, &texts, locale, |t| &t.title);
                let description =
                    localized(&product.description, &texts, locale, |t| &t.description);
                let category = words_of
                    .all_categories()
                    .iter()
                    .find(|c| c.code == product.category);
                let own_pictures = pictures.get(&product.id).map_or(&[][..], Vec::as_slice);
                for v in variants.iter().filter(|v| v.product_id == product.id) {
                    let options = parse_stored_options(&v.options)?;
                    let colour = colour_of(&options);
                    let stock = StockState::of(stock.get(&v.id).copied());
                    let ships_on = match stock {
                        StockState::FromSupplier => leads.get(&v.id).and_then(|days| {
                            let wait = jiff::Span::new().try_days(*days).ok()?;
                            today.checked_add(wait).ok()
                        }),
                        _ => None,
                    };
                    items.push(FeedItem {
                        variant_id: v.id,
                        product_id: product.id,
                        sku: v.sku.clone(),
                        title: title.to_owned(),
                        description: description.to_owned(),
                        link: format!("{url}/products/{}?sku={}", product.id, v.sku),
                        price: MoneyView::new(v.price_minor, currency),
                        compare_at: v
                            .compare_at_minor
                            .filter(|c| *c > v.price_minor)
                            .map(|c| MoneyView::new(c, currency)),
                        stock,
                        ships_on,
                        category_id: category.map(|c| c.id),
                        category_path: category.map(|c| path_of(&words_of, c)).unwrap_or_default(),
                        pictures: pictures_for(own_pictures, colour)
                            .into_iter()
                            .take(MAX_PICTURES)
                            .map(|p| format!("{url}{}", p.url))
                            .collect(),
                        barcode: v.barcode.clone().filter(|b| !b.trim().is_empty()),
                        size: options.get("size").map(|s| words_of.word(s)),
                        colour: colour.map(|c| words_of.word(c)),
                        options: words_of.options(&options),
                    });
                }
            }
        }
        Ok(Feed {
            categories: categories_of(&words_of, &items),
            shop_name: settings.name.clone(),
            url,
            locale: locale.to_owned(),
            currency,
            made_at: now.datetime(),
            items,
        })
    }
}

/// The category's ancestors and itself, the top first.
fn chain<'a>(words_of: &'a Translations, category: &'a CategoryView) -> Vec<&'a CategoryView> {
    let all = words_of.all_categories();
    let mut chain = vec![category];
    let mut next = category.parent_id;
    while let Some(id) = next {
        let Some(parent) = all.iter().find(|c| c.id == id) else {
            break;
        };
        if chain.len() >= MAX_DEPTH || chain.iter().any(|c| c.id == parent.id) {
            break;
        }
        chain.push(parent);
        next = parent.parent_id;
    }
    chain.reverse();
    chain
}

fn path_of(words_of: &Translations, category: &CategoryView) -> Vec<String> {
    chain(words_of, category)
        .into_iter()
        .map(|c| words_of.category_name(c))
        .collect()
}

/// The categories shown on the storefront and those the items sit in, each with the ones
/// above it, in the owner's order: a marketplace refuses an item in a category it was not
/// told of, and a parent it was not told of.
fn categories_of(words_of: &Translations, items: &[FeedItem]) -> Vec<FeedCategory> {
    let wanted: Vec<i64> = words_of
        .all_categories()
        .iter()
        .filter(|c| !c.archived || items.iter().any(|i| i.category_id == Some(c.id)))
        .flat_map(|c| chain(words_of, c))
        .map(|c| c.id)
        .collect();
    let listed: Vec<&CategoryView> = words_of
        .all_categories()
        .iter()
        .filter(|c| wanted.contains(&c.id))
        .collect();
    listed
        .iter()
        .map(|c| FeedCategory {
            id: c.id,
            // A parent cut off by a loop or a missing row is left out rather than named.
            parent_id: c
                .parent_id
                .filter(|p| listed.iter().any(|l| l.id == *p) && *p != c.id),
            name: words_of.category_name(c),
        })
        .collect()
}
