//! The courier's phone (DL-7, PY-5): today's deliveries in route order with the customer's
//! phone and a map, "on my way", "delivered" with the cash and the receipt number, a printable
//! receipt, and the day's cash handed in. A courier sees and acts on their own route only; the
//! use cases refuse anything else.

use app::MoneyView;
use app::fulfilment::{CourierDay, Receipt};
use app::fulfilment::{CourierDelivery, HandIn};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::station::parse_optional_amount;
use crate::pages::frame::Frame;
use crate::pages::session::{Me, PageError, encode, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Which {
    /// For an owner or a manager: whose day to look at.
    courier: Option<i64>,
}

#[derive(Template)]
#[template(path = "pages/courier.html")]
struct CourierPage {
    f: Frame,
    day: Option<CourierDay>,
    refusal: Option<String>,
}

impl CourierPage {
    /// A place on a map for an address, for the phone to open.
    fn map_link(&self, address: &str) -> String {
        format!(
            "https://www.openstreetmap.org/search?query={}",
            encode(address)
        )
    }

    /// An amount as the cash field takes it: `398.00`.
    fn amount(&self, money: &MoneyView) -> String {
        let minor = money.amount_minor;
        format!("{}.{:02}", minor / 100, minor % 100)
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    courier: Option<i64>,
    refusal: Option<String>,
) -> Result<CourierPage, PageError> {
    // A courier whose login is not linked yet is told so here, on their start page.
    let (day, refusal) = match shop.courier_day(me.actor(), courier).await {
        Ok(day) => (day, refusal),
        Err(err @ app::Error::Denied { .. }) => (None, Some(me.explain(&err))),
        Err(err) => return Err(err.into()),
    };
    Ok(CourierPage {
        f: me.frame("courier", "courier-title"),
        day,
        refusal,
    })
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Query(which): Query<Which>,
) -> Result<Response, PageError> {
    Ok(render(&show(&shop, &me, which.courier, None).await?))
}

/// Back to the day with a notice, or the day again with the refusal.
async fn answered<T>(
    shop: &app::Shop,
    me: &Me,
    outcome: Result<T, app::Error>,
    notice: String,
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => {
            me.notice(shop, &notice).await?;
            Ok(Redirect::to("/admin/courier").into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let page = show(shop, me, None, Some(me.explain(&err))).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

pub async fn on_the_way(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
) -> Result<Response, PageError> {
    let outcome = shop.courier_on_the_way(me.actor(), number).await;
    let notice = me
        .lang
        .text_with("courier-told", &[("number", number.into())]);
    answered(&shop, &me, outcome, notice).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeliveredForm {
    cash: String,
    receipt_number: String,
}

pub async fn delivered(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<DeliveredForm>,
) -> Result<Response, PageError> {
    let outcome = match parse_optional_amount(&form.cash, "cash_minor") {
        Ok(cash) => {
            let input = CourierDelivery {
                cash_minor: (cash > 0).then_some(cash),
                receipt_number: Some(form.receipt_number).filter(|r| !r.trim().is_empty()),
            };
            shop.courier_delivered(me.actor(), number, &input).await
        }
        Err(err) => Err(err),
    };
    let notice = me
        .lang
        .text_with("courier-delivered-done", &[("number", number.into())]);
    answered(&shop, &me, outcome, notice).await
}

#[derive(Debug, Deserialize)]
pub struct HandInForm {
    courier_id: i64,
    amount: String,
}

/// The day's cash given to the shop (PY-5).
pub async fn hand_in(
    State(shop): State<app::Shop>,
    me: Me,
    Form(form): Form<HandInForm>,
) -> Result<Response, PageError> {
    let outcome = match parse_optional_amount(&form.amount, "amount_minor") {
        Ok(amount_minor) => {
            let input = HandIn {
                courier_id: form.courier_id,
                amount_minor,
            };
            shop.hand_in_cash(me.actor(), &input).await
        }
        Err(err) => Err(err),
    };
    let notice = me.lang.text("courier-handed-in");
    answered(&shop, &me, outcome, notice).await
}

#[derive(Template)]
#[template(path = "pages/receipt.html")]
struct ReceiptPrint {
    f: Frame,
    r: Receipt,
    shop_name: String,
    contact_phone: String,
    contact_address: String,
}

/// The receipt the customer keeps for cash paid at the door (PY-5).
pub async fn receipt(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
) -> Result<Response, PageError> {
    let r = shop.receipt(me.actor(), number).await?;
    Ok(render(&ReceiptPrint {
        f: me.frame("courier", "receipt-title"),
        shop_name: me.settings.name.clone(),
        contact_phone: me.settings.contact_phone.clone(),
        contact_address: me.settings.contact_address.clone(),
        r,
    }))
}
