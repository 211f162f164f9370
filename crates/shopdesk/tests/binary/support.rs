//! Running the real `shopdesk` binary: its commands, `serve` and `worker` as processes on
//! free ports, and a local SMS gateway that counts what it is sent.

use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const BINARY: &str = env!("CARGO_BIN_EXE_shopdesk");

/// `restore`'s and `skip-numbers`' default gap, as the README tells the shop.
pub const GAP: i64 = 10_000;

pub fn shopdesk(url: &str, args: &[&str]) -> Output {
    Command::new(BINARY)
        .arg("--database-url")
        .arg(url)
        .args(args)
        .env_remove("SHOPDESK_SQLITE_SYNCHRONOUS")
        .output()
        .expect("the shopdesk binary runs")
}

pub fn succeeds(url: &str, args: &[&str]) -> String {
    let out = shopdesk(url, args);
    assert!(
        out.status.success(),
        "shopdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What shopdesk says when it refuses.
pub fn refuses(url: &str, args: &[&str]) -> String {
    let out = shopdesk(url, args);
    assert!(!out.status.success(), "shopdesk {args:?} should refuse");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn owner_token(url: &str) -> String {
    let printed = succeeds(url, &["token", "create", "--role", "owner"]);
    printed
        .split_whitespace()
        .last()
        .expect("a token")
        .to_owned()
}

/// A local address nobody listens on yet.
pub fn free_address() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    format!("127.0.0.1:{port}")
}

/// A `shopdesk` process, killed with SIGKILL when dropped or told to.
pub struct Process(Child);

impl Process {
    /// Starts `shopdesk ARGS` on the database, sending SMS to `sms_url` when given.
    pub fn start(url: &str, args: &[&str], sms_url: Option<&str>) -> Self {
        let mut command = Command::new(BINARY);
        command
            .args(["--database-url", url])
            .args(args)
            .env_remove("SHOPDESK_SQLITE_SYNCHRONOUS")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(sms_url) = sms_url {
            command.env("SHOPDESK_SMS_URL", sms_url);
        }
        Self(command.spawn().expect("shopdesk starts"))
    }

    pub fn pid(&self) -> u32 {
        self.0.id()
    }

    /// SIGKILL: the process gets no chance to finish anything.
    pub fn kill(&mut self) {
        self.0.kill().expect("kill shopdesk");
        self.0.wait().expect("shopdesk stopped");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `shopdesk serve` on an address, stopped when dropped.
pub struct Served {
    process: Process,
    pub base: String,
    token: String,
    client: reqwest::Client,
}

impl Served {
    /// `serve --no-worker` on a free address.
    pub async fn start(url: &str, token: &str) -> Self {
        Self::at(url, token, &free_address(), &["--no-worker"], None).await
    }

    /// `serve` on `listen` with `args`, once it answers `/readyz`.
    pub async fn at(
        url: &str,
        token: &str,
        listen: &str,
        args: &[&str],
        sms_url: Option<&str>,
    ) -> Self {
        let mut all = vec!["serve", "--listen", listen];
        all.extend_from_slice(args);
        let served = Self {
            process: Process::start(url, &all, sms_url),
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
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
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

    /// A warehouse with `on_hand` of each SKU, all socks of one product.
    pub async fn stock(&self, skus: &[&str], on_hand: i64) {
        let post = reqwest::Method::POST;
        self.send(
            post.clone(),
            "/locations",
            json!({"code": "WH1", "name": "Warehouse", "kind": "warehouse", "city": "Oslo"}),
        )
        .await;
        let variants: Vec<Value> = skus
            .iter()
            .map(|sku| json!({"sku": sku, "options": {"size": sku}, "price_minor": 1990}))
            .collect();
        self.send(
            post,
            "/products",
            json!({"title": "Wool socks", "description": "Warm socks.", "category": "socks",
                   "variants": variants}),
        )
        .await;
        for sku in skus {
            self.send(
                reqwest::Method::PUT,
                &format!("/stock/{sku}/WH1"),
                json!({"on_hand": on_hand, "bin": "A-01"}),
            )
            .await;
        }
    }

    /// Messages leave at once, whatever the hour the test runs at: no quiet hours.
    pub async fn no_quiet_hours(&self) {
        let change = json!({"messages": {"quiet_from": "00:00", "quiet_until": "00:00"}});
        self.send(reqwest::Method::PUT, "/settings", change).await;
    }

    pub async fn place(&self) -> i64 {
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

    pub async fn numbers(&self) -> Vec<i64> {
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

    pub fn pid(&self) -> u32 {
        self.process.pid()
    }

    /// SIGKILL, as a crash or `kill -9` does.
    pub fn kill(mut self) {
        self.process.kill();
    }
}

/// One message as the gateway received it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Received {
    pub key: String,
    pub to: String,
    pub text: String,
}

/// A local SMS gateway answering as a real one does (200 with the message's id), keeping
/// every request it was sent.
#[derive(Clone, Default)]
pub struct Gateway(Arc<Mutex<Vec<Received>>>);

impl Gateway {
    /// Serves the gateway on a free port; answers its URL.
    pub async fn start() -> (String, Self) {
        let gateway = Self::default();
        let router = axum::Router::new()
            .route("/sms", axum::routing::post(receive))
            .with_state(gateway.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/sms", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        (url, gateway)
    }

    pub fn received(&self) -> Vec<Received> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

async fn receive(
    axum::extract::State(gateway): axum::extract::State<Gateway>,
    headers: axum::http::HeaderMap,
    axum::Json(body): axum::Json<Value>,
) -> axum::Json<Value> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = |field: &str| body[field].as_str().unwrap_or_default().to_owned();
    gateway
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Received {
            key: key.clone(),
            to: text("to"),
            text: text("text"),
        });
    axum::Json(json!({"id": key}))
}
