use axum::Json;
use axum::extract::State;
use domain::settings::ShopSettings;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new().routes(routes!(get_settings, put_settings))
}

/// The shop's settings: name, contacts, currency, region, time zone, delivery prices.
#[utoipa::path(get, path = "/settings", tag = "settings", responses((status = 200, body = Object)))]
async fn get_settings(
    State(shop): State<app::Shop>,
    Caller(_caller): Caller,
) -> Result<Json<ShopSettings>, ApiError> {
    Ok(Json(shop.settings().await?))
}

/// Replaces the settings (owner only). Keys left out keep their defaults.
#[utoipa::path(put, path = "/settings", tag = "settings", request_body = Object,
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_settings(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(settings): Body<ShopSettings>,
) -> Result<Json<ShopSettings>, ApiError> {
    shop.update_settings(&actor, &settings).await?;
    Ok(Json(shop.settings().await?))
}
