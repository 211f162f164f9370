//! The order list with its filters, an order's page, and the moves its stage allows, each the
//! same use case as the API's (`Shop::act` after `orders::parse_move`).

use app::backoffice::{OrderList, OrderPage, OrderQuery};
use app::fulfilment::HandOverInput;
use app::orders::MoveInput;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use domain::orders::{Command, DeliveryMethod, HoldKind, PaymentMode, ReturnOutcome, Stage};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, encode, render};

#[derive(Template)]
#[template(path = "pages/orders.html")]
struct ListPage {
    f: Frame,
    list: OrderList,
    query: OrderQuery,
    stages: Vec<&'static str>,
    holds: Vec<&'static str>,
    payments: Vec<&'static str>,
    deliveries: Vec<&'static str>,
    /// The filters as a query string, for the pages before and after.
    filters: String,
}

pub async fn list(
    State(shop): State<app::Shop>,
    me: Me,
    Query(query): Query<OrderQuery>,
) -> Result<Response, PageError> {
    let list = shop.order_list(me.actor(), &query).await?;
    let filters = [
        ("stage", &query.stage),
        ("hold", &query.hold),
        ("channel", &query.channel),
        ("payment", &query.payment),
        ("delivery", &query.delivery),
        ("q", &query.q),
    ]
    .iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(name, value)| format!("{name}={}&", encode(value)))
    .collect();
    let page = ListPage {
        f: me.frame("orders", "orders-title"),
        list,
        query,
        stages: Stage::ALL.iter().map(|s| s.as_str()).collect(),
        holds: HoldKind::ALL.iter().map(|s| s.as_str()).collect(),
        payments: PaymentMode::ALL.iter().map(|s| s.as_str()).collect(),
        deliveries: DeliveryMethod::ALL.iter().map(|s| s.as_str()).collect(),
        filters,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "pages/order.html")]
struct OrderPageView {
    f: Frame,
    view: OrderPage,
    outcomes: Vec<&'static str>,
    /// Why the last move was refused, shown beside the moves.
    refusal: Option<String>,
    /// The card of the customer, for those who may open it.
    customer_link: bool,
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    refusal: Option<String>,
) -> Result<OrderPageView, PageError> {
    let view = shop.order_page(me.actor(), number).await?;
    Ok(OrderPageView {
        f: me.frame("orders", "order-title"),
        view,
        outcomes: ReturnOutcome::ALL.iter().map(|o| o.as_str()).collect(),
        refusal,
        customer_link: me.staff.may(Permission::ManageOrders),
    })
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(&show(&shop, &me, number, None).await?))
}

/// A move's form: each move reads the fields it needs.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    reason: String,
    tracking_number: String,
    hold: String,
    outcome: String,
    line_no: Option<i64>,
}

fn given(value: String) -> Option<String> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

pub async fn act(
    State(shop): State<app::Shop>,
    me: Me,
    Path((number, action)): Path<(i64, String)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let input = MoveInput {
        reason: given(form.reason),
        tracking_number: given(form.tracking_number),
        line_no: form.line_no,
        hold: given(form.hold),
        outcome: given(form.outcome),
    };
    let moved = match app::orders::parse_move(&action, &input) {
        // The parcel's journey starts with the shipment record (DL-3, DL-6).
        Ok((Command::HandOver { tracking_number }, _)) => {
            let input = HandOverInput {
                tracking_number,
                courier_id: None,
            };
            shop.hand_over(me.actor(), number, &input).await
        }
        Ok((command, reason)) => shop.act(number, command, me.actor(), reason).await,
        Err(err) => Err(err),
    };
    answer_move(&shop, &me, number, moved).await
}

/// After a form on the order: back to the order with its new stage, or the order again with
/// the refusal beside the moves.
async fn answer_move(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    moved: Result<app::orders::OrderView, app::Error>,
) -> Result<Response, PageError> {
    match moved {
        Ok(order) => {
            let stage = me.lang.text(&format!("stage-{}", order.stage));
            let notice = me.lang.text_with(
                "order-moved",
                &[("number", number.into()), ("stage", stage.into())],
            );
            me.notice(shop, &notice).await?;
            Ok(Redirect::to(&format!("/admin/orders/{number}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let page = show(shop, me, number, Some(me.explain(&err))).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PaymentForm {
    /// In major units, as typed: `398.50`.
    amount: String,
    method: String,
    reference: String,
}

/// Money received, recorded by hand (PY-1); the customer is told (PY-3).
pub async fn record_payment(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<PaymentForm>,
) -> Result<Response, PageError> {
    let moved = match domain::money::parse_amount(&form.amount) {
        Ok(amount_minor) => {
            let payment = app::orders::NewPayment {
                amount_minor,
                method: given(form.method).unwrap_or_else(|| "card".into()),
                reference: form.reference.trim().to_owned(),
            };
            shop.record_payment(me.actor(), number, &payment).await
        }
        Err(invalid) => Err(app::Error::invalid("amount_minor", invalid)),
    };
    answer_move(&shop, &me, number, moved).await
}
