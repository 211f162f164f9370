//! Returns the customer asks for on their order page (AF-1, AF-2, AF-3): the form after
//! delivery and within the shop's window, what to send back with a code and who pays the way
//! back, a task to send the right item at once when the wrong one was sent, and a thank-you
//! with a coupon once the shop settles the return.

use app::after_sale::{ReturnInput, ReturnLineInput, ReturnView};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, body, on_each_backend, order_body, timeline_kinds};

/// Two pairs of socks in M (line 1) and one in L (line 2) for a customer who reads email,
/// placed and answered with the order's number and its link's secret.
async fn place(app: &TestApp) -> (i64, String) {
    let mut body = order_body();
    body["customer"]["preferred_channel"] = json!("email");
    body["delivery"] = json!({"method": "store_pickup"});
    body["lines"] = json!([{"sku": "SOCK-M", "quantity": 2}, {"sku": "SOCK-L", "quantity": 1}]);
    let (number, order) = app.place(body).await;
    let token = order["link_token"].as_str().expect("a link").to_owned();
    (number, token)
}

/// The same order collected at the shop's counter.
async fn delivered(app: &TestApp) -> (i64, String) {
    let (number, token) = place(app).await;
    let order = app.get_ok(&format!("/orders/{number}")).await;
    if order["stage"] == "confirming" {
        app.act(number, "confirm", json!({})).await;
    }
    app.pack(number).await;
    app.act(number, "deliver", json!({})).await;
    (number, token)
}

fn asking(lines: &[(i64, i64, &str)]) -> ReturnInput {
    ReturnInput {
        lines: lines
            .iter()
            .map(|(line_no, quantity, reason)| ReturnLineInput {
                line_no: *line_no,
                quantity: *quantity,
                reason: (*reason).into(),
            })
            .collect(),
        note: String::new(),
    }
}

/// A delivered order whose customer asks to send back these lines on its page.
async fn returned(app: &TestApp, lines: &[(i64, i64, &str)]) -> (i64, String, ReturnView) {
    let (number, token) = delivered(app).await;
    let asked = app
        .shop
        .request_return(&token, &asking(lines))
        .await
        .expect("a return");
    (number, token, asked)
}

fn at(app: &TestApp, time: &str) {
    app.clock.set(time.parse().expect("a time"));
}

/// The order's messages of one template once the worker sent them (to the outbox).
async fn sent(app: &TestApp, number: i64, template: &str) -> Vec<Value> {
    while app.run_jobs().await > 0 {}
    app.get_ok(&format!("/messages?order={number}&limit=200"))
        .await
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["template"] == template)
        .cloned()
        .collect()
}

