//! A day's work: the call queue, the order list, the message templates.

use domain::access::Role;
use jiff::SignedDuration;

use crate::helpers::{Browser, TestApp, on_each_backend};

#[tokio::test]
async fn a_manager_confirms_an_order_from_the_call_queue() {
    // CF-1..4: the next call first, the phone one tap away, what to confirm, one click per
    // outcome, and the next call the policy sets said at once.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.configure(|s| s.confirmation.always_call = true).await;
        let number = app.place("Anna Berg", "912 34 567").await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.click("nav.nav a[href='/admin/calls']").await;
        browser.find("#next-call a[href='tel:+4791234567']").await;
        let script = browser.text("#next-call dl.script").await;
        for what in [
            "Anna Berg",
            "2 × Wool socks",
            "Courier",
            "Storgata 1",
            "On delivery",
        ] {
            assert!(
                script.contains(what),
                "{what} missing from the script: {script}"
            );
        }

        // No answer: the next call is two hours later, inside calling hours (10:00 in Oslo).
        browser.click("#next-call button[value=no_answer]").await;
        browser
            .page_says(&format!(
                "Order #{number}: No answer recorded. Next call 2026-03-02 12:00"
            ))
            .await;
        browser.page_says("No calls are due now.").await;

        app.clock.advance(SignedDuration::from_hours(2));
        browser.click("nav.nav a[href='/admin/calls']").await;
        browser
            .click("#next-call button[value=reached_confirmed]")
            .await;
        browser
            .page_says(&format!("Order #{number}: Confirmed recorded."))
            .await;
        browser
            .goto(&app.url(&format!("/admin/orders/{number}")))
            .await;
        assert_eq!(browser.text("#stage").await, "Assembling");
        let timeline = browser.text("ol.timeline").await;
        assert!(timeline.contains("Call made"), "{timeline}");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_order_list_filters_by_stage_and_finds_by_phone() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        // Without a reason to call, an order confirms at once; calling every order keeps the
        // next one in confirmation.
        app.place("Anna Berg", "912 34 567").await;
        app.configure(|s| s.confirmation.always_call = true).await;
        app.place("Ola Nordmann", "913 00 000").await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.click("nav.nav a[href='/admin/orders']").await;
        let all = browser.text("#orders").await;
        assert!(
            all.contains("Anna Berg") && all.contains("Ola Nordmann"),
            "{all}"
        );
        // At phone width the less needed columns step aside.
        let placed = browser.find("#orders th.wide").await;
        assert!(!placed.is_displayed().await.expect("displayed"));

        browser
            .find("select[name=stage] option[value=confirming]")
            .await
            .click()
            .await
            .expect("choose a stage");
        browser.click("form.filters button").await;
        browser
            .find("select[name=stage] option[value=confirming][selected]")
            .await;
        let confirming = browser.text("#orders").await;
        assert!(
            confirming.contains("Ola Nordmann") && !confirming.contains("Anna Berg"),
            "{confirming}"
        );

        browser.goto(&app.url("/admin/orders")).await;
        browser.fill("input[name=q]", "912 34").await;
        browser.click("form.filters button").await;
        browser.find("input[name=q][value='912 34']").await;
        let found = browser.text("#orders").await;
        assert!(
            found.contains("Anna Berg") && !found.contains("Ola Nordmann"),
            "{found}"
        );
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn an_edited_template_is_previewed_as_typed_and_saved() {
    // AF-6: the shop writes its own messages and sees what the customer will get.
    on_each_backend(|app: TestApp| async move {
        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        browser
            .goto(&app.url("/admin/settings/templates/order_received/sms"))
            .await;
        browser
            .fill(
                "#body-nb",
                "Hei {{ customer_name }}! Bestilling {{ order_number }} er mottatt.",
            )
            .await;
        browser
            .page_says("Hei Anna Berg! Bestilling 1042 er mottatt.")
            .await;
        let preview = browser.text("#preview-nb").await;
        assert!(preview.contains("Hei Anna Berg!"), "{preview}");

        browser.fill("#body-nb", "Koden er {{ pickup_code }}").await;
        browser.page_says("unknown variable 'pickup_code'").await;

        browser
            .fill(
                "#body-nb",
                "Takk, {{ customer_name }}! Vi har fått bestillingen.",
            )
            .await;
        browser
            .page_says("Takk, Anna Berg! Vi har fått bestillingen.")
            .await;
        browser.click("section#nb form button").await;
        browser.page_says("The nb template is saved.").await;
        let saved = browser.text("section#nb h2").await;
        assert!(saved.contains("changed by the shop"), "{saved}");
        let body = browser
            .find("#body-nb")
            .await
            .prop("value")
            .await
            .expect("the text")
            .unwrap_or_default();
        assert_eq!(body, "Takk, {{ customer_name }}! Vi har fått bestillingen.");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_owner_sets_the_nightly_backup_in_the_settings() {
    // A SQLite shop names the folder, the hour and how many copies to keep; a PostgreSQL
    // shop is told to use pg_dump, and nothing is kept.
    on_each_backend(|app: TestApp| async move {
        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        browser.goto(&app.url("/admin/settings")).await;
        let folder = tempfile::tempdir().expect("a folder");
        let folder = folder.path().display().to_string();
        browser.fill("input[name=backup_folder]", &folder).await;
        browser.fill("input[name=backup_hour]", "3").await;
        browser.fill("input[name=backup_keep]", "5").await;
        browser.click("form.settings button.primary").await;
        if app.shop.store().backend() == store::Backend::Postgres {
            browser.page_says("back it up with pg_dump").await;
            let settings = app.shop.settings().await.expect("settings");
            assert!(!settings.backups.enabled(), "{:?}", settings.backups);
        } else {
            browser.page_says("The settings are saved.").await;
            let settings = app.shop.settings().await.expect("settings");
            assert_eq!(settings.backups.folder, folder);
            assert_eq!((settings.backups.hour, settings.backups.keep), (3, 5));
        }
    })
    .await;
}
