//! Customer cards (IN-3): the list with search, and a card with its contacts, orders, messages
//! and marketing consent.

use app::customers::{CustomerCard, CustomerSummary};
use app::messaging::MessageView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, encode, render};

const PAGE_SIZE: i64 = 25;

#[derive(Template)]
#[template(path = "pages/customers.html")]
struct ListPage {
    f: Frame,
    customers: Vec<CustomerSummary>,
    q: String,
    /// The search as a query string, for the pages before and after.
    search: String,
    page: i64,
    more: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Search {
    q: String,
    page: i64,
}

pub async fn list(
    State(shop): State<app::Shop>,
    me: Me,
    Query(search): Query<Search>,
) -> Result<Response, PageError> {
    let page = search.page.max(1);
    // One more than a page tells whether another page follows.
    let mut customers = shop
        .customers(me.actor(), &search.q, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        .await?;
    let more = customers.len() > PAGE_SIZE as usize;
    customers.truncate(PAGE_SIZE as usize);
    let view = ListPage {
        f: me.frame("customers", "customers-title"),
        customers,
        search: format!("q={}&", encode(&search.q)),
        q: search.q,
        page,
        more,
    };
    Ok(render(&view))
}

#[derive(Template)]
#[template(path = "pages/customer.html")]
struct CardPage {
    f: Frame,
    card: CustomerCard,
    messages: Vec<MessageView>,
}

pub async fn card(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let card = shop.customer(me.actor(), id).await?;
    let filter = store::messages::Filter {
        order_id: 0,
        customer_id: id,
        status: "",
        limit: 100,
    };
    let messages = shop.messages(me.actor(), &filter).await?;
    let view = CardPage {
        f: me.frame("customers", "customer-title"),
        card,
        messages,
    };
    Ok(render(&view))
}
