use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use app::ManualClock;
use app::access::Actor;
use domain::access::Role;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// The real app on a scratch database, served on a free port, with a clock the test moves.
pub struct TestApp {
    pub base: String,
    pub shop: app::Shop,
    pub clock: Arc<ManualClock>,
    _db: store::scratch::Scratch,
}

pub async fn spawn(server: Option<&str>) -> TestApp {
    integrations::install_tls();
    let db = store::scratch::create(server)
        .await
        .expect("a scratch database");
    let store = store::Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    // A Monday morning in Oslo, inside calling hours.
    let start: jiff::Timestamp = "2026-03-02T09:00:00Z".parse().expect("a time");
    let clock = Arc::new(ManualClock::new(start));
    let poster = integrations::HttpPoster::new().expect("an HTTP client");
    let shop = app::Shop::new(store, clock.clone()).with_webhook_poster(Arc::new(poster));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let app = web::router(shop.clone()).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    TestApp {
        base,
        shop,
        clock,
        _db: db,
    }
}

/// Runs `test` on SQLite, then on PostgreSQL when `SHOPDESK_TEST_DATABASE_URL` is set.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    test(spawn(None).await).await;
    if let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") {
        test(spawn(Some(&server)).await).await;
    }
}

/// A person of the back office with the password the owner was shown.
pub struct Person {
    pub email: String,
    pub password: String,
}

impl TestApp {
    /// The same app, served anew, sending email through the SMTP server on this port.
    pub async fn with_email(self, smtp_port: u16) -> Self {
        let config = integrations::Config {
            smtp_url: Some(format!("smtp://127.0.0.1:{smtp_port}").into()),
            mail_from: Some("Fjord & Thread <hello@fjord.example>".into()),
            ..Default::default()
        };
        let transports = integrations::transports(&config).expect("transports");
        let shop = self.shop.clone().with_transports(transports);
        self.serving(shop).await
    }

    /// The same app, served anew, taking card payments through Stripe's API at `base`.
    pub async fn with_stripe(self, base: &str) -> Self {
        let stripe = integrations::Stripe::new(base).expect("an HTTP client");
        let shop = self.shop.clone().with_stripe(Arc::new(stripe));
        self.serving(shop).await
    }

    /// This shop on a new port.
    async fn serving(self, shop: app::Shop) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let app = web::router(shop.clone()).into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        Self { base, shop, ..self }
    }

    /// Runs every job due now, as the worker would.
    pub async fn run_jobs(&self) -> usize {
        self.shop
            .run_due_jobs("test-worker", 100)
            .await
            .expect("jobs run")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Adds a user with this role, as the owner would.
    pub async fn person(&self, role: Role) -> Person {
        let input = app::backoffice::NewUser {
            email: format!("{}@shop.test", role.as_str()),
            name: format!("Test {}", role.as_str()),
            role: role.as_str().into(),
        };
        let login = self
            .shop
            .create_user(&Actor::system(), &input)
            .await
            .expect("a user");
        Person {
            email: login.user.email,
            password: login.password,
        }
    }

    /// Socks in two sizes, size M in a warehouse bin, priced in NOK.
    pub async fn seed_catalog(&self) {
        let owner = Actor::system();
        let location = serde_json::from_value(json!({
            "code": "WH1", "name": "Warehouse", "kind": "warehouse", "city": "Oslo"
        }))
        .expect("a location");
        self.shop
            .create_location(&owner, &location)
            .await
            .expect("location");
        let product = serde_json::from_value(json!({
            "title": "Wool socks", "description": "Warm socks.", "category": "socks",
            "variants": [
                {"sku": "SOCK-M", "options": {"size": "M"}, "price_minor": 19900, "barcode": "7000000000010"},
                {"sku": "SOCK-L", "options": {"size": "L"}, "price_minor": 19900, "barcode": "7000000000027"}
            ]
        }))
        .expect("a product");
        self.shop
            .create_product(&owner, &product, None)
            .await
            .expect("product");
        let stock = serde_json::from_value(json!({"on_hand": 50, "bin": "A-01"})).expect("stock");
        self.shop
            .set_stock(&owner, "SOCK-M", "WH1", &stock)
            .await
            .expect("stock");
    }

    /// Changes the shop's settings through the use case.
    pub async fn configure(&self, change: impl FnOnce(&mut domain::settings::ShopSettings)) {
        let before = self.shop.settings().await.expect("settings");
        let mut settings = before.clone();
        change(&mut settings);
        let change = app::settings::change_between(&before, &settings).expect("a change");
        self.shop
            .change_settings(&Actor::system(), &change)
            .await
            .expect("settings saved");
    }

    /// Places an order for `name` through the intake use case and returns its number.
    pub async fn place(&self, name: &str, phone: &str) -> i64 {
        let input = serde_json::from_value(order_body(name, phone)).expect("an order");
        self.shop
            .place_order(&input, None, &Actor::system())
            .await
            .expect("placed")
            .order
            .number
    }
}

pub fn order_body(name: &str, phone: &str) -> Value {
    json!({
        "channel": "phone",
        "customer": {"name": name, "phone": phone},
        "delivery": {"method": "courier", "address": {"line": "Storgata 1", "city": "Oslo", "postcode": "0155", "country": "NO"}},
        "payment_mode": "on_delivery",
        "lines": [{"sku": "SOCK-M", "quantity": 2, "note": "grey, please"}]
    })
}

/// Headless Chromium at phone width, driven through its own chromedriver.
pub struct Browser {
    pub client: Client,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    pub async fn open() -> Browser {
        let port = free_port();
        let mut driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (Debian: chromium-driver)");
        // chromedriver says when it listens. Its output is read to the end, so it never
        // writes into a closed pipe.
        let stdout = driver.stdout.take().expect("chromedriver's output");
        let (started, listening) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains("started successfully") {
                    let _ = started.send(());
                }
            }
        });
        tokio::task::spawn_blocking(move || listening.recv())
            .await
            .expect("waiting for chromedriver")
            .expect("chromedriver started");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({"args": [
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,844", "--lang=en-US"
            ]}),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a browser session");
        Browser { client, driver }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Waits for an element to appear.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// Waits until the page shows this text.
    pub async fn page_says(&self, text: &str) {
        let xpath = format!(
            "//body[contains(normalize-space(.), {})]",
            xpath_literal(text)
        );
        self.client
            .wait()
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("the page never said '{text}': {e}"));
    }

    /// The visible text of an element, once it is there.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear");
        field.send_keys(value).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    pub async fn log_in(&self, app: &TestApp, email: &str, password: &str) {
        self.goto(&app.url("/admin/login")).await;
        self.fill("input[name=email]", email).await;
        self.fill("input[name=password]", password).await;
        self.click("form button").await;
    }

    /// Logs in and waits for the first page behind the login.
    pub async fn log_in_as(&self, app: &TestApp, person: &Person) {
        self.log_in(app, &person.email, &person.password).await;
        self.find("header.top").await;
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Text as an XPath string literal, whatever quotes it holds.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}
