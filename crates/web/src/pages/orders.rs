//! The order list with its filters, an order's page, the moves its stage allows and the edit of
//! its customer details and delivery, each the same use case as the API's (`Shop::act` after
//! `orders::parse_move`, `Shop::edit_order`).

use app::backoffice::{OrderList, OrderPage, OrderQuery};
use app::fulfilment::HandOverInput;
use app::orders::{MoveInput, OrderEdit};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use domain::orders::{
    Command, DeliveryMethod, Editable, HoldKind, PaymentMode, ReturnOutcome, Stage,
};
use serde::Deserialize;

use super::frame::{Frame, money_in};
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
        stages: Stage::ALL
            .iter()
            .filter(|s| s.is_placed())
            .map(|s| s.as_str())
            .collect(),
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
    /// The form editing the customer's details and the delivery, as shown or as typed.
    details: DetailsForm,
    /// Why the last edit was refused, shown in its form.
    details_refusal: Option<String>,
    everything_editable: bool,
    deliveries: Vec<&'static str>,
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    refusal: Option<String>,
) -> Result<OrderPageView, PageError> {
    show_with(shop, me, number, refusal, None, None).await
}

/// The order page; `typed` is a refused edit to show again as typed, open.
async fn show_with(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    refusal: Option<String>,
    typed: Option<DetailsForm>,
    details_refusal: Option<String>,
) -> Result<OrderPageView, PageError> {
    let view = shop.order_page(me.actor(), number).await?;
    let details = typed.unwrap_or_else(|| DetailsForm::of(&view.order));
    Ok(OrderPageView {
        f: me.frame("orders", "order-title"),
        everything_editable: view.editable == Editable::Everything,
        view,
        outcomes: ReturnOutcome::ALL.iter().map(|o| o.as_str()).collect(),
        refusal,
        customer_link: me.staff.may(Permission::ManageOrders),
        details,
        details_refusal,
        deliveries: DeliveryMethod::ALL.iter().map(|s| s.as_str()).collect(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    /// Opens the form editing the details.
    edit: bool,
    /// The call this edit is the outcome of (CF-1).
    task: Option<i64>,
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Query(query): Query<PageQuery>,
) -> Result<Response, PageError> {
    let mut page = show(&shop, &me, number, None).await?;
    page.details.open = query.edit || query.task.is_some();
    page.details.task = query.task;
    Ok(render(&page))
}

/// The customer's details and the delivery of an order, as the edit form holds them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    version: i64,
    task: Option<i64>,
    name: String,
    phone: String,
    email: String,
    line: String,
    city: String,
    postcode: String,
    country: String,
    delivery_method: String,
    pickup_point: String,
    #[serde(skip)]
    open: bool,
}

impl DetailsForm {
    fn of(order: &app::orders::OrderView) -> Self {
        let address = order.delivery.address.as_ref();
        let part = |get: fn(&app::orders::NewAddress) -> &String| {
            address.map(get).cloned().unwrap_or_default()
        };
        Self {
            version: order.version,
            task: None,
            name: order.customer.name.clone(),
            phone: order.customer.phone.clone().unwrap_or_default(),
            email: order.customer.email.clone().unwrap_or_default(),
            line: part(|a| &a.line),
            city: part(|a| &a.city),
            postcode: part(|a| &a.postcode),
            country: part(|a| &a.country),
            delivery_method: order.delivery.method.clone().unwrap_or_default(),
            pickup_point: order.delivery.pickup_point.clone().unwrap_or_default(),
            open: false,
        }
    }

    fn edit(&self) -> OrderEdit {
        let address = [&self.line, &self.city, &self.postcode, &self.country];
        OrderEdit {
            version: Some(self.version),
            name: Some(self.name.clone()),
            phone: Some(self.phone.clone()),
            email: Some(self.email.clone()),
            delivery_method: given(self.delivery_method.clone()),
            address: address.iter().any(|p| !p.trim().is_empty()).then(|| {
                app::orders::NewAddress {
                    line: self.line.clone(),
                    city: self.city.clone(),
                    postcode: self.postcode.clone(),
                    country: self.country.clone(),
                }
            }),
            pickup_point: given(self.pickup_point.clone()),
        }
    }
}

/// Saves the edit of the customer's details and the delivery. From the call queue's "confirmed
/// with changes", the call is recorded once the fix is in the order itself (CK-1, CF-1).
pub async fn edit_details(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<DetailsForm>,
) -> Result<Response, PageError> {
    match shop.edit_order(me.actor(), number, &form.edit()).await {
        Ok(_) => {
            let mut notice = me
                .lang
                .text_with("order-details-saved", &[("number", number.into())]);
            if let Some(task) = form.task {
                let attempt = app::backoffice::AttemptInput {
                    outcome: "reached_with_changes".into(),
                    note: String::new(),
                    payment_mode: None,
                    delivery_method: None,
                };
                shop.record_attempt(me.actor(), task, &attempt).await?;
                let outcome = me
                    .frame("calls", "calls-title")
                    .label("outcome", "reached_with_changes");
                notice = me.lang.text_with(
                    "calls-recorded",
                    &[("number", number.into()), ("outcome", outcome.into())],
                );
            }
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to(&format!("/admin/orders/{number}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let why = refusal_naming_field(&me, &err);
            let typed = DetailsForm { open: true, ..form };
            let page = show_with(&shop, &me, number, None, Some(typed), Some(why)).await?;
            Ok((status, render(&page)).into_response())
        }
    }
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
    answer_with(shop, me, number, moved, |order| {
        let stage = me.lang.text(&format!("stage-{}", order.stage));
        me.lang.text_with(
            "order-moved",
            &[("number", number.into()), ("stage", stage.into())],
        )
    })
    .await
}

/// After a form on the order's money: back to the order saying what was given back or voided.
async fn answer_money(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    done: Result<app::orders::OrderView, app::Error>,
    notice: &str,
) -> Result<Response, PageError> {
    answer_with(shop, me, number, done, |order| {
        let refunded = money_in(&order.payment.refunded, me.lang.code);
        let paid = money_in(&order.payment.paid, me.lang.code);
        me.lang.text_with(
            notice,
            &[
                ("number", number.into()),
                ("refunded", refunded.into()),
                ("paid", paid.into()),
            ],
        )
    })
    .await
}

async fn answer_with(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    done: Result<app::orders::OrderView, app::Error>,
    notice: impl FnOnce(&app::orders::OrderView) -> String,
) -> Result<Response, PageError> {
    match done {
        Ok(order) => {
            me.notice(shop, &notice(&order)).await?;
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
    /// The checkbox: more than the balance, knowingly.
    overpayment: Option<String>,
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
                overpayment: form.overpayment.is_some(),
                ..app::orders::NewPayment::of(amount_minor, &form.method, &form.reference)
            };
            shop.record_payment(me.actor(), number, &payment).await
        }
        Err(invalid) => Err(app::Error::invalid("amount_minor", invalid)),
    };
    answer_move(&shop, &me, number, moved).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VoidForm {
    reason: String,
}

/// A payment recorded in error, taken back out with the reason.
pub async fn void_payment(
    State(shop): State<app::Shop>,
    me: Me,
    Path((number, id)): Path<(i64, i64)>,
    Form(form): Form<VoidForm>,
) -> Result<Response, PageError> {
    let void = app::orders::PaymentVoid {
        reason: form.reason,
    };
    let voided = shop.void_payment(me.actor(), number, id, &void).await;
    answer_money(&shop, &me, number, voided, "payment-voided-notice").await
}

/// The refund form: `quantity-{line_no}` per line, `delivery`, an optional `amount` in major
/// units, `method`, `reason`, `reference`, and `overpayment` for money paid beyond the total.
pub async fn refund(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.trim())
    };
    let mut lines = Vec::new();
    let mut refused = None;
    for (key, value) in &fields {
        let Some(line_no) = key.strip_prefix("quantity-").and_then(|n| n.parse().ok()) else {
            continue;
        };
        match value.trim().parse::<i64>() {
            Ok(0) => {}
            Ok(quantity) => lines.push(app::orders::RefundLine { line_no, quantity }),
            Err(_) => {
                refused = Some(app::Error::field(
                    format!("lines[{}].quantity", lines.len()),
                    "quantity_invalid",
                    format!("'{}' is not a number of units", value.trim()),
                ))
            }
        }
    }
    let amount_minor = match field("amount") {
        "" => None,
        typed => match domain::money::parse_amount(typed) {
            Ok(minor) => Some(minor),
            Err(invalid) => {
                refused = Some(app::Error::invalid("amount_minor", invalid));
                None
            }
        },
    };
    let refund = app::orders::NewRefund {
        lines,
        delivery: !field("delivery").is_empty(),
        amount_minor,
        overpayment: !field("overpayment").is_empty(),
        reason: field("reason").to_owned(),
        method: field("method").to_owned(),
        reference: field("reference").to_owned(),
    };
    let refunded = match refused {
        Some(err) => Err(err),
        None => shop.refund(me.actor(), number, &refund).await,
    };
    answer_money(&shop, &me, number, refunded, "refund-notice").await
}

/// Why a form was refused, in words, after the words for the field it names: `Street and
/// house number: ...`, `Items 2: Quantity: ...`. Intake's paths (`customer.phone`,
/// `delivery.address.line`, `lines[1].quantity`) and the edit's (`phone`, `address.line`) both.
pub(super) fn refusal_naming_field(me: &Me, err: &app::Error) -> String {
    let why = me.explain(err);
    let app::Error::Invalid { field, .. } = err else {
        return why;
    };
    if let Some((at, part)) = field
        .strip_prefix("lines[")
        .and_then(|rest| rest.split_once("]."))
    {
        let part = match part {
            "quantity" => "phone-order-quantity",
            "note" => "phone-order-line-note",
            _ => "phone-order-sku",
        };
        let line = at.parse::<usize>().map_or(1, |i| i + 1);
        let items = me.lang.text("phone-order-lines");
        return format!("{items} {line}: {}: {why}", me.lang.text(part));
    }
    let key = match field.as_str() {
        "payment_mode" => "phone-order-payment".to_owned(),
        "note" => "phone-order-note".to_owned(),
        "lines" => "phone-order-lines".to_owned(),
        "delivery.method" | "delivery_method" => "order-details-delivery_method".to_owned(),
        other => format!(
            "order-details-{}",
            other
                .trim_start_matches("customer.")
                .trim_start_matches("delivery.")
                .replace('.', "-")
        ),
    };
    match me.lang.try_text(&key) {
        Some(words) => format!("{words}: {why}"),
        None => why,
    }
}
