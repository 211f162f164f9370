//! The JSON API under `/api/v1`, one module per part of the shop.

mod backoffice;
mod catalog;
mod customers;
mod fulfilment;
mod messaging;
mod orders;
mod reviews;
mod settings;
mod storefront;
mod support;
mod webhooks;

use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::Params;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "shopdesk API",
        description = "Orders, stock and customers of an online shop. Every route takes \
                       `Authorization: Bearer <token>`; make one with `shopdesk token create --role owner`. \
                       Money is `{amount_minor, currency}`; times are RFC 3339; errors are \
                       `{\"error\": {\"code\", \"message\", \"field\"}}`."
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(ErrorBody))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Paging for lists, the same on every list: `limit` from 1 to 500 (50 when left out),
/// `offset` from 0 to 1,000,000; outside, a 422 naming the parameter with its range.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many items (default 50, from 1 to 500).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
    /// Skip this many items (from 0 to 1,000,000).
    #[param(minimum = 0, maximum = 1_000_000)]
    offset: Option<i64>,
}

/// The checked paging, taken by every list route.
pub struct Paged(pub app::listing::Paging);

impl<S: Send + Sync> FromRequestParts<S> for Paged {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Params(page) = Params::<Page>::from_request_parts(parts, state).await?;
        Ok(Paged(app::listing::Paging::parse(page.limit, page.offset)?))
    }
}

pub fn router() -> OpenApiRouter<app::Shop> {
    let mut router = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest(
            "/api/v1",
            OpenApiRouter::new()
                .merge(backoffice::router())
                .merge(catalog::router())
                .merge(customers::router())
                .merge(fulfilment::router())
                .merge(messaging::router())
                .merge(orders::router())
                .merge(reviews::router())
                .merge(settings::router())
                .merge(support::router())
                .merge(webhooks::router()),
        )
        .nest(
            "/api/public",
            storefront::router().merge(reviews::customer_router()),
        );
    document_answers(router.get_openapi_mut());
    router
}

/// Adds to every operation the error answers the shared extractors give, so each route's
/// description lists every status it can answer with: 401 without a valid token (`Caller`,
/// every `/api/v1` route), 400, 413, 415 and 422 for a body (`Body`; 415 only where the body is
/// required, as `OptionalBody` reads any), 404 for a path argument (`PathArg`) and 422 for query
/// parameters (`Params`, `Paged`).
fn document_answers(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, Required, ResponseBuilder};

    for (path, item) in openapi.paths.paths.iter_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            let located = |place: ParameterIn| {
                operation.parameters.iter().flatten().any(|p| match p {
                    RefOr::T(p) => p.parameter_in == place,
                    RefOr::Ref(_) => false,
                })
            };
            let mut answers: Vec<(&str, &str)> = Vec::new();
            if path.starts_with("/api/v1") {
                answers.push(("401", "No valid API token"));
            }
            if let Some(RefOr::T(body)) = &operation.request_body {
                answers.push(("400", "The body could not be read"));
                answers.push(("413", "The body is too large"));
                if body.required == Some(Required::True) {
                    answers.push(("415", "The body is not sent as JSON"));
                }
                answers.push((
                    "422",
                    "The body is not JSON of this shape, or a field is invalid",
                ));
            }
            if located(ParameterIn::Path) {
                answers.push(("404", "Nothing by this path"));
            }
            if located(ParameterIn::Query) {
                answers.push(("422", "A query parameter is invalid"));
            }
            for (status, description) in answers {
                operation
                    .responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| {
                        ResponseBuilder::new()
                            .description(description)
                            .content(
                                "application/json",
                                ContentBuilder::new()
                                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                                    .build(),
                            )
                            .build()
                            .into()
                    });
            }
        }
    }
}
