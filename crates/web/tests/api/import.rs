//! Products from Shopify's and WooCommerce's CSV exports, and the catalogue written back as a
//! Shopify CSV: refused rows named by row and column with their products left out whole, a
//! second import changing nothing, a dry run writing nothing, and the round trip.

use axum::http::header;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend};
use crate::pictures::{jpeg, png};

/// Serves the fixtures' photos on a local port, as a shop's CDN would; any other path is a
/// 404. Answers the address to put in place of the fixtures' `https://images.example`.
pub async fn image_server() -> String {
    let served = |bytes: Vec<u8>, content_type: &'static str| {
        axum::routing::get(move || async move { ([(header::CONTENT_TYPE, content_type)], bytes) })
    };
    let router = axum::Router::new()
        .route(
            "/tee-navy.jpg",
            served(jpeg(400, 300, [20, 40, 120], None), "image/jpeg"),
        )
        .route(
            "/beanie.jpg",
            served(jpeg(400, 300, [90, 90, 90], None), "image/jpeg"),
        )
        .route(
            "/tee-back.png",
            served(png(300, 300, [200, 200, 200]), "image/png"),
        )
        .route(
            "/hoodie.jpg",
            served(jpeg(320, 320, [10, 10, 10], None), "image/jpeg"),
        )
        .route(
            "/hoodie-green.png",
            served(png(300, 300, [20, 120, 20]), "image/png"),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    base
}

/// A fixture with its photos' addresses on the local image server.
pub fn fixture(name: &str, images: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .expect("the fixture")
        .replace("https://images.example", images)
        .into_bytes()
}

