//! Queueing a message: to whom and by which channel (DL-4), in which language, within quiet
//! hours and the marketing limits (AF-10), as a row and a send job in the caller's transaction.

use domain::messaging::{Channel, choose, is_urgent};
use domain::orders::Event;
use domain::settings::ShopSettings;
use serde_json::{Value, json};

use crate::Result;
use crate::kernel::{Context, jobs};

use super::message_locale;

/// How many channels a message goes out on.
pub(crate) enum Reach {
    /// The channel the customer uses (DL-4).
    Preferred,
    /// Every channel that reaches the customer (PY-3).
    Every,
    /// Only this one (CF-4: the phone did not work, so email).
    Only(Channel),
}

/// Whom a message is for: a customer's card, and the order it is about, whose own contacts
/// come first.
#[derive(Clone, Copy)]
pub(crate) struct Addressee<'a> {
    pub customer_id: i64,
    pub order: Option<&'a store::orders::OrderRow>,
}

impl<'a> From<&'a store::orders::OrderRow> for Addressee<'a> {
    fn from(row: &'a store::orders::OrderRow) -> Self {
        Self {
            customer_id: row.customer_id,
            order: Some(row),
        }
    }
}

/// Queues a message for an order's customer, with a send job at the first moment outside quiet
/// hours unless it is urgent. Returns the timeline events.
pub(crate) async fn queue(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    reach: Reach,
    data: serde_json::Value,
    ctx: &Context<'_>,
) -> Result<Vec<domain::orders::Event>> {
    queue_as(tx, row.into(), template, reach, data, false, ctx).await
}

/// Whether a marketing message may go to the customer now: only with their consent and within
/// the shop's weekly cap (AF-10). Transactional messages never ask.
pub(crate) async fn marketing_allowed(
    tx: &mut store::Conn,
    customer_id: i64,
    ctx: &Context<'_>,
) -> Result<bool> {
    let consented = store::customers::card(tx, customer_id)
        .await?
        .is_some_and(|c| c.consent_at.is_some());
    if !consented {
        return Ok(false);
    }
    let week_ago = ctx
        .now
        .saturating_sub(jiff::SignedDuration::from_hours(24 * 7))
        .unwrap_or(ctx.now);
    let sent =
        store::messaging::marketing_since(tx, customer_id, store::to_millis(week_ago)).await?;
    Ok(sent < ctx.settings.messages.marketing_per_week)
}

/// Queues a marketing message in the customer's own channel and language, carrying an
/// unsubscribe link. The caller checks [`marketing_allowed`] first.
pub(crate) async fn queue_marketing(
    tx: &mut store::Conn,
    to: Addressee<'_>,
    template: &str,
    mut data: serde_json::Value,
    ctx: &Context<'_>,
) -> Result<Vec<domain::orders::Event>> {
    // A random secret per customer, made with their first marketing message: a number in the
    // link would let anyone unsubscribe anyone (AF-10).
    let token = match store::customers::unsubscribe_token(tx, to.customer_id).await? {
        Some(token) => token,
        None => {
            let token = crate::kernel::tokens::secret_token()?;
            store::customers::set_unsubscribe_token(tx, to.customer_id, &token).await?;
            token
        }
    };
    if let Some(fields) = data.as_object_mut() {
        let url = format!("{}/unsubscribe/{token}", ctx.settings.public_url);
        fields.insert("unsubscribe_url".into(), json!(url));
    }
    queue_as(tx, to, template, Reach::Preferred, data, true, ctx).await
}

async fn queue_as(
    tx: &mut store::Conn,
    to: Addressee<'_>,
    template: &str,
    reach: Reach,
    data: serde_json::Value,
    marketing: bool,
    ctx: &Context<'_>,
) -> Result<Vec<domain::orders::Event>> {
    let store::customers::Reach {
        preferred_channel: preferred,
        locale,
        contacts,
    } = store::customers::reach(tx, to.customer_id).await?;
    let contact = |kind: &str, on_order: Option<&String>| {
        let valid = |v: &&String| contacts.iter().any(|c| c.kind == kind && &c.value == *v);
        on_order.filter(valid).cloned().or_else(|| {
            contacts
                .iter()
                .find(|c| c.kind == kind)
                .map(|c| c.value.clone())
        })
    };
    let phone = contact("phone", to.order.and_then(|o| o.phone.as_ref()));
    let email = contact("email", to.order.and_then(|o| o.email.as_ref()));
    let recipient = |channel: Channel| match channel {
        Channel::Email => email.clone(),
        Channel::Sms | Channel::Webhook => phone.clone(),
    };
    let usable: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|c| recipient(*c).is_some())
        .collect();
    let preferred = preferred.as_deref().and_then(|p| Channel::parse(p).ok());
    let fallback = &ctx.settings.messages.fallback;
    let channels: Vec<Channel> = match reach {
        Reach::Preferred => choose(preferred, fallback, &usable).into_iter().collect(),
        Reach::Every => [Channel::Sms, Channel::Email]
            .into_iter()
            .filter(|c| usable.contains(c))
            .collect(),
        Reach::Only(channel) => usable.iter().copied().filter(|c| *c == channel).collect(),
    };
    let locale = message_locale(locale, ctx.settings);
    let mut events = Vec::new();
    for channel in channels {
        let Some(recipient) = recipient(channel) else {
            continue;
        };
        let message = Direct {
            customer_id: to.customer_id,
            order_id: to.order.map(|o| o.id),
            template,
            channel,
            recipient,
            locale: locale.clone(),
            data: data.clone(),
            marketing,
        };
        queue_direct(tx, message, ctx).await?;
        events.push(domain::orders::Event::MessageQueued {
            template: template.into(),
            channel: channel.as_str().into(),
        });
    }
    Ok(events)
}