async fn returned_lines(app: &TestApp, number: i64) -> Vec<(i64, i64, String)> {
    sqlx::query_as(
        "SELECT line_no, quantity, reason FROM return_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(number)
    .fetch_all(app.shop.store().pool())
    .await
    .expect("return lines")
}

async fn return_count(app: &TestApp) -> i64 {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM returns")
        .fetch_one(app.shop.store().pool())
        .await
        .expect("count");
    count
}

/// Asks for a return that must be refused; answers the field named and the code.
async fn refused(app: &TestApp, token: &str, lines: &[(i64, i64, &str)]) -> (String, &'static str) {
    match app.shop.request_return(token, &asking(lines)).await {
        Err(app::Error::Invalid { field, code, .. }) => (field, code),
        other => panic!("expected a refusal naming a field, got {other:?}"),
    }
}

/// Whether the order page offers the return form.
async fn offers_return(app: &TestApp, token: &str) -> bool {
    let (_, page) = app.page(&format!("/o/{token}")).await;
    page.contains(r#"id="return""#)
}

#[tokio::test]
async fn af1_a_return_asked_on_the_order_page_within_the_window_keeps_its_lines_and_reasons() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| s["contact_address"] = json!("Storgata 1, 0155 Oslo"))
            .await;
        let (number, token) = delivered(&app).await;
        at(&app, "2026-03-12T09:00:00Z");
        let (_, page) = app.page(&format!("/o/{token}")).await;
        assert!(page.contains(r#"id="return""#), "the form is offered");
        assert!(page.contains("2026-04-01"), "with the last day: {page}");

        let form = [
            ("quantity-1", "1"),
            ("reason-1", "does_not_fit"),
            ("quantity-2", "0"),
            ("reason-2", "changed_mind"),
            ("note", "a size too small"),
        ];
        // Sent twice, as a double click does: one return.
        let (status, _) = app.send_form(&format!("/o/{token}/return"), &form).await;
        assert_eq!(status, StatusCode::OK);
        let (status, page) = app.send_form(&format!("/o/{token}/return"), &form).await;
        assert_eq!(status, StatusCode::OK);

        assert_eq!(return_count(&app).await, 1);
        assert_eq!(
            returned_lines(&app, number).await,
            vec![(1, 1, "does_not_fit".to_owned())]
        );
        let code = format!("R{number}-");
        assert!(page.contains(&format!("Your return {code}")), "{page}");
        assert!(page.contains("1 × Wool socks (It does not fit)"), "{page}");
        assert!(page.contains("write the code on the parcel"), "{page}");
        assert!(page.contains("Send it to Storgata 1, 0155 Oslo."), "{page}");
        assert!(
            page.contains("We pay the return shipping in full."),
            "{page}"
        );
        assert!(!page.contains(r#"id="return""#), "no second form");

        // The back office sees it as any return, once.
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["stage"], json!("return_requested"));
        let asked = timeline_kinds(&order)
            .iter()
            .filter(|k| *k == "return_requested")
            .count();
        assert_eq!(asked, 1, "{:?}", timeline_kinds(&order));
        // Changing one's mind is nobody's mistake: no task to send anything.
        let tasks = app.shop.tasks_of_order(number).await.expect("tasks");
        assert!(
            tasks.iter().all(|t| t.kind != "send_right_item"),
            "{tasks:?}"
        );

        let messages = sent(&app, number, "return_instructions").await;
        assert_eq!(messages.len(), 1, "{messages:?}");
        let text = body(&messages[0]);
        assert!(text.contains(&code), "{text}");
        assert!(text.contains("1 × Wool socks"), "{text}");
        assert!(text.contains("we pay it in full"), "{text}");
        assert!(!text.contains("sorry"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn af1_a_return_is_refused_before_delivery_after_the_window_and_for_bad_lines_naming_the_field()
 {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, waiting) = place(&app).await;
        let (field, code) = refused(&app, &waiting, &[(1, 1, "changed_mind")]).await;
        assert_eq!((field.as_str(), code), ("order", "return_not_delivered"));
        assert!(
            !offers_return(&app, &waiting).await,
            "no form before delivery"
        );

        let (number, token) = delivered(&app).await;
        for (lines, field, code) in [
            (
                vec![(1, 3, "does_not_fit")],
                "lines[0].quantity",
                "return_quantity_invalid",
            ),
            (
                vec![(1, 1, "bored")],
                "lines[0].reason",
                "return_reason_invalid",
            ),
            (
                vec![(9, 1, "defect")],
                "lines[0].line_no",
                "return_line_unknown",
            ),
            (vec![(1, 0, "defect")], "lines", "return_lines_missing"),
        ] {
            let refused = refused(&app, &token, &lines).await;
            assert_eq!((refused.0.as_str(), refused.1), (field, code));
        }
        // The page says why, in words.
        let form = [("quantity-1", "5"), ("reason-1", "defect")];
        let (_, page) = app.send_form(&format!("/o/{token}/return"), &form).await;
        assert!(
            page.contains("choose no more units than you ordered"),
            "{page}"
        );

        // A day past the 30 of the window.
        at(&app, "2026-04-02T09:00:01Z");
        let (field, code) = refused(&app, &token, &[(1, 1, "defect")]).await;
        assert_eq!((field.as_str(), code), ("order", "return_window_closed"));
        assert!(
            !offers_return(&app, &token).await,
            "no form after the window"
        );

        // Nothing half-written.
        assert_eq!(return_count(&app).await, 0);
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["stage"], json!("delivered"));
    })
    .await;
}

#[tokio::test]
async fn af1_af3_the_shop_pays_the_way_back_in_full_for_its_mistakes_and_its_share_otherwise() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| s["returns"]["shop_pays_percent"] = json!(40))
            .await;
        for (reason, share) in [
            ("changed_mind", 40),
            ("does_not_fit", 40),
            ("wrong_item", 100),
            ("defect", 100),
        ] {
            let (_, token, asked) = returned(&app, &[(1, 1, reason)]).await;
            assert_eq!(asked.shop_pays_percent, share, "{reason}");
            let (_, page) = app.page(&format!("/o/{token}")).await;
            let said = if share == 100 {
                "We pay the return shipping in full.".to_owned()
            } else {
                format!("We pay {share}% of the return shipping.")
            };
            assert!(page.contains(&said), "{reason}: {page}");
        }
        // One faulty pair among a change of mind: one parcel goes back, on the shop.
        let (number, _, asked) = returned(&app, &[(1, 2, "changed_mind"), (2, 1, "defect")]).await;
        assert_eq!(asked.shop_pays_percent, 100);
        let messages = sent(&app, number, "return_instructions").await;
        assert!(
            body(&messages[0]).contains("we pay it in full"),
            "{messages:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn af2_a_wrong_item_opens_a_task_to_send_the_right_one_now_and_the_message_apologises() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _, _) = returned(&app, &[(2, 1, "wrong_item")]).await;

        let tasks = app.shop.tasks_of_order(number).await.expect("tasks");
        let task = tasks
            .iter()
            .find(|t| t.kind == "send_right_item")
            .unwrap_or_else(|| panic!("no task to send the right item: {tasks:?}"));
        assert_eq!(task.state, "open");
        assert!(task.reason.contains("SOCK-L"), "{}", task.reason);
        // It waits for nobody: due now, not after the parcel comes back.
        assert!(task.due_at <= app.shop.now(), "{task:?}");

        let messages = sent(&app, number, "return_instructions").await;
        let text = body(&messages[0]);
        assert!(
            text.contains("We are sorry: we sent you the wrong item."),
            "{text}"
        );
        assert!(text.contains("sending you the right one now"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn af1_a_settled_return_puts_what_can_be_sold_again_back_on_its_shelf() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        // Two socks in M back because they do not fit; the one in L is defective.
        let (number, _, _) = returned(&app, &[(1, 2, "does_not_fit"), (2, 1, "defect")]).await;
        let shelf = |sku: &'static str| {
            let app = &app;
            async move { app.stock_at(sku, "WH1").await["on_hand"].as_i64() }
        };
        assert_eq!(
            (shelf("SOCK-M").await, shelf("SOCK-L").await),
            (Some(8), Some(4))
        );
        app.act(number, "resolve-return", json!({"outcome": "refunded"}))
            .await;
        assert_eq!(
            (shelf("SOCK-M").await, shelf("SOCK-L").await),
            (Some(10), Some(4))
        );
        let ledger = app.get_ok("/stock/SOCK-M/movements").await;
        assert_eq!(
            (
                ledger[0]["kind"].as_str(),
                ledger[0]["quantity"].as_i64(),
                ledger[0]["order"].as_i64()
            ),
            (Some("return"), Some(2), Some(number))
        );
        let ledger = app.get_ok("/stock/SOCK-L/movements").await;
        assert_eq!(
            ledger[0]["kind"], "sale",
            "a defective unit stays off the shelf"
        );
    })
    .await;
}

