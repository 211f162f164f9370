//! Benchmarks that print their figures beside a baseline measured in the same run.

mod import;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use app::Shop;
use clap::{Args, Subcommand};
use domain::access::Role;
use serde_json::{Value, json};
use store::Synchronous;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Orders per second through the real HTTP API, against the same rows written with plain
    /// SQL, one transaction per order.
    Intake(IntakeArgs),
    /// The storefront through real HTTP: the catalogue and a product page against the plain-SQL
    /// reads behind them, and the buying path (cart, checkout, order) against the API's intake.
    Storefront(StorefrontArgs),
    /// A Shopify product CSV read through the real import, against the same products and
    /// variants written with plain SQL, one transaction per product; and the peak memory.
    Import(import::ImportArgs),
}

#[derive(Args)]
pub struct StorefrontArgs {
    /// Page requests per page measured.
    #[arg(long, default_value_t = 4000)]
    requests: usize,
    /// Orders per buying run.
    #[arg(long, default_value_t = 1500)]
    orders: usize,
    /// A PostgreSQL server to measure too (a scratch database is made on it).
    #[arg(long, env = "SHOPDESK_BENCH_POSTGRES_URL")]
    postgres: Option<String>,
}

#[derive(Args)]
pub struct IntakeArgs {
    /// Concurrent clients.
    #[arg(long, default_value_t = 16)]
    clients: usize,
    /// Orders per run.
    #[arg(long, default_value_t = 4000)]
    orders: usize,
    /// A PostgreSQL server to measure too (a scratch database is made on it).
    #[arg(long, env = "SHOPDESK_BENCH_POSTGRES_URL")]
    postgres: Option<String>,
}

pub async fn run(command: BenchCommand) -> anyhow::Result<()> {
    match command {
        BenchCommand::Intake(args) => intake(args).await,
        BenchCommand::Storefront(args) => storefront(args).await,
        BenchCommand::Import(args) => import::import(args).await,
    }
}

const PRODUCTS: usize = 20;
const SIZES: [&str; 3] = ["S", "M", "L"];
const CUSTOMERS: usize = 500;

struct Figures {
    orders: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Figures {
    fn per_second(&self) -> f64 {
        self.orders as f64 / self.elapsed.as_secs_f64()
    }

    fn quantile(&self, q: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted.get(index).copied().unwrap_or_default()
    }

    fn line(&self, label: &str) -> String {
        self.line_in(label, "orders/s")
    }

    fn line_in(&self, label: &str, unit: &str) -> String {
        format!(
            "  {label:<28} {:>8.0} {unit:<10} p50 {:>7.2} ms   p99 {:>7.2} ms",
            self.per_second(),
            self.quantile(0.50).as_secs_f64() * 1e3,
            self.quantile(0.99).as_secs_f64() * 1e3,
        )
    }
}

/// The embedded SQLite, then the PostgreSQL server given, each with the name to print.
fn databases(postgres: Option<&str>) -> impl Iterator<Item = (&'static str, Option<&str>)> {
    std::iter::once(("SQLite", None)).chain(postgres.map(|url| ("PostgreSQL", Some(url))))
}

async fn intake(args: IntakeArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.clients > 0 && args.orders > 0,
        "--clients and --orders must be positive"
    );
    println!(
        "intake: {} orders from {} concurrent clients",
        args.orders, args.clients
    );
    // SQLite both as shipped (every commit on disk before it is acknowledged) and with the
    // faster `normal` syncing, each against a plain-SQL baseline syncing the same way.
    let runs = databases(args.postgres.as_deref()).flat_map(|(label, server)| {
        let modes: &[(&str, Synchronous)] = match server {
            None => &[
                ("synchronous full, the default", Synchronous::Full),
                ("synchronous normal", Synchronous::Normal),
            ],
            Some(_) => &[("", Synchronous::Full)],
        };
        modes
            .iter()
            .map(move |&(mode, sync)| (label, mode, server, sync))
    });
    for (label, mode, server, sync) in runs {
        let label = if mode.is_empty() {
            label.to_owned()
        } else {
            format!("{label} ({mode})")
        };
        let api = intake_over_http(server, sync, &args)
            .await
            .with_context(|| format!("{label}: API run"))?;
        let baseline = intake_plain_sql(server, sync, &args)
            .await
            .with_context(|| format!("{label}: baseline run"))?;
        println!("{label}");
        println!("{}", api.line("API (HTTP, JSON, checks)"));
        println!("{}", baseline.line("baseline (plain SQL)"));
        println!(
            "  ratio API / baseline: {:.2}",
            api.per_second() / baseline.per_second()
        );
    }
    Ok(())
}

