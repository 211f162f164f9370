//! A coupon's code at intake: a packing-slip insert (AS-4) or a birthday gift (AF-8) takes its
//! money off the order it is given with, once, and a code that cannot be used refuses the whole
//! order, naming the field.

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body, timeline_kinds};

/// A coupon as the packing station makes one, or, for a customer, the after-sale run.
pub(crate) async fn give(
    app: &TestApp,
    code: &str,
    percent: i64,
    free_delivery: bool,
    customer_id: Option<i64>,
) {
    let coupon = store::fulfilment::CouponRow {
        code: code.into(),
        percent,
        source_order: None,
        expires_at: store::to_millis(app.shop.now()) + 30 * 24 * 3600 * 1000,
        used_by_order: None,
        customer_id,
        free_delivery: i64::from(free_delivery),
    };
    let mut tx = app.shop.store().begin_write().await.expect("a transaction");
    store::fulfilment::insert_coupon(&mut tx, &coupon, store::to_millis(app.shop.now()))
        .await
        .expect("a coupon");
    tx.commit().await.expect("committed");
}

fn with_coupon(code: &str) -> Value {
    let mut body = order_body();
    body["coupon"] = json!(code);
    body
}

#[tokio::test]
async fn a_coupon_takes_its_share_off_one_order_and_is_then_used_up() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        give(&app, "BD7-123456", 10, false, None).await;
        let plain = app
            .post_ok("/orders", order_body(), StatusCode::CREATED)
            .await;
        // Typed in lower case, the code still counts.
        let order = app
            .post_ok("/orders", with_coupon(" bd7-123456 "), StatusCode::CREATED)
            .await;
        let subtotal = order["subtotal"]["amount_minor"]
            .as_i64()
            .expect("subtotal");
        assert_eq!(order["discount"]["amount_minor"], subtotal / 10);
        // As answered, so kept.
        let kept = app.get_ok(&format!("/orders/{}", order["number"])).await;
        assert_eq!(kept["discount"], order["discount"]);
        assert_eq!(kept["total"], order["total"]);
        assert_eq!(
            order["total"]["amount_minor"].as_i64(),
            plain["total"]["amount_minor"]
                .as_i64()
                .map(|t| t - subtotal / 10)
        );
        assert!(timeline_kinds(&order).contains(&"discount_granted".to_owned()));

        // Used: the next order with it is refused whole, naming the field.
        let orders = app.order_count().await;
        let (status, refused) = app.post("/orders", with_coupon("BD7-123456")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["error"]["field"], "coupon");
        assert_eq!(refused["error"]["code"], "coupon_used");
        let (_, unknown) = app.post("/orders", with_coupon("NOPE-1")).await;
        assert_eq!(unknown["error"]["code"], "coupon_unknown");
        assert_eq!(app.order_count().await, orders, "nothing half-made");

        // Cancelled, the order gives the coupon back.
        let number = order["number"].as_i64().expect("a number");
        app.post_ok(
            &format!("/orders/{number}/cancel"),
            json!({"reason": "changed her mind"}),
            StatusCode::OK,
        )
        .await;
        app.post_ok("/orders", with_coupon("BD7-123456"), StatusCode::CREATED)
            .await;

        give(&app, "AN7-654321", 0, true, None).await;
        app.clock.advance(SignedDuration::from_hours(24 * 31));
        let (_, expired) = app.post("/orders", with_coupon("AN7-654321")).await;
        assert_eq!(expired["error"]["code"], "coupon_expired");
    })
    .await;
}

#[tokio::test]
async fn two_orders_racing_for_one_coupon_get_it_once() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        give(&app, "FREE-1", 0, true, None).await;
        let stock_before = app.stock_at("SOCK-M", "WH1").await;
        let body = with_coupon("FREE-1");
        let (a, b) = tokio::join!(app.post("/orders", body.clone()), app.post("/orders", body));
        let statuses = [a.0, b.0];
        assert!(statuses.contains(&StatusCode::CREATED), "{statuses:?}");
        assert!(
            statuses.contains(&StatusCode::UNPROCESSABLE_ENTITY),
            "{statuses:?}"
        );
        let placed = if a.0 == StatusCode::CREATED { a.1 } else { b.1 };
        // Free delivery: the delivery price comes off.
        assert_eq!(placed["discount"], placed["delivery_price"]);
        assert!(placed["delivery_price"]["amount_minor"].as_i64() > Some(0));
        // The refused order holds no stock.
        let held = |stock: &Value| stock["reserved"].as_i64().unwrap_or_default();
        let stock_after = app.stock_at("SOCK-M", "WH1").await;
        let one_order = placed["lines"][0]["quantity"].as_i64().expect("quantity");
        assert_eq!(held(&stock_after) - held(&stock_before), one_order);
    })
    .await;
}

#[tokio::test]
async fn a_gift_is_for_its_customer_and_a_coupon_with_nothing_to_take_off_is_not_used_up() {
    // AF-8: a birthday coupon belongs to the card it was given to.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, first) = app.place(order_body()).await;
        let anna = first["customer"]["id"].as_i64().expect("a card");
        give(&app, "BD9-999999", 10, false, Some(anna)).await;
        let mut stranger = with_coupon("BD9-999999");
        stranger["customer"] = json!({"name": "Bo Lund", "phone": "913 11 111"});
        let (_, refused) = app.post("/orders", stranger).await;
        assert_eq!(refused["error"]["code"], "coupon_not_yours", "{refused}");
        app.post_ok("/orders", with_coupon("BD9-999999"), StatusCode::CREATED)
            .await;

        // Free delivery on a pickup at the shop takes nothing off: refused, and kept.
        give(&app, "AN9-888888", 0, true, None).await;
        let mut pickup = with_coupon("AN9-888888");
        pickup["delivery"] = json!({"method": "store_pickup"});
        let (status, refused) = app.post("/orders", pickup).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused["error"]["code"], "coupon_no_effect");
        app.post_ok("/orders", with_coupon("AN9-888888"), StatusCode::CREATED)
            .await;
    })
    .await;
}
