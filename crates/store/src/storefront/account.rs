//! Customer accounts: sign-in links, the sessions they open, and erasing a person's data.

use sqlx::FromRow;

use crate::{Conn, Result};

/// Links sent since a moment to a contact, and those asked for by a sender, in one query.
pub async fn links_since(
    conn: &mut Conn,
    contact: &str,
    sender: &str,
    since_ms: i64,
) -> Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN contact = $1 THEN 1 ELSE 0 END), 0), \
                COALESCE(SUM(CASE WHEN sender = $2 THEN 1 ELSE 0 END), 0) \
         FROM account_links WHERE created_at >= $3 AND (contact = $1 OR sender = $2)",
    )
    .bind(contact)
    .bind(sender)
    .bind(since_ms)
    .fetch_one(conn)
    .await?)
}

/// A link sent to `contact` at the request of `sender` (a hash of their address).
pub struct NewLink<'a> {
    pub token_hash: &'a str,
    pub customer_id: i64,
    pub contact: &'a str,
    pub sender: &'a str,
    pub expires_at: i64,
}

pub async fn insert_link(conn: &mut Conn, link: &NewLink<'_>, now_ms: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO account_links (token_hash, customer_id, contact, sender, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(link.token_hash)
    .bind(link.customer_id)
    .bind(link.contact)
    .bind(link.sender)
    .bind(now_ms)
    .bind(link.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Uses a link once: the card it signs in to, if the link is unused and still valid. Two
/// clicks racing each other: only one gets the card.
pub async fn use_link(conn: &mut Conn, token_hash: &str, now_ms: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE account_links SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING customer_id",
    )
    .bind(now_ms)
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}

/// Whether a link would still sign in.
pub async fn link_is_live(conn: &mut Conn, token_hash: &str, now_ms: i64) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT customer_id FROM account_links \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now_ms)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    customer_id: i64,
    now_ms: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO account_sessions (token_hash, customer_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(customer_id)
    .bind(now_ms)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The card a live session belongs to.
pub async fn session(conn: &mut Conn, token_hash: &str, now_ms: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT customer_id FROM account_sessions WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now_ms)
    .fetch_optional(conn)
    .await?)
}

/// Ends one session, and any that expired.
pub async fn delete_session(conn: &mut Conn, token_hash: &str, now_ms: i64) -> Result<()> {
    sqlx::query("DELETE FROM account_sessions WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token_hash)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct SavedAddress {
    pub id: i64,
    pub line: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

pub async fn addresses(conn: &mut Conn, customer_id: i64) -> Result<Vec<SavedAddress>> {
    Ok(sqlx::query_as(
        "SELECT id, line, city, postcode, country FROM customer_addresses \
         WHERE customer_id = $1 ORDER BY id DESC",
    )
    .bind(customer_id)
    .fetch_all(conn)
    .await?)
}

/// Removes one of the card's own addresses; false when the card has no such address.
pub async fn delete_address(conn: &mut Conn, customer_id: i64, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM customer_addresses WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(customer_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub struct Profile<'a> {
    pub name: &'a str,
    pub birthday: Option<&'a str>,
    pub locale: &'a str,
    pub preferred_channel: Option<&'a str>,
}

pub async fn set_profile(conn: &mut Conn, customer_id: i64, profile: &Profile<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE customers SET name = $1, birthday = $2, locale = $3, preferred_channel = $4, \
         search = $6 WHERE id = $5",
    )
    .bind(profile.name)
    .bind(profile.birthday)
    .bind(profile.locale)
    .bind(profile.preferred_channel)
    .bind(customer_id)
    .bind(crate::search::folded(&[Some(profile.name)]))
    .execute(conn)
    .await?;
    Ok(())
}

/// Orders of the card that are still under way: placed and neither delivered nor finished.
pub async fn open_orders(conn: &mut Conn, customer_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM orders WHERE customer_id = $1 AND stage IN \
         ('placed', 'confirming', 'awaiting_payment', 'assembling', 'ready', 'in_transit', 'return_requested')",
    )
    .bind(customer_id)
    .fetch_one(conn)
    .await?)
}

/// The words that stand in for an erased person wherever a name is required.
pub const ERASED_NAME: &str = "—";

