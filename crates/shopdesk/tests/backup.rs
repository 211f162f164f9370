//! Backups with the real binary: a copy taken while the shop serves holds the orders still in
//! the write-ahead log; a restore refuses to overwrite a database unasked or one a shop has
//! open, and after it order numbers jump past every number handed out since the backup.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const BINARY: &str = env!("CARGO_BIN_EXE_shopdesk");

/// `restore`'s and `skip-numbers`' default gap, as the README tells the shop.
const GAP: i64 = 10_000;

fn shopdesk(url: &str, args: &[&str]) -> Output {
    Command::new(BINARY)
        .arg("--database-url")
        .arg(url)
        .args(args)
        .env_remove("SHOPDESK_SQLITE_SYNCHRONOUS")
        .output()
        .expect("the shopdesk binary runs")
}

fn succeeds(url: &str, args: &[&str]) -> String {
    let out = shopdesk(url, args);
    assert!(
        out.status.success(),
        "shopdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What shopdesk says when it refuses.
fn refuses(url: &str, args: &[&str]) -> String {
    let out = shopdesk(url, args);
    assert!(!out.status.success(), "shopdesk {args:?} should refuse");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `shopdesk serve` on a free port, stopped when dropped.
struct Served {
    process: Child,
    base: String,
    token: String,
    client: reqwest::Client,
}

impl Served {
    async fn start(url: &str, token: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let listen = format!("127.0.0.1:{port}");
        let process = Command::new(BINARY)
            .args([
                "--database-url",
                url,
                "serve",
                "--no-worker",
                "--listen",
                &listen,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("shopdesk serve starts");
        let served = Self {
            process,
            base: format!("http://{listen}"),
            token: token.to_owned(),
            client: reqwest::Client::new(),
        };
        let started = Instant::now();
        loop {
            let ready = served
                .client
                .get(format!("{}/readyz", served.base))
                .send()
                .await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return served;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "serve is not ready"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let response = self
            .client
            .request(method, format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {answer}");
        answer
    }

    /// A warehouse with socks in stock.
    async fn stock(&self) {
        let post = reqwest::Method::POST;
        self.send(
            post.clone(),
            "/locations",
            json!({"code": "WH1", "name": "Warehouse", "kind": "warehouse", "city": "Oslo"}),
        )
        .await;
        self.send(
            post,
            "/products",
            json!({"title": "Wool socks", "description": "Warm socks.", "category": "socks",
                   "variants": [{"sku": "SOCK-M", "price_minor": 1990}]}),
        )
        .await;
        self.send(
            reqwest::Method::PUT,
            "/stock/SOCK-M/WH1",
            json!({"on_hand": 1000, "bin": "A-01"}),
        )
        .await;
    }

    async fn place(&self) -> i64 {
        let order = json!({
            "channel": "api",
            "customer": {"name": "Anna Berg", "phone": "912 34 567"},
            "delivery": {"method": "store_pickup"},
            "payment_mode": "on_delivery",
            "lines": [{"sku": "SOCK-M", "quantity": 1}]
        });
        let placed = self.send(reqwest::Method::POST, "/orders", order).await;
        placed["number"].as_i64().expect("a number")
    }

    async fn numbers(&self) -> Vec<i64> {
        let orders = self
            .send(reqwest::Method::GET, "/orders?limit=500", Value::Null)
            .await;
        let mut numbers: Vec<i64> = orders
            .as_array()
            .expect("a list")
            .iter()
            .map(|o| o["number"].as_i64().expect("a number"))
            .collect();
        numbers.sort_unstable();
        numbers
    }

    fn stop(mut self) {
        self.process.kill().expect("stop serve");
        self.process.wait().expect("serve stopped");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn owner_token(url: &str) -> String {
    let printed = succeeds(url, &["token", "create", "--role", "owner"]);
    printed
        .split_whitespace()
        .last()
        .expect("a token")
        .to_owned()
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_and_no_order_number_comes_again() {
    integrations::install_tls();
    let dir = tempfile::tempdir().expect("a folder");
    let database = dir.path().join("shop.db");
    let url = format!("sqlite://{}", database.display());
    let token = owner_token(&url);
    let shop = Served::start(&url, &token).await;
    shop.stock().await;
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
    shop.stop();

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
    shop.stop();
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

#[tokio::test]
async fn on_postgresql_backups_are_pg_dumps_and_numbers_skip_after_pg_restore() {
    let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") else {
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
    shop.stock().await;
    let placed = [shop.place().await, shop.place().await];
    shop.stop();
    // As after a pg_restore: the numbers move on past the highest order.
    let skipped = succeeds(&db.url, &["skip-numbers"]);
    let expected_next = placed[1] + GAP;
    assert!(
        skipped.contains(&format!("The next order is number {expected_next}.")),
        "{skipped}"
    );
    let shop = Served::start(&db.url, &token).await;
    assert_eq!(shop.place().await, expected_next);
    shop.stop();
}
