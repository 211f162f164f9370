//! The catalogue in the back office, for owners and managers: the list of products with search,
//! filters, sorting and bulk actions, and the product form with its texts in each of the shop's
//! languages and its variants (SU-2). Every action is the API's use case.

use app::catalog::{NewProduct, NewVariant, ProductLine, ProductSearch, ProductText, ProductView};
use app::listing::Paging;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use domain::catalog::ProductStatus;
use domain::money::parse_amount;
use serde::Deserialize;

use super::frame::{Frame, money_text, typed_amount};
use super::photos::PhotoSection;
use super::session::{Me, PageError, encode, render};

const PAGE_SIZE: i64 = 50;
const STOCK_STATES: [&str; 3] = ["in_stock", "low", "sold_out"];
const SORTS: [&str; 5] = ["title", "price", "price_desc", "stock", "updated"];
/// Option names a product's variants share (colour, size, ...), as on Shopify's form.
const OPTIONS: usize = 3;

/// The catalogue is the work of owners and managers; the page says so before anything is typed.
pub(super) fn catalog_keeper(me: &Me) -> Result<(), PageError> {
    if me.staff.may(Permission::ManageCatalog) {
        Ok(())
    } else {
        Err(app::Error::Forbidden.into())
    }
}

/// A category as a select shows it: its code and its name in the reader's language.
pub(super) struct CategoryChoice {
    code: String,
    name: String,
}

