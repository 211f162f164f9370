//! Suppliers and purchase orders (ST-2): receiving goods serves the orders waiting for them
//! first (ST-1).

use app::catalog::{GoodsReceipt, NewPurchaseOrder, NewSupplier, PurchaseOrderView, SupplierView};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg, created, idempotency_key};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(create_supplier, list_suppliers))
        .routes(routes!(create_purchase_order, list_purchase_orders))
        .routes(routes!(get_purchase_order))
        .routes(routes!(receive))
        .routes(routes!(cancel))
}

/// Adds a supplier the shop buys from, with its contacts and lead time (ST-2).
#[utoipa::path(post, path = "/suppliers", tag = "purchasing", request_body = NewSupplier,
    responses((status = 201, body = SupplierView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_supplier(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewSupplier>,
) -> Result<(StatusCode, Json<SupplierView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.create_supplier(&actor, &input).await?),
    ))
}

#[utoipa::path(get, path = "/suppliers", tag = "purchasing",
    responses((status = 200, body = [SupplierView]), (status = 403, body = ErrorBody)))]
async fn list_suppliers(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<SupplierView>>, ApiError> {
    Ok(Json(shop.suppliers(&actor).await?))
}

/// Orders goods from a supplier into one of the shop's own locations, with the day they are
/// expected. With an `Idempotency-Key` header a retry answers with the first purchase order,
/// marked `Idempotent-Replayed`.
#[utoipa::path(post, path = "/purchase-orders", tag = "purchasing", request_body = NewPurchaseOrder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses((status = 201, body = PurchaseOrderView), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_purchase_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    headers: HeaderMap,
    Body(input): Body<NewPurchaseOrder>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let (order, replayed) = shop.create_purchase_order(&actor, &input, key).await?;
    Ok(created(order, replayed))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PurchaseQuery {
    /// `open`, `received` or `cancelled`; every state when left out.
    #[serde(default)]
    state: String,
}

/// Purchase orders, the soonest expected first.
#[utoipa::path(get, path = "/purchase-orders", tag = "purchasing", params(PurchaseQuery),
    responses((status = 200, body = [PurchaseOrderView]), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_purchase_orders(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<PurchaseQuery>,
) -> Result<Json<Vec<PurchaseOrderView>>, ApiError> {
    Ok(Json(shop.purchase_orders(&actor, &query.state).await?))
}

#[utoipa::path(get, path = "/purchase-orders/{id}", tag = "purchasing", params(("id" = i64, Path)),
    responses((status = 200, body = PurchaseOrderView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_purchase_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<PurchaseOrderView>, ApiError> {
    Ok(Json(shop.purchase_order(&actor, id).await?))
}

/// Receives what arrived of a purchase order, in part or whole: goods receipts in the stock
/// ledger, served first to the orders whose customers chose to wait, oldest first, each told
/// the new delivery window once (ST-1), then to the visitors waiting to hear (ST-4).
#[utoipa::path(post, path = "/purchase-orders/{id}/receipts", tag = "purchasing", params(("id" = i64, Path)), request_body = GoodsReceipt,
    responses((status = 200, body = PurchaseOrderView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn receive(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<GoodsReceipt>,
) -> Result<Json<PurchaseOrderView>, ApiError> {
    Ok(Json(shop.receive_purchase_order(&actor, id, &input).await?))
}

/// Cancels an open purchase order; what was received stays received.
#[utoipa::path(post, path = "/purchase-orders/{id}/cancel", tag = "purchasing", params(("id" = i64, Path)),
    responses((status = 200, body = PurchaseOrderView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn cancel(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<PurchaseOrderView>, ApiError> {
    Ok(Json(shop.cancel_purchase_order(&actor, id).await?))
}
