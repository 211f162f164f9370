//! Categories with a name per language, an order and a parent, and the words of options
//! (`colour`, `Navy`) in each language.

use sqlx::FromRow;

use crate::{Conn, Result, duplicate_as};

#[derive(Debug, Clone, FromRow)]
pub struct CategoryRow {
    pub id: i64,
    pub code: String,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub name: String,
    /// JSON object of locale to name.
    pub names: String,
    pub archived_at: Option<i64>,
}

const COLUMNS: &str = "id, code, parent_id, position, name, names, archived_at";

pub struct CategoryFields<'a> {
    pub parent_id: Option<i64>,
    pub position: i64,
    pub name: &'a str,
    pub names: &'a str,
}

/// Every category, archived ones too, in the owner's order.
pub async fn all(conn: &mut Conn) -> Result<Vec<CategoryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM categories ORDER BY position, name, id"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<CategoryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM categories WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn by_code(conn: &mut Conn, code: &str) -> Result<Option<CategoryRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM categories WHERE code = $1"
    )))
    .bind(code)
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(
    conn: &mut Conn,
    code: &str,
    fields: &CategoryFields<'_>,
    now_ms: i64,
) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO categories (code, parent_id, position, name, names, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(code)
    .bind(fields.parent_id)
    .bind(fields.position)
    .bind(fields.name)
    .bind(fields.names)
    .bind(now_ms)
    .fetch_one(conn)
    .await
    .map_err(duplicate_as("code"))
}

/// False when there is no such category.
pub async fn update(conn: &mut Conn, id: i64, fields: &CategoryFields<'_>) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE categories SET parent_id = $1, position = $2, name = $3, names = $4 WHERE id = $5",
    )
    .bind(fields.parent_id)
    .bind(fields.position)
    .bind(fields.name)
    .bind(fields.names)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_archived(conn: &mut Conn, id: i64, archived_at: Option<i64>) -> Result<bool> {
    let done = sqlx::query("UPDATE categories SET archived_at = $1 WHERE id = $2")
        .bind(archived_at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every translation of option words, as `(word, locale, text)`.
pub async fn option_words(conn: &mut Conn) -> Result<Vec<(String, String, String)>> {
    Ok(
        sqlx::query_as("SELECT word, locale, text FROM option_words ORDER BY word, locale")
            .fetch_all(conn)
            .await?,
    )
}

/// Sets a word's translation into one language; an empty text removes it.
pub async fn put_option_word(conn: &mut Conn, word: &str, locale: &str, text: &str) -> Result<()> {
    sqlx::query("DELETE FROM option_words WHERE word = $1 AND locale = $2")
        .bind(word)
        .bind(locale)
        .execute(&mut *conn)
        .await?;
    if !text.is_empty() {
        sqlx::query("INSERT INTO option_words (word, locale, text) VALUES ($1, $2, $3)")
            .bind(word)
            .bind(locale)
            .bind(text)
            .execute(conn)
            .await?;
    }
    Ok(())
}
