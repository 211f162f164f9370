//! Money recorded against an order and its corrections: checked payments, voids and refunds
//! (PY-1, PY-3, AF-1).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body, timeline_kinds};

/// An order of three lines: two pairs of socks M, one pair L, a blanket; delivered by courier.
async fn three_lines(app: &TestApp) -> (i64, i64) {
    app.seed_catalog().await;
    let mut body = order_body();
    body["lines"] = json!([
        {"sku": "SOCK-M", "quantity": 2},
        {"sku": "SOCK-L", "quantity": 1},
        {"sku": "BLANKET", "quantity": 1}
    ]);
    let (number, order) = app.place(body).await;
    let total = order["total"]["amount_minor"].as_i64().expect("a total");
    (number, total)
}

async fn pay(app: &TestApp, number: i64, body: Value) -> (StatusCode, Value) {
    app.post(&format!("/orders/{number}/payments"), body).await
}

async fn refund(app: &TestApp, number: i64, body: Value) -> (StatusCode, Value) {
    app.post(&format!("/orders/{number}/refunds"), body).await
}

fn refused(answer: &(StatusCode, Value)) -> (StatusCode, Option<&str>, Option<&str>) {
    let (status, body) = answer;
    (
        *status,
        body["error"]["field"].as_str(),
        body["error"]["code"].as_str(),
    )
}

fn money(order: &Value, what: &str) -> i64 {
    order["payment"][what]["amount_minor"]
        .as_i64()
        .unwrap_or_default()
}

