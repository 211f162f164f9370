use app::catalog::{PhotoDetails, PhotoView};
use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use domain::access::Permission;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, PathArg, multipart, photo_form};
use crate::pages::session::UPLOAD_LIMIT;

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_photos, add_photos))
        .routes(routes!(edit_photo, remove_photo))
        .routes(routes!(order_photos))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

#[derive(Debug, Deserialize, ToSchema)]
struct PhotoOrder {
    /// Every photo's id, first to last.
    order: Vec<i64>,
}

/// The product's photos, first to last, each in the widths it is kept in.
#[utoipa::path(get, path = "/products/{id}/photos", tag = "catalogue", params(("id" = i64, Path)),
    responses((status = 200, body = [PhotoView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_photos(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
) -> Result<Json<Vec<PhotoView>>, ApiError> {
    actor.require(Permission::ReadStock)?;
    if shop.product(id).await?.is_none() {
        return Err(ApiError::not_found("product"));
    }
    Ok(Json(shop.photos(id).await?))
}

/// Adds photos after the product's last (AS-1): each is decoded, turned upright by its EXIF
/// orientation, stripped of its metadata and resized. A file that is not a JPEG, PNG or WebP
/// picture, is larger than 20 MB or has no photo's dimensions is refused naming it
/// (`photos[i]`), and none of the files is stored.
#[utoipa::path(post, path = "/products/{id}/photos", tag = "catalogue", params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data",
        description = "`photos`: JPEG, PNG or WebP files, up to 20 MB each and 12 at once; `colour`: the value of the product's colour option they show, left out for every colour; `alt.{locale}`: the text read instead of the photo in that language"),
    responses((status = 201, body = [PhotoView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 415, body = ErrorBody, description = "not sent as multipart/form-data"), (status = 422, body = ErrorBody)))]
async fn add_photos(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Vec<PhotoView>>), ApiError> {
    let form = multipart(form)?;
    let (uploads, details) = photo_form(form).await?;
    let photos = shop.add_photos(&actor, id, uploads, &details).await?;
    Ok((StatusCode::CREATED, Json(photos)))
}

/// Changes the colour a photo shows and its alt texts. Answers with every photo of the product.
#[utoipa::path(put, path = "/products/{id}/photos/{photo}", tag = "catalogue", request_body = PhotoDetails,
    params(("id" = i64, Path), ("photo" = i64, Path)),
    responses((status = 200, body = [PhotoView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn edit_photo(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((id, photo)): PathArg<(i64, i64)>,
    Body(details): Body<PhotoDetails>,
) -> Result<Json<Vec<PhotoView>>, ApiError> {
    Ok(Json(shop.edit_photo(&actor, id, photo, &details).await?))
}

/// Removes a photo; its files go when no other photo shows them.
#[utoipa::path(delete, path = "/products/{id}/photos/{photo}", tag = "catalogue",
    params(("id" = i64, Path), ("photo" = i64, Path)),
    responses((status = 200, body = [PhotoView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_photo(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((id, photo)): PathArg<(i64, i64)>,
) -> Result<Json<Vec<PhotoView>>, ApiError> {
    Ok(Json(shop.remove_photo(&actor, id, photo).await?))
}

/// Puts the product's photos in a new order, naming every one of them once.
#[utoipa::path(put, path = "/products/{id}/photos/order", tag = "catalogue", request_body = PhotoOrder,
    params(("id" = i64, Path)),
    responses((status = 200, body = [PhotoView]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn order_photos(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(order): Body<PhotoOrder>,
) -> Result<Json<Vec<PhotoView>>, ApiError> {
    Ok(Json(shop.order_photos(&actor, id, &order.order).await?))
}
