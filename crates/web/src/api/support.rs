//! Messages visitors sent from the contacts page, and the answers (SU-1).

use app::support::{AnswerInput, InquiryView};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_inquiries))
        .routes(routes!(answer_inquiry))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct InquiryQuery {
    /// One customer's messages and answers, oldest first; without it, every message still
    /// waiting for an answer, the one due first first.
    customer: Option<i64>,
}

/// Messages from visitors: those waiting for an answer, or one customer's thread.
#[utoipa::path(get, path = "/inquiries", tag = "support", params(InquiryQuery),
    responses((status = 200, body = [InquiryView]), (status = 403, body = ErrorBody)))]
async fn list_inquiries(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<InquiryQuery>,
) -> Result<Json<Vec<InquiryView>>, ApiError> {
    let inquiries = match query.customer {
        Some(customer) => shop.inquiries_of_customer(&actor, customer).await?,
        None => shop.waiting_inquiries(&actor).await?,
    };
    Ok(Json(inquiries))
}

/// Answers a message: the answer goes to the visitor through the outbox, by the channel they
/// wrote from, and the message stops waiting. Answering twice is a 409.
#[utoipa::path(post, path = "/inquiries/{id}/answer", tag = "support", params(("id" = i64, Path)), request_body = AnswerInput,
    responses((status = 200, body = InquiryView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_inquiry(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<AnswerInput>,
) -> Result<Json<InquiryView>, ApiError> {
    Ok(Json(shop.answer_inquiry(&actor, id, &input).await?))
}
