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
