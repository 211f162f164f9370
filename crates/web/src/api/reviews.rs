//! Reviews (AF-4, AF-5): the shop lists, answers, publishes and hides them under `/api/v1`; the
//! buyer writes and rewrites theirs through the order's link under `/api/public`.

use app::reviews::{
    CauseCount, HideInput, OrderReviews, ReviewAnswerInput, ReviewInput, ReviewView,
};
use axum::Json;
use axum::extract::State;
use domain::reviews::ReviewState;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Page, Paged};
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

/// The shop's side, for owners and managers.
pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_reviews))
        .routes(routes!(review_causes))
        .routes(routes!(answer_review))
        .routes(routes!(publish_review))
        .routes(routes!(hide_review))
}

/// The buyer's side, behind the order's link.
pub fn customer_router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new().routes(routes!(order_reviews, write_review))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ReviewQuery {
    /// `waiting` (for the shop to publish), `published` or `hidden`; all when left out.
    #[param(value_type = Option<String>)]
    state: Option<ReviewState>,
}

/// Reviews, those waiting for an answer first, then the newest.
#[utoipa::path(get, path = "/reviews", tag = "reviews", params(ReviewQuery, Page),
    responses((status = 200, body = [ReviewView]), (status = 403, body = ErrorBody)))]
async fn list_reviews(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<ReviewQuery>,
    Paged(page): Paged,
) -> Result<Json<Vec<ReviewView>>, ApiError> {
    Ok(Json(shop.reviews(&actor, query.state, page).await?))
}

/// The causes of the last year's negative reviews, per month and product, the newest month
/// first.
#[utoipa::path(get, path = "/reviews/causes", tag = "reviews",
    responses((status = 200, body = [CauseCount]), (status = 403, body = ErrorBody)))]
async fn review_causes(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<CauseCount>>, ApiError> {
    Ok(Json(shop.review_causes(&actor).await?))
}

/// Answers a review: the answer goes to the author and shows under the review once published.
/// A review of 3 stars or fewer needs its `cause` and may carry the recovery coupon
/// (`recovery`). The order's review task closes once each of its reviews is answered.
#[utoipa::path(post, path = "/reviews/{id}/answer", tag = "reviews", params(("id" = i64, Path)), request_body = ReviewAnswerInput,
    responses((status = 200, body = ReviewView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_review(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<ReviewAnswerInput>,
) -> Result<Json<ReviewView>, ApiError> {
    Ok(Json(shop.answer_review(&actor, id, &input).await?))
}

/// Shows the review on its product's page.
#[utoipa::path(post, path = "/reviews/{id}/publish", tag = "reviews", params(("id" = i64, Path)),
    responses((status = 200, body = ReviewView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn publish_review(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<ReviewView>, ApiError> {
    Ok(Json(shop.publish_review(&actor, id).await?))
}

/// Keeps the review off the shop's pages; the author is told the reason in their language.
#[utoipa::path(post, path = "/reviews/{id}/hide", tag = "reviews", params(("id" = i64, Path)), request_body = HideInput,
    responses((status = 200, body = ReviewView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn hide_review(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<HideInput>,
) -> Result<Json<ReviewView>, ApiError> {
    Ok(Json(shop.hide_review(&actor, id, &input).await?))
}

/// The order's lines the buyer may review, each with their review once written.
#[utoipa::path(get, path = "/orders/{token}/reviews", tag = "customer", security(()), params(("token" = String, Path)),
    responses((status = 200, body = OrderReviews), (status = 404, body = ErrorBody)))]
async fn order_reviews(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
) -> Result<Json<OrderReviews>, ApiError> {
    Ok(Json(shop.reviews_of_order(&token).await?))
}

/// The buyer reviews a line once the goods have arrived (AF-4); sent again, it rewrites the
/// review, which waits for the shop again.
#[utoipa::path(post, path = "/orders/{token}/reviews", tag = "customer", security(()), params(("token" = String, Path)),
    request_body = ReviewInput, responses((status = 200, body = ReviewView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn write_review(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
    Body(input): Body<ReviewInput>,
) -> Result<Json<ReviewView>, ApiError> {
    Ok(Json(shop.write_review(&token, &input).await?))
}
