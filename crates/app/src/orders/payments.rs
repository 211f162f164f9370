//! Payments received (PY-1, PY-3), failed attempts (PY-4), refunds, and records voided.

use domain::access::Permission;
use domain::money::{Currency, parse_price_minor};
use domain::orders::{Command, Covered, CoveredLine, Event, Refusal};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::locked;
use crate::kernel::timeline;
use crate::kernel::views::{MoneyView, currency, timestamp};
use crate::kernel::{Context, jobs, tasks};
use crate::{Error, Result, Shop};

use super::OrderView;
use super::lifecycle::order_state;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct FailedPayment {
    /// What went wrong, as the provider or the customer said it.
    pub reason: String,
    #[serde(default)]
    pub method: String,
}

/// A payment as a channel or a manager reports it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewPayment {
    pub amount_minor: i64,
    /// One of the shop's methods (`payment.methods`), such as `card`, `cash`, `bank_transfer`.
    #[serde(default = "default_method")]
    pub method: String,
    /// The provider's or the receipt's reference.
    #[serde(default)]
    pub reference: String,
    /// More than the balance, taken knowingly: it may be paid back.
    #[serde(default)]
    pub overpayment: bool,
    /// The currency the money came in, when the caller knows it: it must be the order's.
    #[serde(default)]
    pub currency: Option<String>,
}

impl NewPayment {
    pub fn of(amount_minor: i64, method: &str, reference: &str) -> Self {
        Self {
            amount_minor,
            method: method.into(),
            reference: reference.into(),
            overpayment: false,
            currency: None,
        }
    }
}

fn default_method() -> String {
    "card".into()
}

/// Why a payment recorded in error is taken back out.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct PaymentVoid {
    pub reason: String,
}

/// Money given back (PY-3): for lines and quantities, the delivery, or an overpayment.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct NewRefund {
    /// The order lines given back, each with how many of its units.
    pub lines: Vec<RefundLine>,
    /// The delivery is refunded too.
    pub delivery: bool,
    /// The amount; when left out, the price of the lines and delivery it covers. Less than
    /// that is a partial refund; without lines, a refund of goodwill.
    pub amount_minor: Option<i64>,
    /// Money paid beyond the total, paid back.
    pub overpayment: bool,
    pub reason: String,
    /// How the money went back, one of the shop's methods.
    pub method: String,
    /// The provider's or the transfer's reference.
    pub reference: String,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
pub struct RefundLine {
    pub line_no: i64,
    pub quantity: i64,
}

/// A payment, a refund, a void or a failed attempt, as recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaymentRecord {
    pub id: i64,
    /// `payment`, `refund`, `void` or `failed`.
    pub kind: String,
    pub amount: MoneyView,
    pub method: String,
    pub reference: String,
    pub reason: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    pub actor: String,
    /// A payment taken back out as recorded in error.
    pub voided: bool,
    /// The payment a void takes back.
    pub voids: Option<i64>,
    /// What a refund gives money back for: `lines` (`line_no`, `quantity`) and `delivery`.
    #[schema(value_type = Object)]
    pub covers: Covered,
    /// A refund through the provider: `pending` until it took it, then `done` or `failed`;
    /// empty for what the shop recorded by hand.
    pub state: String,
}

impl Shop {
    /// The ways the shop takes money and gives it back: its `payment.methods`, and cards
    /// through Stripe once it is connected.
    pub async fn payment_methods(&self) -> Result<Vec<String>> {
        let settings = self.settings().await?;
        Ok(methods_taken(&settings, self.pays_online().await?))
    }

    /// The money of an order, oldest first: payments, refunds, voids and failed attempts.
    pub async fn payments_of(&self, actor: &Actor, number: i64) -> Result<Vec<PaymentRecord>> {
        actor.require(Permission::ManageOrders)?;
        let mut conn = self.store.read().await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let rows = store::orders::payments::of_order(&mut conn, number).await?;
        records(rows, currency(&row.currency)?)
    }

    /// Records money received; partial payments leave a balance due, more than the balance only
    /// as a marked overpayment. The customer is told on every channel (PY-3); a settled invoice
    /// starts assembly (PY-1).
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
        let taken = methods_taken(&settings, self.pays_online().await?);
        let method = domain::settings::method_among(&taken, &payment.method).field("method")?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = store::orders::get(&mut tx, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        if let Some(currency) = &payment.currency {
            let currency = Currency::parse(currency.trim()).field("currency")?;
            if currency.to_string() != row.currency {
                return Err(Error::field(
                    "currency",
                    "currency_mismatch",
                    format!("the order is in {}, not {currency}", row.currency),
                ));
            }
        }
        let command = Command::RecordPayment {
            amount_minor: payment.amount_minor,
            overpayment: payment.overpayment,
        };
        self.change(&mut tx, number, &[command], actor, None, &ctx)
            .await
            .map_err(|err| in_field(err, "amount_minor"))?;
        let recorded = NewPayment {
            method,
            ..payment.clone()
        };
        record_payment_row(
            &mut tx,
            number,
            "payment",
            &recorded,
            "",
            ctx.now_ms(),
            actor,
        )
        .await?;
        tx.commit().await?;
        self.counters.payment_recorded();
        self.order(number).await
    }

