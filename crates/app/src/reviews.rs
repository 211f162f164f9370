//! Reviews: asked for some days after the goods arrive (AF-4), written by the buyer for each
//! line of their order from the order's link, answered by the shop (AF-5) before it publishes
//! them on the product page; a negative one is answered with a recovery and its cause is
//! recorded, so the shop can fix it.
//!
//! A review belongs to an order line, so its author bought what they write about; the unique
//! index on `(order_id, line_no)` keeps one per line, and a second one rewrites the first. New
//! and rewritten reviews wait for the shop: a shop must be able to keep a review off its pages,
//! and it answers each one anyway. The answer and a hidden review's reason are service
//! messages to the author (they wrote to the shop), so they need no marketing consent; the
//! request and its one reminder are marketing (AF-10).

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::fulfilment::ShipmentStatus;
use domain::orders::Event;
use domain::reviews::{Cause, ReviewState, is_negative, parse_stars, parse_text};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::views::timestamp;
use crate::kernel::{Context, jobs, tasks, timeline};
use crate::listing::Paging;
use crate::messaging::Reach;
use crate::{Error, Result, Shop};

/// What the author writes about one line of their order.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ReviewInput {
    pub line_no: i64,
    /// 1 to 5.
    pub stars: i64,
    /// At most 2000 characters; may be empty.
    #[serde(default)]
    pub text: String,
}

/// A review as its author and the shop see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewView {
    pub id: i64,
    pub order_number: i64,
    pub line_no: i64,
    pub product_id: Option<i64>,
    /// The product's title as bought.
    pub title: String,
    pub author: String,
    pub stars: i64,
    pub text: String,
    /// `waiting` (for the shop), `published` or `hidden`.
    pub state: String,
    /// Why the shop hid it; the author is told.
    pub hidden_reason: Option<String>,
    pub answer: Option<String>,
    /// Not answered yet, or rewritten since the answer.
    pub waits_for_answer: bool,
    /// A negative review's cause, as the shop found it: `product`, `size_chart`, `delivery`,
    /// `packaging`, `service` or `other`.
    pub cause: Option<String>,
    /// The recovery coupon sent with the answer.
    pub coupon_code: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

fn review_view(row: store::reviews::ReviewRow) -> Result<ReviewView> {
    Ok(ReviewView {
        id: row.id,
        order_number: row.order_id,
        line_no: row.line_no,
        product_id: row.product_id,
        waits_for_answer: row.answered_at.is_none_or(|at| at < row.updated_at),
        author: first_name(&row.customer_name),
        title: row.title,
        stars: row.stars,
        text: row.body,
        state: row.state,
        hidden_reason: row.hidden_reason,
        answer: row.answer,
        cause: row.cause,
        coupon_code: row.coupon_code,
        created_at: timestamp(row.created_at)?,
        updated_at: timestamp(row.updated_at)?,
    })
}

/// How a review is signed in public: the author's first name only.
fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A line of the order the customer may review, with their review once written.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewLine {
    pub line_no: i64,
    pub title: String,
    pub review: Option<ReviewView>,
}

/// The review section of the customer's order page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderReviews {
    /// The goods arrived, so the lines can be reviewed.
    pub open: bool,
    pub lines: Vec<ReviewLine>,
}

/// The shop's answer to a review.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct ReviewAnswerInput {
    pub text: String,
    /// Required for a review of 3 stars or fewer: `product`, `size_chart`, `delivery`,
    /// `packaging`, `service` or `other`.
    #[serde(default)]
    pub cause: Option<String>,
    /// Send the settings' recovery coupon with the answer (a review of 3 stars or fewer).
    #[serde(default)]
    pub recovery: bool,
}

/// Why the shop hides a review; the author is told.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct HideInput {
    pub reason: String,
}

/// A published review on the product page.
#[derive(Debug, Clone, Serialize)]
pub struct PublicReview {
    pub author: String,
    pub stars: i64,
    pub text: String,
    pub at: jiff::Timestamp,
    pub answer: Option<String>,
}

/// A product's published reviews and their average.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProductReviews {
    pub rating: Option<Rating>,
    pub reviews: Vec<PublicReview>,
}

/// The average of a product's published reviews.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rating {
    pub count: i64,
    /// To one decimal.
    pub average: f64,
}

impl Rating {
    fn of(row: &store::reviews::RatingRow) -> Self {
        let tenths = (row.stars * 10 + row.count / 2) / row.count.max(1);
        Self {
            count: row.count,
            average: tenths as f64 / 10.0,
        }
    }
}

