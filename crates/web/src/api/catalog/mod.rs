//! The goods: products and variants, stock per location and bin, and the delivery promise.

mod inventory;
mod products;

use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .merge(products::router())
        .merge(inventory::router())
}
