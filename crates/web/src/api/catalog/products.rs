use app::catalog::{NewProduct, ProductView};
use app::catalog::{PromiseQuery, PromiseView};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::access::Permission;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::api::{Page, Paged};
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(create_product, list_products))
        .routes(routes!(get_product))
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

/// Adds a product with its variants (SU-2: a detailed description for every product).
#[utoipa::path(post, path = "/products", tag = "catalogue", request_body = NewProduct,
    responses((status = 201, body = ProductView), (status = 422, body = ErrorBody)))]
async fn create_product(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewProduct>,
) -> Result<(StatusCode, Json<ProductView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.create_product(&actor, &input).await?),
    ))
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