/// How many negative reviews had a cause, in a month, for a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct CauseCount {
    /// `YYYY-MM`, in the shop's time zone.
    pub month: String,
    pub product: String,
    pub cause: String,
    pub count: i64,
}

/// The product pages show this many reviews.
const SHOWN: i64 = 50;
/// The causes report covers this many days.
const REPORT_DAYS: i64 = 366;

impl Shop {
    /// The review section behind the order's link: each line bought, with its review.
    pub async fn reviews_of_order(&self, token: &str) -> Result<OrderReviews> {
        let mut conn = self.store.read().await?;
        let row = store::orders::by_confirm_token(&mut conn, token)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let open = arrived(&mut conn, row.id).await?;
        let mut reviews = store::reviews::of_order(&mut conn, row.id).await?;
        let lines = store::orders::lines(&mut conn, row.id).await?;
        drop(conn);
        let mut shown = Vec::new();
        for line in lines.into_iter().filter(|l| l.status == "active") {
            let review = reviews
                .iter()
                .position(|r| r.line_no == line.line_no)
                .map(|i| review_view(reviews.swap_remove(i)))
                .transpose()?;
            shown.push(ReviewLine {
                line_no: line.line_no,
                title: line.title,
                review,
            });
        }
        Ok(OrderReviews { open, lines: shown })
    }

    /// The buyer reviews a line of their order, or rewrites their review, through the order's
    /// link (AF-4). The review waits for the shop's answer as a task due within the settings'
    /// working hours (AF-5).
    pub async fn write_review(&self, token: &str, input: &ReviewInput) -> Result<ReviewView> {
        let stars = parse_stars(input.stars).field("stars")?;
        let text = parse_text(&input.text, false).field("text")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = store::orders::by_confirm_token(&mut tx, token)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        // Two sends of the form queue here; the second finds the first and rewrites it.
        store::orders::lock(&mut tx, row.id).await?;
        if !arrived(&mut tx, row.id).await? {
            return Err(Error::Conflict {
                code: "not_delivered",
                message: "a review is written once the goods have arrived".into(),
            });
        }
        let line = store::orders::lines(&mut tx, row.id)
            .await?
            .into_iter()
            .find(|l| l.line_no == input.line_no && l.status == "active")
            .ok_or_else(|| {
                Error::field("line_no", "line_unknown", "this order has no such line")
            })?;
        let product_id = store::storefront::product_of_sku(&mut tx, &line.sku).await?;
        let id = store::reviews::write(
            &mut tx,
            &store::reviews::Written {
                order_id: row.id,
                line_no: line.line_no,
                product_id,
                title: &line.title,
                stars,
                body: &text,
                now_ms: ctx.now_ms(),
            },
        )
        .await?;
        let due = ctx
            .calendar
            .add_working_hours(ctx.now, settings.reviews.answer_within_hours);
        let reason = format!("{stars}★ {}", line.title);
        let priority = if is_negative(stars) { 1 } else { 0 };
        let event = tasks::open_due(
            &mut tx,
            row.id,
            tasks::ANSWER_REVIEW,
            due,
            priority,
            &reason,
            &ctx,
        )
        .await?;
        timeline::append(
            &mut tx,
            row.id,
            &[event],
            ctx.now_ms(),
            &Actor::visitor(),
            None,
        )
        .await?;
        let review = stored(&mut tx, id).await?;
        tx.commit().await?;
        review_view(review)
    }

    /// Reviews for the shop, those waiting for an answer first; `state` narrows them.
    pub async fn reviews(
        &self,
        actor: &Actor,
        state: Option<ReviewState>,
        paging: Paging,
    ) -> Result<Vec<ReviewView>> {
        actor.require(Permission::ManageOrders)?;
        let mut conn = self.store.read().await?;
        let state = state.map_or("", ReviewState::as_str);
        store::reviews::list(&mut conn, state, paging.limit, paging.offset)
            .await?
            .into_iter()
            .map(review_view)
            .collect()
    }

