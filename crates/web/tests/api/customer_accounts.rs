//! Customer accounts behind the storefront: sign-in links that work once and not for long, a
//! contact that cannot be flooded with them, two clicks that open one session, and consent
//! withdrawn from the account that stops a marketing message already queued (AF-10).

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// The address the visitor asks from.
const HOME: &str = "10.0.0.7";

/// The secret of the newest sign-in link queued for `recipient`.
async fn newest_link(app: &TestApp, recipient: &str) -> String {
    let data: String = sqlx::query_scalar(
        "SELECT data FROM messages WHERE template = 'sign_in_link' AND recipient = $1 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(recipient)
    .fetch_one(app.shop.store().pool())
    .await
    .expect("a sign-in message");
    let data: Value = serde_json::from_str(&data).expect("JSON");
    let url = data["sign_in_url"].as_str().expect("a link").to_owned();
    url.rsplit('/').next().expect("a secret").to_owned()
}

/// Asks for a link by email and uses it: the session's secret and the card it opened.
async fn sign_in_as(app: &TestApp, email: &str) -> (String, i64) {
    app.shop
        .send_sign_in(email, "en", HOME)
        .await
        .expect("a link");
    let session = app
        .shop
        .sign_in(&newest_link(app, email).await)
        .await
        .expect("signed in");
    let customer = app
        .shop
        .signed_in(&session.token)
        .await
        .expect("asked")
        .expect("a card");
    (session.token, customer)
}

#[tokio::test]
async fn a_sign_in_link_works_once_for_half_an_hour_and_a_contact_gets_five_an_hour() {
    on_each_backend(|app: TestApp| async move {
        let shop = &app.shop;
        // A typo in the contact names the field; nothing is sent.
        match shop.send_sign_in("not a phone", "en", HOME).await {
            Err(app::Error::Invalid { field, .. }) => assert_eq!(field, "contact"),
            other => panic!("refused, naming the field: {other:?}", other = other.err()),
        }

        shop.send_sign_in(" ola@example.no ", "nb", HOME)
            .await
            .expect("a link");
        let old = newest_link(&app, "ola@example.no").await;
        app.clock.advance(SignedDuration::from_mins(31));
        assert!(!shop.sign_in_link_works(&old).await.expect("asked"));
        match shop.sign_in(&old).await {
            Err(app::Error::Conflict { code, .. }) => assert_eq!(code, "link_expired"),
            other => panic!("a stale link is refused: {:?}", other.err()),
        }

        shop.send_sign_in("ola@example.no", "nb", HOME)
            .await
            .expect("a link");
        let link = newest_link(&app, "ola@example.no").await;
        // Two clicks at once: one session, the other click told the link is used.
        let (a, b) = tokio::join!(shop.sign_in(&link), shop.sign_in(&link));
        assert_eq!(a.is_ok() as u8 + b.is_ok() as u8, 1, "one click signs in");
        let session = a.or(b).expect("a session");
        let customer = shop
            .signed_in(&session.token)
            .await
            .expect("asked")
            .expect("signed in");
        let account = shop.account(customer).await.expect("the account");
        assert_eq!(account.emails, vec!["ola@example.no".to_owned()]);
        shop.sign_out(&session.token).await.expect("signed out");
        assert_eq!(shop.signed_in(&session.token).await.expect("asked"), None);

        // Three more links within the hour make five; the sixth is refused.
        for _ in 0..3 {
            shop.send_sign_in("ola@example.no", "nb", HOME)
                .await
                .expect("a link");
        }
        match shop.send_sign_in("ola@example.no", "nb", HOME).await {
            Err(app::Error::Invalid { field, code, .. }) => {
                assert_eq!((field.as_str(), code), ("contact", "too_many_links"))
            }
            other => panic!("the sixth link in an hour is refused: {:?}", other.err()),
        }
        app.clock.advance(SignedDuration::from_mins(61));
        shop.send_sign_in("ola@example.no", "nb", HOME)
            .await
            .expect("an hour later, a link again");
    })
    .await;
}

#[tokio::test]
async fn the_card_opened_by_a_sign_in_takes_the_name_of_the_first_order() {
    // IN-3: a card opened with only a contact is the same person's card when they order.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.shop
            .send_sign_in("siri@example.no", "en", HOME)
            .await
            .expect("a link");
        let cards = app.customer_count().await;
        let mut body = order_body();
        body["customer"] = json!({"name": "Siri Dahl", "email": "siri@example.no"});
        let (_, order) = app.place(body).await;
        assert_eq!(app.customer_count().await, cards, "no second card");
        let card = app
            .get_ok(&format!("/customers/{}", order["customer"]["id"]))
            .await;
        assert_eq!(card["name"], "Siri Dahl");
    })
    .await;
}

