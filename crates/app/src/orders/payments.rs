//! Payments received (PY-1, PY-3) and failed attempts (PY-4).

use domain::access::Permission;
use domain::money::parse_price_minor;
use domain::orders::{Command, Event};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::timeline;
use crate::kernel::{Context, tasks};
use crate::{Error, Result, Shop};

use super::OrderView;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct FailedPayment {
    /// What went wrong, as the provider or the customer said it.
    pub reason: String,
    #[serde(default)]
    pub method: String,
}

impl Shop {
    /// Records money received; partial payments leave a balance due. The customer is told on
    /// every channel (PY-3); a settled invoice starts assembly (PY-1).
    pub async fn record_payment(
        &self,
        actor: &Actor,
        number: i64,
        payment: &NewPayment,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        parse_price_minor(payment.amount_minor).field("amount_minor")?;
        if payment.amount_minor == 0 {
            return Err(Error::field(
                "amount_minor",
                "amount_invalid",
                "a payment is more than zero",
            ));
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let command = Command::RecordPayment {
            amount_minor: payment.amount_minor,
        };
        self.change(&mut tx, number, &[command], actor, None, &ctx)
            .await?;
        record_payment_row(&mut tx, number, "payment", payment, "", ctx.now_ms(), actor).await?;
        tx.commit().await?;
        self.counters.payment_recorded();
        self.order(number).await
    }

    /// Records a failed payment attempt; after the shop's number of failures a manager is asked
    /// to help (PY-4).
    pub async fn record_failed_payment(
        &self,
        actor: &Actor,
        number: i64,
        failure: &FailedPayment,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let reason = domain::orders::parse_reason(&failure.reason).field("reason")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        if !store::orders::lock(&mut tx, number).await? {
            return Err(Error::NotFound { what: "order" });
        }
        let row = store::orders::get(&mut tx, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let attempt = NewPayment {
            amount_minor: 0,
            method: failure.method.clone(),
            reference: String::new(),
        };
        record_payment_row(
            &mut tx,
            number,
            "failed",
            &attempt,
            &reason,
            ctx.now_ms(),
            actor,
        )
        .await?;
        let failures = store::orders::payments::of_order(&mut tx, number)
            .await?
            .iter()
            .filter(|p| p.kind == "failed")
            .count();
        let mut events = vec![Event::PaymentFailed {
            reason: reason.clone(),
        }];
        if failures as i64 >= settings.payment.failures_before_help {
            let why = format!("{failures} failed payment attempts; last: {reason}");
            events.push(tasks::open(&mut tx, row.id, tasks::PAYMENT_HELP, 2, &why, &ctx).await?);
        }
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        tx.commit().await?;
        self.order(number).await
    }
}

/// A payment as a channel or a manager reports it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewPayment {
    pub amount_minor: i64,
    /// Such as `card`, `cash`, `bank_transfer`, `vipps`.
    #[serde(default = "default_method")]
    pub method: String,
    /// The provider's or the receipt's reference.
    #[serde(default)]
    pub reference: String,
}

fn default_method() -> String {
    "card".into()
}

pub(crate) async fn record_payment_row(
    tx: &mut store::Conn,
    order_id: i64,
    kind: &str,
    payment: &NewPayment,
    reason: &str,
    now_ms: i64,
    actor: &Actor,
) -> Result<()> {
    let row = store::orders::payments::PaymentRow {
        order_id,
        kind: kind.into(),
        amount_minor: payment.amount_minor,
        method: payment.method.trim().into(),
        reference: payment.reference.trim().into(),
        reason: reason.into(),
        at: now_ms,
        actor: actor.name.clone(),
    };
    Ok(store::orders::payments::record(tx, &row).await?)
}
