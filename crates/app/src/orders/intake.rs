//! Intake, in one write transaction: the card found or made (IN-3), each line reserved (ST-1,
//! ST-2), the coupon used up (AS-4, AF-8), the promise made (CK-4), the order routed to a call
//! or a confirmation (CF-2), and a retry with the same key answered with the first order.

use domain::access::Permission;
use domain::checks;
use domain::confirmation::{self, CallReason, Route};
use domain::contact::PhoneRegion;
use domain::customers::Combine;
use domain::inventory::Candidate;
use domain::orders::{
    Command, Decision, Event, Hold, HoldKind, Line, LineStatus, Order, PaymentMode, Stage,
};
use domain::settings::ShopSettings;
use serde_json::json;

use crate::access::Actor;
use crate::catalog::{Shelf, places_for, promise_window};
use crate::customers::{Buyer, find_or_create};
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::holds_json;
use crate::kernel::timeline;
use crate::kernel::tokens::secret_token;
use crate::kernel::{Context, idempotency};
use crate::messaging::{Reach, message};
use crate::{Error, Result, Shop};

use super::draft::{Draft, DraftLine, parse};
use super::lifecycle::line_quantity;
use super::paying::OpensAs;
use super::payments::record_payment_row;
use super::views::order_view;
use super::{NewOrder, OrderView};

/// What intake answers: the order, and whether this was a retry of an earlier request.
pub struct Placed {
    pub order: OrderView,
    pub replayed: bool,
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

/// Where each line's units are held, and the lines nothing could fill (ST-1, ST-2).
struct Reserved {
    held: Vec<(i64, Candidate<Shelf>)>,
    out_of_stock: Vec<(i64, String)>,
}

/// What intake decided about a new order: the lifecycle's decision with its events, the
/// checks' findings, the promised window and how the order is confirmed.
struct Decided {
    decision: Decision,
    findings: Vec<checks::Finding>,
    promise: Option<(jiff::civil::Date, jiff::civil::Date)>,
    route: Route,
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
        self.take_in(input, idempotency_key, actor, None).await
    }

    pub(super) async fn take_in(
        &self,
        input: &NewOrder,
        idempotency_key: Option<&str>,
        actor: &Actor,
        paying_from_cart: Option<&str>,
    ) -> Result<Placed> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let draft = parse(input, region, &settings.ships_to)?;
        let hash = idempotency::request_hash(input);
        if let Some(key) = idempotency_key {
            idempotency::check_key(key)?;
            if let Some(placed) = self.replay(key, &hash).await? {
                return Ok(placed);
            }
        }

