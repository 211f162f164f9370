//! Customer cards (IN-3): the list with search, and a card with its contacts, orders, messages,
//! what the customer wrote to the shop with the answers (SU-1) and marketing consent, and two
//! cards of one person merged into one.

use app::customers::{CustomerCard, CustomerSummary};
use app::messaging::MessageView;
use app::support::InquiryView;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
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
    /// What the customer wrote to the shop and the answers, oldest first (SU-1).
    inquiries: Vec<InquiryView>,
}

pub async fn card(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let card = shop.customer(me.actor(), id).await?;
    let filter = store::messaging::Filter {
        order_id: 0,
        customer_id: id,
        status: "",
        limit: 100,
        offset: 0,
    };
    let messages = shop.messages(me.actor(), &filter).await?;
    let inquiries = shop.inquiries_of_customer(me.actor(), id).await?;
    let view = CardPage {
        f: me.frame("customers", "customer-title"),
        card,
        messages,
        inquiries,
    };
    Ok(render(&view))
}

#[derive(Template)]
#[template(path = "pages/customer_merge.html")]
struct MergePage {
    f: Frame,
    card: CustomerCard,
    /// The card chosen to merge into this one, shown beside it before confirming.
    other: Option<CustomerCard>,
    candidates: Vec<CustomerSummary>,
    q: String,
    refusal: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MergeQuery {
    /// Cards to offer; this card's name when not given.
    q: Option<String>,
    other: Option<i64>,
}

async fn merge_page(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    query: MergeQuery,
    refusal: Option<String>,
) -> Result<MergePage, PageError> {
    let card = shop.customer(me.actor(), id).await?;
    let other = match query.other {
        Some(other) => Some(shop.customer(me.actor(), other).await?),
        None => None,
    };
    let q = query.q.unwrap_or_else(|| card.name.clone());
    let candidates = shop
        .customers(me.actor(), &q, PAGE_SIZE, 0)
        .await?
        .into_iter()
        .filter(|c| c.id != id)
        .collect();
    Ok(MergePage {
        f: me.frame("customers", "merge-title"),
        card,
        other,
        candidates,
        q,
        refusal,
    })
}

/// Finding the other card of the same person, then both side by side to confirm (IN-3).
pub async fn merge_form(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Query(query): Query<MergeQuery>,
) -> Result<Response, PageError> {
    Ok(render(&merge_page(&shop, &me, id, query, None).await?))
}

#[derive(Debug, Deserialize)]
pub struct MergeForm {
    other: i64,
}

pub async fn merge(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<MergeForm>,
) -> Result<Response, PageError> {
    match shop.merge_customers(me.actor(), id, form.other).await {
        Ok(card) => {
            let notice = me.lang.text_with(
                "merge-done",
                &[("other", form.other.into()), ("name", card.name.into())],
            );
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to(&format!("/admin/customers/{id}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let query = MergeQuery {
                q: None,
                other: None,
            };
            let page = merge_page(&shop, &me, id, query, Some(me.explain(&err))).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
