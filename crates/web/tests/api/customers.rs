//! IN-3: the first order makes the card; a returning customer is recognised, not duplicated.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

#[tokio::test]
async fn a_returning_customer_is_recognised_by_phone_or_email() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let first = app
            .post_ok("/orders", order_body(), StatusCode::CREATED)
            .await;
        let card_id = first["customer"]["id"].as_i64().expect("a card");

        // The same phone typed another way, no email.
        let mut by_phone = order_body();
        by_phone["customer"] = json!({"name": "Anna B.", "phone": "+47 912 34 567"});
        let second = app.post_ok("/orders", by_phone, StatusCode::CREATED).await;
        assert_eq!(second["customer"]["id"], card_id);

        // The same email in capitals, a new phone: the phone joins the card.
        let mut by_email = order_body();
        by_email["customer"] =
            json!({"name": "Anna Berg", "email": "ANNA@example.no", "phone": "48 00 00 00"});
        by_email["delivery"]["address"]["line"] = json!("Kirkegata 5");
        let third = app.post_ok("/orders", by_email, StatusCode::CREATED).await;
        assert_eq!(third["customer"]["id"], card_id);

        // Somebody else gets their own card.
        let mut other = order_body();
        other["customer"] =
            json!({"name": "Ola Nordmann", "phone": "+47 41 23 45 67", "marketing_consent": true});
        let fourth = app.post_ok("/orders", other, StatusCode::CREATED).await;
        assert_ne!(fourth["customer"]["id"], card_id);

        assert_eq!(app.customer_count().await, 2);
        let card = app.get_ok(&format!("/customers/{card_id}")).await;
        assert_eq!(card["name"], "Anna Berg");
        assert_eq!(card["phones"], json!(["+4791234567", "+4748000000"]));
        assert_eq!(card["emails"], json!(["anna@example.no"]));
        assert_eq!(card["addresses"].as_array().map(Vec::len), Some(2));
        assert_eq!(card["orders"].as_array().map(Vec::len), Some(3));
        assert_eq!(card["loyalty_tier"], "regular");
        assert_eq!(card["marketing_consent"], serde_json::Value::Null);

        let ola = app
            .get_ok(&format!("/customers/{}", fourth["customer"]["id"]))
            .await;
        assert_eq!(ola["marketing_consent"]["source"], "order");
        let found = app.get_ok("/customers?q=nordmann").await;
        assert_eq!(found.as_array().map(Vec::len), Some(1));
    })
    .await;
}

#[tokio::test]
async fn two_first_orders_at_once_make_one_card() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let app = std::sync::Arc::new(app);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..6 {
            let app = app.clone();
            tasks.spawn(async move {
                let mut body = order_body();
                body["lines"][0]["quantity"] = json!(1);
                app.post("/orders", body).await
            });
        }
        while let Some(result) = tasks.join_next().await {
            let (status, body) = result.expect("task");
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
        assert_eq!(app.customer_count().await, 1);
        let cards = app.get_ok("/customers").await;
        assert_eq!(cards[0]["orders"], 6);
    })
    .await;
}

#[tokio::test]
async fn in3_two_cards_of_one_person_become_one() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let first = app
            .post_ok("/orders", order_body(), StatusCode::CREATED)
            .await;
        let kept = first["customer"]["id"].as_i64().expect("a card");
        // The same person ordering with a new phone and email gets a second card.
        let mut again = order_body();
        again["customer"] = json!({"name": "Anna Berg", "phone": "48 00 00 01",
                                   "email": "anna.berg@work.no", "marketing_consent": true});
        again["delivery"]["address"]["line"] = json!("Kirkegata 5");
        let second = app.post_ok("/orders", again, StatusCode::CREATED).await;
        let other = second["customer"]["id"].as_i64().expect("a card");
        assert_ne!(kept, other);
        app.run_jobs().await;

        let (status, body) = app
            .post(&format!("/customers/{kept}/merge"), json!({"other": kept}))
            .await;
        assert_eq!(
            (status, body["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("other"))
        );
        let (status, _) = app
            .post(&format!("/customers/{kept}/merge"), json!({"other": 9999}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        let card = app
            .post_ok(
                &format!("/customers/{kept}/merge"),
                json!({"other": other}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(card["phones"], json!(["+4791234567", "+4748000001"]));
        assert_eq!(
            card["emails"],
            json!(["anna@example.no", "anna.berg@work.no"])
        );
        assert_eq!(card["addresses"].as_array().map(Vec::len), Some(2));
        assert_eq!(card["orders"].as_array().map(Vec::len), Some(2));
        assert_eq!(card["marketing_consent"]["source"], "order");
        let (status, _) = app.get(&format!("/customers/{other}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(app.customer_count().await, 1);
        let messages = app.get_ok(&format!("/messages?customer={kept}")).await;
        let orders_told: std::collections::BTreeSet<i64> = messages
            .as_array()
            .expect("messages")
            .iter()
            .filter_map(|m| m["order_number"].as_i64())
            .collect();
        assert_eq!(orders_told.len(), 2, "{messages}");

        // Contacts stay unique: the moved phone finds the kept card and adds nothing.
        let mut later = order_body();
        later["customer"] = json!({"name": "Anna", "phone": "+47 48 00 00 01"});
        let third = app.post_ok("/orders", later, StatusCode::CREATED).await;
        assert_eq!(third["customer"]["id"], kept);
        let card = app.get_ok(&format!("/customers/{kept}")).await;
        assert_eq!(card["phones"].as_array().map(Vec::len), Some(2));
        assert_eq!(app.customer_count().await, 1);
    })
    .await;
}
