//! The keys of providers and carriers, by name; a listing never carries a value.

use sqlx::FromRow;

use crate::{Conn, Result};

/// That a key is set, and by whom when, without the key.
#[derive(Debug, Clone, FromRow)]
pub struct SecretRow {
    pub name: String,
    pub updated_at: i64,
    pub updated_by: String,
}

pub async fn put(conn: &mut Conn, name: &str, value: &str, at: i64, by: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO secrets (name, value, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(name)
    .bind(value)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn value(conn: &mut Conn, name: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_optional(conn)
            .await?,
    )
}

/// Whether a key was there to remove.
pub async fn remove(conn: &mut Conn, name: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM secrets WHERE name = $1")
        .bind(name)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn listed(conn: &mut Conn) -> Result<Vec<SecretRow>> {
    Ok(
        sqlx::query_as("SELECT name, updated_at, updated_by FROM secrets ORDER BY name")
            .fetch_all(conn)
            .await?,
    )
}
