//! Customer cards, their contacts and addresses (IN-3).

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub birthday: Option<String>,
    pub locale: Option<String>,
    pub consent_at: Option<i64>,
    pub consent_source: Option<String>,
    /// When the customer last withdrew their consent (AF-10).
    pub consent_withdrawn_at: Option<i64>,
    pub preferred_channel: Option<String>,
    /// When the person had their personal data erased.
    pub erased_at: Option<i64>,
    pub created_at: i64,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Orders that were not cancelled, returned or refunded.
    pub kept_orders: i64,
    /// The tier the card last reached (AF-11).
    pub loyalty_tier: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct ContactRow {
    pub kind: String,
    pub value: String,
    /// When a message to it bounced or the number was refused.
    pub invalid_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct AddressRow {
    pub line: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

pub struct NewCustomer<'a> {
    pub name: &'a str,
    pub birthday: Option<&'a str>,
    pub locale: Option<&'a str>,
    pub consent_at: Option<i64>,
    pub consent_source: Option<&'a str>,
}

const CARD_SELECT: &str = "SELECT c.id, c.name, c.birthday, c.locale, c.consent_at, c.consent_source, \
       c.consent_withdrawn_at, c.preferred_channel, c.erased_at, c.created_at, c.loyalty_tier, \
       (SELECT value FROM customer_contacts WHERE customer_id = c.id AND kind = 'phone' ORDER BY id LIMIT 1) AS phone, \
       (SELECT value FROM customer_contacts WHERE customer_id = c.id AND kind = 'email' ORDER BY id LIMIT 1) AS email, \
       (SELECT COUNT(*) FROM orders WHERE customer_id = c.id AND stage NOT IN ('cancelled', 'returned', 'refunded', 'paying', 'abandoned')) AS kept_orders \
     FROM customers c";

/// The cards holding this phone and this email (either may be absent), in one query.
pub async fn by_phone_or_email(
    conn: &mut Conn,
    phone: Option<&str>,
    email: Option<&str>,
) -> Result<(Option<i64>, Option<i64>)> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, customer_id FROM customer_contacts \
         WHERE (kind = 'phone' AND value = $1) OR (kind = 'email' AND value = $2)",
    )
    .bind(phone.unwrap_or_default())
    .bind(email.unwrap_or_default())
    .fetch_all(conn)
    .await?;
    let of = |kind: &str| rows.iter().find(|(k, _)| k == kind).map(|(_, id)| *id);
    Ok((of("phone"), of("email")))
}

pub async fn by_contact(conn: &mut Conn, kind: &str, value: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT customer_id FROM customer_contacts WHERE kind = $1 AND value = $2",
    )
    .bind(kind)
    .bind(value)
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(conn: &mut Conn, customer: &NewCustomer<'_>, now_ms: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO customers (name, birthday, locale, consent_at, consent_source, created_at, search) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(customer.name)
    .bind(customer.birthday)
    .bind(customer.locale)
    .bind(customer.consent_at)
    .bind(customer.consent_source)
    .bind(now_ms)
    .bind(crate::search::folded(&[Some(customer.name)]))
    .fetch_one(conn)
    .await?)
}

/// Removes a card made in this transaction that turned out to belong to someone already known.
pub async fn delete_new(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM customer_contacts WHERE customer_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Adds a contact to a card. Returns the card that holds it: this one, or another that already
/// had it (a contact belongs to one card). Only a `trusted` contact gets sign-in links: one
/// that opened its card, not one an order added to a card found by another contact.
pub async fn add_contact(
    conn: &mut Conn,
    customer_id: i64,
    kind: &str,
    value: &str,
    trusted: bool,
    now_ms: i64,
) -> Result<i64> {
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO customer_contacts (customer_id, kind, value, created_at, trusted) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, value) DO NOTHING RETURNING customer_id",
    )
    .bind(customer_id)
    .bind(kind)
    .bind(value)
    .bind(now_ms)
    .bind(i64::from(trusted))
    .fetch_optional(&mut *conn)
    .await?;
    match inserted {
        Some(id) => Ok(id),
        None => by_contact(conn, kind, value)
            .await?
            .ok_or_else(|| crate::Error::Corrupt(format!("contact {kind} vanished"))),
    }
}

pub async fn add_address(
    conn: &mut Conn,
    customer_id: i64,
    address: &AddressRow,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO customer_addresses (customer_id, line, city, postcode, country, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(customer_id)
    .bind(&address.line)
    .bind(&address.city)
    .bind(&address.postcode)
    .bind(&address.country)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records marketing consent, or its withdrawal, with when and where it was given (AF-10).
pub async fn set_consent(
    conn: &mut Conn,
    id: i64,
    consent_at: Option<i64>,
    source: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE customers SET consent_at = $1, consent_source = $2 WHERE id = $3")
        .bind(consent_at)
        .bind(source)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The secret of the customer's unsubscribe link, if they have one yet.
pub async fn unsubscribe_token(conn: &mut Conn, id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT unsubscribe_token FROM customers WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?
            .flatten(),
    )
}

pub async fn set_unsubscribe_token(conn: &mut Conn, id: i64, token: &str) -> Result<()> {
    sqlx::query("UPDATE customers SET unsubscribe_token = $1 WHERE id = $2")
        .bind(token)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The card an unsubscribe link belongs to.
pub async fn by_unsubscribe_token(conn: &mut Conn, token: &str) -> Result<Option<CustomerRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CARD_SELECT} WHERE c.unsubscribe_token = $1"
    )))
    .bind(token)
    .fetch_optional(conn)
    .await?)
}

