//! A customer's own account, as they use it at phone width: signing in by the link that comes
//! by email, their orders, birthday (AF-8) and channel (DL-4), an address that fills the next
//! checkout, taking a copy of their data, and having it erased.

use app::access::Actor;
use domain::orders::Command;
use serde_json::Value;

use crate::helpers::{Browser, TestApp, on_each_backend};
use crate::smtp::{SmtpServer, received};
use crate::storefront::{address, fill_checkout, stock_the_shop, to_checkout};

/// Orders a grey sweater, size M, as Anna with this email; returns the product and the order's
/// number.
async fn order_as_anna(browser: &Browser, app: &TestApp, email: &str) -> (i64, i64) {
    let product = stock_the_shop(app).await;
    to_checkout(browser, app, product, "SWEATER-GREY-M").await;
    fill_checkout(browser, email).await;
    browser.click("#place-order").await;
    browser.find("#thanks").await;
    let url = browser.client.current_url().await.expect("url");
    let token = url.path().strip_prefix("/o/").expect("the order's page");
    (
        product,
        app.shop.order_by_link(token).await.expect("the order").0,
    )
}

/// The sign-in links in every email to `email`, in no particular order (a Maildir has none).
fn sign_in_links(server: &SmtpServer, app: &TestApp, email: &str) -> Vec<String> {
    let prefix = format!("{}/account/sign-in/", app.base);
    received(server)
        .into_iter()
        .filter(|m| m["to"].as_str() == Some(email))
        .filter_map(|m| {
            let text = m["parts"][0]["text"].as_str()?.to_owned();
            let start = text.find(&prefix)?;
            Some(
                text[start..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect(),
            )
        })
        .collect()
}

/// Asks for a link by email, opens it from the mail and presses the button.
async fn sign_in(browser: &Browser, app: &TestApp, server: &SmtpServer, email: &str) -> String {
    let earlier = sign_in_links(server, app, email);
    browser.goto(&app.url("/account")).await;
    browser.fill("input[name=contact]", email).await;
    browser.click("#ask-link button").await;
    let sent = browser.text("#account-message").await;
    assert!(sent.contains(email), "{sent}");
    app.run_jobs().await;
    let mut new = sign_in_links(server, app, email);
    new.retain(|link| !earlier.contains(link));
    assert_eq!(new.len(), 1, "one new link by email: {new:?}");
    let link = new.remove(0);
    browser.goto(&link).await;
    browser.click("#use-link").await;
    browser.find("#orders").await;
    link
}

/// Sets a date field the way the date picker would, whatever the browser's language.
async fn set_date(browser: &Browser, css: &str, value: &str) {
    let script = format!("document.querySelector('{css}').value = '{value}';");
    browser
        .client
        .execute(&script, vec![])
        .await
        .expect("set the date");
}

#[tokio::test]
async fn a_customer_signs_in_by_the_emailed_link_and_keeps_their_details_for_the_next_order() {
    // AF-8, DL-4: the account knows the orders, takes a birthday and a channel, and keeps an
    // address that the next checkout fills in.
    let server = crate::smtp::smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            let browser = Browser::open().await;
            let email = address("anna", &app);
            let (product, number) = order_as_anna(&browser, &app, &email).await;

            let link = sign_in(&browser, &app, server, &email).await;
            let order = browser
                .text(&format!("#orders li[data-order='{number}']"))
                .await;
            assert!(order.contains("Wool sweater"), "{order}");
            assert!(browser.text("#who").await.contains("Anna Berg"));

            // A birthday in the future is refused, naming the field; nothing is kept.
            set_date(&browser, "input[name=birthday]", "2999-01-01").await;
            browser.click("#save-profile").await;
            let problem = browser.text("#problem").await;
            assert!(problem.starts_with("Birthday:"), "{problem}");
            let customer = app.shop.order(number).await.expect("order").customer.id;
            let card = app
                .shop
                .customer(&Actor::system(), customer)
                .await
                .expect("card");
            assert_eq!(card.birthday, None);

            set_date(&browser, "input[name=birthday]", "1990-05-17").await;
            browser
                .click("input[name=preferred_channel][value=email]")
                .await;
            browser.click("#save-profile").await;
            browser.page_says("Saved.").await;
            let card = app
                .shop
                .customer(&Actor::system(), customer)
                .await
                .expect("card");
            assert_eq!(card.birthday.as_deref(), Some("1990-05-17"));

            browser
                .fill("#add-address input[name=address_line]", "Storgata 1")
                .await;
            browser
                .fill("#add-address input[name=postcode]", "0155")
                .await;
            browser.fill("#add-address input[name=city]", "Oslo").await;
            browser.click("#add-address button").await;
            browser.page_says("Storgata 1, 0155 Oslo, NO").await;

            // The next checkout starts filled in from the account.
            to_checkout(&browser, &app, product, "SWEATER-GREY-S").await;
            let value = |css: &'static str| {
                let browser = &browser;
                async move {
                    browser
                        .find(css)
                        .await
                        .prop("value")
                        .await
                        .expect("a value")
                        .unwrap_or_default()
                }
            };
            assert_eq!(value("input[name=name]").await, "Anna Berg");
            assert_eq!(value("input[name=email]").await, email);
            assert_eq!(value("input[name=address_line]").await, "Storgata 1");
            assert_eq!(value("input[name=city]").await, "Oslo");

            // The link signs in once: opened again, it says so.
            browser.goto(&link).await;
            browser.page_says("used already or is too old").await;
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_customer_takes_a_copy_of_their_data_and_has_it_erased_once_the_order_is_done() {
    let server = crate::smtp::smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            let browser = Browser::open().await;
            let email = address("bo", &app);
            let (_, number) = order_as_anna(&browser, &app, &email).await;
            sign_in(&browser, &app, server, &email).await;

            // The copy is everything the shop keeps: the card, the order, the messages.
            let script = "return fetch('/account/export').then(r => r.text());";
            let text = browser
                .client
                .execute(script, vec![])
                .await
                .expect("the export");
            let export: Value = serde_json::from_str(text.as_str().expect("a text")).expect("JSON");
            assert_eq!(export["name"], "Anna Berg");
            assert_eq!(export["orders"][0]["number"], number);
            assert!(
                export["contacts"]
                    .as_array()
                    .expect("contacts")
                    .iter()
                    .any(|c| c["value"] == email.as_str())
            );
            assert!(!export["messages"].as_array().expect("messages").is_empty());

            // Erasing needs the box ticked, and waits for the order under way.
            browser.click("#erase-account").await;
            let problem = browser.text("#problem").await;
            assert!(problem.contains("tick the box"), "{problem}");
            browser.click("#erase input[name=confirm]").await;
            browser.click("#erase-account").await;
            browser.page_says("An order is still on its way").await;

            app.shop
                .act(
                    number,
                    Command::Cancel {
                        reason: "changed her mind".into(),
                    },
                    &Actor::system(),
                    None,
                )
                .await
                .expect("cancelled");
            browser.click("#erase input[name=confirm]").await;
            browser.click("#erase-account").await;
            browser.page_says("Your data has been erased.").await;

            // The order stays for the books, without the person; the card keeps nothing.
            let order = app.shop.order(number).await.expect("the order");
            assert_eq!(order.customer.email, None);
            assert_eq!(order.customer.phone, None);
            assert_ne!(order.customer.name, "Anna Berg");
            assert_eq!(order.lines.len(), 1);
            let card = app
                .shop
                .customer(&Actor::system(), order.customer.id)
                .await
                .expect("card");
            assert!(card.emails.is_empty() && card.phones.is_empty());
            assert!(card.addresses.is_empty());

            // Signed out; signing in again by the same email finds a new, empty account.
            browser.goto(&app.url("/account")).await;
            browser.find("#ask-link").await;
            sign_in(&browser, &app, server, &email).await;
            browser.page_says("No orders yet.").await;
            browser.close().await;
        }
    })
    .await;
}
