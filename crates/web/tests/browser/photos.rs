//! A product's photos from the owner's upload to the visitor's screen and the packer's table
//! (AS-1): a file that is no photo is refused by its name, each colour gets its photos, the
//! product page shows the chosen colour's as soon as it is chosen, and the packer sees what
//! the line looks like.

use app::access::Actor;
use domain::access::Role;
use serde_json::json;

use crate::helpers::{Browser, TestApp, on_each_backend};
use crate::pictures::{decode, jpeg, png};

/// A scarf in navy and red with Russian texts, both colours on a shelf; returns its id.
async fn scarf(app: &TestApp) -> i64 {
    let owner = Actor::system();
    let location = serde_json::from_value(json!({
        "code": "WH1", "name": "Lager", "kind": "warehouse", "city": "Oslo"
    }))
    .expect("a location");
    app.shop
        .create_location(&owner, &location)
        .await
        .expect("location");
    let product = serde_json::from_value(json!({
        "title": "Skjerf", "description": "Mykt ullskjerf.", "category": "",
        "texts": {"ru": {"title": "Шарф", "description": "Мягкий шерстяной шарф."}},
        "variants": [
            {"sku": "SCARF-NAVY", "options": {"colour": "Navy"}, "price_minor": 39900},
            {"sku": "SCARF-RED", "options": {"colour": "Red"}, "price_minor": 39900}
        ]
    }))
    .expect("a product");
    let made = app
        .shop
        .create_product(&owner, &product, None)
        .await
        .expect("product");
    for sku in ["SCARF-NAVY", "SCARF-RED"] {
        let stock = serde_json::from_value(json!({"on_hand": 5, "bin": "B-2"})).expect("stock");
        app.shop
            .set_stock(&owner, sku, "WH1", &stock)
            .await
            .expect("stock");
    }
    made.product.id
}

/// Chooses files in the upload form, with the colour they show, and sends it.
async fn upload(browser: &Browser, path: &std::path::Path, colour: &str) {
    let input = browser.find("#photo-files").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("a file chosen");
    browser
        .click(&format!("#photo-colour option[value='{colour}']"))
        .await;
    browser.click("#upload-photos").await;
}

async fn shown(browser: &Browser, url: &str) -> bool {
    browser
        .find(&format!("#gallery img[src='{url}']"))
        .await
        .is_displayed()
        .await
        .expect("displayed or not")
}

#[tokio::test]
async fn each_colour_shows_its_own_photos_from_the_owners_upload_to_the_packing_station() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| {
            s.default_locale = "nb".into();
            s.languages = vec!["nb".into(), "ru".into()];
        })
        .await;
        let id = scarf(&app).await;
        let files = tempfile::tempdir().expect("a folder");
        let notes = files.path().join("notes.txt");
        std::fs::write(&notes, "a list of things to pack").expect("written");
        let navy = files.path().join("navy.png");
        std::fs::write(&navy, png(900, 700, [20, 40, 120])).expect("written");
        let red = files.path().join("red.jpg");
        std::fs::write(&red, jpeg(900, 700, [200, 30, 30], Some(3))).expect("written");

        let owner = app.person(Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        browser
            .goto(&app.url(&format!("/admin/products/{id}")))
            .await;
        browser.find("#no-photos").await;

        // A file that is no picture is refused by its name.
        upload(&browser, &notes, "Navy").await;
        let refused = browser.text("#photo-refusal").await;
        assert!(
            refused.starts_with("notes.txt:") && refused.contains("not a JPEG, PNG or WebP"),
            "{refused}"
        );
        assert!(app.shop.photos(id).await.expect("photos").is_empty());

        upload(&browser, &navy, "Navy").await;
        browser.page_says("The photos are added.").await;
        upload(&browser, &red, "Red").await;
        browser.find("ol.photos li:nth-child(2)[data-file='red.jpg']").await;
        let photos = app.shop.photos(id).await.expect("photos");
        let colours: Vec<_> = photos.iter().map(|p| p.colour.as_deref()).collect();
        assert_eq!(colours, vec![Some("Navy"), Some("Red")]);
        let src = |i: usize| {
            let sizes = &photos[i].sizes;
            sizes[sizes.len() / 2].url.clone()
        };
        let (navy_src, red_src) = (src(0), src(1));

        // The Russian visitor reads the Russian title and sees the colour chosen: navy, the
        // first on the shelf, until red is chosen, with no "Show" pressed.
        browser.goto(&app.url(&format!("/products/{id}"))).await;
        browser.click("form.lang select option[value=ru]").await;
        browser.click("form.lang button").await;
        browser.page_says("Шарф").await;
        assert!(shown(&browser, &navy_src).await);
        assert!(!shown(&browser, &red_src).await);
        browser
            .click("select[name=colour] option[value=Red]")
            .await;
        assert!(shown(&browser, &red_src).await);
        assert!(!shown(&browser, &navy_src).await);
        // The picture is really there, and turned upright from the camera's 180°: the dark
        // band the camera wrote along its top is at the bottom.
        let served = reqwest::get(app.url(&red_src))
            .await
            .expect("the photo")
            .bytes()
            .await
            .expect("bytes");
        let pixels = decode(&served);
        assert!(pixels.get_pixel(320, 490).0[0] < 90 && pixels.get_pixel(320, 20).0[0] > 150);
        let loaded = browser
            .client
            .execute(
                "const img = document.querySelector(arguments[0]); return img.complete && img.naturalWidth > 0",
                vec![json!(format!("#gallery img[src='{red_src}']"))],
            )
            .await
            .expect("a width");
        assert_eq!(loaded, json!(true), "the browser shows the photo");
        browser.close().await;

        // AS-1: the packer sees the red scarf beside its line.
        let order = serde_json::from_value(json!({
            "channel": "phone",
            "customer": {"name": "Anna Berg", "phone": "912 34 567"},
            "delivery": {"method": "courier", "address": {"line": "Storgata 1", "city": "Oslo", "postcode": "0155", "country": "NO"}},
            "payment_mode": "on_delivery",
            "lines": [{"sku": "SCARF-RED", "quantity": 1}]
        }))
        .expect("an order");
        let number = app
            .shop
            .place_order(&order, None, &Actor::system())
            .await
            .expect("placed")
            .order
            .number;
        let packer = app.person(Role::Packer).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &packer).await;
        browser
            .goto(&app.url(&format!("/admin/packing/{number}")))
            .await;
        let photo = browser.find("img.line-photo").await;
        assert_eq!(
            photo.attr("src").await.expect("a source").as_deref(),
            Some(red_src.as_str())
        );
        browser.close().await;
    })
    .await;
}