async fn import(app: &TestApp, file: Vec<u8>, dry_run: bool) -> (StatusCode, Value) {
    let mut form = Form::new().part("file", Part::bytes(file).file_name("products.csv"));
    if dry_run {
        form = form.text("dry_run", "true");
    }
    let response = app
        .client
        .post(app.url("/products/import"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn import_ok(app: &TestApp, file: Vec<u8>, dry_run: bool) -> Value {
    let (status, summary) = import(app, file, dry_run).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    summary
}

fn counts(summary: &Value) -> [i64; 4] {
    ["created", "updated", "unchanged", "refused"].map(|k| summary[k].as_i64().expect(k))
}

/// Each refusal as (row, column, code).
fn refusals(summary: &Value) -> Vec<(i64, String, String)> {
    summary["refusals"]
        .as_array()
        .expect("refusals")
        .iter()
        .map(|r| {
            (
                r["row"].as_i64().expect("a row"),
                r["column"].as_str().expect("a column").to_owned(),
                r["code"].as_str().expect("a code").to_owned(),
            )
        })
        .collect()
}

fn product_id(summary: &Value, handle: &str) -> i64 {
    summary["products"]
        .as_array()
        .expect("products")
        .iter()
        .find(|p| p["handle"] == handle)
        .and_then(|p| p["product_id"].as_i64())
        .unwrap_or_else(|| panic!("{handle} in {summary}"))
}

async fn titles(app: &TestApp) -> Vec<String> {
    let (status, body) = app.get("/products?limit=100").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut titles: Vec<String> = body
        .as_array()
        .expect("products")
        .iter()
        .map(|p| p["title"].as_str().expect("a title").to_owned())
        .collect();
    titles.sort();
    titles
}

async fn export(app: &TestApp) -> Vec<u8> {
    let response = app
        .client
        .get(app.url("/products/export.csv"))
        .bearer_auth(&app.token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE.as_str()]
            .to_str()
            .expect("ascii")
            .starts_with("text/csv")
    );
    response.bytes().await.expect("the CSV").to_vec()
}

#[tokio::test]
async fn as1_a_shopify_export_creates_its_products_with_photos_and_refuses_bad_rows_whole() {
    on_each_backend(|app| async move {
        let images = image_server().await;
        let file = fixture("shopify_products.csv", &images);
        let summary = import_ok(&app, file.clone(), false).await;
        assert_eq!(summary["format"], "shopify");
        assert_eq!(summary["rows"], 9);
        assert_eq!(counts(&summary), [2, 0, 0, 3], "{summary}");
        assert_eq!(
            refusals(&summary),
            [
                (7, "Variant Price".into(), "amount_invalid".into()),
                (9, "Variant Barcode".into(), "barcode_check_digit".into()),
                (
                    10,
                    "Variant Compare At Price".into(),
                    "compare_at_not_above_price".into()
                ),
            ]
        );
        // The photo that is not there is a warning; its product still goes in.
        let warnings = summary["warnings"].as_array().expect("warnings");
        assert_eq!(warnings.len(), 1, "{summary}");
        assert_eq!(
            (warnings[0]["row"].as_i64(), warnings[0]["column"].as_str()),
            (Some(6), Some("Image Src"))
        );

        let tee = app
            .get_ok(&format!(
                "/products/{}",
                product_id(&summary, "classic-tee")
            ))
            .await;
        assert_eq!(tee["title"], "Classic tee");
        assert_eq!(
            tee["description"],
            "Heavy cotton & a relaxed fit.\nMachine wash at 40 °C."
        );
        assert_eq!(tee["category"], "t-shirts");
        assert_eq!(tee["status"], "active");
        let navy_m = &tee["variants"][0];
        assert_eq!(navy_m["sku"], "TEE-NAVY-M");
        assert_eq!(navy_m["options"], json!({"colour": "Navy", "size": "M"}));
        assert_eq!(navy_m["price"]["amount_minor"], 2500);
        assert_eq!(navy_m["compare_at"]["amount_minor"], 3000);
        assert_eq!(navy_m["weight_grams"], 180);
        assert_eq!(navy_m["barcode"], "5901234123457");
        assert_eq!(tee["variants"][2]["price"]["amount_minor"], 2250);
        assert_eq!(tee["variants"][2]["compare_at"], Value::Null);
        let tee_id = tee["id"].as_i64().expect("an id");
        let photos = app.get_ok(&format!("/products/{tee_id}/photos")).await;
        assert_eq!(photos.as_array().map(Vec::len), Some(2), "{photos}");
        assert_eq!(photos[0]["file_name"], "tee-navy.jpg");
        assert_eq!(photos[0]["alt"]["en"], "Navy tee");

        let beanie = app
            .get_ok(&format!(
                "/products/{}",
                product_id(&summary, "wool-beanie")
            ))
            .await;
        assert_eq!(beanie["status"], "draft");
        assert_eq!(beanie["category"], "hats");
        assert_eq!(beanie["variants"][0]["options"], json!({}));
        assert_eq!(beanie["description"], "Soft merino.\nOne size fits most.");
        let categories = app.get_ok("/categories").await;
        let names: Vec<&str> = categories
            .as_array()
            .expect("categories")
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        assert!(
            names.contains(&"T-Shirts") && names.contains(&"Hats"),
            "{categories}"
        );

        // Refused products are left out whole: the linen shirt's good first variant too.
        assert_eq!(titles(&app).await, ["Classic tee", "Wool beanie"]);

        // The same file again changes nothing, its photos included.
        let again = import_ok(&app, file, false).await;
        assert_eq!(counts(&again), [0, 0, 2, 3], "{again}");
        let photos = app.get_ok(&format!("/products/{tee_id}/photos")).await;
        assert_eq!(photos.as_array().map(Vec::len), Some(2));
    })
    .await;
}

#[tokio::test]
async fn a_woocommerce_export_creates_variable_and_simple_products_and_refuses_bad_rows() {
    on_each_backend(|app| async move {
        let images = image_server().await;
        let file = fixture("woocommerce_products.csv", &images);
        let summary = import_ok(&app, file.clone(), false).await;
        assert_eq!(summary["format"], "woocommerce");
        assert_eq!(counts(&summary), [2, 0, 0, 3], "{summary}");
        assert_eq!(
            refusals(&summary),
            [
                (6, "Regular price".into(), "amount_invalid".into()),
                (7, "Parent".into(), "import_parent_unknown".into()),
                (
                    8,
                    "GTIN, UPC, EAN, or ISBN".into(),
                    "barcode_check_digit".into()
                ),
            ]
        );
        let hoodie = app
            .get_ok(&format!("/products/{}", product_id(&summary, "HOODIE")))
            .await;
        assert_eq!(hoodie["title"], "Zip hoodie");
        assert_eq!(hoodie["description"], "Brushed fleece inside.\nTwo pockets");
        assert_eq!(hoodie["category"], "hoodies");
        let variants = hoodie["variants"].as_array().expect("variants");
        assert_eq!(variants.len(), 2);
        // On sale: the sale price is the price, the regular one struck through.
        assert_eq!(variants[0]["price"]["amount_minor"], 4900);
        assert_eq!(variants[0]["compare_at"]["amount_minor"], 5900);
        assert_eq!(
            variants[0]["options"],
            json!({"colour": "Blue", "size": "M"})
        );
        assert_eq!(variants[0]["barcode"], "7612345678900");
        // The parent named by `id:10`.
        assert_eq!(variants[1]["sku"], "HOODIE-GREEN-L");
        assert_eq!(variants[1]["weight_grams"], 650);
        let hoodie_id = hoodie["id"].as_i64().expect("an id");
        let photos = app.get_ok(&format!("/products/{hoodie_id}/photos")).await;
        assert_eq!(photos.as_array().map(Vec::len), Some(2), "{photos}");

        let belt = app
            .get_ok(&format!("/products/{}", product_id(&summary, "BELT-01")))
            .await;
        assert_eq!(belt["variants"][0]["weight_grams"], 200);
        assert_eq!(belt["variants"][0]["options"], json!({"colour": "Brown"}));
        assert_eq!(belt["category"], "belts");
        assert_eq!(titles(&app).await, ["Leather belt", "Zip hoodie"]);

        let again = import_ok(&app, file, false).await;
        assert_eq!(counts(&again), [0, 0, 2, 3], "{again}");
    })
    .await;
}

#[tokio::test]
async fn a_dry_run_says_what_would_change_and_writes_nothing() {
    on_each_backend(|app| async move {
        let images = image_server().await;
        let file = fixture("shopify_products.csv", &images);
        let dry = import_ok(&app, file.clone(), true).await;
        assert_eq!(dry["dry_run"], true);
        assert_eq!(counts(&dry), [2, 0, 0, 3], "{dry}");
        assert_eq!(refusals(&dry).len(), 3);
        assert!(titles(&app).await.is_empty());
        assert_eq!(app.get_ok("/categories").await, json!([]));

        // Once imported, a dry run of a changed file names the change and keeps the old.
        let summary = import_ok(&app, file, false).await;
        let changed = fixture("shopify_products.csv", &images)
            .into_iter()
            .collect::<Vec<u8>>();
        let changed = String::from_utf8(changed)
            .expect("utf-8")
            .replace(",22.50,", ",24.00,")
            .into_bytes();
        let dry = import_ok(&app, changed, true).await;
        // The beanie's photo that could not be fetched is tried again, so it would change.
        assert_eq!(counts(&dry), [0, 2, 0, 3], "{dry}");
        let tee = dry["products"]
            .as_array()
            .expect("products")
            .iter()
            .find(|p| p["handle"] == "classic-tee")
            .cloned()
            .expect("the tee");
        assert_eq!(tee["outcome"], "updated");
        assert_eq!(tee["changes"], json!(["variant TEE-WHITE-M: price"]));
        let id = product_id(&summary, "classic-tee");
        let stored = app.get_ok(&format!("/products/{id}")).await;
        assert_eq!(stored["variants"][2]["price"]["amount_minor"], 2250);
    })
    .await;
}

#[tokio::test]
async fn su2_the_export_imported_into_the_same_shop_changes_nothing_and_keeps_other_languages() {
    on_each_backend(|app| async move {
        let images = image_server().await;
        import_ok(&app, fixture("shopify_products.csv", &images), false).await;
        import_ok(&app, fixture("woocommerce_products.csv", &images), false).await;
        // A product made in the back office, with its description in Russian too (SU-2).
        app.configure(|s| s["languages"] = json!(["en", "ru"])).await;
        let scarf = app
            .post_ok(
                "/products",
                json!({"title": "Scarf", "description": "Soft wool,\nhand knitted.", "category": "scarves",
                       "texts": {"ru": {"title": "Шарф", "description": "Мягкая шерсть."}},
                       "variants": [{"sku": "SCARF-1", "price_minor": 39900, "barcode": "5012345678900"}]}),
                StatusCode::CREATED,
            )
            .await;
        let csv = export(&app).await;
        let text = String::from_utf8(csv.clone()).expect("utf-8");
        assert!(text.starts_with("Handle,Title,Body (HTML)"), "{text}");
        assert!(text.contains("Soft wool,<br>hand knitted."), "{text}");

        let round = import_ok(&app, csv, false).await;
        assert_eq!(counts(&round), [0, 0, 5, 0], "{round}");

        // A changed price in the export goes in, and the Russian text stays.
        let changed = text.replace(",399.00,", ",349.00,").into_bytes();
        let summary = import_ok(&app, changed, false).await;
        assert_eq!(counts(&summary), [0, 1, 4, 0], "{summary}");
        let id = scarf["id"].as_i64().expect("an id");
        let stored = app.get_ok(&format!("/products/{id}")).await;
        assert_eq!(stored["variants"][0]["price"]["amount_minor"], 34900);
        assert_eq!(stored["texts"]["ru"]["title"], "Шарф");
        assert_eq!(stored["description"], "Soft wool,\nhand knitted.");
    })
    .await;
}

#[tokio::test]
async fn a_file_of_neither_shop_or_no_file_is_refused_naming_the_file() {
    on_each_backend(|app| async move {
        let (status, body) = import(&app, b"name,price\nTee,10\n".to_vec(), false).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["field"], "file");
        assert_eq!(body["error"]["code"], "import_format_unknown");
        let (status, body) =
            import(&app, b"Handle,Variant Price\n\xff\xfe,1\n".to_vec(), false).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, body) = import(&app, Vec::new(), false).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "file_missing");
        let response = app
            .client
            .post(app.url("/products/import"))
            .bearer_auth(&app.token)
            .json(&json!({}))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    })
    .await;
}
