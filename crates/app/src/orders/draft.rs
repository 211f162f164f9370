//! An order as it arrives, from the API, the storefront, a phone call or an import, and its
//! parsing into domain types: every problem names its field, before anything is written.

use domain::catalog::{Quantity, Sku};
use domain::contact::{Address, Email, PersonName, Phone, PhoneRegion};
use domain::money::parse_price_minor;
use domain::orders::{Channel, DeliveryMethod, PaymentMode, parse_note};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kernel::error::FieldResult;
use crate::{Error, Result};

use super::NewPayment;

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

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
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

/// An intake request after parsing: every value valid.
pub(super) struct Draft {
    pub(super) channel: Channel,
    pub(super) name: PersonName,
    pub(super) phone: Option<Phone>,
    pub(super) email: Option<Email>,
    /// A contact as typed that did not parse, while another one did (CK-1).
    pub(super) unparsed_phone: Option<String>,
    pub(super) unparsed_email: Option<String>,
    pub(super) locale: Option<String>,
    pub(super) consent: bool,
    pub(super) preferred_channel: Option<domain::messaging::Channel>,
    pub(super) method: Option<DeliveryMethod>,
    pub(super) address: Option<Address>,
    pub(super) pickup_point: Option<String>,
    pub(super) delivery_price: Option<i64>,
    pub(super) payment_mode: Option<PaymentMode>,
    pub(super) payment: Option<NewPayment>,
    pub(super) lines: Vec<DraftLine>,
    pub(super) note: String,
    pub(super) coupon: Option<String>,
}

pub(super) struct DraftLine {
    pub(super) sku: Sku,
    pub(super) quantity: Quantity,
    pub(super) unit_price_minor: Option<i64>,
    pub(super) note: String,
}

pub(super) fn parse(input: &NewOrder, region: PhoneRegion, ships_to: &[String]) -> Result<Draft> {
    let channel = Channel::parse(&input.channel).field("channel")?;
    let name = PersonName::parse(&input.customer.name).field("customer.name")?;
    let contacts = parse_contacts(&input.customer, region)?;
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
    let delivery = parse_delivery(&input.delivery, ships_to)?;
    // A missing method is asked for by a manager (CK-2); a wrong one is a client error.
    let payment_mode = given(&input.payment_mode)
        .map(|m| PaymentMode::parse(&m))
        .transpose()
        .field("payment_mode")?;
    if let Some(payment) = &input.payment {
        parse_price_minor(payment.amount_minor).field("payment.amount_minor")?;
    }
    let lines = parse_lines(&input.lines, &channel)?;
    Ok(Draft {
        channel,
        name,
        phone: contacts.phone,
        email: contacts.email,
        unparsed_phone: contacts.unparsed_phone,
        unparsed_email: contacts.unparsed_email,
        locale: locale.map(str::to_owned),
        preferred_channel: input
            .customer
            .preferred_channel
            .as_deref()
            .map(domain::messaging::Channel::parse)
            .transpose()
            .field("customer.preferred_channel")?,
        consent: input.customer.marketing_consent,
        method: delivery.method,
        address: delivery.address,
        pickup_point: delivery.pickup_point,
        delivery_price: delivery.price_minor,
        payment_mode,
        payment: input.payment.clone(),
        lines,
        note: parse_note(&input.note).field("note")?,
        coupon: given(&input.coupon).map(|code| code.to_uppercase()),
    })
}

/// A value given in a field, trimmed; an empty one is not given.
fn given(raw: &Option<String>) -> Option<String> {
    raw.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The buyer's phone and email as parsed, and as typed where one did not parse.
struct Contacts {
    phone: Option<Phone>,
    email: Option<Email>,
    unparsed_phone: Option<String>,
    unparsed_email: Option<String>,
}

fn parse_contacts(customer: &NewBuyer, region: PhoneRegion) -> Result<Contacts> {
    let (phone_raw, email_raw) = (given(&customer.phone), given(&customer.email));
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
    Ok(Contacts {
        phone: phone.and_then(Result::ok),
        email: email.and_then(Result::ok),
        unparsed_phone,
        unparsed_email,
    })
}

struct DraftDelivery {
    method: Option<DeliveryMethod>,
    address: Option<Address>,
    pickup_point: Option<String>,
    price_minor: Option<i64>,
}

fn parse_delivery(delivery: &NewDelivery, ships_to: &[String]) -> Result<DraftDelivery> {
    // A missing method is asked for by a manager (CK-2); a wrong one is a client error.
    let method = given(&delivery.method)
        .map(|m| DeliveryMethod::parse(&m))
        .transpose()
        .field("delivery.method")?;
    let address = match (
        &delivery.address,
        method.is_some_and(DeliveryMethod::needs_address),
    ) {
        (Some(a), _) => Some(
            Address::parse(&a.line, &a.city, &a.postcode, &a.country, ships_to).map_err(
                |(part, e)| Error::invalid(format!("delivery.address.{}", part.field()), e),
            )?,
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
    let pickup_point = given(&delivery.pickup_point);
    if method.is_some_and(DeliveryMethod::needs_pickup_point) && pickup_point.is_none() {
        return Err(Error::field(
            "delivery.pickup_point",
            "pickup_point_missing",
            "choose the pickup point or locker",
        ));
    }
    let price_minor = delivery
        .price_minor
        .map(parse_price_minor)
        .transpose()
        .field("delivery.price_minor")?;
    Ok(DraftDelivery {
        method,
        address,
        pickup_point,
        price_minor,
    })
}

fn parse_lines(lines: &[NewLine], channel: &Channel) -> Result<Vec<DraftLine>> {
    if lines.is_empty() {
        return Err(Error::field(
            "lines",
            "lines_missing",
            "an order needs at least one line",
        ));
    }
    if lines.len() > 200 {
        return Err(Error::field(
            "lines",
            "too_many_lines",
            "an order has at most 200 lines",
        ));
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let at = |name: &str| format!("lines[{i}].{name}");
            let unit_price_minor = match (line.unit_price_minor, channel) {
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
        .collect()
}
