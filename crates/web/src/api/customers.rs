use app::customers::{CustomerCard, CustomerSummary};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Page, Paged};
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_customers))
        .routes(routes!(get_customer))
        .routes(routes!(merge_customers))
        .routes(routes!(set_birthday))
}

#[derive(Debug, Deserialize, IntoParams)]
struct CustomerQuery {
    /// Part of a name, phone or email.
    q: Option<String>,
}

/// Customer cards, newest first (IN-3).
#[utoipa::path(get, path = "/customers", tag = "customers", params(CustomerQuery, Page),
    responses((status = 200, body = [CustomerSummary])))]
async fn list_customers(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<CustomerQuery>,
    Paged(page): Paged,
) -> Result<Json<Vec<CustomerSummary>>, ApiError> {
    let q = query.q.unwrap_or_default();
    Ok(Json(
        shop.customers(&actor, &q, page.limit, page.offset).await?,
    ))
}

/// The customer's card with contacts, addresses, consent, loyalty tier and every order.
#[utoipa::path(get, path = "/customers/{id}", tag = "customers", params(("id" = i64, Path)),
    responses((status = 200, body = CustomerCard), (status = 404, body = ErrorBody)))]
async fn get_customer(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<CustomerCard>, ApiError> {
    Ok(Json(shop.customer(&actor, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
struct MergeInput {
    /// The other card of the same person; it is merged into this one and removed.
    other: i64,
}

/// Two cards of the same person become one (IN-3): the other card's orders, messages,
/// contacts, addresses and consent move to this card, in one transaction.
#[utoipa::path(post, path = "/customers/{id}/merge", tag = "customers", params(("id" = i64, Path)), request_body = MergeInput,
    responses((status = 200, body = CustomerCard), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn merge_customers(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<MergeInput>,
) -> Result<Json<CustomerCard>, ApiError> {
    Ok(Json(shop.merge_customers(&actor, id, input.other).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
struct BirthdayInput {
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known; empty or null clears it.
    birthday: Option<String>,
}

/// Sets the customer's birthday, for the birthday greeting and its gift (AF-8).
#[utoipa::path(put, path = "/customers/{id}/birthday", tag = "customers", params(("id" = i64, Path)), request_body = BirthdayInput,
    responses((status = 200, body = CustomerCard), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_birthday(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<BirthdayInput>,
) -> Result<Json<CustomerCard>, ApiError> {
    Ok(Json(
        shop.set_birthday(&actor, id, input.birthday.as_deref())
            .await?,
    ))
}
