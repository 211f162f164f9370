//! The call queue (CF-1..4): the next call first, with what to confirm and the customer's phone
//! one tap away; the outcome is one click, and the next call the policy sets is said at once.

use app::backoffice::CallQueue;
use app::tasks::AttemptInput;
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::orders::{DeliveryMethod, PaymentMode};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

#[derive(Template)]
#[template(path = "pages/calls.html")]
struct CallsPage {
    f: Frame,
    queue: CallQueue,
    /// The calling hours the policy sets, such as `09:00–20:00` (CF-3).
    hours: String,
    outcomes: [&'static str; 5],
    payments: Vec<&'static str>,
    deliveries: Vec<&'static str>,
    refusal: Option<String>,
}

async fn show(shop: &app::Shop, me: &Me, refusal: Option<String>) -> Result<CallsPage, PageError> {
    Ok(CallsPage {
        queue: shop.call_queue(me.actor()).await?,
        f: me.frame("calls", "calls-title"),
        hours: format!(
            "{}–{}",
            me.settings.calls.calling_from, me.settings.calls.calling_until
        ),
        outcomes: [
            "reached_confirmed",
            "reached_with_changes",
            "no_answer",
            "busy",
            "wrong_number",
        ],
        payments: PaymentMode::ALL.iter().map(|m| m.as_str()).collect(),
        deliveries: DeliveryMethod::ALL.iter().map(|m| m.as_str()).collect(),
        refusal,
    })
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    Ok(render(&show(&shop, &me, None).await?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttemptForm {
    outcome: String,
    note: String,
    payment_mode: String,
    delivery_method: String,
}

pub async fn record(
    State(shop): State<app::Shop>,
    me: Me,
    Path(task): Path<i64>,
    Form(form): Form<AttemptForm>,
) -> Result<Response, PageError> {
    let chosen = |v: String| (!v.trim().is_empty()).then_some(v);
    let input = AttemptInput {
        outcome: form.outcome.clone(),
        note: form.note,
        payment_mode: chosen(form.payment_mode),
        delivery_method: chosen(form.delivery_method),
    };
    match shop.record_attempt(me.actor(), task, &input).await {
        Ok(answer) => {
            let f = me.frame("calls", "calls-title");
            let outcome = f.label("outcome", &form.outcome);
            let number = answer.task.order_number;
            // CF-3: the time of the next call, as the policy set it, is said at once.
            let notice = match (answer.next_call_at, answer.held_until) {
                (Some(next), _) => f.lang.text_with(
                    "calls-recorded-next",
                    &[
                        ("number", number.into()),
                        ("outcome", outcome.into()),
                        ("next", f.when(&next).into()),
                    ],
                ),
                (None, Some(until)) => f.lang.text_with(
                    "calls-recorded-held",
                    &[
                        ("number", number.into()),
                        ("outcome", outcome.into()),
                        ("until", f.when(&until).into()),
                    ],
                ),
                (None, None) => f.lang.text_with(
                    "calls-recorded",
                    &[("number", number.into()), ("outcome", outcome.into())],
                ),
            };
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to("/admin/calls").into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let page = show(&shop, &me, Some(me.explain(&err))).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
