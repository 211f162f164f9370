//! Persistence for shopdesk: one set of queries, run through `sqlx::any` on SQLite or PostgreSQL.
//!
//! Queries use `$1`-style placeholders, which both databases read. The DDL differs only where
//! the dialects do (identity columns), in `migrations/sqlite` and `migrations/postgres`; a test
//! keeps the two schemas in step. Every function takes a connection, so the app layer decides
//! what shares a transaction.

pub mod after_sale;
pub mod backoffice;
pub mod backups;
pub mod catalog;
pub mod customers;
mod db;
pub mod fulfilment;
pub mod jobs;
pub mod messaging;
pub mod numbers;
pub mod orders;
pub mod reviews;
pub mod scratch;
pub mod search;
pub mod secrets;
pub mod settings;
pub mod storefront;
pub mod support;
pub mod webhooks;

pub use db::{Backend, Schema, Store, Synchronous, WriteTx};
pub use sqlx::AnyConnection as Conn;

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A unique constraint refused the row; the name is the constraint's column, where known.
    #[error("a row with this {0} already exists")]
    Duplicate(&'static str),
    /// Another writer changed the row first; reload and decide again.
    #[error("the row changed while it was being updated")]
    Stale,
    /// A stored value could not be read back; the database was edited by hand or is damaged.
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A file beside the database (a backup) could not be written or read.
    #[error("{path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
}

impl Error {
    /// Names the file an I/O error was about.
    pub(crate) fn file(path: impl AsRef<std::path::Path>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.as_ref().display().to_string();
        move |source| Self::File { path, source }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps a unique violation to [`Error::Duplicate`] naming `what`, passing other errors through.
pub(crate) fn duplicate_as(what: &'static str) -> impl FnOnce(sqlx::Error) -> Error {
    move |err| match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::Duplicate(what),
        _ => Error::Database(err),
    }
}

/// `($1, $2), ($3, $4)` for `rows` rows of `columns` values: the VALUES of a multi-row insert,
/// which both databases read. (sqlx's own builder writes `?` through `Any`, which PostgreSQL
/// does not take.)
pub(crate) fn values_list(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let params: Vec<String> = (1..=columns)
                .map(|col| format!("${}", row * columns + col))
                .collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `$1, $2, ...` for a list of `n` values bound one by one.
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A LIKE pattern that finds the words anywhere, lowercased by Rust (whatever the alphabet), with
/// LIKE's wildcards taken literally: "100%" finds "100%", "a_b" finds "a_b", not everything.
/// The query says `LIKE $n ESCAPE '\\'` on both databases.
pub fn contains_pattern(words: &str) -> String {
    let mut pattern = String::with_capacity(words.len() + 2);
    pattern.push('%');
    for c in words.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Stored times are milliseconds since the Unix epoch, UTC.
pub fn to_millis(at: jiff::Timestamp) -> i64 {
    at.as_millisecond()
}

pub fn from_millis(ms: i64) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_millisecond(ms).map_err(|e| Error::Corrupt(format!("time {ms}: {e}")))
}
