use app::catalog::{
    CategoryView, NewCategory, NewProduct, OptionWord, ProductLine, ProductSearch, ProductView,
};
use app::catalog::{PromiseQuery, PromiseView};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::access::Permission;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::api::{Page, Paged};
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, OptionalBody, Params, PathArg, created, idempotency_key};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(create_product, list_products))
        .routes(routes!(get_product, update_product, delete_product))
        .routes(routes!(archive_product))
        .routes(routes!(duplicate_product))
        .routes(routes!(archive_variant))
        .routes(routes!(product_lines))
        .routes(routes!(bulk_products))
        .routes(routes!(list_categories, create_category))
        .routes(routes!(update_category))
        .routes(routes!(archive_category))
        .routes(routes!(list_option_words, put_option_words))
        .routes(routes!(promise))
}

/// The delivery window the shop will keep for these goods, by this method, to this region, if
/// ordered now (CK-4, DL-5): transit learned from the shop's own deliveries, the cut-off, the
/// supplier's lead time and the working days.
#[utoipa::path(get, path = "/promise", tag = "catalogue", params(PromiseQuery),
    responses((status = 200, body = PromiseView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn promise(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<PromiseQuery>,
) -> Result<Json<PromiseView>, ApiError> {
    actor.require(Permission::ManageOrders)?;
    Ok(Json(shop.promise(&query).await?))
}

/// Adds a product with its variants (SU-2: a detailed description for every product), its
/// texts in the shop's languages and its status. With an `Idempotency-Key` header a retry
/// answers with the first product and creates nothing.
#[utoipa::path(post, path = "/products", tag = "catalogue", request_body = NewProduct,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses((status = 201, body = ProductView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    headers: HeaderMap,
    Body(input): Body<NewProduct>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let made = shop.create_product(&actor, &input, key).await?;
    Ok(created(made.product, made.replayed))
}

/// Rewrites a product: its texts, category and status, the variants listed with an `id`, and
/// adds those without one. Variants left out stay as they are.
#[utoipa::path(put, path = "/products/{id}", tag = "catalogue", params(("id" = i64, Path)), request_body = NewProduct,
    responses((status = 200, body = ProductView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn update_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<NewProduct>,
) -> Result<Json<ProductView>, ApiError> {
    Ok(Json(shop.update_product(&actor, id, &input).await?))
}

/// Deletes a product nobody ever ordered. One that was ordered is refused (409
/// `product_was_ordered`): archive it, so its orders keep their lines.
#[utoipa::path(delete, path = "/products/{id}", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn delete_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<StatusCode, ApiError> {
    shop.delete_product(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a product off the storefront for good; its orders keep their lines.
#[utoipa::path(post, path = "/products/{id}/archive", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 200, body = ProductView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn archive_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<ProductView>, ApiError> {
    if shop.set_product_status(&actor, &[id], "archived").await? == 0 {
        return Err(ApiError::not_found("product"));
    }
    get_product(State(shop), Caller(actor), PathArg(id)).await
}

/// A copy of a product as a draft: SKUs with the copy's number added, no barcodes.
#[utoipa::path(post, path = "/products/{id}/duplicate", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 201, body = ProductView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn duplicate_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<(StatusCode, Json<ProductView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.duplicate_product(&actor, id).await?),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
struct VariantArchive {
    /// False sells it again.
    #[serde(default = "yes")]
    archived: bool,
}

fn yes() -> bool {
    true
}

/// No body archives.
impl Default for VariantArchive {
    fn default() -> Self {
        Self { archived: true }
    }
}

/// Stops (or resumes) selling one variant; its orders keep their lines.
#[utoipa::path(post, path = "/products/{id}/variants/{variant}/archive", tag = "catalogue",
    params(("id" = i64, Path), ("variant" = i64, Path)), request_body = VariantArchive,
    responses((status = 200, body = ProductView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn archive_variant(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((id, variant)): PathArg<(i64, i64)>,
    OptionalBody(input): OptionalBody<VariantArchive>,
) -> Result<Json<ProductView>, ApiError> {
    Ok(Json(
        shop.archive_variant(&actor, id, variant, input.archived)
            .await?,
    ))
}

/// The back office's list: search in any alphabet and case, filters by category, status and
/// stock state, and a sort.
#[utoipa::path(get, path = "/products/lines", tag = "catalogue", params(ProductSearch, Page),
    responses((status = 200, body = [ProductLine]), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn product_lines(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(search): Params<ProductSearch>,
    Paged(page): Paged,
) -> Result<Json<Vec<ProductLine>>, ApiError> {
    Ok(Json(shop.product_lines(&actor, &search, page).await?))
}

/// One action on many products, in one transaction.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
enum BulkAction {
    /// `draft`, `active` or `archived`.
    Status { ids: Vec<i64>, status: String },
    /// Every variant's price (and compare-at price) by this percentage, such as `-10` or
    /// `12.5`, rounded to the minor unit and never below zero.
    Prices { ids: Vec<i64>, percent: f64 },
    /// Into the category of this code (empty for none).
    Category { ids: Vec<i64>, category: String },
}

#[derive(Debug, Serialize, ToSchema)]
struct BulkDone {
    /// Products (for status and category) or variants (for prices) changed.
    changed: u64,
}

#[utoipa::path(post, path = "/products/bulk", tag = "catalogue", request_body = BulkAction,
    responses((status = 200, body = BulkDone), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn bulk_products(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(action): Body<BulkAction>,
) -> Result<Json<BulkDone>, ApiError> {
    let changed = match action {
        BulkAction::Status { ids, status } => {
            shop.set_product_status(&actor, &ids, &status).await?
        }
        BulkAction::Prices { ids, percent } => shop.change_prices(&actor, &ids, percent).await?,
        BulkAction::Category { ids, category } => {
            shop.move_products(&actor, &ids, &category).await?
        }
    };
    Ok(Json(BulkDone { changed }))
}

/// Every category, in the owner's order, with its names per language.
#[utoipa::path(get, path = "/categories", tag = "catalogue",
    responses((status = 200, body = [CategoryView]), (status = 403, body = ErrorBody)))]
async fn list_categories(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<CategoryView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    Ok(Json(shop.categories().await?))
}

#[utoipa::path(post, path = "/categories", tag = "catalogue", request_body = NewCategory,
    responses((status = 201, body = CategoryView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_category(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewCategory>,
) -> Result<(StatusCode, Json<CategoryView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.create_category(&actor, &input).await?),
    ))
}

/// Renames, moves or reorders a category; its code stays.
#[utoipa::path(put, path = "/categories/{id}", tag = "catalogue", params(("id" = i64, Path)), request_body = NewCategory,
    responses((status = 200, body = CategoryView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn update_category(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<NewCategory>,
) -> Result<Json<CategoryView>, ApiError> {
    Ok(Json(shop.update_category(&actor, id, &input).await?))
}

/// Hides a category from the storefront; its products keep it.
#[utoipa::path(post, path = "/categories/{id}/archive", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 200, body = CategoryView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn archive_category(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<CategoryView>, ApiError> {
    Ok(Json(shop.archive_category(&actor, id, true).await?))
}

/// The translations of option names and values (`colour` reads `цвет` in ru).
#[utoipa::path(get, path = "/option-words", tag = "catalogue",
    responses((status = 200, body = [OptionWord]), (status = 403, body = ErrorBody)))]
async fn list_option_words(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<OptionWord>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    Ok(Json(shop.option_words().await?))
}

/// Sets translations of option words; an empty text removes one.
#[utoipa::path(put, path = "/option-words", tag = "catalogue", request_body = [OptionWord],
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_option_words(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(words): Body<Vec<OptionWord>>,
) -> Result<StatusCode, ApiError> {
    shop.put_option_words(&actor, &words).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ProductFilter {
    /// Only this category.
    category: Option<String>,
}

/// The catalogue, page by page.
#[utoipa::path(get, path = "/products", tag = "catalogue", params(ProductFilter, Page),
    responses((status = 200, body = [ProductView]), (status = 403, body = ErrorBody)))]
async fn list_products(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(filter): Params<ProductFilter>,
    Paged(page): Paged,
) -> Result<Json<Vec<ProductView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    let category = filter.category.unwrap_or_default();
    Ok(Json(
        shop.products(&category, page.limit, page.offset).await?,
    ))
}

/// One product with its variants.
#[utoipa::path(get, path = "/products/{id}", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 200, body = ProductView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<ProductView>, ApiError> {
    actor.require(Permission::ReadStock)?;
    shop.product(id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("product"))
}
