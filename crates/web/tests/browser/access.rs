//! Logging in, roles, failed logins and forms without their token.

use domain::access::Role;

use crate::helpers::{Browser, TestApp, on_each_backend};

#[tokio::test]
async fn each_role_sees_only_what_it_may() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let number = app.place("Anna Berg", "912 34 567").await;
        let browser = Browser::open().await;
        let forbidden = "Your role may not open this page or do this.";

        let owner = app.person(Role::Owner).await;
        browser.log_in_as(&app, &owner).await;
        browser.page_says("Today's orders").await;
        browser.click("nav.nav a[href='/admin/settings']").await;
        browser.page_says("Calling hours").await;
        browser.client.delete_all_cookies().await.expect("log out");

        // A manager works orders and calls, but the shop's settings are the owner's.
        let manager = app.person(Role::Manager).await;
        browser.log_in_as(&app, &manager).await;
        browser.page_says("Tasks due now").await;
        let nav = browser.text("nav.nav").await;
        assert!(nav.contains("Calls") && !nav.contains("Settings"), "{nav}");
        browser.goto(&app.url("/admin/settings")).await;
        browser.page_says(forbidden).await;
        browser.client.delete_all_cookies().await.expect("log out");

        // A packer starts at the packing station and may not open settings or calls.
        let packer = app.person(Role::Packer).await;
        browser.log_in_as(&app, &packer).await;
        browser.page_says("Anna Berg").await;
        let nav = browser.text("nav.nav").await;
        assert!(
            !nav.contains("Calls") && !nav.contains("Customers"),
            "{nav}"
        );
        for path in ["/admin/settings", "/admin/calls"] {
            browser.goto(&app.url(path)).await;
            browser.page_says(forbidden).await;
        }
        browser.client.delete_all_cookies().await.expect("log out");

        // A courier starts at their deliveries (none: not linked to a courier yet) and sees only
        // the orders they worked on: none yet, and not Anna's.
        let courier = app.person(Role::Courier).await;
        browser.log_in_as(&app, &courier).await;
        browser
            .page_says("Your login is not linked to a courier. Ask the owner.")
            .await;
        browser.goto(&app.url("/admin/orders")).await;
        browser.page_says("No orders match.").await;
        browser
            .goto(&app.url(&format!("/admin/orders/{number}")))
            .await;
        browser.page_says(forbidden).await;
        let body = browser.text("body").await;
        assert!(!body.contains("Anna Berg"), "{body}");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_wrong_password_is_refused_repeated_failures_lock_the_address_out_and_the_owner_unlocks()
{
    on_each_backend(|app: TestApp| async move {
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        for _ in 0..5 {
            browser
                .log_in(&app, &manager.email, "not the password")
                .await;
            browser
                .page_says("The email or the password is wrong.")
                .await;
        }
        // The sixth try is refused whatever the password, until the first failure ages out.
        browser
            .log_in(&app, &manager.email, &manager.password)
            .await;
        browser
            .page_says("Too many failed attempts. Try again in 15 minutes.")
            .await;
        // The owner sees the failures on the users page and clears them.
        let owner = app.person(Role::Owner).await;
        let desk = Browser::open().await;
        desk.log_in_as(&app, &owner).await;
        desk.goto(&app.url("/admin/users")).await;
        desk.page_says("5 failed logins in the last 15 minutes")
            .await;
        desk.click("form[action$='/unlock'] button").await;
        // The page comes back without the failures.
        desk.client
            .wait()
            .for_element(fantoccini::Locator::XPath(
                "//body[.//h1 and not(.//form[contains(@action, '/unlock')])]",
            ))
            .await
            .expect("the failures cleared");
        desk.close().await;
        browser.log_in_as(&app, &manager).await;
        browser.page_says("Tasks due now").await;
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| s.confirmation.always_call = true).await;
        let number = app.place("Anna Berg", "912 34 567").await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser
            .goto(&app.url(&format!("/admin/orders/{number}")))
            .await;
        browser.find("form[action$='/confirm']").await;
        // A form posted from elsewhere has no token: take it out of this page's forms.
        browser
            .client
            .execute(
                "document.querySelectorAll('input[name=csrf]').forEach(e => e.remove())",
                vec![],
            )
            .await
            .expect("script");
        browser.click("form[action$='/confirm'] button").await;
        browser
            .page_says("This form has expired or did not come from this back office.")
            .await;
        let order = app.shop.order(number).await.expect("the order");
        assert_eq!(order.stage, "confirming");
        browser.close().await;
    })
    .await;
}
