//! Editing an order after intake: the customer's name and contacts, the address and, before
//! packing, the delivery method and pickup point. A call that finds a phone number typed into
//! the address field fixes the address itself (CK-1), and the customer confirms what they hear
//! about (CF-1). One transaction with the order's version check: of two managers editing at
//! once, the second is told the order changed and nothing of theirs is mixed in.

use domain::access::Permission;
use domain::checks;
use domain::contact::{Address, Email, PersonName, Phone, PhoneRegion};
use domain::orders::{DeliveryMethod, Editable, Event, Stage};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::locked;
use crate::kernel::timeline;
use crate::kernel::views::stored;
use crate::messaging::{Reach, message};
use crate::{Error, Result, Shop};

use super::{NewAddress, OrderView, order_state};

/// What to change on an order; a field left out stays as it is.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct OrderEdit {
    /// The `version` of the order the edit was made on; an `If-Match` header may carry it
    /// instead. An order changed since is refused with 409 `order_changed`.
    pub version: Option<i64>,
    pub name: Option<String>,
    /// Empty removes the phone, as long as an email remains.
    pub phone: Option<String>,
    /// Empty removes the email, as long as a phone remains.
    pub email: Option<String>,
    /// Only before packing (DL-1).
    pub delivery_method: Option<String>,
    pub address: Option<NewAddress>,
    /// Only before packing.
    pub pickup_point: Option<String>,
}

/// An edit after parsing: every value given is valid. `Some(None)` clears a contact.
struct Parsed {
    name: Option<PersonName>,
    phone: Option<Option<Phone>>,
    email: Option<Option<Email>>,
    method: Option<DeliveryMethod>,
    address: Option<Address>,
    pickup_point: Option<String>,
}

fn parse_edit(edit: &OrderEdit, region: PhoneRegion, ships_to: &[String]) -> Result<Parsed> {
    let trimmed = |raw: &Option<String>| raw.as_deref().map(str::trim).map(str::to_owned);
    let phone = trimmed(&edit.phone)
        .map(|p| {
            (!p.is_empty())
                .then(|| Phone::parse(&p, region))
                .transpose()
        })
        .transpose()
        .field("phone")?;
    let email = trimmed(&edit.email)
        .map(|e| (!e.is_empty()).then(|| Email::parse(&e)).transpose())
        .transpose()
        .field("email")?;
    let address = edit
        .address
        .as_ref()
        .map(|a| {
            Address::parse(&a.line, &a.city, &a.postcode, &a.country, ships_to)
                .map_err(|(part, e)| Error::invalid(format!("address.{}", part.field()), e))
        })
        .transpose()?;
    let pickup_point = trimmed(&edit.pickup_point);
    if pickup_point
        .as_ref()
        .is_some_and(|p| p.chars().count() > 200)
    {
        return Err(Error::field(
            "pickup_point",
            "pickup_point_invalid",
            "a pickup point is at most 200 characters",
        ));
    }
    Ok(Parsed {
        name: edit
            .name
            .as_deref()
            .map(PersonName::parse)
            .transpose()
            .field("name")?,
        phone,
        email,
        method: trimmed(&edit.delivery_method)
            .filter(|m| !m.is_empty())
            .map(|m| DeliveryMethod::parse(&m))
            .transpose()
            .field("delivery_method")?,
        address,
        pickup_point,
    })
}

/// An address as the timeline and the customer read it.
fn address_text(line: &str, postcode: &str, city: &str, country: &str) -> String {
    format!("{line}, {postcode} {city}, {country}")
}

fn stored_address(row: &store::orders::OrderRow) -> Option<String> {
    Some(address_text(
        row.address_line.as_deref()?,
        row.postcode.as_deref().unwrap_or_default(),
        row.city.as_deref().unwrap_or_default(),
        row.country.as_deref().unwrap_or_default(),
    ))
}

/// What an edit changed: each field from what to what, in the order the form shows them.
#[derive(Default)]
struct Changes(Vec<(&'static str, String, String)>);

impl Changes {
    /// Records `field` if `to` differs from `from`, and answers whether it did.
    fn note(&mut self, field: &'static str, from: Option<&str>, to: Option<&str>) -> bool {
        if from == to {
            return false;
        }
        let text = |v: Option<&str>| v.unwrap_or_default().to_owned();
        self.0.push((field, text(from), text(to)));
        true
    }

    fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _, _)| *f == field)
    }

    fn new_value(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, _, to)| to.as_str())
    }
}

/// `days` working days later, or earlier when negative.
fn shift_working_days(
    calendar: &domain::calendar::Calendar<'_>,
    date: jiff::civil::Date,
    days: i64,
) -> jiff::civil::Date {
    if days >= 0 {
        return calendar.add_working_days(date, days);
    }
    let mut date = date;
    for _ in 0..-days {
        date = date.yesterday().unwrap_or(date);
        while !calendar.is_working_day(date) {
            date = date.yesterday().unwrap_or(date);
        }
    }
    date
}

