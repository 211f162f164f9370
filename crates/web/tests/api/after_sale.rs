//! After the sale, through the API and the worker as the shop's clock moves: replenishment
//! reminders (AF-7), birthday and anniversary gifts (AF-8) and holiday greetings (AF-9), each
//! with consent and within the weekly cap (AF-10), and never twice, whether the day's run goes
//! again, another instance runs it or a worker died halfway.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, body, on_each_backend, order_body};

/// Delivers socks at the shop's counter to a customer with this phone; answers the order's
/// number and the customer's card.
async fn deliver(app: &TestApp, name: &str, phone: &str, consent: bool) -> (i64, i64) {
    let mut body = order_body();
    body["customer"] = json!({"name": name, "phone": phone, "marketing_consent": consent});
    app.deliver_at_the_shop(body).await
}

/// What a worker does on `at` (UTC): adds the day's run and works until nothing is due, so the
/// messages it queued are sent (to the outbox: no transports here) and carry their text.
async fn run_day(app: &TestApp, at: &str) {
    app.clock.set(at.parse().expect("a time"));
    app.shop.schedule_daily_jobs().await.expect("scheduled");
    for _ in 0..5 {
        if app.run_jobs().await == 0 {
            return;
        }
    }
    panic!("the worker never ran out of jobs");
}

