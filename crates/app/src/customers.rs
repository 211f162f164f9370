//! Customer cards (IN-3): found by phone or email, never duplicated.

use domain::access::Permission;
use domain::contact::{Address, Contact, Email, PersonName, Phone};
use std::collections::BTreeMap;

use domain::customers::{LoyaltyPolicy, Standing, Tier, matching_card};
use domain::orders::Event;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::views::{OrderSummary, order_summaries, timestamp};
use crate::{Error, Result, Shop};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerSummary {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The key of the card's tier, `new`, `regular` or `loyal` unless the shop set its own
    /// (AF-11).
    pub loyalty_tier: String,
    pub tier: TierView,
    pub orders: i64,
}

/// A loyalty tier as the card, the account page and the checkout show it (AF-11).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = LoyaltyTierView)]
pub struct TierView {
    pub key: String,
    /// The tier's name per language.
    pub names: BTreeMap<String, String>,
    /// Percent off the goods of every order.
    pub percent: i64,
    /// Whether delivery is free.
    pub free_delivery: bool,
}

impl TierView {
    /// The card's tier as the shop defines it now; a tier the shop removed shows as its key.
    pub(crate) fn of(policy: &LoyaltyPolicy, key: &str) -> Self {
        let tier = policy.tier(key);
        Self {
            key: key.into(),
            names: tier.map(|t| t.names.clone()).unwrap_or_default(),
            percent: tier.map_or(0, |t| t.percent),
            free_delivery: tier.is_some_and(|t| t.free_delivery),
        }
    }

    /// The name in `lang`, else in English, else the key.
    pub fn name(&self, lang: &str) -> String {
        let known = self.names.get(lang).or_else(|| self.names.get("en"));
        known.unwrap_or(&self.key).clone()
    }

    /// Whether the tier gives anything at checkout.
    pub fn gives(&self) -> bool {
        self.percent > 0 || self.free_delivery
    }
}

/// Computes a card's tier again from its kept orders (AF-11), in the transaction that placed,
/// delivered, returned or cancelled one of them. A customer who rises to a tier that gives
/// something hears of it once, within their consent; the benefit needs none.
pub(crate) async fn recompute_tier(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let policy = &ctx.settings.loyalty;
    // A month of orders counts as 30 days: a tier is a rough measure, and days need no calendar.
    let since = match policy.months {
        0 => 0,
        months => ctx
            .now
            .saturating_sub(jiff::SignedDuration::from_hours(24 * 30 * months))
            .map_or(0, store::to_millis),
    };
    let (orders, spent_minor) = store::customers::standing(tx, row.customer_id, since).await?;
    let reached = policy.tier_for(Standing {
        orders,
        spent_minor,
    });
    let was = store::customers::loyalty_tier(tx, row.customer_id).await?;
    // Two changes to one card at once: the one that moved it first tells.
    if was == reached.key
        || !store::customers::move_tier(tx, row.customer_id, &was, &reached.key).await?
    {
        return Ok(Vec::new());
    }
    // A tier that gives nothing is not news: the default tiers stay silent.
    let risen = policy.rank(&reached.key) > policy.rank(&was) && reached.gives();
    let occasion = format!("tier:{}", reached.key);
    if !risen || !store::after_sale::take(tx, row.customer_id, &occasion, ctx.now_ms()).await? {
        return Ok(Vec::new());
    }
    let locale = store::customers::card(tx, row.customer_id)
        .await?
        .and_then(|c| c.locale)
        .unwrap_or_else(|| ctx.settings.default_locale.clone());
    let extra = json!({
        "tier_name": reached.name(&locale),
        "discount_percent": reached.percent,
        "free_delivery": reached.free_delivery,
    });
    crate::messaging::marketing_message(tx, row, "tier_reached", extra, ctx).await
}

