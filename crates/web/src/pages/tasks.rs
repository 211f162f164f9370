//! The call queue (CF-1..4): the next call first, with what to confirm and the customer's phone
//! one tap away; the outcome is one click, and the next call the policy sets is said at once.
//! Beside it, the visitors' messages waiting for an answer, the one due first first, each
//! answered in place (SU-1).

use app::backoffice::AttemptInput;
use app::backoffice::CallQueue;
use app::support::{AnswerInput, InquiryView};
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
    /// Messages from visitors still waiting for an answer (SU-1).
    inquiries: Vec<InquiryView>,
}

async fn show(shop: &app::Shop, me: &Me, refusal: Option<String>) -> Result<CallsPage, PageError> {
    Ok(CallsPage {
        queue: shop.call_queue(me.actor()).await?,
        inquiries: shop.waiting_inquiries(me.actor()).await?,
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
        Err(err) => refused(&shop, &me, err, None).await,
    }
}

/// The queue again, saying why what was sent was refused; a field it names is named first.
async fn refused(
    shop: &app::Shop,
    me: &Me,
    err: app::Error,
    field: Option<&str>,
) -> Result<Response, PageError> {
    if let app::Error::Store(err) = err {
        return Err(app::Error::Store(err).into());
    }
    let why = match (field, &err) {
        (Some(field), app::Error::Invalid { .. }) => format!("{field}: {}", me.explain(&err)),
        _ => me.explain(&err),
    };
    let page = show(shop, me, Some(why)).await?;
    Ok((Me::refused_status(&err), render(&page)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    text: String,
}

/// Answers a visitor's message (SU-1): the answer leaves through the outbox, and the message
/// leaves the queue.
pub async fn answer(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    let input = AnswerInput { text: form.text };
    match shop.answer_inquiry(me.actor(), id, &input).await {
        Ok(answered) => {
            let notice = me.lang.text_with(
                "inquiry-answered",
                &[
                    ("name", answered.name.into()),
                    ("contact", answered.contact.into()),
                ],
            );
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to("/admin/calls#inquiries").into_response())
        }
        Err(err) => refused(&shop, &me, err, Some(&me.lang.text("inquiry-answer"))).await,
    }
}