/// The customer's messages of one template, oldest first.
async fn messages(app: &TestApp, customer: i64, template: &str) -> Vec<Value> {
    let mut list: Vec<Value> = app
        .get_ok(&format!("/messages?customer={customer}&limit=200"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["template"] == template)
        .cloned()
        .collect();
    list.reverse();
    list
}

/// The coupons made for a card (AF-8): code, percent off, free delivery.
async fn coupons(app: &TestApp, customer: i64) -> Vec<(String, i64, i64)> {
    sqlx::query_as(
        "SELECT code, percent, free_delivery FROM coupons WHERE customer_id = $1 ORDER BY created_at",
    )
    .bind(customer)
    .fetch_all(app.shop.store().pool())
    .await
    .expect("coupons")
}

#[tokio::test]
async fn af7_a_replenishment_reminder_comes_in_the_window_with_the_product_link_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| {
            s["public_url"] = json!("https://fjord.example");
            s["after_sale"]["replenish"] =
                json!([{"category": "socks", "after_days_min": 56, "after_days_max": 84}]);
        })
        .await;
        let products = app.get_ok("/products?limit=50").await;
        let socks = products
            .as_array()
            .and_then(|p| p.iter().find(|p| p["title"] == "Wool socks"))
            .and_then(|p| p["id"].as_i64())
            .expect("the socks");
        let (number, siri) = deliver(&app, "Siri Dahl", "913 22 222", true).await;
        let (_, bo) = deliver(&app, "Bo Lund", "913 11 111", false).await;
        let (_, kari) = deliver(&app, "Kari Holm", "913 33 333", true).await;
        // Kari orders the same socks again a month later: she needs no reminder.
        run_day(&app, "2026-04-01T09:00:00Z").await;
        let mut again = order_body();
        again["customer"] = json!({"name": "Kari Holm", "phone": "913 33 333"});
        app.place(again).await;

        // Delivered on 2 March; the window opens on the 56th day, 27 April.
        run_day(&app, "2026-04-26T09:00:00Z").await;
        assert!(
            messages(&app, siri, "replenish_reminder").await.is_empty(),
            "not before the window"
        );
        run_day(&app, "2026-04-27T09:00:00Z").await;
        let sent = messages(&app, siri, "replenish_reminder").await;
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0]["order_number"], number);
        assert_eq!(sent[0]["status"], "outbox");
        let link = format!("https://fjord.example/products/{socks}?sku=SOCK-M");
        assert!(body(&sent[0]).contains(&link), "{}", body(&sent[0]));
        assert!(body(&sent[0]).contains("Wool socks"), "{}", body(&sent[0]));
        let timeline = app.get_ok(&format!("/orders/{number}")).await["timeline"].clone();
        assert!(
            timeline
                .as_array()
                .expect("timeline")
                .iter()
                .any(|e| e["data"]["template"] == "replenish_reminder"),
            "the order's timeline shows it: {timeline}"
        );
        assert!(
            messages(&app, bo, "replenish_reminder").await.is_empty(),
            "no consent, no reminder"
        );
        assert!(
            messages(&app, kari, "replenish_reminder").await.is_empty(),
            "she reordered"
        );

        // Later days of the window, the day run again, another instance: still one.
        run_day(&app, "2026-04-27T15:00:00Z").await;
        let other = app::Shop::new(app.shop.store().clone(), app.clock.clone());
        other.schedule_daily_jobs().await.expect("scheduled");
        assert_eq!(
            app.run_jobs().await,
            0,
            "one run a day, whichever instance adds it"
        );
        run_day(&app, "2026-05-12T09:00:00Z").await;
        assert_eq!(messages(&app, siri, "replenish_reminder").await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn af8_a_birthday_brings_a_single_use_coupon_once_a_year() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, anna) = deliver(&app, "Anna Berg", "912 34 567", true).await;
        let (_, bo) = deliver(&app, "Bo Lund", "913 11 111", false).await;
        // A birthday is written with its year or, when the customer keeps it, without.
        let (status, err) = app
            .put(
                &format!("/customers/{anna}/birthday"),
                json!({"birthday": "10.03.1990"}),
            )
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("birthday"))
        );
        let card = app
            .put(
                &format!("/customers/{bo}/birthday"),
                json!({"birthday": "1985-03-10"}),
            )
            .await
            .1;
        assert_eq!(card["birthday"], "1985-03-10");
        let card = app
            .put(
                &format!("/customers/{anna}/birthday"),
                json!({"birthday": "--03-10"}),
            )
            .await
            .1;
        assert_eq!(card["birthday"], "--03-10");
        run_day(&app, "2026-03-09T09:00:00Z").await;
        assert!(
            messages(&app, anna, "birthday_greeting").await.is_empty(),
            "not before the day"
        );
        run_day(&app, "2026-03-10T09:00:00Z").await;
        let greeting = messages(&app, anna, "birthday_greeting").await;
        assert_eq!(greeting.len(), 1, "{greeting:?}");
        let gifts = coupons(&app, anna).await;
        assert_eq!(gifts.len(), 1, "{gifts:?}");
        let (code, percent, free_delivery) = &gifts[0];
        assert_eq!((*percent, *free_delivery), (10, 0));
        assert!(
            body(&greeting[0]).contains(code.as_str()),
            "the code is in the message: {}",
            body(&greeting[0])
        );
        assert!(
            body(&greeting[0]).contains("10% off"),
            "{}",
            body(&greeting[0])
        );
        assert!(
            messages(&app, bo, "birthday_greeting").await.is_empty(),
            "no consent, no greeting"
        );
        assert!(coupons(&app, bo).await.is_empty());

        // Run again, on another instance, after a worker died before marking the day done.
        sqlx::query("UPDATE jobs SET state = 'queued', run_at = 0 WHERE kind = 'after_sale'")
            .execute(app.shop.store().pool())
            .await
            .expect("as if never finished");
        run_day(&app, "2026-03-11T09:00:00Z").await;
        let other = app::Shop::new(app.shop.store().clone(), app.clock.clone());
        other.schedule_daily_jobs().await.expect("scheduled");
        other
            .run_due_jobs("other-instance", 10)
            .await
            .expect("runs");
        assert_eq!(
            messages(&app, anna, "birthday_greeting").await.len(),
            1,
            "once a year"
        );
        assert_eq!(
            coupons(&app, anna).await.len(),
            1,
            "one coupon per greeting"
        );
        // The review request (AF-4) waited a week behind the birthday under the cap; it goes.
        run_day(&app, "2026-03-20T09:00:00Z").await;
        assert_eq!(messages(&app, anna, "review_request").await.len(), 1);
        // The next year, the next one.
        run_day(&app, "2027-03-10T09:00:00Z").await;
        assert_eq!(messages(&app, anna, "birthday_greeting").await.len(), 2);
        // A second card of hers, greeted too, merges into the first (IN-3): her gifts follow her.
        let (_, second) = deliver(&app, "Anna Berg", "912 00 000", true).await;
        app.put(
            &format!("/customers/{second}/birthday"),
            json!({"birthday": "--03-10"}),
        )
        .await;
        run_day(&app, "2027-03-11T09:00:00Z").await;
        assert_eq!(messages(&app, second, "birthday_greeting").await.len(), 1);
        let before = coupons(&app, anna).await.len();
        app.post_ok(
            &format!("/customers/{anna}/merge"),
            json!({"other": second}),
            StatusCode::OK,
        )
        .await;
        assert_eq!(coupons(&app, anna).await.len(), before + 1);
        assert_eq!(messages(&app, anna, "birthday_greeting").await.len(), 3);
    })
    .await;
}