impl Shop {
    /// Edits the customer's details and the delivery of an order: before packing all of them,
    /// after packing only the contacts and the address. The intake checks run again on what
    /// changed (CK-1), the price of a new method and the promise of a new region are computed
    /// again (CK-4), the card learns the new contact or address (IN-3), the timeline says what
    /// changed from what to what, and the customer is told in their channel (DL-4).
    pub async fn edit_order(
        &self,
        actor: &Actor,
        number: i64,
        edit: &OrderEdit,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let version = edit.version.ok_or_else(|| {
            Error::field(
                "version",
                "version_missing",
                "send the version of the order the edit was made on",
            )
        })?;
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let parsed = parse_edit(edit, region, &settings.ships_to)?;
        let now = self.now();

        // The transit before and after, read outside the write lock; the version check below
        // makes sure they were read for the order as it is edited.
        let before = {
            let mut conn = self.store.read().await?;
            store::orders::get(&mut conn, number)
                .await?
                .ok_or(Error::NotFound { what: "order" })?
        };
        let method_before = before
            .delivery_method
            .as_deref()
            .map(DeliveryMethod::parse)
            .transpose()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let method_after = parsed.method.or(method_before);
        let postcode_after = parsed
            .address
            .as_ref()
            .map(|a| a.postcode.as_str())
            .or(before.postcode.as_deref());
        let transit_before = self
            .transit_days(&settings, now, method_before, before.postcode.as_deref())
            .await?;
        let transit_after = self
            .transit_days(&settings, now, method_after, postcode_after)
            .await?;

        let ctx = Context::new(&settings, now);
        let mut tx = self.store.begin_write().await?;
        let row = locked(&mut tx, number).await?;
        if row.version != version {
            return Err(Error::order_changed());
        }
        let stage = stored("stage", Stage::parse(&row.stage))?;
        let packed = store::fulfilment::parcel(&mut tx, number).await?.is_some();
        let editable = stage.editable(packed);

        let mut changes = Changes::default();
        let mut updated = row.clone();
        if let Some(name) = &parsed.name
            && changes.note("name", Some(&row.customer_name), Some(name.as_ref()))
        {
            updated.customer_name = name.as_ref().to_owned();
        }
        if let Some(phone) = &parsed.phone {
            let to = phone.as_ref().map(ToString::to_string);
            if changes.note("phone", row.phone.as_deref(), to.as_deref()) {
                updated.phone = to;
            }
        }
        if let Some(email) = &parsed.email {
            let to = email.as_ref().map(ToString::to_string);
            if changes.note("email", row.email.as_deref(), to.as_deref()) {
                updated.email = to;
            }
        }
        if updated.phone.is_none() && updated.email.is_none() {
            return Err(Error::field(
                "phone",
                "contact_missing",
                "a phone number or an email is required to reach the customer",
            ));
        }
        if let Some(a) = &parsed.address {
            let to = address_text(&a.line, &a.postcode, &a.city, &a.country);
            if changes.note("address", stored_address(&row).as_deref(), Some(&to)) {
                updated.address_line = Some(a.line.clone());
                updated.city = Some(a.city.clone());
                updated.postcode = Some(a.postcode.clone());
                updated.country = Some(a.country.clone());
            }
        }
        if let Some(method) = parsed.method
            && changes.note(
                "delivery_method",
                row.delivery_method.as_deref(),
                Some(method.as_str()),
            )
        {
            updated.delivery_method = Some(method.as_str().into());
        }
        if let Some(point) = &parsed.pickup_point {
            let to = (!point.is_empty()).then_some(point.as_str());
            if changes.note("pickup_point", row.pickup_point.as_deref(), to) {
                updated.pickup_point = to.map(str::to_owned);
            }
        }
        match editable {
            Editable::Nothing if !changes.0.is_empty() => {
                return Err(Error::Conflict {
                    code: "order_not_editable",
                    message: format!("an order in stage {stage} can no longer be edited"),
                });
            }
            Editable::ContactsAndAddress
                if changes.has("delivery_method") || changes.has("pickup_point") =>
            {
                return Err(Error::Conflict {
                    code: "order_packed",
                    message: "the order is packed: only the contacts and the address can change"
                        .into(),
                });
            }
            _ => {}
        }
        if changes.0.is_empty() {
            drop(tx);
            return Ok(self.order(number).await?.seen_by(actor));
        }
        check_delivery(&updated)?;
        let findings = recheck(&updated, &row, &changes)?;
        updated.checks =
            serde_json::to_string(&findings).map_err(|e| store::Error::Corrupt(e.to_string()))?;

        let mut events: Vec<Event> = changes
            .0
            .iter()
            .map(|(field, from, to)| Event::DetailsChanged {
                field: (*field).into(),
                from: from.clone(),
                to: to.clone(),
            })
            .collect();
        if changes.has("delivery_method") {
            let lines = store::orders::lines(&mut tx, number).await?;
            let mut order = order_state(&updated, &lines)?;
            order.delivery_minor = method_after
                .and_then(|m| settings.delivery_price(m, order.subtotal_minor()))
                .ok_or_else(|| {
                    Error::field(
                        "delivery_method",
                        "delivery_method_not_offered",
                        "the shop does not offer this delivery method",
                    )
                })?;
            updated.delivery_minor = order.delivery_minor;
            updated.total_minor = order.total_minor();
        }
        // CK-4: a region with another transit moves the promise by the difference.
        if let (true, Some(earliest), Some(latest)) = (
            transit_after != transit_before,
            row.promise_earliest.as_deref(),
            row.promise_latest.as_deref(),
        ) {
            let shift = |stored: &str, days: i64| -> Result<String> {
                let date = stored
                    .parse::<jiff::civil::Date>()
                    .map_err(|e| store::Error::Corrupt(e.to_string()))?;
                Ok(shift_working_days(&ctx.calendar, date, days).to_string())
            };
            let earliest = shift(earliest, transit_after[0] - transit_before[0])?;
            let latest = shift(latest, transit_after[1] - transit_before[1])?;
            updated.promise_earliest = Some(earliest.clone());
            updated.promise_latest = Some(latest.clone());
            events.push(Event::PromiseMade { earliest, latest });
        }
        updated.updated_at = ctx.now_ms();
        store::orders::update_details(&mut tx, &updated).await?;
        crate::customers::learn_from_edit(
            &mut tx,
            row.customer_id,
            parsed.phone.as_ref().and_then(Option::as_ref),
            parsed.email.as_ref().and_then(Option::as_ref),
            parsed.address.as_ref().filter(|_| changes.has("address")),
            ctx.now_ms(),
        )
        .await?;
        // CF-1: the customer hears what the shop changed, in their channel (DL-4).
        let told = json!({
            "new_name": changes.new_value("name"),
            "new_phone": changes.new_value("phone"),
            "new_email": changes.new_value("email"),
            "new_address": changes.new_value("address"),
            "new_pickup_point": changes.new_value("pickup_point"),
        });
        let queued = message(
            &mut tx,
            &updated,
            "order_changed",
            Reach::Preferred,
            told,
            &ctx,
        )
        .await?;
        events.extend(queued);
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        tx.commit().await?;
        Ok(self.order(number).await?.seen_by(actor))
    }
}

