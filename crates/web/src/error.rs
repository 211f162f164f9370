//! One error type for every HTTP answer that is not a success.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// `{"error": {"code", "message", "field"}}` with the status that fits.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable and machine-readable, such as `quantity_invalid` or `stage_forbids`.
    pub code: String,
    /// A sentence for a person.
    pub message: String,
    /// The input field it is about, such as `lines[0].quantity`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: impl Into<String>,
        message: impl Into<String>,
        field: Option<String>,
    ) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: ErrorDetail {
                    code: code.into(),
                    message: message.into(),
                    field,
                },
            },
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
            None,
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send a valid API token as 'Authorization: Bearer <token>'",
            None,
        )
    }
}

impl From<app::Error> for ApiError {
    fn from(err: app::Error) -> Self {
        use app::Error as E;
        match err {
            E::Invalid {
                field,
                code,
                message,
            } => Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message, Some(field)),
            E::NotFound { what } => Self::not_found(what),
            E::Conflict { code, message } => Self::new(StatusCode::CONFLICT, code, message, None),
            E::Refused(refusal) => Self::new(
                StatusCode::CONFLICT,
                refusal.code(),
                refusal.to_string(),
                None,
            ),
            E::Forbidden => Self::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "your role may not do this",
                None,
            ),
            E::Denied { code, message } => Self::new(StatusCode::FORBIDDEN, code, message, None),
            E::Store(store::Error::Duplicate(what)) => Self::new(
                StatusCode::CONFLICT,
                "already_exists",
                format!("this {what} already exists"),
                None,
            ),
            E::Store(other) => {
                // Internal details go to the log, never to the client.
                tracing::error!(error = %other, "storage failure");
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the shop could not complete this just now; nothing was changed, try again",
                    None,
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
