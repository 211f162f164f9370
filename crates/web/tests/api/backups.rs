//! The nightly backup of a SQLite shop, as the owner sets it: at the hour in the shop's time
//! zone the worker writes a copy that opens with the same orders, once however many workers
//! run, and keeps only the newest copies. On PostgreSQL the setting is refused, naming the
//! field and pg_dump.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{on_each_backend, order_body};

/// The dated copies in the folder, oldest first.
fn copies(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| {
                    e.expect("an entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn a_nightly_backup_opens_with_the_same_orders_and_only_the_newest_are_kept() {
    on_each_backend(|app| async move {
        let dir = tempfile::tempdir().expect("a folder");
        let folder = dir.path().join("nightly");
        let setting =
            json!({"backups": {"folder": folder.display().to_string(), "hour": 2, "keep": 2}});
        if app.shop.store().backend() == store::Backend::Postgres {
            let (status, body) = app.put("/settings", setting).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(body["error"]["field"], "backups.folder");
            assert_eq!(body["error"]["code"], "backups_sqlite_only");
            assert!(
                body["error"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("pg_dump"))
            );
            assert_eq!(app.get_ok("/settings").await["backups"]["folder"], "");
            return;
        }
        app.seed_catalog().await;
        let placed = [
            app.place(order_body()).await.0,
            app.place(order_body()).await.0,
        ];

        let relative = json!({"backups": {"folder": "backups"}});
        let (status, body) = app.put("/settings", relative).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["field"], "backups.folder");
        let (status, body) = app.put("/settings", setting).await;
        assert_eq!(status, StatusCode::OK, "{body}");

        // 01:30 in Oslo: not yet.
        app.clock
            .set("2026-03-03T00:30:00Z".parse().expect("a time"));
        app.run_jobs().await;
        assert!(copies(&folder).is_empty(), "{:?}", copies(&folder));

        // 02:30 in Oslo, with two workers at once: one copy.
        app.clock
            .set("2026-03-03T01:30:00Z".parse().expect("a time"));
        let (a, b) = tokio::join!(
            app.shop.run_due_jobs("worker-a", 100),
            app.shop.run_due_jobs("worker-b", 100)
        );
        a.expect("jobs run");
        b.expect("jobs run");
        assert_eq!(copies(&folder), ["shopdesk-2026-03-03.db"]);
        let runs = app.get_ok("/jobs?state=done").await;
        let backups = runs
            .as_array()
            .expect("jobs")
            .iter()
            .filter(|j| j["kind"] == "nightly_backup")
            .count();
        assert_eq!(backups, 1, "{runs}");

        let copy = folder.join("shopdesk-2026-03-03.db");
        let restored = store::Store::connect(&format!("sqlite://{}", copy.display()))
            .await
            .expect("the backup opens");
        let mut conn = restored.read().await.expect("a connection");
        let numbers: Vec<i64> = sqlx::query_scalar("SELECT id FROM orders ORDER BY id")
            .fetch_all(&mut *conn)
            .await
            .expect("orders");
        assert_eq!(numbers, placed, "the backup holds the shop's orders");
        drop(conn);
        restored.close().await;

        // Three more nights (N + 2 in all, keeping N = 2): the two newest remain.
        for night in ["2026-03-04", "2026-03-05", "2026-03-06"] {
            app.clock
                .set(format!("{night}T01:30:00Z").parse().expect("a time"));
            app.run_jobs().await;
        }
        assert_eq!(
            copies(&folder),
            ["shopdesk-2026-03-05.db", "shopdesk-2026-03-06.db"]
        );
    })
    .await;
}
