//! Customer accounts on the storefront, optional for buying. A person signs in with a link
//! sent to a phone or email their card holds; no password is kept. Signed in, they see their
//! orders, keep addresses, a birthday (AF-8), the channel they want to hear from (DL-4) and the
//! newsletter consent (AF-10), take a copy of everything the shop knows of them, and can have
//! it erased.

use domain::after_sale::Birthday;
use domain::contact::{Address, Contact, PersonName, PhoneRegion};
use domain::messaging::Channel;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::access::hash;
use crate::customers::{AddressView, card_of, of_kind};
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::tokens::secret_token;
use crate::kernel::views::{currency, timestamp};
use crate::messaging::{Direct, known_locale, queue_direct};
use crate::orders::OrderView;
use crate::{Error, MoneyView, Result, Shop};

use super::Checkout;

pub use store::storefront::account::SavedAddress;

/// How long a sign-in link works: long enough to open the mail, short enough to be stale if
/// someone finds it later.
pub const LINK_LIFE: SignedDuration = SignedDuration::from_mins(30);
/// How long a signed-in browser stays signed in.
const SESSION_LIFE: SignedDuration = SignedDuration::from_hours(90 * 24);
/// Links sent to one contact per hour at most, so the form cannot be used to flood a person.
const LINKS_PER_HOUR: i64 = 5;
/// Links one sender may ask for per hour, whatever the contacts: SMS costs the shop money.
/// Enough for a household or an office behind one address.
const LINKS_PER_SENDER: i64 = 20;
/// Addresses a card keeps at most.
const ADDRESSES: usize = 20;
/// Orders the history lists.
const HISTORY: i64 = 200;

/// The kind of contact a channel reaches: a phone for SMS, an email otherwise.
fn contact_kind(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "phone",
        Channel::Email | Channel::Webhook => "email",
    }
}

/// A signed-in browser: the session's secret for the cookie, and when it ends.
pub struct AccountSession {
    pub token: String,
    pub expires_at: Timestamp,
}

/// What a signed-in customer sees of their own card.
pub struct Account {
    pub name: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub birthday: Option<Date>,
    pub locale: Option<String>,
    pub preferred_channel: Option<String>,
    pub newsletter: Newsletter,
    /// The tier the customer's orders reached and what it gives (AF-11).
    pub tier: crate::customers::TierView,
    pub addresses: Vec<SavedAddress>,
    pub orders: Vec<PastOrder>,
    /// Gifts that can still be used at the checkout (AF-8).
    pub coupons: Vec<Gift>,
}

/// A coupon given to the customer, as their account shows it.
pub struct Gift {
    pub code: String,
    /// Percent off the goods; 0 with free delivery.
    pub percent: i64,
    pub free_delivery: bool,
    pub expires_at: Timestamp,
}

/// Where the customer stands with the newsletter (AF-10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newsletter {
    Subscribed,
    /// A confirmation email waits for its click.
    Pending,
    Off,
}

pub struct PastOrder {
    pub number: i64,
    pub placed_at: Timestamp,
    pub stage: String,
    pub total: MoneyView,
    pub items: Vec<String>,
    /// The secret of the order's own page.
    pub link: Option<String>,
}

/// The profile form as typed.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub name: String,
    /// `YYYY-MM-DD`, or empty.
    pub birthday: String,
    pub locale: String,
    /// `email`, `sms`, or empty for the shop's choice.
    pub preferred_channel: String,
}

/// An address as typed; an empty country is the shop's own.
#[derive(Debug, Clone, Default)]
pub struct AddressInput {
    pub line: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

/// Everything the shop keeps about a person, as they can take it away.
#[derive(Debug, Serialize)]
pub struct AccountExport {
    pub exported_at: Timestamp,
    pub name: String,
    pub birthday: Option<String>,
    pub locale: Option<String>,
    pub preferred_channel: Option<String>,
    pub contacts: Vec<ExportedContact>,
    pub addresses: Vec<AddressView>,
    pub marketing_consent_at: Option<Timestamp>,
    pub marketing_consent_source: Option<String>,
    pub marketing_consent_withdrawn_at: Option<Timestamp>,
    pub card_created_at: Timestamp,
    pub orders: Vec<OrderView>,
    pub messages: Vec<ExportedMessage>,
    /// What they wrote to the shop, and the answers (SU-1).
    pub questions: Vec<ExportedQuestion>,
}

#[derive(Debug, Serialize)]
pub struct ExportedContact {
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Serialize)]
pub struct ExportedQuestion {
    pub at: Timestamp,
    pub order_number: Option<i64>,
    pub question: String,
    pub answer: Option<String>,
    pub answered_at: Option<Timestamp>,
}