/// Door delivery needs an address and a pickup point a point (DL-1).
fn check_delivery(row: &store::orders::OrderRow) -> Result<()> {
    let method = row
        .delivery_method
        .as_deref()
        .map(DeliveryMethod::parse)
        .transpose()
        .map_err(|e| store::Error::Corrupt(e.to_string()))?;
    if method.is_some_and(DeliveryMethod::needs_address) && row.address_line.is_none() {
        return Err(Error::field(
            "address",
            "address_missing",
            "door delivery needs an address",
        ));
    }
    if method.is_some_and(DeliveryMethod::needs_pickup_point) && row.pickup_point.is_none() {
        return Err(Error::field(
            "pickup_point",
            "pickup_point_missing",
            "choose the pickup point or locker",
        ));
    }
    Ok(())
}

/// The CK-1 findings an edit of the name or the address is refused for.
const FIXABLE: [&str; 6] = [
    "name_is_number",
    "name_is_email",
    "name_is_phone",
    "address_has_phone",
    "address_has_email",
    "address_too_short",
];

/// CK-1 again on what changed: a new name or address the checks find wrong (a phone number in
/// the address field) is refused, naming the field; what the edit fixed leaves the findings.
fn recheck(
    updated: &store::orders::OrderRow,
    before: &store::orders::OrderRow,
    changes: &Changes,
) -> Result<Vec<checks::Finding>> {
    let found = checks::check(&checks::Facts {
        name: &updated.customer_name,
        address_line: updated.address_line.as_deref(),
        unparsed_phone: None,
        unparsed_email: None,
        payment_chosen: true,
        delivery_chosen: true,
        out_of_stock: &[],
    });
    let edited = |field: &str| match field {
        "customer.name" => changes.has("name"),
        "customer.phone" => changes.has("phone"),
        "customer.email" => changes.has("email"),
        f if f.starts_with("delivery.address") => changes.has("address"),
        "delivery.method" => changes.has("delivery_method"),
        _ => false,
    };
    if let Some(wrong) = found.iter().find(|f| edited(&f.field)) {
        let field = if wrong.field.starts_with("delivery.") {
            wrong.field.trim_start_matches("delivery.")
        } else {
            wrong.field.trim_start_matches("customer.")
        };
        return Err(Error::Invalid {
            field: field.to_owned(),
            code: FIXABLE
                .into_iter()
                .find(|c| *c == wrong.code)
                .unwrap_or("check_failed"),
            message: wrong.message.clone(),
        });
    }
    let kept: Vec<checks::Finding> = serde_json::from_str::<Vec<checks::Finding>>(&before.checks)
        .unwrap_or_default()
        .into_iter()
        .filter(|f| !edited(&f.field))
        .collect();
    Ok(kept)
}
