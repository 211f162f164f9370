use std::future::Future;
use std::sync::Arc;

use app::ManualClock;
use domain::access::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A running shop with a fresh database, an owner token and a clock the test moves.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub token: String,
    pub shop: app::Shop,
    pub clock: Arc<ManualClock>,
    /// Shared with [`on_each_backend`], which keeps the database until the test is over even
    /// when the test's async block captures only some fields of the app.
    db: Arc<store::scratch::Scratch>,
}

/// The key the test carrier signs its reports with (DL-3).
pub const CARRIER_KEY: &str = "carrier-test-key";

pub async fn spawn(server: Option<&str>) -> TestApp {
    integrations::install_tls();
    let db = store::scratch::create(server)
        .await
        .expect("a scratch database");
    let store = store::Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let start: jiff::Timestamp = "2026-03-02T09:00:00Z".parse().expect("a time");
    let clock = Arc::new(ManualClock::new(start));
    let poster = integrations::HttpPoster::new().expect("an HTTP client");
    let images =
        integrations::HttpImageFetcher::allowing_private_networks().expect("an HTTP client");
    let shop = app::Shop::new(store.clone(), clock.clone())
        .with_carrier_secret(CARRIER_KEY)
        .with_webhook_poster(Arc::new(poster))
        .with_image_fetcher(Arc::new(images));
    let token = shop.create_token("test", Role::Owner).await.expect("token");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let router = web::router(shop.clone());
    tokio::spawn(async move { axum_serve(listener, router).await });
    TestApp {
        base,
        client: reqwest::Client::new(),
        token,
        shop,
        clock,
        db: Arc::new(db),
    }
}

async fn axum_serve(listener: tokio::net::TcpListener, router: axum::Router) {
    axum::serve(listener, router).await.expect("serve");
}

/// Runs `test` on SQLite, then on PostgreSQL when `SHOPDESK_TEST_DATABASE_URL` is set. A set
/// but unreachable PostgreSQL fails the test rather than skipping it.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    let app = spawn(None).await;
    let db = app.db.clone();
    test(app).await;
    drop(db);
    if let Ok(server) = std::env::var("SHOPDESK_TEST_DATABASE_URL") {
        let app = spawn(Some(&server)).await;
        let db = app.db.clone();
        test(app).await;
        drop(db);
    }
}

impl TestApp {
    /// The same app sending messages through these transports.
    pub fn with_transports(self, transports: app::messaging::Transports) -> Self {
        let shop = self.shop.clone().with_transports(transports);
        self.serving(shop)
    }

    /// The same app taking card payments through Stripe's API at `base`.
    pub fn with_stripe(self, base: &str) -> Self {
        let stripe = integrations::Stripe::new(base).expect("an HTTP client");
        let shop = self.shop.clone().with_stripe(Arc::new(stripe));
        self.serving(shop)
    }