fn queued(order: &Value, template: &str) -> usize {
    order["timeline"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter(|e| e["kind"] == "message_queued" && e["data"]["template"] == template)
                .count()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_payment_above_the_balance_by_an_unknown_method_or_in_another_currency_is_refused_naming_the_field()
 {
    on_each_backend(|app: TestApp| async move {
        let (number, total) = three_lines(&app).await;
        // PY-3: a recorded payment is checked, and a refusal changes nothing.
        let above = pay(&app, number, json!({"amount_minor": total * 1000})).await;
        assert_eq!(
            refused(&above),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("amount_minor"),
                Some("amount_above_balance")
            )
        );
        let gold = pay(&app, number, json!({"amount_minor": 100, "method": "gold"})).await;
        assert_eq!(
            refused(&gold),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("method"),
                Some("method_unknown")
            )
        );
        let nok = pay(&app, number, json!({"amount_minor": 100, "currency": "NOK"})).await;
        assert_eq!(
            refused(&nok),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("currency"),
                Some("currency_mismatch")
            )
        );
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(money(&order, "paid"), 0);
        assert!(app.payments(number).await.is_empty());

        // Marked as an overpayment, more than the balance is taken, and may be paid back.
        let (status, overpaid) = pay(
            &app,
            number,
            json!({"amount_minor": total + 500, "method": "cash", "currency": "EUR", "overpayment": true}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{overpaid}");
        assert_eq!(overpaid["payment"]["status"], "overpaid");
        let back = refund(
            &app,
            number,
            json!({"overpayment": true, "amount_minor": 501, "reason": "paid too much", "method": "cash"}),
        )
        .await;
        assert_eq!(
            refused(&back),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("amount_minor"),
                Some("refund_above_overpayment")
            )
        );
        let (status, settled) = refund(
            &app,
            number,
            json!({"overpayment": true, "amount_minor": 500, "reason": "paid too much", "method": "cash"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{settled}");
        assert_eq!(money(&settled, "paid"), total);
        assert_eq!(settled["payment"]["status"], "paid");
    })
    .await;
}

#[tokio::test]
async fn a_payment_recorded_in_error_is_voided_once_with_its_reason_and_the_balance_is_due_again() {
    on_each_backend(|app: TestApp| async move {
        let (number, total) = three_lines(&app).await;
        let (status, _) = pay(
            &app,
            number,
            json!({"amount_minor": 1000, "method": "cash"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let id = app.payments(number).await[0]["id"].as_i64().expect("an id");
        let path = format!("/orders/{number}/payments/{id}/void");
        let void = |body: Value| app.post(&path, body);
        let no_reason = void(json!({"reason": " "})).await;
        assert_eq!(
            refused(&no_reason),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("reason"),
                Some("reason_required")
            )
        );
        let (status, order) = void(json!({"reason": "recorded on the wrong order"})).await;
        assert_eq!(status, StatusCode::OK, "{order}");
        assert_eq!(money(&order, "paid"), 0);
        assert_eq!(money(&order, "balance_due"), total);
        assert!(timeline_kinds(&order).contains(&"payment_voided".to_owned()));
        // Nothing is deleted: the payment stays, voided, beside the void naming it.
        let records = app.payments(number).await;
        let kinds: Vec<_> = records
            .iter()
            .map(|p| (p["kind"].as_str(), p["voided"].as_bool()))
            .collect();
        assert_eq!(
            kinds,
            [(Some("payment"), Some(true)), (Some("void"), Some(false))]
        );
        assert_eq!(records[1]["reason"], "recorded on the wrong order");
        let again = void(json!({"reason": "twice"})).await;
        assert_eq!(
            refused(&again),
            (StatusCode::CONFLICT, None, Some("already_voided"))
        );
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(money(&order, "paid"), 0);
    })
    .await;
}

#[tokio::test]
async fn two_of_three_lines_are_refunded_as_sold_the_customer_is_told_and_never_more_than_paid() {
    on_each_backend(|app: TestApp| async move {
        let (number, total) = three_lines(&app).await;
        let (status, _) = pay(&app, number, json!({"amount_minor": total})).await;
        assert_eq!(status, StatusCode::OK);
        // AF-1: one pair of M and the pair of L come back; the amount is what they cost.
        let (status, order) = refund(
            &app,
            number,
            json!({"lines": [{"line_no": 1, "quantity": 1}, {"line_no": 2, "quantity": 1}],
                   "reason": "too small", "method": "card"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{order}");
        assert_eq!(money(&order, "refunded"), 2 * 1990);
        assert_eq!(order["payment"]["status"], "partially_refunded");
        // A refund settles goods given back: nothing becomes due.
        assert_eq!(money(&order, "balance_due"), 0);
        // PY-3: the customer hears of it in their channel, once.
        assert_eq!(queued(&order, "refund_made"), 1);
        assert!(timeline_kinds(&order).contains(&"refund_made".to_owned()));

        // No unit twice: line 1 has one pair left to refund.
        let twice = refund(
            &app,
            number,
            json!({"lines": [{"line_no": 2, "quantity": 1}, {"line_no": 1, "quantity": 2}],
                   "reason": "again", "method": "card"}),
        )
        .await;
        assert_eq!(
            refused(&twice),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("lines[0].quantity"),
                Some("refund_quantity")
            )
        );
        let goodwill = refund(
            &app,
            number,
            json!({"amount_minor": total, "reason": "sorry", "method": "card"}),
        )
        .await;
        assert_eq!(
            refused(&goodwill),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("amount_minor"),
                Some("refund_above_paid")
            )
        );
        let (status, rest) = refund(
            &app,
            number,
            json!({"lines": [{"line_no": 1, "quantity": 1}, {"line_no": 3, "quantity": 1}],
                   "delivery": true, "reason": "the parcel came back", "method": "card"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{rest}");
        assert_eq!(money(&rest, "refunded"), total);
        assert_eq!(rest["payment"]["status"], "refunded");
        let nothing_left = refund(
            &app,
            number,
            json!({"amount_minor": 1, "reason": "one cent", "method": "card"}),
        )
        .await;
        assert_eq!(
            refused(&nothing_left),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("amount_minor"),
                Some("refund_above_paid")
            )
        );
        let refunds: Vec<_> = app
            .payments(number)
            .await
            .into_iter()
            .filter(|p| p["kind"] == "refund")
            .map(|p| p["covers"]["lines"].as_array().map_or(0, Vec::len))
            .collect();
        assert_eq!(refunds, [2, 2]);
    })
    .await;
}

#[tokio::test]
async fn two_refunds_racing_for_the_same_money_give_it_back_once() {
    on_each_backend(|app: TestApp| async move {
        let (number, total) = three_lines(&app).await;
        let (status, _) = pay(&app, number, json!({"amount_minor": total})).await;
        assert_eq!(status, StatusCode::OK);
        let all = json!({"amount_minor": total, "reason": "cancelled by phone", "method": "bank_transfer"});
        let (a, b) = tokio::join!(
            refund(&app, number, all.clone()),
            refund(&app, number, all)
        );
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY],
            "{} / {}",
            a.1,
            b.1
        );
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(money(&order, "refunded"), total);
        let given_back: i64 = app.payments(number)
            .await
            .iter()
            .filter(|p| p["kind"] == "refund")
            .map(|p| p["amount"]["amount_minor"].as_i64().unwrap_or_default())
            .sum();
        assert_eq!(given_back, total);
    })
    .await;
}
