//! The checkout: the intake checks first, naming every field at fault (CK-1), then the cart
//! placed through the same intake as the API, once per form.

use domain::checks;
use domain::contact::{Email, PersonName, Phone, PhoneRegion};
use domain::orders::{DeliveryMethod, PaymentMode};

use jiff::SignedDuration;

use crate::access::{Actor, hash};
use crate::kernel::error::{FieldResult, Problem};
use crate::orders::{NewAddress, NewBuyer, NewDelivery, NewLine, NewOrder, Placed};
use crate::{Error, Result, Shop};

/// A fresh key for a checkout form: the order it makes is found again by it.
pub fn checkout_key() -> Result<String> {
    crate::kernel::tokens::secret_token()
}

/// Unknown coupon codes one sender may try within an hour.
pub const COUPON_TRIES_PER_HOUR: i64 = 10;

/// The checkout form as typed, every field kept so a refused form comes back as it was.
#[derive(Debug, Clone, Default)]
pub struct Checkout {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub method: String,
    pub pickup_point: String,
    pub address_line: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
    pub payment_mode: String,
    pub preferred_channel: String,
    pub note: String,
    /// A note per cart line, in the cart's order (IN-2).
    pub line_notes: Vec<String>,
    pub marketing_consent: bool,
    pub locale: String,
    /// A coupon's code, or empty (AS-4, AF-8).
    pub coupon: String,
    /// Where the form came from (the visitor's network address): unknown coupon codes are
    /// counted per sender, so codes cannot be found by trying many.
    pub sender: String,
}

impl Shop {
    /// What is wrong with a checkout form before it is sent (CK-1): every problem at once, each
    /// naming its field. The same checks run again when the order is placed.
    pub async fn checkout_problems(&self, form: &Checkout) -> Result<Vec<Problem>> {
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let mut problems = Vec::new();
        let mut add = |field: &str, invalid: domain::Invalid| {
            problems.push(Problem {
                field: field.into(),
                code: invalid.code.into(),
                message: invalid.message,
            })
        };
        if let Err(e) = PersonName::parse(&form.name) {
            add("customer.name", e);
        }
        let (phone, email) = (form.phone.trim(), form.email.trim());
        if phone.is_empty() && email.is_empty() {
            add(
                "customer.phone",
                domain::Invalid::new(
                    "contact_missing",
                    "a phone number or an email is needed to reach you",
                ),
            );
        }
        if let (false, Err(e)) = (phone.is_empty(), Phone::parse(phone, region)) {
            add("customer.phone", e);
        }
        if let (false, Err(e)) = (email.is_empty(), Email::parse(email)) {
            add("customer.email", e);
        }
        let method = DeliveryMethod::parse(form.method.trim()).ok();
        if method.is_none() {
            add(
                "delivery.method",
                domain::Invalid::new("delivery_missing", "choose how the order reaches you"),
            );
        }
        let door = method.is_some_and(DeliveryMethod::needs_address);
        // CK-1: the checks a manager would otherwise clarify by phone, caught while the buyer
        // can still fix them. Contacts and stock are judged above and at intake.
        let findings = checks::check(&checks::Facts {
            name: &form.name,
            address_line: door.then_some(form.address_line.as_str()),
            unparsed_phone: None,
            unparsed_email: None,
            payment_chosen: !form.payment_mode.trim().is_empty(),
            delivery_chosen: true,
            out_of_stock: &[],
        });
        for finding in findings {
            if !problems.iter().any(|p| p.field == finding.field) {
                problems.push(Problem {
                    field: finding.field,
                    code: finding.code,
                    message: finding.message,
                });
            }
        }
        if door {
            for (field, value) in [
                ("delivery.address.city", &form.city),
                ("delivery.address.postcode", &form.postcode),
            ] {
                if value.trim().is_empty() {
                    problems.push(Problem {
                        field: field.into(),
                        code: "required".into(),
                        message: "this is needed for delivery to the door".into(),
                    });
                }
            }
        }
        if method.is_some_and(DeliveryMethod::needs_pickup_point) && form.pickup_point.is_empty() {
            problems.push(Problem {
                field: "delivery.pickup_point".into(),
                code: "pickup_point_missing".into(),
                message: "choose the pickup point or locker".into(),
            });
        }
        if !form.coupon.trim().is_empty()
            && let Err(Error::Invalid { code, message, .. }) =
                self.try_coupon(&form.coupon, &form.sender).await
        {
            problems.push(Problem {
                field: "coupon".into(),
                code: code.into(),
                message,
            });
        }
        Ok(problems)
    }