#[tokio::test]
async fn af1_settling_a_return_thanks_the_customer_with_a_single_use_coupon() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _, _) = returned(&app, &[(1, 1, "does_not_fit")]).await;
        app.act(number, "resolve-return", json!({"outcome": "refunded"}))
            .await;

        let thanks = sent(&app, number, "return_thanks").await;
        assert_eq!(thanks.len(), 1, "{thanks:?}");
        let coupons: Vec<(String, i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT code, percent, used_by_order, customer_id FROM coupons WHERE code LIKE 'TY%'",
        )
        .fetch_all(app.shop.store().pool())
        .await
        .expect("coupons");
        assert_eq!(coupons.len(), 1, "{coupons:?}");
        let (code, percent, used, customer) = &coupons[0];
        assert_eq!((*percent, *used), (5, None));
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(*customer, order["customer"]["id"].as_i64());
        let text = body(&thanks[0]);
        assert!(text.contains(code.as_str()), "{text}");
        assert!(text.contains("5% off your next order"), "{text}");

        // A shop that gives no coupon still says thank you.
        app.configure(|s| s["returns"]["thank_you_percent"] = json!(0))
            .await;
        let (number, _, _) = returned(&app, &[(1, 1, "changed_mind")]).await;
        app.act(number, "resolve-return", json!({"outcome": "returned"}))
            .await;
        let thanks = sent(&app, number, "return_thanks").await;
        assert_eq!(thanks.len(), 1, "{thanks:?}");
        assert!(!body(&thanks[0]).contains("off your next order"));
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM coupons WHERE code LIKE 'TY%'")
            .fetch_one(app.shop.store().pool())
            .await
            .expect("count");
        assert_eq!(count, 1);
    })
    .await;
}

#[tokio::test]
async fn af1_the_refund_form_proposes_the_units_sent_back_until_they_are_refunded() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _, _) = returned(&app, &[(1, 1, "does_not_fit")]).await;
        let order = app.get_ok(&format!("/orders/{number}")).await;
        let due = order["payment"]["balance_due"]["amount_minor"].clone();
        app.post_ok(
            &format!("/orders/{number}/payments"),
            json!({"amount_minor": due, "method": "cash"}),
            StatusCode::OK,
        )
        .await;
        let proposed = |page: app::backoffice::OrderPage| -> Vec<(i64, i64, i64)> {
            page.refund
                .map(|offer| {
                    offer
                        .lines
                        .iter()
                        .map(|l| (l.line_no, l.left, l.returned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let owner = app::access::Actor::system();
        let page = app.shop.order_page(&owner, number).await.expect("page");
        // One pair of M of two came back; the L stays with the customer.
        assert_eq!(proposed(page), [(1, 2, 1), (2, 1, 0)]);
        app.post_ok(
            &format!("/orders/{number}/refunds"),
            json!({"lines": [{"line_no": 1, "quantity": 1}], "reason": "sent back", "method": "cash"}),
            StatusCode::OK,
        )
        .await;
        let page = app.shop.order_page(&owner, number).await.expect("page");
        assert_eq!(proposed(page), [(1, 1, 0), (2, 1, 0)]);
    })
    .await;
}
