//! A real SMTP server for the tests that send email: Python's aiosmtpd, storing what it
//! receives in a Maildir that Python's own email package reads back. Shared by the API and the
//! browser tests.

use std::net::TcpListener;
use std::process::{Child, Command};
use std::time::Duration;

use serde_json::Value;

/// A real SMTP server storing what it receives in a Maildir.
pub struct SmtpServer {
    pub port: u16,
    maildir: tempfile::TempDir,
    child: Child,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn python_has_aiosmtpd() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success())
}

pub async fn smtp_server() -> SmtpServer {
    if !python_has_aiosmtpd() {
        let installed = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
            .status();
        assert!(
            installed.is_ok_and(|s| s.success()),
            "aiosmtpd is needed: pip install aiosmtpd"
        );
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let maildir = tempfile::tempdir().expect("maildir");
    let child = Command::new("python3")
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            "aiosmtpd.handlers.Mailbox",
        ])
        .arg(maildir.path().join("mail"))
        .spawn()
        .expect("aiosmtpd starts");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    SmtpServer {
        port,
        maildir,
        child,
    }
}

/// The messages in the Maildir, parsed by Python's own email package.
pub fn received(server: &SmtpServer) -> Vec<Value> {
    let script = r#"
import json, mailbox, sys
out = []
for m in mailbox.Maildir(sys.argv[1], create=False):
    from email import policy
    from email.parser import BytesParser
    msg = BytesParser(policy=policy.default).parsebytes(m.as_bytes())
    parts = [{"type": p.get_content_type(), "text": p.get_content()} for p in msg.walk() if not p.is_multipart()]
    out.append({"subject": str(msg["subject"]), "to": str(msg["to"]), "from": str(msg["from"]), "reply_to": str(msg["reply-to"]),
                "message_id": str(msg["message-id"]), "raw_subject": m.get("subject"), "parts": parts,
                "list_unsubscribe": str(msg["list-unsubscribe"]), "list_unsubscribe_post": str(msg["list-unsubscribe-post"])})
print(json.dumps(out))
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(server.maildir.path().join("mail"))
        .output()
        .expect("python");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("json")
}
