//! Messages visitors send from the contacts page, and the answers (SU-1). A message lands on
//! the customer's card (found or made by the contact, IN-3), linked to the order it names when
//! that order is theirs, and waits for a person with a due time of working hours from the
//! settings. The answer goes out through the outbox on the channel the visitor wrote from, and
//! answering ends the wait.

use domain::access::Permission;
use domain::contact::{Contact, PersonName, PhoneRegion};
use domain::support::{parse_order_number, parse_text};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::customers::{Buyer, find_or_create};
use crate::kernel::Context;
use crate::kernel::error::{FieldResult, Problem};
use crate::kernel::timeline;
use crate::kernel::views::timestamp;
use crate::messaging::known_locale;
use crate::{Error, Result, Shop};

/// The template of an answer.
const ANSWER_TEMPLATE: &str = "support_answer";
/// Unanswered messages the queue shows at most.
const WAITING_SHOWN: i64 = 200;

/// The contact form as typed, every field kept so a refused form comes back as it was.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub name: String,
    /// A phone number or an email: the answer goes there.
    pub contact: String,
    /// The order the message is about, if any.
    pub order: String,
    pub message: String,
}

/// A message and, once given, its answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InquiryView {
    pub id: i64,
    pub customer_id: i64,
    /// The order it is linked to: the one the visitor named, when it is theirs.
    pub order_number: Option<i64>,
    /// The order number the visitor typed, linked or not.
    pub order_named: Option<i64>,
    pub name: String,
    /// `email` or `sms`: where the visitor wrote from, and where the answer goes.
    pub channel: String,
    pub contact: String,
    pub locale: String,
    pub message: String,
    #[schema(value_type = String, format = DateTime)]
    pub sent_at: Timestamp,
    /// When it must be answered by: working hours from the settings.
    #[schema(value_type = String, format = DateTime)]
    pub due_at: Timestamp,
    /// Still unanswered after its due time.
    pub overdue: bool,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<Timestamp>,
    /// The answer's delivery: `queued`, `sent`, `delivered`, `failed`, `outbox` ...
    pub delivery: Option<String>,
}

fn inquiry_view(row: store::support::InquiryRow, now: Timestamp) -> Result<InquiryView> {
    let due_at = timestamp(row.due_at)?;
    Ok(InquiryView {
        id: row.id,
        customer_id: row.customer_id,
        order_number: row.order_id,
        order_named: row.order_named,
        name: row.name,
        channel: row.channel,
        contact: row.contact,
        locale: row.locale,
        message: row.body,
        sent_at: timestamp(row.created_at)?,
        due_at,
        overdue: row.answered_at.is_none() && due_at < now,
        answer: row.answer,
        answered_by: row.answered_by,
        answered_at: row.answered_at.map(timestamp).transpose()?,
        delivery: row.message_status,
    })
}

/// A person's answer to a message.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct AnswerInput {
    pub text: String,
}

/// What the contacts page says once a message is in: when the answer comes, and how.
#[derive(Debug, Clone)]
pub struct InquirySent {
    pub id: i64,
    pub due_at: Timestamp,
    pub channel: String,
}

/// Unanswered messages for the dashboard: how many are past their due time, and how long the
/// oldest has waited.
#[derive(Debug, Clone, Default)]
pub struct OverdueInquiries {
    pub count: i64,
    /// When the oldest overdue message was sent.
    pub oldest: Option<Timestamp>,
    /// Whole hours it has waited.
    pub waited_hours: i64,
}

fn phone_region(settings: &domain::settings::ShopSettings) -> Result<PhoneRegion> {
    PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")
}

/// A fresh key for a contact form: the message it sends is found again by it, so a form sent
/// twice makes one message.
pub fn form_key() -> Result<String> {
    crate::kernel::tokens::secret_token()
}

