//! The customer's own order page behind the link every message carries (CF-1): where the order
//! is, the promised window, the tracking link (DL-3), the messages sent, and the answers the
//! shop waits for: confirming, a choice for an item out of stock (ST-1), a flaw (AS-2). Each
//! answer is the same use case as the public API's. After delivery, the customer asks for a
//! return here (AF-1, AF-2, AF-3), reviews what they bought (`#review`, AF-4) and rates the
//! shop's courier (`#rate`, DL-7).

use app::fulfilment::{CourierRating, RatingInput};
use app::reviews::OrderReviews;
use app::storefront::CustomerPage;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Look, Visitor};
use crate::pages::session::render;

#[derive(Template)]
#[template(path = "storefront/order.html")]
struct OrderPage {
    f: Look,
    token: String,
    page: CustomerPage,
    /// Just placed: the thank-you is shown.
    placed: bool,
    /// The last answer was refused: why.
    refusal: Option<String>,
    tz: jiff::tz::TimeZone,
    reviews: OrderReviews,
    courier_rating: Option<CourierRating>,
    /// The balance can be paid here, online (PY-2).
    pays_online: bool,
}

impl OrderPage {
    fn when(&self, at: &jiff::Timestamp) -> String {
        at.to_zoned_datetime(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The stars the customer gave the courier, once rated.
    fn rated(&self) -> Option<i64> {
        match self.courier_rating {
            Some(CourierRating::Given { stars }) => Some(stars),
            _ => None,
        }
    }

    fn stars(&self, stars: &i64) -> String {
        super::reviews::stars(*stars)
    }

    fn reasons(&self) -> Vec<&'static str> {
        domain::returns::ReturnReason::ALL
            .iter()
            .map(|r| r.as_str())
            .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    placed: Option<String>,
    refused: String,
    /// Back from the provider's checkout, with its id.
    checkout: String,
}

async fn show(
    shop: &app::Shop,
    visitor: &Visitor,
    token: &str,
    placed: bool,
    refusal: Option<String>,
) -> Response {
    let found = async {
        Ok::<_, app::Error>((
            shop.customer_page(token, visitor.lang.code).await?,
            shop.reviews_of_order(token).await?,
            shop.courier_rating(token).await?,
            shop.pays_online().await?,
        ))
    };
    match found.await {
        Ok((page, reviews, courier_rating, pays_online)) => render(&OrderPage {
            f: visitor.titled(visitor.lang.text_with(
                "sf-order-title",
                &[(
                    "number",
                    fluent_templates::fluent_bundle::FluentValue::from(page.order.number),
                )],
            )),
            token: token.to_owned(),
            page,
            placed,
            refusal,
            tz: crate::pages::session::time_zone(&visitor.settings),
            reviews,
            courier_rating,
            pays_online,
        }),
        Err(err) => visitor.failure(err),
    }
}

pub async fn page(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
    Query(query): Query<PageQuery>,
) -> Response {
    let mut refusal = (!query.refused.is_empty()).then(|| visitor.explain(&query.refused, ""));
    // Back from paying: the provider is asked at once, so the page shows the order paid even
    // before its webhook comes.
    if !query.checkout.is_empty()
        && let Err(err) = shop.returned_from_checkout(&token, &query.checkout).await
    {
        tracing::warn!(error = %err, "the checkout could not be checked back");
        refusal = Some(visitor.explain(err.code(), ""));
    }
    show(&shop, &visitor, &token, query.placed.is_some(), refusal).await
}

/// On the way to the provider's page. A page that moves on by itself rather than a redirect:
/// the shop's `form-action 'self'` policy stops a form's redirect to another site.
#[derive(Template)]
#[template(path = "storefront/to_checkout.html")]
struct ToCheckout {
    f: Look,
    checkout: String,
}

/// The page that sends the visitor on to the provider's `checkout`.
pub(super) fn to_checkout(visitor: &Visitor, checkout: String) -> Response {
    render(&ToCheckout {
        f: visitor.titled(visitor.lang.text("sf-to-checkout-title")),
        checkout,
    })
}

/// The customer pays what the order still owes through the provider's checkout (PY-2).
pub async fn pay(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Response {
    match shop.pay_online(&token, visitor.lang.code).await {
        Ok(checkout) => to_checkout(&visitor, checkout),
        Err(err) => {
            tracing::warn!(error = %err, "no checkout was opened");
            let why = visitor.explain(err.code(), "");
            show(&shop, &visitor, &token, false, Some(why)).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Answer {
    line_no: i64,
    choice: String,
    sku: Option<String>,
    answer: String,
}

/// The customer answers: `confirm`, `choice` (ST-1) or `defect` (AS-2). A refused answer comes
/// back to the page, saying why.
pub async fn answer(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path((token, kind)): Path<(String, String)>,
    Form(answer): Form<Answer>,
) -> Response {
    let customer = app::access::Actor::visitor();
    let done = match kind.as_str() {
        "confirm" => shop.confirm_by_link(&token).await.map(drop),
        "choice" => match shop.order_by_link(&token).await {
            Ok((number, _)) => {
                let input = app::orders::ChoiceInput {
                    line_no: answer.line_no,
                    choice: answer.choice,
                    sku: answer.sku,
                };
                shop.choose(&customer, number, &input).await.map(drop)
            }
            Err(err) => Err(err),
        },
        "defect" => match shop.order_by_link(&token).await {
            Ok((number, _)) => shop
                .answer_defect(&customer, number, &answer.answer)
                .await
                .map(drop),
            Err(err) => Err(err),
        },
        _ => Err(app::Error::NotFound { what: "answer" }),
    };
    answered(&visitor, &token, done, "")
}

/// The return form (AF-1): `quantity-<line>` and `reason-<line>` for each line, and a `note`.
/// A form sent twice shows the first return.
pub async fn ask_return(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = app::after_sale::ReturnInput::default();
    for (name, value) in &fields {
        if name == "note" {
            input.note.clone_from(value);
        }
        let Some(line_no) = name
            .strip_prefix("quantity-")
            .and_then(|n| n.parse::<i64>().ok())
        else {
            continue;
        };
        let reason = fields
            .iter()
            .find(|(n, _)| *n == format!("reason-{line_no}"))
            .map(|(_, r)| r.clone())
            .unwrap_or_default();
        input.lines.push(app::after_sale::ReturnLineInput {
            line_no,
            // Not a number is as wrong as too many: the use case names the field.
            quantity: value.trim().parse().unwrap_or(-1),
            reason,
        });
    }
    let done = shop.request_return(&token, &input).await.map(drop);
    answered(&visitor, &token, done, "")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RatingForm {
    stars: i64,
    comment: String,
}

/// The customer rates the shop's courier (DL-7), through the same use case as the API; a
/// second rating is refused with thanks.
pub async fn rate(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(form): Form<RatingForm>,
) -> Response {
    let input = RatingInput {
        stars: form.stars,
        comment: form.comment,
    };
    let done = shop.rate_courier(&token, &input).await;
    answered(&visitor, &token, done, "rate")
}

/// Back to the order page, at `section` when there is one, saying why when the answer was
/// refused.
pub(super) fn answered(
    visitor: &Visitor,
    token: &str,
    done: app::Result<()>,
    section: &str,
) -> Response {
    let at = if section.is_empty() {
        String::new()
    } else {
        format!("#{section}")
    };
    match done {
        Ok(()) => Redirect::to(&format!("/o/{token}{at}")).into_response(),
        Err(app::Error::Invalid { code, .. } | app::Error::Conflict { code, .. }) => {
            Redirect::to(&format!("/o/{token}?refused={code}{at}")).into_response()
        }
        Err(app::Error::Refused(refusal)) => {
            Redirect::to(&format!("/o/{token}?refused={}{at}", refusal.code())).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}
