use app::catalog::{LocationView, NewLocation, SetStock, StockView};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::access::Permission;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(create_location, list_locations))
        .routes(routes!(put_stock))
        .routes(routes!(get_stock))
}

/// Adds a warehouse, a retail store or a supplier (ST-2).
#[utoipa::path(post, path = "/locations", tag = "stock", request_body = NewLocation,
    responses((status = 201, body = LocationView), (status = 422, body = ErrorBody)))]
async fn create_location(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewLocation>,
) -> Result<(StatusCode, Json<LocationView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.create_location(&actor, &input).await?),
    ))
}

#[utoipa::path(get, path = "/locations", tag = "stock", responses((status = 200, body = [LocationView]), (status = 403, body = ErrorBody)))]
async fn list_locations(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<LocationView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    Ok(Json(shop.locations().await?))
}

/// Records a stock count and its bin for a SKU at a location (ST-3). Answers with the SKU's
/// stock at every location.
#[utoipa::path(put, path = "/stock/{sku}/{location_code}", tag = "stock", request_body = SetStock,
    params(("sku" = String, Path), ("location_code" = String, Path)),
    responses((status = 200, body = [StockView]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_stock(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((sku, location)): PathArg<(String, String)>,
    Body(input): Body<SetStock>,
) -> Result<Json<Vec<StockView>>, ApiError> {
    Ok(Json(shop.set_stock(&actor, &sku, &location, &input).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct StockQuery {
    sku: String,
}

/// A SKU's stock at every location: on hand, reserved, available and bin.
#[utoipa::path(get, path = "/stock", tag = "stock", params(StockQuery),
    responses((status = 200, body = [StockView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_stock(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<StockQuery>,
) -> Result<Json<Vec<StockView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    Ok(Json(shop.stock(&query.sku).await?))
}