/// The categories not archived, plus `current` when it is (a product keeps its category).
async fn category_choices(
    shop: &app::Shop,
    me: &Me,
    current: &str,
) -> Result<Vec<CategoryChoice>, PageError> {
    let words = shop.translations(me.lang.code).await?;
    Ok(shop
        .categories()
        .await?
        .iter()
        .filter(|c| !c.archived || c.code == current)
        .map(|c| CategoryChoice {
            code: c.code.clone(),
            name: words.category_name(c),
        })
        .collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    #[serde(flatten)]
    search: ProductSearch,
    page: i64,
}

#[derive(Template)]
#[template(path = "pages/products.html")]
struct ListPage {
    f: Frame,
    lines: Vec<ProductLine>,
    query: ListQuery,
    categories: Vec<CategoryChoice>,
    statuses: Vec<&'static str>,
    stock_states: [&'static str; 3],
    sorts: [&'static str; 5],
    page: i64,
    more: bool,
    /// The filters as a query string, for the pages before and after and the way back.
    filters: String,
    /// The storefront's address, before the feeds' paths (IN-1), and its languages.
    feed_base: String,
    feed_languages: String,
}

impl ListPage {
    fn category_name(&self, code: &str) -> String {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map_or_else(|| code.to_owned(), |c| c.name.clone())
    }
}

fn filters_of(search: &ProductSearch) -> String {
    [
        ("q", &search.q),
        ("category", &search.category),
        ("status", &search.status),
        ("stock", &search.stock),
        ("sort", &search.sort),
    ]
    .iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(name, value)| format!("{name}={}&", encode(value)))
    .collect()
}

pub async fn list(
    State(shop): State<app::Shop>,
    me: Me,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    let page = query.page.max(1);
    // One line more than shown tells whether there is a next page.
    let paging = Paging::parse(Some(PAGE_SIZE + 1), Some((page - 1) * PAGE_SIZE))?;
    let mut lines = shop
        .product_lines(me.actor(), &query.search, paging)
        .await?;
    let more = lines.len() as i64 > PAGE_SIZE;
    lines.truncate(PAGE_SIZE as usize);
    let settings = shop.settings().await?;
    let view = ListPage {
        feed_base: settings.public_url.trim().trim_end_matches('/').to_owned(),
        feed_languages: settings.selling_languages().join(", "),
        f: me.frame("products", "products-title"),
        categories: category_choices(&shop, &me, &query.search.category).await?,
        filters: filters_of(&query.search),
        lines,
        query,
        statuses: ProductStatus::ALL.iter().map(|s| s.as_str()).collect(),
        stock_states: STOCK_STATES,
        sorts: SORTS,
        page,
        more,
    };
    Ok(render(&view))
}

/// The list's bulk form: the ticked products, the action's button and its value.
#[derive(Default)]
struct BulkForm {
    ids: Vec<i64>,
    action: String,
    status: String,
    percent: String,
    category: String,
    back: String,
}

fn bulk_form(body: &[u8]) -> BulkForm {
    let mut form = BulkForm::default();
    for (name, value) in form_urlencoded::parse(body) {
        match &*name {
            "id" => form.ids.extend(value.trim().parse::<i64>().ok()),
            "action" => form.action = value.into_owned(),
            "status" => form.status = value.into_owned(),
            "percent" => form.percent = value.into_owned(),
            "category" => form.category = value.into_owned(),
            "back" => form.back = value.into_owned(),
            _ => {}
        }
    }
    form
}

/// A percentage as a person types it: `10`, `+10`, `-5,5`.
fn percent_of(text: &str) -> Result<f64, app::Error> {
    let cleaned = text.trim().trim_end_matches('%').trim().replace(',', ".");
    cleaned.parse().map_err(|_| {
        app::Error::field(
            "percent",
            "percent_invalid",
            format!("'{text}' is not a percentage"),
        )
    })
}

/// One bulk action on the ticked products, then back to the same page of the list with what
/// was done, or why not, as the notice.
pub async fn bulk(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = bulk_form(&body);
    // The form's first button, pressed by Enter, changes prices.
    let done = match form.action.as_str() {
        "status" => {
            shop.set_product_status(me.actor(), &form.ids, &form.status)
                .await
        }
        "category" => {
            shop.move_products(me.actor(), &form.ids, &form.category)
                .await
        }
        _ => match percent_of(&form.percent) {
            Ok(percent) => shop.change_prices(me.actor(), &form.ids, percent).await,
            Err(err) => Err(err),
        },
    };
    let notice = match done {
        Ok(_) => me.lang.text_with(
            "products-bulk-done",
            &[("count", (form.ids.len() as i64).into())],
        ),
        Err(app::Error::Store(err)) => return Err(app::Error::Store(err).into()),
        Err(err) => me.explain(&err),
    };
    me.notice(&shop, &notice).await?;
    Ok(Redirect::to(&back_to_list(&form.back)).into_response())
}

/// The list with the filters it was on. The query string is the page's own, made of encoded
/// ASCII; anything else is dropped, so no header can be broken.
fn back_to_list(query: &str) -> String {
    let query: String = query.chars().filter(char::is_ascii_graphic).collect();
    format!("/admin/products?{query}")
}

/// One variant row of the form, as typed.
#[derive(Debug, Clone, Default)]
struct VariantRow {
    id: Option<i64>,
    sku: String,
    barcode: String,
    price: String,
    compare_at: String,
    weight: String,
    values: [String; OPTIONS],
}

impl VariantRow {
    /// The typed fields, named as the use case names them.
    fn cells(&self) -> [(&'static str, &str); 5] {
        [
            ("sku", &self.sku),
            ("barcode", &self.barcode),
            ("price_minor", &self.price),
            ("compare_at_minor", &self.compare_at),
            ("weight_grams", &self.weight),
        ]
    }

    fn blank(&self) -> bool {
        self.id.is_none()
            && self.cells().iter().all(|(_, v)| v.trim().is_empty())
            && self.values.iter().all(|v| v.trim().is_empty())
    }
}

/// A title and description in one of the shop's languages.
#[derive(Debug, Clone, Default)]
struct TextRow {
    locale: String,
    title: String,
    description: String,
}

/// The product form as typed, kept whole when the form is refused.
#[derive(Debug, Clone, Default)]
struct ProductForm {
    texts: Vec<TextRow>,
    category: String,
    status: String,
    options: [String; OPTIONS],
    variants: Vec<VariantRow>,
    /// Archived variants, shown without fields: left out of a save, they stay as they are.
    archived: Vec<VariantRow>,
}

/// A price in minor units typed as the shop writes money, or a refusal naming the field.
fn minor(field: &str, text: &str) -> Result<i64, app::Error> {
    parse_amount(text).map_err(|e| app::Error::field(field, e.code, e.message))
}

impl ProductForm {
    /// An empty form in the shop's languages, the default first.
    fn new(settings: &domain::settings::ShopSettings) -> Self {
        Self {
            texts: settings
                .selling_languages()
                .into_iter()
                .map(|locale| TextRow {
                    locale: locale.to_owned(),
                    ..TextRow::default()
                })
                .collect(),
            status: ProductStatus::Active.as_str().into(),
            ..Self::default()
        }
    }

    fn of(product: &ProductView, settings: &domain::settings::ShopSettings) -> Self {
        let mut form = Self::new(settings);
        for text in &mut form.texts {
            let (title, description) = if text.locale == settings.default_locale {
                (&product.title, &product.description)
            } else {
                match product.texts.get(&text.locale) {
                    Some(t) => (&t.title, &t.description),
                    None => continue,
                }
            };
            text.title = title.clone();
            text.description = description.clone();
        }
        let mut names: Vec<&String> = Vec::new();
        for name in product.variants.iter().flat_map(|v| v.options.keys()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        for (slot, name) in form.options.iter_mut().zip(names) {
            slot.clone_from(name);
        }
        form.category = product.category.clone();
        form.status = product.status.clone();
        for v in &product.variants {
            let row = VariantRow {
                id: Some(v.id),
                sku: v.sku.clone(),
                barcode: v.barcode.clone().unwrap_or_default(),
                price: typed_amount(v.price.amount_minor),
                compare_at: v
                    .compare_at
                    .as_ref()
                    .map(|c| typed_amount(c.amount_minor))
                    .unwrap_or_default(),
                weight: v.weight_grams.to_string(),
                values: std::array::from_fn(|i| {
                    v.options.get(&form.options[i]).cloned().unwrap_or_default()
                }),
            };
            if v.archived {
                form.archived.push(row);
            } else {
                form.variants.push(row);
            }
        }
        form
    }

    /// Reads the fields: `title.nb`, `description.nb`, `option1`, `v0.sku`, `v0.value1`, ...
    fn parse(body: &[u8], settings: &domain::settings::ShopSettings) -> Self {
        let mut form = Self::new(settings);
        for (name, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            let (head, tail) = name.split_once('.').unwrap_or((&name, ""));
            match (head, tail) {
                ("title" | "description", locale) => {
                    if let Some(text) = form.texts.iter_mut().find(|t| t.locale == locale) {
                        if head == "title" {
                            text.title = value;
                        } else {
                            text.description = value;
                        }
                    }
                }
                ("category", _) => form.category = value,
                ("status", _) => form.status = value,
                (option, "") if option.starts_with("option") => {
                    if let Some(slot) = slot_of(option, "option") {
                        form.options[slot] = value;
                    }
                }
                (row, field) if row.starts_with('v') => {
                    let Some(i) = row[1..].parse::<usize>().ok().filter(|i| *i < 500) else {
                        continue;
                    };
                    if form.variants.len() <= i {
                        form.variants.resize(i + 1, VariantRow::default());
                    }
                    let v = &mut form.variants[i];
                    match field {
                        "id" => v.id = value.trim().parse().ok(),
                        "sku" => v.sku = value,
                        "barcode" => v.barcode = value,
                        "price_minor" => v.price = value,
                        "compare_at_minor" => v.compare_at = value,
                        "weight_grams" => v.weight = value,
                        other => {
                            if let Some(slot) = slot_of(other, "value") {
                                v.values[slot] = value;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        form
    }

    /// The rows that are filled in, with their place on the form.
    fn filled(&self) -> impl Iterator<Item = (usize, &VariantRow)> {
        self.variants.iter().enumerate().filter(|(_, v)| !v.blank())
    }

    /// What the use case takes. A price that cannot be read is refused naming its row.
    fn product(&self, default_locale: &str) -> Result<NewProduct, app::Error> {
        let mut product = NewProduct {
            title: String::new(),
            description: String::new(),
            category: self.category.trim().to_owned(),
            status: self.status.clone(),
            texts: Default::default(),
            variants: Vec::new(),
        };
        for text in &self.texts {
            if text.locale == default_locale {
                product.title.clone_from(&text.title);
                product.description.clone_from(&text.description);
            } else {
                product.texts.insert(
                    text.locale.clone(),
                    ProductText {
                        title: text.title.clone(),
                        description: text.description.clone(),
                    },
                );
            }
        }
        for (k, (_, v)) in self.filled().enumerate() {
            let at = |name: &str| format!("variants[{k}].{name}");
            let options = self
                .options
                .iter()
                .zip(&v.values)
                .filter(|(name, value)| !name.trim().is_empty() && !value.trim().is_empty())
                .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
                .collect();
            let weight = v.weight.trim();
            product.variants.push(NewVariant {
                id: v.id,
                sku: v.sku.clone(),
                options,
                price_minor: minor(&at("price_minor"), &v.price)?,
                compare_at_minor: match v.compare_at.trim() {
                    "" => None,
                    typed => Some(minor(&at("compare_at_minor"), typed)?),
                },
                weight_grams: if weight.is_empty() {
                    0
                } else {
                    weight.parse().map_err(|_| {
                        app::Error::field(
                            at("weight_grams"),
                            "weight_invalid",
                            format!("'{weight}' is not a weight in grams"),
                        )
                    })?
                },
                barcode: Some(v.barcode.clone()),
            });
        }
        Ok(product)
    }

    /// The use case names a field as the API does (`texts.ru.title`, `variants[1].barcode`,
    /// the variant by its place among the filled rows); the form as `title.ru`, `variants[2].barcode`.
    fn form_field(&self, field: &str, default_locale: &str) -> String {
        if let Some(rest) = field.strip_prefix("texts.")
            && let Some((locale, name)) = rest.split_once('.')
        {
            return format!("{name}.{locale}");
        }
        if matches!(field, "title" | "description") {
            return format!("{field}.{default_locale}");
        }
        let Some((k, tail)) = field
            .strip_prefix("variants[")
            .and_then(|rest| rest.split_once(']'))
        else {
            return field.to_owned();
        };
        let row = k
            .parse::<usize>()
            .ok()
            .and_then(|k| self.filled().nth(k))
            .map_or(0, |(row, _)| row);
        format!("variants[{row}]{tail}")
    }
}

/// `option2` is slot 1; the form has [`OPTIONS`] slots.
fn slot_of(name: &str, prefix: &str) -> Option<usize> {
    name.strip_prefix(prefix)?
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=OPTIONS).contains(n))
        .map(|n| n - 1)
}

#[derive(Template)]
#[template(path = "pages/product.html")]
struct FormPage {
    f: Frame,
    /// The product being edited; none for a new one.
    id: Option<i64>,
    form: ProductForm,
    categories: Vec<CategoryChoice>,
    statuses: Vec<&'static str>,
    /// The field a refusal is about, as the form names it, and why.
    problem: Option<(String, String)>,
    currency: String,
    /// An existing product's photos.
    photos: Option<PhotoSection>,
}

impl FormPage {
    /// A form field's name, such as `title.ru`.
    fn named(&self, name: &str, locale: &str) -> String {
        format!("{name}.{locale}")
    }

    /// A variant row's field as a refusal names it, such as `variants[2].barcode`.
    fn at(&self, row: &usize, key: &str) -> String {
        format!("variants[{row}].{key}")
    }

    /// The option's name as typed above the variants, or "Option 2" until it has one.
    fn option_label(&self, n: &usize) -> String {
        match self.form.options.get(n - 1).map(|name| name.trim()) {
            Some(name) if !name.is_empty() => name.to_owned(),
            _ => self.f.t1("product-option-n", "n", n),
        }
    }

    /// Why this field was refused, if it was.
    fn problem_at(&self, field: &str) -> Option<&str> {
        self.problem
            .as_ref()
            .filter(|(at, _)| at == field)
            .map(|(_, why)| why.as_str())
    }

    /// The refused field in words: "Variant 2 · Barcode", "Title (Русский)".
    fn field_words(&self, field: &str) -> String {
        let f = &self.f;
        if let Some((row, name)) = field
            .strip_prefix("variants[")
            .and_then(|rest| rest.split_once("]."))
        {
            let n = row.parse::<i64>().unwrap_or(0) + 1;
            return format!(
                "{} · {}",
                f.lang.text_with("product-variant-n", &[("n", n.into())]),
                f.label("product-field", name)
            );
        }
        match field.split_once('.') {
            Some((name, locale)) => format!(
                "{} ({})",
                f.label("product-field", name),
                self.f.language_name(locale)
            ),
            None => f.label("product-field", field),
        }
    }

    /// The row's price as the manager's language writes money, for the archived rows.
    fn money(&self, typed: &str) -> String {
        parse_amount(typed).map_or_else(
            |_| typed.to_owned(),
            |m| money_text(m, &self.currency, self.f.lang.code),
        )
    }
}

async fn show_form(
    shop: &app::Shop,
    me: &Me,
    id: Option<i64>,
    form: ProductForm,
    refused: Option<app::Error>,
) -> Result<Response, PageError> {
    show_form_with(shop, me, id, form, refused, None).await
}

/// The form, with a refusal of the product's fields or of its photos (said in their section).
async fn show_form_with(
    shop: &app::Shop,
    me: &Me,
    id: Option<i64>,
    form: ProductForm,
    refused: Option<app::Error>,
    photo_problem: Option<(String, StatusCode)>,
) -> Result<Response, PageError> {
    let (problem, status) = match refused {
        None => (None, StatusCode::OK),
        Some(app::Error::Store(err)) => return Err(app::Error::Store(err).into()),
        Some(err) => {
            let field = match &err {
                app::Error::Invalid { field, .. } => {
                    form.form_field(field, &me.settings.default_locale)
                }
                _ => String::new(),
            };
            (Some((field, me.explain(&err))), Me::refused_status(&err))
        }
    };
    let title = if id.is_some() {
        "product-edit-title"
    } else {
        "product-new-title"
    };
    let view = FormPage {
        f: me.frame("products", title),
        categories: category_choices(shop, me, &form.category).await?,
        statuses: ProductStatus::ALL.iter().map(|s| s.as_str()).collect(),
        currency: me.settings.currency.as_str().to_owned(),
        photos: match id {
            Some(id) => Some(PhotoSection::of(shop, me, id, photo_problem.as_ref()).await?),
            None => None,
        },
        id,
        form,
        problem,
    };
    let status = photo_problem.map_or(status, |(_, status)| status);
    Ok((status, render(&view)).into_response())
}

/// The form shows one empty row more than the product has, to add a variant without a script.
fn with_empty_row(mut form: ProductForm) -> ProductForm {
    form.variants.push(VariantRow::default());
    form
}

pub async fn new_form(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    let form = with_empty_row(ProductForm::new(&me.settings));
    show_form(&shop, &me, None, form, None).await
}

pub async fn edit_form(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    edit_page(&shop, &me, id, None).await
}

/// A product's form as saved, with a refusal of its photos when there is one.
pub(super) async fn edit_page(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    photo_problem: Option<(String, StatusCode)>,
) -> Result<Response, PageError> {
    catalog_keeper(me)?;
    let product = shop
        .product(id)
        .await?
        .ok_or(app::Error::NotFound { what: "product" })?;
    let form = with_empty_row(ProductForm::of(&product, &me.settings));
    show_form_with(shop, me, Some(id), form, None, photo_problem).await
}

/// Whether the form's "add a variant" button sent it, rather than "save".
fn adds_a_row(body: &[u8]) -> bool {
    form_urlencoded::parse(body).any(|(name, value)| name == "more" && value == "1")
}

/// Saves a new product (`id` none) or an edited one; "add a variant" shows the form again
/// with one more row and saves nothing.
async fn save(
    shop: &app::Shop,
    me: &Me,
    id: Option<i64>,
    body: &[u8],
) -> Result<Response, PageError> {
    catalog_keeper(me)?;
    let form = ProductForm::parse(body, &me.settings);
    if adds_a_row(body) {
        return show_form(shop, me, id, with_empty_row(form), None).await;
    }
    let saved = async {
        let input = form.product(&me.settings.default_locale)?;
        match id {
            Some(id) => shop.update_product(me.actor(), id, &input).await,
            None => shop
                .create_product(me.actor(), &input, None)
                .await
                .map(|created| created.product),
        }
    }
    .await;
    match saved {
        Ok(product) => {
            me.notice(shop, &me.lang.text("product-saved")).await?;
            Ok(Redirect::to(&format!("/admin/products/{}", product.id)).into_response())
        }
        Err(err) => show_form(shop, me, id, form, Some(err)).await,
    }
}

pub async fn create(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    save(&shop, &me, None, &body).await
}

pub async fn update(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    save(&shop, &me, Some(id), &body).await
}

/// A draft copy of the product, opened in the form to be edited into a new one.
pub async fn duplicate(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let copy = shop.duplicate_product(me.actor(), id).await?;
    me.notice(&shop, &me.lang.text("product-duplicated"))
        .await?;
    Ok(Redirect::to(&format!("/admin/products/{}", copy.id)).into_response())
}

/// Archived, never deleted: the orders that hold it keep their lines.
pub async fn archive(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    shop.set_product_status(me.actor(), &[id], ProductStatus::Archived.as_str())
        .await?;
    me.notice(&shop, &me.lang.text("product-archived")).await?;
    Ok(Redirect::to("/admin/products").into_response())
}

#[derive(Debug, Deserialize)]
pub struct VariantPath {
    id: i64,
    variant: i64,
}

/// Stops selling one variant; the others and the product stay.
pub async fn archive_variant(
    State(shop): State<app::Shop>,
    me: Me,
    Path(at): Path<VariantPath>,
) -> Result<Response, PageError> {
    shop.archive_variant(me.actor(), at.id, at.variant, true)
        .await?;
    me.notice(&shop, &me.lang.text("product-variant-archived"))
        .await?;
    Ok(Redirect::to(&format!("/admin/products/{}", at.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_the_row_the_manager_filled() {
        let settings = domain::settings::ShopSettings::default();
        let form = ProductForm::parse(
            b"title.en=Hat&v0.sku=&v1.sku=HAT-1&v1.price_minor=1+490%2C00&v2.sku=HAT-2&v2.price_minor=10",
            &settings,
        );
        let product = form.product("en").expect("a product");
        assert_eq!(product.variants.len(), 2);
        assert_eq!(product.variants[0].price_minor, 149_000);
        assert_eq!(
            form.form_field("variants[1].barcode", "en"),
            "variants[2].barcode"
        );
        assert_eq!(form.form_field("title", "en"), "title.en");
        assert_eq!(form.form_field("texts.ru.title", "en"), "title.ru");
    }

    #[test]
    fn percentages_are_read_as_typed() {
        assert_eq!(percent_of("+10").ok(), Some(10.0));
        assert_eq!(percent_of("-5,5 %").ok(), Some(-5.5));
        assert!(percent_of("ten").is_err());
    }
}
