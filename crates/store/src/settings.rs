//! Shop settings, stored as one JSON document per key so that every instance reads the same,
//! and the record of every change made to them.

use sqlx::FromRow;

use crate::{Conn, Result};

pub async fn get(conn: &mut Conn, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}

/// The document under `key`, locked until the transaction ends so that two changes made at
/// once both count; `{}` when nothing was stored yet.
pub async fn get_for_update(conn: &mut Conn, key: &str) -> Result<String> {
    Ok(sqlx::query_scalar(
        "INSERT INTO settings (key, value) VALUES ($1, '{}') \
         ON CONFLICT (key) DO UPDATE SET value = settings.value RETURNING value",
    )
    .bind(key)
    .fetch_one(conn)
    .await?)
}

pub async fn put(conn: &mut Conn, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(conn)
        .await?;
    Ok(())
}

/// One setting changed: who, when, which, and its JSON before and after.
#[derive(Debug, Clone, FromRow)]
pub struct ChangeRow {
    pub changed_at: i64,
    pub actor: String,
    pub setting: String,
    pub old_value: String,
    pub new_value: String,
}

pub async fn record_change(conn: &mut Conn, change: &ChangeRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings_changes (changed_at, actor, setting, old_value, new_value) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(change.changed_at)
    .bind(&change.actor)
    .bind(&change.setting)
    .bind(&change.old_value)
    .bind(&change.new_value)
    .execute(conn)
    .await?;
    Ok(())
}

/// The changes, newest first.
pub async fn changes(conn: &mut Conn, limit: i64, offset: i64) -> Result<Vec<ChangeRow>> {
    Ok(sqlx::query_as(
        "SELECT changed_at, actor, setting, old_value, new_value FROM settings_changes \
         ORDER BY id DESC LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?)
}
