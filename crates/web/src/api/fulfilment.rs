//! Picking, checking, packing, handover, parcels on their way, couriers and their cash
//! (ST-3, AS-1..5, DL-1..7, PY-5).

use app::fulfilment::{
    CashReport, CourierDelivery, CourierView, DefectInput, HandIn, HandOverInput, NewCourier,
    PackInput, ParcelView, PickGroup, RouteStop, ScanResult, ShipmentReport, ShipmentView,
};
use app::orders::OrderView;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(pick_list))
        .routes(routes!(scan))
        .routes(routes!(report_defect))
        .routes(routes!(answer_defect))
        .routes(routes!(pack))
        .routes(routes!(parcel))
        .routes(routes!(hand_over))
        .routes(routes!(shipment, update_shipment))
        .routes(routes!(compensate))
        .routes(routes!(carrier_report))
        .routes(routes!(couriers, create_courier))
        .routes(routes!(route))
        .routes(routes!(on_the_way))
        .routes(routes!(courier_delivered))
        .routes(routes!(cash_report, hand_in))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PickQuery {
    /// A location code; every location when left out.
    location: Option<String>,
}

/// What to pick for orders being assembled, per location, sorted by bin (ST-3).
#[utoipa::path(get, path = "/pick-lists", tag = "fulfilment", params(PickQuery),
    responses((status = 200, body = [PickGroup]), (status = 403, body = ErrorBody)))]
