//! Backing up and restoring a SQLite shop. A backup is written by SQLite itself (`VACUUM INTO`)
//! from one snapshot, while the shop goes on serving: a copy of the file would miss the orders
//! still in the write-ahead log. A restore puts a backup in place of the database, brings its
//! schema up to date, and makes order and message numbers jump past any handed out since the
//! backup was made, so that no customer's number comes again.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use sqlx::sqlite::{SqliteConnectOptions, SqliteLockingMode};
use sqlx::{ConnectOptions, Connection};

/// Numbers skipped after the highest in a restored database: more orders than a shop takes
/// between a nightly backup and a restore.
pub const DEFAULT_GAP: i64 = 10_000;

const POSTGRES_BACKUP: &str = "shopdesk backup copies a SQLite database. On PostgreSQL, back up \
    with pg_dump, for example: pg_dump --format=custom --file=shop.dump \"$SHOPDESK_DATABASE_URL\"";

const POSTGRES_RESTORE: &str = "shopdesk restore puts back a SQLite backup. On PostgreSQL, \
    restore a pg_dump with pg_restore, for example: pg_restore --clean --if-exists --no-owner \
    --dbname \"$SHOPDESK_DATABASE_URL\" shop.dump; then run shopdesk skip-numbers so that no \
    order number handed out since the dump is handed out again";

/// The database file behind a `sqlite:` URL; `None` for PostgreSQL.
fn sqlite_file(url: &str) -> anyhow::Result<Option<PathBuf>> {
    if store::Backend::of_url(url) == store::Backend::Postgres {
        return Ok(None);
    }
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("'{url}' is not a database URL"))?;
    Ok(Some(options.get_filename().to_path_buf()))
}

/// Writes a consistent copy of the shop's database to `file`, which must not exist yet.
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<()> {
    let Some(database) = sqlite_file(url)? else {
        bail!(POSTGRES_BACKUP);
    };
    if !database.exists() {
        bail!("there is no database at {}", database.display());
    }
    if file.exists() {
        bail!(
            "{} already exists; back up to a new file, so that no backup is overwritten",
            file.display()
        );
    }
    let store = store::Store::connect(url)
        .await
        .with_context(|| format!("cannot open the database at {url}"))?;
    store
        .backup_into(&file.to_string_lossy())
        .await
        .with_context(|| format!("cannot write the backup to {}", file.display()))?;
    store.close().await;
    println!("Backed up {} to {}.", database.display(), file.display());
    Ok(())
}

/// Puts the backup `file` in place of the shop's database. An existing database is replaced
/// only with `force`, and never while a shop has it open.
pub async fn restore(
    shop_database: &crate::Database,
    file: &Path,
    force: bool,
    gap: i64,
) -> anyhow::Result<()> {
    let Some(database) = sqlite_file(&shop_database.url)? else {
        bail!(POSTGRES_RESTORE);
    };
    check_backup(file).await?;
    if database.exists() {
        if !force {
            bail!(
                "there is already a database at {}; to replace it with the backup, stop the \
                 shop and run the restore again with --force",
                database.display()
            );
        }
        ensure_closed(&database).await?;
    }
    replace(&database, file)?;
    let store = crate::migrated(shop_database).await?;
    let next = skip_numbers(&store, gap).await?;
    store.close().await;
    println!(
        "Restored {} from {}. The next order is number {next}.",
        database.display(),
        file.display()
    );
    Ok(())
}

/// Makes order and message numbers jump `gap` past the highest ones; answers the next order's.
pub async fn skip_numbers(store: &store::Store, gap: i64) -> anyhow::Result<i64> {
    store::numbers::skip(store, gap)
        .await
        .context("cannot move the order numbers on")
}

/// A backup is a whole, undamaged shopdesk database.
async fn check_backup(file: &Path) -> anyhow::Result<()> {
    let unusable = || format!("{} is not a shopdesk backup", file.display());
    if !file.is_file() {
        bail!("there is no backup at {}", file.display());
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .with_context(unusable)?;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .with_context(unusable)?;
    let migrated: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .with_context(unusable)?;
    conn.close().await.with_context(unusable)?;
    if check != "ok" || migrated == 0 {
        bail!("{} is damaged: {check}", file.display());
    }
    Ok(())
}

/// Refuses to go on while any process has the database open: each connection of a shop in
/// WAL mode holds a lock on it for as long as it is open, idle or not.
async fn ensure_closed(database: &Path) -> anyhow::Result<()> {
    let open = || {
        format!(
            "the database at {} is in use; stop the shop (serve and worker) before restoring",
            database.display()
        )
    };
    let mut conn = SqliteConnectOptions::new()
        .filename(database)
        .locking_mode(SqliteLockingMode::Exclusive)
        .busy_timeout(std::time::Duration::ZERO)
        .connect()
        .await
        .with_context(open)?;
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut conn)
        .await
        .with_context(open)?;
    sqlx::query("COMMIT").execute(&mut conn).await?;
    conn.close().await?;
    Ok(())
}

/// Copies `backup` beside `database` and renames it into place, so that a crash halfway leaves
/// either database whole; the old write-ahead log goes, as it belongs to the old file.
fn replace(database: &Path, backup: &Path) -> anyhow::Result<()> {
    let name = database
        .file_name()
        .context("the database URL names no file")?
        .to_string_lossy()
        .into_owned();
    let sibling = |suffix: &str| database.with_file_name(format!("{name}{suffix}"));
    let incoming = sibling(".restoring");
    std::fs::copy(backup, &incoming)
        .and_then(|_| std::fs::File::open(&incoming)?.sync_all())
        .with_context(|| format!("cannot copy the backup to {}", incoming.display()))?;
    for stale in [sibling("-wal"), sibling("-shm")] {
        match std::fs::remove_file(&stale) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                return Err(err).with_context(|| format!("cannot remove {}", stale.display()));
            }
            _ => {}
        }
    }
    std::fs::rename(&incoming, database)
        .with_context(|| format!("cannot move the backup to {}", database.display()))?;
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot sync {}", folder.display()))?;
    }
    Ok(())
}
