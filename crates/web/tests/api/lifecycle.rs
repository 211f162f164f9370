//! An order's whole life through the API, with its timeline and its stock.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend, order_body, timeline_kinds};

#[tokio::test]
async fn an_order_lives_from_intake_to_closed_with_every_change_on_its_timeline() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let mut body = order_body();
        body["delivery"]["method"] = json!("post");
        let (number, order) = app.place(body).await;
        assert_eq!(order["stage"], "confirming");
        // The answer to intake is the order as stored.
        assert_eq!(order, app.get_ok(&format!("/orders/{number}")).await);
        // IN-2: the notes travel with the order.
        assert_eq!(order["lines"][0]["note"], "gift wrap, please");
        assert_eq!(order["note"], "ring the bell twice");
        assert_eq!(
            order["total"],
            json!({"amount_minor": 2 * 1990 + 590, "currency": "EUR"})
        );
        assert_eq!(order["reservations"][0]["location"], "WH1");
        assert_eq!(order["reservations"][0]["bin"], "A-01-1");
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["reserved"], 2);

        app.clock.advance(jiff::SignedDuration::from_mins(20));
        app.act(number, "confirm", json!({})).await;
        app.pack(number).await;
        let in_transit = app
            .act(number, "hand-over", json!({"tracking_number": "TRK123"}))
            .await;
        assert_eq!(in_transit["stage"], "in_transit");
        assert_eq!(in_transit["delivery"]["tracking_number"], "TRK123");
        // The units left the shelf with the parcel.
        let shelf = app.stock_at("SOCK-M", "WH1").await;
        assert_eq!(
            (shelf["on_hand"].as_i64(), shelf["reserved"].as_i64()),
            (Some(8), Some(0))
        );

        app.act(number, "deliver", json!({})).await;
        // PY-5: an order paid on receipt cannot close before the money is recorded.
        let (status, refused) = app
            .post(&format!("/orders/{number}/close"), json!({}))
            .await;
        assert_eq!(
            (status, refused["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("balance_due"))
        );
        app.shop
            .act(
                number,
                domain::orders::Command::RecordPayment {
                    amount_minor: 4570,
                    overpayment: false,
                },
                &app::access::Actor::system(),
                None,
            )
            .await
            .expect("payment recorded");
        let closed = app.act(number, "close", json!({})).await;
        assert_eq!(closed["stage"], "closed");
        assert_eq!(closed["payment"]["status"], "paid");

        let kinds: Vec<_> = timeline_kinds(&closed)
            .into_iter()
            .filter(|k| !matches!(k.as_str(), "message_queued" | "task_opened"))
            .collect();
        assert_eq!(
            kinds,
            [
                "placed",
                "line_reserved",
                "stage_changed",
                "promise_made",
                "hold_placed",
                "hold_released",
                "stage_changed",
                "item_scanned",
                "item_scanned",
                "packed",
                "stage_changed",
                "tracking_recorded",
                "stage_changed",
                "stage_changed",
                "payment_recorded",
                "stage_changed"
            ]
        );
        let confirm = closed["timeline"]
            .as_array()
            .and_then(|t| t.iter().find(|e| e["data"]["to"] == "assembling"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(confirm["actor"], "token:test");
        assert_eq!(confirm["at"], "2026-03-02T09:20:00Z");
        assert_eq!(
            confirm["data"],
            json!({"type": "stage_changed", "from": "confirming", "to": "assembling"})
        );

        // AS-5, DL-2, DL-3, AF-6: the customer heard at each step.
        let templates: Vec<_> = closed["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .filter_map(|e| e["data"]["template"].as_str())
            .collect();
        assert_eq!(
            templates,
            [
                "order_received",
                "order_being_assembled",
                "handed_to_carrier",
                "delivered",
                "payment_received",
                "payment_received"
            ]
        );

        // A closed order never moves again.
        let (status, body) = app
            .post(
                &format!("/orders/{number}/cancel"),
                json!({"reason": "late change"}),
            )
            .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("order_final"))
        );
    })
    .await;
}

#[tokio::test]
async fn a_move_the_stage_does_not_allow_is_refused_and_changes_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let (number, order) = app.place(order_body()).await;
        let (status, body) = app
            .post(&format!("/orders/{number}/deliver"), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body["error"]["code"], "stage_forbids");
        assert_eq!(
            body["error"]["message"],
            "an order that is confirming cannot deliver"
        );
        let (status, body) = app
            .post(&format!("/orders/{number}/teleport"), json!({}))
            .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found"))
        );
        let (status, body) = app
            .post(&format!("/orders/{number}/cancel"), json!({"reason": "  "}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["error"]["field"], "reason");
        let after = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(after["stage"], "confirming");
        assert_eq!(timeline_kinds(&after), timeline_kinds(&order));
        assert_eq!(after["holds"][0]["kind"], "needs_call");
    })
    .await;
}

#[tokio::test]
async fn cancelling_gives_the_units_back_and_records_why() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let (number, _) = app.place(order_body()).await;
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["available"], 8);
        let cancelled = app
            .act(
                number,
                "cancel",
                json!({"reason": "customer found a cheaper pair"}),
            )
            .await;
        assert_eq!(cancelled["stage"], "cancelled");
        assert_eq!(cancelled["reservations"][0]["state"], "released");
        let last = cancelled["timeline"]
            .as_array()
            .and_then(|t| t.last())
            .cloned()
            .unwrap_or_default();
        assert_eq!(last["reason"], "customer found a cheaper pair");
        assert_eq!(app.stock_at("SOCK-M", "WH1").await["available"], 10);
    })
    .await;
}

#[tokio::test]
async fn a_line_without_own_stock_is_ordered_from_the_supplier_and_pickup_skips_the_carrier() {
    // ST-2: own stock first, a supplier otherwise.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let mut body = order_body();
        body["lines"] =
            json!([{"sku": "BLANKET", "quantity": 1}, {"sku": "SOCK-M", "quantity": 1}]);
        body["delivery"] = json!({"method": "store_pickup"});
        body["payment_mode"] = json!("on_delivery");
        let (number, order) = app.place(body).await;
        let kinds: Vec<_> = order["reservations"]
            .as_array()
            .expect("reservations")
            .iter()
            .map(|r| r["kind"].clone())
            .collect();
        assert_eq!(kinds, [json!("supplier"), json!("warehouse")]);
        assert_eq!(order["delivery_price"]["amount_minor"], 0);
        app.act(number, "confirm", json!({})).await;
        app.pack(number).await;
        let (status, _) = app
            .post(&format!("/orders/{number}/hand-over"), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let delivered = app.act(number, "deliver", json!({})).await;
        assert_eq!(delivered["stage"], "delivered");
    })
    .await;
}

#[tokio::test]
async fn invoice_orders_wait_for_payment_before_assembly() {
    // PY-1: paid after confirmation; the goods leave after payment.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.always_call().await;
        let mut body = order_body();
        body["payment_mode"] = json!("after_confirmation");
        let (number, _) = app.place(body).await;
        let awaiting = app.act(number, "confirm", json!({})).await;
        assert_eq!(awaiting["stage"], "awaiting_payment");
        let (status, body) = app
            .post(&format!("/orders/{number}/start-assembly"), json!({}))
            .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("balance_due"))
        );
    })
    .await;
}
