use app::orders::ChoiceInput;
use app::orders::FailedPayment;
use app::orders::{
    MoveInput, NewOrder, NewPayment, NewRefund, OrderEdit, OrderSummary, OrderView, PaymentRecord,
    PaymentVoid,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Page, Paged};
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, OptionalBody, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(place_order, list_orders))
        .routes(routes!(get_order, edit_order))
        .routes(routes!(move_order))
        .routes(routes!(record_payment, payments_of))
        .routes(routes!(void_payment))
        .routes(routes!(refund))
        .routes(routes!(stripe_event))
        .routes(routes!(record_failed_payment))
        .routes(routes!(choose))
}

/// Records money received (PY-1); partial payments leave a balance. The customer is told on every
/// channel (PY-3).
#[utoipa::path(post, path = "/orders/{number}/payments", tag = "payments", params(("number" = i64, Path)),
    request_body = NewPayment, responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn record_payment(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<NewPayment>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.record_payment(&actor, number, &input).await?))
}

/// The order's money, oldest first: payments, refunds, voids and failed attempts.
#[utoipa::path(get, path = "/orders/{number}/payments", tag = "payments", params(("number" = i64, Path)),
    responses((status = 200, body = Vec<PaymentRecord>), (status = 404, body = ErrorBody)))]
async fn payments_of(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
) -> Result<Json<Vec<PaymentRecord>>, ApiError> {
    Ok(Json(shop.payments_of(&actor, number).await?))
}

/// Takes a payment recorded in error back out, with a reason; the record stays, voided. A
/// payment is voided once (409 `already_voided`); money already refunded cannot be voided.
#[utoipa::path(post, path = "/orders/{number}/payments/{id}/void", tag = "payments",
    params(("number" = i64, Path), ("id" = i64, Path, description = "The payment's id, from the order's payments")),
    request_body = PaymentVoid, responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn void_payment(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((number, id)): PathArg<(i64, i64)>,
    Body(input): Body<PaymentVoid>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.void_payment(&actor, number, id, &input).await?))
}

/// Gives money back (PY-3): lines and quantities returned and the delivery, priced as sold (the
/// amount may be less), an amount of goodwill, or an overpayment. Never more than was paid and
/// no unit twice (422 naming the field); the customer is told in their channel.
#[utoipa::path(post, path = "/orders/{number}/refunds", tag = "payments", params(("number" = i64, Path)),
    request_body = NewRefund, responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn refund(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<NewRefund>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.refund(&actor, number, &input).await?))
}

/// Stripe's webhook (PY-1, PY-2): believed only with a valid `Stripe-Signature` made with the
/// endpoint's signing secret within five minutes; a paid checkout is recorded once, however
/// often the event comes and whether or not the customer's return was seen first.
#[utoipa::path(post, path = "/providers/stripe/events", tag = "payments", security(()),
    request_body(content = Object, description = "A Stripe event, as Stripe sends it"),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn stripe_event(
    State(shop): State<app::Shop>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    let signature = headers
        .get("Stripe-Signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    shop.stripe_webhook(signature, &body).await?;
    Ok(Json(serde_json::json!({"received": true})))
}

/// Records a failed payment attempt; after a few, a manager is asked to help (PY-4).
#[utoipa::path(post, path = "/orders/{number}/payment-attempts", tag = "payments", params(("number" = i64, Path)),
    request_body = FailedPayment, responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn record_failed_payment(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<FailedPayment>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(
        shop.record_failed_payment(&actor, number, &input).await?,
    ))
}

/// Carries out the customer's choice for an out-of-stock line (ST-1): `substitute` with a `sku`,
/// `wait` for the supplier, `cancel_line` or `cancel_order`.
#[utoipa::path(post, path = "/orders/{number}/choices", tag = "orders", params(("number" = i64, Path)),
    request_body = ChoiceInput, responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn choose(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<ChoiceInput>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.choose(&actor, number, &input).await?))
}

