use app::catalog::{
    BinCount, LevelView, LocationView, MovementView, NewLocation, NewMovement, SetStock, StockView,
    Threshold,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::access::Permission;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
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
        .routes(routes!(post_movement))
        .routes(routes!(get_movements))
        .routes(routes!(get_levels))
        .routes(routes!(put_threshold))
        .routes(routes!(post_count))
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

/// Records a movement of a SKU at a location: goods received, a count, an adjustment or a
/// write-off with its reason, or a transfer to another location (ST-2, ST-3). Nothing takes on
/// hand below what is reserved for orders. Answers with the SKU's stock at every location.
#[utoipa::path(post, path = "/stock/{sku}/{location_code}/movements", tag = "stock", request_body = NewMovement,
    params(("sku" = String, Path), ("location_code" = String, Path)),
    responses((status = 201, body = [StockView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn post_movement(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((sku, location)): PathArg<(String, String)>,
    Body(input): Body<NewMovement>,
) -> Result<(StatusCode, Json<Vec<StockView>>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.move_stock(&actor, &sku, &location, &input).await?),
    ))
}

/// A SKU's ledger at every location, newest first: each movement with who, when and why.
#[utoipa::path(get, path = "/stock/{sku}/movements", tag = "stock", params(("sku" = String, Path)),
    responses((status = 200, body = [MovementView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn get_movements(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(sku): PathArg<String>,
) -> Result<Json<Vec<MovementView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    Ok(Json(shop.stock_movements(&sku, 500).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct LevelsQuery {
    /// `all` (the default), `low` (at or below the threshold) or `sold_out`.
    #[serde(default)]
    state: String,
    /// Words of a product or a SKU, in any alphabet.
    #[serde(default)]
    q: String,
}

/// Each SKU per location with its bin, on hand, reserved, available and incoming.
#[utoipa::path(get, path = "/stock/levels", tag = "stock", params(LevelsQuery),
    responses((status = 200, body = [LevelView]), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn get_levels(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<LevelsQuery>,
) -> Result<Json<Vec<LevelView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    let which = app::catalog::parse_levels(&query.state)?;
    Ok(Json(shop.stock_levels(which, &query.q).await?))
}

/// Sets the low-stock threshold of a variant: at or below it the dashboard asks for a reorder.
#[utoipa::path(put, path = "/stock/{sku}/threshold", tag = "stock", request_body = Threshold,
    params(("sku" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_threshold(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(sku): PathArg<String>,
    Body(input): Body<Threshold>,
) -> Result<StatusCode, ApiError> {
    shop.set_low_stock(&actor, &sku, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a count of one bin found: the codes scanned, one per unit.
#[derive(Debug, Deserialize, ToSchema)]
struct NewBinCount {
    location: String,
    bin: String,
    /// Each unit's barcode or SKU, as the scanner read it.
    codes: Vec<String>,
    /// Only tally, recording nothing.
    #[serde(default)]
    dry_run: bool,
}

/// Counts one bin (ST-3): every SKU the ledger keeps in it and every SKU new to the location
/// scanned in it is recorded as counted, a SKU of the bin not scanned as none left; a SKU
/// kept in another bin and a code that is no product are answered, not counted.
#[utoipa::path(post, path = "/stock/counts", tag = "stock", request_body = NewBinCount,
    responses((status = 200, body = BinCount), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn post_count(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewBinCount>,
) -> Result<Json<BinCount>, ApiError> {
    let count = if input.dry_run {
        shop.tally_bin(&actor, &input.location, &input.bin, &input.codes)
            .await?
    } else {
        shop.count_bin(&actor, &input.location, &input.bin, &input.codes)
            .await?
    };
    Ok(Json(count))
}
