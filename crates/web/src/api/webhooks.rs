//! The owner's outgoing webhooks: endpoints, and the deliveries of events to them.

use app::webhooks::{AddedWebhook, NewWebhook, WebhookDeliveryView, WebhookView};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, add_webhook))
        .routes(routes!(remove_webhook))
        .routes(routes!(list_deliveries))
        .routes(routes!(redeliver))
}

/// The endpoints (owner only), without their secrets.
#[utoipa::path(get, path = "/webhooks", tag = "webhooks",
    responses((status = 200, body = [WebhookView]), (status = 403, body = ErrorBody)))]
async fn list_webhooks(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<WebhookView>>, ApiError> {
    Ok(Json(shop.webhooks(&actor).await?))
}

/// Adds an endpoint for the events named (owner only): `order.placed`, `order.confirmed`,
/// `order.paid`, `order.shipped`, `order.delivered`, `order.cancelled`, `order.refunded`,
/// `stock.changed`. The answer holds the secret deliveries are signed with, shown this once.
#[utoipa::path(post, path = "/webhooks", tag = "webhooks", request_body = NewWebhook,
    responses((status = 201, body = AddedWebhook), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_webhook(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewWebhook>,
) -> Result<(StatusCode, Json<AddedWebhook>), ApiError> {
    let added = shop.add_webhook(&actor, &input).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Removes an endpoint (owner only); its deliveries still waiting are dropped.
#[utoipa::path(delete, path = "/webhooks/{id}", tag = "webhooks", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn remove_webhook(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<StatusCode, ApiError> {
    shop.remove_webhook(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
struct DeliveryQuery {
    /// Only this state: `queued`, `delivered`, `dead`, `dropped`.
    state: Option<String>,
}

/// Deliveries, newest first (owner only): `dead` ones failed every attempt.
#[utoipa::path(get, path = "/webhooks/deliveries", tag = "webhooks", params(DeliveryQuery),
    responses((status = 200, body = [WebhookDeliveryView]), (status = 403, body = ErrorBody)))]
async fn list_deliveries(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<DeliveryQuery>,
) -> Result<Json<Vec<WebhookDeliveryView>>, ApiError> {
    let state = query.state.as_deref().unwrap_or("");
    Ok(Json(shop.webhook_deliveries(&actor, state).await?))
}

/// Sends a dead delivery again, with its event id and body (owner only).
#[utoipa::path(post, path = "/webhooks/deliveries/{id}/redeliver", tag = "webhooks",
    params(("id" = i64, Path)),
    responses((status = 200, body = WebhookDeliveryView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn redeliver(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<WebhookDeliveryView>, ApiError> {
    Ok(Json(shop.redeliver_webhook(&actor, id).await?))
}
