//! The stock in the back office (ST-2, ST-3): a manager finds a SKU's shelves, writes off
//! damaged units with a reason (a write-off without one is refused and keeps what was typed),
//! reads the movement in the SKU's history in the shop's language, sets a low-stock level and
//! finds the SKU on the dashboard's reorder list; a packer reads the stock but changes nothing.

use domain::access::Role;

use crate::helpers::{Browser, TestApp, on_each_backend};

#[tokio::test]
async fn a_manager_writes_off_damaged_socks_and_sees_them_in_the_history_and_on_the_dashboard() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| {
            s.default_locale = "nb".into();
            s.languages = vec!["nb".into()];
        })
        .await;
        app.seed_catalog().await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        // The manager works in Norwegian.
        browser.click("#locale option[value=nb]").await;
        browser.click("form.inline button.quiet").await;
        browser.page_says("Lager").await;
        browser.click("nav a[href='/admin/stock']").await;
        browser.page_says("Hylleplass").await;
        let on_hand = browser
            .text("#stock tr[data-sku='SOCK-M'][data-location='WH1'] .on-hand")
            .await;
        assert_eq!(on_hand, "50");

        browser.click("#stock a[href='/admin/stock/SOCK-M']").await;
        browser
            .click("#movement select[name=kind] option[value=write_off]")
            .await;
        browser.fill("#movement input[name=quantity]", "3").await;
        browser.click("#movement button.primary").await;
        assert_eq!(
            browser.text("#refusal").await,
            "Si hvorfor, med noen få ord."
        );
        let kept = browser.find("#movement input[name=quantity]").await;
        assert_eq!(
            kept.prop("value").await.expect("value").as_deref(),
            Some("3")
        );
        assert_eq!(
            browser
                .text("#shelves tr[data-location='WH1'] .on-hand")
                .await,
            "50"
        );

        browser
            .fill("#movement input[name=reason]", "våte etter lekkasje")
            .await;
        browser.click("#movement button.primary").await;
        browser.page_says("Registrert.").await;
        assert_eq!(
            browser
                .text("#shelves tr[data-location='WH1'] .on-hand")
                .await,
            "47"
        );
        let written_off = browser.text("#movements tr[data-kind=write_off]").await;
        for words in ["Avskrevet", "-3", "47", "våte etter lekkasje"] {
            assert!(written_off.contains(words), "{written_off}");
        }

        browser
            .fill("#threshold input[name=low_stock_at]", "47")
            .await;
        browser.click("#threshold button").await;
        browser.page_says("Grensen for lite igjen er lagret.").await;
        browser.click("nav a[href='/admin/dashboard']").await;
        let low = browser.text("#low-stock").await;
        assert!(low.contains("SOCK-M") && low.contains("47 igjen"), "{low}");
        browser.close().await;

        // The packer finds the bin but records nothing.
        let packer = app.person(Role::Packer).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &packer).await;
        browser.goto(&app.url("/admin/stock/SOCK-M")).await;
        browser.page_says("A-01").await;
        assert!(
            browser
                .client
                .find(fantoccini::Locator::Css("#movement"))
                .await
                .is_err()
        );
        browser.close().await;
    })
    .await;
}

/// ST-2: the manager adds a supplier (a wrong email is refused, what was typed is kept),
/// orders socks from it, receives part of them and finds them on the shelf.
#[tokio::test]
async fn a_manager_orders_socks_from_a_supplier_and_receives_part_of_them() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.goto(&app.url("/admin/stock")).await;
        browser.click("#purchasing").await;
        browser
            .fill("#new-supplier input[name=name]", "Ullvare AS")
            .await;
        browser
            .fill("#new-supplier input[name=email]", "ordre@")
            .await;
        // The browser's own check would stop the form: let the shop answer.
        browser
            .client
            .execute(
                "document.querySelector('#new-supplier input[name=email]').type = 'text'",
                vec![],
            )
            .await
            .expect("script");
        browser.click("#new-supplier button").await;
        browser.find("#supplier-refusal").await;
        let kept = browser.find("#new-supplier input[name=name]").await;
        assert_eq!(
            kept.prop("value").await.expect("value").as_deref(),
            Some("Ullvare AS")
        );
        browser
            .fill("#new-supplier input[name=email]", "ordre@ullvare.no")
            .await;
        browser.click("#new-supplier button").await;
        browser.page_says("Supplier added.").await;

        browser
            .fill("#new-order input[name='sku.0']", "SOCK-M")
            .await;
        browser
            .fill("#new-order input[name='quantity.0']", "10")
            .await;
        browser.click("#new-order button.primary").await;
        browser.page_says("from Ullvare AS").await;
        browser.fill("#receive input[name='quantity.0']", "4").await;
        browser.click("#receive button.primary").await;
        browser.page_says("Received into stock.").await;
        assert_eq!(
            browser.text("#lines tr[data-sku='SOCK-M'] .received").await,
            "4"
        );

        browser.click("#lines a[href='/admin/stock/SOCK-M']").await;
        assert_eq!(
            browser
                .text("#shelves tr[data-location='WH1'] .on-hand")
                .await,
            "54"
        );
        let receipt = browser.text("#movements tr[data-kind=receipt]").await;
        assert!(
            receipt.contains("Goods received")
                && receipt.contains("+4")
                && receipt.contains("purchase order 1"),
            "{receipt}"
        );
        // The receipt leads back to the purchase order it received.
        browser.click("#movements a.purchase-order").await;
        browser.page_says("from Ullvare AS").await;
        browser.close().await;
    })
    .await;
}

