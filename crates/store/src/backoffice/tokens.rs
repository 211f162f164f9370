//! API tokens. Only a hash of each token is stored; the token itself is shown once.

use crate::{Conn, Result};

pub async fn insert(
    conn: &mut Conn,
    name: &str,
    role: &str,
    token_hash: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(role)
    .bind(token_hash)
    .bind(now_ms)
    .fetch_one(conn)
    .await?)
}

/// The token's id, name and role, if it exists and was not revoked.
pub async fn find(conn: &mut Conn, token_hash: &str) -> Result<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}
