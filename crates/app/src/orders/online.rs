//! Paying online (PY-1, PY-2): the provider's hosted checkout the customer is sent to from their
//! order page, and the provider's word that the money came, taken once whichever way it
//! arrives first (the signed webhook, or the return from the checkout checked back with the
//! provider).

use std::future::Future;
use std::pin::Pin;

use domain::orders::{Command, Stage};
use secrecy::SecretString;

use crate::access::Actor;
use crate::kernel::{Context, tasks, timeline};
use crate::{Error, Result, Shop};

use super::payments::{NewPayment, record_payment_row};

/// The secret API key the shop's Stripe account gave it.
pub const STRIPE_SECRET_KEY: &str = "stripe.secret_key";
/// The signing secret of the shop's Stripe webhook endpoint.
pub const STRIPE_WEBHOOK_SECRET: &str = "stripe.webhook_secret";

pub type Answer<'a, T> = Pin<Box<dyn Future<Output = Result<T, ProviderError>> + Send + 'a>>;

/// A payment provider's API, as the shop uses it.
pub trait PaymentProvider: Send + Sync {
    /// Opens a hosted checkout for the request; the customer is sent to its page.
    fn checkout<'a>(
        &'a self,
        key: &'a SecretString,
        request: &'a CheckoutRequest,
    ) -> Answer<'a, Checkout>;
    /// The checkout as the provider knows it now.
    fn checkout_state<'a>(&'a self, key: &'a SecretString, id: &'a str) -> Answer<'a, Settlement>;
    /// Closes an open checkout so it can no longer be paid; refused once it is paid or closed.
    fn expire_checkout<'a>(&'a self, key: &'a SecretString, id: &'a str) -> Answer<'a, ()>;
    /// Gives back `amount_minor` of the provider's payment `payment`; answers with the
    /// provider's refund. The same key twice makes one refund.
    fn refund<'a>(
        &'a self,
        key: &'a SecretString,
        payment: &'a str,
        amount_minor: i64,
        idempotency_key: &'a str,
    ) -> Answer<'a, String>;
    /// Checks a webhook's signature and reads it: the settlement it reports, if it reports one.
    fn webhook(
        &self,
        secret: &SecretString,
        signature: &str,
        body: &[u8],
        now: jiff::Timestamp,
    ) -> Result<Option<Settlement>, WebhookRefused>;
}

/// What the customer is asked to pay, in the words of their order.
#[derive(Debug, Clone)]
pub struct CheckoutRequest {
    pub order_number: i64,
    /// ISO 4217, upper case as the shop keeps it.
    pub currency: String,
    /// What the items read on the provider's page; they add up to the amount due.
    pub items: Vec<CheckoutItem>,
    pub email: Option<String>,
    /// The customer's language, such as `nb`.
    pub locale: String,
    /// Where the provider sends the customer back after paying; it adds the checkout's id.
    pub success_url: String,
    pub cancel_url: String,
    /// The same request sent twice (a double click) opens one checkout.
    pub idempotency_key: String,
    /// When the provider stops taking payment on it: a paying order's stock is held until then.
    pub expires_at: Option<jiff::Timestamp>,
}

#[derive(Debug, Clone)]
pub struct CheckoutItem {
    pub name: String,
    pub unit_amount_minor: i64,
    pub quantity: i64,
}

#[derive(Debug, Clone)]
pub struct Checkout {
    pub id: String,
    /// The provider's page the customer pays on.
    pub url: String,
}

/// A checkout as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    pub checkout_id: String,
    pub order_number: i64,
    pub paid: bool,
    pub amount_minor: i64,
    /// ISO 4217, upper case.
    pub currency: String,
    /// The provider's payment, such as a Stripe PaymentIntent.
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// The provider refused the request (a 4xx): its code and message.
    #[error("the provider refused: {code}: {message}")]
    Refused { code: String, message: String },
    /// The provider could not be reached, or answered with a 5xx or a rate limit.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
}

/// Why a webhook was not believed. Nothing is changed by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WebhookRefused {
    #[error("the webhook carries no signature")]
    Unsigned,
    #[error("the webhook's signature is older than the tolerance")]
    Stale,
    #[error("the webhook's signature does not match its body")]
    Forged,
    #[error("the webhook's body is not an event")]
    Malformed,
}

