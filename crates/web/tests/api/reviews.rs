//! Reviews (AF-4, AF-5): a buyer reviews each line of a delivered order through its link, one
//! review per line that its author may rewrite; each review waits for the shop's answer as a
//! task the answer closes; a hidden review's author is told why, in their language.

use app::access::Actor;
use domain::access::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, body, on_each_backend, order_body};

/// Socks in M (line 1) and in L (line 2), collected at the shop by a customer who reads
/// Norwegian email; answers the order's number and its link's secret.
async fn delivered(app: &TestApp) -> (i64, String) {
    app.seed_catalog().await;
    let mut body = order_body();
    body["customer"]["preferred_channel"] = json!("email");
    body["customer"]["locale"] = json!("nb");
    body["lines"] = json!([{"sku": "SOCK-M", "quantity": 1}, {"sku": "SOCK-L", "quantity": 1}]);
    let (number, _) = app.deliver_at_the_shop(body).await;
    let order = app.get_ok(&format!("/orders/{number}")).await;
    let token = order["link_token"].as_str().expect("a link").to_owned();
    (number, token)
}

async fn review(app: &TestApp, token: &str, review: Value) -> (StatusCode, Value) {
    app.post_public(&format!("/orders/{token}/reviews"), review)
        .await
}

async fn open_review_tasks(app: &TestApp, number: i64) -> Vec<Value> {
    app.get_ok("/tasks?kind=answer_review")
        .await
        .as_array()
        .expect("tasks")
        .iter()
        .filter(|t| t["order_number"] == number)
        .cloned()
        .collect()
}

