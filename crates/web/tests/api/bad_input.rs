//! Bad input is a 4xx naming the field, never a 5xx, and nothing is changed by it (CK-1).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// Asserts a 422 that names `field` and answers with `code`, and gives back the message.
fn refused(path: &str, (status, body): (StatusCode, Value), field: &str, code: &str) -> String {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
    assert_eq!(body["error"]["field"], field, "{path}: {body}");
    assert_eq!(body["error"]["code"], code, "{path}: {body}");
    body["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn count(list: &Value) -> usize {
    list.as_array().map_or(usize::MAX, Vec::len)
}

#[tokio::test]
async fn a_search_is_bounded_and_its_wildcards_are_taken_literally() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        app.place(order_body()).await;
        let long = "a".repeat(60_000);
        for list in ["/orders", "/customers"] {
            let path = format!("{list}?q={long}");
            let message = refused(list, app.get(&path).await, "q", "search_too_long");
            assert!(message.contains("200"), "{message}");
            // LIKE's wildcards find only themselves, and nobody's name has them.
            for wildcard in ["%25", "_", "%25%25", "\\"] {
                let found = app.get_ok(&format!("{list}?q={wildcard}")).await;
                assert_eq!(count(&found), 0, "{list}?q={wildcard}: {found}");
            }
            assert_eq!(count(&app.get_ok(&format!("{list}?q=anna")).await), 1);
        }
    })
    .await;
}

#[tokio::test]
async fn a_search_finds_a_name_in_any_alphabet_whatever_its_case() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        for (name, phone) in [("Øyvind Ærø", "913 45 678"), ("Ёлка Петрова", "914 56 789")]
        {
            let mut body = order_body();
            body["customer"] = json!({"name": name, "phone": phone});
            app.place(body).await;
        }
        let owner = app::access::Actor::system();
        for (typed, name) in [
            ("øyvind", "Øyvind Ærø"),
            ("ØYVIND", "Øyvind Ærø"),
            ("ærø", "Øyvind Ærø"),
            ("ёлка", "Ёлка Петрова"),
            ("ПЕТРОВА", "Ёлка Петрова"),
        ] {
            let orders = app.get_ok(&format!("/orders?q={typed}")).await;
            assert_eq!(count(&orders), 1, "/orders?q={typed}: {orders}");
            assert_eq!(orders[0]["customer_name"], name);
            let cards = app.get_ok(&format!("/customers?q={typed}")).await;
            assert_eq!(count(&cards), 1, "/customers?q={typed}: {cards}");
            assert_eq!(cards[0]["name"], name);
            // The back office's order list searches the same way.
            let query = app::backoffice::OrderQuery {
                q: typed.into(),
                page: 1,
                ..Default::default()
            };
            let list = app.shop.order_list(&owner, &query).await.expect("the list");
            let names: Vec<_> = list
                .orders
                .iter()
                .map(|o| o.customer_name.as_str())
                .collect();
            assert_eq!(names, [name], "{typed}");
        }
    })
    .await;
}