/// Names the card `name` when its name is still one of its own contacts and `name` is not.
pub async fn replace_stand_in_name(conn: &mut Conn, id: i64, name: &str) -> Result<()> {
    sqlx::query(
        "UPDATE customers SET name = $1, search = $3 WHERE id = $2 \
         AND name IN (SELECT value FROM customer_contacts WHERE customer_id = $2) \
         AND $1 NOT IN (SELECT value FROM customer_contacts WHERE customer_id = $2)",
    )
    .bind(name)
    .bind(id)
    .bind(crate::search::folded(&[Some(name)]))
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether a contact may sign in to its card: `None` when no card holds it.
pub async fn contact_trusted(conn: &mut Conn, kind: &str, value: &str) -> Result<Option<bool>> {
    let trusted: Option<i64> =
        sqlx::query_scalar("SELECT trusted FROM customer_contacts WHERE kind = $1 AND value = $2")
            .bind(kind)
            .bind(value)
            .fetch_optional(conn)
            .await?;
    Ok(trusted.map(|t| t == 1))
}

/// Whether the card consents to marketing messages now (AF-10).
pub async fn consents(conn: &mut Conn, id: i64) -> Result<bool> {
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM customers WHERE id = $1 AND consent_at IS NOT NULL",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok(found == 1)
}

/// Withdraws marketing consent, noting when and how (AF-10).
pub async fn withdraw_consent(conn: &mut Conn, id: i64, source: &str, now_ms: i64) -> Result<()> {
    sqlx::query(
        "UPDATE customers SET consent_at = NULL, consent_source = $1, consent_withdrawn_at = $2 \
         WHERE id = $3",
    )
    .bind(source)
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn card(conn: &mut Conn, id: i64) -> Result<Option<CustomerRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CARD_SELECT} WHERE c.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Cards matching `q` (name, phone or email; empty for all), newest first.
pub async fn list(conn: &mut Conn, q: &str, limit: i64, offset: i64) -> Result<Vec<CustomerRow>> {
    let pattern = crate::contains_pattern(q);
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CARD_SELECT} WHERE $1 = '' OR c.search LIKE $2 ESCAPE '\\' \
         OR EXISTS (SELECT 1 FROM customer_contacts cc WHERE cc.customer_id = c.id \
                    AND LOWER(cc.value) LIKE $2 ESCAPE '\\') \
         ORDER BY c.id DESC LIMIT $3 OFFSET $4"
    )))
    .bind(q)
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?)
}

/// How to reach a customer: their preferred channel, their language, and the contacts that
/// still work.
pub struct Reach {
    pub preferred_channel: Option<String>,
    pub locale: Option<String>,
    pub contacts: Vec<ContactRow>,
}

/// One row of [`reach`]'s query: the card's preferences beside one working contact.
#[derive(FromRow)]
struct ReachRow {
    preferred_channel: Option<String>,
    locale: Option<String>,
    kind: Option<String>,
    value: Option<String>,
}

