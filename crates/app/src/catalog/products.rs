//! The catalogue: products with a detailed description in each of the shop's languages
//! (SU-2), their status, and variants with options, SKU, barcode and prices.

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::catalog::{
    ProductStatus, Sku, parse_barcode, parse_compare_at, parse_options, parse_title,
};
use domain::money::parse_price_minor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::idempotency;
use crate::kernel::views::{currency, stored};
use crate::{Error, MoneyView, Result, Shop};

/// A product as a form or a request writes it. On an update, a variant with an `id` is
/// rewritten, one without is added, and one left out stays as it is.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewProduct {
    /// The title in the shop's default language, shown where a language has none of its own.
    pub title: String,
    /// The full description a buyer reads before ordering (SU-2).
    #[serde(default)]
    pub description: String,
    /// The code of a category, or empty.
    #[serde(default)]
    pub category: String,
    /// `draft`, `active` (on the storefront) or `archived`; `active` when left out.
    #[serde(default = "active")]
    pub status: String,
    /// The title and description in the shop's other languages, by locale (`ru`, `nb`, ...).
    #[serde(default)]
    pub texts: BTreeMap<String, ProductText>,
    pub variants: Vec<NewVariant>,
}

fn active() -> String {
    ProductStatus::Active.as_str().into()
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, ToSchema)]
pub struct ProductText {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewVariant {
    /// The variant to rewrite, on an update; left out for a new one.
    #[serde(default)]
    pub id: Option<i64>,
    pub sku: String,
    /// Such as `{"size": "M", "colour": "Navy"}`.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    pub price_minor: i64,
    /// The old price a sale strikes through; above `price_minor`.
    #[serde(default)]
    pub compare_at_minor: Option<i64>,
    #[serde(default)]
    pub weight_grams: i64,
    /// An EAN-13, UPC-A (or other GTIN) with its check digit, or a Code 128 text.
    pub barcode: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub status: String,
    pub texts: BTreeMap<String, ProductText>,
    pub variants: Vec<VariantView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VariantView {
    pub id: i64,
    pub sku: String,
    pub options: BTreeMap<String, String>,
    pub price: MoneyView,
    pub compare_at: Option<MoneyView>,
    pub weight_grams: i64,
    pub barcode: Option<String>,
    /// No longer sold; kept for the orders that hold it.
    pub archived: bool,
}

/// A product made by a request, and whether it was made by an earlier one with the same
/// `Idempotency-Key`.
pub struct Created {
    pub product: ProductView,
    pub replayed: bool,
}

/// A product's input, checked: nothing is written until all of it is.
struct Checked {
    title: String,
    description: String,
    category: String,
    status: ProductStatus,
    texts: String,
    search: String,
    variants: Vec<CheckedVariant>,
}

struct CheckedVariant {
    id: Option<i64>,
    sku: Sku,
    options: String,
    price_minor: i64,
    compare_at_minor: Option<i64>,
    weight_grams: i64,
    barcode: Option<String>,
}

impl CheckedVariant {
    fn row(&self) -> store::catalog::NewVariant<'_> {
        store::catalog::NewVariant {
            sku: self.sku.as_ref(),
            options: &self.options,
            price_minor: self.price_minor,
            weight_grams: self.weight_grams,
            barcode: self.barcode.as_deref(),
            compare_at_minor: self.compare_at_minor,
        }
    }
}

fn check_description(field: &str, description: &str) -> Result<String> {
    let description = description.trim();
    if description.chars().count() > 20_000 {
        return Err(Error::field(
            field,
            "description_too_long",
            "a description is at most 20000 characters",
        ));
    }
    Ok(description.to_owned())
}

fn to_json(value: &impl Serialize) -> Result<String> {
    Ok(serde_json::to_string(value).map_err(|e| store::Error::Corrupt(e.to_string()))?)
}

/// Checks the whole input, naming the first field that is wrong (`variants[1].barcode`).
fn check(input: &NewProduct, languages: &[&str], new: bool) -> Result<Checked> {
    let title = parse_title(&input.title).field("title")?;
    let description = check_description("description", &input.description)?;
    let status = ProductStatus::parse(&input.status).field("status")?;
    let mut texts = BTreeMap::new();
    for (locale, text) in &input.texts {
        if !languages.contains(&locale.as_str()) {
            return Err(Error::field(
                format!("texts.{locale}"),
                "locale_not_sold_in",
                format!("the shop sells in {}", languages.join(", ")),
            ));
        }
        let blank = text.title.trim().is_empty() && text.description.trim().is_empty();
        if blank {
            continue;
        }
        let translated = ProductText {
            title: parse_title(&text.title).field(format!("texts.{locale}.title"))?,
            description: check_description(
                &format!("texts.{locale}.description"),
                &text.description,
            )?,
        };
        texts.insert(locale.clone(), translated);
    }
    if new && input.variants.is_empty() {
        return Err(Error::field(
            "variants",
            "variants_missing",
            "a product needs at least one variant to sell",
        ));
    }
    let mut variants: Vec<CheckedVariant> = Vec::with_capacity(input.variants.len());
    for (i, v) in input.variants.iter().enumerate() {
        let at = |name: &str| format!("variants[{i}].{name}");
        if new && v.id.is_some() {
            return Err(Error::field(
                at("id"),
                "variant_id_on_create",
                "a new product's variants are new: leave out their id",
            ));
        }
        let sku = Sku::parse(&v.sku).field(at("sku"))?;
        if variants.iter().any(|c| c.sku == sku) {
            return Err(Error::field(
                at("sku"),
                "sku_repeated",
                format!("SKU {sku} appears twice in this product"),
            ));
        }
        let options = parse_options(&v.options).field(at("options"))?;
        let price_minor = parse_price_minor(v.price_minor).field(at("price_minor"))?;
        let compare_at_minor = v
            .compare_at_minor
            .map(|c| parse_compare_at(price_minor, c))
            .transpose()
            .field(at("compare_at_minor"))?;
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
            .filter(|b| !b.trim().is_empty())
            .map(parse_barcode)
            .transpose()
            .field(at("barcode"))?;
        variants.push(CheckedVariant {
            id: v.id,
            sku,
            options: to_json(&options)?,
            price_minor,
            compare_at_minor,
            weight_grams: v.weight_grams,
            barcode,
        });
    }
    let mut searched: Vec<&str> = vec![&title, &description];
    for text in texts.values() {
        searched.extend([text.title.as_str(), text.description.as_str()]);
    }
    searched.extend(variants.iter().map(|v| v.sku.as_ref()));
    let search = store::catalog::search_text(searched);
    Ok(Checked {
        title,
        description,
        category: input.category.trim().to_owned(),
        status,
        texts: to_json(&texts)?,
        search,
        variants,
    })
}

/// A unique SKU or barcode clash names the variant's field.
fn variant_clash(i: usize) -> impl Fn(store::Error) -> Error {
    move |e| match e {
        store::Error::Duplicate(what) => Error::field(
            format!("variants[{i}].{what}"),
            "already_exists",
            format!("another variant already has this {what}"),
        ),
        other => other.into(),
    }
}

impl Checked {
    /// Rewrites the variants with an id and adds those without one.
    async fn write_variants(&self, conn: &mut store::Conn, id: i64) -> Result<()> {
        for (i, variant) in self.variants.iter().enumerate() {
            match variant.id {
                Some(variant_id) => {
                    let found =
                        store::catalog::update_variant(conn, id, variant_id, &variant.row())
                            .await
                            .map_err(variant_clash(i))?;
                    if !found {
                        return Err(Error::field(
                            format!("variants[{i}].id"),
                            "variant_unknown",
                            format!("product {id} has no variant {variant_id}"),
                        ));
                    }
                }
                None => {
                    store::catalog::insert_variant(conn, id, &variant.row())
                        .await
                        .map_err(variant_clash(i))?;
                }
            }
        }
        Ok(())
    }