        let skus: Vec<&str> = draft.lines.iter().map(|l| l.sku.as_ref()).collect();
        let offers = store::catalog::offers(&mut *self.store.read().await?, &skus).await?;
        let priced = price_lines(&draft.lines, &offers)?;
        let order = priced_order(&draft, &priced, &settings)?;
        let coupon = match &draft.coupon {
            Some(code) => {
                Some(usable_coupon(&mut *self.store.read().await?, code, self.now()).await?)
            }
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
        let paid_online = paying_from_cart.is_some();
        check_prepaid(&draft, order.total_minor() - discount_minor, paid_online)?;

        let now = self.now();
        let postcode = draft.address.as_ref().map(|a| a.postcode.as_str());
        let transit = self
            .transit_days(&settings, now, draft.method, postcode)
            .await?;
        let ctx = Context::new(&settings, now);
        let now_ms = ctx.now_ms();
        let mut tx = self.store.begin_write().await?;
        let customer_id = card_for(&mut tx, &draft, now_ms).await?;
        // A gift coupon is for the card it was given to (AF-8).
        if let Some(given_to) = coupon.as_ref().and_then(|c| c.customer_id)
            && given_to != customer_id
        {
            return Err(coupon_refusal(
                "coupon_not_yours",
                "this coupon was given to another customer",
            ));
        }
        let stock = reserve(&mut tx, &order, &priced).await?;
        // AF-11: a recognised customer's tier gives its benefit by itself.
        let tier = crate::customers::tier_benefit(
            &mut tx,
            &settings.loyalty,
            customer_id,
            order.subtotal_minor(),
            order.delivery_minor,
        )
        .await?;
        let coupon_off = coupon.as_ref().map(|c| (c.code.as_str(), discount_minor));
        let discounts = combine(&settings, coupon_off, tier, order.subtotal_minor());
        let coupon_applies = discounts.iter().any(|d| d.coupon);
        let decided = decide(
            &draft,
            order,
            &discounts,
            &stock,
            transit,
            paid_online,
            &ctx,
        )?;

        let mut row = order_row(&draft, &decided, customer_id, &ctx)?;
        row.idempotency_key = idempotency_key.map(str::to_owned);
        row.request_hash = Some(hash.clone());
        // What the order becomes once paid is decided now; until then it only holds its stock.
        let opens_as = paid_online.then(|| (row.stage.clone(), row.holds.clone(), row.paid_minor));
        if paid_online {
            row.stage = Stage::Paying.as_str().into();
            row.holds = "[]".into();
            row.paid_minor = 0;
        } else {
            super::stamp(&mut row, &decided.decision.events, &ctx);
        }
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
        if let Some(coupon) = coupon.as_ref().filter(|_| coupon_applies)
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
        let order = &decided.decision.order;
        let line_rows = line_rows(order, &draft, &priced);
        store::orders::insert_lines(&mut tx, id, &line_rows).await?;
        let reservations = reservation_rows(order, &stock.held);
        let stock_ids: Vec<_> = stock
            .held
            .iter()
            .map(|(_, shelf)| shelf.id.stock_id)
            .collect();
        store::catalog::inventory::insert_reservations(&mut tx, id, &reservations, &stock_ids)
            .await?;
        let first_message = first_message(&decided, &stock);
        let events = with_reservations(decided.decision.events, &reservations);
        if let (Some((stage, holds, paid_minor)), Some(cart)) = (opens_as, paying_from_cart) {
            let opens_as = OpensAs {
                stage,
                holds,
                paid_minor,
                events,
                first_message,
            };
            super::paying::hold(&mut tx, id, &opens_as, cart, &ctx).await?;
            tx.commit().await?;
            return Ok(Placed {
                order: order_view(row, line_rows, reservations, Vec::new())?,
                replayed: false,
            });
        }
        let events = follow_intake(&mut tx, &row, events, first_message, &ctx).await?;
        let events = timeline::append(&mut tx, id, &events, now_ms, actor, None).await?;
        tx.commit().await?;
        self.counters.order_placed(&row.channel);
        if draft.payment.as_ref().is_some_and(|p| p.amount_minor > 0) {
            self.counters.payment_recorded();
        }
        // The answer is built from what was written, without reading it back.
        Ok(Placed {
            order: order_view(row, line_rows, reservations, events)?,
            replayed: false,
        })
    }

