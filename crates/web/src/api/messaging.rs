use app::messaging::{MessageView, PreviewInput, Receipt, Rendered, TemplateText, TemplateView};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Page, Paged};
use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_messages))
        .routes(routes!(record_receipt))
        .routes(routes!(list_templates))
        .routes(routes!(put_template))
        .routes(routes!(preview_template))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct MessageQuery {
    /// Only this order's messages.
    order: Option<i64>,
    /// Only this customer's messages.
    customer: Option<i64>,
    /// Only messages in this state.
    #[param(inline)]
    status: Option<MessageStatus>,
}

/// Where a message is.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum MessageStatus {
    Queued,
    Sending,
    Sent,
    Failed,
    Bounced,
    Delivered,
    Withdrawn,
    Outbox,
}

impl MessageStatus {
    fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Bounced => "bounced",
            Self::Delivered => "delivered",
            Self::Withdrawn => "withdrawn",
            Self::Outbox => "outbox",
        }
    }
}

/// Messages to customers, newest first, with what was sent and how it went.
#[utoipa::path(get, path = "/messages", tag = "messages", params(MessageQuery, Page), responses((status = 200, body = [MessageView])))]
async fn list_messages(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<MessageQuery>,
    Paged(page): Paged,
) -> Result<Json<Vec<MessageView>>, ApiError> {
    let status = query.status.map_or("", MessageStatus::as_str);
    let filter = store::messaging::Filter {
        order_id: query.order.unwrap_or(0),
        customer_id: query.customer.unwrap_or(0),
        status,
        limit: page.limit,
        offset: page.offset,
    };
    Ok(Json(shop.messages(&actor, &filter).await?))
}

/// A provider reports what became of a message: point the gateway's delivery reports here. A
/// failure marks the contact invalid and sends the message on the next channel (CF-4).
#[utoipa::path(post, path = "/messages/receipts", tag = "messages", request_body = Receipt,
    responses((status = 200, body = MessageView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn record_receipt(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(receipt): Body<Receipt>,
) -> Result<Json<MessageView>, ApiError> {
    Ok(Json(shop.record_receipt(&actor, &receipt).await?))
}

/// Every template in every channel and language, the shop's own or the built-in one.
#[utoipa::path(get, path = "/templates", tag = "messages", responses((status = 200, body = [TemplateView])))]
async fn list_templates(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
) -> Result<Json<Vec<TemplateView>>, ApiError> {
    Ok(Json(shop.templates(&actor).await?))
}

/// Saves the shop's own version of a template (AF-6). A template that does not parse or uses a
/// variable its message does not have is refused with the line and the reason.
#[utoipa::path(put, path = "/templates/{key}/{channel}/{locale}", tag = "messages", request_body = TemplateText,
    params(("key" = String, Path), ("channel" = String, Path), ("locale" = String, Path)),
    responses((status = 200, body = TemplateView), (status = 422, body = ErrorBody)))]
async fn put_template(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg((key, channel, locale)): PathArg<(String, String, String)>,
    Body(text): Body<TemplateText>,
) -> Result<Json<TemplateView>, ApiError> {
    Ok(Json(
        shop.put_template(&actor, &key, &channel, &locale, &text)
            .await?,
    ))
}

/// Renders a template, saved or as edited, with a real order or sample data.
#[utoipa::path(post, path = "/templates/preview", tag = "messages", request_body = PreviewInput,
    responses((status = 200, body = Rendered), (status = 404, description = "No template has this key", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn preview_template(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Body(input): Body<PreviewInput>,
) -> Result<Json<Rendered>, ApiError> {
    Ok(Json(shop.preview(&actor, &input).await?))
}
