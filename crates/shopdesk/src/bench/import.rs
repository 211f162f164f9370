//! `bench import`: a Shopify product CSV of many products read through the real import, against
//! the same products and variants written with plain SQL, one transaction per product, in the
//! same run; and the process's peak memory.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use app::Shop;
use clap::Args;
use store::Synchronous;

use super::databases;

#[derive(Args)]
pub struct ImportArgs {
    /// Products in the file, each with three sizes.
    #[arg(long, default_value_t = 10_000)]
    products: usize,
    /// A PostgreSQL server to measure too (a scratch database is made on it).
    #[arg(long, env = "SHOPDESK_BENCH_POSTGRES_URL")]
    postgres: Option<String>,
}

const SIZES: [&str; 3] = ["S", "M", "L"];

/// One product of the file, as its rows: title, handle, SKU, size, price in minor units,
/// barcode.
struct Row {
    handle: String,
    title: String,
    sku: String,
    size: &'static str,
    price_minor: i64,
    barcode: String,
}

fn rows(products: usize) -> Vec<Row> {
    (0..products)
        .flat_map(|p| {
            SIZES.iter().enumerate().map(move |(i, size)| Row {
                handle: format!("bench-product-{p}"),
                title: format!("Bench product {p}"),
                sku: format!("BENCH-{p}-{size}"),
                size,
                price_minor: 1000 + (p % 500) as i64 * 10,
                barcode: domain::catalog::ean13(200_000_000_000 + (p * SIZES.len() + i) as u64),
            })
        })
        .collect()
}

/// The rows as Shopify's product CSV: the product's fields on its first row only.
fn shopify_csv(rows: &[Row]) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "Handle",
        "Title",
        "Body (HTML)",
        "Type",
        "Published",
        "Option1 Name",
        "Option1 Value",
        "Variant SKU",
        "Variant Grams",
        "Variant Price",
        "Variant Barcode",
        "Status",
    ])?;
    for (i, row) in rows.iter().enumerate() {
        let first = i % SIZES.len() == 0;
        let own = |text: &str| {
            if first {
                text.to_owned()
            } else {
                String::new()
            }
        };
        out.write_record([
            row.handle.clone(),
            own(&row.title),
            own("<p>Soft wool, knitted in Norway.</p>"),
            own("Knitwear"),
            own("TRUE"),
            own("Size"),
            row.size.to_owned(),
            row.sku.clone(),
            "300".to_owned(),
            format!("{}.{:02}", row.price_minor / 100, row.price_minor % 100),
            row.barcode.clone(),
            own("active"),
        ])?;
    }
    Ok(out.into_inner()?)
}

/// The process's peak resident memory so far, in MiB, as Linux reports it.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

async fn empty_shop(server: Option<&str>) -> anyhow::Result<(Shop, store::scratch::Scratch)> {
    let db = store::scratch::create(server).await?;
    let store = store::Store::connect_with(&db.url, Synchronous::Full).await?;
    store.migrate().await?;
    Ok((Shop::new(store, Arc::new(app::SystemClock)), db))
}

async fn through_import(server: Option<&str>, file: &[u8]) -> anyhow::Result<Duration> {
    let (shop, _db) = empty_shop(server).await?;
    let started = Instant::now();
    let summary = shop
        .import_products(&app::access::Actor::system(), file, false, &|_| {})
        .await?;
    let took = started.elapsed();
    anyhow::ensure!(
        summary.refused == 0 && summary.updated == 0,
        "the bench file was not imported whole: {} refused",
        summary.refused
    );
    shop.store().close().await;
    Ok(took)
}

/// The same products and variants, written as the import stores them, without its checks.
async fn plain_sql(server: Option<&str>, rows: &[Row]) -> anyhow::Result<Duration> {
    let (shop, _db) = empty_shop(server).await?;
    let store = shop.store().clone();
    let now = jiff::Timestamp::now().as_millisecond();
    let started = Instant::now();
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "INSERT INTO categories (code, name, created_at) VALUES ('knitwear', 'Knitwear', $1)",
    )
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    for product in rows.chunks(SIZES.len()) {
        let first = &product[0];
        let mut tx = store.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO products (title, description, category, status, texts, search, created_at, updated_at, handle) \
             VALUES ($1, $2, 'knitwear', 'active', '{}', $3, $4, $4, $5) RETURNING id",
        )
        .bind(&first.title)
        .bind("Soft wool, knitted in Norway.")
        .bind(first.title.to_lowercase())
        .bind(now)
        .bind(&first.handle)
        .fetch_one(&mut *tx)
        .await?;
        for row in product {
            sqlx::query(
                "INSERT INTO variants (product_id, sku, options, price_minor, weight_grams, barcode) \
                 VALUES ($1, $2, $3, $4, 300, $5)",
            )
            .bind(id)
            .bind(&row.sku)
            .bind(format!("{{\"size\":\"{}\"}}", row.size))
            .bind(row.price_minor)
            .bind(&row.barcode)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    }
    let took = started.elapsed();
    store.close().await;
    Ok(took)
}

pub async fn import(args: ImportArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.products > 0, "--products must be positive");
    let rows = rows(args.products);
    let file = shopify_csv(&rows)?;
    println!(
        "import: {} products with {} variants each, {} rows, {:.1} MiB of Shopify CSV",
        args.products,
        SIZES.len(),
        rows.len(),
        file.len() as f64 / (1024.0 * 1024.0)
    );
    let per_second = |took: Duration| rows.len() as f64 / took.as_secs_f64();
    for (label, server) in databases(args.postgres.as_deref()) {
        let before = peak_mib();
        let imported = through_import(server, &file)
            .await
            .with_context(|| format!("{label}: import run"))?;
        let peak = peak_mib();
        let baseline = plain_sql(server, &rows)
            .await
            .with_context(|| format!("{label}: baseline run"))?;
        println!("{label}");
        println!(
            "  import (CSV, checks, texts)  {:>8.0} rows/s   {:.1} s",
            per_second(imported),
            imported.as_secs_f64()
        );
        println!(
            "  baseline (plain SQL)         {:>8.0} rows/s   {:.1} s",
            per_second(baseline),
            baseline.as_secs_f64()
        );
        println!(
            "  ratio import / baseline: {:.2}",
            baseline.as_secs_f64() / imported.as_secs_f64()
        );
        if let (Some(before), Some(peak)) = (before, peak) {
            println!(
                "  peak memory of the process: {peak:.0} MiB (before the import: {before:.0} MiB)"
            );
        }
    }
    Ok(())
}
