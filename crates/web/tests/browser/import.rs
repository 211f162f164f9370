//! Importing a Shopify product export from the products page: the summary and the refused
//! rows, by row and column, in the person's language; a dry run of the same file again.

use domain::access::Role;

use crate::helpers::{Browser, TestApp, on_each_backend};

async fn choose(browser: &Browser, file: &str) {
    let input = browser.find("#import-file").await;
    input.send_keys(file).await.expect("a file chosen");
}

#[tokio::test]
async fn the_products_page_imports_a_shopify_file_and_names_refused_rows_in_the_persons_language() {
    on_each_backend(|app: TestApp| async move {
        let fixture = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/shopify_products.csv"
        );
        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        // The owner reads the back office in Norwegian, whatever the browser asks for.
        browser.click("#locale option[value='nb']").await;
        browser.click("form[action='/admin/language'] button").await;
        browser.page_says("Produkter").await;
        browser.goto(&app.url("/admin/products")).await;
        browser.click("#import-products").await;
        choose(&browser, fixture).await;
        browser.click("#import-submit").await;
        browser
            .page_says("2 opprettet, 0 oppdatert, 0 uendret, 3 avvist")
            .await;
        let refused = browser.text("#import-refused").await;
        assert!(refused.contains("Variant Barcode"), "{refused}");
        assert!(
            refused.contains("Strekkodens siste siffer stemmer ikke med de andre"),
            "{refused}"
        );
        assert!(refused.contains("linen-shirt"), "{refused}");

        choose(&browser, fixture).await;
        browser.click("#import-dry-run").await;
        browser.click("#import-submit").await;
        browser
            .page_says("Prøvekjøring: ingenting ble skrevet.")
            .await;
        // This shop fetches no photos, so each is still to be fetched: its product would change.
        browser
            .page_says("0 opprettet, 2 oppdatert, 0 uendret, 3 avvist")
            .await;
        browser.close().await;
    })
    .await;
}