    fn fields(&self) -> store::catalog::ProductFields<'_> {
        store::catalog::ProductFields {
            title: &self.title,
            description: &self.description,
            category: &self.category,
            status: self.status.as_str(),
            texts: &self.texts,
            search: &self.search,
        }
    }
}

/// A category code not known yet is made, named after its code until the owner names it, so
/// a product sent with its category needs no step before it.
async fn ensure_category(conn: &mut store::Conn, code: &str, now_ms: i64) -> Result<()> {
    ensure_named_category(conn, code, None, now_ms).await
}

/// As [`ensure_category`], naming a new category `name` where one is given (an import knows
/// the name another shop gave it).
async fn ensure_named_category(
    conn: &mut store::Conn,
    code: &str,
    name: Option<&str>,
    now_ms: i64,
) -> Result<()> {
    if code.is_empty()
        || store::catalog::categories::by_code(conn, code)
            .await?
            .is_some()
    {
        return Ok(());
    }
    let code = crate::catalog::categories::parse_code(code).map_err(|_| {
        Error::field(
            "category",
            "category_code_invalid",
            "a category code is 1 to 60 lowercase letters, digits or '-'",
        )
    })?;
    let name = name
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty() && n.chars().count() <= 100)
        .unwrap_or_else(|| crate::catalog::categories::capitalised(&code));
    let fields = store::catalog::categories::CategoryFields {
        parent_id: None,
        position: 0,
        name: &name,
        names: "{}",
    };
    store::catalog::categories::insert(conn, &code, &fields, now_ms).await?;
    Ok(())
}