/// A fresh shop with a catalogue and plenty of stock.
async fn seeded_shop(
    server: Option<&str>,
    sync: Synchronous,
) -> anyhow::Result<(Shop, store::scratch::Scratch)> {
    let db = store::scratch::create(server).await?;
    let store = store::Store::connect_with(&db.url, sync).await?;
    store.migrate().await?;
    let shop = Shop::new(store, Arc::new(app::SystemClock));
    let owner = app::access::Actor::system();
    shop.create_location(
        &owner,
        &app::catalog::NewLocation {
            code: "WH".into(),
            name: "Warehouse".into(),
            kind: "warehouse".into(),
            city: "Oslo".into(),
            lead_time_days: 0,
            cutoff: "14:00".into(),
        },
    )
    .await?;
    for p in 0..PRODUCTS {
        let variants = SIZES
            .iter()
            .map(|size| app::catalog::NewVariant {
                id: None,
                compare_at_minor: None,
                sku: format!("P{p}-{size}"),
                options: [("size".to_owned(), (*size).to_owned())].into(),
                price_minor: 1000 + 100 * p as i64,
                weight_grams: 300,
                barcode: None,
            })
            .collect();
        let product = app::catalog::NewProduct {
            title: format!("Product {p}"),
            description: "A product for measuring.".into(),
            category: "bench".into(),
            status: "active".into(),
            texts: Default::default(),
            variants,
        };
        shop.create_product(&owner, &product, None).await?;
        for size in SIZES {
            let stock = app::catalog::SetStock {
                on_hand: 1_000_000,
                bin: format!("A-{p}"),
            };
            shop.set_stock(&owner, &format!("P{p}-{size}"), "WH", &stock)
                .await?;
        }
    }
    Ok((shop, db))
}

/// The `n`th order of a run: a returning customer now and then, one to three lines.
fn order(n: usize) -> Value {
    let customer = n % CUSTOMERS;
    let lines: Vec<Value> = (0..1 + n % 3)
        .map(|l| json!({"sku": format!("P{}-{}", (n + l * 7) % PRODUCTS, SIZES[(n + l) % 3]), "quantity": 1 + l, "note": "bench"}))
        .collect();
    json!({
        "channel": "api",
        "customer": {"name": format!("Customer {customer}"), "phone": format!("+47 4{:07}", 1_000_000 + customer), "email": format!("c{customer}@example.no")},
        "delivery": {"method": "courier", "address": {"line": format!("Storgata {}", n % 90 + 1), "city": "Oslo", "postcode": "0155", "country": "NO"}},
        "payment_mode": "on_delivery",
        "lines": lines
    })
}

/// Runs `work(n)` for n in 0..orders from `clients` tasks, timing each call.
async fn drive<F, Fut>(clients: usize, orders: usize, work: F) -> anyhow::Result<Figures>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let work = Arc::new(work);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (next, work) = (next.clone(), work.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= orders {
                    return anyhow::Ok(latencies);
                }
                let t = Instant::now();
                work(n).await?;
                latencies.push(t.elapsed());
            }
        });
    }
    let mut latencies = Vec::with_capacity(orders);
    while let Some(done) = tasks.join_next().await {
        latencies.extend(done??);
    }
    Ok(Figures {
        orders,
        elapsed: started.elapsed(),
        latencies,
    })
}