async fn pick_list(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<PickQuery>,
) -> Result<Json<Vec<PickGroup>>, ApiError> {
    Ok(Json(
        shop.pick_list(&actor, query.location.as_deref().unwrap_or(""))
            .await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
struct ScanInput {
    /// A barcode or a SKU, as the scanner reads it.
    code: String,
}

/// Checks one unit before packing (AS-1). A wrong item or size is refused (409 `scan_refused`)
/// and recorded on the timeline.
#[utoipa::path(post, path = "/orders/{number}/scans", tag = "fulfilment", params(("number" = i64, Path)), request_body = ScanInput,
    responses((status = 200, body = ScanResult), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn scan(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<ScanInput>,
) -> Result<Json<ScanResult>, ApiError> {
    Ok(Json(shop.scan(&actor, number, &input.code).await?))
}

/// Records a flaw found in the quality check (AS-2).
#[utoipa::path(post, path = "/orders/{number}/defects", tag = "fulfilment", params(("number" = i64, Path)), request_body = DefectInput,
    responses((status = 201, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn report_defect(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<DefectInput>,
) -> Result<(StatusCode, Json<OrderView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.report_defect(&actor, number, &input).await?),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
struct DefectAnswerInput {
    /// `ship_as_is` or `wait`.
    answer: String,
}

/// The customer's answer to a minor flaw, taken by a manager (AS-2).
#[utoipa::path(post, path = "/orders/{number}/defects/answer", tag = "fulfilment", params(("number" = i64, Path)), request_body = DefectAnswerInput,
    responses((status = 200, body = OrderView), (status = 422, body = ErrorBody)))]
async fn answer_defect(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<DefectAnswerInput>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(
        shop.answer_defect(&actor, number, &input.answer).await?,
    ))
}

/// Packs a fully scanned order with the inserts the shop's rules call for (AS-3, AS-4).
#[utoipa::path(post, path = "/orders/{number}/pack", tag = "fulfilment", params(("number" = i64, Path)), request_body = PackInput,
    responses((status = 200, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn pack(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<PackInput>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.pack(&actor, number, &input).await?))
}

/// What went into the parcel: packaging, weight, inserts and the coupon (AS-3, AS-4).
#[utoipa::path(get, path = "/orders/{number}/parcel", tag = "fulfilment", params(("number" = i64, Path)),
    responses((status = 200, body = ParcelView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn parcel(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
) -> Result<Json<ParcelView>, ApiError> {
    shop.parcel_for(&actor, number)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("parcel"))
}

/// The parcel leaves with the carrier (tracking number) or the shop's courier (DL-1, DL-3).
#[utoipa::path(post, path = "/orders/{number}/hand-over", tag = "fulfilment", params(("number" = i64, Path)), request_body = HandOverInput,
    responses((status = 200, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn hand_over(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<HandOverInput>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.hand_over(&actor, number, &input).await?))
}

/// Where the parcel is (DL-3).
#[utoipa::path(get, path = "/orders/{number}/shipment", tag = "fulfilment", params(("number" = i64, Path)),
    responses((status = 200, body = ShipmentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn shipment(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
) -> Result<Json<ShipmentView>, ApiError> {
    shop.shipment_for(&actor, number)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("shipment"))
}

/// A manager records what the carrier says, by hand (DL-3, DL-6).
#[utoipa::path(post, path = "/orders/{number}/shipment", tag = "fulfilment", params(("number" = i64, Path)), request_body = ShipmentReport,
    responses((status = 200, body = ShipmentView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_shipment(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(report): Body<ShipmentReport>,
) -> Result<Json<ShipmentView>, ApiError> {
    Ok(Json(shop.update_shipment(&actor, number, &report).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
struct CompensationInput {
    /// `resend_now`, `refund` or `courier_at_shop_cost`.
    compensation: String,
}

/// What the shop does for a customer whose parcel was lost (DL-6).
#[utoipa::path(post, path = "/orders/{number}/compensation", tag = "fulfilment", params(("number" = i64, Path)), request_body = CompensationInput,
    responses((status = 200, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn compensate(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<CompensationInput>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(
        shop.compensate(&actor, number, &input.compensation).await?,
    ))
}

/// A carrier's status report, signed: `X-Shopdesk-Signature: sha256=<hex HMAC-SHA256 of the
/// body>` with the shop's carrier key. A repeated `event_id` is taken once (DL-3).
#[utoipa::path(post, path = "/carriers/{carrier}/events", tag = "fulfilment", security(()), params(("carrier" = String, Path)), request_body = ShipmentReport,
    responses((status = 200, body = ShipmentView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn carrier_report(
    State(shop): State<app::Shop>,
    PathArg(carrier): PathArg<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ShipmentView>, ApiError> {
    let signature = headers
        .get("X-Shopdesk-Signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Ok(Json(shop.carrier_report(&carrier, &body, signature).await?))
}

/// The shop's couriers with their phones, ratings and bonus (DL-7); owner and managers.
#[utoipa::path(get, path = "/couriers", tag = "couriers", responses((status = 200, body = [CourierView]), (status = 403, body = ErrorBody)))]
async fn couriers(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<CourierView>>, ApiError> {
    Ok(Json(shop.couriers(&actor).await?))
}

#[utoipa::path(post, path = "/couriers", tag = "couriers", request_body = NewCourier,
    responses((status = 201, body = CourierView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_courier(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<NewCourier>,
) -> Result<(StatusCode, Json<CourierView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.create_courier(&actor, &input).await?),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DayQuery {
    /// `YYYY-MM-DD`.
    day: String,
}

/// A courier's deliveries for a day, with the cash to collect at each door (DL-7, PY-5);
/// parcels of earlier days still not delivered come first, with `carried_over_from`.
#[utoipa::path(get, path = "/couriers/{id}/route", tag = "couriers", params(("id" = i64, Path), DayQuery),
    responses((status = 200, body = [RouteStop]), (status = 422, body = ErrorBody)))]
async fn route(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Params(query): Params<DayQuery>,
) -> Result<Json<Vec<RouteStop>>, ApiError> {
    Ok(Json(shop.route(&actor, id, &query.day).await?))
}

/// The courier sets off to the customer, who hears it with an arrival window (DL-7).
#[utoipa::path(post, path = "/orders/{number}/on-the-way", tag = "couriers", params(("number" = i64, Path)),
    responses((status = 200, body = ShipmentView), (status = 409, body = ErrorBody)))]
async fn on_the_way(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
) -> Result<Json<ShipmentView>, ApiError> {
    Ok(Json(shop.courier_on_the_way(&actor, number).await?))
}

/// The courier delivers; cash on delivery is recorded with its receipt number (DL-7, PY-5).
#[utoipa::path(post, path = "/orders/{number}/courier-delivery", tag = "couriers", params(("number" = i64, Path)), request_body = CourierDelivery,
    responses((status = 200, body = OrderView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn courier_delivered(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(number): PathArg<i64>,
    Body(input): Body<CourierDelivery>,
) -> Result<Json<OrderView>, ApiError> {
    Ok(Json(shop.courier_delivered(&actor, number, &input).await?))
}

/// The day's cash per courier and per order, with every gap (PY-5).
#[utoipa::path(get, path = "/cash", tag = "couriers", params(DayQuery),
    responses((status = 200, body = CashReport), (status = 422, body = ErrorBody)))]
async fn cash_report(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<DayQuery>,
) -> Result<Json<CashReport>, ApiError> {
    Ok(Json(shop.cash_report(&actor, &query.day).await?))
}

/// A courier hands in the day's cash (PY-5); answers with the day's reconciliation.
#[utoipa::path(post, path = "/cash", tag = "couriers", request_body = HandIn,
    responses((status = 201, body = CashReport), (status = 422, body = ErrorBody)))]
async fn hand_in(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<HandIn>,
) -> Result<(StatusCode, Json<CashReport>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.hand_in_cash(&actor, &input).await?),
    ))
}
