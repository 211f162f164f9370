//! `shopdesk import products` and `shopdesk export products`: the catalogue from and to a
//! product CSV, with a progress bar on a terminal and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use app::catalog::{ImportSummary, Progress};
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
}

#[derive(clap::Subcommand)]
pub enum ExportCommand {
    /// Write the catalogue as a Shopify product CSV, to FILE or the standard output.
    Products { file: Option<std::path::PathBuf> },
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

pub async fn import(shop: &app::Shop, file: &Path, dry_run: bool) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let bar = bar();
    let shown = bar.clone();
    let started = std::time::Instant::now();
    let summary = shop
        .import_products(
            &app::access::Actor::system(),
            &bytes,
            dry_run,
            &move |p: Progress| {
                shown.set_length(p.rows_total);
                shown.set_position(p.rows_done);
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    bar.finish_and_clear();
    print!("{}", report(&summary, started.elapsed()));
    Ok(())
}

/// The summary as the command prints it.
fn report(summary: &ImportSummary, took: std::time::Duration) -> String {
    let mut out = String::new();
    let seconds = took.as_secs_f64().max(0.001);
    out.push_str(&format!(
        "{} file, {} rows in {:.1} s ({:.0} rows/s).\n",
        summary.format.name(),
        summary.rows,
        seconds,
        summary.rows as f64 / seconds
    ));
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
    for problem in &summary.refusals {
        out.push_str(&format!(
            "Refused: row {}, column {}: {} ({}, product {})\n",
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

pub async fn export(shop: &app::Shop, file: Option<&Path>) -> anyhow::Result<()> {
    let csv = shop.export_products(&app::access::Actor::system()).await?;
    match file {
        Some(path) => {
            std::fs::write(path, &csv)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("The catalogue is in {}.", path.display());
        }
        None => std::io::stdout().write_all(&csv)?,
    }
    Ok(())
}