#[tokio::test]
async fn af8_the_anniversary_of_the_card_gives_free_delivery() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, anna) = deliver(&app, "Anna Berg", "912 34 567", true).await;
        run_day(&app, "2026-03-12T09:00:00Z").await;
        run_day(&app, "2027-03-01T09:00:00Z").await;
        assert!(
            messages(&app, anna, "anniversary_greeting")
                .await
                .is_empty()
        );
        run_day(&app, "2027-03-02T09:00:00Z").await;
        let sent = messages(&app, anna, "anniversary_greeting").await;
        assert_eq!(sent.len(), 1, "{sent:?}");
        let gifts = coupons(&app, anna).await;
        assert_eq!(gifts.len(), 1);
        let (code, percent, free_delivery) = &gifts[0];
        assert_eq!((*percent, *free_delivery), (0, 1));
        assert!(body(&sent[0]).contains(code.as_str()), "{}", body(&sent[0]));
        assert!(
            body(&sent[0]).contains("1 year") && body(&sent[0]).contains("free delivery"),
            "{}",
            body(&sent[0])
        );
    })
    .await;
}

#[tokio::test]
async fn af9_a_holiday_greeting_carries_no_offer_and_goes_once_to_those_who_agreed() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (status, err) = app
            .put("/settings", {
                let mut s = app.get_ok("/settings").await;
                s["after_sale"]["holidays"] = json!([{"date": "8 March", "greeting": "Happy 8 March!"}]);
                s
            })
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("after_sale.holidays[0].date"))
        );
        app.configure(|s| {
            s["after_sale"]["holidays"] = json!([
                {"date": "01-01", "greeting": "Happy New Year!"},
                {"date": "03-08", "greeting": "Happy 8 March!", "translations": {"ru": "С 8 Марта!"}}
            ]);
        })
        .await;
        let mut body_ru = order_body();
        body_ru["customer"] = json!({"name": "Olga Iva", "phone": "913 44 444", "locale": "ru", "marketing_consent": true});
        let olga = app.place(body_ru).await.1["customer"]["id"].as_i64().expect("a card");
        let mut plain = order_body();
        plain["customer"] = json!({"name": "Siri Dahl", "phone": "913 22 222", "marketing_consent": true});
        let siri = app.place(plain).await.1["customer"]["id"].as_i64().expect("a card");
        let mut silent = order_body();
        silent["customer"] = json!({"name": "Bo Lund", "phone": "913 11 111"});
        let bo = app.place(silent).await.1["customer"]["id"].as_i64().expect("a card");
        // Siri's birthday two days before takes her week's one marketing message (AF-10).
        app.put(&format!("/customers/{siri}/birthday"), json!({"birthday": "--03-06"})).await;

        run_day(&app, "2026-03-06T09:00:00Z").await;
        run_day(&app, "2026-03-08T09:00:00Z").await;
        run_day(&app, "2026-03-08T12:00:00Z").await;
        let greeting = messages(&app, olga, "holiday_greeting").await;
        assert_eq!(greeting.len(), 1, "once, in her language: {greeting:?}");
        let text = body(&greeting[0]);
        assert!(text.contains("С 8 Марта!"), "{text}");
        assert_eq!(greeting[0]["locale"], "ru");
        for offer in ["%", "code", "код", "/products/"] {
            assert!(!text.contains(offer), "no promotion in a greeting ({offer}): {text}");
        }
        assert!(coupons(&app, olga).await.is_empty());
        assert!(messages(&app, bo, "holiday_greeting").await.is_empty(), "no consent, no greeting");
        assert_eq!(messages(&app, siri, "birthday_greeting").await.len(), 1);
        assert!(messages(&app, siri, "holiday_greeting").await.is_empty(), "over the weekly cap");
        // A day late, the holiday is past: no greeting then either.
        run_day(&app, "2026-03-09T09:00:00Z").await;
        assert!(messages(&app, siri, "holiday_greeting").await.is_empty());
        // The next holiday, once more per customer who agreed.
        run_day(&app, "2027-01-01T09:00:00Z").await;
        let new_year = messages(&app, siri, "holiday_greeting").await;
        assert_eq!(new_year.len(), 1);
        assert!(body(&new_year[0]).contains("Happy New Year!"), "{}", body(&new_year[0]));
    })
    .await;
}