async fn intake_over_http(
    server: Option<&str>,
    sync: Synchronous,
    args: &IntakeArgs,
) -> anyhow::Result<Figures> {
    let (shop, _db) = seeded_shop(server, sync).await?;
    let token = shop.create_token("bench", Role::Owner).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/api/v1/orders", listener.local_addr()?);
    let server_task = tokio::spawn(web::serve(
        listener,
        shop.clone(),
        web::TrustedProxies::default(),
    ));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    let figures = drive(args.clients, args.orders, move |n| {
        let (client, url, token) = (client.clone(), url.clone(), token.clone());
        async move {
            let response = client
                .post(&url)
                .bearer_auth(&token)
                .json(&order(n))
                .send()
                .await?;
            anyhow::ensure!(
                response.status() == reqwest::StatusCode::CREATED,
                "order {n}: {}",
                response.text().await?
            );
            Ok(())
        }
    })
    .await;
    server_task.abort();
    shop.store().close().await;
    figures
}

/// The rows intake writes for one order, with plain SQL in one transaction: the customer card and
/// contacts, the order, its lines, the stock reservations and the timeline.
async fn intake_plain_sql(
    server: Option<&str>,
    sync: Synchronous,
    args: &IntakeArgs,
) -> anyhow::Result<Figures> {
    let (shop, _db) = seeded_shop(server, sync).await?;
    let store = shop.store().clone();
    let stock: Arc<Vec<(String, i64, i64, i64)>> = Arc::new(
        sqlx::query_as("SELECT v.sku, v.id, s.id, v.price_minor FROM variants v JOIN stock s ON s.variant_id = v.id")
            .fetch_all(store.pool())
            .await?,
    );
    let figures = drive(args.clients, args.orders, move |n| {
        let (store, stock) = (store.clone(), stock.clone());
        async move { plain_order(&store, &stock, n).await }
    })
    .await;
    shop.store().close().await;
    figures
}

async fn plain_order(
    store: &store::Store,
    stock: &[(String, i64, i64, i64)],
    n: usize,
) -> anyhow::Result<()> {
    let body = order(n);
    let now = jiff::Timestamp::now().as_millisecond();
    let phone = format!("+474{:07}", 1_000_000 + n % CUSTOMERS);
    let mut tx = store.begin_write().await?;
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT customer_id FROM customer_contacts WHERE kind = 'phone' AND value = $1",
    )
    .bind(&phone)
    .fetch_optional(&mut *tx)
    .await?;
    let customer = match found {
        Some(id) => id,
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO customers (name, created_at) VALUES ($1, $2) RETURNING id",
            )
            .bind(body["customer"]["name"].as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (kind, value) in [
                ("phone", phone.clone()),
                ("email", format!("c{}@example.no", n % CUSTOMERS)),
            ] {
                sqlx::query("INSERT INTO customer_contacts (customer_id, kind, value, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(kind)
                    .bind(value)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            id
        }
    };
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (customer_id, channel, stage, holds, payment_mode, delivery_method, customer_name, phone, \
         note, currency, subtotal_minor, delivery_minor, total_minor, paid_minor, version, placed_at, updated_at) \
         VALUES ($1, 'api', 'confirming', '[]', 'on_delivery', 'courier', $2, $3, '', 'EUR', 0, 990, 990, 0, 1, $4, $4) RETURNING id",
    )
    .bind(customer)
    .bind(body["customer"]["name"].as_str())
    .bind(&phone)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    for (i, line) in body["lines"].as_array().into_iter().flatten().enumerate() {
        let sku = line["sku"].as_str().unwrap_or_default();
        let quantity = line["quantity"].as_i64().unwrap_or(1);
        let (_, variant, stock_id, price) = stock.iter().find(|s| s.0 == sku).context("sku")?;
        sqlx::query(
            "UPDATE stock SET reserved = reserved + $1 WHERE id = $2 AND on_hand - reserved >= $1",
        )
        .bind(quantity)
        .bind(stock_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO order_lines (order_id, line_no, variant_id, sku, title, options, quantity, unit_price_minor, note, status) \
             VALUES ($1, $2, $3, $4, 'Product', '{}', $5, $6, 'bench', 'active')",
        )
        .bind(order_id)
        .bind(i as i64 + 1)
        .bind(variant)
        .bind(sku)
        .bind(quantity)
        .bind(price)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO reservations (order_id, line_no, stock_id, quantity, state) VALUES ($1, $2, $3, $4, 'held')")
            .bind(order_id)
            .bind(i as i64 + 1)
            .bind(stock_id)
            .bind(quantity)
            .execute(&mut *tx)
            .await?;
    }
    for kind in ["placed", "line_reserved", "stage_changed"] {
        sqlx::query("INSERT INTO order_events (order_id, at, actor, kind, data) VALUES ($1, $2, 'bench', $3, '{}')")
            .bind(order_id)
            .bind(now)
            .bind(kind)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Concurrent connections for the page measurements; buying runs at 8 and then 32 clients.
const PAGE_CONNECTIONS: usize = 32;
const BUYERS: [usize; 2] = [8, 32];

async fn storefront(args: StorefrontArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.requests > 0 && args.orders > 0,
        "--requests and --orders must be positive"
    );
    println!(
        "storefront: {} requests per page at {PAGE_CONNECTIONS} connections; {} orders per buying run",
        args.requests, args.orders
    );
    for (label, server) in databases(args.postgres.as_deref()) {
        println!("{label}");
        storefront_on(server, &args)
            .await
            .with_context(|| format!("{label}: storefront run"))?;
    }
    Ok(())
}

