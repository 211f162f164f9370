//! Throwaway databases for tests and benchmarks: a SQLite file in a temporary directory, or a
//! new database on a PostgreSQL server.

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::{Connection, Executor};

use crate::{Backend, Result};

/// A fresh, empty database. The SQLite file lives as long as this value.
pub struct Scratch {
    pub url: String,
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
}

/// Makes an empty database. `server` is `None` for SQLite, or the URL of a PostgreSQL database
/// whose server may create databases.
pub async fn create(server: Option<&str>) -> Result<Scratch> {
    match server {
        None => {
            let dir = tempfile::tempdir()
                .map_err(|e| crate::Error::Corrupt(format!("temporary directory: {e}")))?;
            let url = format!("sqlite://{}", dir.path().join("shop.db").display());
            Ok(Scratch {
                url,
                backend: Backend::Sqlite,
                _dir: Some(dir),
            })
        }
        Some(server) => {
            static COUNTER: AtomicU64 = AtomicU64::new(0);
            let name = format!(
                "shopdesk_t_{}_{}_{}",
                std::process::id(),
                jiff::Timestamp::now().as_microsecond(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            sqlx::any::install_default_drivers();
            let mut admin = sqlx::AnyConnection::connect(server).await?;
            admin
                .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await?;
            admin.close().await?;
            let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
            Ok(Scratch {
                url: format!("{base}/{name}"),
                backend: Backend::Postgres,
                _dir: None,
            })
        }
    }
}
