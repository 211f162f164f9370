//! Products run from the back office through the API: update, archive, delete only what was
//! never ordered, barcodes checked, bulk price changes, texts per language and search in any
//! alphabet (SU-2, AS-1).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

fn socks_id(products: &Value) -> i64 {
    products
        .as_array()
        .and_then(|all| all.iter().find(|p| p["title"] == "Wool socks"))
        .and_then(|p| p["id"].as_i64())
        .expect("the socks")
}

#[tokio::test]
async fn an_ordered_product_is_archived_not_deleted_and_its_order_keeps_its_line() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let id = socks_id(&app.get_ok("/products").await);
        let (number, _) = app.place(order_body()).await;

        assert_eq!(
            app.delete(&format!("/products/{id}")).await.0,
            StatusCode::CONFLICT
        );
        let archived = app
            .post_ok(
                &format!("/products/{id}/archive"),
                json!({}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(archived["status"], "archived");
        let order = app.get_ok(&format!("/orders/{number}")).await;
        assert_eq!(order["lines"][0]["sku"], "SOCK-M");
        assert_eq!(order["lines"][0]["title"], "Wool socks");
        // An archived product is not on the storefront.
        let (status, _) = app.page(&format!("/products/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // One nobody ordered goes for good.
        let made = app
            .post_ok(
                "/products",
                json!({"title": "Mittens", "variants": [{"sku": "MITT-1", "price_minor": 500}]}),
                StatusCode::CREATED,
            )
            .await;
        let path = format!("/products/{}", made["id"]);
        assert_eq!(app.delete(&path).await.0, StatusCode::NO_CONTENT);
        assert_eq!(app.get(&path).await.0, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn an_update_rewrites_texts_and_variants_and_bad_input_names_the_field_and_saves_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| s["languages"] = json!(["en", "ru", "nb"]))
            .await;
        app.seed_catalog().await;
        let id = socks_id(&app.get_ok("/products").await);
        let before = app.get_ok(&format!("/products/{id}")).await;
        let variant = before["variants"][0]["id"].clone();
        let change = |barcode: &str, compare_at: i64| {
            json!({
                "title": "Wool socks", "description": "Warm.", "category": "socks",
                "texts": {"ru": {"title": "Шерстяные носки", "description": "Тёплые."}},
                "variants": [
                    {"id": variant, "sku": "SOCK-M", "options": {"size": "M", "colour": "grey"},
                     "price_minor": 1790, "compare_at_minor": compare_at, "barcode": barcode},
                    {"sku": "SOCK-XL", "options": {"size": "XL", "colour": "grey"}, "price_minor": 1990}
                ]
            })
        };
        // AS-1: a mistyped barcode never reaches the packing station.
        let (status, err) = app
            .put(&format!("/products/{id}"), change("7000000000011", 1990))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(err["error"]["field"], "variants[0].barcode");
        assert_eq!(err["error"]["code"], "barcode_check_digit");
        let (status, err) = app
            .put(&format!("/products/{id}"), change("7000000000010", 1790))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(err["error"]["field"], "variants[0].compare_at_minor");
        assert_eq!(app.get_ok(&format!("/products/{id}")).await, before);

        let (status, after) = app
            .put(&format!("/products/{id}"), change("7000000000010", 1990))
            .await;
        assert_eq!(status, StatusCode::OK, "{after}");
        assert_eq!(after["texts"]["ru"]["title"], "Шерстяные носки");
        assert_eq!(after["variants"][0]["price"]["amount_minor"], 1790);
        assert_eq!(after["variants"][0]["compare_at"]["amount_minor"], 1990);
        assert_eq!(after["variants"].as_array().map(Vec::len), Some(3));
        let (status, err) = app
            .put(
                &format!("/products/{id}"),
                json!({"title": "X", "texts": {"uk": {"title": "Шкарпетки"}}, "variants": []}),
            )
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("texts.uk"))
        );

        // The storefront in Russian reads the Russian title and strikes the old price through.
        let page = app
            .client
            .get(format!("{}/products/{id}?sku=SOCK-M", app.base))
            .header("accept-language", "ru")
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("text");
        assert!(page.contains("Шерстяные носки"), "{page}");
        assert!(page.contains("Размер: M"), "{page}");
        assert!(page.contains("<s class=\"compare-at\">"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn prices_change_by_a_percentage_in_one_go_rounded_to_the_minor_unit() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let products = app.get_ok("/products").await;
        let ids: Vec<i64> = products
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|p| p["id"].as_i64())
            .collect();
        let done = app
            .post_ok(
                "/products/bulk",
                json!({"action": "prices", "ids": ids, "percent": -12.5}),
                StatusCode::OK,
            )
            .await;
        assert_eq!(done["changed"], 3);
        let prices: Vec<i64> = app
            .get_ok("/products")
            .await
            .as_array()
            .expect("list")
            .iter()
            .flat_map(|p| p["variants"].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v["price"]["amount_minor"].as_i64())
            .collect();
        // 1990 * 0.875 = 1741.25; 89900 * 0.875 = 78662.5, rounded half up.
        assert_eq!(prices, vec![1741, 1741, 78663]);
        let (status, err) = app
            .post(
                "/products/bulk",
                json!({"action": "prices", "ids": ids, "percent": -150}),
            )
            .await;
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("percent"))
        );
        app.post_ok(
            "/products/bulk",
            json!({"action": "status", "ids": [ids[1]], "status": "draft"}),
            StatusCode::OK,
        )
        .await;
        let drafts = app.get_ok("/products/lines?status=draft").await;
        assert_eq!(drafts.as_array().map(Vec::len), Some(1));
    })
    .await;
}