/// Erases what identifies the person behind a card: their name, birthday, contacts, addresses,
/// consents, sessions, requests and the messages they wrote to the shop; the names, contacts and addresses on their orders; the
/// recipients and texts of their messages, of which those not sent yet are withdrawn. The
/// orders themselves, their lines and payments stay, for the books.
pub async fn erase(conn: &mut Conn, customer_id: i64, now_ms: i64) -> Result<()> {
    for sql in [
        "DELETE FROM customer_contacts WHERE customer_id = $1",
        "DELETE FROM customer_addresses WHERE customer_id = $1",
        "DELETE FROM account_sessions WHERE customer_id = $1",
        "DELETE FROM account_links WHERE customer_id = $1",
        "DELETE FROM stock_requests WHERE customer_id = $1",
        "DELETE FROM newsletter_requests WHERE customer_id = $1",
        "DELETE FROM inquiries WHERE customer_id = $1",
        "UPDATE messages SET status = 'withdrawn' WHERE customer_id = $1 AND status = 'queued'",
        "UPDATE messages SET recipient = '', data = '{}', subject = NULL, body = NULL, error = NULL \
         WHERE customer_id = $1",
        "UPDATE orders SET phone = NULL, email = NULL, address_line = NULL, city = NULL, \
           postcode = NULL, pickup_point = NULL, note = '' WHERE customer_id = $1",
        "UPDATE order_lines SET note = '' WHERE order_id IN (SELECT id FROM orders WHERE customer_id = $1)",
        "UPDATE courier_ratings SET comment = '' WHERE order_id IN (SELECT id FROM orders WHERE customer_id = $1)",
        "UPDATE returns SET note = '' WHERE order_id IN (SELECT id FROM orders WHERE customer_id = $1)",
        // Free text on the timeline and in call notes may name the person.
        "UPDATE order_events SET reason = NULL WHERE order_id IN (SELECT id FROM orders WHERE customer_id = $1)",
        "UPDATE task_attempts SET note = '' WHERE task_id IN \
           (SELECT t.id FROM tasks t JOIN orders o ON o.id = t.order_id WHERE o.customer_id = $1)",
    ] {
        sqlx::query(sql)
            .bind(customer_id)
            .execute(&mut *conn)
            .await?;
    }
    let erased_search = crate::search::folded(&[Some(ERASED_NAME), None, None]);
    sqlx::query("UPDATE orders SET customer_name = $1, search = $3 WHERE customer_id = $2")
        .bind(ERASED_NAME)
        .bind(customer_id)
        .bind(&erased_search)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE customers SET name = $1, birthday = NULL, locale = NULL, preferred_channel = NULL, \
           consent_at = NULL, consent_source = NULL, consent_withdrawn_at = NULL, \
           unsubscribe_token = NULL, erased_at = $2, search = $4 WHERE id = $3",
    )
    .bind(ERASED_NAME)
    .bind(now_ms)
    .bind(customer_id)
    .bind(crate::search::folded(&[Some(ERASED_NAME)]))
    .execute(conn)
    .await?;
    Ok(())
}

/// An order as its customer's history lists it, with the secret of its page.
#[derive(Debug, Clone, FromRow)]
pub struct HistoryRow {
    pub id: i64,
    pub confirm_token: Option<String>,
    pub stage: String,
    pub total_minor: i64,
    pub currency: String,
    pub placed_at: i64,
}

/// The card's orders, newest first.
pub async fn history(conn: &mut Conn, customer_id: i64, limit: i64) -> Result<Vec<HistoryRow>> {
    Ok(sqlx::query_as(
        "SELECT id, confirm_token, stage, total_minor, currency, placed_at FROM orders \
         WHERE customer_id = $1 AND stage NOT IN ('paying', 'abandoned') ORDER BY id DESC LIMIT $2",
    )
    .bind(customer_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The titles of every line of the card's orders, as `(order id, title)`.
pub async fn history_items(conn: &mut Conn, customer_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT l.order_id, l.title FROM order_lines l JOIN orders o ON o.id = l.order_id \
         WHERE o.customer_id = $1 ORDER BY l.order_id, l.line_no",
    )
    .bind(customer_id)
    .fetch_all(conn)
    .await?)
}

/// Whether a newsletter confirmation sent to the card still waits for its click (AF-10).
pub async fn newsletter_pending(conn: &mut Conn, customer_id: i64) -> Result<bool> {
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM newsletter_requests WHERE customer_id = $1 AND confirmed_at IS NULL",
    )
    .bind(customer_id)
    .fetch_one(conn)
    .await?;
    Ok(waiting > 0)
}

/// The coupons given to the card that can still be used, soonest to expire first (AF-8).
pub async fn usable_coupons(
    conn: &mut Conn,
    customer_id: i64,
    now_ms: i64,
) -> Result<Vec<crate::fulfilment::CouponRow>> {
    Ok(sqlx::query_as(
        "SELECT code, percent, source_order, expires_at, used_by_order, customer_id, free_delivery \
         FROM coupons WHERE customer_id = $1 AND used_by_order IS NULL AND expires_at > $2 \
         ORDER BY expires_at",
    )
    .bind(customer_id)
    .bind(now_ms)
    .fetch_all(conn)
    .await?)
}