/// A message whose channel, recipient and language are already chosen.
pub(crate) struct Direct<'a> {
    pub customer_id: i64,
    pub order_id: Option<i64>,
    pub template: &'a str,
    pub channel: Channel,
    pub recipient: String,
    pub locale: String,
    pub data: serde_json::Value,
    pub marketing: bool,
}

/// Queues one message with its send job, at the first moment outside quiet hours unless it is
/// urgent. Returns the message's id.
pub(crate) async fn queue_direct(
    tx: &mut store::Conn,
    message: Direct<'_>,
    ctx: &Context<'_>,
) -> Result<i64> {
    let send_at = if is_urgent(message.template) {
        ctx.now
    } else {
        ctx.calendar.outside_quiet_hours(ctx.now)
    };
    let row = store::messaging::MessageRow {
        id: 0,
        customer_id: message.customer_id,
        order_id: message.order_id,
        template: message.template.into(),
        channel: message.channel.as_str().into(),
        recipient: message.recipient,
        status: "queued".into(),
        data: message.data.to_string(),
        created_at: ctx.now_ms(),
        locale: message.locale,
        subject: None,
        body: None,
        provider_id: None,
        error: None,
        sent_at: None,
        marketing: i64::from(message.marketing),
    };
    let id = store::messaging::queue(tx, &row).await?;
    let payload = json!({ "message": id }).to_string();
    store::jobs::enqueue(
        tx,
        jobs::SEND_MESSAGE,
        &payload,
        store::to_millis(send_at),
        Some(&format!("{}:{id}", jobs::SEND_MESSAGE)),
        ctx.now_ms(),
    )
    .await?;
    Ok(id)
}

/// What every message about an order may say: the order's basics and the shop's contacts.
pub(crate) fn order_data(row: &store::orders::OrderRow, settings: &ShopSettings) -> Value {
    with(
        customer_data(&row.customer_name, settings),
        json!({
            "order_number": row.id,
            "total_minor": row.total_minor,
            "balance_minor": row.total_minor - row.paid_minor,
            "currency": row.currency,
            "order_link": row.confirm_token.as_ref().map(|t| format!("{}/o/{t}", settings.public_url)),
            "delivery_from": row.promise_earliest,
            "delivery_until": row.promise_latest,
            "tracking_number": row.tracking_number,
        }),
    )
}

/// What a message to a customer may say without an order: their name and the shop's contacts
/// (AF-8, AF-9).
pub(crate) fn customer_data(name: &str, settings: &ShopSettings) -> Value {
    with(
        shop_contacts(settings),
        json!({"customer_name": name, "currency": settings.currency.as_str()}),
    )
}

/// How every message says who it is from and how to reach the shop.
pub(crate) fn shop_contacts(settings: &ShopSettings) -> Value {
    json!({
        "shop_name": settings.name,
        "shop_phone": settings.contact_phone,
        "shop_email": settings.contact_email,
    })
}

/// `data` with `more`'s fields added, over any of the same name.
pub(crate) fn with(mut data: Value, more: Value) -> Value {
    extend(&mut data, more);
    data
}

/// Queues a message with the order's basics and the shop's contacts, and returns the timeline
/// events for it.
pub(crate) async fn message(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    reach: Reach,
    extra: Value,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let data = with(order_data(row, ctx.settings), extra);
    queue(tx, row, template, reach, data, ctx).await
}

/// A marketing message about an order, for a customer who may get one (AF-10).
pub(crate) async fn marketing_message(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    template: &str,
    extra: Value,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let data = with(order_data(row, ctx.settings), extra);
    queue_marketing(tx, row.into(), template, data, ctx).await
}

/// Adds `more`'s fields to `data`, over any of the same name.
pub(crate) fn extend(data: &mut Value, more: Value) {
    if let (Value::Object(base), Value::Object(more)) = (data, more) {
        base.extend(more);
    }
}
