//! `shopdesk import products` and `export products` with the real binary: the summary a shop
//! reads after each run, a dry run writing nothing, a second run and a round trip through the
//! export changing nothing.

use crate::support::succeeds;

/// The web tests' Shopify fixture, its photos' addresses on a local server that has none of
/// them, so each is a warning and no refusal.
async fn fixture(dir: &std::path::Path) -> std::path::PathBuf {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, axum::Router::new()).await });
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../web/tests/fixtures/shopify_products.csv"
    );
    let text = std::fs::read_to_string(source)
        .expect("the fixture")
        .replace("https://images.example", &base);
    let path = dir.join("shopify.csv");
    std::fs::write(&path, text).expect("written");
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_prints_its_summary_and_a_second_run_and_the_round_trip_change_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let file = fixture(dir.path()).await;
    let file = file.to_str().expect("a path");

    let dry = succeeds(&url, &["import", "products", file, "--dry-run"]);
    assert!(dry.contains("Shopify file, 9 rows"), "{dry}");
    assert!(dry.contains("Dry run: nothing was written."), "{dry}");
    assert!(dry.contains("would be created classic-tee"), "{dry}");
    assert!(
        dry.contains("2 created, 0 updated, 0 unchanged, 3 refused."),
        "{dry}"
    );

    let first = succeeds(&url, &["import", "products", file]);
    assert!(!first.contains("Dry run"), "{first}");
    assert!(
        first.contains("Refused: row 9, column Variant Barcode: the last digit of 4006381333932"),
        "{first}"
    );
    assert!(
        first.contains("Refused: row 7, column Variant Price:"),
        "{first}"
    );
    assert!(
        first.contains("Warning: row 6, column Image Src:"),
        "{first}"
    );
    assert!(
        first.contains("2 created, 0 updated, 0 unchanged, 3 refused."),
        "{first}"
    );

    let again = succeeds(&url, &["import", "products", file]);
    assert!(
        again.contains("0 created, 0 updated, 2 unchanged, 3 refused."),
        "{again}"
    );

    let export = dir.path().join("export.csv");
    let export = export.to_str().expect("a path");
    succeeds(&url, &["export", "products", export]);
    let csv = std::fs::read_to_string(export).expect("the export");
    assert!(csv.starts_with("Handle,Title,Body (HTML)"), "{csv}");
    assert!(csv.contains("classic-tee,Classic tee"), "{csv}");
    let round = succeeds(&url, &["import", "products", export]);
    assert!(
        round.contains("0 created, 0 updated, 2 unchanged, 0 refused."),
        "{round}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn st3_a_stock_file_is_counted_into_the_ledger_once_and_its_export_changes_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let products = fixture(dir.path()).await;
    succeeds(
        &url,
        &["import", "products", products.to_str().expect("a path")],
    );
    let store = store::Store::connect(&url).await.expect("connect");
    let shop = app::Shop::new(store, std::sync::Arc::new(app::SystemClock));
    let warehouse = app::catalog::NewLocation {
        code: "WH1".into(),
        name: "Main warehouse".into(),
        kind: "warehouse".into(),
        city: "Oslo".into(),
        lead_time_days: 0,
        cutoff: "14:00".into(),
    };
    shop.create_location(&app::access::Actor::system(), &warehouse)
        .await
        .expect("a warehouse");

    // As Shopify's inventory export writes it: a location by its name, a shelf never
    // stocked, and three rows a shop gets wrong.
    let file = dir.path().join("stock.csv");
    std::fs::write(
        &file,
        "Handle,Title,Option1 Name,Option1 Value,SKU,Location,Bin name,On hand (current),On hand (new)\n\
         classic-tee,Classic tee,Colour,Navy,TEE-NAVY-M,Main warehouse,A-1,0,12\n\
         classic-tee,Classic tee,Colour,Navy,TEE-NAVY-L,WH1,,0,4\n\
         classic-tee,Classic tee,Colour,White,TEE-WHITE-M,WH1,,,not stocked\n\
         classic-tee,Classic tee,Colour,White,TEE-WHITE-M,Nowhere,,0,3\n\
         ,,,,NO-SUCH-SKU,WH1,,0,3\n\
         classic-tee,Classic tee,Colour,Navy,TEE-NAVY-L,WH1,,0,-2\n",
    )
    .expect("written");
    let file = file.to_str().expect("a path");

    let dry = succeeds(&url, &["import", "stock", file, "--dry-run"]);
    assert!(dry.contains("Stock file, 6 rows"), "{dry}");
    assert!(dry.contains("Dry run: nothing was written."), "{dry}");
    assert!(
        dry.contains("would be counted TEE-NAVY-M at WH1: new shelf -> 12 (bin A-1)"),
        "{dry}"
    );
    assert!(dry.contains("2 counted, 1 unchanged, 3 refused."), "{dry}");
    assert!(shop.stock("TEE-NAVY-M").await.expect("stock").is_empty());

    let first = succeeds(&url, &["import", "stock", file]);
    assert!(
        first.contains("Refused: row 5, column Location: there is no location 'Nowhere'"),
        "{first}"
    );
    assert!(first.contains("Refused: row 6, column SKU:"), "{first}");
    assert!(
        first.contains("Refused: row 7, column On hand (new):"),
        "{first}"
    );
    assert!(
        first.contains("2 counted, 1 unchanged, 3 refused."),
        "{first}"
    );
    let shelf = shop.stock("TEE-NAVY-M").await.expect("stock");
    assert_eq!((shelf[0].on_hand, shelf[0].bin.as_str()), (12, "A-1"));
    let ledger = shop
        .stock_movements("TEE-NAVY-M", 10)
        .await
        .expect("ledger");
    assert_eq!((ledger[0].kind.as_str(), ledger[0].quantity), ("count", 12));

    let again = succeeds(&url, &["import", "stock", file]);
    assert!(
        again.contains("0 counted, 3 unchanged, 3 refused."),
        "{again}"
    );

    let export = dir.path().join("stock-export.csv");
    let export = export.to_str().expect("a path");
    succeeds(&url, &["export", "stock", export]);
    let csv = std::fs::read_to_string(export).expect("the export");
    assert!(
        csv.starts_with("Handle,Title,Option1 Name,Option1 Value"),
        "{csv}"
    );
    assert!(csv.contains("TEE-NAVY-M,WH1,A-1,0,0,0,12,12,12"), "{csv}");
    let round = succeeds(&url, &["import", "stock", export]);
    assert!(
        round.contains("0 counted, 2 unchanged, 0 refused."),
        "{round}"
    );
}