    /// The shop answers a review (AF-5): the answer shows under it once published and goes to
    /// the author. A negative review names its cause and may carry the recovery coupon for the
    /// author's next order, made once however often the answer is rewritten. The review's task
    /// closes once every review of the order is answered.
    pub async fn answer_review(
        &self,
        actor: &Actor,
        id: i64,
        input: &ReviewAnswerInput,
    ) -> Result<ReviewView> {
        actor.require(Permission::ManageOrders)?;
        let text = parse_text(&input.text, true).field("text")?;
        let cause = input
            .cause
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map(Cause::parse)
            .transpose()
            .field("cause")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let (row, review) = locked(&mut tx, id).await?;
        let negative = is_negative(review.stars);
        if negative && cause.is_none() {
            return Err(Error::field(
                "cause",
                "cause_required",
                "say what went wrong, so the shop can fix it",
            ));
        }
        if input.recovery && !negative {
            return Err(Error::field(
                "recovery",
                "recovery_not_needed",
                "a recovery answers a review of 3 stars or fewer",
            ));
        }
        let mut extra = json!({
            "product_title": review.title,
            "answer": text,
            "review_url": review_url(&row, &settings),
        });
        let mut coupon = None;
        if input.recovery && review.coupon_code.is_none() {
            let gift = settings.reviews.recovery;
            let made =
                crate::after_sale::gift_coupon(&mut tx, row.customer_id, gift, "RV", &ctx).await?;
            coupon = made["coupon_code"].as_str().map(str::to_owned);
            crate::messaging::extend(&mut extra, made);
        }
        store::reviews::answer(
            &mut tx,
            &store::reviews::Answer {
                id,
                answer: &text,
                by: &actor.name,
                cause: cause.map(Cause::as_str),
                coupon_code: coupon.as_deref(),
                now_ms: ctx.now_ms(),
            },
        )
        .await?;
        let events = crate::messaging::message(
            &mut tx,
            &row,
            "review_answer",
            Reach::Preferred,
            extra,
            &ctx,
        )
        .await?;
        if store::reviews::unanswered_of_order(&mut tx, row.id).await? == 0 {
            store::backoffice::tasks::close_for_order(
                &mut tx,
                row.id,
                &[tasks::ANSWER_REVIEW],
                "done",
                ctx.now_ms(),
            )
            .await?;
        }
        timeline::append(&mut tx, row.id, &events, ctx.now_ms(), actor, None).await?;
        let review = stored(&mut tx, id).await?;
        tx.commit().await?;
        review_view(review)
    }

    /// The shop shows the review on the product page.
    pub async fn publish_review(&self, actor: &Actor, id: i64) -> Result<ReviewView> {
        actor.require(Permission::ManageOrders)?;
        let mut tx = self.store.begin_write().await?;
        locked(&mut tx, id).await?;
        store::reviews::set_state(&mut tx, id, ReviewState::Published.as_str(), None).await?;
        let review = stored(&mut tx, id).await?;
        tx.commit().await?;
        review_view(review)
    }

    /// The shop keeps the review off its pages, saying why; the author is told in their
    /// language.
    pub async fn hide_review(
        &self,
        actor: &Actor,
        id: i64,
        input: &HideInput,
    ) -> Result<ReviewView> {
        actor.require(Permission::ManageOrders)?;
        let reason = parse_text(&input.reason, true).field("reason")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let (row, review) = locked(&mut tx, id).await?;
        store::reviews::set_state(&mut tx, id, ReviewState::Hidden.as_str(), Some(&reason)).await?;
        let extra = json!({
            "product_title": review.title,
            "reason": reason,
            "review_url": review_url(&row, &settings),
        });
        let events = crate::messaging::message(
            &mut tx,
            &row,
            "review_hidden",
            Reach::Preferred,
            extra,
            &ctx,
        )
        .await?;
        timeline::append(&mut tx, row.id, &events, ctx.now_ms(), actor, None).await?;
        let review = stored(&mut tx, id).await?;
        tx.commit().await?;
        review_view(review)
    }

    /// A product's published reviews, newest first, with the shop's answers and the average.
    pub async fn product_reviews(&self, product_id: i64) -> Result<ProductReviews> {
        let mut conn = self.store.read().await?;
        let rating = store::reviews::ratings(&mut conn, &[product_id])
            .await?
            .first()
            .map(Rating::of);
        let reviews = store::reviews::published(&mut conn, product_id, SHOWN)
            .await?
            .into_iter()
            .map(|r| {
                Ok(PublicReview {
                    author: first_name(&r.customer_name),
                    stars: r.stars,
                    text: r.body,
                    at: timestamp(r.updated_at)?,
                    answer: r.answer,
                })
            })
            .collect::<Result<_>>()?;
        Ok(ProductReviews { rating, reviews })
    }

    /// The averages of these products' published reviews, for the catalogue.
    pub async fn ratings(&self, product_ids: &[i64]) -> Result<BTreeMap<i64, Rating>> {
        let mut conn = self.store.read().await?;
        Ok(store::reviews::ratings(&mut conn, product_ids)
            .await?
            .iter()
            .map(|r| (r.product_id, Rating::of(r)))
            .collect())
    }

