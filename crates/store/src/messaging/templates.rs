//! The shop's own versions of message templates (AF-6).

use sqlx::FromRow;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct TemplateRow {
    pub key: String,
    pub channel: String,
    pub locale: String,
    pub subject: Option<String>,
    pub body: String,
    pub updated_at: i64,
}

pub async fn get(
    conn: &mut Conn,
    key: &str,
    channel: &str,
    locale: &str,
) -> Result<Option<TemplateRow>> {
    Ok(sqlx::query_as(
        "SELECT key, channel, locale, subject, body, updated_at FROM templates WHERE key = $1 AND channel = $2 AND locale = $3",
    )
    .bind(key)
    .bind(channel)
    .bind(locale)
    .fetch_optional(conn)
    .await?)
}

pub async fn all(conn: &mut Conn) -> Result<Vec<TemplateRow>> {
    Ok(sqlx::query_as("SELECT key, channel, locale, subject, body, updated_at FROM templates ORDER BY key, channel, locale")
        .fetch_all(conn)
        .await?)
}

pub async fn put(conn: &mut Conn, template: &TemplateRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO templates (key, channel, locale, subject, body, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (key, channel, locale) DO UPDATE SET subject = excluded.subject, body = excluded.body, \
         updated_at = excluded.updated_at",
    )
    .bind(&template.key)
    .bind(&template.channel)
    .bind(&template.locale)
    .bind(&template.subject)
    .bind(&template.body)
    .bind(template.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}