    /// A fresh idempotency key for a form that places an order, so a double submit of the
    /// same form makes one order.
    pub fn new_order_key(&self) -> Result<String> {
        secret_token()
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
}

/// A discount intake grants, with its reason in words; a coupon's uses the coupon up.
struct Discount {
    reason: String,
    amount_minor: i64,
    coupon: bool,
}

/// The coupon's and the tier's discounts as the shop combines them (AF-11): the larger one
/// only, a tie to the tier so the coupon is kept for later, or both within the goods' price.
fn combine(
    settings: &ShopSettings,
    coupon: Option<(&str, i64)>,
    tier: Option<(&domain::customers::Tier, i64)>,
    subtotal_minor: i64,
) -> Vec<Discount> {
    let coupon = coupon.map(|(code, amount_minor)| Discount {
        reason: format!("coupon {code}"),
        amount_minor,
        coupon: true,
    });
    let tier = tier.map(|(tier, amount_minor)| Discount {
        reason: format!("loyalty tier {}", tier.name(&settings.default_locale)),
        amount_minor,
        coupon: false,
    });
    match (coupon, tier, settings.loyalty.combine) {
        (Some(coupon), Some(mut tier), Combine::Both) => {
            tier.amount_minor = tier.amount_minor.min(subtotal_minor - coupon.amount_minor);
            vec![coupon, tier]
        }
        (Some(coupon), Some(tier), Combine::BestWins) => {
            vec![if coupon.amount_minor > tier.amount_minor {
                coupon
            } else {
                tier
            }]
        }
        (coupon, tier, _) => coupon.into_iter().chain(tier).collect(),
    }
}

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

/// The coupon behind a code, if it can still be used at `now`: known, unused and not expired.
pub(crate) async fn usable_coupon(
    conn: &mut store::Conn,
    code: &str,
    now: jiff::Timestamp,
) -> Result<store::fulfilment::CouponRow> {
    let code = code.trim().to_uppercase();
    let coupon = store::fulfilment::coupon(conn, &code)
        .await?
        .ok_or_else(|| coupon_refusal("coupon_unknown", "no coupon has this code"))?;
    if coupon.used_by_order.is_some() {
        return Err(coupon_refusal(
            "coupon_used",
            "this coupon was used already",
        ));
    }
    if coupon.expires_at <= store::to_millis(now) {
        return Err(coupon_refusal("coupon_expired", "this coupon has expired"));
    }
    Ok(coupon)
}

/// The order as the domain sees it at placement: its lines at their prices and the delivery
/// price of its method.
fn priced_order(draft: &Draft, priced: &[Priced], settings: &ShopSettings) -> Result<Order> {
    let order = Order {
        stage: Stage::Placed,
        holds: Vec::new(),
        payment_mode: draft.payment_mode,
        delivery_method: draft.method,
        currency: settings.currency,
        lines: draft
            .lines
            .iter()
            .zip(priced)
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
        refunded_minor: 0,
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
    Ok(Order {
        delivery_minor,
        ..order
    })
}

/// A prepaid order is taken only when the channel took the whole amount, or while it is paid
/// online at checkout (PY-1).
fn check_prepaid(draft: &Draft, due_minor: i64, paid_online: bool) -> Result<()> {
    let prepaid_here = draft.payment_mode == Some(PaymentMode::Prepaid) && !paid_online;
    if prepaid_here && draft.payment.is_none() {
        return Err(Error::field(
            "payment",
            "payment_required",
            "a prepaid order arrives with its payment",
        ));
    }
    let prepaid = draft
        .payment
        .as_ref()
        .filter(|_| draft.payment_mode == Some(PaymentMode::Prepaid));
    if prepaid.is_some_and(|payment| payment.amount_minor < due_minor) {
        return Err(Error::field(
            "payment.amount_minor",
            "payment_short",
            format!("a prepaid order is taken only when paid in full: {due_minor} minor units"),
        ));
    }
    Ok(())
}

/// The buyer's card, found by phone or email or made (IN-3).
async fn card_for(tx: &mut store::Conn, draft: &Draft, now_ms: i64) -> Result<i64> {
    let buyer = Buyer {
        name: &draft.name,
        phone: draft.phone.as_ref(),
        email: draft.email.as_ref(),
        locale: draft.locale.as_deref(),
        consent_source: draft.consent.then_some("order"),
        preferred_channel: draft.preferred_channel,
        address: draft.address.as_ref(),
    };
    let customer_id = find_or_create(tx, &buyer, now_ms).await?;
    // A card opened with only a contact (a back-in-stock request, a sign-in) takes the name
    // the person gives with their first order.
    store::customers::replace_stand_in_name(tx, customer_id, draft.name.as_ref()).await?;
    Ok(customer_id)
}

/// Reserves each line at the first place that has it (ST-2).
async fn reserve(tx: &mut store::Conn, order: &Order, priced: &[Priced]) -> Result<Reserved> {
    // Stock rows are always locked in one global order (variant, then the order of places),
    // so two orders sharing SKUs can never wait on each other.
    let mut by_variant: Vec<_> = order.lines.iter().zip(priced).collect();
    by_variant.sort_by_key(|(line, p)| (p.variant_id, line.line_no));
    let mut held = Vec::new();
    let mut out_of_stock = Vec::new();
    for (line, p) in by_variant {
        let mut taken = None;
        for candidate in &p.candidates {
            if store::catalog::inventory::try_reserve(tx, candidate.id.stock_id, line.quantity)
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
    Ok(Reserved { held, out_of_stock })
}

/// Decides the new order: the checks (CK-1..3), the promise (CK-4), the discounts, the
/// money already taken, and the confirmation route (CF-2).
fn decide(
    draft: &Draft,
    order: Order,
    discounts: &[Discount],
    stock: &Reserved,
    transit: [i64; 2],
    paid_online: bool,
    ctx: &Context<'_>,
) -> Result<Decided> {
    let settings = ctx.settings;
    // CK-1..3: what a manager must clarify.
    let out_skus: Vec<String> = stock
        .out_of_stock
        .iter()
        .map(|(_, sku)| sku.clone())
        .collect();
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
    let promise = promise_window(ctx, transit, stock.held.iter().map(|(_, shelf)| &shelf.id));

    let mut decision = order.place(&draft.channel, &stock.out_of_stock);
    for discount in discounts.iter().filter(|d| d.amount_minor > 0) {
        decision = decision.then(Command::GrantDiscount {
            amount_minor: discount.amount_minor,
            reason: discount.reason.clone(),
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
        decision = decision
            .then(Command::RecordPayment {
                amount_minor: payment.amount_minor,
                overpayment: payment.overpayment,
            })
            .map_err(|refusal| Error::refused_in("payment.amount_minor", &refusal))?;
    }
    // PY-1: paid at checkout, the order is decided as paid in full; it opens only once it is.
    if paid_online {
        let amount_minor = decision.order.balance_minor();
        decision = decision.then(Command::RecordPayment {
            amount_minor,
            overpayment: false,
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
    Ok(Decided {
        decision,
        findings,
        promise,
        route,
    })
}

/// The new order's row, as intake writes it.
fn order_row(
    draft: &Draft,
    decided: &Decided,
    customer_id: i64,
    ctx: &Context<'_>,
) -> Result<store::orders::OrderRow> {
    let order = &decided.decision.order;
    let address = draft.address.as_ref();
    let now_ms = ctx.now_ms();
    Ok(store::orders::OrderRow {
        id: 0,
        customer_id,
        channel: draft.channel.to_string(),
        stage: order.stage.as_str().into(),
        holds: holds_json(&order.holds)?,
        payment_mode: draft.payment_mode.map(|m| m.as_str().into()),
        delivery_method: draft.method.map(|m| m.as_str().into()),
        customer_name: draft.name.as_ref().into(),
        phone: draft.phone.as_ref().map(|p| p.to_string()),
        email: draft.email.as_ref().map(|e| e.to_string()),
        address_line: address.map(|a| a.line.clone()),
        city: address.map(|a| a.city.clone()),
        postcode: address.map(|a| a.postcode.clone()),
        country: address.map(|a| a.country.clone()),
        pickup_point: draft.pickup_point.clone(),
        note: draft.note.clone(),
        currency: ctx.settings.currency.to_string(),
        subtotal_minor: order.subtotal_minor(),
        delivery_minor: order.delivery_minor,
        discount_minor: order.discount_minor,
        total_minor: order.total_minor(),
        paid_minor: order.paid_minor,
        refunded_minor: 0,
        tracking_number: None,
        idempotency_key: None,
        request_hash: None,
        version: 1,
        placed_at: now_ms,
        updated_at: now_ms,
        checks: serde_json::to_string(&decided.findings)
            .map_err(|e| store::Error::Corrupt(e.to_string()))?,
        promise_earliest: decided.promise.as_ref().map(|p| p.0.to_string()),
        promise_latest: decided.promise.as_ref().map(|p| p.1.to_string()),
        confirm_token: Some(secret_token()?),
        payment_due_at: None,
        processed_at: None,
    })
}

fn line_rows(order: &Order, draft: &Draft, priced: &[Priced]) -> Vec<store::orders::LineRow> {
    order
        .lines
        .iter()
        .zip(&draft.lines)
        .zip(priced)
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
        .collect()
}

fn reservation_rows(
    order: &Order,
    held: &[(i64, Candidate<Shelf>)],
) -> Vec<store::catalog::inventory::ReservationRow> {
    held.iter()
        .map(
            |(line_no, shelf)| store::catalog::inventory::ReservationRow {
                line_no: *line_no,
                location: shelf.id.location.clone(),
                kind: shelf.kind.as_str().into(),
                bin: shelf.id.bin.clone(),
                quantity: line_quantity(order, *line_no),
                state: "held".into(),
            },
        )
        .collect()
}

/// CF-1: the first word to the customer once the order is confirming: the link to confirm
/// name, items, method, address, date, total and payment, or that the order arrived and the
/// shop will be in touch. Out of stock, the customer already got the choice to make (ST-1).
fn first_message(decided: &Decided, stock: &Reserved) -> Option<String> {
    let confirming = decided.decision.order.stage == Stage::Confirming;
    (confirming && stock.out_of_stock.is_empty()).then(|| {
        if decided.route == Route::Link {
            "confirmation_request".into()
        } else {
            "order_received".into()
        }
    })
}

/// Intake's events with where each line is held, after the order's arrival.
fn with_reservations(
    mut events: Vec<Event>,
    reservations: &[store::catalog::inventory::ReservationRow],
) -> Vec<Event> {
    for (at, r) in (1..).zip(reservations) {
        events.insert(
            at,
            Event::LineReserved {
                line_no: r.line_no,
                location: r.location.clone(),
            },
        );
    }
    events
}

/// The new order's timeline: placed, where each line is held, then what followed, with the
/// first word to the customer.
pub(super) async fn follow_intake(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    mut events: Vec<Event>,
    first_message: Option<String>,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let mut followed = crate::reactions::react(tx, row, &events, ctx).await?;
    if let Some(template) = first_message {
        let first = message(tx, row, &template, Reach::Preferred, json!({}), ctx).await?;
        followed.extend(first);
    }
    events.extend(followed);
    Ok(events)
}