#[tokio::test]
async fn the_list_finds_words_in_any_alphabet_and_case() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| s["languages"] = json!(["en", "ru", "nb"]))
            .await;
        for (title, sku, ru) in [
            ("Øyvind's scarf", "SCARF-1", "Шарф"),
            ("Christmas tree", "TREE-1", "Ёлка большая"),
        ] {
            app.post_ok(
                "/products",
                json!({"title": title, "texts": {"ru": {"title": ru}},
                       "variants": [{"sku": sku, "price_minor": 100}]}),
                StatusCode::CREATED,
            )
            .await;
        }
        // SQLite's lower() folds only ASCII: the words are folded by the application.
        for (words, found) in [
            ("øyvind", "Øyvind's scarf"),
            ("ØYVIND", "Øyvind's scarf"),
            ("ЁЛКА", "Christmas tree"),
            ("tree-1", "Christmas tree"),
        ] {
            let hits = app
                .get_ok(&format!("/products/lines?q={}", urlencoding(words)))
                .await;
            assert_eq!(hits.as_array().map(Vec::len), Some(1), "{words}");
            assert_eq!(hits[0]["title"], found, "{words}");
            assert_eq!(hits[0]["stock"], "sold_out");
        }
    })
    .await;
}

fn urlencoding(words: &str) -> String {
    crate::helpers::encode(&[("w", words)])
        .trim_start_matches("w=")
        .to_owned()
}

#[tokio::test]
async fn creating_a_product_twice_with_one_idempotency_key_makes_one() {
    on_each_backend(|app: TestApp| async move {
        let body = json!({"title": "Hat", "category": "hats", "variants": [{"sku": "HAT-1", "price_minor": 100}]});
        let mut ids = Vec::new();
        for _ in 0..2 {
            let response = app
                .client
                .post(app.url("/products"))
                .bearer_auth(&app.token)
                .header("idempotency-key", "hat-1")
                .json(&body)
                .send()
                .await
                .expect("request");
            assert_eq!(response.status(), StatusCode::CREATED);
            let made: Value = response.json().await.expect("json");
            ids.push(made["id"].clone());
        }
        assert_eq!(ids[0], ids[1]);
        let categories = app.get_ok("/categories").await;
        assert_eq!(categories[0]["code"], "hats");
        assert_eq!(categories[0]["name"], "Hats");
    })
    .await;
}
