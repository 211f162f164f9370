//! After the sale: the daily run that reminds customers to reorder what runs out (AF-7), gives
//! a small gift on their birthday and on the anniversary of their card (AF-8), and greets them
//! on holidays with no offer in the greeting (AF-9). All three are marketing: only with consent
//! and within the weekly cap (AF-10), through the outbox, in the customer's channel and language.
//!
//! One job a day, added by whichever worker sees the day first: the day is its dedupe key. Each
//! occasion is one transaction that takes its key in `after_sale_sent` together with its coupon
//! and its message, so a second run, a second instance or a run after a worker died halfway
//! sends nothing twice and loses nothing.

use domain::after_sale::{Birthday, Gift, Occasion, occasions};
use jiff::ToSpan;
use jiff::civil::Date;
use serde_json::{Value, json};

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::timeline;
use crate::messaging::{Addressee, marketing_allowed, message_locale, queue_marketing};
use crate::{Error, Result, Shop};

/// Cards read at a time by the daily run.
const PAGE: i64 = 500;

impl Shop {
    /// The run for `day` in the shop's time zone: the greetings first, then the reminders.
    pub(crate) async fn after_sale(&self, day: Date) -> Result<()> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        self.celebrate(day, &ctx).await?;
        self.remind_to_reorder(day, &ctx).await
    }

    /// AF-8, AF-9: every card with consent, a page at a time, for what falls on `day`.
    async fn celebrate(&self, day: Date, ctx: &Context<'_>) -> Result<()> {
        // A run that comes days late (every worker was down) greets for no holiday that is past.
        let late = ctx.calendar.local(ctx.now).date() != day;
        let mut after = 0;
        loop {
            let page = {
                let mut conn = self.store.read().await?;
                store::after_sale::consenting(&mut conn, after, PAGE).await?
            };
            let Some(last) = page.last() else {
                return Ok(());
            };
            after = last.id;
            for card in page {
                // A birthday written some other way is not guessed at.
                let birthday = card
                    .birthday
                    .as_deref()
                    .and_then(|b| Birthday::parse(b).ok());
                let made = ctx
                    .calendar
                    .local(store::from_millis(card.created_at)?)
                    .date();
                for occasion in occasions(&ctx.settings.after_sale, day, birthday, made) {
                    if !(late && matches!(occasion, Occasion::Holiday { .. })) {
                        self.greet(card.id, &occasion, ctx).await?;
                    }
                }
            }
        }
    }

    /// One greeting in one transaction: the occasion's key, the gift's coupon and the message
    /// together, or nothing when the customer may not get it now.
    async fn greet(
        &self,
        customer_id: i64,
        occasion: &Occasion<'_>,
        ctx: &Context<'_>,
    ) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        // The card's lock puts two runs writing to one customer in line, so the cap holds.
        if !store::customers::lock(&mut tx, customer_id).await?
            || !marketing_allowed(&mut tx, customer_id, ctx).await?
            || !store::after_sale::take(&mut tx, customer_id, &occasion.key(), ctx.now_ms()).await?
        {
            return Ok(());
        }
        let card = store::customers::card(&mut tx, customer_id)
            .await?
            .ok_or(Error::NotFound { what: "customer" })?;
        let mut data = crate::messaging::customer_data(&card.name, ctx.settings);
        let extra = match occasion {
            Occasion::Birthday { gift, .. } => {
                gift_coupon(&mut tx, customer_id, *gift, "BD", ctx).await?
            }
            Occasion::Anniversary { gift, years, .. } => {
                let mut extra = gift_coupon(&mut tx, customer_id, *gift, "AN", ctx).await?;
                extra["years"] = json!(years);
                extra
            }
            Occasion::Holiday { greeting, .. } => {
                let locale = message_locale(card.locale.clone(), ctx.settings);
                json!({ "greeting": greeting.in_locale(&locale) })
            }
        };
        crate::messaging::extend(&mut data, extra);
        let to = Addressee {
            customer_id,
            order: None,
        };
        let queued = queue_marketing(&mut tx, to, occasion.template(), data, ctx).await?;
        // No contact that works: the occasion stays open and the coupon is not made.
        if !queued.is_empty() {
            tx.commit().await?;
        }
        Ok(())
    }

    /// AF-7: the lines of each rule's category delivered within its window, one reminder per
    /// order for the lines due together.
    async fn remind_to_reorder(&self, day: Date, ctx: &Context<'_>) -> Result<()> {
        let mut due = Vec::new();
        {
            let mut conn = self.store.read().await?;
            for rule in &ctx.settings.after_sale.replenish {
                let back = |days: i64| day.checked_sub(days.days()).unwrap_or(day);
                let from = ctx.calendar.start_of(back(rule.after_days_max));
                let until = ctx.calendar.start_of(back(rule.after_days_min - 1));
                due.extend(
                    store::after_sale::replenish_due(
                        &mut conn,
                        &rule.category,
                        store::to_millis(from),
                        store::to_millis(until),
                    )
                    .await?,
                );
            }
        }
        due.sort_by_key(|line| (line.order_id, line.line_no));
        due.dedup_by_key(|line| (line.order_id, line.line_no));
        for lines in due.chunk_by(|a, b| a.order_id == b.order_id) {
            self.remind(lines, ctx).await?;
        }
        Ok(())
    }

    /// One reminder for the due lines of one order, in one transaction with their keys.
    async fn remind(&self, lines: &[store::after_sale::DueLine], ctx: &Context<'_>) -> Result<()> {
        let Some(first) = lines.first() else {
            return Ok(());
        };
        let mut tx = self.store.begin_write().await?;
        if !store::customers::lock(&mut tx, first.customer_id).await?
            || !marketing_allowed(&mut tx, first.customer_id, ctx).await?
        {
            return Ok(());
        }
        let mut products: Vec<Value> = Vec::new();
        for line in lines {
            let key = store::after_sale::replenish_key(line.order_id, line.line_no);
            let url = format!(
                "{}/products/{}?sku={}",
                ctx.settings.public_url, line.product_id, line.sku
            );
            if store::after_sale::take(&mut tx, line.customer_id, &key, ctx.now_ms()).await?
                && products.iter().all(|p| p["url"] != url)
            {
                products.push(json!({ "title": line.title, "url": url }));
            }
        }
        let Some(main) = products.first().cloned() else {
            return Ok(());
        };
        let row = store::orders::get(&mut tx, first.order_id)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let extra = json!({
            "product_title": main["title"],
            "product_url": main["url"],
            "products": products,
        });
        let events =
            crate::messaging::marketing_message(&mut tx, &row, "replenish_reminder", extra, ctx)
                .await?;
        if events.is_empty() {
            return Ok(());
        }
        timeline::append(
            &mut tx,
            row.id,
            &events,
            ctx.now_ms(),
            &Actor::system(),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A single-use coupon for the customer's gift (AF-8, and AF-1's thank-you for a return), and
/// what the message says about it.
pub(crate) async fn gift_coupon(
    tx: &mut store::Conn,
    customer_id: i64,
    gift: Gift,
    prefix: &str,
    ctx: &Context<'_>,
) -> Result<Value> {
    let code = format!(
        "{prefix}{customer_id}-{}",
        crate::kernel::tokens::coupon_secret()?
    );
    let until = ctx.later(24 * gift.valid_days());
    let coupon = store::fulfilment::CouponRow {
        code: code.clone(),
        percent: gift.percent(),
        source_order: None,
        expires_at: store::to_millis(until),
        used_by_order: None,
        customer_id: Some(customer_id),
        free_delivery: i64::from(gift.free_delivery()),
    };
    store::fulfilment::insert_coupon(tx, &coupon, ctx.now_ms()).await?;
    Ok(json!({
        "coupon_code": code,
        "discount_percent": gift.percent(),
        "free_delivery": gift.free_delivery(),
        "coupon_until": ctx.calendar.local(until).date().to_string(),
    }))
}
