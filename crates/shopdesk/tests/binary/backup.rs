//! Backups with the real binary: a copy taken while the shop serves holds the orders still in
//! the write-ahead log; a restore refuses to overwrite a database unasked or one a shop has
//! open, and after it order numbers jump past every number handed out since the backup.

use std::path::Path;

use crate::support::{GAP, Served, owner_token, refuses, succeeds};

#[tokio::test]
async fn a_backup_taken_while_serving_restores_and_no_order_number_comes_again() {
    integrations::install_tls();
    let dir = tempfile::tempdir().expect("a folder");
    let database = dir.path().join("shop.db");
    let url = format!("sqlite://{}", database.display());
    let token = owner_token(&url);
    let shop = Served::start(&url, &token).await;
    shop.stock(&["SOCK-M"], 1000).await;
    let mut before = Vec::new();
    for _ in 0..3 {
        before.push(shop.place().await);
    }
    let wal = database.with_file_name("shop.db-wal");
    assert!(
        std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0),
        "the orders are still in the write-ahead log, where a copy of the file misses them"
    );

    let backup = dir.path().join("backup.db");
    let backup_arg = backup.to_str().expect("a path");
    succeeds(&url, &["backup", backup_arg]);
    let refused = refuses(&url, &["backup", backup_arg]);
    assert!(refused.contains("already exists"), "{refused}");

    let mut after = Vec::new();
    for _ in 0..2 {
        after.push(shop.place().await);
    }
    let refused = refuses(&url, &["restore", backup_arg]);
    assert!(refused.contains("--force"), "{refused}");
    let refused = refuses(&url, &["restore", backup_arg, "--force"]);
    assert!(refused.contains("in use"), "{refused}");
    assert_eq!(
        shop.numbers().await.len(),
        5,
        "a refused restore changes nothing"
    );
    shop.kill();

    let restored = succeeds(&url, &["restore", backup_arg, "--force"]);
    let expected_next = before[2] + GAP;
    assert!(
        restored.contains(&format!("The next order is number {expected_next}.")),
        "{restored}"
    );
    let shop = Served::start(&url, &token).await;
    assert_eq!(
        shop.numbers().await,
        before,
        "the backup's orders, and only those"
    );
    let next = shop.place().await;
    assert_eq!(next, expected_next);
    assert!(next > after[1], "{next} was handed out before the restore");
    shop.kill();
}

#[tokio::test]
async fn restore_refuses_what_is_not_a_backup() {
    let dir = tempfile::tempdir().expect("a folder");
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let missing = dir.path().join("missing.db");
    let refused = refuses(&url, &["restore", missing.to_str().expect("a path")]);
    assert!(refused.contains("no backup"), "{refused}");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database").expect("a file");
    let refused = refuses(&url, &["restore", text.to_str().expect("a path")]);
    assert!(refused.contains("not a shopdesk backup"), "{refused}");
    assert!(!Path::new(&dir.path().join("shop.db")).exists());
}

/// The PostgreSQL backup and restore the README gives, run as written: `pg_dump` of a shop
/// with orders, `pg_restore` into a fresh database, `shopdesk skip-numbers`; the restored shop
/// serves the same orders and hands out no number it had handed out before.
#[tokio::test]
async fn on_postgresql_a_pg_dump_restores_with_the_same_orders_and_numbers_skip_ahead() {
    let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") else {
        eprintln!("skipped: set SHOPDESK_TEST_DATABASE_URL to restore a dump on PostgreSQL");
        return;
    };
    integrations::install_tls();
    let db = store::scratch::create(Some(&server))
        .await
        .expect("a scratch database");
    let refused = refuses(&db.url, &["backup", "shop.dump"]);
    assert!(refused.contains("pg_dump"), "{refused}");
    let refused = refuses(&db.url, &["restore", "shop.dump"]);
    assert!(refused.contains("pg_restore"), "{refused}");
    assert!(!Path::new("shop.dump").exists());

    let token = owner_token(&db.url);
    let shop = Served::start(&db.url, &token).await;
    shop.stock(&["SOCK-M"], 1000).await;
    let mut placed = Vec::new();
    for _ in 0..3 {
        placed.push(shop.place().await);
    }
    // Taken while the shop serves: pg_dump reads one snapshot.
    let dir = tempfile::tempdir().expect("a folder");
    let dump = dir.path().join("shop.dump");
    let dump_arg = dump.to_str().expect("a path");
    run(
        "pg_dump",
        &["--format=custom", &format!("--file={dump_arg}"), &db.url],
    );
    let after_dump = shop.place().await;
    shop.kill();

    let fresh = store::scratch::create(Some(&server))
        .await
        .expect("a scratch database");
    run(
        "pg_restore",
        &[
            "--clean",
            "--if-exists",
            "--no-owner",
            "--dbname",
            &fresh.url,
            dump_arg,
        ],
    );
    let skipped = succeeds(&fresh.url, &["skip-numbers"]);
    let expected_next = placed[2] + GAP;
    assert!(
        skipped.contains(&format!("The next order is number {expected_next}.")),
        "{skipped}"
    );
    let restored = Served::start(&fresh.url, &token).await;
    assert_eq!(
        restored.numbers().await,
        placed,
        "the dump's orders, and only those"
    );
    let next = restored.place().await;
    assert_eq!(next, expected_next);
    assert!(
        next > after_dump,
        "{next} was handed out before the restore"
    );
    restored.kill();
}

/// Runs one of PostgreSQL's client tools, insisting it succeeds.
fn run(tool: &str, args: &[&str]) {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
