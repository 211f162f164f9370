//! API tokens. Only a hash of each token is stored; the token itself is shown once.

use crate::{Conn, Result};

/// A new token: its name, its role, and the person it acts as, if any.
pub struct NewToken<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub user_id: Option<i64>,
}

pub async fn insert(
    conn: &mut Conn,
    token: &NewToken<'_>,
    token_hash: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (name, role, token_hash, created_at, user_id) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(token.name)
    .bind(token.role)
    .bind(token_hash)
    .bind(now_ms)
    .bind(token.user_id)
    .fetch_one(conn)
    .await?)
}

/// A live token: its name and role, or the email and role of the person it acts as.
#[derive(sqlx::FromRow)]
pub struct LiveToken {
    pub name: String,
    pub role: String,
    pub user_email: Option<String>,
}

/// The token, if it exists, was not revoked, and acts for nobody or for someone not disabled.
pub async fn find(conn: &mut Conn, token_hash: &str) -> Result<Option<LiveToken>> {
    Ok(sqlx::query_as(
        "SELECT t.name, COALESCE(u.role, t.role) AS role, u.email AS user_email \
         FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL \
           AND (t.user_id IS NULL OR (u.id IS NOT NULL AND u.disabled_at IS NULL))",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}