#[derive(Debug, Serialize)]
pub struct ExportedMessage {
    pub at: Timestamp,
    pub channel: String,
    pub recipient: String,
    pub subject: Option<String>,
    pub text: Option<String>,
    pub status: String,
}

impl Shop {
    /// Sends a sign-in link to a phone or email. A contact no card holds yet gets a new card:
    /// an account can be opened before the first order.
    /// `sender` is the visitor's network address; only a hash of it is kept, to count.
    pub async fn send_sign_in(&self, contact: &str, locale: &str, sender: &str) -> Result<()> {
        let settings = self.settings().await?;
        let region = PhoneRegion::parse(&settings.phone_region).field("settings.phone_region")?;
        let contact = Contact::parse(contact, region).field("contact")?;
        let locale = known_locale(locale, &settings);
        let now = self.now();
        let ctx = Context::new(&settings, now);
        let hour_ago = now
            .saturating_sub(SignedDuration::from_hours(1))
            .unwrap_or(now);
        let token = secret_token()?;
        let mut tx = self.store.begin_write().await?;
        let sender = hash(sender);
        // Requests for the same contact or from the same sender count each other in turn.
        tx.serialise(&[
            &format!("sign-in:{}", contact.as_ref()),
            &format!("sign-in-from:{sender}"),
        ])
        .await?;
        let (to_contact, by_sender) = store::storefront::account::links_since(
            &mut tx,
            contact.as_ref(),
            &sender,
            store::to_millis(hour_ago),
        )
        .await?;
        if to_contact >= LINKS_PER_HOUR || by_sender >= LINKS_PER_SENDER {
            return Err(Error::field(
                "contact",
                "too_many_links",
                "several links were sent to this contact, or asked for from here, in the last hour; use one of them or try again later",
            ));
        }
        let kind = contact_kind(contact.channel());
        if store::customers::contact_trusted(&mut tx, kind, contact.as_ref()).await? == Some(false)
        {
            return Err(Error::field(
                "contact",
                "contact_untrusted",
                "an order added this contact to an account opened with another; sign in with the phone or email the account was opened with",
            ));
        }
        let customer_id = card_of(&mut tx, &contact, locale, ctx.now_ms()).await?;
        let expires_at = now.saturating_add(LINK_LIFE).unwrap_or(now);
        let link = store::storefront::account::NewLink {
            token_hash: &hash(&token),
            customer_id,
            contact: contact.as_ref(),
            sender: &sender,
            expires_at: store::to_millis(expires_at),
        };
        store::storefront::account::insert_link(&mut tx, &link, ctx.now_ms()).await?;
        let message = Direct {
            customer_id,
            order_id: None,
            template: "sign_in_link",
            channel: contact.channel(),
            recipient: contact.as_ref().to_owned(),
            locale: locale.to_owned(),
            data: crate::messaging::with(
                crate::messaging::shop_contacts(&settings),
                serde_json::json!({
                    "sign_in_url": format!("{}/account/sign-in/{token}", settings.public_url),
                    "minutes": LINK_LIFE.as_mins(),
                }),
            ),
            marketing: false,
        };
        queue_direct(&mut tx, message, &ctx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether a sign-in link would still work, so its page can say so before the click.
    pub async fn sign_in_link_works(&self, link: &str) -> Result<bool> {
        let mut conn = self.store.read().await?;
        let now = store::to_millis(self.now());
        Ok(store::storefront::account::link_is_live(&mut conn, &hash(link), now).await?)
    }

    /// Uses a sign-in link, once, and opens a session on its card.
    pub async fn sign_in(&self, link: &str) -> Result<AccountSession> {
        let now = self.now();
        let token = secret_token()?;
        let expires_at = now.saturating_add(SESSION_LIFE).unwrap_or(now);
        let mut tx = self.store.begin_write().await?;
        let customer_id =
            store::storefront::account::use_link(&mut tx, &hash(link), store::to_millis(now))
                .await?
                .ok_or(Error::Conflict {
                    code: "link_expired",
                    message: "this sign-in link was used already or is too old".into(),
                })?;
        store::storefront::account::insert_session(
            &mut tx,
            &hash(&token),
            customer_id,
            store::to_millis(now),
            store::to_millis(expires_at),
        )
        .await?;
        tx.commit().await?;
        Ok(AccountSession { token, expires_at })
    }

    /// The card a session cookie is signed in to, if the session is live.
    pub async fn signed_in(&self, session: &str) -> Result<Option<i64>> {
        let mut conn = self.store.read().await?;
        let now = store::to_millis(self.now());
        Ok(store::storefront::account::session(&mut conn, &hash(session), now).await?)
    }

    pub async fn sign_out(&self, session: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let now = store::to_millis(self.now());
        store::storefront::account::delete_session(&mut tx, &hash(session), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in customer's own card, addresses and orders.
    pub async fn account(&self, customer_id: i64) -> Result<Account> {
        let loyalty = self.settings().await?.loyalty;
        let mut conn = self.store.read().await?;
        let card = store::customers::card(&mut conn, customer_id)
            .await?
            .ok_or(Error::NotFound { what: "account" })?;
        let contacts = store::customers::contacts(&mut conn, customer_id).await?;
        let addresses = store::storefront::account::addresses(&mut conn, customer_id).await?;
        let history = store::storefront::account::history(&mut conn, customer_id, HISTORY).await?;
        let items = store::storefront::account::history_items(&mut conn, customer_id).await?;
        let pending =
            store::storefront::account::newsletter_pending(&mut conn, customer_id).await?;
        let now = store::to_millis(self.now());
        let coupons =
            store::storefront::account::usable_coupons(&mut conn, customer_id, now).await?;
        let orders = history
            .into_iter()
            .map(|o| {
                Ok(PastOrder {
                    number: o.id,
                    placed_at: timestamp(o.placed_at)?,
                    stage: o.stage,
                    total: MoneyView::new(o.total_minor, currency(&o.currency)?),
                    items: items
                        .iter()
                        .filter(|(order, _)| *order == o.id)
                        .map(|(_, title)| title.clone())
                        .collect(),
                    link: o.confirm_token,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Account {
            phones: of_kind(&contacts, "phone"),
            emails: of_kind(&contacts, "email"),
            birthday: card.birthday.as_deref().and_then(|b| b.parse().ok()),
            locale: card.locale,
            preferred_channel: card.preferred_channel,
            newsletter: match (card.consent_at, pending) {
                (Some(_), _) => Newsletter::Subscribed,
                (None, true) => Newsletter::Pending,
                (None, false) => Newsletter::Off,
            },
            tier: crate::customers::TierView::of(&loyalty, &card.loyalty_tier),
            addresses,
            orders,
            coupons: coupons
                .into_iter()
                .map(|c| {
                    Ok(Gift {
                        expires_at: timestamp(c.expires_at)?,
                        free_delivery: c.free_delivery == 1,
                        percent: c.percent,
                        code: c.code,
                    })
                })
                .collect::<Result<_>>()?,
            name: card.name,
        })
    }

    /// A checkout filled in from the account: name, contacts, channel and the newest address.
    pub async fn checkout_defaults(&self, customer_id: i64) -> Result<Checkout> {
        let mut conn = self.store.read().await?;
        let card = store::customers::card(&mut conn, customer_id)
            .await?
            .ok_or(Error::NotFound { what: "account" })?;
        let addresses = store::storefront::account::addresses(&mut conn, customer_id).await?;
        let newest = addresses.into_iter().next();
        // The card's name may still be the contact it was opened with.
        let named = ![&card.phone, &card.email]
            .iter()
            .any(|c| c.as_deref() == Some(card.name.as_str()));
        Ok(Checkout {
            name: if named { card.name } else { String::new() },
            phone: card.phone.unwrap_or_default(),
            email: card.email.unwrap_or_default(),
            preferred_channel: card.preferred_channel.unwrap_or_default(),
            address_line: newest.as_ref().map(|a| a.line.clone()).unwrap_or_default(),
            city: newest.as_ref().map(|a| a.city.clone()).unwrap_or_default(),
            postcode: newest
                .as_ref()
                .map(|a| a.postcode.clone())
                .unwrap_or_default(),
            country: newest.map(|a| a.country).unwrap_or_default(),
            ..Checkout::default()
        })
    }

    /// Changes the name, birthday (AF-8), language and preferred channel (DL-4). A channel
    /// needs a contact of its kind on the card.
    pub async fn update_profile(&self, customer_id: i64, input: &ProfileInput) -> Result<()> {
        let name = PersonName::parse(&input.name).field("name")?;
        let birthday = match input.birthday.trim() {
            "" => None,
            typed => Some(self.birthday(typed)?),
        };
        if !crate::messaging::LOCALES.contains(&input.locale.as_str()) {
            return Err(Error::field(
                "locale",
                "locale_unknown",
                "choose one of the shop's languages",
            ));
        }
        let channel = match input.preferred_channel.trim() {
            "" => None,
            typed => Some(Channel::parse(typed).field("preferred_channel")?),
        };
        let mut tx = self.store.begin_write().await?;
        // A birthday kept without its year (staff may set one so) has no date for the form's
        // date field to show; an empty field keeps it.
        let birthday = match birthday {
            Some(birthday) => Some(birthday),
            None => store::customers::card(&mut tx, customer_id)
                .await?
                .and_then(|card| card.birthday)
                .filter(|kept| kept.starts_with("--")),
        };
        if let Some(channel) = channel {
            let contacts = store::customers::contacts(&mut tx, customer_id).await?;
            let kind = contact_kind(channel);
            if !contacts
                .iter()
                .any(|c| c.kind == kind && c.invalid_at.is_none())
            {
                return Err(Error::field(
                    "preferred_channel",
                    "channel_unreachable",
                    format!("the account has no working {kind} to use"),
                ));
            }
        }
        let profile = store::storefront::account::Profile {
            name: name.as_ref(),
            birthday: birthday.as_deref(),
            locale: &input.locale,
            preferred_channel: channel.map(Channel::as_str),
        };
        store::storefront::account::set_profile(&mut tx, customer_id, &profile).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A birthday as typed (AF-8): as the staff's API takes it, and not a day still to come.
    fn birthday(&self, typed: &str) -> Result<String> {
        let birthday = Birthday::parse(typed).field("birthday")?;
        let today = self.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        if typed.parse::<Date>().is_ok_and(|date| date > today) {
            return Err(Error::field(
                "birthday",
                "birthday_invalid",
                "a date in the past, such as 1990-05-17",
            ));
        }
        Ok(birthday.to_string())
    }

    /// Keeps an address for the next checkout.
    pub async fn save_address(&self, customer_id: i64, input: &AddressInput) -> Result<()> {
        let settings = self.settings().await?;
        let country = match input.country.trim() {
            "" => settings.phone_region.as_str(),
            typed => typed,
        };
        let address = Address::parse(
            &input.line,
            &input.city,
            &input.postcode,
            country,
            &settings.ships_to,
        )
        .map_err(|(part, e)| Error::invalid(format!("address.{}", part.field()), e))?;
        for (field, value) in [
            ("address.line", &address.line),
            ("address.city", &address.city),
            ("address.postcode", &address.postcode),
        ] {
            if value.is_empty() {
                return Err(Error::field(
                    field,
                    "required",
                    "this is needed for delivery",
                ));
            }
        }
        let mut tx = self.store.begin_write().await?;
        if store::storefront::account::addresses(&mut tx, customer_id)
            .await?
            .len()
            >= ADDRESSES
        {
            return Err(Error::field(
                "address.line",
                "too_many_addresses",
                format!("an account keeps at most {ADDRESSES} addresses; remove one first"),
            ));
        }
        let row = store::customers::AddressRow {
            line: address.line,
            city: address.city,
            postcode: address.postcode,
            country: address.country,
        };
        store::customers::add_address(&mut tx, customer_id, &row, store::to_millis(self.now()))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_address(&self, customer_id: i64, address_id: i64) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        if !store::storefront::account::delete_address(&mut tx, customer_id, address_id).await? {
            return Err(Error::NotFound { what: "address" });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Subscribes to the newsletter with the account's email, confirmed by the link it gets
    /// (AF-10: double opt-in), or unsubscribes at once.
    pub async fn set_newsletter(
        &self,
        customer_id: i64,
        subscribe: bool,
        locale: &str,
    ) -> Result<()> {
        if subscribe {
            let mut conn = self.store.read().await?;
            let email = store::customers::contacts(&mut conn, customer_id)
                .await?
                .into_iter()
                .find(|c| c.kind == "email" && c.invalid_at.is_none())
                .ok_or_else(|| {
                    Error::field(
                        "email",
                        "email_missing",
                        "the newsletter comes by email; sign in with your email or order with it first",
                    )
                })?;
            drop(conn);
            return self.ask_newsletter(&email.value, locale).await;
        }
        let mut tx = self.store.begin_write().await?;
        let now = store::to_millis(self.now());
        store::customers::withdraw_consent(&mut tx, customer_id, "account", now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything the shop keeps about the signed-in person, for them to take.
    pub async fn export_account(&self, customer_id: i64) -> Result<AccountExport> {
        let mut conn = self.store.read().await?;
        let card = store::customers::card(&mut conn, customer_id)
            .await?
            .ok_or(Error::NotFound { what: "account" })?;
        let contacts = store::customers::contacts(&mut conn, customer_id).await?;
        let addresses = store::customers::addresses(&mut conn, customer_id).await?;
        let history = store::storefront::account::history(&mut conn, customer_id, i64::MAX).await?;
        let filter = store::messaging::Filter {
            order_id: 0,
            customer_id,
            status: "",
            limit: i64::MAX,
            offset: 0,
        };
        let messages = store::messaging::list(&mut conn, &filter).await?;
        let questions = store::support::of_customer(&mut conn, customer_id).await?;
        drop(conn);
        let mut orders = Vec::with_capacity(history.len());
        for row in history {
            orders.push(self.order(row.id).await?);
        }
        let optional = |ms: Option<i64>| ms.map(timestamp).transpose();
        Ok(AccountExport {
            exported_at: self.now(),
            name: card.name,
            birthday: card.birthday,
            locale: card.locale,
            preferred_channel: card.preferred_channel,
            contacts: contacts
                .into_iter()
                .map(|c| ExportedContact {
                    kind: c.kind,
                    value: c.value,
                })
                .collect(),
            addresses: addresses.into_iter().map(AddressView::from).collect(),
            marketing_consent_at: optional(card.consent_at)?,
            marketing_consent_source: card.consent_source,
            marketing_consent_withdrawn_at: optional(card.consent_withdrawn_at)?,
            card_created_at: timestamp(card.created_at)?,
            orders,
            messages: messages
                .into_iter()
                .map(|m| {
                    Ok(ExportedMessage {
                        at: timestamp(m.sent_at.unwrap_or(m.created_at))?,
                        channel: m.channel,
                        recipient: m.recipient,
                        subject: m.subject,
                        text: m.body,
                        status: m.status,
                    })
                })
                .collect::<Result<_>>()?,
            questions: questions
                .into_iter()
                .map(|q| {
                    Ok(ExportedQuestion {
                        at: timestamp(q.created_at)?,
                        order_number: q.order_named,
                        question: q.body,
                        answer: q.answer,
                        answered_at: optional(q.answered_at)?,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }

    /// Erases what identifies the signed-in person and signs them out everywhere. Refused
    /// while an order is still under way: the shop needs the address and phone to deliver it.
    /// The orders stay, without the person, for the books.
    pub async fn erase_account(&self, customer_id: i64) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        if !store::customers::lock(&mut tx, customer_id).await? {
            return Err(Error::NotFound { what: "account" });
        }
        let open = store::storefront::account::open_orders(&mut tx, customer_id).await?;
        if open > 0 {
            return Err(Error::Conflict {
                code: "orders_open",
                message: format!(
                    "{open} order(s) are still under way; your data can be erased once they have arrived or been cancelled"
                ),
            });
        }
        store::storefront::account::erase(&mut tx, customer_id, store::to_millis(self.now()))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
