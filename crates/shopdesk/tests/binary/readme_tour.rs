//! The README's tour, run as written against a fresh demo: every `sh` block of "A short tour",
//! in order, with the token the demo printed. Each curl answers 2xx with something to show, or
//! the refusal the tour announces by its code. The demo prints the ways in after its log lines,
//! and again, with passwords that work, when run on the demo it built before.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

const README: &str = include_str!("../../../../README.md");

/// The `sh` blocks of the README between `## A short tour` and the next `## ` heading.
fn tour() -> (String, Vec<String>) {
    let start = README
        .find("## A short tour")
        .expect("the README has a tour");
    let rest = &README[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    let text = &rest[..end];
    let blocks = text
        .split("```sh\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap_or_default().to_owned())
        .collect();
    (text.to_owned(), blocks)
}

/// Every curl of the tour, logged as its HTTP status and body, one per line; the body goes on
/// to the pipe or variable the README gives it to.
const CURL_LOGGED: &str = r#"
curl() {
    local out status
    out=$(command curl -sS -w '\n%{http_code}' "$@")
    status=${out##*$'\n'}
    out=${out%$'\n'*}
    printf '%s\t%s\n' "$status" "$(printf '%s' "$out" | tr '\n\t' '  ')" >> "$TOUR_LOG"
    printf '%s\n' "$out"
}
"#;

/// `shopdesk demo` on `url`; its output lines until `until` is among them.
fn demo(url: &str, args: &[&str], until: &str) -> (Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shopdesk"))
        .args(["--database-url", url, "demo"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SHOPDESK_CARRIER_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the shopdesk binary runs");
    let mut output = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut lines = Vec::new();
    for line in output.by_ref() {
        let line = line.expect("a line of output");
        let done = line.contains(until);
        lines.push(line);
        if done {
            break;
        }
    }
    // The server goes on logging to its stdout: keep reading it, or its writes would fail.
    std::thread::spawn(move || output.for_each(drop));
    (child, lines)
}

/// The token in the `export T=` line the demo printed.
fn printed_token(lines: &[String]) -> String {
    lines
        .iter()
        .find_map(|l| l.trim().strip_prefix("export T="))
        .unwrap_or_else(|| panic!("no token printed: {lines:#?}"))
        .to_owned()
}

/// The lines of the logins, after the line that says where the back office is.
fn logins(lines: &[String]) -> Vec<(String, String)> {
    let at = lines
        .iter()
        .position(|l| l.starts_with("Back office:"))
        .unwrap_or_else(|| panic!("no logins printed: {lines:#?}"));
    lines[at + 1..]
        .iter()
        .map_while(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            (l.starts_with("  ") && words.len() == 3)
                .then(|| (words[1].to_owned(), words[2].to_owned()))
        })
        .collect()
}

#[test]
fn the_readme_tour_works_as_written_against_a_fresh_demo() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let url = format!("sqlite://{}/shop.db?mode=rwc", dir.path().display());
    // Built, the demo tells what a newcomer needs last, after the log of building it.
    let (mut built, printed) = demo(&url, &["--no-serve"], "curl -H");
    built.wait().expect("the demo is built");
    let last_log = printed.iter().rposition(|l| l.contains("INFO"));
    let ways_in = printed.iter().position(|l| l.starts_with("Shop:"));
    assert!(
        last_log.is_some() && last_log < ways_in,
        "the ways in come after the log lines: {printed:#?}"
    );
    assert_eq!(logins(&printed).len(), 4, "one per role: {printed:#?}");

    // Run again on the same shop, it adds nothing, serves it, and prints the ways in again with
    // new passwords.
    let listen = crate::support::free_address();
    let (mut server, printed) = demo(&url, &["--listen", &listen], "export T=");
    assert!(
        printed.iter().any(|l| l.contains("already")),
        "{printed:#?}"
    );
    let logins = logins(&printed);
    assert_eq!(logins.len(), 4, "one per role: {printed:#?}");
    let token = printed_token(&printed);

    let (text, blocks) = tour();
    assert!(blocks.len() >= 4, "the tour's blocks: {blocks:#?}");
    let script = blocks
        .join("\n")
        .replace("export T=sd_...", "")
        .replace("localhost:8080", &listen);
    let log = dir.path().join("tour.log");
    let ran = Command::new("bash")
        .args(["-c", &format!("set -euo pipefail\n{CURL_LOGGED}\n{script}")])
        .env("T", &token)
        .env("TOUR_LOG", &log)
        .output()
        .expect("bash runs");
    server.kill().expect("stop the demo");
    server.wait().expect("the demo stopped");
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        ran.status.success(),
        "the tour stopped: {}\n{logged}",
        String::from_utf8_lossy(&ran.stderr)
    );

    let calls: Vec<(u16, Value)> = logged
        .lines()
        .map(|line| {
            let (status, body) = line.split_once('\t').expect("status and body");
            let status = status.parse().expect("an HTTP status");
            (status, serde_json::from_str(body).unwrap_or(Value::Null))
        })
        .collect();
    let written = script.matches("curl ").count();
    assert_eq!(calls.len(), written, "every curl of the tour ran once");
    for (status, body) in &calls {
        if *status >= 400 {
            let code = body["error"]["code"].as_str().unwrap_or_default();
            assert!(
                !code.is_empty() && text.contains(code),
                "an answer the tour does not announce: {status} {body}"
            );
        } else {
            assert!((200..300).contains(status), "{status} {body}");
            assert_ne!(body, &Value::Array(vec![]), "the tour shows an empty list");
        }
    }
    let (_, handed_over) = calls.last().expect("the last step");
    assert_eq!(handed_over["stage"], "in_transit", "{handed_over}");
    assert_eq!(handed_over["delivery"]["tracking_number"], "RR123NO");

    // The passwords printed are the ones that open the back office now.
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let store = store::Store::connect(&url).await.expect("connect");
        let shop = app::Shop::new(store, std::sync::Arc::new(app::SystemClock));
        for (email, password) in &logins {
            shop.log_in(email, password, "127.0.0.1")
                .await
                .unwrap_or_else(|e| panic!("{email} cannot log in: {e}"));
        }
    });
}
