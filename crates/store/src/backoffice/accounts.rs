//! The back office's people: users with a role, their sessions, and failed logins. Only hashes
//! of passwords and session cookies are stored.

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    /// The language the person chose for the back office; the browser's otherwise.
    pub locale: Option<String>,
    pub disabled_at: Option<i64>,
    pub created_at: i64,
}

/// A live session with the person it belongs to.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub flash: Option<String>,
    pub expires_at: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub locale: Option<String>,
    pub disabled_at: Option<i64>,
}

/// An API token as the owner sees it; the token itself is never stored.
#[derive(Debug, Clone, FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    /// The email of the person the token acts as.
    pub acts_as: Option<String>,
}

const USER_COLUMNS: &str = "id, email, name, role, password_hash, locale, disabled_at, created_at";

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub password_hash: &'a str,
}

/// Adds a user; an email already taken is [`crate::Error::Duplicate`].
pub async fn insert(conn: &mut Conn, user: &NewUser<'_>, now_ms: i64) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.role)
    .bind(user.password_hash)
    .bind(now_ms)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("email"))
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<UserRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE email = $1"
    )))
    .bind(email)
    .fetch_optional(conn)
    .await?)
}

/// Every user, by email.
pub async fn list(conn: &mut Conn) -> Result<Vec<UserRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users ORDER BY email"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn set_role(conn: &mut Conn, id: i64, role: &str) -> Result<bool> {
    let changed = sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
        .bind(role)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(changed == 1)
}

/// Disables (with the time) or enables (`None`) a user.
pub async fn set_disabled(conn: &mut Conn, id: i64, disabled_at: Option<i64>) -> Result<bool> {
    let changed = sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
        .bind(disabled_at)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(changed == 1)
}

pub async fn set_password(conn: &mut Conn, id: i64, password_hash: &str) -> Result<bool> {
    let changed = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(changed == 1)
}

pub async fn set_locale(conn: &mut Conn, id: i64, locale: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    user_id: i64,
    csrf_token: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(csrf_token)
    .bind(now_ms)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The session and its user, whether or not it is still valid; the caller decides.
pub async fn session(conn: &mut Conn, token_hash: &str) -> Result<Option<SessionRow>> {
    Ok(sqlx::query_as(
        "SELECT s.user_id, s.csrf_token, s.flash, s.expires_at, u.email, u.name, u.role, u.locale, u.disabled_at \
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}

pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of a user, and any that expired, so a disabled person is logged out at once.
pub async fn delete_sessions_of(conn: &mut Conn, user_id: i64, now_ms: i64) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 OR expires_at <= $2")
        .bind(user_id)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets (or clears, with `None`) the notice the session shows once on its next page.
pub async fn set_flash(conn: &mut Conn, token_hash: &str, flash: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE sessions SET flash = $1 WHERE token_hash = $2")
        .bind(flash)
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Failed logins since some moment: for this account from this address, from this address on
/// any account, and on this account from anywhere.
pub struct Failures {
    pub by_pair: i64,
    pub oldest_by_pair: Option<i64>,
    pub by_ip: i64,
    pub oldest_by_ip: Option<i64>,
    pub by_email: i64,
    pub newest_by_email: Option<i64>,
}

pub async fn failures(conn: &mut Conn, email: &str, ip: &str, since_ms: i64) -> Result<Failures> {
    let (by_pair, oldest_by_pair): (i64, Option<i64>) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), MIN(at) FROM login_failures \
         WHERE email = $1 AND ip = $2 AND at > $3",
    )
    .bind(email)
    .bind(ip)
    .bind(since_ms)
    .fetch_one(&mut *conn)
    .await?;
    let (by_ip, oldest_by_ip): (i64, Option<i64>) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), MIN(at) FROM login_failures WHERE ip = $1 AND at > $2",
    )
    .bind(ip)
    .bind(since_ms)
    .fetch_one(&mut *conn)
    .await?;
    let (by_email, newest_by_email): (i64, Option<i64>) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), MAX(at) FROM login_failures WHERE email = $1 AND at > $2",
    )
    .bind(email)
    .bind(since_ms)
    .fetch_one(conn)
    .await?;
    Ok(Failures {
        by_pair,
        oldest_by_pair,
        by_ip,
        oldest_by_ip,
        by_email,
        newest_by_email,
    })
}

/// Failed logins since `since_ms` per account, for the owner to see who is being tried.
pub async fn failures_by_email(conn: &mut Conn, since_ms: i64) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT email, CAST(COUNT(*) AS BIGINT) FROM login_failures WHERE at > $1 GROUP BY email",
    )
    .bind(since_ms)
    .fetch_all(conn)
    .await?)
}

/// Counts an attempt as failed until it succeeds; forgets attempts older than `forget_before_ms`.
pub async fn add_failure(
    conn: &mut Conn,
    email: &str,
    ip: &str,
    now_ms: i64,
    forget_before_ms: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(forget_before_ms)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3)")
        .bind(email)
        .bind(ip)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

/// Starts the count again: of an account from one address after it logged in from there, or
/// from everywhere when the owner unlocks it.
pub async fn clear_failures(conn: &mut Conn, email: &str, ip: Option<&str>) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1 AND ($2 IS NULL OR ip = $2)")
        .bind(email)
        .bind(ip)
        .execute(conn)
        .await?;
    Ok(())
}

/// API tokens, newest first.
pub async fn tokens(conn: &mut Conn) -> Result<Vec<TokenRow>> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.name, COALESCE(u.role, t.role) AS role, t.created_at, t.revoked_at, \
         u.email AS acts_as FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id ORDER BY t.id DESC",
    )
    .fetch_all(conn)
    .await?)
}
