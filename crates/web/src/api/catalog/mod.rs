//! The goods: products and variants, stock per location and bin, and the delivery promise.

mod import;
mod inventory;
mod photos;
mod products;
mod purchasing;

use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .merge(import::router())
        .merge(products::router())
        .merge(photos::router())
        .merge(inventory::router())
        .merge(purchasing::router())
}