async fn storefront_on(server: Option<&str>, args: &StorefrontArgs) -> anyhow::Result<()> {
    let (shop, _db) = seeded_shop(server, Synchronous::default()).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let server_task = tokio::spawn(web::serve(
        listener,
        shop.clone(),
        web::TrustedProxies::default(),
    ));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(PAGE_CONNECTIONS)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let product: i64 = sqlx::query_scalar("SELECT MIN(id) FROM products")
        .fetch_one(shop.store().pool())
        .await?;
    for (label, path, reads) in [
        ("catalogue page", "/".to_owned(), Reads::Catalogue),
        (
            "product page",
            format!("/products/{product}"),
            Reads::Product(product),
        ),
    ] {
        let url = format!("{base}{path}");
        let page = drive(PAGE_CONNECTIONS, args.requests, {
            let client = client.clone();
            move |_| {
                let (client, url) = (client.clone(), url.clone());
                async move {
                    let response = client.get(&url).send().await?;
                    anyhow::ensure!(
                        response.status().is_success(),
                        "{url}: {}",
                        response.status()
                    );
                    response.bytes().await?;
                    Ok(())
                }
            }
        })
        .await?;
        let store = shop.store().clone();
        let baseline = drive(PAGE_CONNECTIONS, args.requests, move |_| {
            let store = store.clone();
            async move { reads.run(&store).await }
        })
        .await?;
        println!("{}", page.line_in(label, "pages/s"));
        println!("{}", baseline.line_in("  its reads (plain SQL)", "reads/s"));
        println!(
            "  ratio page / reads: {:.2}",
            page.per_second() / baseline.per_second()
        );
    }
    let token = shop.create_token("bench", Role::Owner).await?;
    for clients in BUYERS {
        let buying = drive(clients, args.orders, {
            let (client, base) = (client.clone(), base.clone());
            move |n| {
                let (client, base) = (client.clone(), base.clone());
                async move { buy(&client, &base, n).await }
            }
        })
        .await?;
        let url = format!("{base}/api/v1/orders");
        let api = drive(clients, args.orders, {
            let (client, token) = (client.clone(), token.clone());
            move |n| {
                let (client, url, token) = (client.clone(), url.clone(), token.clone());
                async move {
                    let response = client
                        .post(&url)
                        .bearer_auth(&token)
                        .json(&order(n))
                        .send()
                        .await?;
                    anyhow::ensure!(
                        response.status() == reqwest::StatusCode::CREATED,
                        "order {n}"
                    );
                    Ok(())
                }
            }
        })
        .await?;
        println!(
            "{}",
            buying.line(&format!("buying path, {clients} clients"))
        );
        println!("{}", api.line(&format!("  API intake, {clients} clients")));
        println!(
            "  ratio storefront / API: {:.2}",
            buying.per_second() / api.per_second()
        );
    }
    server_task.abort();
    shop.store().close().await;
    Ok(())
}

/// The reads a page needs, with plain SQL: what it costs before HTTP, the use cases and the
/// template.
#[derive(Clone, Copy)]
enum Reads {
    Catalogue,
    Product(i64),
}

