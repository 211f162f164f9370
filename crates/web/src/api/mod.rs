//! The JSON API under `/api/v1`, one module per part of the shop.

mod backoffice;
mod catalog;
mod customers;
mod fulfilment;
mod messaging;
mod orders;
mod settings;
mod storefront;
mod support;
mod webhooks;

use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::error::ErrorBody;

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

/// Paging for lists.
#[derive(Debug, Deserialize, IntoParams)]
pub struct Page {
    /// At most this many items (default 50, at most 500).
    pub limit: Option<i64>,
    /// Skip this many items.
    pub offset: Option<i64>,
}

impl Page {
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(50).clamp(1, 500)
    }

    pub fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).max(0)
    }
}

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest(
            "/api/v1",
            OpenApiRouter::new()
                .merge(backoffice::router())
                .merge(catalog::router())
                .merge(customers::router())
                .merge(fulfilment::router())
                .merge(messaging::router())
                .merge(orders::router())
                .merge(settings::router())
                .merge(support::router())
                .merge(webhooks::router()),
        )
        .nest("/api/public", storefront::router())
}