async fn sent(app: &TestApp, number: i64, template: &str) -> Vec<Value> {
    app.run_jobs().await;
    app.get_ok(&format!("/messages?order={number}"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["template"] == template)
        .cloned()
        .collect()
}

#[tokio::test]
async fn af5_a_review_waits_as_a_task_due_in_working_hours_until_it_is_answered() {
    on_each_backend(|app: TestApp| async move {
        let (number, token) = delivered(&app).await;
        // Monday 09:00 UTC is 10:00 in Oslo: eight working hours later is 18:00 the same day.
        let (status, first) = review(&app, &token, json!({"line_no": 1, "stars": 5, "text": "Varme og myke."})).await;
        assert_eq!(status, StatusCode::OK, "{first}");
        assert_eq!(first["state"], "waiting", "not public before the shop looks");
        let tasks = open_review_tasks(&app, number).await;
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert_eq!(tasks[0]["due_at"], "2026-03-02T17:00:00Z");
        let (_, second) = review(&app, &token, json!({"line_no": 2, "stars": 4})).await;
        assert_eq!(open_review_tasks(&app, number).await.len(), 1, "one task for the order");

        let answered = app
            .post_ok(&format!("/reviews/{}/answer", first["id"]), json!({"text": "Takk!"}), StatusCode::OK)
            .await;
        assert_eq!(answered["answer"], "Takk!");
        assert_eq!(answered["waits_for_answer"], false);
        assert_eq!(open_review_tasks(&app, number).await.len(), 1, "the second still waits");
        app.post_ok(&format!("/reviews/{}/answer", second["id"]), json!({"text": "Takk for stjernene."}), StatusCode::OK)
            .await;
        assert!(open_review_tasks(&app, number).await.is_empty(), "every review is answered");
        let answers = sent(&app, number, "review_answer").await;
        assert_eq!(answers.len(), 2);
        assert!(body(&answers[0]).contains("Her er svaret vårt"), "{}", body(&answers[0]));

        // A negative review names its cause before it is answered.
        let (_, bad) = review(&app, &token, json!({"line_no": 2, "stars": 2, "text": "For små."})).await;
        assert_eq!(open_review_tasks(&app, number).await.len(), 1, "a rewritten review waits again");
        let (status, refused) = app
            .post(&format!("/reviews/{}/answer", bad["id"]), json!({"text": "Beklager!"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused["error"]["field"], "cause");
        let report = app.get_ok("/reviews/causes").await;
        assert_eq!(report, json!([]), "nothing recorded by a refused answer");
        app.post_ok(&format!("/reviews/{}/answer", bad["id"]), json!({"text": "Beklager!", "cause": "size_chart"}), StatusCode::OK)
            .await;
        let report = app.get_ok("/reviews/causes").await;
        assert_eq!(report, json!([{"month": "2026-03", "product": "Wool socks", "cause": "size_chart", "count": 1}]));
    })
    .await;
}

#[tokio::test]
async fn af4_one_review_per_line_even_when_the_form_is_sent_twice_at_once() {
    on_each_backend(|app: TestApp| async move {
        let (number, token) = delivered(&app).await;
        let (a, b) = tokio::join!(
            review(
                &app,
                &token,
                json!({"line_no": 1, "stars": 4, "text": "Gode."})
            ),
            review(
                &app,
                &token,
                json!({"line_no": 1, "stars": 4, "text": "Gode."})
            ),
        );
        assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK), "{a:?} {b:?}");
        assert_eq!(a.1["id"], b.1["id"], "the second finds the first");
        let all = app.get_ok("/reviews").await;
        assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
        assert_eq!(open_review_tasks(&app, number).await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn af4_the_author_edits_their_review_and_bad_input_names_the_field() {
    on_each_backend(|app: TestApp| async move {
        let (_, token) = delivered(&app).await;
        let (_, first) = review(
            &app,
            &token,
            json!({"line_no": 1, "stars": 3, "text": "Greie."}),
        )
        .await;
        app.post_ok(
            &format!("/reviews/{}/publish", first["id"]),
            json!({}),
            StatusCode::OK,
        )
        .await;
        let (status, edited) = review(
            &app,
            &token,
            json!({"line_no": 1, "stars": 5, "text": "Etter vask: perfekte."}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["id"], first["id"]);
        assert_eq!(edited["stars"], 5);
        assert_eq!(edited["text"], "Etter vask: perfekte.");
        assert_eq!(
            edited["state"], "waiting",
            "a rewritten review is read again"
        );
        let long = "x".repeat(2001);
        for (input, field) in [
            (json!({"line_no": 1, "stars": 0}), "stars"),
            (json!({"line_no": 1, "stars": 6}), "stars"),
            (json!({"line_no": 1, "stars": 4, "text": long}), "text"),
            (json!({"line_no": 9, "stars": 4}), "line_no"),
        ] {
            let (status, refused) = review(&app, &token, input.clone()).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{input}: {refused}"
            );
            assert_eq!(refused["error"]["field"], field, "{refused}");
        }
        let mine = app
            .client
            .get(format!("{}/api/public/orders/{token}/reviews", app.base))
            .send()
            .await
            .expect("reviews")
            .json::<Value>()
            .await
            .expect("json");
        assert_eq!(mine["open"], true);
        assert_eq!(
            mine["lines"][0]["review"]["stars"], 5,
            "nothing saved by bad input"
        );
        assert_eq!(mine["lines"][1]["review"], Value::Null);
    })
    .await;
}

#[tokio::test]
async fn af4_only_the_orders_link_reviews_it_once_it_arrived_and_staff_lists_need_a_manager() {
    on_each_backend(|app: TestApp| async move {
        let (_, token) = delivered(&app).await;
        let (status, _) = review(
            &app,
            "not-the-secret-of-any-order",
            json!({"line_no": 1, "stars": 5}),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let mut body = order_body();
        body["lines"] = json!([{"sku": "SOCK-M", "quantity": 1}]);
        let (_, waiting) = app.place(body).await;
        let waiting = waiting["link_token"].as_str().expect("a link").to_owned();
        let (status, refused) = review(&app, &waiting, json!({"line_no": 1, "stars": 5})).await;
        assert_eq!(status, StatusCode::CONFLICT, "not delivered yet: {refused}");
        assert_eq!(refused["error"]["code"], "not_delivered");
        review(&app, &token, json!({"line_no": 1, "stars": 5})).await;
        let packer = Actor {
            role: Role::Packer,
            name: "user:packer@example.no".into(),
        };
        let paging = app::listing::Paging::parse(None, None).expect("paging");
        assert!(matches!(
            app.shop.reviews(&packer, None, paging).await,
            Err(app::Error::Forbidden)
        ));
    })
    .await;
}

#[tokio::test]
async fn af5_hiding_a_review_takes_a_reason_the_author_is_told_in_their_language() {
    on_each_backend(|app: TestApp| async move {
        let (number, token) = delivered(&app).await;
        let (_, written) = review(
            &app,
            &token,
            json!({"line_no": 1, "stars": 1, "text": "Ring meg på 912 34 567!"}),
        )
        .await;
        let path = format!("/reviews/{}/hide", written["id"]);
        let (status, refused) = app.post(&path, json!({"reason": " "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused["error"]["field"], "reason");
        let hidden = app
            .post_ok(
                &path,
                json!({"reason": "Anmeldelser kan ikke inneholde telefonnumre."}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(hidden["state"], "hidden");
        let told = sent(&app, number, "review_hidden").await;
        assert_eq!(told.len(), 1);
        let text = body(&told[0]);
        assert!(text.contains("Vi har ikke publisert anmeldelsen"), "{text}");
        assert!(
            text.contains("Anmeldelser kan ikke inneholde telefonnumre."),
            "{text}"
        );
        assert!(text.contains(&format!("/o/{token}#review")), "{text}");
    })
    .await;
}

#[tokio::test]
async fn af4_one_reminder_goes_when_no_review_came_and_none_after_a_review() {
    on_each_backend(|app: TestApp| async move {
        let (status, refused) = app
            .put("/settings", json!({"reviews": {"ask_after_days": 16}}))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "AF-4: 7 to 15 days"
        );
        assert_eq!(refused["error"]["field"], "reviews.ask_after_days");
        // A week after the request, so the weekly cap of one lets it through.
        app.configure(|s| s["reviews"]["remind_after_days"] = json!(8))
            .await;
        app.seed_catalog().await;
        let consenting = |phone: &str| {
            let mut body = order_body();
            body["customer"] =
                json!({"name": "Siri Dahl", "phone": phone, "marketing_consent": true});
            body
        };
        let (silent, _) = app.deliver_at_the_shop(consenting("913 22 222")).await;
        let (reviewed, _) = app.deliver_at_the_shop(consenting("913 33 333")).await;
        app.clock.advance(jiff::SignedDuration::from_hours(24 * 11));
        assert_eq!(sent(&app, silent, "review_request").await.len(), 1);
        let order = app.get_ok(&format!("/orders/{reviewed}")).await;
        let token = order["link_token"].as_str().expect("a link").to_owned();
        review(&app, &token, json!({"line_no": 1, "stars": 5})).await;
        for _ in 0..3 {
            app.clock.advance(jiff::SignedDuration::from_hours(24 * 4));
            app.run_jobs().await;
        }
        assert_eq!(
            sent(&app, silent, "review_reminder").await.len(),
            1,
            "one reminder"
        );
        assert!(
            sent(&app, reviewed, "review_reminder").await.is_empty(),
            "a review came"
        );
    })
    .await;
}