/// The benefit of the card's tier on an order of these goods and delivery, with the tier.
pub(crate) async fn tier_benefit<'a>(
    tx: &mut store::Conn,
    policy: &'a LoyaltyPolicy,
    customer_id: i64,
    subtotal_minor: i64,
    delivery_minor: i64,
) -> Result<Option<(&'a Tier, i64)>> {
    let key = store::customers::loyalty_tier(tx, customer_id).await?;
    Ok(policy
        .tier(&key)
        .filter(|t| t.gives())
        .map(|t| (t, t.benefit_minor(subtotal_minor, delivery_minor)))
        .filter(|(_, off)| *off > 0))
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerCard {
    pub id: i64,
    pub name: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    /// Contacts that bounced or were refused; messages no longer use them (CF-4).
    pub invalid_contacts: Vec<String>,
    pub addresses: Vec<AddressView>,
    /// `YYYY-MM-DD`, or `--MM-DD` without the year, for birthday greetings (AF-8).
    pub birthday: Option<String>,
    pub locale: Option<String>,
    pub marketing_consent: Option<Consent>,
    /// When the customer last withdrew their consent, and how (AF-10).
    pub consent_withdrawn: Option<Consent>,
    pub loyalty_tier: String,
    pub tier: TierView,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    /// When the person had their personal data erased; the orders stay, without them.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub erased_at: Option<jiff::Timestamp>,
    pub orders: Vec<OrderSummary>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AddressView {
    pub line: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

impl From<store::customers::AddressRow> for AddressView {
    fn from(a: store::customers::AddressRow) -> Self {
        Self {
            line: a.line,
            city: a.city,
            postcode: a.postcode,
            country: a.country,
        }
    }
}

/// The values of a card's contacts of one kind (`phone` or `email`), in the order kept.
pub(crate) fn of_kind(contacts: &[store::customers::ContactRow], kind: &str) -> Vec<String> {
    contacts
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.value.clone())
        .collect()
}

/// When and where the customer agreed to marketing messages (AF-10).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Consent {
    #[schema(value_type = String, format = DateTime)]
    pub given_at: jiff::Timestamp,
    pub source: String,
}

impl Consent {
    fn at(ms: i64, source: String) -> Result<Self> {
        Ok(Self {
            given_at: timestamp(ms)?,
            source,
        })
    }
}

/// What an unsubscribe link's page shows: in the customer's language, whether they still get
/// marketing messages (AF-10).
#[derive(Debug, Clone)]
pub struct Subscription {
    pub locale: Option<String>,
    pub subscribed: bool,
}

/// How consent withdrawn by the link in a message shows on the card.
const BY_LINK: &str = "unsubscribe link";

/// Who an order is for, already parsed.
pub(crate) struct Buyer<'a> {
    pub name: &'a PersonName,
    pub phone: Option<&'a Phone>,
    pub email: Option<&'a Email>,
    pub locale: Option<&'a str>,
    pub consent_source: Option<&'a str>,
    pub address: Option<&'a Address>,
    pub preferred_channel: Option<domain::messaging::Channel>,
}

impl<'a> Buyer<'a> {
    /// Someone known by a name and one contact, in their language: a visitor who asked the shop
    /// something before (or without) ordering (ST-4, SU-1).
    pub fn reached_at(name: &'a PersonName, contact: &'a Contact, locale: &'a str) -> Self {
        Self {
            name,
            phone: contact.phone(),
            email: contact.email(),
            locale: Some(locale),
            consent_source: None,
            address: None,
            preferred_channel: None,
        }
    }
}

/// The card holding a contact, made when there is none; until the person gives their name
/// with an order, the contact stands in for it.
pub(crate) async fn card_of(
    tx: &mut store::Conn,
    contact: &Contact,
    locale: &str,
    now_ms: i64,
) -> Result<i64> {
    let name = PersonName::parse(contact.as_ref()).map_err(|e| Error::invalid("contact", e))?;
    find_or_create(tx, &Buyer::reached_at(&name, contact, locale), now_ms).await
}

fn address_row(address: &Address) -> store::customers::AddressRow {
    store::customers::AddressRow {
        line: address.line.clone(),
        city: address.city.clone(),
        postcode: address.postcode.clone(),
        country: address.country.clone(),
    }
}

/// Adds to a card the contacts and the address an order of theirs was corrected to, so the
/// card knows them next time (IN-3). A contact another card holds stays with that card; an
/// edited contact is not trusted to sign in, since the shop typed it.
pub(crate) async fn learn_from_edit(
    tx: &mut store::Conn,
    customer_id: i64,
    phone: Option<&Phone>,
    email: Option<&Email>,
    address: Option<&Address>,
    now_ms: i64,
) -> Result<()> {
    let contacts = [
        phone.map(|p| ("phone", p.as_ref())),
        email.map(|e| ("email", e.as_ref())),
    ];
    for (kind, value) in contacts.into_iter().flatten() {
        store::customers::add_contact(tx, customer_id, kind, value, false, now_ms).await?;
    }
    if let Some(address) = address {
        store::customers::add_address(tx, customer_id, &address_row(address), now_ms).await?;
    }
    Ok(())
}

