//! Orders: intake from every channel (IN-1), the lifecycle moves, and the views of an order.

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::catalog::{Quantity, Sku};
use domain::contact::{Address, Email, PersonName, Phone, PhoneRegion};
use domain::inventory::{Candidate, LocationKind, allocation_order};
use domain::money::{Currency, parse_price_minor};
use domain::orders::{
    Channel, Command, DeliveryMethod, Effect, Event, Hold, HoldKind, Line, LineStatus, Order,
    PaymentMode, ReturnOutcome, Stage, parse_note, parse_reason,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use store::inventory::Lines;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::catalog::parse_stored_options;
use crate::customers::{Buyer, find_or_create};
use crate::error::FieldResult;
use crate::processing::{self, Context, Reach};
use crate::views::{currency, stored, timestamp};
use crate::{Error, MoneyView, Result, Shop};
use domain::checks;
use domain::confirmation::{self, CallReason, Route};

/// An order as a channel sends it in.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewOrder {
    /// `storefront`, `api`, `phone`, `import` or `marketplace:<name>` (IN-1).
    #[serde(default = "api_channel")]
    pub channel: String,
    pub customer: NewBuyer,
    pub delivery: NewDelivery,
    /// `prepaid`, `after_confirmation` or `on_delivery` (PY-1).
    pub payment_mode: Option<String>,
    pub lines: Vec<NewLine>,
    /// The buyer's wishes for the whole order (IN-2).
    #[serde(default)]
    pub note: String,
    /// A prepaid order arrives with its payment, as the channel took it (PY-1).
    pub payment: Option<NewPayment>,
    /// A coupon's code: a packing-slip insert (AS-4) or a birthday or anniversary gift (AF-8).
    /// It takes its money off this order and is used up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<String>,
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

fn api_channel() -> String {
    "api".into()
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewBuyer {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The language messages should use, such as `nb` or `lv`.
    pub locale: Option<String>,
    /// Agreed to marketing messages at this order (AF-10). Never assumed.
    #[serde(default)]
    pub marketing_consent: bool,
    /// The channel the customer wants to hear from: `sms`, `email` or `webhook` (DL-4).
    pub preferred_channel: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewDelivery {
    /// `store_pickup`, `warehouse_pickup`, `pickup_point`, `parcel_locker`, `post` or `courier` (DL-1).
    pub method: Option<String>,
    /// Required for `post` and `courier`.
    pub address: Option<NewAddress>,
    /// The carrier's point or locker, for `pickup_point` and `parcel_locker`.
    pub pickup_point: Option<String>,
    /// The delivery price when the channel set it; the shop's own price otherwise.
    pub price_minor: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewAddress {
    pub line: String,
    pub city: String,
    #[serde(default)]
    pub postcode: String,
    pub country: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewLine {
    pub sku: String,
    pub quantity: i64,
    /// The price the channel sold at; the catalogue price otherwise. The storefront always
    /// uses the catalogue price.
    pub unit_price_minor: Option<i64>,
    /// Colour, size, wishes: travels to the picker and the packer (IN-2).
    #[serde(default)]
    pub note: String,
}

/// The body of a lifecycle move; each move reads the fields it needs.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct MoveInput {
    /// Why: required to cancel, cancel a line, hold, or request a return.
    pub reason: Option<String>,
    pub tracking_number: Option<String>,
    pub line_no: Option<i64>,
    /// A hold kind: `needs_call`, `waiting_for_customer`, `payment_problem`, `defect_found`,
    /// `delayed` or `lost`.
    pub hold: Option<String>,
    /// How a return ended: `returned`, `replaced` or `refunded`.
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderView {
    /// The order number, used in URLs and told to the customer.
    pub number: i64,
    pub channel: String,
    pub stage: String,
    pub holds: Vec<HoldView>,
    pub customer: OrderCustomer,
    pub delivery: DeliveryView,
    pub payment: PaymentView,
    pub lines: Vec<LineView>,
    pub note: String,
    pub subtotal: MoneyView,
    pub delivery_price: MoneyView,
    /// Money off: a coupon, or a flaw the customer accepted (AS-2).
    pub discount: MoneyView,
    pub total: MoneyView,
    /// Where each line's units are held (ST-2, ST-3).
    pub reservations: Vec<ReservationView>,
    /// What the intake checks found for a manager to clarify (CK-1..3).
    #[schema(value_type = Vec<Object>)]
    pub checks: Vec<domain::checks::Finding>,
    /// The delivery window promised at intake (CK-4).
    pub promise: Option<PromiseView>,
    /// The secret of the customer's own link to the order, `/api/public/orders/{link_token}`
    /// (CF-1), for a manager to send by hand.
    pub link_token: Option<String>,
    /// Every change, oldest first: who, when, what and why.
    pub timeline: Vec<TimelineEntry>,
    #[schema(value_type = String, format = DateTime)]
    pub placed_at: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

/// Delivery between these dates, both included (DL-5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PromiseView {
    pub earliest: String,
    pub latest: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HoldView {
    pub kind: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderCustomer {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    /// Not chosen yet when empty; a manager asks the customer (CK-2).
    pub method: Option<String>,
    pub address: Option<NewAddress>,
    pub pickup_point: Option<String>,
    pub tracking_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaymentView {
    pub mode: Option<String>,
    /// `unpaid`, `partially_paid`, `paid` or `overpaid`.
    pub status: String,
    pub paid: MoneyView,
    pub balance_due: MoneyView,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineView {
    pub line_no: i64,
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub total: MoneyView,
    pub note: String,
    /// `active` or `cancelled`.
    pub status: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReservationView {
    pub line_no: i64,
    pub location: String,
    pub kind: String,
    pub bin: String,
    pub quantity: i64,
    /// `held`, `released` or `consumed`.
    pub state: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    pub actor: String,
    pub kind: String,
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderSummary {
    pub number: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub channel: String,
    pub stage: String,
    pub holds: Vec<String>,
    pub payment_mode: Option<String>,
    pub delivery_method: Option<String>,
    pub total: MoneyView,
    pub paid: MoneyView,
    #[schema(value_type = String, format = DateTime)]
    pub placed_at: jiff::Timestamp,
}

/// What intake answers: the order, and whether this was a retry of an earlier request.
pub struct Placed {
    pub order: OrderView,
    pub replayed: bool,
}

/// An intake request after parsing: every value valid.
struct Draft {
    channel: Channel,
    name: PersonName,
    phone: Option<Phone>,
    email: Option<Email>,
    /// A contact as typed that did not parse, while another one did (CK-1).
    unparsed_phone: Option<String>,
    unparsed_email: Option<String>,
    locale: Option<String>,
    consent: bool,
    preferred_channel: Option<domain::messaging::Channel>,
    method: Option<DeliveryMethod>,
    address: Option<Address>,
    pickup_point: Option<String>,
    delivery_price: Option<i64>,
    payment_mode: Option<PaymentMode>,
    payment: Option<NewPayment>,
    lines: Vec<DraftLine>,
    note: String,
    coupon: Option<String>,
}

struct DraftLine {
    sku: Sku,
    quantity: Quantity,
    unit_price_minor: Option<i64>,
    note: String,
}

fn parse(input: &NewOrder, region: PhoneRegion) -> Result<Draft> {
    let channel = Channel::parse(&input.channel).field("channel")?;
    let name = PersonName::parse(&input.customer.name).field("customer.name")?;
    let given = |raw: &Option<String>| {
        raw.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let (phone_raw, email_raw) = (given(&input.customer.phone), given(&input.customer.email));
    let phone = phone_raw.as_deref().map(|p| Phone::parse(p, region));
    let email = email_raw.as_deref().map(Email::parse);
    // One contact that works is enough to take the order; a broken second one is a check
    // finding for the manager (CK-1), not a refusal.
    let usable = matches!(phone, Some(Ok(_))) || matches!(email, Some(Ok(_)));
    if !usable {
        return Err(match (phone, email) {
            (Some(Err(e)), _) => Error::invalid("customer.phone", e),
            (_, Some(Err(e))) => Error::invalid("customer.email", e),
            _ => Error::field(
                "customer.phone",
                "contact_missing",
                "a phone number or an email is required to reach the customer",
            ),
        });
    }
    let unparsed_phone = phone
        .as_ref()
        .and_then(|p| p.is_err().then(|| phone_raw.clone()).flatten());
    let unparsed_email = email
        .as_ref()
        .and_then(|e| e.is_err().then(|| email_raw.clone()).flatten());
    let (phone, email) = (phone.and_then(Result::ok), email.and_then(Result::ok));
    let locale = input
        .customer
        .locale
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    if locale
        .is_some_and(|l| l.len() > 10 || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(Error::field(
            "customer.locale",
            "locale_invalid",
            "a locale is a language tag such as en or nb",
        ));
    }
    // A missing method is asked for by a manager (CK-2); a wrong one is a client error.
    let chosen = |raw: &Option<String>| {
        raw.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let method = chosen(&input.delivery.method)
        .map(|m| DeliveryMethod::parse(&m))
        .transpose()
        .field("delivery.method")?;
    let address = match (
        &input.delivery.address,
        method.is_some_and(DeliveryMethod::needs_address),
    ) {
        (Some(a), _) => Some(
            Address::parse(&a.line, &a.city, &a.postcode, &a.country).map_err(|(part, e)| {
                Error::invalid(format!("delivery.address.{}", part.field()), e)
            })?,
        ),
        (None, true) => {
            return Err(Error::field(
                "delivery.address",
                "address_missing",
                "door delivery needs an address",
            ));
        }
        (None, false) => None,
    };
    let pickup_point = input
        .delivery
        .pickup_point
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    if method.is_some_and(DeliveryMethod::needs_pickup_point) && pickup_point.is_none() {
        return Err(Error::field(
            "delivery.pickup_point",
            "pickup_point_missing",
            "choose the pickup point or locker",
        ));
    }
    let delivery_price = input
        .delivery
        .price_minor
        .map(parse_price_minor)
        .transpose()
        .field("delivery.price_minor")?;
    let payment_mode = chosen(&input.payment_mode)
        .map(|m| PaymentMode::parse(&m))
        .transpose()
        .field("payment_mode")?;
    if let Some(payment) = &input.payment {
        parse_price_minor(payment.amount_minor).field("payment.amount_minor")?;
    }
    if payment_mode == Some(PaymentMode::Prepaid) && input.payment.is_none() {
        return Err(Error::field(
            "payment",
            "payment_required",
            "a prepaid order arrives with its payment",
        ));
    }
    if input.lines.is_empty() {
        return Err(Error::field(
            "lines",
            "lines_missing",
            "an order needs at least one line",
        ));
    }
    if input.lines.len() > 200 {
        return Err(Error::field(
            "lines",
            "too_many_lines",
            "an order has at most 200 lines",
        ));
    }
    let lines = input
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let at = |name: &str| format!("lines[{i}].{name}");
            let unit_price_minor = match (line.unit_price_minor, &channel) {
                (Some(_), Channel::Storefront) => {
                    return Err(Error::field(
                        at("unit_price_minor"),
                        "price_not_allowed",
                        "the storefront sells at catalogue prices",
                    ));
                }
                (price, _) => price
                    .map(parse_price_minor)
                    .transpose()
                    .field(at("unit_price_minor"))?,
            };
            Ok(DraftLine {
                sku: Sku::parse(&line.sku).field(at("sku"))?,
                quantity: Quantity::parse(line.quantity).field(at("quantity"))?,
                unit_price_minor,
                note: parse_note(&line.note).field(at("note"))?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Draft {
        channel,
        name,
        phone,
        email,
        unparsed_phone,
        unparsed_email,
        locale: locale.map(str::to_owned),
        preferred_channel: input
            .customer
            .preferred_channel
            .as_deref()
            .map(domain::messaging::Channel::parse)
            .transpose()
            .field("customer.preferred_channel")?,
        consent: input.customer.marketing_consent,
        method,
        address,
        pickup_point: pickup_point.map(str::to_owned),
        delivery_price,
        payment_mode,
        payment: input.payment.clone(),
        lines,
        note: parse_note(&input.note).field("note")?,
        coupon: given(&input.coupon).map(|code| code.to_uppercase()),
    })
}

/// A line's variant and the shelves that could fill it, in the order to try them. Looked up
/// before the write transaction so that the write lock is held only for writing.
struct Priced {
    variant_id: i64,
    sku: String,
    title: String,
    options: String,
    price_minor: i64,
    candidates: Vec<Candidate<Shelf>>,
}

/// One stock row: where it is and in which bin. Ordered by the stock row's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Shelf {
    stock_id: i64,
    pub location: String,
    bin: String,
    pub cutoff: jiff::civil::Time,
    pub lead_time_days: i64,
}

/// Prices each line and orders the places to take it from (ST-2).
fn price_lines(lines: &[DraftLine], offers: &[store::catalog::OfferRow]) -> Result<Vec<Priced>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let rows: Vec<_> = offers
                .iter()
                .filter(|o| o.sku == line.sku.as_ref())
                .collect();
            let first = rows.first().ok_or_else(|| {
                Error::field(
                    format!("lines[{i}].sku"),
                    "sku_unknown",
                    format!("no product has SKU {}", line.sku),
                )
            })?;
            Ok(Priced {
                variant_id: first.variant_id,
                sku: first.sku.clone(),
                title: first.title.clone(),
                options: first.options.clone(),
                price_minor: first.price_minor,
                candidates: places_for(&rows, line.quantity.get()),
            })
        })
        .collect()
}

/// The places that can fill `quantity` units of a variant, in the order intake tries them (ST-2).
pub(crate) fn places_for(
    rows: &[&store::catalog::OfferRow],
    quantity: i64,
) -> Vec<Candidate<Shelf>> {
    let candidates = rows
        .iter()
        .filter_map(|o| {
            Some(Candidate {
                id: Shelf {
                    stock_id: o.stock_id?,
                    location: o.location.clone()?,
                    bin: o.bin.clone()?,
                    cutoff: domain::inventory::parse_cutoff(o.cutoff.as_deref()?).ok()?,
                    lead_time_days: o.lead_time_days?,
                },
                kind: LocationKind::parse(o.kind.as_deref()?).ok()?,
                available: o.available?,
            })
        })
        .collect();
    allocation_order(candidates, quantity)
}

fn request_hash(input: &NewOrder) -> String {
    let body = serde_json::to_vec(input).unwrap_or_default();
    hex::encode(Sha256::digest(&body))
}

impl Shop {
    /// Takes an order in from any channel (IN-1): finds or creates the customer's card (IN-3),
    /// prices the lines, reserves each line where it is in stock (ST-2), and records it all in
    /// one transaction. With an idempotency key, a retry returns the first order and creates
    /// nothing.
    pub async fn place_order(
        &self,
        input: &NewOrder,
        idempotency_key: Option<&str>,
        actor: &Actor,
    ) -> Result<Placed> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let draft = parse(input, region)?;
        let hash = request_hash(input);
        if let Some(key) = idempotency_key {
            if key.is_empty() || key.len() > 200 {
                return Err(Error::field(
                    "Idempotency-Key",
                    "idempotency_key_invalid",
                    "a key is 1 to 200 characters",
                ));
            }
            if let Some(placed) = self.replay(key, &hash).await? {
                return Ok(placed);
            }
        }

        let skus: Vec<&str> = draft.lines.iter().map(|l| l.sku.as_ref()).collect();
        let offers = store::catalog::offers(&mut *self.store.read().await?, &skus).await?;
        let priced = price_lines(&draft.lines, &offers)?;

        let order = Order {
            stage: Stage::Placed,
            holds: Vec::new(),
            payment_mode: draft.payment_mode,
            delivery_method: draft.method,
            currency: settings.currency,
            lines: draft
                .lines
                .iter()
                .zip(&priced)
                .enumerate()
                .map(|(i, (line, p))| Line {
                    line_no: i as i64 + 1,
                    quantity: line.quantity.get(),
                    unit_price_minor: line.unit_price_minor.unwrap_or(p.price_minor),
                    status: LineStatus::Active,
                })
                .collect(),
            delivery_minor: 0,
            discount_minor: 0,
            paid_minor: 0,
        };
        let delivery_minor = match (draft.delivery_price, draft.method) {
            (Some(price), _) => price,
            (None, Some(method)) => settings
                .delivery_price(method, order.subtotal_minor())
                .ok_or_else(|| {
                    Error::field(
                        "delivery.method",
                        "delivery_method_not_offered",
                        "the shop does not offer this delivery method",
                    )
                })?,
            (None, None) => 0,
        };
        let order = Order {
            delivery_minor,
            ..order
        };
        let coupon = match &draft.coupon {
            Some(code) => Some(self.usable_coupon(code).await?),
            None => None,
        };
        let discount_minor = coupon.as_ref().map_or(0, |c| coupon_discount(c, &order));
        if coupon.is_some() && discount_minor == 0 {
            // Not used up for nothing: free delivery on an order with nothing to pay for it.
            return Err(coupon_refusal(
                "coupon_no_effect",
                "this coupon takes nothing off this order",
            ));
        }
        let prepaid = draft
            .payment
            .as_ref()
            .filter(|_| draft.payment_mode == Some(PaymentMode::Prepaid));
        let due_minor = order.total_minor() - discount_minor;
        if prepaid.is_some_and(|payment| payment.amount_minor < due_minor) {
            return Err(Error::field(
                "payment.amount_minor",
                "payment_short",
                format!("a prepaid order is taken only when paid in full: {due_minor} minor units"),
            ));
        }

        let now = self.now();
        let transit = self
            .transit_days(
                &settings,
                now,
                draft.method,
                draft.address.as_ref().map(|a| a.postcode.as_str()),
            )
            .await?;
        let ctx = Context::new(&settings, now);
        let now_ms = ctx.now_ms();
        let mut tx = self.store.begin_write().await?;
        let buyer = Buyer {
            name: &draft.name,
            phone: draft.phone.as_ref(),
            email: draft.email.as_ref(),
            locale: draft.locale.as_deref(),
            consent_source: draft.consent.then_some("order"),
            preferred_channel: draft.preferred_channel,
            address: draft.address.as_ref(),
        };
        let customer_id = find_or_create(&mut tx, &buyer, now_ms).await?;
        // A card opened with only a contact (a back-in-stock request, a sign-in) takes the name
        // the person gives with their first order.
        store::customers::replace_stand_in_name(&mut tx, customer_id, draft.name.as_ref()).await?;
        // A gift coupon is for the card it was given to (AF-8).
        if let Some(given_to) = coupon.as_ref().and_then(|c| c.customer_id)
            && given_to != customer_id
        {
            return Err(coupon_refusal(
                "coupon_not_yours",
                "this coupon was given to another customer",
            ));
        }

        // Stock rows are always locked in one global order (variant, then the order of places),
        // so two orders sharing SKUs can never wait on each other.
        let mut by_variant: Vec<_> = order.lines.iter().zip(&priced).collect();
        by_variant.sort_by_key(|(line, p)| (p.variant_id, line.line_no));
        let mut held = Vec::new();
        let mut out_of_stock = Vec::new();
        for (line, p) in by_variant {
            let mut taken = None;
            for candidate in &p.candidates {
                if store::inventory::try_reserve(&mut tx, candidate.id.stock_id, line.quantity)
                    .await?
                {
                    taken = Some(candidate.clone());
                    break;
                }
            }
            match taken {
                Some(candidate) => held.push((line.line_no, candidate)),
                None => out_of_stock.push((line.line_no, p.sku.clone())),
            }
        }
        held.sort_by_key(|(line_no, _)| *line_no);
        out_of_stock.sort_by_key(|(line_no, _)| *line_no);

        // CK-1..3: what a manager must clarify.
        let out_skus: Vec<String> = out_of_stock.iter().map(|(_, sku)| sku.clone()).collect();
        let findings = checks::check(&checks::Facts {
            name: draft.name.as_ref(),
            address_line: draft.address.as_ref().map(|a| a.line.as_str()),
            unparsed_phone: draft.unparsed_phone.as_deref(),
            unparsed_email: draft.unparsed_email.as_deref(),
            payment_chosen: draft.payment_mode.is_some(),
            delivery_chosen: draft.method.is_some(),
            out_of_stock: &out_skus,
        });
        // CK-4: the window the shop can keep, from the places the goods come from.
        let promise = promise_window(&ctx, transit, held.iter().map(|(_, shelf)| &shelf.id));

        let mut decision = order.place(&draft.channel, &out_of_stock);
        if let Some(coupon) = coupon.as_ref().filter(|_| discount_minor > 0) {
            decision = decision.then(Command::GrantDiscount {
                amount_minor: discount_minor,
                reason: format!("coupon {}", coupon.code),
            })?;
        }
        decision
            .events
            .extend(findings.iter().map(|f| Event::CheckFailed {
                code: f.code.clone(),
                field: f.field.clone(),
                message: f.message.clone(),
            }));
        if let Some((earliest, latest)) = &promise {
            decision.events.push(Event::PromiseMade {
                earliest: earliest.to_string(),
                latest: latest.to_string(),
            });
        }
        // Money the channel already took is recorded whatever the mode (PY-1, PY-5).
        if let Some(payment) = draft.payment.as_ref().filter(|p| p.amount_minor > 0) {
            decision = decision.then(Command::RecordPayment {
                amount_minor: payment.amount_minor,
            })?;
        }
        // CF-2: a call only when needed; otherwise a link or a message.
        let route = confirmation::route(
            &settings.confirmation,
            &confirmation::Facts {
                total_minor: decision.order.total_minor(),
                findings: &findings,
                delivery_city: draft.address.as_ref().map(|a| a.city.as_str()),
                shop_city: &settings.city,
            },
        );
        let mut reasons_to_call: Vec<&str> = match &route {
            Route::Call(reasons) => reasons
                .iter()
                .filter(|r| **r != CallReason::OutOfStock)
                .map(|r| r.as_str())
                .collect(),
            _ => Vec::new(),
        };
        // CK-2: someone contacts the customer for a missing method, whatever the policy.
        let methods_missing = draft.payment_mode.is_none() || draft.method.is_none();
        if methods_missing && reasons_to_call.is_empty() {
            reasons_to_call.push("payment or delivery method to choose");
        }
        if !reasons_to_call.is_empty() {
            decision = decision.then(Command::PlaceHold(Hold {
                kind: HoldKind::NeedsCall,
                reason: reasons_to_call.join(", "),
            }))?;
        } else if route == Route::Message && decision.order.holds.is_empty() {
            decision = decision.then(Command::Confirm)?;
        }

        let checks_json =
            serde_json::to_string(&findings).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let mut row = store::orders::OrderRow {
            id: 0,
            customer_id,
            channel: draft.channel.to_string(),
            stage: decision.order.stage.as_str().into(),
            holds: holds_json(&decision.order.holds)?,
            payment_mode: draft.payment_mode.map(|m| m.as_str().into()),
            delivery_method: draft.method.map(|m| m.as_str().into()),
            customer_name: draft.name.as_ref().into(),
            phone: draft.phone.as_ref().map(|p| p.to_string()),
            email: draft.email.as_ref().map(|e| e.to_string()),
            address_line: draft.address.as_ref().map(|a| a.line.clone()),
            city: draft.address.as_ref().map(|a| a.city.clone()),
            postcode: draft.address.as_ref().map(|a| a.postcode.clone()),
            country: draft.address.as_ref().map(|a| a.country.clone()),
            pickup_point: draft.pickup_point.clone(),
            note: draft.note.clone(),
            currency: settings.currency.to_string(),
            subtotal_minor: decision.order.subtotal_minor(),
            delivery_minor: decision.order.delivery_minor,
            discount_minor: decision.order.discount_minor,
            total_minor: decision.order.total_minor(),
            paid_minor: decision.order.paid_minor,
            tracking_number: None,
            idempotency_key: idempotency_key.map(str::to_owned),
            request_hash: Some(hash.clone()),
            version: 1,
            placed_at: now_ms,
            updated_at: now_ms,
            checks: checks_json,
            promise_earliest: promise.as_ref().map(|p| p.0.to_string()),
            promise_latest: promise.as_ref().map(|p| p.1.to_string()),
            confirm_token: Some(secret_token()?),
            payment_due_at: None,
            processed_at: None,
        };
        processing::stamp(&mut row, &decision.events, &ctx);
        row.id = match store::orders::insert(&mut tx, &row).await {
            Ok(id) => id,
            // A concurrent retry with the same key got there first: answer with its order.
            Err(store::Error::Duplicate(_)) => {
                drop(tx);
                let key = idempotency_key.unwrap_or_default();
                return self
                    .replay(key, &hash)
                    .await?
                    .ok_or(Error::NotFound { what: "order" });
            }
            Err(other) => return Err(other.into()),
        };
        let id = row.id;
        // A coupon serves one order: of two orders racing for it, the second is refused whole.
        if let Some(coupon) = &coupon
            && !store::fulfilment::redeem_coupon(&mut tx, &coupon.code, id).await?
        {
            return Err(coupon_refusal(
                "coupon_used",
                "this coupon was used already",
            ));
        }
        if let Some(payment) = draft.payment.as_ref().filter(|p| p.amount_minor > 0) {
            record_payment_row(&mut tx, id, "payment", payment, "", now_ms, actor).await?;
        }
        let line_rows: Vec<_> = decision
            .order
            .lines
            .iter()
            .zip(&draft.lines)
            .zip(&priced)
            .map(|((line, draft_line), p)| store::orders::LineRow {
                line_no: line.line_no,
                variant_id: p.variant_id,
                sku: p.sku.clone(),
                title: p.title.clone(),
                options: p.options.clone(),
                quantity: line.quantity,
                unit_price_minor: line.unit_price_minor,
                note: draft_line.note.clone(),
                status: "active".into(),
            })
            .collect();
        store::orders::insert_lines(&mut tx, id, &line_rows).await?;
        let reservations: Vec<_> = held
            .iter()
            .map(|(line_no, shelf)| store::inventory::ReservationRow {
                line_no: *line_no,
                location: shelf.id.location.clone(),
                kind: shelf.kind.as_str().into(),
                bin: shelf.id.bin.clone(),
                quantity: line_quantity(&decision.order, *line_no),
                state: "held".into(),
            })
            .collect();
        let stock_ids: Vec<_> = held.iter().map(|(_, shelf)| shelf.id.stock_id).collect();
        store::inventory::insert_reservations(&mut tx, id, &reservations, &stock_ids).await?;
        // The timeline reads: placed, where each line is held, then what followed.
        let mut events = decision.events;
        for (at, r) in (1..).zip(&reservations) {
            events.insert(
                at,
                Event::LineReserved {
                    line_no: r.line_no,
                    location: r.location.clone(),
                },
            );
        }
        let mut followed = processing::react(&mut tx, &row, &events, &ctx).await?;
        // Out of stock, the customer already got the choice to make (ST-1).
        if decision.order.stage == Stage::Confirming && out_of_stock.is_empty() {
            // CF-1: the customer confirms name, items, method, address, date, total and payment
            // through the link; otherwise they hear the order arrived and the shop will be in touch.
            let template = if route == Route::Link {
                "confirmation_request"
            } else {
                "order_received"
            };
            followed.extend(
                processing::message(
                    &mut tx,
                    &row,
                    template,
                    Reach::Preferred,
                    serde_json::json!({}),
                    &ctx,
                )
                .await?,
            );
        }
        events.extend(followed);
        let events = append_events(&mut tx, id, &events, now_ms, actor, None).await?;
        tx.commit().await?;
        // The answer is built from what was written, without reading it back.
        Ok(Placed {
            order: order_view(row, line_rows, reservations, events)?,
            replayed: false,
        })
    }

    async fn replay(&self, key: &str, hash: &str) -> Result<Option<Placed>> {
        let mut conn = self.store.read().await?;
        let Some(existing) = store::orders::by_idempotency_key(&mut conn, key).await? else {
            return Ok(None);
        };
        drop(conn);
        if existing.request_hash.as_deref() != Some(hash) {
            return Err(Error::Conflict {
                code: "idempotency_key_reused",
                message: "this Idempotency-Key was used for a different order".into(),
            });
        }
        Ok(Some(Placed {
            order: self.order(existing.id).await?,
            replayed: true,
        }))
    }

    /// Moves an order one step in its lifecycle. The stage and holds decide whether it may; the
    /// new state, the stock movements and the timeline are written together.
    pub async fn act(
        &self,
        number: i64,
        command: Command,
        actor: &Actor,
        reason: Option<String>,
    ) -> Result<OrderView> {
        actor.require(permission_for(&command))?;
        // The parcel's journey starts with the shipment record (DL-3, DL-6).
        if let Command::HandOver { tracking_number } = command {
            let input = crate::fulfilment::HandOverInput {
                tracking_number,
                courier_id: None,
            };
            return self.hand_over(actor, number, &input).await;
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        self.change(&mut tx, number, &[command], actor, reason.as_deref(), &ctx)
            .await?;
        tx.commit().await?;
        self.order(number).await
    }

    /// Applies commands to an order inside `tx`: the stock effects, the new state, the timeline,
    /// and what follows (messages, tasks, jobs). Returns the order row as written.
    pub(crate) async fn change(
        &self,
        tx: &mut store::WriteTx,
        number: i64,
        commands: &[Command],
        actor: &Actor,
        reason: Option<&str>,
        ctx: &Context<'_>,
    ) -> Result<store::orders::OrderRow> {
        // Lock the order first, so that concurrent moves on PostgreSQL queue instead of racing.
        if !store::orders::lock(tx, number).await? {
            return Err(Error::NotFound { what: "order" });
        }
        let row = store::orders::get(tx, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let lines = store::orders::lines(tx, number).await?;
        let (first, rest) = commands
            .split_first()
            .ok_or(Error::NotFound { what: "action" })?;
        let mut decision = order_state(&row, &lines)?.apply(first.clone())?;
        for command in rest {
            decision = decision.then(command.clone())?;
        }
        // AS-1, AS-3: an order is ready once every unit was scanned and the parcel packed.
        if commands.contains(&Command::MarkReady)
            && store::fulfilment::parcel(tx, number).await?.is_none()
        {
            return Err(Error::Conflict {
                code: "not_packed",
                message: "scan every unit and pack the parcel at the packing station first".into(),
            });
        }
        let mut set_aside_events = Vec::new();
        for effect in &decision.effects {
            match effect {
                Effect::ReleaseReservations => {
                    store::inventory::release(tx, number, Lines::All).await?
                }
                Effect::ReleaseLine { line_no } => {
                    store::inventory::release(tx, number, Lines::One(*line_no)).await?;
                    store::orders::set_line_status(tx, number, *line_no, "cancelled").await?;
                }
                Effect::ConsumeReservations => store::inventory::consume(tx, number).await?,
                Effect::ReserveAgain => set_aside_events
                    .extend(crate::fulfilment::set_aside_again(tx, number, ctx).await?),
            }
        }
        // A cancelled order gives back the coupon it used: the customer may use it again.
        if decision.order.stage == Stage::Cancelled {
            store::fulfilment::give_back_coupon(tx, number).await?;
        }
        let tracking = decision.events.iter().find_map(|e| match e {
            Event::TrackingRecorded { tracking_number } => Some(tracking_number.clone()),
            _ => None,
        });
        let mut updated = store::orders::OrderRow {
            stage: decision.order.stage.as_str().into(),
            holds: holds_json(&decision.order.holds)?,
            payment_mode: decision.order.payment_mode.map(|m| m.as_str().into()),
            delivery_method: decision.order.delivery_method.map(|m| m.as_str().into()),
            subtotal_minor: decision.order.subtotal_minor(),
            delivery_minor: decision.order.delivery_minor,
            discount_minor: decision.order.discount_minor,
            total_minor: decision.order.total_minor(),
            paid_minor: decision.order.paid_minor,
            tracking_number: tracking.or(row.tracking_number.clone()),
            updated_at: ctx.now_ms(),
            ..row
        };
        processing::stamp(&mut updated, &decision.events, ctx);
        store::orders::update_state(tx, &updated).await?;
        let mut events = decision.events;
        events.extend(set_aside_events);
        let followed = processing::react(tx, &updated, &events, ctx).await?;
        events.extend(followed);
        append_events(tx, number, &events, ctx.now_ms(), actor, reason).await?;
        Ok(store::orders::OrderRow {
            version: updated.version + 1,
            ..updated
        })
    }

    /// The whole order: lines, payment, reservations and timeline.
    pub async fn order(&self, number: i64) -> Result<OrderView> {
        let mut conn = self.store.read().await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let lines = store::orders::lines(&mut conn, number).await?;
        let reservations = store::inventory::reservations_of(&mut conn, number).await?;
        let events = store::orders::events(&mut conn, number).await?;
        order_view(row, lines, reservations, events)
    }

    /// Orders matching the filter, newest first.
    pub async fn orders(
        &self,
        stage: &str,
        q: &str,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<OrderSummary>> {
        if !stage.is_empty() {
            Stage::parse(stage).field("stage")?;
        }
        self.list_orders(&store::orders::Filter {
            stage,
            q: q.trim(),
            customer_id: None,
            limit,
            offset,
        })
        .await
    }

    pub(crate) async fn orders_of_customer(&self, customer_id: i64) -> Result<Vec<OrderSummary>> {
        self.list_orders(&store::orders::Filter {
            stage: "",
            q: "",
            customer_id: Some(customer_id),
            limit: 1000,
            offset: 0,
        })
        .await
    }

    async fn list_orders(&self, filter: &store::orders::Filter<'_>) -> Result<Vec<OrderSummary>> {
        let mut conn = self.store.read().await?;
        store::orders::list(&mut conn, filter)
            .await?
            .into_iter()
            .map(order_summary)
            .collect()
    }
}

/// The list's view of a stored order.
pub(crate) fn order_summary(row: store::orders::SummaryRow) -> Result<OrderSummary> {
    let currency = currency(&row.currency)?;
    let holds: Vec<Hold> = parse_holds(&row.holds)?;
    Ok(OrderSummary {
        number: row.id,
        customer_id: row.customer_id,
        customer_name: row.customer_name,
        channel: row.channel,
        stage: row.stage,
        holds: holds.into_iter().map(|h| h.kind.as_str().into()).collect(),
        payment_mode: row.payment_mode,
        delivery_method: row.delivery_method,
        total: MoneyView::new(row.total_minor, currency),
        paid: MoneyView::new(row.paid_minor, currency),
        placed_at: timestamp(row.placed_at)?,
    })
}

/// Reads a lifecycle move from its URL name and body.
pub fn parse_move(action: &str, input: &MoveInput) -> Result<(Command, Option<String>)> {
    let reason = || -> Result<String> {
        parse_reason(input.reason.as_deref().unwrap_or("")).field("reason")
    };
    let command = match action {
        "confirm" => Command::Confirm,
        "start-assembly" => Command::StartAssembly,
        "mark-ready" => Command::MarkReady,
        "hand-over" => Command::HandOver {
            tracking_number: match input.tracking_number.as_deref().map(str::trim) {
                Some(t) if !t.is_empty() => {
                    if t.len() > 64 || !t.chars().all(|c| c.is_ascii_graphic()) {
                        return Err(Error::field(
                            "tracking_number",
                            "tracking_number_invalid",
                            "a tracking number is up to 64 printable characters",
                        ));
                    }
                    Some(t.to_owned())
                }
                _ => None,
            },
        },
        "deliver" => Command::Deliver,
        "close" => Command::Close,
        "cancel" => Command::Cancel { reason: reason()? },
        "cancel-line" => Command::CancelLine {
            line_no: input
                .line_no
                .ok_or_else(|| Error::field("line_no", "line_no_missing", "say which line"))?,
            reason: reason()?,
        },
        "hold" => Command::PlaceHold(Hold {
            kind: HoldKind::parse(input.hold.as_deref().unwrap_or("")).field("hold")?,
            reason: reason()?,
        }),
        "release-hold" => Command::ReleaseHold {
            kind: HoldKind::parse(input.hold.as_deref().unwrap_or("")).field("hold")?,
            note: input.reason.clone().unwrap_or_default(),
        },
        "request-return" => Command::RequestReturn { reason: reason()? },
        "resolve-return" => Command::ResolveReturn {
            outcome: ReturnOutcome::parse(input.outcome.as_deref().unwrap_or(""))
                .field("outcome")?,
        },
        _ => return Err(Error::NotFound { what: "action" }),
    };
    Ok((
        command,
        input
            .reason
            .clone()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
    ))
}

pub(crate) fn permission_for(command: &Command) -> Permission {
    match command {
        Command::StartAssembly | Command::MarkReady | Command::HandOver { .. } => {
            Permission::Fulfil
        }
        Command::Deliver => Permission::Deliver,
        _ => Permission::ManageOrders,
    }
}

fn line_quantity(order: &Order, line_no: i64) -> i64 {
    order
        .lines
        .iter()
        .find(|l| l.line_no == line_no)
        .map_or(0, |l| l.quantity)
}

fn holds_json(holds: &[Hold]) -> Result<String> {
    serde_json::to_string(holds).map_err(|e| store::Error::Corrupt(e.to_string()).into())
}

pub(crate) fn parse_holds(json: &str) -> Result<Vec<Hold>> {
    stored(
        "holds",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("holds", e.to_string())),
    )
}

/// The domain's view of a stored order.
pub(crate) fn order_state(
    row: &store::orders::OrderRow,
    lines: &[store::orders::LineRow],
) -> Result<Order> {
    Ok(Order {
        stage: stored("stage", Stage::parse(&row.stage))?,
        holds: parse_holds(&row.holds)?,
        payment_mode: row
            .payment_mode
            .as_deref()
            .map(PaymentMode::parse)
            .transpose()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        delivery_method: row
            .delivery_method
            .as_deref()
            .map(DeliveryMethod::parse)
            .transpose()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        currency: stored("currency", Currency::parse(&row.currency))?,
        lines: lines
            .iter()
            .map(|l| Line {
                line_no: l.line_no,
                quantity: l.quantity,
                unit_price_minor: l.unit_price_minor,
                status: if l.status == "active" {
                    LineStatus::Active
                } else {
                    LineStatus::Cancelled
                },
            })
            .collect(),
        delivery_minor: row.delivery_minor,
        discount_minor: row.discount_minor,
        paid_minor: row.paid_minor,
    })
}

/// The timeline rows for events, as `actor` caused them at `at`.
pub(crate) fn event_rows(
    events: &[Event],
    at: i64,
    actor: &Actor,
    reason: Option<&str>,
) -> Result<Vec<store::orders::EventRow>> {
    events
        .iter()
        .map(|event| {
            Ok(store::orders::EventRow {
                at,
                actor: actor.name.clone(),
                kind: event.kind().into(),
                data: serde_json::to_string(event)
                    .map_err(|e| store::Error::Corrupt(e.to_string()))?,
                reason: reason.map(str::to_owned),
            })
        })
        .collect()
}

async fn append_events(
    tx: &mut store::Conn,
    order_id: i64,
    events: &[Event],
    at: i64,
    actor: &Actor,
    reason: Option<&str>,
) -> Result<Vec<store::orders::EventRow>> {
    let rows = event_rows(events, at, actor, reason)?;
    store::orders::append_events(tx, order_id, &rows).await?;
    Ok(rows)
}

/// The view of an order from its stored rows.
fn order_view(
    row: store::orders::OrderRow,
    lines: Vec<store::orders::LineRow>,
    reservations: Vec<store::inventory::ReservationRow>,
    events: Vec<store::orders::EventRow>,
) -> Result<OrderView> {
    let state = order_state(&row, &lines)?;
    let money = |minor| MoneyView::new(minor, state.currency);
    Ok(OrderView {
        number: row.id,
        channel: row.channel,
        stage: row.stage,
        holds: state
            .holds
            .iter()
            .map(|h| HoldView {
                kind: h.kind.as_str().into(),
                reason: h.reason.clone(),
            })
            .collect(),
        customer: OrderCustomer {
            id: row.customer_id,
            name: row.customer_name,
            phone: row.phone,
            email: row.email,
        },
        delivery: DeliveryView {
            method: row.delivery_method,
            address: match (row.address_line, row.city, row.country) {
                (Some(line), Some(city), Some(country)) => Some(NewAddress {
                    line,
                    city,
                    postcode: row.postcode.unwrap_or_default(),
                    country,
                }),
                _ => None,
            },
            pickup_point: row.pickup_point,
            tracking_number: row.tracking_number,
        },
        payment: PaymentView {
            mode: row.payment_mode,
            status: state.payment_status().as_str().into(),
            paid: money(state.paid_minor),
            balance_due: money(state.balance_minor().max(0)),
        },
        lines: lines
            .into_iter()
            .map(|l| {
                Ok(LineView {
                    total: money(if l.status == "active" {
                        l.quantity * l.unit_price_minor
                    } else {
                        0
                    }),
                    line_no: l.line_no,
                    sku: l.sku,
                    title: l.title,
                    options: parse_stored_options(&l.options)?,
                    quantity: l.quantity,
                    unit_price: money(l.unit_price_minor),
                    note: l.note,
                    status: l.status,
                })
            })
            .collect::<Result<_>>()?,
        note: row.note,
        subtotal: money(state.subtotal_minor()),
        delivery_price: money(state.delivery_minor),
        discount: money(state.discount_minor),
        total: money(state.total_minor()),
        reservations: reservations
            .into_iter()
            .map(|r| ReservationView {
                line_no: r.line_no,
                location: r.location,
                kind: r.kind,
                bin: r.bin,
                quantity: r.quantity,
                state: r.state,
            })
            .collect(),
        checks: stored(
            "checks",
            serde_json::from_str(&row.checks)
                .map_err(|e| domain::Invalid::new("checks", e.to_string())),
        )?,
        link_token: row.confirm_token,
        promise: match (row.promise_earliest, row.promise_latest) {
            (Some(earliest), Some(latest)) => Some(PromiseView { earliest, latest }),
            _ => None,
        },
        timeline: events
            .into_iter()
            .map(|e| {
                Ok(TimelineEntry {
                    at: timestamp(e.at)?,
                    actor: e.actor,
                    kind: e.kind,
                    data: serde_json::from_str(&e.data).unwrap_or(serde_json::Value::Null),
                    reason: e.reason,
                })
            })
            .collect::<Result<_>>()?,
        placed_at: timestamp(row.placed_at)?,
        updated_at: timestamp(row.updated_at)?,
    })
}

/// The delivery window for goods held on these shelves (CK-4): the latest of the lines, with
/// `transit` working days after the goods leave.
pub(crate) fn promise_window<'a>(
    ctx: &Context<'_>,
    transit: [i64; 2],
    shelves: impl Iterator<Item = &'a Shelf>,
) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    shelves
        .map(|shelf| {
            ctx.calendar
                .delivery_window(ctx.now, shelf.cutoff, shelf.lead_time_days, transit)
        })
        .reduce(|a, b| (a.0.max(b.0), a.1.max(b.1)))
}

/// An unguessable secret for a customer's link.
fn coupon_refusal(code: &'static str, message: &str) -> Error {
    Error::field("coupon", code, message)
}

/// What a coupon takes off an order: its percentage of the goods, or the delivery price, and
/// never more than the goods cost.
fn coupon_discount(coupon: &store::fulfilment::CouponRow, order: &Order) -> i64 {
    let subtotal = order.subtotal_minor();
    let off = if coupon.free_delivery == 1 {
        order.delivery_minor
    } else {
        subtotal * coupon.percent / 100
    };
    off.min(subtotal)
}

impl Shop {
    /// The coupon behind a code, if it can still be used: known, unused and not expired.
    pub(crate) async fn usable_coupon(&self, code: &str) -> Result<store::fulfilment::CouponRow> {
        let code = code.trim().to_uppercase();
        let mut conn = self.store.read().await?;
        let coupon = store::fulfilment::coupon(&mut conn, &code)
            .await?
            .ok_or_else(|| coupon_refusal("coupon_unknown", "no coupon has this code"))?;
        if coupon.used_by_order.is_some() {
            return Err(coupon_refusal(
                "coupon_used",
                "this coupon was used already",
            ));
        }
        if coupon.expires_at <= store::to_millis(self.now()) {
            return Err(coupon_refusal("coupon_expired", "this coupon has expired"));
        }
        Ok(coupon)
    }
}

pub(crate) fn secret_token() -> Result<String> {
    let mut secret = [0u8; 18];
    getrandom::fill(&mut secret)
        .map_err(|e| store::Error::Corrupt(format!("no randomness: {e}")))?;
    Ok(hex::encode(secret))
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
    let row = store::payments::PaymentRow {
        order_id,
        kind: kind.into(),
        amount_minor: payment.amount_minor,
        method: payment.method.trim().into(),
        reference: payment.reference.trim().into(),
        reason: reason.into(),
        at: now_ms,
        actor: actor.name.clone(),
    };
    Ok(store::payments::record(tx, &row).await?)
}