    /// The causes of the last year's negative reviews, per month and product (AF-5).
    pub async fn review_causes(&self, actor: &Actor) -> Result<Vec<CauseCount>> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let since = ctx.now_ms().saturating_sub(REPORT_DAYS * 86_400_000);
        let mut conn = self.store.read().await?;
        let mut counts: BTreeMap<(String, String, String), i64> = BTreeMap::new();
        for row in store::reviews::causes(&mut conn, since).await? {
            let month = ctx
                .calendar
                .local(timestamp(row.created_at)?)
                .strftime("%Y-%m")
                .to_string();
            *counts.entry((month, row.title, row.cause)).or_default() += 1;
        }
        let mut report: Vec<CauseCount> = counts
            .into_iter()
            .map(|((month, product, cause), count)| CauseCount {
                month,
                product,
                cause,
                count,
            })
            .collect();
        // The newest month first; in a month, the most frequent cause first.
        report.sort_by(|a, b| b.month.cmp(&a.month).then(b.count.cmp(&a.count)));
        Ok(report)
    }
}

/// Whether the order's goods reached the customer: only a buyer who has them reviews them.
async fn arrived(conn: &mut store::Conn, order_id: i64) -> Result<bool> {
    Ok(store::fulfilment::shipment(conn, order_id)
        .await?
        .is_some_and(|s| s.status == ShipmentStatus::Delivered.as_str()))
}

/// The review and its order, with the order's row locked so that two managers acting on one
/// review queue behind each other.
async fn locked(
    tx: &mut store::Conn,
    id: i64,
) -> Result<(store::orders::OrderRow, store::reviews::ReviewRow)> {
    let review = stored(tx, id).await?;
    store::orders::lock(tx, review.order_id).await?;
    let row = store::orders::get(tx, review.order_id)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    Ok((row, stored(tx, id).await?))
}

async fn stored(tx: &mut store::Conn, id: i64) -> Result<store::reviews::ReviewRow> {
    store::reviews::get(tx, id)
        .await?
        .ok_or(Error::NotFound { what: "review" })
}

/// Where the author writes or rewrites their reviews: the order page's review section.
fn review_url(
    row: &store::orders::OrderRow,
    settings: &domain::settings::ShopSettings,
) -> Option<String> {
    row.confirm_token
        .as_ref()
        .map(|t| format!("{}/o/{t}#review", settings.public_url))
}

/// When a delivered order is asked for its review (AF-4).
pub(crate) fn ask_at(ctx: &Context<'_>) -> jiff::Timestamp {
    ctx.calendar
        .within_calling_hours(ctx.later(24 * ctx.settings.reviews.ask_after_days))
}

/// AF-4: the review request, a marketing message: with consent, within the weekly cap (over
/// the cap it waits a week). Once sent, one reminder is scheduled. An order already reviewed
/// is not asked.
pub(crate) async fn ask(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    if !store::reviews::of_order(tx, row.id).await?.is_empty() {
        return Ok(Vec::new());
    }
    if !crate::messaging::marketing_allowed(tx, row.customer_id, ctx).await? {
        let consented = store::customers::card(tx, row.customer_id)
            .await?
            .is_some_and(|c| c.consent_at.is_some());
        if consented {
            let later = ctx.later(24 * 7);
            jobs::schedule_again(tx, jobs::REVIEW_REQUEST, row.id, later, ctx).await?;
        }
        return Ok(Vec::new());
    }
    let events = ask_with(tx, row, "review_request", ctx).await?;
    let remind_after = ctx.settings.reviews.remind_after_days;
    if remind_after > 0 {
        let remind_at = ctx
            .calendar
            .within_calling_hours(ctx.later(24 * remind_after));
        jobs::schedule(tx, jobs::REVIEW_REMINDER, row.id, remind_at, ctx).await?;
    }
    Ok(events)
}

/// The one reminder, when no review came: only within the consent and the weekly cap, or not
/// at all.
pub(crate) async fn remind(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    if !store::reviews::of_order(tx, row.id).await?.is_empty()
        || !crate::messaging::marketing_allowed(tx, row.customer_id, ctx).await?
    {
        return Ok(Vec::new());
    }
    ask_with(tx, row, "review_reminder", ctx).await
}

async fn ask_with(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let first = store::orders::lines(tx, row.id)
        .await?
        .into_iter()
        .find(|l| l.status == "active");
    let extra = json!({
        "product_title": first.map(|l| l.title),
        "review_url": review_url(row, ctx.settings),
    });
    crate::messaging::marketing_message(tx, row, template, extra, ctx).await
}