pub async fn reach(conn: &mut Conn, id: i64) -> Result<Reach> {
    let rows: Vec<ReachRow> = sqlx::query_as(
        "SELECT c.preferred_channel, c.locale, cc.kind, cc.value FROM customers c \
         LEFT JOIN customer_contacts cc ON cc.customer_id = c.id AND cc.invalid_at IS NULL \
         WHERE c.id = $1 ORDER BY cc.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    let (preferred_channel, locale) = rows
        .first()
        .map(|r| (r.preferred_channel.clone(), r.locale.clone()))
        .unwrap_or_default();
    let contacts = rows
        .into_iter()
        .filter_map(|r| {
            Some(ContactRow {
                kind: r.kind?,
                value: r.value?,
                invalid_at: None,
            })
        })
        .collect();
    Ok(Reach {
        preferred_channel,
        locale,
        contacts,
    })
}

/// Sets or clears the card's birthday, as `YYYY-MM-DD` or `--MM-DD` (AF-8).
pub async fn set_birthday(conn: &mut Conn, id: i64, birthday: Option<&str>) -> Result<bool> {
    let found = sqlx::query("UPDATE customers SET birthday = $1 WHERE id = $2")
        .bind(birthday)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(found == 1)
}

pub async fn set_preferred_channel(conn: &mut Conn, id: i64, channel: &str) -> Result<()> {
    sqlx::query("UPDATE customers SET preferred_channel = $1 WHERE id = $2")
        .bind(channel)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A contact that bounced or is not a number: it is kept on the card, marked, and not used again.
pub async fn invalidate_contact(
    conn: &mut Conn,
    kind: &str,
    value: &str,
    now_ms: i64,
) -> Result<()> {
    sqlx::query("UPDATE customer_contacts SET invalid_at = $1 WHERE kind = $2 AND value = $3 AND invalid_at IS NULL")
        .bind(now_ms)
        .bind(kind)
        .bind(value)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn contacts(conn: &mut Conn, id: i64) -> Result<Vec<ContactRow>> {
    Ok(sqlx::query_as(
        "SELECT kind, value, invalid_at FROM customer_contacts WHERE customer_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

pub async fn addresses(conn: &mut Conn, id: i64) -> Result<Vec<AddressRow>> {
    Ok(sqlx::query_as("SELECT line, city, postcode, country FROM customer_addresses WHERE customer_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(conn)
        .await?)
}

/// Takes the card's row lock for the rest of the transaction; false when there is no such card.
pub async fn lock(conn: &mut Conn, id: i64) -> Result<bool> {
    let found = sqlx::query("UPDATE customers SET name = name WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(found == 1)
}

/// Moves everything of card `other` to card `keep` and removes `other` (IN-3): orders,
/// messages both ways, occasions greeted for and gifts, contacts (each belongs to one card, so
/// each moves as it is), addresses (one both cards have is kept once), and what the kept card
/// does not know yet: birthday, language, channel, marketing consent.
pub async fn merge(conn: &mut Conn, keep: i64, other: i64) -> Result<()> {
    for sql in [
        "UPDATE orders SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE messages SET customer_id = $1 WHERE customer_id = $2",
        // The storefront's back-in-stock and newsletter requests follow the person.
        "UPDATE stock_requests SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE newsletter_requests SET customer_id = $1 WHERE customer_id = $2",
        // Signed in as either card, the person stays signed in as the kept one.
        "UPDATE account_sessions SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE account_links SET customer_id = $1 WHERE customer_id = $2",
        // So do the messages they wrote to the shop (SU-1).
        "UPDATE inquiries SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE customer_contacts SET customer_id = $1 WHERE customer_id = $2",
        "DELETE FROM customer_addresses WHERE customer_id = $2 AND EXISTS (\
           SELECT 1 FROM customer_addresses k WHERE k.customer_id = $1 \
           AND k.line = customer_addresses.line AND k.city = customer_addresses.city \
           AND k.postcode = customer_addresses.postcode AND k.country = customer_addresses.country)",
        "UPDATE customer_addresses SET customer_id = $1 WHERE customer_id = $2",
        // An occasion both cards were greeted for stays once (AF-8); gifts follow the person.
        "DELETE FROM after_sale_sent WHERE customer_id = $2 AND occasion IN (\
           SELECT k.occasion FROM after_sale_sent k WHERE k.customer_id = $1)",
        "UPDATE after_sale_sent SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE coupons SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE customers SET \
           birthday = COALESCE(birthday, (SELECT o.birthday FROM customers o WHERE o.id = $2)), \
           locale = COALESCE(locale, (SELECT o.locale FROM customers o WHERE o.id = $2)), \
           preferred_channel = COALESCE(preferred_channel, (SELECT o.preferred_channel FROM customers o WHERE o.id = $2)), \
           consent_source = CASE WHEN consent_at IS NULL THEN (SELECT o.consent_source FROM customers o WHERE o.id = $2) ELSE consent_source END, \
           consent_at = COALESCE(consent_at, (SELECT o.consent_at FROM customers o WHERE o.id = $2)) \
         WHERE id = $1",
    ] {
        sqlx::query(sql)
            .bind(keep)
            .bind(other)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(other)
        .execute(conn)
        .await?;
    Ok(())
}

/// A card's kept orders placed since `since_ms`: how many, and what they cost (AF-11).
pub async fn standing(conn: &mut Conn, customer_id: i64, since_ms: i64) -> Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) FROM orders \
         WHERE customer_id = $1 AND placed_at >= $2 \
           AND stage NOT IN ('cancelled', 'returned', 'refunded', 'paying', 'abandoned')",
    )
    .bind(customer_id)
    .bind(since_ms)
    .fetch_one(conn)
    .await?)
}

/// The tier a card last reached (AF-11).
pub async fn loyalty_tier(conn: &mut Conn, customer_id: i64) -> Result<String> {
    Ok(
        sqlx::query_scalar("SELECT loyalty_tier FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(conn)
            .await?,
    )
}

/// Moves a card from one tier to another: false when it was not in `from` any more.
pub async fn move_tier(conn: &mut Conn, customer_id: i64, from: &str, to: &str) -> Result<bool> {
    let moved =
        sqlx::query("UPDATE customers SET loyalty_tier = $3 WHERE id = $1 AND loyalty_tier = $2")
            .bind(customer_id)
            .bind(from)
            .bind(to)
            .execute(conn)
            .await?
            .rows_affected();
    Ok(moved == 1)
}