/// Creates (`existing` none) or rewrites a product inside the caller's transaction, checked by
/// the same rules as [`Shop::create_product`] and [`Shop::update_product`]: the import's way
/// in, which writes a product and its handle together, or rolls back for a dry run.
pub(super) async fn put_product(
    conn: &mut store::Conn,
    languages: &[&str],
    existing: Option<i64>,
    input: &NewProduct,
    category_name: Option<&str>,
    now_ms: i64,
) -> Result<i64> {
    let checked = check(input, languages, existing.is_none())?;
    ensure_named_category(conn, &checked.category, category_name, now_ms).await?;
    let id = match existing {
        Some(id) => {
            if !store::catalog::update_product(conn, id, &checked.fields(), now_ms).await? {
                return Err(Error::NotFound { what: "product" });
            }
            id
        }
        None => store::catalog::insert_product(conn, &checked.fields(), None, now_ms).await?,
    };
    checked.write_variants(conn, id).await?;
    Ok(id)
}

impl Shop {
    /// Adds a product with its variants in one transaction. With an idempotency key, a retry
    /// answers with the first product and creates nothing; the same key with another body is
    /// refused.
    pub async fn create_product(
        &self,
        actor: &Actor,
        input: &NewProduct,
        idempotency_key: Option<&str>,
    ) -> Result<Created> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let checked = check(input, &settings.selling_languages(), true)?;
        let hash = idempotency::request_hash(input);
        if let Some(key) = idempotency_key {
            idempotency::check_key(key)?;
            if let Some(created) = self.replay_product(key, &hash).await? {
                return Ok(created);
            }
        }
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        ensure_category(&mut tx, &checked.category, now).await?;
        let idempotency = idempotency_key.map(|key| store::catalog::Idempotency {
            key,
            request_hash: &hash,
        });
        let id = match store::catalog::insert_product(
            &mut tx,
            &checked.fields(),
            idempotency.as_ref(),
            now,
        )
        .await
        {
            Ok(id) => id,
            // A concurrent retry with the same key got there first: answer with its product.
            Err(store::Error::Duplicate(_)) => {
                drop(tx);
                return self
                    .replay_product(idempotency_key.unwrap_or_default(), &hash)
                    .await?
                    .ok_or(Error::NotFound { what: "product" });
            }
            Err(other) => return Err(other.into()),
        };
        checked.write_variants(&mut tx, id).await?;
        tx.commit().await?;
        Ok(Created {
            product: self.product_or_missing(id).await?,
            replayed: false,
        })
    }

    async fn replay_product(&self, key: &str, hash: &str) -> Result<Option<Created>> {
        let existing =
            store::catalog::product_by_idempotency_key(&mut *self.store.read().await?, key).await?;
        let Some((id, stored_hash)) = existing else {
            return Ok(None);
        };
        if stored_hash.as_deref() != Some(hash) {
            return Err(Error::Conflict {
                code: "idempotency_key_reused",
                message: "this Idempotency-Key was used for a different product".into(),
            });
        }
        Ok(Some(Created {
            product: self.product_or_missing(id).await?,
            replayed: true,
        }))
    }

    async fn product_or_missing(&self, id: i64) -> Result<ProductView> {
        self.product(id)
            .await?
            .ok_or(Error::NotFound { what: "product" })
    }

    /// Rewrites a product and its listed variants in one transaction; adds the variants
    /// without an id.
    pub async fn update_product(
        &self,
        actor: &Actor,
        id: i64,
        input: &NewProduct,
    ) -> Result<ProductView> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let checked = check(input, &settings.selling_languages(), false)?;
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        ensure_category(&mut tx, &checked.category, now).await?;
        if !store::catalog::update_product(&mut tx, id, &checked.fields(), now).await? {
            return Err(Error::NotFound { what: "product" });
        }
        checked.write_variants(&mut tx, id).await?;
        tx.commit().await?;
        self.product_or_missing(id).await
    }

    /// A copy of a product as a draft, to edit into a new one: the same texts and options,
    /// each SKU with the new product's number added, no barcodes (a barcode is one item's).
    pub async fn duplicate_product(&self, actor: &Actor, id: i64) -> Result<ProductView> {
        actor.require(Permission::ManageCatalog)?;
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let product = store::catalog::product(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "product" })?;
        let variants = store::catalog::variants_of(&mut tx, id).await?;
        let search = store::catalog::search_text([product.title.as_str()]);
        let fields = store::catalog::ProductFields {
            title: &product.title,
            description: &product.description,
            category: &product.category,
            status: ProductStatus::Draft.as_str(),
            texts: &product.texts,
            search: &search,
        };
        let copy = store::catalog::insert_product(&mut tx, &fields, None, now).await?;
        for (i, v) in variants
            .iter()
            .filter(|v| v.archived_at.is_none())
            .enumerate()
        {
            let suffix = format!("-{copy}");
            let stem: String = v.sku.chars().take(64 - suffix.len()).collect();
            let sku = format!("{stem}{suffix}");
            let row = store::catalog::NewVariant {
                sku: &sku,
                options: &v.options,
                price_minor: v.price_minor,
                weight_grams: v.weight_grams,
                barcode: None,
                compare_at_minor: v.compare_at_minor,
            };
            store::catalog::insert_variant(&mut tx, copy, &row)
                .await
                .map_err(variant_clash(i))?;
        }
        store::catalog::photos::copy_photos(&mut tx, id, copy, now).await?;
        tx.commit().await?;
        self.product_or_missing(copy).await
    }

    /// Sets the status of several products at once (archiving one is setting `archived`).
    pub async fn set_product_status(
        &self,
        actor: &Actor,
        ids: &[i64],
        status: &str,
    ) -> Result<u64> {
        actor.require(Permission::ManageCatalog)?;
        let status = ProductStatus::parse(status).field("status")?;
        let ids = chosen(ids)?;
        let mut tx = self.store.begin_write().await?;
        let changed =
            store::catalog::set_status(&mut tx, ids, status.as_str(), self.now_ms()).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// Moves several products into a category (or none, with an empty code).
    pub async fn move_products(&self, actor: &Actor, ids: &[i64], category: &str) -> Result<u64> {
        actor.require(Permission::ManageCatalog)?;
        let ids = chosen(ids)?;
        let category = category.trim();
        let mut tx = self.store.begin_write().await?;
        ensure_category(&mut tx, category, self.now_ms()).await?;
        let moved = store::catalog::set_category(&mut tx, ids, category, self.now_ms()).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// Changes every price (and compare-at price) of these products' variants by a percentage,
    /// rounded to the minor unit and never below zero, all in one transaction. A compare-at
    /// price the rounding brings down to the price is dropped: there is no sale any more.
    pub async fn change_prices(&self, actor: &Actor, ids: &[i64], percent: f64) -> Result<u64> {
        actor.require(Permission::ManageCatalog)?;
        let change = domain::catalog::PriceChange::parse_percent(percent).field("percent")?;
        let ids = chosen(ids)?;
        let mut tx = self.store.begin_write().await?;
        let variants = store::catalog::variants_of_all(&mut tx, ids).await?;
        for v in &variants {
            let price = change.apply(v.price_minor);
            let compare_at = v
                .compare_at_minor
                .map(|c| change.apply(c))
                .filter(|c| *c > price);
            store::catalog::set_prices(&mut tx, v.id, price, compare_at).await?;
        }
        tx.commit().await?;
        Ok(variants.len() as u64)
    }

    /// Deletes a product nobody ever ordered; one that was ordered is refused, to be archived,
    /// so its orders keep their lines.
    pub async fn delete_product(&self, actor: &Actor, id: i64) -> Result<()> {
        actor.require(Permission::ManageCatalog)?;
        let mut tx = self.store.begin_write().await?;
        if store::catalog::ever_ordered(&mut tx, id).await? {
            return Err(Error::Conflict {
                code: "product_was_ordered",
                message:
                    "this product was ordered: archive it instead, so its orders keep their lines"
                        .into(),
            });
        }
        if !store::catalog::delete_product(&mut tx, id).await? {
            return Err(Error::NotFound { what: "product" });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Stops (or resumes) selling one variant; its orders keep their lines.
    pub async fn archive_variant(
        &self,
        actor: &Actor,
        product_id: i64,
        variant_id: i64,
        archived: bool,
    ) -> Result<ProductView> {
        actor.require(Permission::ManageCatalog)?;
        let at = archived.then(|| self.now_ms());
        let mut tx = self.store.begin_write().await?;
        if !store::catalog::set_variant_archived(&mut tx, product_id, variant_id, at).await? {
            return Err(Error::NotFound { what: "variant" });
        }
        tx.commit().await?;
        self.product_or_missing(product_id).await
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

    fn now_ms(&self) -> i64 {
        store::to_millis(self.now())
    }
}

/// What the back office's list of products asks for.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ProductSearch {
    /// Words in a title, description (any language, any case) or SKU.
    pub q: String,
    /// A category's code.
    pub category: String,
    /// `draft`, `active` or `archived`.
    pub status: String,
    /// `in_stock`, `low` or `sold_out`.
    pub stock: String,
    /// `title`, `price`, `price_desc`, `stock`, `updated`; newest first otherwise.
    pub sort: String,
}

/// A line of the back office's list of products.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductLine {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub status: String,
    pub variants: i64,
    pub price_from: Option<MoneyView>,
    /// Units free on the shop's own shelves, all variants together.
    pub available: i64,
    /// `in_stock`, `low` or `sold_out`.
    pub stock: &'static str,
}

impl Shop {
    /// The back office's list: words found in any alphabet and case (folded by Rust, since
    /// SQLite's `lower()` folds only ASCII), filters and a fixed set of orders.
    pub async fn product_lines(
        &self,
        actor: &Actor,
        search: &ProductSearch,
        paging: crate::listing::Paging,
    ) -> Result<Vec<ProductLine>> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let currency = currency(settings.currency.as_str())?;
        let words = crate::listing::search_words("q", &search.q)?;
        if !search.status.is_empty() {
            ProductStatus::parse(&search.status).field("status")?;
        }
        let stock = search.stock.trim();
        if !matches!(stock, "" | "in_stock" | "low" | "sold_out") {
            return Err(Error::field(
                "stock",
                "stock_invalid",
                format!("'{stock}' is not one of: in_stock, low, sold_out"),
            ));
        }
        let filter = store::catalog::listing::ListFilter {
            words,
            category: search.category.trim(),
            status: search.status.trim(),
            stock,
            low_below: settings.low_stock_units,
            sort: search.sort.trim(),
            limit: paging.limit,
            offset: paging.offset,
        };
        let rows = store::catalog::listing::list(&mut *self.store.read().await?, &filter).await?;
        Ok(rows
            .into_iter()
            .map(|r| ProductLine {
                stock: if r.available <= 0 {
                    "sold_out"
                } else if r.available < settings.low_stock_units {
                    "low"
                } else {
                    "in_stock"
                },
                id: r.id,
                title: r.title,
                category: r.category,
                status: r.status,
                variants: r.variants,
                price_from: r.price_from.map(|p| MoneyView::new(p, currency)),
                available: r.available,
            })
            .collect())
    }
}

/// The products a bulk action names: at least one, at most a page of the list.
fn chosen(ids: &[i64]) -> Result<&[i64]> {
    if ids.is_empty() || ids.len() > 500 {
        return Err(Error::field(
            "ids",
            "products_not_chosen",
            "choose 1 to 500 products",
        ));
    }
    Ok(ids)
}

pub(crate) fn parse_stored_options(json: &str) -> Result<BTreeMap<String, String>> {
    stored(
        "options",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("options", e.to_string())),
    )
}

pub(crate) fn parse_stored_texts(json: &str) -> Result<BTreeMap<String, ProductText>> {
    stored(
        "texts",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("texts", e.to_string())),
    )
}

fn product_view(
    product: store::catalog::ProductRow,
    variants: &[store::catalog::VariantRow],
    currency: domain::money::Currency,
) -> Result<ProductView> {
    Ok(ProductView {
        id: product.id,
        texts: parse_stored_texts(&product.texts)?,
        title: product.title,
        description: product.description,
        category: product.category,
        status: product.status,
        variants: variants
            .iter()
            .map(|v| {
                Ok(VariantView {
                    id: v.id,
                    sku: v.sku.clone(),
                    options: parse_stored_options(&v.options)?,
                    price: MoneyView::new(v.price_minor, currency),
                    compare_at: v.compare_at_minor.map(|c| MoneyView::new(c, currency)),
                    weight_grams: v.weight_grams,
                    barcode: v.barcode.clone(),
                    archived: v.archived_at.is_some(),
                })
            })
            .collect::<Result<_>>()?,
    })
}
