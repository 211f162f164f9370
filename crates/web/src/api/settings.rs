use app::SecretStatus;
use app::settings::SettingChange;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::settings::ShopSettings;
use serde::Deserialize;
use utoipa::ToSchema;
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
        .routes(routes!(list_secrets))
        .routes(routes!(put_secret, delete_secret))
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

/// A provider's or carrier's key, such as `{"value": "sk_live_..."}`.
#[derive(Debug, Deserialize, ToSchema)]
struct NewSecret {
    value: String,
}

/// The keys that are set (owner only): each name, when and by whom; never a value.
#[utoipa::path(get, path = "/settings/secrets", tag = "settings",
    responses((status = 200, body = Vec<SecretStatus>), (status = 403, body = ErrorBody)))]
async fn list_secrets(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<SecretStatus>>, ApiError> {
    Ok(Json(shop.secrets(&actor).await?))
}

/// Sets a key under its name, replacing the one before (owner only). It is not shown again.
#[utoipa::path(put, path = "/settings/secrets/{name}", tag = "settings", request_body = NewSecret,
    params(("name" = String, Path, description = "Such as `stripe.secret_key`")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_secret(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    Body(secret): Body<NewSecret>,
) -> Result<StatusCode, ApiError> {
    shop.set_secret(&actor, &name, &secret.value).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Forgets a key (owner only); what used it stops until a new one is set.
#[utoipa::path(delete, path = "/settings/secrets/{name}", tag = "settings",
    params(("name" = String, Path, description = "Such as `stripe.secret_key`")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn delete_secret(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    shop.remove_secret(&actor, &name).await?;
    Ok(StatusCode::NO_CONTENT)
}
