//! SU-1: a visitor's message from the contacts page waits on the manager's queue with a due
//! time of working hours, shows on the dashboard once overdue, and is answered through the
//! outbox, which ends the wait; the thread stays on the customer's card.

use app::access::Actor;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// The contact form's key, from the page as a browser gets it.
async fn form_key(app: &TestApp) -> String {
    let (status, html) = app.page("/contacts").await;
    assert_eq!(status, StatusCode::OK);
    html.split("name=\"key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's key")
        .to_owned()
}

/// Sends the contact form with a fresh key; answers with the status and the page.
async fn write(app: &TestApp, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let key = form_key(app).await;
    let mut body = fields.to_vec();
    body.push(("key", &key));
    app.send_form("/contacts", &body).await
}

async fn waiting(app: &TestApp) -> Vec<Value> {
    app.get_ok("/inquiries")
        .await
        .as_array()
        .cloned()
        .expect("a list")
}

#[tokio::test]
async fn a_message_waits_for_an_answer_by_its_due_time_and_the_answer_closes_it() {
    // SU-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, order) = app.place(order_body()).await;
        let card = order["customer"]["id"].as_i64().expect("a card");

        // Monday 10:00 in Oslo: four working hours give 14:00 the same day.
        let key = form_key(&app).await;
        let order_field = format!("#{number}");
        let form = [
            ("name", "Anna Berg"),
            ("contact", "Anna@Example.no"),
            ("order", order_field.as_str()),
            ("message", "Can I still change the size to L?"),
            ("key", key.as_str()),
        ];
        let (status, html) = app.send_form("/contacts", &form).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(
            html.contains("We will answer by email by 2026-03-02 14:00"),
            "{html}"
        );
        // A reload sends the same form again: still one message.
        let (status, again) = app.send_form("/contacts", &form).await;
        assert_eq!(status, StatusCode::OK);
        assert!(again.contains("2026-03-02 14:00"), "{again}");

        let queue = waiting(&app).await;
        assert_eq!(queue.len(), 1, "{queue:?}");
        let message = &queue[0];
        // The card is the order's (the email is on it), and the order is linked: it is hers.
        assert_eq!(message["customer_id"], json!(card));
        assert_eq!(message["order_number"], json!(number));
        assert_eq!(message["contact"], json!("anna@example.no"));
        assert_eq!(message["channel"], json!("email"));
        assert_eq!(message["due_at"], json!("2026-03-02T13:00:00Z"));
        assert_eq!(message["overdue"], json!(false));
        let id = message["id"].as_i64().expect("an id");

        // Five hours on, nobody has answered: the dashboard says so.
        app.clock.advance(SignedDuration::from_hours(5));
        let board = app.shop.dashboard(&Actor::system()).await.expect("board");
        assert_eq!(board.inquiries.count, 1);
        assert_eq!(board.inquiries.waited_hours, 5);
        assert_eq!(waiting(&app).await[0]["overdue"], json!(true));

        let answer = json!({"text": "Yes: we have not packed it yet, so size L it is."});
        let answered = app
            .post_ok(&format!("/inquiries/{id}/answer"), answer.clone(), StatusCode::OK)
            .await;
        assert_eq!(answered["answered_by"], json!("token:test"));
        assert!(waiting(&app).await.is_empty());
        let (status, twice) = app.post(&format!("/inquiries/{id}/answer"), answer).await;
        assert_eq!(status, StatusCode::CONFLICT, "{twice}");
        assert_eq!(twice["error"]["code"], json!("inquiry_answered"));
        let (status, empty) = app
            .post(&format!("/inquiries/{id}/answer"), json!({"text": "  "}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(empty["error"]["field"], json!("text"));
        let board = app.shop.dashboard(&Actor::system()).await.expect("board");
        assert_eq!(board.inquiries.count, 0);

        // The answer leaves through the outbox, by email, with the question quoted.
        app.run_jobs().await;
        let sent = app.get_ok(&format!("/messages?customer={card}")).await;
        let mail = sent
            .as_array()
            .and_then(|all| all.iter().find(|m| m["template"] == "support_answer"))
            .cloned()
            .expect("the answer");
        assert_eq!(mail["recipient"], json!("anna@example.no"));
        assert_eq!(mail["channel"], json!("email"));
        assert_eq!(mail["order_number"], json!(number));
        let body = mail["body"].as_str().expect("rendered");
        assert!(body.contains("so size L it is."), "{body}");
        assert!(body.contains("Can I still change the size to L?"), "{body}");
        assert!(
            mail["subject"]
                .as_str()
                .is_some_and(|s| s.contains(&format!("order #{number}"))),
            "{mail}"
        );

        // The thread on the card: the question, the answer and how it went.
        let thread = app.get_ok(&format!("/inquiries?customer={card}")).await;
        assert_eq!(thread[0]["message"], json!("Can I still change the size to L?"));
        assert_eq!(
            thread[0]["answer"],
            json!("Yes: we have not packed it yet, so size L it is.")
        );
        assert_eq!(thread[0]["delivery"], json!("outbox"));
        // The order's timeline records the message too.
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert!(
            order["timeline"]
                .as_array()
                .expect("a timeline")
                .iter()
                .any(|e| e["kind"] == "message_queued" && e["data"]["template"] == "support_answer"),
            "{order}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_form_with_mistakes_names_each_field_and_another_persons_order_is_not_linked() {
    // SU-1
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _) = app.place(order_body()).await;
        let (status, html) = write(
            &app,
            &[
                ("name", ""),
                ("contact", "berit@"),
                ("order", "last week's"),
                ("message", " "),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        for said in [
            "Name: please write your name.",
            "Phone or email: this is not an email address.",
            "Order number, if you write about an order: this is not an order number, such as 1042.",
            "Your message: please write a few words.",
        ] {
            assert!(html.contains(said), "{said}: {html}");
        }
        // What was typed comes back.
        assert!(html.contains("value=\"berit@\""), "{html}");
        assert!(waiting(&app).await.is_empty());

        // Berit names Anna's order: her message is taken, the order is not linked to it.
        let (status, html) = write(
            &app,
            &[
                ("name", "Berit Dahl"),
                ("contact", "+47 913 45 678"),
                ("order", &number.to_string()),
                ("message", "Where is my parcel?"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("We will answer by SMS"), "{html}");
        let queue = waiting(&app).await;
        assert_eq!(queue[0]["order_number"], Value::Null);
        assert_eq!(queue[0]["order_named"], json!(number));
        assert_eq!(queue[0]["contact"], json!("+4791345678"));
        assert_eq!(queue[0]["channel"], json!("sms"));
        // Her card was made from the message, by her phone (IN-3).
        let card = app
            .get_ok(&format!("/customers/{}", queue[0]["customer_id"]))
            .await;
        assert_eq!(card["name"], json!("Berit Dahl"));
        assert_eq!(card["phones"], json!(["+4791345678"]));
    })
    .await;
}

#[tokio::test]
async fn a_contact_sending_too_many_messages_in_an_hour_waits_for_the_hour_to_pass() {
    // SU-1: the abuse guard, per contact and per address.
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| s["support"]["messages_per_hour"] = json!(2))
            .await;
        let from = |contact: &'static str| {
            [
                ("name", "Dag Lund"),
                ("contact", contact),
                ("order", ""),
                ("message", "Hello?"),
            ]
        };
        for _ in 0..2 {
            let (status, html) = write(&app, &from("dag@example.no")).await;
            assert_eq!(status, StatusCode::OK, "{html}");
        }
        let (status, html) = write(&app, &from("dag@example.no")).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            html.contains("you have sent us several messages in the last hour"),
            "{html}"
        );
        // Another contact from the same address is held back too.
        let (status, _) = write(&app, &from("dag.lund@example.no")).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(waiting(&app).await.len(), 2);

        app.clock.advance(SignedDuration::from_mins(61));
        let (status, html) = write(&app, &from("dag@example.no")).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert_eq!(waiting(&app).await.len(), 3);
    })
    .await;
}
