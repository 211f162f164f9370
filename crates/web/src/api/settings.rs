use app::settings::SettingChange;
use axum::Json;
use axum::extract::State;
use domain::settings::ShopSettings;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Page, Paged};
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(get_settings, put_settings))
        .routes(routes!(list_changes))
}

/// The shop's settings (owner only): name, contacts, currency, region, time zone, delivery
/// prices and policies.
#[utoipa::path(get, path = "/settings", tag = "settings", responses((status = 200, body = Object), (status = 403, body = ErrorBody)))]
async fn get_settings(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<ShopSettings>, ApiError> {
    Ok(Json(shop.settings_for(&actor).await?))
}

/// Changes the settings the body names (owner only), such as
/// `{"confirmation": {"always_call": true}}`; every setting left out keeps its value. A list is
/// replaced whole. A body that is not an object, or a key that is not a setting, is refused
/// with 422 naming it, and nothing changes. Answers with all the settings.
#[utoipa::path(put, path = "/settings", tag = "settings", request_body = Object,
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_settings(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(change): Body<serde_json::Value>,
) -> Result<Json<ShopSettings>, ApiError> {
    Ok(Json(shop.change_settings(&actor, &change).await?))
}

/// Every change of the settings, newest first (owner only): who, when, which setting, from
/// what to what.
#[utoipa::path(get, path = "/settings/changes", tag = "settings", params(Page),
    responses((status = 200, body = Vec<SettingChange>), (status = 403, body = ErrorBody)))]
async fn list_changes(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Paged(page): Paged,
) -> Result<Json<Vec<SettingChange>>, ApiError> {
    Ok(Json(
        shop.settings_changes(&actor, page.limit, page.offset)
            .await?,
    ))
}