    /// The coupon a visitor typed, if it can be used. A code no coupon has counts against the
    /// sender; after [`COUPON_TRIES_PER_HOUR`] of them within an hour no code is looked up for
    /// them until the hour has passed.
    async fn try_coupon(&self, code: &str, sender: &str) -> Result<store::fulfilment::CouponRow> {
        let now = self.now();
        let hour_ago = now
            .saturating_sub(SignedDuration::from_hours(1))
            .unwrap_or(now);
        let sender = hash(sender);
        let mut tx = self.store.begin_write().await?;
        // Tries from one sender count each other in turn.
        tx.serialise(&[&format!("coupon-from:{sender}")]).await?;
        let tried =
            store::storefront::coupon_tries_since(&mut tx, &sender, store::to_millis(hour_ago))
                .await?;
        if tried >= COUPON_TRIES_PER_HOUR {
            return Err(Error::field(
                "coupon",
                "too_many_coupon_tries",
                "several codes that are not coupons were tried from here in the last hour; try again later",
            ));
        }
        let found = crate::orders::usable_coupon(&mut tx, code, now).await;
        if let Err(Error::Invalid {
            code: "coupon_unknown",
            ..
        }) = &found
        {
            store::storefront::add_coupon_try(
                &mut tx,
                &sender,
                store::to_millis(now),
                store::to_millis(hour_ago),
            )
            .await?;
            tx.commit().await?;
        }
        found
    }

    /// The checkout as it was sent for an order whose payment the visitor turned back from
    /// (PY-1), so nothing is typed twice. Only a given-up order fills a form.
    pub async fn checkout_again(&self, token: &str) -> Result<Checkout> {
        let number = self.order_number_by_link(token).await?;
        let order = self.order(number).await?;
        if order.stage != domain::orders::Stage::Abandoned.as_str() {
            return Err(Error::NotFound { what: "checkout" });
        }
        let address = order.delivery.address.unwrap_or_default();
        Ok(Checkout {
            name: order.customer.name,
            phone: order.customer.phone.unwrap_or_default(),
            email: order.customer.email.unwrap_or_default(),
            method: order.delivery.method.unwrap_or_default(),
            pickup_point: order.delivery.pickup_point.unwrap_or_default(),
            address_line: address.line,
            city: address.city,
            postcode: address.postcode,
            country: address.country,
            payment_mode: order.payment.mode.unwrap_or_default(),
            note: order.note,
            line_notes: order.lines.into_iter().map(|l| l.note).collect(),
            ..Checkout::default()
        })
    }

    /// Places the cart as an order through the same intake as the API, with channel
    /// `storefront` and the form's own idempotency key, so a second click returns the first
    /// order. The cart is emptied once the order exists.
    pub async fn checkout(&self, cart: &str, form: &Checkout, key: &str) -> Result<Placed> {
        if let Some(problem) = self.checkout_problems(form).await?.into_iter().next() {
            return Err(Error::Invalid {
                field: problem.field,
                code: "checkout_invalid",
                message: problem.message,
            });
        }
        let key = format!("storefront:{key}");
        // The form was sent before: its order, even when the cart it emptied is gone.
        let earlier =
            store::orders::by_idempotency_key(&mut *self.store.read().await?, &key).await?;
        if let Some(row) = earlier {
            return Ok(Placed {
                order: self.order(row.id).await?,
                replayed: true,
            });
        }
        let lines = self.cart_lines(cart).await?;
        let settings = self.settings().await?;
        let given = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        let method = form.method.trim();
        let door = DeliveryMethod::parse(method).is_ok_and(DeliveryMethod::needs_address);
        let input = NewOrder {
            channel: "storefront".into(),
            customer: NewBuyer {
                name: form.name.clone(),
                phone: given(&form.phone),
                email: given(&form.email),
                locale: given(&form.locale),
                marketing_consent: form.marketing_consent,
                preferred_channel: given(&form.preferred_channel),
            },
            delivery: NewDelivery {
                method: given(method),
                address: door.then(|| NewAddress {
                    line: form.address_line.clone(),
                    city: form.city.clone(),
                    postcode: form.postcode.clone(),
                    country: given(&form.country).unwrap_or_else(|| settings.phone_region.clone()),
                }),
                pickup_point: given(&form.pickup_point),
                price_minor: None,
            },
            payment_mode: given(&form.payment_mode),
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, line)| NewLine {
                    sku: line.sku.clone(),
                    quantity: line.quantity,
                    unit_price_minor: None,
                    note: form.line_notes.get(i).cloned().unwrap_or_default(),
                })
                .collect(),
            note: form.note.clone(),
            payment: None,
            coupon: given(&form.coupon),
        };
        // PY-1: paid now, online; the order opens once the provider says it was paid, and
        // the cart stays until then for the visitor who turns back.
        if input.payment_mode.as_deref() == Some(PaymentMode::Prepaid.as_str()) {
            if !self.pays_online().await? {
                return Err(Error::field(
                    "payment_mode",
                    "card_at_checkout_off",
                    "the shop takes no card payments now: choose another way to pay",
                ));
            }
            return self.place_paying_order(&input, &key, cart).await;
        }
        let placed = self
            .place_order(&input, Some(&key), &Actor::visitor())
            .await?;
        let mut tx = self.store.begin_write().await?;
        store::storefront::delete_cart(&mut tx, cart).await?;
        tx.commit().await?;
        Ok(placed)
    }
}
