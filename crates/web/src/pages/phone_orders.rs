//! A phone order typed in by a manager (IN-1): the customer found by phone in any format, email
//! or name, with their card (IN-3), the lines with their notes (IN-2), the delivery and the
//! payment, through the same intake as every channel. Without JavaScript, each button sends the
//! whole form and the page comes back with what was typed.

use app::customers::{CustomerCard, CustomerSummary};
use app::orders::{NewAddress, NewBuyer, NewDelivery, NewLine, NewOrder};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::contact::{Phone, PhoneRegion};
use domain::orders::{DeliveryMethod, PaymentMode};

use super::frame::Frame;
use super::session::{Me, PageError, render};

/// One line as typed.
#[derive(Debug, Default, Clone)]
pub struct TypedLine {
    sku: String,
    quantity: String,
    note: String,
}

/// The whole form as typed.
#[derive(Debug, Default)]
pub struct Typed {
    key: String,
    find: String,
    name: String,
    phone: String,
    email: String,
    method: String,
    line: String,
    city: String,
    postcode: String,
    country: String,
    pickup_point: String,
    payment_mode: String,
    note: String,
    lines: Vec<TypedLine>,
    step: String,
}

impl Typed {
    fn read(body: &[u8]) -> Self {
        let mut typed = Self::default();
        for (name, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match name.as_ref() {
                "key" => typed.key = value,
                "find" => typed.find = value,
                "name" => typed.name = value,
                "phone" => typed.phone = value,
                "email" => typed.email = value,
                "method" => typed.method = value,
                "line" => typed.line = value,
                "city" => typed.city = value,
                "postcode" => typed.postcode = value,
                "country" => typed.country = value,
                "pickup_point" => typed.pickup_point = value,
                "payment_mode" => typed.payment_mode = value,
                "note" => typed.note = value,
                "step" => typed.step = value,
                // Each line sends its SKU first, then its quantity and note.
                "sku" => typed.lines.push(TypedLine {
                    sku: value,
                    ..TypedLine::default()
                }),
                "quantity" => {
                    if let Some(line) = typed.lines.last_mut() {
                        line.quantity = value;
                    }
                }
                "line_note" => {
                    if let Some(line) = typed.lines.last_mut() {
                        line.note = value;
                    }
                }
                _ => {}
            }
        }
        typed
    }

    /// The order as intake takes it: the lines with a SKU, the address when one was typed.
    fn order(&self) -> NewOrder {
        let given = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        let address = [&self.line, &self.city, &self.postcode, &self.country]
            .iter()
            .any(|p| !p.trim().is_empty())
            .then(|| NewAddress {
                line: self.line.clone(),
                city: self.city.clone(),
                postcode: self.postcode.clone(),
                country: self.country.clone(),
            });
        NewOrder {
            channel: "phone".into(),
            customer: NewBuyer {
                name: self.name.clone(),
                phone: given(&self.phone),
                email: given(&self.email),
                locale: None,
                marketing_consent: false,
                preferred_channel: None,
            },
            delivery: NewDelivery {
                method: given(&self.method),
                address,
                pickup_point: given(&self.pickup_point),
                price_minor: None,
            },
            payment_mode: given(&self.payment_mode),
            lines: self
                .lines
                .iter()
                .filter(|l| !l.sku.trim().is_empty())
                .map(|l| NewLine {
                    sku: l.sku.trim().to_owned(),
                    // A quantity that is not a number is refused by intake, naming the line.
                    quantity: l.quantity.trim().parse().unwrap_or(0),
                    unit_price_minor: None,
                    note: l.note.clone(),
                })
                .collect(),
            note: self.note.clone(),
            payment: None,
            coupon: None,
        }
    }

    /// Fills the customer's part from their card: name, first phone, email and address.
    fn take_card(&mut self, card: &CustomerCard) {
        self.name = card.name.clone();
        self.phone = card.phones.first().cloned().unwrap_or_default();
        self.email = card.emails.first().cloned().unwrap_or_default();
        if let Some(a) = card.addresses.first() {
            self.line = a.line.clone();
            self.city = a.city.clone();
            self.postcode = a.postcode.clone();
            self.country = a.country.clone();
        }
    }
}

#[derive(Template)]
#[template(path = "pages/phone_order.html")]
struct PhoneOrderPage {
    f: Frame,
    typed: Typed,
    found: Option<Vec<CustomerSummary>>,
    card: Option<CustomerCard>,
    refusal: Option<String>,
    payments: Vec<&'static str>,
    deliveries: Vec<&'static str>,
}

fn page_of(me: &Me, mut typed: Typed) -> PhoneOrderPage {
    // One empty line to type into, always.
    if typed.lines.last().is_none_or(|l| !l.sku.trim().is_empty()) {
        typed.lines.push(TypedLine {
            quantity: "1".into(),
            ..TypedLine::default()
        });
    }
    PhoneOrderPage {
        f: me.frame("orders", "phone-order-title"),
        typed,
        found: None,
        card: None,
        refusal: None,
        payments: PaymentMode::ALL.iter().map(|m| m.as_str()).collect(),
        deliveries: DeliveryMethod::ALL.iter().map(|m| m.as_str()).collect(),
    }
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    let typed = Typed {
        key: shop.new_order_key()?,
        country: me.settings.phone_region.clone(),
        ..Typed::default()
    };
    Ok(render(&page_of(&me, typed)))
}

/// A phone typed in any format is looked up the way cards keep it (E.164); anything else as
/// typed.
fn lookup_words(me: &Me, find: &str) -> String {
    PhoneRegion::parse(&me.settings.phone_region)
        .ok()
        .and_then(|region| Phone::parse(find, region).ok())
        .map_or_else(|| find.trim().to_owned(), |phone| phone.to_string())
}

pub async fn send(
    State(shop): State<app::Shop>,
    me: Me,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let mut typed = Typed::read(&body);
    let step = std::mem::take(&mut typed.step);
    if step == "find" {
        let found = shop
            .customers(me.actor(), &lookup_words(&me, &typed.find), 10, 0)
            .await?;
        let mut page = page_of(&me, typed);
        page.found = Some(found);
        return Ok(render(&page));
    }
    if let Some(id) = step.strip_prefix("pick-").and_then(|id| id.parse().ok()) {
        let card = shop.customer(me.actor(), id).await?;
        typed.take_card(&card);
        let mut page = page_of(&me, typed);
        page.card = Some(card);
        return Ok(render(&page));
    }
    if step != "place" {
        return Ok(render(&page_of(&me, typed)));
    }
    match shop
        .place_order(&typed.order(), Some(&typed.key), me.actor())
        .await
    {
        Ok(placed) => {
            let number = placed.order.number;
            let notice = me
                .lang
                .text_with("phone-order-placed", &[("number", number.into())]);
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to(&format!("/admin/orders/{number}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let mut page = page_of(&me, typed);
            page.refusal = Some(super::orders::refusal_naming_field(&me, &err));
            Ok((status, render(&page)).into_response())
        }
    }
}
