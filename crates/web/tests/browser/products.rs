//! The catalogue in the back office: the owner writes a category and a product in the shop's
//! languages through the pages, a Russian-speaking visitor reads them in Russian on the
//! storefront, and the list changes prices in bulk (SU-2).

use domain::access::Role;

use crate::helpers::{Browser, TestApp, on_each_backend};

/// The products the shop holds, by SKU of their first variant, with each variant's price.
async fn catalogue(app: &TestApp) -> Vec<(i64, Vec<(String, i64)>)> {
    app.shop
        .products("", 50, 0)
        .await
        .expect("products")
        .into_iter()
        .map(|p| {
            let prices = p
                .variants
                .iter()
                .map(|v| (v.sku.clone(), v.price.amount_minor))
                .collect();
            (p.id, prices)
        })
        .collect()
}

/// SU-2: a product written in Norwegian and Russian through the form, its category named in
/// both, and a sale's old price: a refused barcode keeps what was typed and saves nothing, the
/// Russian visitor reads the Russian texts with the old price struck through, and +10 % from
/// the list raises the prices.
#[tokio::test]
async fn the_owner_writes_a_product_in_two_languages_and_a_russian_visitor_reads_it() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| {
            s.default_locale = "nb".into();
            s.languages = vec!["nb".into(), "ru".into()];
        })
        .await;
        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        // The owner works in Russian: the refusal comes in Russian.
        browser.click("#locale option[value=ru]").await;
        browser.click("form.inline button.quiet").await;
        browser.page_says("Товары").await;

        browser.click("nav a[href='/admin/products']").await;
        browser.click("a[href='/admin/categories']").await;
        browser.fill("#new-category input[name=code]", "hats").await;
        browser
            .fill("#new-category input[name='name.nb']", "Luer")
            .await;
        browser
            .fill("#new-category input[name='name.ru']", "Шапки")
            .await;
        browser.click("#new-category button.primary").await;
        browser.find("#category-hats").await;

        browser.goto(&app.url("/admin/products")).await;
        browser.click("#new-product").await;
        browser.fill("input[name='title.nb']", "Ullue").await;
        browser
            .fill("textarea[name='description.nb']", "Strikket i Norge.")
            .await;
        browser
            .fill("input[name='title.ru']", "Шерстяная шапка")
            .await;
        browser
            .fill("textarea[name='description.ru']", "Связана в Норвегии.")
            .await;
        browser
            .click("select[name=category] option[value=hats]")
            .await;
        browser.fill("input[name=option1]", "colour").await;
        browser.fill("input[name='v0.sku']", "HAT-NAVY").await;
        browser.fill("input[name='v0.value1']", "Navy").await;
        browser.fill("input[name='v0.price_minor']", "299,00").await;
        browser
            .fill("input[name='v0.compare_at_minor']", "399,00")
            .await;
        browser.click("#add-variant").await;
        browser.fill("input[name='v1.sku']", "HAT-RED").await;
        browser.fill("input[name='v1.value1']", "Red").await;
        browser.fill("input[name='v1.price_minor']", "299.00").await;
        browser
            .fill("input[name='v1.barcode']", "4006381333932")
            .await;
        browser.click("#save-product").await;

        let problem = browser
            .text(".field-problem[data-field='variants[1].barcode']")
            .await;
        assert!(problem.contains("штрихкода"), "{problem}");
        assert!(browser.text("#refusal").await.starts_with("Вариант 2"));
        let kept = browser.find("input[name='v0.compare_at_minor']").await;
        assert_eq!(
            kept.prop("value").await.expect("value").as_deref(),
            Some("399,00")
        );
        assert!(catalogue(&app).await.is_empty(), "nothing is saved");

        browser
            .fill("input[name='v1.barcode']", "4006381333931")
            .await;
        browser.click("#save-product").await;
        browser.page_says("Товар сохранён.").await;
        let saved = catalogue(&app).await;
        assert_eq!(
            saved.first().map(|(_, prices)| prices.clone()),
            Some(vec![
                ("HAT-NAVY".to_owned(), 29_900),
                ("HAT-RED".to_owned(), 29_900)
            ])
        );
        let id = saved[0].0;

        browser.goto(&app.url(&format!("/products/{id}"))).await;
        browser.click("form.lang select option[value=ru]").await;
        browser.click("form.lang button").await;
        browser.page_says("Шерстяная шапка").await;
        assert_eq!(browser.text("#category").await, "Шапки");
        assert!(
            browser
                .text(".chosen-variant s.compare-at")
                .await
                .starts_with("399,00")
        );

        browser.goto(&app.url("/admin/products")).await;
        browser
            .click(&format!("tr[data-id='{id}'] input[name=id]"))
            .await;
        browser.fill("input[name=percent]", "+10").await;
        browser.click("#bulk-price").await;
        browser.page_says("Изменён 1 товар.").await;
        let price = browser.text(&format!("tr[data-id='{id}'] .price")).await;
        assert!(price.starts_with("328,90"), "{price}");
        browser.close().await;
    })
    .await;
}

/// A packer's work is the packing station: the catalogue is not theirs to open or change.
#[tokio::test]
async fn a_packer_is_refused_the_products_page() {
    on_each_backend(|app: TestApp| async move {
        let packer = app.person(Role::Packer).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &packer).await;
        assert!(
            browser
                .client
                .find_all(fantoccini::Locator::Css("nav a[href='/admin/products']"))
                .await
                .expect("links")
                .is_empty()
        );
        for page in [
            "/admin/products",
            "/admin/products/new",
            "/admin/categories",
        ] {
            browser.goto(&app.url(page)).await;
            browser
                .page_says("Your role may not open this page or do this.")
                .await;
        }
        browser.close().await;
    })
    .await;
}
