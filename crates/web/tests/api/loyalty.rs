//! Loyalty tiers (AF-11): the shop's own tiers, a card's tier computed again as its orders are
//! delivered or cancelled, the customer told once, and the benefit on the next order as a
//! discount of its own.

use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body};

/// Two tiers: everyone, and from two kept orders 10% off the goods and free delivery.
async fn two_tiers(app: &TestApp) {
    app.configure(|s| {
        s["loyalty"]["tiers"] = json!([
            {"key": "new", "names": {"en": "New"}, "threshold": {"orders": 0}, "percent": 0, "free_delivery": false},
            {"key": "gold", "names": {"en": "Gold", "ru": "Золото"}, "threshold": {"orders": 2}, "percent": 10, "free_delivery": true},
        ])
    })
    .await;
}

async fn tier_reached_messages(app: &TestApp, customer: i64) -> usize {
    app.get_ok(&format!("/messages?customer={customer}&limit=200"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["template"] == "tier_reached")
        .count()
}

#[tokio::test]
async fn a_tier_follows_deliveries_and_cancellations_and_gives_its_benefit() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        two_tiers(&app).await;
        let mut body = order_body();
        body["customer"]["marketing_consent"] = json!(true);
        let (_, anna) = app.deliver_at_the_shop(body.clone()).await;
        let card = app.get_ok(&format!("/customers/{anna}")).await;
        assert_eq!(card["loyalty_tier"], "new");

        // The second kept order reaches gold; the customer is told once.
        app.deliver_at_the_shop(body.clone()).await;
        let card = app.get_ok(&format!("/customers/{anna}")).await;
        assert_eq!(card["loyalty_tier"], "gold");
        assert_eq!(card["tier"]["names"]["ru"], "Золото");
        assert_eq!(tier_reached_messages(&app, anna).await, 1);

        // The next order gets the benefit by itself, as its own discount.
        let (third, order) = app.place(body.clone()).await;
        let subtotal = order["subtotal"]["amount_minor"]
            .as_i64()
            .expect("subtotal");
        let delivery = order["delivery_price"]["amount_minor"]
            .as_i64()
            .expect("delivery");
        assert_eq!(
            order["discount"]["amount_minor"],
            (subtotal / 10 + delivery).min(subtotal)
        );
        let reasons: Vec<_> = order["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .filter(|e| e["kind"] == "discount_granted")
            .map(|e| e["data"]["reason"].clone())
            .collect();
        assert_eq!(reasons, [json!("loyalty tier Gold")]);

        // Cancelling it leaves the two delivered orders: still gold, nothing more said.
        app.act(third, "cancel", json!({"reason": "changed their mind"}))
            .await;
        let card = app.get_ok(&format!("/customers/{anna}")).await;
        assert_eq!(card["loyalty_tier"], "gold");
        assert_eq!(tier_reached_messages(&app, anna).await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_cancelled_order_no_longer_counts_and_the_customer_is_told_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        two_tiers(&app).await;
        let mut body = order_body();
        body["customer"]["marketing_consent"] = json!(true);
        let (_, order) = app.place(body.clone()).await;
        let anna = order["customer"]["id"].as_i64().expect("a card");
        let (second, _) = app.place(body.clone()).await;
        assert_eq!(
            app.get_ok(&format!("/customers/{anna}")).await["loyalty_tier"],
            "gold"
        );
        app.act(second, "cancel", json!({"reason": "changed their mind"}))
            .await;
        assert_eq!(
            app.get_ok(&format!("/customers/{anna}")).await["loyalty_tier"],
            "new"
        );
        // Back to gold with a new order: the customer heard of gold already.
        app.place(body.clone()).await;
        assert_eq!(
            app.get_ok(&format!("/customers/{anna}")).await["loyalty_tier"],
            "gold"
        );
        assert_eq!(tier_reached_messages(&app, anna).await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_tier_policy_that_does_not_rise_is_refused_naming_the_field() {
    on_each_backend(|app: TestApp| async move {
        let mut settings = app.get_ok("/settings").await;
        settings["loyalty"]["tiers"][2]["threshold"] = json!({"orders": 1});
        let (status, err) = app.put("/settings", settings).await;
        assert_eq!(status, reqwest::StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["error"]["field"], "loyalty.tiers");
        assert_eq!(err["error"]["code"], "tier_threshold_order");
    })
    .await;
}