impl From<ProviderError> for Error {
    fn from(err: ProviderError) -> Self {
        match err {
            ProviderError::Refused { message, .. } => Error::Conflict {
                code: "provider_refused",
                message,
            },
            ProviderError::Unavailable(message) => Error::Conflict {
                code: "provider_unavailable",
                message,
            },
        }
    }
}

impl From<WebhookRefused> for Error {
    fn from(err: WebhookRefused) -> Self {
        Error::Denied {
            code: "signature_invalid",
            message: err.to_string(),
        }
    }
}

impl Shop {
    /// The shop takes card payments online: Stripe is connected and its key is set.
    pub async fn pays_online(&self) -> Result<bool> {
        Ok(self.stripe.is_some() && self.secret(STRIPE_SECRET_KEY).await?.is_some())
    }

    /// Opens the provider's checkout for what the order behind this link still owes, and
    /// answers with the page to send the customer to (PY-2).
    pub async fn pay_online(&self, token: &str, locale: &str) -> Result<String> {
        let (provider, key) = self.stripe_with_key().await?;
        let number = self.order_number_by_link(token).await?;
        let order = self.order(number).await?;
        let due = order.payment.balance_due.amount_minor;
        let stage = Stage::parse(&order.stage).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let paying = match stage {
            Stage::Paying => {
                store::orders::paying::get(&mut *self.store.read().await?, number).await?
            }
            _ => None,
        };
        if due <= 0 || stage.is_final() || (stage == Stage::Paying && paying.is_none()) {
            return Err(Error::Conflict {
                code: "nothing_to_pay",
                message: "this order owes nothing".into(),
            });
        }
        let mut items: Vec<CheckoutItem> = order
            .lines
            .iter()
            .filter(|l| l.status == "active")
            .map(|l| CheckoutItem {
                name: l.title.clone(),
                unit_amount_minor: l.unit_price.amount_minor,
                quantity: l.quantity,
            })
            .collect();
        if order.delivery_price.amount_minor > 0 {
            items.push(CheckoutItem {
                name: format!(
                    "Delivery ({})",
                    order.delivery.method.as_deref().unwrap_or("")
                ),
                unit_amount_minor: order.delivery_price.amount_minor,
                quantity: 1,
            });
        }
        // The items show what was bought when they are what is due; after a discount or a
        // part payment, one item for the balance keeps the amount right.
        let listed: i64 = items.iter().map(|i| i.unit_amount_minor * i.quantity).sum();
        if listed != due {
            items = vec![CheckoutItem {
                name: format!("Order #{number}"),
                unit_amount_minor: due,
                quantity: 1,
            }];
        }
        let public_url = self.settings().await?.public_url;
        let public_url = public_url.trim_end_matches('/');
        let page = format!("{public_url}/o/{token}");
        let request = CheckoutRequest {
            order_number: number,
            currency: order.total.currency.to_string(),
            items,
            email: order.customer.email.clone(),
            locale: locale.to_owned(),
            success_url: format!("{page}?checkout={{CHECKOUT_SESSION_ID}}"),
            // Turning back from paying at checkout returns to the checkout, the cart as it was.
            cancel_url: match &paying {
                Some(_) => format!("{public_url}/checkout/back/{token}"),
                None => page,
            },
            idempotency_key: format!("order-{number}-v{}-due-{due}", order.version),
            expires_at: paying
                .as_ref()
                .map(|p| store::from_millis(p.expires_at))
                .transpose()?,
        };
        let checkout = provider.checkout(&key, &request).await?;
        if paying.is_some() {
            let mut tx = self.store.begin_write().await?;
            store::orders::paying::set_checkout(&mut tx, number, &checkout.id).await?;
            tx.commit().await?;
        }
        Ok(checkout.url)
    }

    /// The customer is back from the checkout: the provider is asked how it went, and a
    /// payment it reports is taken (once, whichever comes first of this and the webhook).
    pub async fn returned_from_checkout(&self, token: &str, checkout_id: &str) -> Result<()> {
        let (provider, key) = self.stripe_with_key().await?;
        let number = self.order_number_by_link(token).await?;
        let settlement = provider.checkout_state(&key, checkout_id).await?;
        if settlement.order_number != number {
            return Err(Error::NotFound { what: "checkout" });
        }
        self.take_settlement(&settlement).await
    }