impl Shop {
    /// What is wrong with a contact form (SU-1): every problem at once, each naming its field.
    pub async fn contact_problems(&self, form: &ContactForm) -> Result<Vec<Problem>> {
        let region = phone_region(&self.settings().await?)?;
        let checks = [
            ("name", PersonName::parse(&form.name).err()),
            ("contact", Contact::parse(&form.contact, region).err()),
            ("order", parse_order_number(&form.order).err()),
            ("message", parse_text(&form.message).err()),
        ];
        Ok(checks
            .into_iter()
            .filter_map(|(field, invalid)| {
                invalid.map(|invalid| Problem {
                    field: field.into(),
                    code: invalid.code.into(),
                    message: invalid.message,
                })
            })
            .collect())
    }

    /// A visitor's message from the contacts page. `sender` is their network address, counted
    /// against the hourly limit with their contact; `key` is the form's own, so sending the form
    /// again answers with the first message.
    pub async fn send_inquiry(
        &self,
        form: &ContactForm,
        key: &str,
        sender: &str,
        locale: &str,
    ) -> Result<InquirySent> {
        if key.len() != 36 || !key.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::field(
                "key",
                "key_invalid",
                "open the contact form again and send it from there",
            ));
        }
        let settings = self.settings().await?;
        let name = PersonName::parse(&form.name).field("name")?;
        let contact = Contact::parse(&form.contact, phone_region(&settings)?).field("contact")?;
        let order_named = parse_order_number(&form.order).field("order")?;
        let body = parse_text(&form.message).field("message")?;
        let sent = |row: store::support::InquiryRow| {
            Ok(InquirySent {
                id: row.id,
                due_at: timestamp(row.due_at)?,
                channel: row.channel,
            })
        };
        if let Some(row) = store::support::by_form_key(&mut *self.store.read().await?, key).await? {
            return sent(row);
        }
        let locale = known_locale(locale, &settings);
        let ctx = Context::new(&settings, self.now());
        // Only a hash of the address is kept: enough to count this sender's messages.
        let sender = crate::access::hash(sender);
        let mut tx = self.store.begin_write().await?;
        let hour_ago = ctx
            .now
            .saturating_sub(SignedDuration::from_hours(1))
            .unwrap_or(ctx.now);
        // Messages from the same contact or sender count each other in turn.
        tx.serialise(&[
            &format!("inquiry:{}", contact.as_ref()),
            &format!("inquiry-from:{sender}"),
        ])
        .await?;
        let (by_contact, by_sender) = store::support::sent_since(
            &mut tx,
            contact.as_ref(),
            &sender,
            store::to_millis(hour_ago),
        )
        .await?;
        let limit = settings.support.messages_per_hour;
        if by_contact >= limit || by_sender >= limit {
            return Err(Error::field(
                "message",
                "too_many_messages",
                format!("at most {limit} messages an hour; please wait a little"),
            ));
        }
        let buyer = Buyer::reached_at(&name, &contact, locale);
        let customer_id = find_or_create(&mut tx, &buyer, ctx.now_ms()).await?;
        // The order is linked only when it is theirs: a number alone shows no one else's order.
        let order_id = match order_named {
            Some(number) => store::orders::get(&mut tx, number).await?.and_then(|o| {
                let theirs = o.customer_id == customer_id
                    || o.phone.as_deref() == Some(contact.as_ref())
                    || o.email.as_deref() == Some(contact.as_ref());
                theirs.then_some(o.id)
            }),
            None => None,
        };
        let due_at = ctx
            .calendar
            .add_working_hours(ctx.now, settings.support.answer_within_hours);
        let new = store::support::NewInquiry {
            customer_id,
            order_id,
            order_named,
            name: name.as_ref(),
            channel: contact.channel().as_str(),
            contact: contact.as_ref(),
            locale,
            body: &body,
            sender: &sender,
            form_key: key,
            created_at: ctx.now_ms(),
            due_at: store::to_millis(due_at),
        };
        match store::support::insert(&mut tx, &new).await {
            Ok(id) => {
                tx.commit().await?;
                Ok(InquirySent {
                    id,
                    due_at,
                    channel: new.channel.into(),
                })
            }
            // The same form, sent at the same moment: the first one stands.
            Err(store::Error::Duplicate(_)) => {
                drop(tx);
                let row = store::support::by_form_key(&mut *self.store.read().await?, key)
                    .await?
                    .ok_or(Error::NotFound { what: "message" })?;
                sent(row)
            }
            Err(err) => Err(err.into()),
        }
    }

    /// Messages nobody has answered yet, the one due first first.
    pub async fn waiting_inquiries(&self, actor: &Actor) -> Result<Vec<InquiryView>> {
        actor.require(Permission::ManageOrders)?;
        let now = self.now();
        let mut conn = self.store.read().await?;
        store::support::waiting(&mut conn, WAITING_SHOWN)
            .await?
            .into_iter()
            .map(|row| inquiry_view(row, now))
            .collect()
    }

    /// A customer's messages and the answers, oldest first: the thread on their card.
    pub async fn inquiries_of_customer(
        &self,
        actor: &Actor,
        customer_id: i64,
    ) -> Result<Vec<InquiryView>> {
        actor.require(Permission::ManageOrders)?;
        let now = self.now();
        let mut conn = self.store.read().await?;
        store::support::of_customer(&mut conn, customer_id)
            .await?
            .into_iter()
            .map(|row| inquiry_view(row, now))
            .collect()
    }

    /// Unanswered messages past their due time (SU-1), for the dashboard.
    pub(crate) async fn overdue_inquiries(
        &self,
        conn: &mut store::Conn,
    ) -> Result<OverdueInquiries> {
        let now = self.now();
        let (count, oldest) = store::support::overdue(conn, store::to_millis(now)).await?;
        let oldest = oldest.map(timestamp).transpose()?;
        Ok(OverdueInquiries {
            count,
            waited_hours: oldest.map_or(0, |at| now.duration_since(at).as_hours()),
            oldest,
        })
    }

    /// Answers a message: the answer goes to the visitor through the outbox, on the channel they
    /// wrote from and in their language, and the message stops waiting. A message already
    /// answered, by someone else a moment ago, is a conflict.
    pub async fn answer_inquiry(
        &self,
        actor: &Actor,
        id: i64,
        input: &AnswerInput,
    ) -> Result<InquiryView> {
        actor.require(Permission::ManageOrders)?;
        let text = parse_text(&input.text).field("text")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let inquiry = store::support::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "message" })?;
        let answered = || Error::Conflict {
            code: "inquiry_answered",
            message: "this message has already been answered".into(),
        };
        if inquiry.answered_at.is_some() {
            return Err(answered());
        }
        let order = match inquiry.order_id {
            Some(number) => store::orders::get(&mut tx, number).await?,
            None => None,
        };
        let mut data = match &order {
            Some(row) => crate::messaging::order_data(row, &settings),
            None => crate::messaging::shop_contacts(&settings),
        };
        if let Some(fields) = data.as_object_mut() {
            fields.insert("customer_name".into(), json!(inquiry.name));
            fields.insert("question".into(), json!(inquiry.body));
            fields.insert("answer".into(), json!(text));
        }
        let channel = domain::messaging::Channel::parse(&inquiry.channel)
            .map_err(|e| store::Error::Corrupt(format!("inquiry channel: {e}")))?;
        let message = crate::messaging::Direct {
            customer_id: inquiry.customer_id,
            order_id: inquiry.order_id,
            template: ANSWER_TEMPLATE,
            channel,
            recipient: inquiry.contact.clone(),
            locale: inquiry.locale.clone(),
            data,
            marketing: false,
        };
        let message_id = crate::messaging::queue_direct(&mut tx, message, &ctx).await?;
        let answer = store::support::Answer {
            text: &text,
            by: &actor.name,
            at: ctx.now_ms(),
            message_id,
        };
        if !store::support::answer(&mut tx, id, &answer).await? {
            return Err(answered());
        }
        if let Some(row) = &order {
            let event = domain::orders::Event::MessageQueued {
                template: ANSWER_TEMPLATE.into(),
                channel: channel.as_str().into(),
            };
            timeline::append(&mut tx, row.id, &[event], ctx.now_ms(), actor, None).await?;
        }
        let row = store::support::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "message" })?;
        tx.commit().await?;
        inquiry_view(row, ctx.now)
    }
}