#[tokio::test]
async fn report_dates_outside_the_shops_years_or_reversed_are_refused() {
    on_each_backend(|app: TestApp| async move {
        let path = "/reports/processing?from=0001-01-01&to=9999-12-31";
        let message = refused(path, app.get(path).await, "from", "date_out_of_range");
        assert!(message.contains("2000-01-01"), "{message}");
        let path = "/reports/processing?from=2026-03-02&to=9999-12-31";
        refused(path, app.get(path).await, "to", "date_out_of_range");
        let path = "/reports/processing?from=2026-03-09&to=2026-03-02";
        refused(path, app.get(path).await, "from", "range_reversed");
        let path = "/reports/processing?from=2026-03-02";
        refused(path, app.get(path).await, "to", "query_invalid");
        let path = "/reports/processing?from=2026-03-02&to=2026-03-09";
        assert_eq!(app.get(path).await.0, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn paging_outside_its_range_is_refused_on_every_list() {
    on_each_backend(|app: TestApp| async move {
        let lists = [
            "/orders",
            "/customers",
            "/products",
            "/messages",
            "/settings/changes",
        ];
        for list in lists {
            for (query, field, code, range) in [
                ("limit=0", "limit", "limit_out_of_range", "1 to 500"),
                ("limit=-1", "limit", "limit_out_of_range", "1 to 500"),
                ("limit=501", "limit", "limit_out_of_range", "1 to 500"),
                ("offset=-1", "offset", "offset_out_of_range", "0 to 1000000"),
                (
                    "offset=9223372036854775807",
                    "offset",
                    "offset_out_of_range",
                    "0 to 1000000",
                ),
                ("limit=99999999999999999999", "limit", "query_invalid", ""),
                ("limit=ten", "limit", "query_invalid", ""),
            ] {
                let path = format!("{list}?{query}");
                let message = refused(&path, app.get(&path).await, field, code);
                assert!(message.contains(range), "{path}: {message}");
            }
            let path = format!("{list}?limit=500&offset=1000000");
            assert_eq!(app.get(&path).await.0, StatusCode::OK, "{path}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_filter_outside_its_values_is_refused_naming_the_values() {
    on_each_backend(|app: TestApp| async move {
        for (path, field, allowed) in [
            ("/tasks?due=bogus", "due", "`now`"),
            ("/jobs?state=bogus", "state", "`dead`"),
            ("/messages?status=bogus", "status", "`sent`"),
        ] {
            let message = refused(path, app.get(path).await, field, "query_invalid");
            assert!(message.contains(allowed), "{path}: {message}");
        }
        for path in ["/tasks?due=now", "/tasks?due=all", "/jobs?state=dead"] {
            assert_eq!(app.get(path).await.0, StatusCode::OK, "{path}");
        }
    })
    .await;
}

#[tokio::test]
async fn every_error_code_is_snake_case_and_a_missing_field_is_named() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let mut body = order_body();
        body["delivery"]["method"] = json!("teleport");
        refused(
            "/orders",
            app.post("/orders", body).await,
            "delivery.method",
            "delivery_method_invalid",
        );
        let mut body = order_body();
        body["payment_mode"] = json!("barter");
        refused(
            "/orders",
            app.post("/orders", body).await,
            "payment_mode",
            "payment_mode_invalid",
        );

        let mut body = order_body();
        body.as_object_mut().map(|o| o.remove("customer"));
        let message = refused(
            "/orders",
            app.post("/orders", body).await,
            "customer",
            "field_invalid",
        );
        assert!(message.contains("customer"), "{message}");
        let mut body = order_body();
        body["lines"][0].as_object_mut().map(|o| o.remove("sku"));
        refused(
            "/orders",
            app.post("/orders", body).await,
            "lines[0].sku",
            "field_invalid",
        );
        assert_eq!(app.order_count().await, 0);
    })
    .await;
}

/// Every `$ref` in `value`, such as `#/components/schemas/OrderView`.
fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("$ref", Value::String(target)) => found.push(target.clone()),
                    _ => refs(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|inner| refs(inner, found)),
        _ => {}
    }
}

/// The names of every type deriving `ToSchema` in these sources, as the document names them
/// (`#[schema(as = ...)]` renames one).
fn schema_names(dir: &std::path::Path, names: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("sources").flatten() {
        let path = entry.path();
        if path.is_dir() {
            schema_names(&path, names);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("source");
        let mut deriving = false;
        let mut renamed = None;
        for line in source.lines().map(str::trim) {
            if line.starts_with("#[derive(") && line.contains("ToSchema") {
                deriving = true;
            } else if deriving && line.starts_with("#[schema(as = ") {
                renamed = line
                    .trim_start_matches("#[schema(as = ")
                    .split([')', ','])
                    .next()
                    .map(|n| n.rsplit("::").next().unwrap_or(n).trim().to_string());
            } else if deriving && !line.starts_with("#[") && !line.starts_with("///") {
                let declared = line
                    .split_whitespace()
                    .skip_while(|w| !matches!(*w, "struct" | "enum"))
                    .nth(1)
                    .map(|n| n.trim_end_matches(['{', ';', '(', '<']).to_string());
                if let Some(name) = renamed.take().or(declared) {
                    names.push((name, path.display().to_string()));
                }
                deriving = false;
            }
        }
    }
}

#[tokio::test]
async fn the_api_description_has_unique_schemas_and_no_dangling_refs() {
    let app = crate::helpers::spawn(None).await;
    let spec: Value = app
        .client
        .get(format!("{}/api/openapi.json", app.base))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");

    // Two types of one name would share one entry, and one of them would be described wrong.
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut names = Vec::new();
    for dir in ["app/src", "web/src", "domain/src"] {
        schema_names(&crates.join(dir), &mut names);
    }
    names.sort();
    let twice: Vec<_> = names
        .windows(2)
        .filter(|pair| pair[0].0 == pair[1].0)
        .map(|pair| format!("{} in {} and {}", pair[0].0, pair[0].1, pair[1].1))
        .collect();
    assert!(twice.is_empty(), "schema names used twice: {twice:?}");

    let schemas = spec["components"]["schemas"].as_object().expect("schemas");
    let mut found = Vec::new();
    refs(&spec, &mut found);
    for target in &found {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("a reference outside the schemas: {target}"));
        assert!(schemas.contains_key(name), "{target} names no schema");
    }

    // The order's promise is the window, not the catalogue's quote.
    let promise = &spec["components"]["schemas"]["OrderView"]["properties"]["promise"];
    let mut promise_refs = Vec::new();
    refs(promise, &mut promise_refs);
    let promise_name = promise_refs[0].rsplit('/').next().unwrap_or_default();
    let fields = schemas[promise_name]["properties"]
        .as_object()
        .expect("fields");
    let mut fields: Vec<&str> = fields.keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["earliest", "latest"]);

    // Each route lists the errors its extractors answer with.
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            let responses = operation["responses"].as_object().expect("responses");
            let mut expected = Vec::new();
            if path.starts_with("/api/v1") {
                expected.push("401");
            }
            if operation.get("requestBody").is_some() {
                expected.extend(["400", "413", "422"]);
                if operation["requestBody"]["required"] == true {
                    expected.push("415");
                }
            }
            let params = operation["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if params.iter().any(|p| p["in"] == "path") {
                expected.push("404");
            }
            if params.iter().any(|p| p["in"] == "query") {
                expected.push("422");
            }
            for status in expected {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} does not describe its {status}"
                );
            }
        }
    }
}

#[tokio::test]
async fn ck1_a_postcode_not_written_the_countrys_way_or_a_country_not_served_is_refused() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        for (postcode, country, field, code) in [
            ("abc", "NO", "delivery.address.postcode", "postcode_invalid"),
            ("01555", "NO", "delivery.address.postcode", "postcode_invalid"),
            ("1050", "UA", "delivery.address.postcode", "postcode_invalid"),
            ("0155", "XX", "delivery.address.country", "country_not_served"),
        ] {
            let mut body = order_body();
            body["delivery"]["address"]["postcode"] = json!(postcode);
            body["delivery"]["address"]["country"] = json!(country);
            refused("/orders", app.post("/orders", body).await, field, code);
        }
        assert_eq!(app.order_count().await, 0);
        let mut body = order_body();
        body["delivery"]["address"] = json!({"line": "Brivibas iela 1", "city": "Riga", "postcode": "lv 1050", "country": "LV"});
        let (_, order) = app.place(body).await;
        assert_eq!(order["delivery"]["address"]["postcode"], "LV-1050", "{order}");
    })
    .await;
}