    /// A webhook from Stripe: believed only with a valid, fresh signature; a payment it reports
    /// is taken once, however often it comes.
    pub async fn stripe_webhook(&self, signature: &str, body: &[u8]) -> Result<()> {
        let provider = self
            .stripe
            .clone()
            .ok_or(Error::NotFound { what: "provider" })?;
        let secret = self
            .secret(STRIPE_WEBHOOK_SECRET)
            .await?
            .ok_or(Error::NotFound { what: "provider" })?;
        match provider.webhook(&secret, signature, body, self.now())? {
            Some(settlement) => self.take_settlement(&settlement).await,
            None => Ok(()),
        }
    }

    /// Makes a refund decided on the order through Stripe (PY-3). While Stripe cannot be
    /// reached the job is tried again with backoff; a refusal, or the last try, leaves it
    /// `failed` with a task for a manager to make it by hand. The refund's id is its
    /// idempotency key, so a retry after a lost answer refunds once.
    pub(crate) async fn provider_refund(&self, refund_id: i64, last_try: bool) -> Result<()> {
        let mut conn = self.store.read().await?;
        let refund = store::orders::payments::get(&mut conn, refund_id)
            .await?
            .ok_or(Error::NotFound { what: "refund" })?;
        let recorded = store::orders::payments::of_order(&mut conn, refund.order_id).await?;
        drop(conn);
        if refund.state != "pending" {
            return Ok(());
        }
        let outcome = match (
            self.stripe_with_key().await,
            super::payments::card_payment(&recorded),
        ) {
            (Ok((provider, key)), Some(paid)) => {
                provider
                    .refund(
                        &key,
                        &paid.reference,
                        refund.amount_minor,
                        &format!("refund-{refund_id}"),
                    )
                    .await
            }
            _ => Err(ProviderError::Refused {
                code: "not_connected".into(),
                message: "Stripe is not connected, or the order has no card payment".into(),
            }),
        };
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let failed = match &outcome {
            Ok(reference) => {
                store::orders::payments::settle_refund(&mut tx, refund_id, "done", reference)
                    .await?;
                None
            }
            Err(ProviderError::Unavailable(why)) if !last_try => {
                return Err(Error::Conflict {
                    code: "provider_unavailable",
                    message: why.clone(),
                });
            }
            Err(err) => Some(err.to_string()),
        };
        if let Some(why) = failed {
            store::orders::payments::settle_refund(&mut tx, refund_id, "failed", &refund.reference)
                .await?;
            let why = format!(
                "Stripe did not make the refund of {}: {why}",
                refund.amount_minor
            );
            let opened = crate::kernel::tasks::open(
                &mut tx,
                refund.order_id,
                crate::kernel::tasks::REFUND_HELP,
                2,
                &why,
                &ctx,
            )
            .await?;
            crate::kernel::timeline::append(
                &mut tx,
                refund.order_id,
                &[opened],
                ctx.now_ms(),
                &Actor::provider("stripe"),
                None,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A paying order's time ran out (PY-1): a checkout Stripe reports paid is taken; one still
    /// open is closed at Stripe so it can no longer be paid, and the order is given up, its
    /// stock and coupon back. While Stripe cannot be reached the job is tried again; on the
    /// last try the order is given up anyway, and a payment that still comes is kept with a
    /// task for a manager.
    pub(crate) async fn checkout_expired(&self, number: i64, last_try: bool) -> Result<()> {
        let paying = store::orders::paying::get(&mut *self.store.read().await?, number).await?;
        match paying {
            Some(paying) => self.close_checkout(number, &paying, last_try).await,
            None => Ok(()),
        }
    }

    /// Closes the paying order's checkout at the provider, then takes its payment or gives the
    /// order up.
    async fn close_checkout(
        &self,
        number: i64,
        paying: &store::orders::paying::PayingRow,
        last_try: bool,
    ) -> Result<()> {
        if let (Some(checkout_id), Ok((provider, key))) =
            (&paying.checkout_id, self.stripe_with_key().await)
        {
            match provider.expire_checkout(&key, checkout_id).await {
                Ok(()) => {}
                // Not open any more: paid, or closed by Stripe itself.
                Err(ProviderError::Refused { .. }) => {
                    let settlement = provider.checkout_state(&key, checkout_id).await?;
                    if settlement.paid && settlement.order_number == number {
                        return self.take_settlement(&settlement).await;
                    }
                }
                Err(ProviderError::Unavailable(why)) if !last_try => {
                    return Err(Error::Conflict {
                        code: "provider_unavailable",
                        message: why,
                    });
                }
                Err(ProviderError::Unavailable(_)) => {}
            }
        }
        self.give_up_paying(number).await
    }

    /// The visitor turned back from paying at checkout (PY-1): the checkout is closed and the
    /// order given up at once, so the stock is free for the order they make next; the cart
    /// is as it was.
    pub async fn turn_back_from_checkout(&self, token: &str) -> Result<()> {
        let number = self.order_number_by_link(token).await?;
        let paying = store::orders::paying::get(&mut *self.store.read().await?, number).await?;
        let Some(paying) = paying else {
            return Err(Error::Conflict {
                code: "not_paying",
                message: "this order is not waiting for a payment at checkout".into(),
            });
        };
        // A checkout Stripe cannot close now stays for the expiry job to settle.
        self.close_checkout(number, &paying, false).await
    }

    async fn stripe_with_key(&self) -> Result<(std::sync::Arc<dyn PaymentProvider>, SecretString)> {
        let provider = self.stripe.clone();
        let key = self.secret(STRIPE_SECRET_KEY).await?;
        match (provider, key) {
            (Some(provider), Some(key)) => Ok((provider, key)),
            _ => Err(Error::Conflict {
                code: "online_payment_off",
                message: "the shop takes no payments online now".into(),
            }),
        }
    }

    /// Records a paid checkout once: the checkout's id is taken under a unique key in the same
    /// transaction as the payment. Money beyond the balance (two tabs paid) is kept as an
    /// overpayment to pay back, never lost.
    async fn take_settlement(&self, settlement: &Settlement) -> Result<()> {
        if !settlement.paid {
            return Ok(());
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let actor = Actor::provider("stripe");
        let number = settlement.order_number;
        let mut tx = self.store.begin_write().await?;
        let row = crate::kernel::order_row::locked(&mut tx, number).await?;
        match store::orders::payments::take_checkout(
            &mut tx,
            "stripe",
            &settlement.checkout_id,
            number,
            ctx.now_ms(),
        )
        .await
        {
            Err(store::Error::Duplicate(_)) => return Ok(()),
            other => other?,
        }
        if settlement.currency != row.currency {
            return Err(Error::field(
                "currency",
                "currency_mismatch",
                format!(
                    "the order is in {}, not {}",
                    row.currency, settlement.currency
                ),
            ));
        }
        let payment = NewPayment::of(settlement.amount_minor, "stripe", &settlement.reference);
        let paying = match row.stage == Stage::Paying.as_str() {
            true => store::orders::paying::get(&mut tx, number).await?,
            false => None,
        };
        if let Some(paying) = paying.filter(|_| settlement.amount_minor == row.total_minor) {
            let channel = row.channel.clone();
            super::paying::open_paid(&mut tx, row, &paying, &payment, &actor, &ctx).await?;
            tx.commit().await?;
            self.counters.order_placed(&channel);
            self.counters.payment_recorded();
            return Ok(());
        }
        let command = Command::RecordPayment {
            amount_minor: settlement.amount_minor,
            overpayment: settlement.amount_minor > row.total_minor - row.paid_minor,
        };
        self.change(&mut tx, number, &[command], &actor, None, &ctx)
            .await?;
        if row.stage == Stage::Abandoned.as_str() {
            // Paid after the shop gave the checkout up: the money is kept, and a manager places
            // the order again or pays it back.
            let why = format!(
                "{} paid by card after the checkout was given up and its stock released",
                settlement.amount_minor
            );
            let task = tasks::open(&mut tx, row.id, tasks::PAYMENT_HELP, 2, &why, &ctx).await?;
            timeline::append(&mut tx, row.id, &[task], ctx.now_ms(), &actor, None).await?;
        }
        record_payment_row(
            &mut tx,
            number,
            "payment",
            &payment,
            "",
            ctx.now_ms(),
            &actor,
        )
        .await?;
        tx.commit().await?;
        self.counters.payment_recorded();
        Ok(())
    }
}