    /// This shop, served on a new port.
    fn serving(self, shop: app::Shop) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let router = web::router(shop.clone());
        let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
        tokio::spawn(async move { axum_serve(listener, router).await });
        Self { shop, base, ..self }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.base)
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> (StatusCode, Value) {
        let response = request
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request");
        let status = response.status();
        let body = response.json().await.unwrap_or(Value::Null);
        (status, body)
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.client.get(self.url(path))).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.client.post(self.url(path)).json(&body))
            .await
    }

    /// POSTs `body` with an `Idempotency-Key`, as a client that may retry does.
    pub async fn post_with_key(&self, path: &str, key: &str, body: &Value) -> (StatusCode, Value) {
        self.send(
            self.client
                .post(self.url(path))
                .header("Idempotency-Key", key)
                .json(body),
        )
        .await
    }

    pub async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.client.put(self.url(path)).json(&body)).await
    }

    pub async fn delete(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.client.delete(self.url(path))).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.client.patch(self.url(path)).json(&body))
            .await
    }

    /// Posts and insists on `expected`, showing the body when it differs.
    pub async fn post_ok(&self, path: &str, body: Value, expected: StatusCode) -> Value {
        let (status, answer) = self.post(path, body).await;
        assert_eq!(status, expected, "POST {path}: {answer}");
        answer
    }

    /// Posts to the customer's side, reached through the link's secret alone.
    pub async fn post_public(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let response = self
            .client
            .post(format!("{}/api/public{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// A storefront page, as a browser without JavaScript opens it.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request");
        (response.status(), response.text().await.expect("html"))
    }

    /// Sends a storefront form, as a browser without JavaScript does; answers with the page.
    pub async fn send_form(&self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::CONTENT_TYPE, FORM)
            .body(encode(fields))
            .send()
            .await
            .expect("request");
        (response.status(), response.text().await.expect("html"))
    }

    pub async fn get_ok(&self, path: &str) -> Value {
        let (status, answer) = self.get(path).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {answer}");
        answer
    }

    /// Places an order and returns its number and the order as answered.
    pub async fn place(&self, body: Value) -> (i64, Value) {
        let order = self.post_ok("/orders", body, StatusCode::CREATED).await;
        (order["number"].as_i64().expect("a number"), order)
    }

    /// Runs every job due now, as the worker would; returns how many ran.
    pub async fn run_jobs(&self) -> usize {
        self.shop
            .run_due_jobs("test-worker", 100)
            .await
            .expect("jobs run")
    }

    /// Moves an order and returns it, insisting the move was allowed.
    pub async fn act(&self, number: i64, action: &str, body: Value) -> Value {
        self.post_ok(&format!("/orders/{number}/{action}"), body, StatusCode::OK)
            .await
    }

    /// Scans every unit of the order and packs it, as the packing station does (AS-1, AS-3).
    pub async fn pack(&self, number: i64) -> Value {
        let order = self.get_ok(&format!("/orders/{number}")).await;
        for line in order["lines"].as_array().expect("lines") {
            if line["status"] != "active" {
                continue;
            }
            for _ in 0..line["quantity"].as_i64().expect("quantity") {
                let scan = json!({"code": line["sku"]});
                self.post_ok(&format!("/orders/{number}/scans"), scan, StatusCode::OK)
                    .await;
            }
        }
        let parcel = json!({"packaging": "small box", "weight_grams": 450});
        self.post_ok(&format!("/orders/{number}/pack"), parcel, StatusCode::OK)
            .await
    }

    /// Places `body` for a pickup at the shop, confirms it if it waits for that, packs it and
    /// hands it over; answers the order's number and the customer's card.
    pub async fn deliver_at_the_shop(&self, mut body: Value) -> (i64, i64) {
        body["delivery"] = json!({"method": "store_pickup"});
        let (number, order) = self.place(body).await;
        if order["stage"] == "confirming" {
            self.act(number, "confirm", json!({})).await;
        }
        self.pack(number).await;
        self.act(number, "deliver", json!({})).await;
        let customer = order["customer"]["id"].as_i64().expect("a card");
        (number, customer)
    }

    /// A warehouse, a store and a supplier, and two products: socks in two sizes with stock in
    /// the warehouse and the store, and a blanket only the supplier has.
    pub async fn seed_catalog(&self) {
        for (code, kind, lead) in [
            ("WH1", "warehouse", 0),
            ("STORE1", "store", 0),
            ("SUP1", "supplier", 5),
        ] {
            self.post_ok(
                "/locations",
                json!({"code": code, "name": format!("{kind} {code}"), "kind": kind, "city": "Oslo", "lead_time_days": lead}),
                StatusCode::CREATED,
            )
            .await;
        }
        self.post_ok(
            "/products",
            json!({
                "title": "Wool socks", "description": "Warm socks of Norwegian wool.", "category": "socks",
                "variants": [
                    {"sku": "SOCK-M", "options": {"size": "M", "colour": "grey"}, "price_minor": 1990, "barcode": "7000000000010"},
                    {"sku": "SOCK-L", "options": {"size": "L", "colour": "grey"}, "price_minor": 1990, "barcode": "7000000000027"}
                ]
            }),
            StatusCode::CREATED,
        )
        .await;
        self.post_ok(
            "/products",
            json!({"title": "Blanket", "description": "A heavy wool blanket.", "category": "home",
                   "variants": [{"sku": "BLANKET", "price_minor": 89900}]}),
            StatusCode::CREATED,
        )
        .await;
        self.set_stock("SOCK-M", "WH1", 10, "A-01-1").await;
        self.set_stock("SOCK-M", "STORE1", 2, "S-1").await;
        self.set_stock("SOCK-L", "WH1", 5, "A-01-2").await;
        self.set_stock("BLANKET", "SUP1", 100, "-").await;
    }

    /// Changes the shop's settings through the API.
    pub async fn configure(&self, change: impl FnOnce(&mut Value)) {
        let mut settings = self.get_ok("/settings").await;
        change(&mut settings);
        let (status, body) = self.put("/settings", settings).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    /// The shop calls every order, so orders wait in `confirming` for a person (CF-2's setting).
    pub async fn always_call(&self) {
        self.configure(|s| s["confirmation"]["always_call"] = json!(true))
            .await;
    }

    pub async fn set_stock(&self, sku: &str, location: &str, on_hand: i64, bin: &str) -> Value {
        let (status, body) = self
            .put(
                &format!("/stock/{sku}/{location}"),
                json!({"on_hand": on_hand, "bin": bin}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// The stock row of `sku` at `location`.
    /// The order's money, oldest first: payments, refunds, voids and failed attempts.
    pub async fn payments(&self, number: i64) -> Vec<Value> {
        self.get_ok(&format!("/orders/{number}/payments"))
            .await
            .as_array()
            .expect("payments")
            .clone()
    }

    pub async fn stock_at(&self, sku: &str, location: &str) -> Value {
        let rows = self.get_ok(&format!("/stock?sku={sku}")).await;
        rows.as_array()
            .and_then(|rows| rows.iter().find(|r| r["location"] == location))
            .cloned()
            .unwrap_or_else(|| panic!("no stock of {sku} at {location}: {rows}"))
    }

    pub async fn order_count(&self) -> usize {
        self.get_ok("/orders?limit=500")
            .await
            .as_array()
            .map_or(0, Vec::len)
    }

    pub async fn customer_count(&self) -> usize {
        self.get_ok("/customers?limit=500")
            .await
            .as_array()
            .map_or(0, Vec::len)
    }
}

/// A valid order body: Anna orders two pairs of socks by courier, paying on delivery.
pub fn order_body() -> Value {
    json!({
        "channel": "api",
        "customer": {"name": "Anna Berg", "phone": "912 34 567", "email": "anna@example.no"},
        "delivery": {"method": "courier", "address": {"line": "Storgata 1", "city": "Oslo", "postcode": "0155", "country": "NO"}},
        "payment_mode": "on_delivery",
        "lines": [{"sku": "SOCK-M", "quantity": 2, "note": "gift wrap, please"}],
        "note": "ring the bell twice"
    })
}

/// The text of a message as it was sent.
pub fn body(message: &Value) -> &str {
    message["body"].as_str().unwrap_or_default()
}

/// The kinds of the order's timeline entries, in order.
pub fn timeline_kinds(order: &Value) -> Vec<String> {
    order["timeline"]
        .as_array()
        .map(|t| {
            t.iter()
                .map(|e| e["kind"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The content type of a form a browser sends.
pub const FORM: &str = "application/x-www-form-urlencoded";

/// A form body, as a browser encodes it.
pub fn encode(fields: &[(&str, &str)]) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
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