/// Finds the buyer's card by phone or email, or makes one, and adds any new contact and address
/// to it. Runs inside the intake transaction.
pub(crate) async fn find_or_create(
    tx: &mut store::Conn,
    buyer: &Buyer<'_>,
    now_ms: i64,
) -> Result<i64> {
    let (by_phone, by_email) = store::customers::by_phone_or_email(
        tx,
        buyer.phone.map(AsRef::as_ref),
        buyer.email.map(AsRef::as_ref),
    )
    .await?;
    let found = matching_card(by_phone, by_email);
    let id = match found {
        Some(id) => id,
        None => {
            let new = store::customers::NewCustomer {
                name: buyer.name.as_ref(),
                birthday: None,
                locale: buyer.locale,
                consent_at: buyer.consent_source.map(|_| now_ms),
                consent_source: buyer.consent_source,
            };
            store::customers::insert(tx, &new, now_ms).await?
        }
    };
    // A contact belongs to one card. If a concurrent order created a card with the same contact
    // first, that card wins and the one made here is removed.
    let known = |found: Option<i64>| found == Some(id);
    let contacts = [
        buyer
            .phone
            .filter(|_| !known(by_phone))
            .map(|p| ("phone", p.as_ref())),
        buyer
            .email
            .filter(|_| !known(by_email))
            .map(|e| ("email", e.as_ref())),
    ];
    let mut owner = id;
    for (kind, value) in contacts.into_iter().flatten() {
        // A contact that opens a card is trusted to sign in to it; one added to a card found by
        // another contact is not, since anyone may type a stranger's phone beside their email.
        let holder =
            store::customers::add_contact(tx, owner, kind, value, found.is_none(), now_ms).await?;
        if holder != owner && by_phone.is_none() && by_email.is_none() && owner == id {
            store::customers::delete_new(tx, id).await?;
            owner = holder;
        }
    }
    if let Some(channel) = buyer.preferred_channel {
        store::customers::set_preferred_channel(tx, owner, channel.as_str()).await?;
    }
    if let Some(address) = buyer.address {
        store::customers::add_address(tx, owner, &address_row(address), now_ms).await?;
    }
    if let (true, Some(source)) = (
        by_phone.is_some() || by_email.is_some(),
        buyer.consent_source,
    ) {
        store::customers::set_consent(tx, owner, Some(now_ms), Some(source)).await?;
    }
    Ok(owner)
}

impl Shop {
    pub async fn customers(
        &self,
        actor: &Actor,
        q: &str,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<CustomerSummary>> {
        actor.require(Permission::ManageOrders)?;
        let q = crate::kernel::listing::search_words("q", q)?;
        let loyalty = self.settings().await?.loyalty;
        let mut conn = self.store.read().await?;
        let rows = store::customers::list(&mut conn, q, limit, offset).await?;
        Ok(rows
            .into_iter()
            .map(|row| CustomerSummary {
                tier: TierView::of(&loyalty, &row.loyalty_tier),
                loyalty_tier: row.loyalty_tier,
                orders: row.kept_orders,
                id: row.id,
                name: row.name,
                phone: row.phone,
                email: row.email,
            })
            .collect())
    }

    /// A customer's own tier, for the account and the checkout they are signed in to (AF-11).
    pub async fn customer_tier(&self, customer_id: i64) -> Result<TierView> {
        let loyalty = self.settings().await?.loyalty;
        let key =
            store::customers::loyalty_tier(&mut *self.store.read().await?, customer_id).await?;
        Ok(TierView::of(&loyalty, &key))
    }

    /// The whole card, with every order the customer placed.
    pub async fn customer(&self, actor: &Actor, id: i64) -> Result<CustomerCard> {
        actor.require(Permission::ManageOrders)?;
        let loyalty = self.settings().await?.loyalty;
        let mut conn = self.store.read().await?;
        let row = store::customers::card(&mut conn, id)
            .await?
            .ok_or(Error::NotFound { what: "customer" })?;
        let contacts = store::customers::contacts(&mut conn, id).await?;
        let addresses = store::customers::addresses(&mut conn, id).await?;
        drop(conn);
        let orders = self.orders_of_customer(id).await?;
        // A card shows the consent it has, or else when it was withdrawn, each with its source.
        let source = row.consent_source.unwrap_or_default();
        let (marketing_consent, consent_withdrawn) =
            match (row.consent_at, row.consent_withdrawn_at) {
                (Some(at), _) => (Some(Consent::at(at, source)?), None),
                (None, Some(at)) => (None, Some(Consent::at(at, source)?)),
                (None, None) => (None, None),
            };
        Ok(CustomerCard {
            id: row.id,
            name: row.name,
            phones: of_kind(&contacts, "phone"),
            invalid_contacts: contacts
                .iter()
                .filter(|c| c.invalid_at.is_some())
                .map(|c| c.value.clone())
                .collect(),
            emails: of_kind(&contacts, "email"),
            addresses: addresses.into_iter().map(AddressView::from).collect(),
            birthday: row.birthday,
            locale: row.locale,
            marketing_consent,
            consent_withdrawn,
            tier: TierView::of(&loyalty, &row.loyalty_tier),
            loyalty_tier: row.loyalty_tier,
            created_at: timestamp(row.created_at)?,
            erased_at: row.erased_at.map(timestamp).transpose()?,
            orders,
        })
    }
}

impl Shop {
    /// Sets or clears the customer's birthday (AF-8): `YYYY-MM-DD`, or `--MM-DD` when the year
    /// is not known. Answers with the card.
    pub async fn set_birthday(
        &self,
        actor: &Actor,
        id: i64,
        birthday: Option<&str>,
    ) -> Result<CustomerCard> {
        actor.require(Permission::ManageOrders)?;
        let birthday = birthday
            .filter(|b| !b.trim().is_empty())
            .map(domain::after_sale::Birthday::parse)
            .transpose()
            .field("birthday")?
            .map(|b| b.to_string());
        let mut tx = self.store.begin_write().await?;
        if !store::customers::set_birthday(&mut tx, id, birthday.as_deref()).await? {
            return Err(Error::NotFound { what: "customer" });
        }
        tx.commit().await?;
        self.customer(actor, id).await
    }