/// ST-3: at the packing station a packer counts a bin by scanning each unit and confirms; the
/// difference is a count in the SKU's history.
#[tokio::test]
async fn a_packer_counts_a_bin_by_scanning_it() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let packer = app.person(Role::Packer).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &packer).await;
        browser.goto(&app.url("/admin/packing")).await;
        browser.click("#count-mode").await;
        browser.fill("#scan-form input[name=bin]", "A-01").await;
        browser.click("#scan-form button").await;
        for (scanned, code) in (1..).zip(["7000000000010", "7000000000010", "SOCK-M", "0000"]) {
            browser.fill("#scan", code).await;
            browser.click("#scan-form button").await;
            // Each scan is a new page: wait for it before the next.
            let said = if scanned == 1 {
                "1 unit scanned".to_owned()
            } else {
                format!("{scanned} units scanned")
            };
            browser.page_says(&said).await;
        }
        assert_eq!(
            browser.text("#tally tr[data-sku='SOCK-M'] .counted").await,
            "3"
        );
        assert!(browser.text(".unknown-code").await.contains("0000"));
        browser.click("#confirm-count button").await;
        browser
            .page_says("Bin A-01 counted: 1 SKU differed and was corrected.")
            .await;
        browser.goto(&app.url("/admin/stock/SOCK-M")).await;
        assert_eq!(
            browser
                .text("#shelves tr[data-location='WH1'] .on-hand")
                .await,
            "3"
        );
        let counted = browser.text("#movements tr[data-kind=count]").await;
        assert!(
            counted.contains("-47") && counted.contains("bin A-01"),
            "{counted}"
        );
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_reorder_task_on_the_call_queue_leads_to_what_is_left_to_order() {
    // ST-2: the daily task names no order; its link opens the stock page on what to order.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let counted = serde_json::json!({"on_hand": 2, "bin": "A-02"});
        let counted = serde_json::from_value(counted).expect("stock");
        let owner = app::access::Actor::system();
        app.shop
            .set_stock(&owner, "SOCK-L", "WH1", &counted)
            .await
            .expect("stock");
        assert_eq!(app.shop.reorder_check().await.expect("checked"), 1);
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        // The dashboard lists it too; the call queue is where a manager works through them.
        browser.goto(&app.url("/admin/calls")).await;
        assert_eq!(browser.text("a.shop-task").await, "Reorder what runs low");
        browser.click("a.shop-task").await;
        browser.page_says("On order").await;
        let shown = browser
            .find("select[name=state] option[value=reorder]")
            .await;
        assert!(
            shown
                .prop("selected")
                .await
                .expect("selected")
                .is_some_and(|s| s == "true")
        );
        let listed = browser.text("#stock tbody").await;
        assert!(
            listed.contains("SOCK-L") && !listed.contains("SOCK-M"),
            "{listed}"
        );
        assert_eq!(
            browser.text("#stock tr[data-sku='SOCK-L'] .on-order").await,
            "0"
        );
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_manager_adds_a_store_from_the_stock_page_and_a_bad_code_keeps_the_form() {
    // ST-2, DL-8: a new shop adds where its goods are kept without the API.
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let manager = app.person(Role::Manager).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &manager).await;
        browser.click("nav a[href='/admin/stock']").await;
        browser.click("#locations-link").await;
        browser.page_says("Add a location").await;
        browser
            .fill("#new-location input[name=code]", "shop floor")
            .await;
        browser
            .fill("#new-location input[name=name]", "Shop in Bergen")
            .await;
        browser
            .click("#new-location select[name=kind] option[value=store]")
            .await;
        browser
            .fill("#new-location input[name=city]", "Bergen")
            .await;
        browser.click("#new-location button.primary").await;
        assert_eq!(
            browser.text("#refusal").await,
            "A code is 1 to 32 letters, digits, - or _."
        );
        let kept = browser.find("#new-location input[name=name]").await;
        assert_eq!(
            kept.prop("value").await.expect("value").as_deref(),
            Some("Shop in Bergen")
        );
        browser.fill("#new-location input[name=code]", "BGO").await;
        browser.click("#new-location button.primary").await;
        browser.page_says("Shop in Bergen is added.").await;
        let row = browser.text("#locations tr[data-code=BGO]").await;
        for words in ["Shop in Bergen", "store", "Bergen", "14:00"] {
            assert!(row.contains(words), "{row}");
        }
        // The new store is offered where stock is recorded.
        browser.goto(&app.url("/admin/stock/SOCK-M")).await;
        browser
            .find("#movement select[name=location] option[value=BGO]")
            .await;
        browser.close().await;
    })
    .await;
}
