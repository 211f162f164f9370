//! The owner's webhooks page: an endpoint added with its secret shown once, a delivery that
//! died after its last attempt shown with its event, and sent again with one click.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use domain::access::Role;
use jiff::SignedDuration;

use crate::helpers::{Browser, TestApp, on_each_backend};

/// An endpoint of another system: the event id of each POST, answered from a script.
#[derive(Clone, Default)]
struct Endpoint {
    answers: Arc<Mutex<VecDeque<u16>>>,
    event_ids: Arc<Mutex<Vec<String>>>,
}

async fn take(State(endpoint): State<Endpoint>, headers: HeaderMap) -> StatusCode {
    let id = headers
        .get("shopdesk-event-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    endpoint.event_ids.lock().expect("lock").push(id.to_owned());
    let answer = endpoint.answers.lock().expect("lock").pop_front();
    StatusCode::from_u16(answer.unwrap_or(200)).expect("a status")
}

impl Endpoint {
    async fn start(answers: &[u16]) -> (String, Self) {
        let endpoint = Self::default();
        endpoint.answers.lock().expect("lock").extend(answers);
        let router = axum::Router::new()
            .route("/hooks", axum::routing::post(take))
            .with_state(endpoint.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hooks", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        (url, endpoint)
    }

    fn event_ids(&self) -> Vec<String> {
        self.event_ids.lock().expect("lock").clone()
    }
}

#[tokio::test]
async fn the_owner_adds_an_endpoint_and_sends_a_dead_delivery_again_from_the_settings() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (url, endpoint) = Endpoint::start(&[503; 8]).await;
        let browser = Browser::open().await;
        let owner = app.person(Role::Owner).await;
        browser.log_in_as(&app, &owner).await;
        browser.goto(&app.url("/admin/settings")).await;
        browser.click("a[href='/admin/settings/webhooks']").await;
        browser.page_says("No endpoint yet.").await;

        // A wrong address is refused in words, and what was ticked stays ticked.
        browser.fill("input[name=url]", "erp.example/hooks").await;
        browser.click("input[value='order.placed']").await;
        browser
            .client
            .execute(
                "document.querySelector('input[name=url]').type = 'text'",
                vec![],
            )
            .await
            .expect("let the server judge the address");
        browser.click("#endpoints button.primary").await;
        browser.page_says("Give the endpoint's full address").await;
        assert!(
            browser
                .find("input[value='order.placed']")
                .await
                .is_selected()
                .await
                .expect("a checkbox"),
            "the ticked event is kept"
        );

        browser.fill("input[name=url]", &url).await;
        browser.click("#endpoints button.primary").await;
        browser.page_says("The signing secret of").await;
        let secret = browser.text("#shown-once .secret-value").await;
        assert!(secret.starts_with("whsec_"), "{secret}");
        let listed = browser.text("#endpoints table").await;
        assert!(
            listed.contains(&url) && listed.contains("Order placed"),
            "{listed}"
        );
        // Shown once: the page opened again does not hold it.
        browser.goto(&app.url("/admin/settings/webhooks")).await;
        let page = browser.text("main").await;
        assert!(!page.contains(&secret), "the secret is not shown again");
        browser.page_says("Every delivery was taken.").await;

        // The other system is down for every attempt: the delivery dies.
        let number = app.place("Anna Berg", "912 34 567").await;
        for _ in 0..8 {
            app.run_jobs().await;
            app.clock.advance(SignedDuration::from_secs(3601));
        }
        assert_eq!(endpoint.event_ids().len(), 8, "eight attempts");
        browser.goto(&app.url("/admin/settings/webhooks")).await;
        let dead = browser.text("#dead table").await;
        assert!(
            dead.contains("Order placed") && dead.contains("HTTP 503") && dead.contains("8"),
            "{dead}"
        );

        // It is back: one click sends the same event again, and the list empties.
        browser.click("#dead button.primary").await;
        browser.page_says("Every delivery was taken.").await;
        app.run_jobs().await;
        let ids = endpoint.event_ids();
        assert_eq!(ids.len(), 9, "sent once more");
        assert_eq!(ids[8], ids[0], "with the event id it had, order {number}");
        browser.close().await;
    })
    .await;
}
