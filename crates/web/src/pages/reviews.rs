//! The reviews page (AF-5): every review waits for its answer, the ones not answered first; a
//! negative one is answered with its cause and, in one click, a recovery coupon for the
//! author's next order. Each review is published or hidden with a reason the author is told.
//! Below, the causes of negative reviews per month and per product.

use app::reviews::{CauseCount, HideInput, ReviewAnswerInput, ReviewView};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::reviews::{Cause, is_negative};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

#[derive(Template)]
#[template(path = "pages/reviews.html")]
struct ReviewsPage {
    f: Frame,
    reviews: Vec<ReviewView>,
    causes: Vec<&'static str>,
    report: Vec<CauseCount>,
    refusal: Option<String>,
}

impl ReviewsPage {
    fn negative(&self, review: &ReviewView) -> bool {
        is_negative(review.stars)
    }

    fn stars(&self, stars: &i64) -> String {
        crate::storefront::reviews::stars(*stars)
    }
}

async fn show(shop: &app::Shop, me: &Me, refusal: Option<String>) -> Result<Response, PageError> {
    let paging = app::listing::Paging::parse(Some(200), None)?;
    let page = ReviewsPage {
        reviews: shop.reviews(me.actor(), None, paging).await?,
        report: shop.review_causes(me.actor()).await?,
        causes: Cause::ALL.iter().map(|c| c.as_str()).collect(),
        f: me.frame("reviews", "reviews-title"),
        refusal,
    };
    Ok(render(&page))
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show(&shop, &me, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    text: String,
    cause: String,
    /// Present when the answer goes with the recovery coupon (the one-click button).
    recovery: Option<String>,
}

pub async fn answer(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    let input = ReviewAnswerInput {
        text: form.text,
        cause: Some(form.cause),
        recovery: form.recovery.is_some(),
    };
    let done = shop.answer_review(me.actor(), id, &input).await;
    after(&shop, &me, id, done, "reviews-answered").await
}

pub async fn publish(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let done = shop.publish_review(me.actor(), id).await;
    after(&shop, &me, id, done, "reviews-published").await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HideForm {
    reason: String,
}

pub async fn hide(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    Form(form): Form<HideForm>,
) -> Result<Response, PageError> {
    let input = HideInput {
        reason: form.reason,
    };
    let done = shop.hide_review(me.actor(), id, &input).await;
    after(&shop, &me, id, done, "reviews-hidden").await
}

/// Back to the review with a notice, or the page again saying why it was refused, the field
/// first.
async fn after(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    done: app::Result<ReviewView>,
    notice: &str,
) -> Result<Response, PageError> {
    match done {
        Ok(review) => {
            let text = me.lang.text_with(notice, &[("title", review.title.into())]);
            me.notice(shop, &text).await?;
            Ok(Redirect::to(&format!("/admin/reviews#review-{id}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let why = match &err {
                app::Error::Invalid { field, .. } => {
                    format!(
                        "{}: {}",
                        me.lang.text(&format!("reviews-field-{field}")),
                        me.explain(&err)
                    )
                }
                _ => me.explain(&err),
            };
            let status = Me::refused_status(&err);
            Ok((status, show(shop, me, Some(why)).await?).into_response())
        }
    }
}
