use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Executor, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::Result;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The database a URL names: `sqlite:...` or else PostgreSQL.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("sqlite:") {
            Self::Sqlite
        } else {
            Self::Postgres
        }
    }
}

/// How far SQLite goes to keep a commit through a power cut (its `synchronous` pragma).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Synchronous {
    /// Every commit is on disk before it is acknowledged, so an order the shop confirmed
    /// survives a power cut.
    #[default]
    Full,
    /// Faster writes; the last commits before a power cut (not a crash of the process) may be
    /// lost.
    Normal,
}

impl std::str::FromStr for Synchronous {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "full" => Ok(Self::Full),
            "normal" => Ok(Self::Normal),
            other => Err(format!("'{other}' is not full or normal")),
        }
    }
}

/// Whether the schema is the one this build of shopdesk expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    Current,
    /// Migrations of this build are not applied yet.
    Behind,
    /// The database was migrated by a newer build.
    Ahead,
}

/// The database behind the shop, cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time. Queuing writers here, in order, is much faster than
    /// letting them poll SQLite's busy handler; other processes still wait on `busy_timeout`.
    sqlite_writer: Option<Arc<Mutex<()>>>,
}

/// A write transaction. On SQLite it holds the write lock from its first statement
/// (`BEGIN IMMEDIATE`), so a read-then-write never fails on a stale snapshot.
pub struct WriteTx {
    tx: Transaction<'static, sqlx::Any>,
    backend: Backend,
    _writer: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Makes write transactions that name one of the same `subjects` run one after another
    /// until they end, so a limit counted and then added to holds exactly however many requests
    /// race for it. SQLite runs one write transaction at a time already; PostgreSQL takes a
    /// transaction-scoped advisory lock per subject, in one order, so two never wait on each other.
    pub async fn serialise(&mut self, subjects: &[&str]) -> Result<()> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        let mut subjects = subjects.to_vec();
        subjects.sort_unstable();
        subjects.dedup();
        for subject in subjects {
            // Wrapped so the answer is a number: the Any driver cannot read PostgreSQL's `void`.
            sqlx::query(
                "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS held",
            )
                .bind(subject)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Connects to `url` (`sqlite://path` or `postgres://...`). A SQLite file is created if it
    /// is missing and put in WAL mode with foreign keys on, every commit synced to disk.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with(url, Synchronous::default()).await
    }

    /// [`Store::connect`], with SQLite syncing commits as `synchronous` says.
    pub async fn connect_with(url: &str, synchronous: Synchronous) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(move |conn, _meta| {
                        Box::pin(async move {
                            let synchronous = match synchronous {
                                Synchronous::Full => "FULL",
                                Synchronous::Normal => "NORMAL",
                            };
                            conn.execute(sqlx::AssertSqlSafe(format!(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
                            )))
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?
            }
        };
        Ok(Self {
            pool,
            backend,
            sqlite_writer: (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(()))),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Brings the schema up to date, then fills in what a migration cannot compute (the
    /// search text of products, orders and customers, folded by Rust). Safe to run from several instances at once:
    /// PostgreSQL migrations take an advisory lock, and the fill writes the same values twice.
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        crate::search::fill(self).await?;
        Ok(())
    }

    /// Whether every migration of this build is applied, and no other.
    pub async fn schema(&self) -> Result<Schema> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        let applied: std::collections::BTreeSet<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .collect();
        let known: std::collections::BTreeSet<i64> = migrator
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .map(|m| m.version)
            .collect();
        Ok(if !known.is_subset(&applied) {
            Schema::Behind
        } else if applied.len() > known.len() {
            Schema::Ahead
        } else {
            Schema::Current
        })
    }

    /// Writes a consistent copy of a SQLite database to the new file `path` while others go on
    /// reading and writing: one snapshot, including the commits still in the write-ahead log.
    /// The file is on disk when this returns (SQLite does not sync what `VACUUM INTO` writes).
    pub async fn backup_into(&self, path: &str) -> Result<()> {
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        std::fs::File::open(path)
            .and_then(|f| f.sync_all())
            .map_err(crate::Error::file(path))
    }

    /// A pooled connection for reads.
    pub async fn read(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn begin_write(&self) -> Result<WriteTx> {
        let writer = match &self.sqlite_writer {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        };
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx {
            tx,
            backend: self.backend,
            _writer: writer,
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
