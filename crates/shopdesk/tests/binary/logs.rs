//! `serve --log-format json` with the real binary: one JSON object a line, every line of a
//! request naming its id, the id answered in `X-Request-Id`, and no token in any line.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_shopdesk");

/// The request id of the request span a log line was written in, if any.
fn request_id(line: &Value) -> Option<&str> {
    line["spans"]
        .as_array()?
        .iter()
        .find(|s| s["name"] == "request")?["request_id"]
        .as_str()
}

#[tokio::test]
async fn json_logs_name_each_requests_id_and_never_its_token() {
    integrations::install_tls();
    let dir = tempfile::tempdir().expect("a directory");
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut process = Command::new(BINARY)
        .args([
            "--database-url",
            &url,
            "serve",
            "--no-worker",
            "--listen",
            &listen,
        ])
        .env("SHOPDESK_LOG_FORMAT", "json")
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("shopdesk serve starts");
    let stdout = process.stdout.take().expect("stdout");
    let lines = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let client = reqwest::Client::new();
    let base = format!("http://{listen}");
    let started = Instant::now();
    while !client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .is_ok_and(|r| r.status().is_success())
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "serve is not ready"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let token = "not-the-shops-token-5f3a";
    let refused = client
        .get(format!("{base}/api/v1/orders/17"))
        .header("X-Request-Id", "lb-7f3a.42")
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), reqwest::StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers()["x-request-id"], "lb-7f3a.42");
    // An id that could forge a log line is replaced by one of the shop's own.
    let forged = client
        .get(format!("{base}/healthz"))
        .header("X-Request-Id", "x\" injected=\"yes")
        .send()
        .await
        .expect("request");
    let made = forged.headers()["x-request-id"]
        .to_str()
        .expect("text")
        .to_owned();
    assert_eq!(made.len(), 36, "a UUID: {made}");

    let stopped = Command::new("kill")
        .arg(process.id().to_string())
        .status()
        .expect("kill");
    assert!(stopped.success());
    process.wait().expect("stopped");
    let lines = lines.join().expect("the log");
    let parsed: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let of_refused: Vec<&Value> = parsed
        .iter()
        .filter(|l| request_id(l) == Some("lb-7f3a.42"))
        .collect();
    // The refusal inside the handler and the answer, both with the id and the route template.
    assert!(
        of_refused.iter().any(|l| l["level"] == "WARN"),
        "{lines:#?}"
    );
    assert!(
        of_refused
            .iter()
            .any(|l| l["message"] == "finished processing request"),
        "{lines:#?}"
    );
    let span = &of_refused[0]["spans"][0];
    assert_eq!(span["route"], "/api/v1/orders/{number}");
    assert!(parsed.iter().any(|l| request_id(l) == Some(made.as_str())));
    // Every line written inside a request names it.
    assert!(
        parsed
            .iter()
            .filter(|l| l["spans"].as_array().is_some_and(|s| !s.is_empty()))
            .all(|l| request_id(l).is_some_and(|id| !id.is_empty())),
        "{lines:#?}"
    );
    let whole = lines.join("\n");
    assert!(!whole.contains(token), "a token in the log");
    assert!(!whole.contains("injected"), "{whole}");
}