impl Reads {
    async fn run(self, store: &store::Store) -> anyhow::Result<()> {
        let mut conn = store.read().await?;
        sqlx::query("SELECT value FROM settings WHERE key = 'shop'")
            .fetch_optional(&mut *conn)
            .await?;
        let products: Vec<i64> = match self {
            Reads::Catalogue => {
                sqlx::query_scalar("SELECT DISTINCT category FROM products ORDER BY category")
                    .fetch_all(&mut *conn)
                    .await
                    .map(|_: Vec<String>| ())?;
                sqlx::query_scalar("SELECT id FROM products ORDER BY id LIMIT 25")
                    .fetch_all(&mut *conn)
                    .await?
            }
            Reads::Product(id) => vec![id],
        };
        let list = products
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let variants: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT id, sku FROM variants WHERE product_id IN ({list})"
        )))
        .fetch_all(&mut *conn)
        .await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT variant_id, CAST(SUM(on_hand - reserved) AS BIGINT) FROM stock \
             WHERE variant_id IN (SELECT id FROM variants WHERE product_id IN ({list})) GROUP BY variant_id"
        )))
        .fetch_all(&mut *conn)
        .await?;
        if let (Reads::Product(_), Some((_, sku))) = (self, variants.first()) {
            sqlx::query("SELECT s.id, s.on_hand - s.reserved FROM stock s JOIN variants v ON v.id = s.variant_id WHERE v.sku = $1")
                .bind(sku)
                .fetch_all(&mut *conn)
                .await?;
        }
        Ok(())
    }
}

/// One visitor's purchase through the storefront's forms: add to the cart, open the checkout
/// for its key, place the order. The same order as the API run's `n`th.
async fn buy(client: &reqwest::Client, base: &str, n: usize) -> anyhow::Result<()> {
    let body = order(n);
    let mut cookie = String::new();
    for line in body["lines"].as_array().into_iter().flatten() {
        let quantity = line["quantity"].as_i64().unwrap_or(1).to_string();
        let form = [
            ("sku", line["sku"].as_str().unwrap_or_default()),
            ("quantity", &quantity),
            ("op", "add"),
        ];
        let mut request = client
            .post(format!("{base}/cart"))
            .header("content-type", FORM)
            .body(encode(&form));
        if !cookie.is_empty() {
            request = request.header("cookie", &cookie);
        }
        let added = request.send().await?;
        anyhow::ensure!(
            added.status() == reqwest::StatusCode::SEE_OTHER,
            "cart: {}",
            added.status()
        );
        if let Some(set) = added.headers().get("set-cookie") {
            cookie = set
                .to_str()?
                .split(';')
                .next()
                .unwrap_or_default()
                .to_owned();
        }
    }
    let page = client
        .get(format!("{base}/checkout"))
        .header("cookie", &cookie)
        .send()
        .await?
        .text()
        .await?;
    let key = page
        .split("name=\"key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .context("the checkout form's key")?
        .to_owned();
    let customer = &body["customer"];
    let address = &body["delivery"]["address"];
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let mut form: Vec<(&str, String)> = vec![
        ("key", key),
        ("name", text(&customer["name"])),
        ("phone", text(&customer["phone"])),
        ("email", text(&customer["email"])),
        ("method", "courier".into()),
        ("address_line", text(&address["line"])),
        ("postcode", text(&address["postcode"])),
        ("city", text(&address["city"])),
        ("country", text(&address["country"])),
        ("payment_mode", "on_delivery".into()),
    ];
    for line in body["lines"].as_array().into_iter().flatten() {
        form.push(("note_line", text(&line["note"])));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let placed = client
        .post(format!("{base}/checkout"))
        .header("cookie", &cookie)
        .header("content-type", FORM)
        .body(encode(&form))
        .send()
        .await?;
    let location = placed
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    anyhow::ensure!(
        placed.status() == reqwest::StatusCode::SEE_OTHER && location.starts_with("/o/"),
        "checkout {n}: {}",
        placed.status()
    );
    Ok(())
}

const FORM: &str = "application/x-www-form-urlencoded";

/// A form body, as a browser encodes it.
fn encode(fields: &[(&str, &str)]) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                other => format!("%{other:02X}"),
            })
            .collect()
    };
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", escape(name), escape(value)))
        .collect::<Vec<_>>()
        .join("&")
}
