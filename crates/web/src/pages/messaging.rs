//! The outbox: every message sent or kept, filtered by order, customer or status.

use app::messaging::MessageView;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

/// A message's statuses, in the order it moves through them.
const STATUSES: [&str; 7] = [
    "queued",
    "sending",
    "sent",
    "delivered",
    "outbox",
    "failed",
    "bounced",
];

#[derive(Template)]
#[template(path = "pages/outbox.html")]
struct OutboxPage {
    f: Frame,
    messages: Vec<MessageView>,
    filter: OutboxFilter,
    statuses: [&'static str; 7],
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutboxFilter {
    /// Text, so that an empty field means any.
    order: String,
    customer: String,
    status: String,
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Query(filter): Query<OutboxFilter>,
) -> Result<Response, PageError> {
    let number = |raw: &str| raw.trim().parse::<i64>().unwrap_or(0);
    let query = store::messaging::Filter {
        order_id: number(&filter.order),
        customer_id: number(&filter.customer),
        status: filter.status.trim(),
        limit: 200,
        offset: 0,
    };
    let messages = shop.messages(me.actor(), &query).await?;
    let view = OutboxPage {
        f: me.frame("outbox", "outbox-title"),
        messages,
        filter,
        statuses: STATUSES,
    };
    Ok(render(&view))
}
