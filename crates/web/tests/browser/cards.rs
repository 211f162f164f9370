//! IN-3 on the customer card: two cards of one person merged into one after confirming; and
//! PY-1 on the order page: a payment recorded by hand shows among the order's payments.

use domain::access::Role;

use crate::helpers::{Browser, TestApp, on_each_backend};

#[tokio::test]
async fn a_manager_merges_two_cards_and_records_a_payment() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let first = app.place("Anna Berg", "912 34 567").await;
        app.place("Anna Berg", "913 11 111").await;
        let kept = app.shop.order(first).await.expect("order").customer.id;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;

        browser
            .goto(&app.url(&format!("/admin/customers/{kept}")))
            .await;
        browser.click("#merge-link").await;
        // The other card with the same name is offered; choosing it shows both to compare.
        browser.click("#candidates a").await;
        let compare = browser.text(".pair").await;
        assert!(
            compare.contains("+4791234567") && compare.contains("+4791311111"),
            "{compare}"
        );
        browser.click("#confirm-merge button").await;
        browser.page_says("is merged into Anna Berg.").await;
        let contacts = browser.text("main").await;
        assert!(
            contacts.contains("+4791234567") && contacts.contains("+4791311111"),
            "{contacts}"
        );
        browser.goto(&app.url("/admin/customers")).await;
        let cards = browser.text("main").await;
        assert_eq!(cards.matches("Anna Berg").count(), 1, "{cards}");

        browser
            .goto(&app.url(&format!("/admin/orders/{first}")))
            .await;
        browser
            .fill("#record-payment input[name=amount]", "100")
            .await;
        browser
            .fill("#record-payment input[name=reference]", "bank 42")
            .await;
        browser.click("#record-payment button").await;
        let payments = browser.text("#payments").await;
        assert!(
            payments.contains("payment")
                && payments.contains("100.00")
                && payments.contains("bank 42"),
            "{payments}"
        );
        browser.close().await;
    })
    .await;
}