#[tokio::test]
async fn af10_unsubscribing_in_the_account_stops_a_review_request_already_queued() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["customer"] = json!({"name": "Siri Dahl", "phone": "913 22 222",
            "marketing_consent": true});
        body["delivery"] = json!({"method": "store_pickup"});
        let (number, order) = app.place(body).await;
        if order["stage"] == "confirming" {
            app.act(number, "confirm", json!({})).await;
        }
        app.pack(number).await;
        app.act(number, "deliver", json!({})).await;
        app.clock.advance(SignedDuration::from_hours(24 * 11));
        // The review job queues the message; before it is sent, she unsubscribes.
        app.run_jobs().await;
        let review = || {
            let path = format!("/messages?order={number}");
            let app = &app;
            async move {
                let (status, messages) = app.get(&path).await;
                assert_eq!(status, StatusCode::OK);
                messages
                    .as_array()
                    .expect("messages")
                    .iter()
                    .find(|m| m["template"] == "review_request")
                    .cloned()
                    .expect("a review request")
            }
        };
        assert_eq!(review().await["status"], "queued");
        let customer = order["customer"]["id"].as_i64().expect("a card");
        app.shop
            .set_newsletter(customer, false, "en")
            .await
            .expect("unsubscribed");
        app.run_jobs().await;
        let review = review().await;
        assert_eq!(review["status"], "withdrawn", "{review}");
        assert_eq!(review["sent_at"], Value::Null);
    })
    .await;
}

#[tokio::test]
async fn af8_a_birthday_from_the_account_is_a_past_date_and_one_kept_without_a_year_stays() {
    on_each_backend(|app: TestApp| async move {
        let shop = &app.shop;
        let (_, customer) = sign_in_as(&app, "ola@example.no").await;
        let profile = |birthday: &str| app::storefront::ProfileInput {
            name: "Ola Nordmann".into(),
            birthday: birthday.into(),
            locale: "nb".into(),
            preferred_channel: "email".into(),
        };
        let birthday = || async {
            shop.customer(&app::access::Actor::system(), customer)
                .await
                .expect("card")
                .birthday
        };
        // The staff knows the day but not the year; saving the form with an empty date keeps it.
        shop.set_birthday(&app::access::Actor::system(), customer, Some("--03-14"))
            .await
            .expect("set by staff");
        shop.update_profile(customer, &profile(""))
            .await
            .expect("saved");
        assert_eq!(birthday().await.as_deref(), Some("--03-14"));

        // A day still to come is refused, naming the field, and changes nothing.
        match shop.update_profile(customer, &profile("2026-12-24")).await {
            Err(app::Error::Invalid { field, code, .. }) => {
                assert_eq!((field.as_str(), code), ("birthday", "birthday_invalid"))
            }
            other => panic!("a future birthday is refused: {:?}", other.err()),
        }
        assert_eq!(birthday().await.as_deref(), Some("--03-14"));

        shop.update_profile(customer, &profile("1990-03-14"))
            .await
            .expect("saved");
        assert_eq!(birthday().await.as_deref(), Some("1990-03-14"));
        let account = shop.account(customer).await.expect("the account");
        assert_eq!(account.name, "Ola Nordmann");
        assert_eq!(account.preferred_channel.as_deref(), Some("email"));
        assert_eq!(account.locale.as_deref(), Some("nb"));
    })
    .await;
}

#[tokio::test]
async fn erasing_an_account_takes_the_questions_written_to_the_shop_and_the_copy_had_them() {
    // SU-1 and the customer's own data: what they wrote is theirs to take and to erase.
    on_each_backend(|app: TestApp| async move {
        let shop = &app.shop;
        let form = app::support::ContactForm {
            name: "Kari Holm".into(),
            contact: "kari@example.no".into(),
            order: String::new(),
            message: "Do you knit children's sizes?".into(),
        };
        let key = "0123456789abcdef0123456789abcdef0123";
        shop.send_inquiry(&form, key, "127.0.0.1", "en")
            .await
            .expect("sent");
        let (session, customer) = sign_in_as(&app, "kari@example.no").await;
        let copy = shop.export_account(customer).await.expect("the copy");
        assert_eq!(copy.questions.len(), 1);
        assert_eq!(copy.questions[0].question, "Do you knit children's sizes?");

        shop.erase_account(customer).await.expect("erased");
        let actor = app::access::Actor::system();
        let thread = shop
            .inquiries_of_customer(&actor, customer)
            .await
            .expect("the thread");
        assert!(thread.is_empty(), "{thread:?}");
        let card = shop.customer(&actor, customer).await.expect("the card");
        assert!(card.erased_at.is_some());
        assert!(card.emails.is_empty());
        // Erased, the session is gone too.
        assert_eq!(shop.signed_in(&session).await.expect("asked"), None);
    })
    .await;
}

