//! The reliability drills, run against the real binary and bounded to seconds.
//!
//! The crash drill loads a shop with concurrent orders, each with its own `Idempotency-Key`
//! and retried with it after a connection error, as a real client does, and kills the shop
//! with SIGKILL twice during the load. Then every acknowledged order exists once, no SKU is
//! sold beyond its stock, and the SMS gateway got no message twice (IN-1, ST-1).
//!
//! The two-instance drill runs two `serve --no-worker` and one `worker` on one PostgreSQL
//! database: forty buyers at once for five units get exactly five orders with the units; the
//! others are told it is out of stock and asked what they want (ST-1), each message once.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{Gateway, Process, Served, free_address, owner_token};

/// Waits for `done`, failing after a minute: machines are noisy, so the bound is generous.
async fn until(what: &str, done: impl AsyncFn() -> bool) {
    let started = Instant::now();
    while !done().await {
        assert!(started.elapsed() < Duration::from_secs(60), "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Buyer `i`'s order: their own phone, `quantity` of one SKU, picked up at the shop.
fn order(i: usize, sku: &str, quantity: i64) -> Value {
    json!({
        "channel": "api",
        "customer": {"name": format!("Buyer {i}"), "phone": format!("9{:07}", 1_000_000 + i)},
        "delivery": {"method": "store_pickup"},
        "payment_mode": "on_delivery",
        "lines": [{"sku": sku, "quantity": quantity}]
    })
}

/// Posts the order until the shop acknowledges it, again with the same `Idempotency-Key`
/// after a connection error or a server error; answers the order's number.
async fn buy(client: &reqwest::Client, base: &str, token: &str, key: &str, body: &Value) -> i64 {
    let started = Instant::now();
    loop {
        let sent = client
            .post(format!("{base}/api/v1/orders"))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .timeout(Duration::from_secs(30))
            .send()
            .await;
        if let Ok(response) = sent {
            let status = response.status();
            let answer: Option<Value> = response.json().await.ok();
            assert!(!status.is_client_error(), "{key}: {status} {answer:?}");
            if let Some(number) = answer.filter(|_| status.is_success()) {
                return number["number"].as_i64().expect("a number");
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{key} was never acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the database holds after a drill, read as the shop's own tables.
struct Ledger(store::Store);

impl Ledger {
    async fn open(url: &str) -> Self {
        Self(
            store::Store::connect(url)
                .await
                .expect("the database opens"),
        )
    }

    async fn numbers(&self, sql: &str) -> Vec<i64> {
        let mut conn = self.0.read().await.expect("a connection");
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await
            .expect("a query")
    }

    /// Each stock row: on hand, reserved, and the units the live orders' lines hold there.
    async fn stock(&self) -> Vec<(i64, i64, i64)> {
        let mut conn = self.0.read().await.expect("a connection");
        sqlx::query_as(
            "SELECT s.on_hand, s.reserved, \
               (SELECT CAST(COALESCE(SUM(r.quantity), 0) AS BIGINT) FROM reservations r \
                JOIN orders o ON o.id = r.order_id \
                WHERE r.stock_id = s.id AND r.state = 'held' AND o.stage <> 'cancelled') \
             FROM stock s ORDER BY s.id",
        )
        .fetch_all(&mut *conn)
        .await
        .expect("stock")
    }

    /// The SMS messages by id with their state.
    async fn messages(&self) -> BTreeMap<String, String> {
        let mut conn = self.0.read().await.expect("a connection");
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, status FROM messages WHERE channel = 'sms'")
                .fetch_all(&mut *conn)
                .await
                .expect("messages");
        rows.into_iter()
            .map(|(id, status)| (format!("shopdesk-msg-{id}"), status))
            .collect()
    }

    /// Whether every due message job is done, or leased by a killed worker (another worker
    /// takes it once the lease runs out, after longer than a drill lasts).
    async fn messages_settled(&self, killed: &[u32]) -> bool {
        let mut conn = self.0.read().await.expect("a connection");
        let owners: Vec<String> = sqlx::query_scalar(
            "SELECT COALESCE(lease_owner, '') FROM jobs \
             WHERE kind = 'send_message' AND state = 'queued' AND run_at <= $1",
        )
        .bind(jiff::Timestamp::now().as_millisecond())
        .fetch_all(&mut *conn)
        .await
        .expect("jobs");
        owners.iter().all(|owner| {
            killed
                .iter()
                .any(|pid| owner.starts_with(&format!("worker-{pid}-")))
        })
    }

    /// Every order is there once for each acknowledgement, and none besides.
    async fn orders_match(&self, acknowledged: &BTreeMap<usize, i64>) {
        let numbers: BTreeSet<i64> = acknowledged.values().copied().collect();
        assert_eq!(
            numbers.len(),
            acknowledged.len(),
            "two buyers were answered with one order"
        );
        let stored = self.numbers("SELECT id FROM orders ORDER BY id").await;
        assert_eq!(
            stored,
            numbers.into_iter().collect::<Vec<_>>(),
            "the orders are the acknowledged ones, each once"
        );
    }

    /// No stock row is sold beyond what is on hand, and what is reserved is what the live
    /// orders' lines hold. Answers the units reserved in all.
    async fn nothing_oversold(&self) -> i64 {
        let stock = self.stock().await;
        for (on_hand, reserved, held) in &stock {
            assert!(on_hand - reserved >= 0, "oversold: {stock:?}");
            assert_eq!(
                reserved, held,
                "reserved is not what orders hold: {stock:?}"
            );
        }
        stock.iter().map(|(_, reserved, _)| reserved).sum()
    }

    /// The gateway got each message once, by its id and by its text to its phone; each
    /// message the shop recorded as sent is among them, and nothing else is. Answers how
    /// many the gateway got.
    async fn sent_once(&self, gateway: &Gateway) -> usize {
        let received = gateway.received();
        let mut by_key: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_text: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for message in &received {
            *by_key.entry(&message.key).or_default() += 1;
            *by_text.entry((&message.to, &message.text)).or_default() += 1;
        }
        let twice: Vec<_> = by_key.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "sent twice: {twice:?}");
        let twice: Vec<_> = by_text.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "the same text twice: {twice:?}");
        let messages = self.messages().await;
        for (key, status) in &messages {
            if status == "sent" {
                assert!(
                    by_key.contains_key(key.as_str()),
                    "{key} is sent but never arrived"
                );
            }
        }
        for key in by_key.keys() {
            // A kill after the gateway answered and before the shop recorded it leaves the
            // message `sending`, to go again after its lease with the same key.
            let status = messages.get(*key).map(String::as_str);
            assert!(
                matches!(status, Some("sent" | "sending")),
                "{key} arrived as {status:?}"
            );
        }
        received.len()
    }
}

/// Orders in the crash drill: a few hundred at most, so the drill takes seconds.
const ORDERS: usize = 150;
/// Clients sending them at once.
const CLIENTS: usize = 12;
/// Four sizes with ten pairs each: far fewer than the orders ask for.
const SIZES: [&str; 4] = ["SOCK-S", "SOCK-M", "SOCK-L", "SOCK-XL"];

async fn crash_drill(url: &str) {
    let (sms_url, gateway) = Gateway::start().await;
    let token = owner_token(url);
    let listen = free_address();
    // The shop with its worker, restarted on the same address, as a supervisor does.
    let serve = || Served::at(url, &token, &listen, &[], Some(&sms_url));
    let mut shop = serve().await;
    shop.stock(&SIZES, 10).await;
    shop.no_quiet_hours().await;

    let next = Arc::new(AtomicUsize::new(0));
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..CLIENTS {
        let (next, acknowledged) = (next.clone(), acknowledged.clone());
        let (base, token) = (shop.base.clone(), token.clone());
        clients.spawn(async move {
            let client = reqwest::Client::new();
            let mut answered = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= ORDERS {
                    return answered;
                }
                let body = order(i, SIZES[i % SIZES.len()], if i % 3 == 0 { 2 } else { 1 });
                let number = buy(&client, &base, &token, &format!("drill-{i}"), &body).await;
                acknowledged.fetch_add(1, Ordering::Relaxed);
                answered.push((i, number));
            }
        });
    }
    let mut killed = Vec::new();
    for kill_at in [ORDERS / 4, ORDERS / 2] {
        until("the load goes on", async || {
            acknowledged.load(Ordering::Relaxed) >= kill_at
        })
        .await;
        killed.push(shop.pid());
        shop.kill();
        shop = serve().await;
    }
    let mut answers = BTreeMap::new();
    while let Some(answered) = clients.join_next().await {
        answers.extend(answered.expect("a client"));
    }
    assert_eq!(answers.len(), ORDERS, "every order was acknowledged");

    let ledger = Ledger::open(url).await;
    until("the messages due are sent", async || {
        ledger.messages_settled(&killed).await
    })
    .await;
    ledger.orders_match(&answers).await;
    let reserved = ledger.nothing_oversold().await;
    let waiting = ledger
        .numbers("SELECT id FROM orders WHERE holds LIKE '%waiting_for_customer%' ORDER BY id")
        .await;
    assert!(
        reserved > 0 && !waiting.is_empty(),
        "the stock ran out: {reserved} reserved"
    );
    let sent = ledger.sent_once(&gateway).await;
    assert!(sent > 0, "the gateway got the messages");
    eprintln!(
        "crash drill: {ORDERS} orders, {reserved} units reserved, {} waiting, {sent} SMS",
        waiting.len()
    );
    shop.kill();
}

#[tokio::test]
async fn killed_twice_under_load_the_shop_loses_no_order_oversells_nothing_and_sends_nothing_twice()
{
    integrations::install_tls();
    let sqlite = store::scratch::create(None)
        .await
        .expect("a scratch database");
    crash_drill(&sqlite.url).await;
    if let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") {
        let postgres = store::scratch::create(Some(&server))
            .await
            .expect("a scratch database on PostgreSQL");
        crash_drill(&postgres.url).await;
    }
}

#[tokio::test]
async fn two_instances_and_a_worker_give_five_units_to_exactly_five_of_forty_buyers() {
    let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") else {
        eprintln!("skipped: the two-instance drill needs SHOPDESK_TEST_DATABASE_URL (PostgreSQL)");
        return;
    };
    integrations::install_tls();
    let db = store::scratch::create(Some(&server))
        .await
        .expect("a scratch database on PostgreSQL");
    let (sms_url, gateway) = Gateway::start().await;
    let token = owner_token(&db.url);
    let no_worker = ["--no-worker"];
    let first = Served::at(&db.url, &token, &free_address(), &no_worker, Some(&sms_url)).await;
    let second = Served::at(&db.url, &token, &free_address(), &no_worker, Some(&sms_url)).await;
    let _worker = Process::start(&db.url, &["worker"], Some(&sms_url));
    first.stock(&["SOCK-LAST"], 5).await;
    first.no_quiet_hours().await;

    let client = reqwest::Client::new();
    let mut buyers = tokio::task::JoinSet::new();
    for i in 0..40 {
        let base = if i % 2 == 0 {
            &first.base
        } else {
            &second.base
        };
        let (client, base, token) = (client.clone(), base.clone(), token.clone());
        buyers.spawn(async move {
            let body = order(i, "SOCK-LAST", 1);
            (
                i,
                buy(&client, &base, &token, &format!("buyer-{i}"), &body).await,
            )
        });
    }
    let mut answers = BTreeMap::new();
    while let Some(answer) = buyers.join_next().await {
        let (i, number) = answer.expect("a buyer");
        answers.insert(i, number);
    }

    let ledger = Ledger::open(&db.url).await;
    ledger.orders_match(&answers).await;
    assert_eq!(ledger.nothing_oversold().await, 5);
    let with_units = ledger
        .numbers("SELECT DISTINCT order_id FROM reservations WHERE state = 'held'")
        .await;
    assert_eq!(with_units.len(), 5, "{with_units:?}");
    let waiting = ledger
        .numbers("SELECT id FROM orders WHERE holds LIKE '%waiting_for_customer%' ORDER BY id")
        .await;
    assert_eq!(waiting.len(), 35, "the others wait for their choice (ST-1)");
    let asked = ledger
        .numbers(
            "SELECT DISTINCT order_id FROM messages \
             WHERE template = 'out_of_stock_choice' AND order_id IS NOT NULL ORDER BY order_id",
        )
        .await;
    assert_eq!(
        asked, waiting,
        "each of them is told and asked what they want"
    );

    until("every message is sent", async || {
        let messages = ledger.messages().await;
        !messages.is_empty() && messages.values().all(|s| s == "sent")
    })
    .await;
    let sent = ledger.sent_once(&gateway).await;
    assert_eq!(sent, ledger.messages().await.len());
    first.kill();
    second.kill();
}