/// Takes an order in from any channel (IN-1). With an `Idempotency-Key` header a retry answers
/// with the first order and creates nothing. Lines out of stock hold the order for the customer's
/// choice (ST-1) rather than failing.
#[utoipa::path(post, path = "/orders", tag = "orders", request_body = NewOrder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses((status = 201, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn place_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    headers: HeaderMap,
    Body(input): Body<NewOrder>,
) -> Result<Response, ApiError> {
    let key = crate::extract::idempotency_key(&headers)?;
    let placed = shop.place_order(&input, key, &actor).await?;
    Ok(crate::extract::created(placed.order, placed.replayed))
}

#[derive(Debug, Deserialize, IntoParams)]
struct OrderQuery {
    /// Only orders in this stage, such as `confirming`.
    stage: Option<String>,
    /// An order number, or part of a name, phone or email.
    q: Option<String>,
}

/// Orders, newest first: every order for an owner or a manager, those being assembled or ready
/// for a packer, the stops of their own route for a courier.
#[utoipa::path(get, path = "/orders", tag = "orders", params(OrderQuery, Page),
    responses((status = 200, body = [OrderSummary]), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_orders(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<OrderQuery>,
    Paged(page): Paged,
) -> Result<Json<Vec<OrderSummary>>, ApiError> {
    let stage = query.stage.unwrap_or_default();
    let q = query.q.unwrap_or_default();
    Ok(Json(
        shop.orders(&actor, &stage, &q, page.limit, page.offset)
            .await?,
    ))
}

/// The whole order: lines with notes, holds, payment, reservations and the timeline. A packer
/// reads an order being packed and a courier a stop of their route (403 otherwise), without the
/// customer's email, the customer's link or the intake checks.
#[utoipa::path(get, path = "/orders/{number}", tag = "orders", params(("number" = i64, Path)),
    responses((status = 200, body = OrderView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.order_for(&actor, number).await?))
}

/// Edits the customer's name, phone and email and the delivery: before packing also the
/// method and pickup point, after packing only the contacts and the address (409
/// `order_packed`; a delivered or closed order is 409 `order_not_editable`). The version the
/// edit was made on comes in `If-Match` or as `version` in the body; an order changed since is
/// 409 `order_changed` and nothing is written. A new address is checked as at intake (CK-1): a
/// phone number in it is a 422 naming `address.line`. The customer is told what changed.
#[utoipa::path(patch, path = "/orders/{number}", tag = "orders",
    params(("number" = i64, Path), ("If-Match" = Option<String>, Header, description = "The order's version")),
    request_body = OrderEdit,
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn edit_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    headers: HeaderMap,
    Body(mut edit): Body<OrderEdit>,
) -> Result<Json<OrderView>, ApiError> {
    if let Some(version) = crate::extract::if_match_version(&headers)? {
        edit.version = Some(version);
    }
    Ok(Json(shop.edit_order(&actor, number, &edit).await?))
}

/// Moves the order in its lifecycle. Actions: `confirm`, `start-assembly`, `mark-ready`,
/// `hand-over` (with `tracking_number`), `deliver`, `close`, `cancel` (with `reason`),
/// `cancel-line` (with `line_no` and `reason`), `hold` (with `hold` and `reason`),
/// `release-hold` (with `hold`), `request-return` (with `reason`), `resolve-return` (with
/// `outcome`). A move the stage does not allow answers 409 with its code.
#[utoipa::path(post, path = "/orders/{number}/{action}", tag = "orders",
    params(("number" = i64, Path), ("action" = String, Path)), request_body(content = Option<MoveInput>),
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn move_order(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((number, action)): PathArg<(i64, String)>,
    OptionalBody(input): OptionalBody<MoveInput>,
) -> Result<Json<OrderView>, ApiError> {
    let (command, reason) = app::orders::parse_move(&action, &input)?;
    Ok(Json(shop.act(number, command, &actor, reason).await?))
}