#[tokio::test]
async fn af8_the_account_lists_its_gift_coupons_until_one_is_used() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["customer"] = json!({"name": "Siri Dahl", "email": "siri@example.no"});
        let (_, order) = app.place(body.clone()).await;
        let customer = order["customer"]["id"].as_i64().expect("a card");
        crate::coupons::give(&app, "BD1-111111", 10, false, Some(customer)).await;
        crate::coupons::give(&app, "AN1-222222", 0, true, Some(customer)).await;
        let codes = |app: &TestApp| {
            let shop = app.shop.clone();
            async move {
                let account = shop.account(customer).await.expect("the account");
                let codes: Vec<String> = account.coupons.into_iter().map(|c| c.code).collect();
                codes
            }
        };
        let mut listed = codes(&app).await;
        listed.sort();
        assert_eq!(listed, ["AN1-222222", "BD1-111111"]);

        body["coupon"] = json!("BD1-111111");
        app.place(body).await;
        assert_eq!(codes(&app).await, ["AN1-222222"]);
    })
    .await;
}

#[tokio::test]
async fn a_contact_an_order_added_to_someone_elses_card_gets_no_sign_in_link() {
    // IN-3 joins an order to the card its phone matches, with the new email beside it; that
    // email must not open the card's account, or anyone knowing a phone could read it.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["customer"] =
            json!({"name": "Siri Dahl", "phone": "913 22 222", "email": "siri@example.no"});
        let (_, first) = app.place(body.clone()).await;
        body["customer"] =
            json!({"name": "Siri Dahl", "phone": "913 22 222", "email": "mallory@example.no"});
        let (_, second) = app.place(body).await;
        assert_eq!(
            second["customer"]["id"], first["customer"]["id"],
            "one card"
        );

        match app
            .shop
            .send_sign_in("mallory@example.no", "en", HOME)
            .await
        {
            Err(app::Error::Invalid { field, code, .. }) => {
                assert_eq!((field.as_str(), code), ("contact", "contact_untrusted"))
            }
            other => panic!("no link to an added contact: {:?}", other.err()),
        }
        let links: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE template = 'sign_in_link'")
                .fetch_one(app.shop.store().pool())
                .await
                .expect("count");
        assert_eq!(links, 0);
        // The contacts the card was opened with still sign in.
        app.shop
            .send_sign_in("913 22 222", "en", HOME)
            .await
            .expect("a link by SMS");
        app.shop
            .send_sign_in("siri@example.no", "en", HOME)
            .await
            .expect("a link by email");
    })
    .await;
}

#[tokio::test]
async fn another_site_cannot_ask_for_links_or_sign_a_visitor_in() {
    on_each_backend(|app: TestApp| async move {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let asked = client
            .post(format!("{}/account/sign-in", app.base))
            .header("Sec-Fetch-Site", "cross-site")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("contact=ola%40example.no")
            .send()
            .await
            .expect("posted");
        assert_eq!(asked.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.customer_count().await, 0, "nothing written");

        app.shop
            .send_sign_in("ola@example.no", "en", HOME)
            .await
            .expect("a link");
        let link = newest_link(&app, "ola@example.no").await;
        let used = client
            .post(format!("{}/account/sign-in/{link}", app.base))
            .header("Sec-Fetch-Site", "cross-site")
            .send()
            .await
            .expect("posted");
        assert_eq!(used.status(), StatusCode::FORBIDDEN);
        assert!(app.shop.sign_in_link_works(&link).await.expect("asked"));
    })
    .await;
}

#[tokio::test]
async fn the_contact_form_does_not_rename_a_card_only_an_order_does() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.shop
            .send_sign_in("kari@example.no", "en", HOME)
            .await
            .expect("a link");
        let form = app::support::ContactForm {
            name: "Not Kari".into(),
            contact: "kari@example.no".into(),
            order: String::new(),
            message: "Hello".into(),
        };
        let key = "abcdef0123456789abcdef0123456789abcd";
        app.shop
            .send_inquiry(&form, key, "127.0.0.1", "en")
            .await
            .expect("sent");
        let mut body = order_body();
        body["customer"] = json!({"name": "Kari Holm", "email": "kari@example.no"});
        let (_, order) = app.place(body).await;
        let card = app
            .get_ok(&format!("/customers/{}", order["customer"]["id"]))
            .await;
        assert_eq!(card["name"], "Kari Holm");
    })
    .await;
}

#[tokio::test]
async fn one_sender_gets_twenty_links_an_hour_whatever_the_numbers() {
    // Every SMS costs the shop: a script cannot send links to many phones from one address.
    on_each_backend(|app: TestApp| async move {
        assert_eq!(app.customer_count().await, 0);
        for n in 0..20 {
            let phone = format!("913 00 {:03}", 100 + n);
            app.shop
                .send_sign_in(&phone, "en", HOME)
                .await
                .unwrap_or_else(|e| panic!("link {n} to {phone}: {e:?}"));
        }
        match app.shop.send_sign_in("913 00 999", "en", HOME).await {
            Err(app::Error::Invalid { field, code, .. }) => {
                assert_eq!((field.as_str(), code), ("contact", "too_many_links"))
            }
            other => panic!("the 21st link is refused: {:?}", other.err()),
        }
        app.shop
            .send_sign_in("913 00 999", "en", "10.0.0.8")
            .await
            .expect("another address is not held back");
    })
    .await;
}
