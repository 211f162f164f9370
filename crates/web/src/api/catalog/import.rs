use app::catalog::ImportSummary;
use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Caller, MAX_IMPORT_BYTES, import_form, multipart};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(import_products))
        .routes(routes!(export_products))
        .layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES + 64 * 1024))
}

/// Imports a Shopify or WooCommerce product CSV export, told apart by its header row. Each
/// product is checked whole by the same rules as `POST /products` and written in one
/// transaction; a refused row is named by its row (the header is row 1) and column, and leaves
/// its product out while the others go in. Products are found again by handle or SKU, so a
/// second import of the same file reports them all unchanged. Photos named by URL are
/// fetched and added (AS-1); one that cannot be is a warning. With `dry_run` nothing is
/// written and the answer says what would change.
#[utoipa::path(post, path = "/products/import", tag = "catalogue",
    request_body(content_type = "multipart/form-data",
        description = "`file`: the CSV, at most 50 MB; `dry_run`: `true` to write nothing"),
    responses((status = 200, body = ImportSummary), (status = 403, body = ErrorBody),
        (status = 415, body = ErrorBody, description = "not sent as multipart/form-data"),
        (status = 422, body = ErrorBody, description = "no file, or not a product CSV of either shop")))]
async fn import_products(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Json<ImportSummary>, ApiError> {
    let form = multipart(form)?;
    let (file, dry_run) = import_form(form).await?;
    let summary = shop
        .import_products(&actor, &file, dry_run, &|_| {})
        .await?;
    Ok(Json(summary))
}

/// The catalogue as a Shopify product CSV: a row per variant, the product's fields on its
/// first, its photos by their addresses. Importing it into the same shop changes nothing.
#[utoipa::path(get, path = "/products/export.csv", tag = "catalogue",
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody)))]
async fn export_products(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Response, ApiError> {
    let csv = shop.export_products(&actor).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"products.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}
