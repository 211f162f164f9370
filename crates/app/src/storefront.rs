//! The shop's own storefront (IN-1, channel `storefront`): catalogue pages with their stock,
//! carts kept on the server (deleted once nobody touched them for a while), a checkout that goes
//! through the same intake as the API, the customer's order page behind their link, and
//! back-in-stock requests (ST-4).

use std::collections::BTreeMap;

use domain::access::Role;
use domain::catalog::Sku;
use domain::checks;
use domain::contact::{Contact, Email, PersonName, Phone, PhoneRegion};
use domain::orders::{CONFIRM_BY_LINK, DeliveryMethod, HoldKind};
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::catalog::parse_stored_options;
use crate::choices::CustomerOrderView;
use crate::customers::card_of;
use crate::error::FieldResult;
use crate::orders::{NewAddress, NewBuyer, NewDelivery, NewLine, NewOrder, Placed};
use crate::processing::Context;
use crate::views::currency;
use crate::{Error, MoneyView, Result, Shop};

/// Products on one catalogue page.
pub const PAGE_SIZE: i64 = 24;
/// Lines a cart holds at most, and units of one line.
const CART_LINES: usize = 50;
const LINE_UNITS: i64 = 99;

/// The storefront acts for the visitor, in what intake lets any channel do.
pub fn visitor() -> Actor {
    Actor {
        role: Role::Manager,
        name: "storefront".into(),
    }
}

/// A fresh key for a checkout form: the order it makes is found again by it.
pub fn checkout_key() -> Result<String> {
    crate::orders::secret_token()
}

/// Whether a buyer can have it now, from a supplier, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockState {
    InStock,
    FromSupplier,
    OutOfStock,
}

impl StockState {
    fn of(stock: Option<&store::storefront::VariantStock>) -> Self {
        match stock {
            Some(s) if s.own_available > 0 => Self::InStock,
            Some(s) if s.supplier_rows > 0 => Self::FromSupplier,
            _ => Self::OutOfStock,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InStock => "in_stock",
            Self::FromSupplier => "from_supplier",
            Self::OutOfStock => "out_of_stock",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CatalogueQuery {
    pub category: String,
    pub q: String,
    pub page: i64,
}

pub struct Catalogue {
    pub categories: Vec<String>,
    pub products: Vec<ProductCard>,
    /// Another page follows.
    pub more: bool,
}

pub struct ProductCard {
    pub id: i64,
    pub title: String,
    pub category: String,
    /// The lowest price of its variants.
    pub price_from: MoneyView,
    /// In stock when any variant is.
    pub stock: StockState,
}

/// A product as a buyer reads it, with every variant's stock (SU-2).
pub struct ProductPage {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: String,
    pub variants: Vec<VariantOffer>,
    /// The sizes and colours its variants come in, in catalogue order.
    pub sizes: Vec<String>,
    pub colours: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct VariantOffer {
    pub sku: String,
    pub options: BTreeMap<String, String>,
    pub size: Option<String>,
    pub colour: Option<String>,
    pub price: MoneyView,
    pub stock: StockState,
}

impl ProductPage {
    /// The variant with this SKU, else the one with this size and colour, else the first in
    /// stock, else the first.
    pub fn pick(&self, sku: &str, size: &str, colour: &str) -> Option<&VariantOffer> {
        let matches = |v: &&VariantOffer| {
            (size.is_empty() || v.size.as_deref() == Some(size))
                && (colour.is_empty() || v.colour.as_deref() == Some(colour))
        };
        self.variants
            .iter()
            .find(|v| v.sku == sku)
            .or_else(|| self.variants.iter().find(matches))
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| v.stock != StockState::OutOfStock)
            })
            .or_else(|| self.variants.first())
    }
}

fn option_of(options: &BTreeMap<String, String>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| options.get(*n).cloned())
}

/// A line of the cart as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CartLine {
    sku: String,
    quantity: i64,
}

pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub subtotal: MoneyView,
}

pub struct CartLineView {
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub total: MoneyView,
}

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
}

