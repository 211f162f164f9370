//! What a customer reaches through the link in their messages: no token, the link's secret is
//! the key (CF-1, ST-1).

use app::fulfilment::RatingInput;
use app::orders::{ChoiceInput, CustomerOrderView};
use axum::Json;
use axum::extract::State;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(customer_order))
        .routes(routes!(customer_confirms))
        .routes(routes!(customer_chooses))
        .routes(routes!(customer_answers_defect))
        .routes(routes!(customer_rates_courier))
}

/// Whoever holds the link acts for the customer, in what a customer may decide.
fn customer() -> app::access::Actor {
    app::access::Actor {
        role: domain::access::Role::Manager,
        name: "customer".into(),
    }
}

/// The order as its customer sees it: name, items, delivery method, address, dates, total and
/// payment (CF-1).
#[utoipa::path(get, path = "/orders/{token}", tag = "customer", security(()), params(("token" = String, Path)),
    responses((status = 200, body = CustomerOrderView), (status = 404, body = ErrorBody)))]
async fn customer_order(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
) -> Result<Json<CustomerOrderView>, ApiError> {
    Ok(Json(shop.order_by_link(&token).await?.1))
}

/// The customer confirms the order (CF-1).
#[utoipa::path(post, path = "/orders/{token}/confirm", tag = "customer", security(()), params(("token" = String, Path)),
    responses((status = 200, body = CustomerOrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn customer_confirms(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
) -> Result<Json<CustomerOrderView>, ApiError> {
    Ok(Json(shop.confirm_by_link(&token).await?))
}

/// The customer's choice for an out-of-stock line (ST-1).
#[utoipa::path(post, path = "/orders/{token}/choices", tag = "customer", security(()), params(("token" = String, Path)),
    request_body = ChoiceInput, responses((status = 200, body = CustomerOrderView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn customer_chooses(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
    Body(input): Body<ChoiceInput>,
) -> Result<Json<CustomerOrderView>, ApiError> {
    let (number, _) = shop.order_by_link(&token).await?;
    shop.choose(&customer(), number, &input).await?;
    Ok(Json(shop.order_by_link(&token).await?.1))
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct DefectAnswer {
    /// `ship_as_is` (with the discount offered) or `wait` for a flawless one.
    answer: String,
}

/// The customer's answer to a minor flaw the shop found (AS-2).
#[utoipa::path(post, path = "/orders/{token}/defect", tag = "customer", security(()), params(("token" = String, Path)),
    request_body = DefectAnswer, responses((status = 200, body = CustomerOrderView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn customer_answers_defect(
    State(shop): State<app::Shop>,
    PathArg(token): PathArg<String>,
    Body(input): Body<DefectAnswer>,
) -> Result<Json<CustomerOrderView>, ApiError> {
    let (number, _) = shop.order_by_link(&token).await?;
    shop.answer_defect(&customer(), number, &input.answer)
        .await?;
    Ok(Json(shop.order_by_link(&token).await?.1))
}

/// The customer rates the courier who brought the parcel (DL-7), once per delivery. A rating
/// sent with a staff token is refused (403 `rating_from_staff`): each good rating adds to the
/// courier's bonus, so it comes from the customer's link alone.
#[utoipa::path(post, path = "/orders/{token}/rating", tag = "customer", security(()), params(("token" = String, Path)),
    request_body = RatingInput, responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn customer_rates_courier(
    State(shop): State<app::Shop>,
    headers: axum::http::HeaderMap,
    PathArg(token): PathArg<String>,
    Body(input): Body<RatingInput>,
) -> Result<axum::http::StatusCode, ApiError> {
    if headers.contains_key(axum::http::header::AUTHORIZATION) {
        return Err(app::Error::Denied {
            code: "rating_from_staff",
            message: "a courier is rated by the customer, from the order's link".into(),
        }
        .into());
    }
    shop.rate_courier(&token, &input).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
