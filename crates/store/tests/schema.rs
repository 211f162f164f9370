//! The two migration folders describe one schema.

use std::collections::BTreeMap;

use store::{Backend, Store, Synchronous, scratch};

type Columns = BTreeMap<String, Vec<String>>;

async fn columns(store: &Store) -> Columns {
    let query = match store.backend() {
        Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' ORDER BY m.name, p.name"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' ORDER BY 1, 2"
        }
    };
    let rows: Vec<(String, String)> = sqlx::query_as(query)
        .fetch_all(store.pool())
        .await
        .expect("schema query");
    let mut tables = Columns::new();
    for (table, column) in rows {
        tables.entry(table).or_default().push(column);
    }
    tables
}

fn migration_names(backend: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("migrations folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn both_backends_have_the_same_migrations() {
    assert_eq!(migration_names("sqlite"), migration_names("postgres"));
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") else {
        // Without PostgreSQL there is nothing to compare with; CI always sets it.
        return;
    };
    let sqlite_db = scratch::create(None).await.expect("sqlite");
    let pg_db = scratch::create(Some(&server)).await.expect("postgres");
    let sqlite = Store::connect(&sqlite_db.url)
        .await
        .expect("connect sqlite");
    let pg = Store::connect(&pg_db.url).await.expect("connect postgres");
    sqlite.migrate().await.expect("migrate sqlite");
    pg.migrate().await.expect("migrate postgres");
    let (a, b) = (columns(&sqlite).await, columns(&pg).await);
    assert!(a.contains_key("orders"), "{a:?}");
    assert_eq!(a, b);
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    let db = scratch::create(None).await.expect("sqlite");
    let store = Store::connect(&db.url).await.expect("connect");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!((mode.as_str(), fk), ("wal", 1));
}

#[tokio::test]
async fn sqlite_puts_every_commit_on_disk_unless_told_to_go_faster() {
    let db = scratch::create(None).await.expect("sqlite");
    let synchronous = |store: Store| async move {
        let level: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(store.pool())
            .await
            .expect("pragma");
        store.close().await;
        level
    };
    // SQLite's levels: 1 NORMAL, 2 FULL.
    let default = Store::connect(&db.url).await.expect("connect");
    assert_eq!(synchronous(default).await, 2);
    let normal = Store::connect_with(&db.url, Synchronous::Normal)
        .await
        .expect("connect");
    assert_eq!(synchronous(normal).await, 1);
    assert_eq!("Normal".parse(), Ok(Synchronous::Normal));
    assert!("off".parse::<Synchronous>().is_err());
}
