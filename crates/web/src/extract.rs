//! Request extractors that answer bad input in the API's own error format.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// A JSON body. A value of the wrong shape is refused naming its path, such as
/// `lines[0].quantity`.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "json_required",
                "send the body as JSON with 'Content-Type: application/json'",
                None,
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::new(e.status(), "body_unreadable", e.body_text(), None))?;
        parse_json(&bytes).map(Body)
    }
}

/// A JSON body that may be left out, for moves that need no details.
pub struct OptionalBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for OptionalBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::new(e.status(), "body_unreadable", e.body_text(), None))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalBody(T::default()));
        }
        parse_json(&bytes).map(OptionalBody)
    }
}

fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let code = if inner.is_syntax() || inner.is_eof() {
            "json_invalid"
        } else {
            "field_invalid"
        };
        let message = inner.to_string();
        let field = field_of(&path, &message);
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message, field)
    })
}

/// The field a deserialisation error is about. serde reports a missing field at the place of
/// the object that lacks it, so its name is taken from the message: `lines[0]` and
/// "missing field `sku`" make `lines[0].sku`.
fn field_of(path: &str, message: &str) -> Option<String> {
    let at = (path != ".").then_some(path);
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match (at, missing) {
        (Some(at), Some(name)) => Some(format!("{at}.{name}")),
        (None, Some(name)) => Some(name.to_string()),
        (at, None) => at.map(str::to_string),
    }
}

/// Query parameters. A value of the wrong shape is a 422 naming the parameter, such as `limit`.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parse_query(parts.uri.query().unwrap_or_default()).map(Params)
    }
}

pub(crate) fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let field = field_of(&path, &message);
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "query_invalid",
            match &field {
                Some(field) => format!("{field}: {message}"),
                None => message,
            },
            field,
        )
    })
}

/// A path segment, such as an order number.
pub struct PathArg<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathArg<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| PathArg(p.0))
            .map_err(|_| ApiError::not_found("resource"))
    }
}

/// The caller, from the bearer token. Every `/api/v1` route takes one.
pub struct Caller(pub app::access::Actor);

impl FromRequestParts<app::Shop> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, shop: &app::Shop) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(ApiError::unauthorized)?;
        match shop.authenticate(token).await? {
            Some(actor) => Ok(Caller(actor)),
            None => {
                // Someone may be guessing tokens; the token itself is never written down.
                tracing::warn!("an API token that is not the shop's was refused");
                Err(ApiError::unauthorized())
            }
        }
    }
}

/// The `Idempotency-Key` header of a creation, if sent: a retry with it answers with what the
/// first request made.
pub fn idempotency_key(headers: &axum::http::HeaderMap) -> Result<Option<&str>, ApiError> {
    headers
        .get("idempotency-key")
        .map(|value| {
            value.to_str().map_err(|_| {
                ApiError::new(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_invalid",
                    "the key must be visible ASCII",
                    Some("Idempotency-Key".into()),
                )
            })
        })
        .transpose()
}

/// The version an `If-Match` header names: `3` or `"3"` (an ETag's quotes are allowed).
pub fn if_match_version(headers: &axum::http::HeaderMap) -> Result<Option<i64>, ApiError> {
    headers
        .get(axum::http::header::IF_MATCH)
        .map(|value| {
            value
                .to_str()
                .ok()
                .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
                .and_then(|v| v.parse::<i64>().ok())
                .ok_or_else(|| {
                    ApiError::new(
                        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                        "version_invalid",
                        "If-Match names the order's version, a whole number",
                        Some("If-Match".into()),
                    )
                })
        })
        .transpose()
}

/// A 201 with what was made, marked `Idempotent-Replayed` when an earlier request made it.
pub fn created(body: impl serde::Serialize, replayed: bool) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = (axum::http::StatusCode::CREATED, axum::Json(body)).into_response();
    if replayed {
        response.headers_mut().insert(
            "idempotent-replayed",
            axum::http::HeaderValue::from_static("true"),
        );
    }
    response
}

/// A form sent as `multipart/form-data`, or a 415 saying it must be.
pub fn multipart(
    form: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<axum::extract::Multipart, ApiError> {
    form.map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "multipart_required",
            e.body_text(),
            None,
        )
    })
}

/// Reads a form of photos (`multipart/form-data`), for the API and the product page alike:
/// files in `photos`, the colour they show in `colour`, alt texts in `alt.{locale}`. A file
/// is read no further than one byte past the largest taken, which the use case refuses
/// naming it.
pub async fn photo_form(
    mut form: axum::extract::Multipart,
) -> Result<(Vec<app::catalog::Upload>, app::catalog::PhotoDetails), app::Error> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        app::Error::field("photos", "form_unreadable", e.body_text())
    };
    let mut uploads = Vec::new();
    let mut details = app::catalog::PhotoDetails::default();
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "photos" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                let room = app::catalog::MAX_PHOTO_BYTES + 1 - bytes.len();
                bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                if bytes.len() > app::catalog::MAX_PHOTO_BYTES {
                    break;
                }
            }
            // A file input left empty still sends a part, with no name and no bytes.
            if !(file_name.is_empty() && bytes.is_empty()) {
                uploads.push(app::catalog::Upload { file_name, bytes });
            }
            continue;
        }
        let text = field.text().await.map_err(unreadable)?;
        if name == "colour" {
            details.colour = Some(text);
        } else if let Some(locale) = name.strip_prefix("alt.") {
            details.alt.insert(locale.to_owned(), text);
        } else if name != "csrf" {
            return Err(app::Error::field(
                name,
                "field_unknown",
                "not a field of a photo: send photos, colour and alt.{locale}",
            ));
        }
    }
    Ok((uploads, details))
}

/// The most a product file may hold.
pub const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// Reads a product file's form (`multipart/form-data`), for the API and the products page
/// alike: the CSV in `file`, and `dry_run` (`true`, `1` or `on`) to only say what would change.
pub async fn import_form(
    mut form: axum::extract::Multipart,
) -> Result<(Vec<u8>, bool), app::Error> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        app::Error::field("file", "form_unreadable", e.body_text())
    };
    let mut file = None;
    let mut dry_run = false;
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_IMPORT_BYTES {
                        return Err(app::Error::field(
                            "file",
                            "file_too_large",
                            "a product file is at most 50 MB",
                        ));
                    }
                }
                file = Some(bytes);
            }
            "dry_run" => {
                let text = field.text().await.map_err(unreadable)?;
                dry_run = matches!(text.trim(), "true" | "1" | "on" | "yes");
            }
            "csrf" => {}
            other => {
                return Err(app::Error::field(
                    other,
                    "field_unknown",
                    "not a field of an import: send file and dry_run",
                ));
            }
        }
    }
    match file {
        Some(bytes) if !bytes.is_empty() => Ok((bytes, dry_run)),
        _ => Err(app::Error::field(
            "file",
            "file_missing",
            "choose a product CSV to import",
        )),
    }
}