    /// Two cards that are the same person become one (IN-3): the other card's orders,
    /// messages, contacts, addresses and consent move to the kept card, and the other card is
    /// removed, in one transaction. Answers with the kept card.
    pub async fn merge_customers(
        &self,
        actor: &Actor,
        keep: i64,
        other: i64,
    ) -> Result<CustomerCard> {
        actor.require(Permission::ManageOrders)?;
        if keep == other {
            return Err(Error::field(
                "other",
                "same_card",
                "choose another card than the one kept",
            ));
        }
        let mut tx = self.store.begin_write().await?;
        // Both cards are locked in id order, so two merges of the same pair wait in line.
        for id in [keep.min(other), keep.max(other)] {
            if !store::customers::lock(&mut tx, id).await? {
                return Err(if id == other {
                    Error::field("other", "customer_unknown", "no such customer card")
                } else {
                    Error::NotFound { what: "customer" }
                });
            }
        }
        store::customers::merge(&mut tx, keep, other).await?;
        tx.commit().await?;
        self.customer(actor, keep).await
    }

    /// Whose unsubscribe link this is; a link nobody has is not found (AF-10).
    pub async fn subscription(&self, token: &str) -> Result<Subscription> {
        let mut conn = self.store.read().await?;
        let row = store::customers::by_unsubscribe_token(&mut conn, token.trim())
            .await?
            .ok_or(Error::NotFound { what: "link" })?;
        Ok(Subscription {
            locale: row.locale,
            subscribed: row.consent_at.is_some(),
        })
    }

    /// The customer withdraws their marketing consent by the link in a message; the card keeps
    /// when and how. No marketing message is queued after it; order messages still go (AF-10).
    pub async fn unsubscribe(&self, token: &str) -> Result<Subscription> {
        let mut tx = self.store.begin_write().await?;
        let row = store::customers::by_unsubscribe_token(&mut tx, token.trim())
            .await?
            .ok_or(Error::NotFound { what: "link" })?;
        if row.consent_at.is_some() {
            let now = store::to_millis(self.now());
            store::customers::withdraw_consent(&mut tx, row.id, BY_LINK, now).await?;
        }
        tx.commit().await?;
        Ok(Subscription {
            locale: row.locale,
            subscribed: false,
        })
    }
}

impl Shop {
    /// The card's orders, newest first.
    pub(crate) async fn orders_of_customer(&self, customer_id: i64) -> Result<Vec<OrderSummary>> {
        let filter = store::orders::Filter {
            stage: "",
            q: "",
            customer_id: Some(customer_id),
            scope: store::orders::Scope::Every,
            limit: 1000,
            offset: 0,
        };
        order_summaries(&mut *self.store.read().await?, &filter).await
    }
}
