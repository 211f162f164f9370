//! `shopdesk import products|stock` and `shopdesk export products|stock`: the catalogue and
//! the shelves from and to a CSV, with a progress bar on a terminal and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use app::catalog::{ImportSummary, Progress, StockImport};
use indicatif::{ProgressBar, ProgressStyle};

#[derive(clap::Subcommand)]
pub enum ImportCommand {
    /// Read a Shopify or WooCommerce product CSV export (told apart by its header row) into
    /// the catalogue: products are found again by handle or SKU, so a second run changes
    /// nothing. A refused row names its row and column and leaves its product out.
    Products {
        file: std::path::PathBuf,
        /// Check every product and say what would change, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Read a stock file (Shopify's inventory export, or the columns SKU, Location, On hand
    /// and Bin) into the stock ledger, each row a count of its shelf (ST-3). A shelf that
    /// holds what its row says is left alone; a refused row names its row and column.
    Stock {
        file: std::path::PathBuf,
        /// Say what would be counted, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(clap::Subcommand)]
pub enum ExportCommand {
    /// Write the catalogue as a Shopify product CSV, to FILE or the standard output.
    Products { file: Option<std::path::PathBuf> },
    /// Write the shop's own shelves as a Shopify inventory CSV, to FILE or the standard output.
    Stock { file: Option<std::path::PathBuf> },
}

/// A bar on a terminal, with rows a second; nothing when the output goes to a file or pipe.
fn bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} rows, {per_sec}, {elapsed} (about {eta} to go)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// What an import reads, and the bar that shows how far it is.
fn read_with_bar(file: &Path) -> anyhow::Result<(Vec<u8>, ProgressBar)> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    Ok((bytes, bar()))
}

/// The bar's callback for an import.
fn shown(bar: &ProgressBar) -> impl Fn(Progress) + Sync + use<> {
    let shown = bar.clone();
    move |p: Progress| {
        shown.set_length(p.rows_total);
        shown.set_position(p.rows_done);
    }
}

/// What a file is imported into.
#[derive(Clone, Copy)]
pub enum Into {
    Products,
    Stock,
}

pub async fn import(
    shop: &app::Shop,
    file: &Path,
    dry_run: bool,
    into: Into,
) -> anyhow::Result<()> {
    let (bytes, bar) = read_with_bar(file)?;
    let started = std::time::Instant::now();
    let system = app::access::Actor::system();
    let progress = shown(&bar);
    let summary = match into {
        Into::Products => shop
            .import_products(&system, &bytes, dry_run, &progress)
            .await
            .map(|summary| report(&summary, started.elapsed())),
        Into::Stock => shop
            .import_stock(&system, &bytes, dry_run, &progress)
            .await
            .map(|summary| stock_report(&summary, started.elapsed())),
    }
    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    bar.finish_and_clear();
    print!("{summary}");
    Ok(())
}

/// The rows of a run and how fast they went, as the first line of a summary.
fn pace(what: &str, rows: u64, took: std::time::Duration) -> String {
    let seconds = took.as_secs_f64().max(0.001);
    format!(
        "{what}, {rows} rows in {seconds:.1} s ({:.0} rows/s).\n",
        rows as f64 / seconds
    )
}

/// A stock import's summary as the command prints it.
fn stock_report(summary: &StockImport, took: std::time::Duration) -> String {
    let mut out = pace("Stock file", summary.rows, took);
    if summary.dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    let would = if summary.dry_run { "would be " } else { "" };
    for change in &summary.changes {
        let before = change
            .on_hand_before
            .map_or_else(|| "new shelf".to_owned(), |n| n.to_string());
        out.push_str(&format!(
            "  {would}counted {} at {}: {before} -> {}{}\n",
            change.sku,
            change.location,
            change.on_hand,
            if change.bin.is_empty() {
                String::new()
            } else {
                format!(" (bin {})", change.bin)
            }
        ));
    }
    refusals(&mut out, &summary.refusals, "SKU");
    out.push_str(&format!(
        "{} counted, {} unchanged, {} refused.\n",
        summary.counted, summary.unchanged, summary.refused
    ));
    out
}

/// Each refused row, with its row, column and reason.
fn refusals(out: &mut String, problems: &[app::catalog::RowProblem], of: &str) {
    for problem in problems {
        out.push_str(&format!(
            "Refused: row {}, column {}: {} ({}, {of} {})\n",
            problem.row,
            if problem.column.is_empty() {
                "-"
            } else {
                &problem.column
            },
            problem.message,
            problem.code,
            problem.handle
        ));
    }
}

/// The summary as the command prints it.
fn report(summary: &ImportSummary, took: std::time::Duration) -> String {
    let mut out = pace(
        &format!("{} file", summary.format.name()),
        summary.rows,
        took,
    );
    if summary.dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    let would = if summary.dry_run { "would be " } else { "" };
    for product in summary
        .products
        .iter()
        .filter(|p| p.outcome != "unchanged" && p.outcome != "refused")
    {
        out.push_str(&format!("  {would}{} {}", product.outcome, product.handle));
        if !product.changes.is_empty() {
            out.push_str(&format!(": {}", product.changes.join(", ")));
        }
        out.push('\n');
    }
    refusals(&mut out, &summary.refusals, "product");
    for warning in &summary.warnings {
        out.push_str(&format!(
            "Warning: row {}, column {}: {}\n",
            warning.row, warning.column, warning.message
        ));
    }
    out.push_str(&format!(
        "{} created, {} updated, {} unchanged, {} refused.\n",
        summary.created, summary.updated, summary.unchanged, summary.refused
    ));
    out
}

/// Writes an export to `file`, saying where, or to the standard output.
pub fn write_export(csv: &[u8], file: Option<&Path>, what: &str) -> anyhow::Result<()> {
    match file {
        Some(path) => {
            std::fs::write(path, csv)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("{what} is in {}.", path.display());
        }
        None => std::io::stdout().write_all(csv)?,
    }
    Ok(())
}
