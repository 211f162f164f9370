use app::customers::{CustomerCard, CustomerSummary};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Page;
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_customers))
        .routes(routes!(get_customer))
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
    Params(page): Params<Page>,
) -> Result<Json<Vec<CustomerSummary>>, ApiError> {
    let q = query.q.unwrap_or_default();
    Ok(Json(
        shop.customers(&actor, &q, page.limit(), page.offset())
            .await?,
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