    /// Takes a payment recorded in error back out, with the reason on the timeline. The record
    /// stays, marked voided; a payment is voided once.
    pub async fn void_payment(
        &self,
        actor: &Actor,
        number: i64,
        payment_id: i64,
        void: &PaymentVoid,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let reason = domain::orders::parse_reason(&void.reason).field("reason")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        locked(&mut tx, number).await?;
        let payments = store::orders::payments::of_order(&mut tx, number).await?;
        let payment = payments
            .iter()
            .find(|p| p.id == payment_id && p.kind == "payment")
            .ok_or(Error::NotFound { what: "payment" })?;
        if payments.iter().any(|p| p.voids == Some(payment_id)) {
            return Err(already_voided());
        }
        let command = Command::VoidPayment {
            amount_minor: payment.amount_minor,
        };
        self.change(&mut tx, number, &[command], actor, Some(&reason), &ctx)
            .await?;
        let row = store::orders::payments::PaymentRow {
            kind: "void".into(),
            reason,
            at: ctx.now_ms(),
            actor: actor.name.clone(),
            voids: Some(payment_id),
            covers: "{}".into(),
            state: String::new(),
            ..payment.clone()
        };
        store::orders::payments::record(&mut tx, &row)
            .await
            .map_err(|err| match err {
                store::Error::Duplicate(_) => already_voided(),
                other => other.into(),
            })?;
        tx.commit().await?;
        self.order(number).await
    }

