//! The product photos' files and the storefront's one script.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::ApiError;
use crate::extract::PathArg;

/// Shows the photos of the colour chosen as soon as it is chosen; without it, "Show" does.
const SCRIPT: &str = include_str!("../../static/shop.js");

/// A photo's file, under an address made of its content's hash: kept by browsers and proxies
/// for a year, and never asked for again while kept (`If-None-Match` answers 304).
pub async fn photo(
    State(shop): State<app::Shop>,
    PathArg(file): PathArg<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let hash = file.strip_suffix(".jpg").unwrap_or_default();
    let etag = format!("\"{hash}\"");
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    // The address names the content: a browser holding this tag holds these bytes, and is
    // answered without reading them.
    let (content_type, mut response) = if cached {
        (None, StatusCode::NOT_MODIFIED.into_response())
    } else {
        let Some((content_type, bytes)) = shop.media(hash).await? else {
            return Err(ApiError::not_found("photo"));
        };
        (Some(content_type), bytes.into_response())
    };
    let answer = response.headers_mut();
    answer.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if let Ok(tag) = HeaderValue::from_str(&etag) {
        answer.insert(header::ETAG, tag);
    }
    if let Some(kind) = content_type.and_then(|c| HeaderValue::from_str(&c).ok()) {
        answer.insert(header::CONTENT_TYPE, kind);
    }
    Ok(response)
}

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}