/// One thing wrong with the checkout form: the field (as intake names it) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// What the customer sees behind their link: the order, and what the shop asked them.
pub struct CustomerPage {
    pub order: CustomerOrderView,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub messages: Vec<SentMessage>,
    /// Lines out of stock that wait for the customer's choice (ST-1), with substitutes that can
    /// leave now.
    pub waiting: Vec<WaitingLine>,
    /// A flaw found in assembly that waits for the customer's answer (AS-2).
    pub defect: Option<DefectQuestion>,
    /// What can still be sent back, while the return window is open (AF-1).
    pub return_offer: Option<crate::returns::ReturnOffer>,
    /// The return asked from this page: what to send, the code, who pays the way back.
    pub returning: Option<crate::returns::ReturnView>,
}

pub struct SentMessage {
    pub at: jiff::Timestamp,
    pub channel: String,
    pub template: String,
    pub subject: Option<String>,
    pub status: String,
}

pub struct WaitingLine {
    pub line_no: i64,
    pub title: String,
    pub substitutes: Vec<(String, BTreeMap<String, String>)>,
    /// A supplier can deliver it, later.
    pub can_wait: bool,
}

pub struct DefectQuestion {
    pub title: String,
    pub note: String,
    pub discount: MoneyView,
}

impl Shop {
    /// A page of the catalogue: a category, words to find, and every product's stock, in a
    /// fixed number of queries.
    pub async fn catalogue(&self, query: &CatalogueQuery) -> Result<Catalogue> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let words: String = query.q.trim().chars().take(100).collect();
        let page = query.page.clamp(0, 10_000);
        let mut conn = self.store.read().await?;
        let categories = store::storefront::categories(&mut conn).await?;
        let search = store::storefront::Search {
            category: query.category.trim(),
            words: &words,
            limit: PAGE_SIZE + 1,
            offset: page * PAGE_SIZE,
        };
        let (mut products, variants, stock) = store::storefront::page(&mut conn, &search).await?;
        let more = products.len() as i64 > PAGE_SIZE;
        products.truncate(PAGE_SIZE as usize);
        let cards = products
            .into_iter()
            .filter_map(|p| {
                let own: Vec<_> = variants.iter().filter(|v| v.product_id == p.id).collect();
                let price = own.iter().map(|v| v.price_minor).min()?;
                let best = own
                    .iter()
                    .map(|v| StockState::of(stock.iter().find(|s| s.variant_id == v.id)))
                    .min_by_key(|s| *s as u8)?;
                Some(ProductCard {
                    id: p.id,
                    title: p.title,
                    category: p.category,
                    price_from: MoneyView::new(price, currency),
                    stock: best,
                })
            })
            .collect();
        Ok(Catalogue {
            categories,
            products: cards,
            more,
        })
    }

    /// A product with its variants and their stock, in three queries.
    pub async fn product_page(&self, id: i64) -> Result<ProductPage> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let mut conn = self.store.read().await?;
        let product = store::catalog::product(&mut conn, id)
            .await?
            .ok_or(Error::NotFound { what: "product" })?;
        let (variants, stock) = store::storefront::variants_and_stock(&mut conn, &[id]).await?;
        let variants: Vec<VariantOffer> = variants
            .iter()
            .map(|v| {
                let options = parse_stored_options(&v.options)?;
                Ok(VariantOffer {
                    sku: v.sku.clone(),
                    size: option_of(&options, &["size"]),
                    colour: option_of(&options, &["colour", "color"]),
                    options,
                    price: MoneyView::new(v.price_minor, currency),
                    stock: StockState::of(stock.iter().find(|s| s.variant_id == v.id)),
                })
            })
            .collect::<Result<_>>()?;
        let distinct = |pick: fn(&VariantOffer) -> Option<&String>| {
            let mut seen: Vec<String> = Vec::new();
            for value in variants.iter().filter_map(pick) {
                if !seen.contains(value) {
                    seen.push(value.clone());
                }
            }
            seen
        };
        Ok(ProductPage {
            sizes: distinct(|v| v.size.as_ref()),
            colours: distinct(|v| v.colour.as_ref()),
            id: product.id,
            title: product.title,
            description: product.description,
            category: product.category,
            variants,
        })
    }

    async fn cart_lines(&self, token: &str) -> Result<Vec<CartLine>> {
        let mut conn = self.store.read().await?;
        Ok(store::storefront::cart(&mut conn, token)
            .await?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// The cart with today's catalogue prices; an unknown cart is empty.
    pub async fn cart(&self, token: Option<&str>) -> Result<CartView> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let lines = match token {
            Some(token) => self.cart_lines(token).await?,
            None => Vec::new(),
        };
        let skus: Vec<&str> = lines.iter().map(|l| l.sku.as_str()).collect();
        let offers = store::catalog::offers(&mut *self.store.read().await?, &skus).await?;
        let views: Vec<CartLineView> = lines
            .iter()
            .filter_map(|line| {
                let offer = offers.iter().find(|o| o.sku == line.sku)?;
                Some((line, offer))
            })
            .map(|(line, offer)| {
                Ok(CartLineView {
                    sku: line.sku.clone(),
                    title: offer.title.clone(),
                    options: parse_stored_options(&offer.options)?,
                    quantity: line.quantity,
                    unit_price: MoneyView::new(offer.price_minor, currency),
                    total: MoneyView::new(offer.price_minor * line.quantity, currency),
                })
            })
            .collect::<Result<_>>()?;
        Ok(CartView {
            subtotal: MoneyView::new(views.iter().map(|l| l.total.amount_minor).sum(), currency),
            lines: views,
        })
    }

    /// Sets a line of the cart to `quantity` units (0 removes it), or adds `quantity` more when
    /// `add`. Makes the cart when there is none; returns its token for the cookie.
    pub async fn change_cart(
        &self,
        token: Option<&str>,
        sku: &str,
        quantity: i64,
        add: bool,
    ) -> Result<String> {
        let sku = Sku::parse(sku).field("sku")?;
        if !(0..=LINE_UNITS).contains(&quantity) {
            return Err(Error::field(
                "quantity",
                "quantity_invalid",
                format!("choose from 0 to {LINE_UNITS} units"),
            ));
        }
        let known = store::catalog::variant_id_by_sku(&mut *self.store.read().await?, sku.as_ref())
            .await?
            .is_some();
        if !known {
            return Err(Error::NotFound { what: "sku" });
        }
        let token = match token {
            Some(t) if t.len() == 36 && t.chars().all(|c| c.is_ascii_hexdigit()) => t.to_owned(),
            _ => crate::orders::secret_token()?,
        };
        let mut lines = self.cart_lines(&token).await?;
        let full = lines.len() >= CART_LINES;
        match lines.iter_mut().find(|l| l.sku == sku.as_ref()) {
            Some(line) => {
                line.quantity = if add {
                    (line.quantity + quantity).min(LINE_UNITS)
                } else {
                    quantity
                }
            }
            None if full => {
                return Err(Error::field(
                    "sku",
                    "cart_full",
                    format!("a cart holds at most {CART_LINES} lines"),
                ));
            }
            None => lines.push(CartLine {
                sku: sku.to_string(),
                quantity,
            }),
        }
        lines.retain(|l| l.quantity > 0);
        let json =
            serde_json::to_string(&lines).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let mut tx = self.store.begin_write().await?;
        store::storefront::put_cart(&mut tx, &token, &json, store::to_millis(self.now())).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The daily clean-up: deletes the carts nobody changed for the settings' days, and
    /// schedules tomorrow's run in the same transaction. Deleting twice deletes nothing more, so
    /// a run repeated after a crash is harmless.
    pub(crate) async fn expire_carts(&self) -> Result<()> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let kept = jiff::SignedDuration::from_hours(24 * settings.storefront.cart_days);
        let before = ctx.now.saturating_sub(kept).unwrap_or(ctx.now);
        let mut tx = self.store.begin_write().await?;
        let deleted =
            store::storefront::delete_carts_before(&mut tx, store::to_millis(before)).await?;
        crate::processing::schedule_daily(&mut tx, crate::processing::jobs::EXPIRE_CARTS, &ctx)
            .await?;
        tx.commit().await?;
        tracing::info!(deleted, "old carts deleted");
        Ok(())
    }

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
                self.usable_coupon(&form.coupon).await
        {
            problems.push(Problem {
                field: "coupon".into(),
                code: code.into(),
                message,
            });
        }
        Ok(problems)
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
        let placed = self.place_order(&input, Some(&key), &visitor()).await?;
        let mut tx = self.store.begin_write().await?;
        store::storefront::delete_cart(&mut tx, cart).await?;
        tx.commit().await?;
        Ok(placed)
    }

    /// The customer's page behind the link every message carries: the order, its tracking, the
    /// messages sent, and what the shop waits for them to decide.
    pub async fn customer_page(&self, token: &str) -> Result<CustomerPage> {
        let (number, order) = self.order_by_link(token).await?;
        let settings = self.settings().await?;
        let currency = currency(settings.currency.as_str())?;
        let full = self.order(number).await?;
        let mut conn = self.store.read().await?;
        let filter = store::messages::Filter {
            order_id: number,
            customer_id: 0,
            status: "",
            limit: 100,
        };
        let messages = store::messages::list(&mut conn, &filter)
            .await?
            .into_iter()
            .map(|m| {
                Ok(SentMessage {
                    at: crate::views::timestamp(m.sent_at.unwrap_or(m.created_at))?,
                    channel: m.channel,
                    template: m.template,
                    subject: m.subject,
                    status: m.status,
                })
            })
            .collect::<Result<_>>()?;
        let asks_choice = full.holds.iter().any(|h| {
            h.kind == HoldKind::WaitingForCustomer.as_str() && h.reason != CONFIRM_BY_LINK
        });
        let mut waiting = Vec::new();
        if asks_choice {
            let held = store::inventory::reservations_of(&mut conn, number).await?;
            let lines: Vec<_> = full
                .lines
                .iter()
                .filter(|l| l.status == "active")
                .filter(|l| {
                    !held.iter().any(|r| {
                        r.line_no == l.line_no && matches!(r.state.as_str(), "held" | "ordered")
                    })
                })
                .collect();
            let skus: Vec<&str> = lines.iter().map(|l| l.sku.as_str()).collect();
            let offers = store::catalog::offers(&mut conn, &skus).await?;
            for line in lines {
                let product = store::storefront::product_of_sku(&mut conn, &line.sku).await?;
                let siblings = match product {
                    Some(id) => self.product_page(id).await?.variants,
                    None => Vec::new(),
                };
                waiting.push(WaitingLine {
                    line_no: line.line_no,
                    title: line.title.clone(),
                    substitutes: siblings
                        .into_iter()
                        .filter(|v| v.sku != line.sku && v.stock == StockState::InStock)
                        .map(|v| (v.sku, v.options))
                        .collect(),
                    can_wait: offers
                        .iter()
                        .any(|o| o.sku == line.sku && o.kind.as_deref() == Some("supplier")),
                });
            }
        }
        let defect = if full
            .holds
            .iter()
            .any(|h| h.kind == HoldKind::DefectFound.as_str())
        {
            store::fulfilment::defects_of(&mut conn, number)
                .await?
                .into_iter()
                .rfind(|d| d.answer.is_none() && d.severity == "minor")
                .map(|d| DefectQuestion {
                    title: full
                        .lines
                        .iter()
                        .find(|l| l.line_no == d.line_no)
                        .map(|l| l.title.clone())
                        .unwrap_or_default(),
                    note: d.note,
                    discount: MoneyView::new(d.discount_minor, currency),
                })
        } else {
            None
        };
        let tracking_url = match (&full.delivery.method, &full.delivery.tracking_number) {
            (Some(method), Some(number)) => DeliveryMethod::parse(method)
                .ok()
                .and_then(|m| settings.tracking_url(m, number)),
            _ => None,
        };
        drop(conn);
        Ok(CustomerPage {
            order,
            tracking_number: full.delivery.tracking_number,
            tracking_url,
            messages,
            waiting,
            defect,
            return_offer: self.return_offer(number).await?,
            returning: self.return_of(number).await?,
        })
    }

    /// "Tell me when it's back" (ST-4): the visitor's phone or email waits on the variant until
    /// stock arrives, however long that takes. The contact joins the customer's card (IN-3).
    pub async fn ask_back_in_stock(&self, sku: &str, contact: &str, locale: &str) -> Result<()> {
        let sku = Sku::parse(sku).field("sku")?;
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let contact = Contact::parse(contact, region).field("contact")?;
        let locale = known_locale(locale, &settings);
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let variant_id = store::catalog::variant_id_by_sku(&mut tx, sku.as_ref())
            .await?
            .ok_or(Error::NotFound { what: "sku" })?;
        let customer_id = card_of(&mut tx, &contact, locale, now_ms).await?;
        let request = store::storefront::StockRequestRow {
            id: 0,
            variant_id,
            customer_id,
            channel: contact.channel().as_str().into(),
            recipient: contact.as_ref().to_owned(),
            locale: locale.into(),
        };
        store::storefront::request_stock(&mut tx, &request, now_ms).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Shop {
    /// Asks for the newsletter (AF-10): an email with a link to confirm goes out, and nothing
    /// is consented until the link's owner confirms (double opt-in).
    pub async fn ask_newsletter(&self, email: &str, locale: &str) -> Result<()> {
        let email = Email::parse(email).field("email")?;
        let settings = self.settings().await?;
        let locale = known_locale(locale, &settings);
        let contact = Contact::Email(email);
        let token = crate::orders::secret_token()?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let customer_id = card_of(&mut tx, &contact, locale, ctx.now_ms()).await?;
        store::storefront::insert_newsletter_request(
            &mut tx,
            &token,
            customer_id,
            contact.as_ref(),
            ctx.now_ms(),
        )
        .await?;
        let message = crate::messaging::Direct {
            customer_id,
            order_id: None,
            template: "newsletter_confirm",
            channel: contact.channel(),
            recipient: contact.as_ref().to_owned(),
            locale: locale.to_owned(),
            data: serde_json::json!({
                "shop_name": settings.name,
                "shop_phone": settings.contact_phone,
                "shop_email": settings.contact_email,
                "confirm_url": format!("{}/newsletter/{token}", settings.public_url),
            }),
            marketing: false,
        };
        crate::messaging::queue_direct(&mut tx, message, &ctx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the subscription behind a link is confirmed already.
    pub async fn newsletter_confirmed(&self, token: &str) -> Result<bool> {
        let mut conn = self.store.read().await?;
        store::storefront::newsletter_request(&mut conn, token)
            .await?
            .map(|(_, confirmed)| confirmed)
            .ok_or(Error::NotFound {
                what: "subscription",
            })
    }

    /// The link's owner confirms: the card records the consent, from the newsletter (AF-10).
    pub async fn confirm_newsletter(&self, token: &str) -> Result<()> {
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let (customer_id, _) = store::storefront::newsletter_request(&mut tx, token)
            .await?
            .ok_or(Error::NotFound {
                what: "subscription",
            })?;
        if store::storefront::confirm_newsletter(&mut tx, token, now_ms).await? {
            store::customers::set_consent(&mut tx, customer_id, Some(now_ms), Some("newsletter"))
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The visitor's language when messages are written in it, else the shop's.
pub(crate) fn known_locale<'a>(
    locale: &'a str,
    settings: &'a domain::settings::ShopSettings,
) -> &'a str {
    if crate::messaging::LOCALES.contains(&locale) {
        locale
    } else {
        settings.default_locale.as_str()
    }
}

/// Tells everyone waiting for a variant that it is back (ST-4), once each, in the channel they
/// asked in, through the outbox. Runs in the transaction that added the stock.
pub(crate) async fn tell_waiting(
    tx: &mut store::Conn,
    variant_id: i64,
    ctx: &Context<'_>,
) -> Result<()> {
    let waiting = store::storefront::take_waiting(tx, variant_id, ctx.now_ms()).await?;
    if waiting.is_empty() {
        return Ok(());
    }
    let variant = store::storefront::variant(tx, variant_id)
        .await?
        .ok_or(Error::NotFound { what: "sku" })?;
    let options = parse_stored_options(&variant.options)?
        .into_values()
        .collect::<Vec<_>>()
        .join(", ");
    let settings = ctx.settings;
    for request in waiting {
        let data = serde_json::json!({
            "shop_name": settings.name,
            "shop_phone": settings.contact_phone,
            "shop_email": settings.contact_email,
            "product_title": variant.title,
            "variant": options,
            "sku": variant.sku,
            "product_url": format!("{}/products/{}?sku={}", settings.public_url, variant.product_id, variant.sku),
        });
        let channel = domain::messaging::Channel::parse(&request.channel)
            .map_err(|e| store::Error::Corrupt(format!("stock request channel: {e}")))?;
        let message = crate::messaging::Direct {
            customer_id: request.customer_id,
            order_id: None,
            template: "back_in_stock",
            channel,
            recipient: request.recipient,
            locale: request.locale,
            data,
            marketing: false,
        };
        crate::messaging::queue_direct(tx, message, ctx).await?;
    }
    Ok(())
}