    /// Gives money back (PY-3): the lines and quantities returned and the delivery, priced as
    /// they were sold, or an amount of goodwill, or an overpayment. Never more than was paid,
    /// no unit twice; the customer is told in their channel.
    pub async fn refund(
        &self,
        actor: &Actor,
        number: i64,
        refund: &NewRefund,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let reason = domain::orders::parse_reason(&refund.reason).field("reason")?;
        if let Some(amount_minor) = refund.amount_minor {
            parse_price_minor(amount_minor).field("amount_minor")?;
        }
        let settings = self.settings().await?;
        let online = self.pays_online().await?;
        let method =
            domain::settings::method_among(&methods_taken(&settings, online), &refund.method)
                .field("method")?;
        let covers = Covered {
            lines: refund
                .lines
                .iter()
                .map(|l| CoveredLine {
                    line_no: l.line_no,
                    quantity: l.quantity,
                })
                .collect(),
            delivery: refund.delivery,
        };
        if refund.overpayment && !covers.is_empty() {
            return Err(Error::field(
                "lines",
                "overpayment_covers_nothing",
                "an overpayment paid back covers no lines and no delivery",
            ));
        }
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        let lines = store::orders::lines(&mut tx, number).await?;
        let recorded = store::orders::payments::of_order(&mut tx, number).await?;
        let earlier = recorded
            .iter()
            .filter(|p| p.kind == "refund")
            .map(covered)
            .collect::<Result<Vec<_>>>()?;
        // Money taken by card through Stripe goes back through Stripe, once it is connected.
        let through_stripe = method == "stripe" && online;
        if through_stripe && card_payment(&recorded).is_none() {
            return Err(Error::field(
                "method",
                "no_card_payment",
                "this order was not paid by card through Stripe",
            ));
        }
        let price = order_state(&row, &lines)?
            .price_of_refund(&earlier, &covers)
            .map_err(|refusal| refusal_in_lines(refusal, refund))?;
        let amount_minor = match refund.amount_minor {
            Some(amount) if !covers.is_empty() && amount > price => {
                return Err(Error::field(
                    "amount_minor",
                    "refund_above_covered",
                    format!("what the refund covers cost {price} minor units"),
                ));
            }
            Some(amount) => amount,
            None if covers.is_empty() => {
                return Err(Error::field(
                    "amount_minor",
                    "amount_required",
                    "name the lines given back, or the amount",
                ));
            }
            None => price,
        };
        let command = Command::Refund {
            amount_minor,
            overpayment: refund.overpayment,
        };
        self.change(&mut tx, number, &[command], actor, Some(&reason), &ctx)
            .await
            .map_err(|err| in_field(err, "amount_minor"))?;
        let row = store::orders::payments::PaymentRow {
            id: 0,
            order_id: number,
            kind: "refund".into(),
            amount_minor,
            method,
            reference: refund.reference.trim().into(),
            reason,
            at: ctx.now_ms(),
            actor: actor.name.clone(),
            covers: serde_json::to_string(&covers)
                .map_err(|e| store::Error::Corrupt(e.to_string()))?,
            voids: None,
            state: if through_stripe { "pending" } else { "" }.into(),
        };
        let id = store::orders::payments::record(&mut tx, &row).await?;
        if through_stripe {
            let payload = serde_json::json!({ "refund": id }).to_string();
            let key = format!("{}:{id}", jobs::PROVIDER_REFUND);
            store::jobs::enqueue_once(
                &mut tx,
                jobs::PROVIDER_REFUND,
                &payload,
                ctx.now_ms(),
                &key,
                ctx.now_ms(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
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
        let row = locked(&mut tx, number).await?;
        let attempt = NewPayment::of(0, &failure.method, "");
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

/// An order's stored money rows as the back office and the API show them.
pub(crate) fn records(
    rows: Vec<store::orders::payments::PaymentRow>,
    currency: Currency,
) -> Result<Vec<PaymentRecord>> {
    let voided: Vec<i64> = rows.iter().filter_map(|p| p.voids).collect();
    rows.into_iter()
        .map(|p| {
            Ok(PaymentRecord {
                id: p.id,
                voided: voided.contains(&p.id),
                amount: MoneyView::new(p.amount_minor, currency),
                at: timestamp(p.at)?,
                covers: covered(&p)?,
                kind: p.kind,
                method: p.method,
                reference: p.reference,
                reason: p.reason,
                actor: p.actor,
                voids: p.voids,
                state: p.state,
            })
        })
        .collect()
}

/// The shop's `payment.methods`, and `stripe` while Stripe is connected.
fn methods_taken(settings: &domain::settings::ShopSettings, online: bool) -> Vec<String> {
    let mut methods = settings.payment.methods.clone();
    if online && !methods.iter().any(|m| m == "stripe") {
        methods.push("stripe".into());
    }
    methods
}

/// The order's newest card payment through Stripe that was not voided: what a refund goes back
/// to.
pub(crate) fn card_payment(
    recorded: &[store::orders::payments::PaymentRow],
) -> Option<&store::orders::payments::PaymentRow> {
    recorded
        .iter()
        .rev()
        .filter(|p| p.kind == "payment" && p.method == "stripe" && !p.reference.is_empty())
        .find(|p| !recorded.iter().any(|v| v.voids == Some(p.id)))
}

/// What a stored refund covers.
pub(crate) fn covered(payment: &store::orders::payments::PaymentRow) -> Result<Covered> {
    Ok(serde_json::from_str(&payment.covers).map_err(|e| store::Error::Corrupt(e.to_string()))?)
}

fn already_voided() -> Error {
    Error::Conflict {
        code: "already_voided",
        message: "this payment was voided already".into(),
    }
}

/// An amount the order refuses is about the amount the person typed.
fn in_field(err: Error, field: &str) -> Error {
    match err {
        Error::Refused(
            refusal @ (Refusal::PaymentAboveBalance { .. }
            | Refusal::RefundAbovePaid { .. }
            | Refusal::RefundAboveOverpayment { .. }),
        ) => Error::refused_in(field, &refusal),
        other => other,
    }
}

/// A line or quantity a refund cannot cover, named by its place in the request.
fn refusal_in_lines(refusal: Refusal, refund: &NewRefund) -> Error {
    let at = |line_no: i64| refund.lines.iter().position(|l| l.line_no == line_no);
    let field = match &refusal {
        Refusal::NoSuchLine { line_no } => at(*line_no).map(|i| format!("lines[{i}].line_no")),
        Refusal::RefundQuantity { line_no, .. } => {
            at(*line_no).map(|i| format!("lines[{i}].quantity"))
        }
        Refusal::DeliveryRefunded => Some("delivery".to_owned()),
        _ => None,
    };
    match field {
        Some(field) => Error::refused_in(field, &refusal),
        None => refusal.into(),
    }
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
        id: 0,
        order_id,
        kind: kind.into(),
        amount_minor: payment.amount_minor,
        method: payment.method.trim().into(),
        reference: payment.reference.trim().into(),
        reason: reason.into(),
        at: now_ms,
        actor: actor.name.clone(),
        covers: "{}".into(),
        voids: None,
        state: String::new(),
    };
    store::orders::payments::record(tx, &row).await?;
    Ok(())
}
