//! An order paid at checkout (PY-1): held while the visitor pays, known to nobody; opened as
//! intake decided it once the provider says it was paid, or given up with its stock and coupon
//! back.

use domain::orders::{Event, Stage};
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::kernel::{Context, jobs, timeline};
use crate::{Result, Shop};

use super::NewOrder;
use super::intake::{Placed, follow_intake};
use super::payments::{NewPayment, record_payment_row};

/// What a paying order becomes once paid, as intake decided it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct OpensAs {
    pub(super) stage: String,
    pub(super) holds: String,
    pub(super) paid_minor: i64,
    /// The timeline intake would have written; what follows from it follows once paid.
    pub(super) events: Vec<Event>,
    pub(super) first_message: Option<String>,
}

impl Shop {
    /// Takes in an order the visitor pays for at checkout: reserved and priced like any other,
    /// its coupon used up, but `paying`, known to nobody and followed by nothing until the
    /// provider's word opens it ([`open_paid`]); the stock goes back if no payment came within
    /// `payment.checkout_minutes`.
    pub(crate) async fn place_paying_order(
        &self,
        input: &NewOrder,
        idempotency_key: &str,
        cart: &str,
    ) -> Result<Placed> {
        self.take_in(input, Some(idempotency_key), &Actor::visitor(), Some(cart))
            .await
    }

    /// The order is given up unpaid: `abandoned`, its stock and coupon given back, invisible as
    /// it was.
    pub(super) async fn give_up_paying(&self, number: i64) -> Result<()> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = crate::kernel::order_row::locked(&mut tx, number).await?;
        if row.stage != Stage::Paying.as_str() {
            return Ok(());
        }
        store::catalog::inventory::release(&mut tx, number, store::catalog::inventory::Lines::All)
            .await?;
        store::fulfilment::give_back_coupon(&mut tx, number).await?;
        store::orders::paying::finish(&mut tx, number).await?;
        let abandoned = store::orders::OrderRow {
            stage: Stage::Abandoned.as_str().into(),
            updated_at: ctx.now_ms(),
            ..row
        };
        store::orders::update_state(&mut tx, &abandoned).await?;
        let gone = domain::orders::Event::StageChanged {
            from: Stage::Paying,
            to: Stage::Abandoned,
        };
        timeline::append(
            &mut tx,
            number,
            &[gone],
            ctx.now_ms(),
            &Actor::system(),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Holds the new order `order_id` for its payment: what it opens as, the cart it came from, and
/// the job that gives it up once the checkout's time has run out.
pub(super) async fn hold(
    tx: &mut store::Conn,
    order_id: i64,
    opens_as: &OpensAs,
    cart: &str,
    ctx: &Context<'_>,
) -> Result<()> {
    let expires = ctx.later_minutes(ctx.settings.payment.checkout_minutes);
    let paying = store::orders::paying::PayingRow {
        order_id,
        opens_as: serde_json::to_string(opens_as)
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        checkout_id: None,
        cart: cart.to_owned(),
        expires_at: store::to_millis(expires),
    };
    store::orders::paying::insert(tx, &paying).await?;
    jobs::schedule(tx, jobs::CHECKOUT_EXPIRY, order_id, expires, ctx).await?;
    Ok(())
}

/// The provider's word came for a paying order (PY-1): it becomes what intake decided, placed
/// now, with the payment recorded, its cart emptied, and everything that follows an order's
/// arrival follows.
pub(super) async fn open_paid(
    tx: &mut store::Conn,
    row: store::orders::OrderRow,
    paying: &store::orders::paying::PayingRow,
    payment: &NewPayment,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<()> {
    let opens: OpensAs =
        serde_json::from_str(&paying.opens_as).map_err(|e| store::Error::Corrupt(e.to_string()))?;
    let now_ms = ctx.now_ms();
    let mut opened = store::orders::OrderRow {
        stage: opens.stage,
        holds: opens.holds,
        paid_minor: opens.paid_minor,
        placed_at: now_ms,
        updated_at: now_ms,
        ..row
    };
    super::stamp(&mut opened, &opens.events, ctx);
    store::orders::update_state(tx, &opened).await?;
    store::orders::paying::set_placed_at(tx, opened.id, now_ms).await?;
    store::orders::paying::finish(tx, opened.id).await?;
    store::storefront::delete_cart(tx, &paying.cart).await?;
    record_payment_row(tx, opened.id, "payment", payment, "", now_ms, actor).await?;
    let events = follow_intake(tx, &opened, opens.events, opens.first_message, ctx).await?;
    timeline::append(tx, opened.id, &events, now_ms, &Actor::visitor(), None).await?;
    Ok(())
}
