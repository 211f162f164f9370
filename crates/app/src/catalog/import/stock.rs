//! Stock from a CSV file as counts in the ledger (ST-3), and the shop's stock written as one.
//!
//! A row names a SKU, a location (by its code or its name), what the shelf holds and, where the
//! file says, its bin. Shopify's inventory export is read as it is (`SKU`, `Location`, `Bin
//! name`, `On hand (new)`); a plain file may say `sku`, `location`, `on_hand` and `bin`. Each
//! row is a count of its own through the same use case as the stock page, so a refused row
//! changes nothing and the others still go in, and a shelf that already holds what the row
//! says is left alone: importing a file twice counts nothing the second time. The export is
//! Shopify's inventory CSV, so importing it back changes nothing.

use std::collections::HashMap;

use domain::access::Permission;
use domain::inventory::{MAX_UNITS, MovementKind};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Progress, Row, RowProblem, read_csv, rows};
use crate::access::Actor;
use crate::catalog::{LocationView, NewMovement};
use crate::kernel::error::FieldResult;
use crate::{Error, Result, Shop};

/// The names each field goes by, Shopify's first.
const SKU: &[&str] = &["SKU", "sku", "Variant SKU"];
const LOCATION: &[&str] = &["Location", "location"];
const ON_HAND: &[&str] = &["On hand (new)", "On hand", "on_hand", "On hand (current)"];
const BIN: &[&str] = &["Bin name", "Bin", "bin"];

/// Shopify's inventory CSV, as its export writes it.
const HEADER: [&str; 17] = [
    "Handle",
    "Title",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "SKU",
    "Location",
    "Bin name",
    "Incoming (not editable)",
    "Unavailable (not editable)",
    "Committed (not editable)",
    "Available (not editable)",
    "On hand (current)",
    "On hand (new)",
];

/// What a stock import did, or with `dry_run` would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StockImport {
    pub dry_run: bool,
    /// Rows read, the header left out.
    pub rows: u64,
    /// Shelves whose count or bin changed.
    pub counted: u64,
    /// Rows that said what the shelf already held, or nothing to count (`not stocked`).
    pub unchanged: u64,
    pub refused: u64,
    /// Each shelf the import changed, or would change.
    pub changes: Vec<StockRow>,
    /// Why each refused row was left out.
    pub refusals: Vec<RowProblem>,
}

/// A shelf the import counted: from what to what.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StockRow {
    pub row: u64,
    pub sku: String,
    pub location: String,
    /// What the shelf held before; none for a shelf the import opens.
    pub on_hand_before: Option<i64>,
    pub on_hand: i64,
    pub bin: String,
}

/// A row's fields, checked.
struct Counted {
    sku: String,
    location: String,
    on_hand: i64,
    bin: Option<String>,
}

/// The first of `names` the file has.
fn column(columns: &HashMap<String, usize>, names: &[&'static str]) -> Option<&'static str> {
    names
        .iter()
        .copied()
        .find(|name| columns.contains_key(*name))
}

fn problem(row: u64, column: &str, sku: &str, code: &str, message: String) -> RowProblem {
    RowProblem {
        row,
        column: column.to_owned(),
        handle: sku.to_owned(),
        code: code.to_owned(),
        message,
    }
}

impl Shop {
    /// Reads a stock file into the ledger as counts, row by row; with `dry_run`, says what
    /// would change and writes nothing.
    pub async fn import_stock(
        &self,
        actor: &Actor,
        bytes: &[u8],
        dry_run: bool,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<StockImport> {
        actor.require(Permission::ManageCatalog)?;
        let (columns, records) = read_csv(bytes)?;
        let (Some(sku_column), Some(location_column), Some(on_hand_column)) = (
            column(&columns, SKU),
            column(&columns, LOCATION),
            column(&columns, ON_HAND),
        ) else {
            return Err(Error::field(
                "file",
                "import_format_unknown",
                "a stock file has the columns SKU, Location and On hand (Shopify's inventory export has them), and may have Bin name",
            ));
        };
        let bin_column = column(&columns, BIN).unwrap_or(BIN[0]);
        let locations = self.locations().await?;
        let mut summary = StockImport {
            dry_run,
            rows: records.len() as u64,
            counted: 0,
            unchanged: 0,
            refused: 0,
            changes: Vec::new(),
            refusals: Vec::new(),
        };
        for (done, row) in rows(&records, &columns).enumerate() {
            let sku = row.get(sku_column).to_owned();
            let read = read_row(
                &row,
                [sku_column, location_column, on_hand_column, bin_column],
                &locations,
            );
            let outcome = match read {
                Ok(Some(counted)) => self
                    .count_row(actor, &counted, dry_run)
                    .await
                    .map(|before| (counted, before)),
                Ok(None) => {
                    summary.unchanged += 1;
                    continue;
                }
                Err(refusal) => Err(refusal),
            };
            match outcome {
                Ok((_, None)) => summary.unchanged += 1,
                Ok((counted, Some(before))) => {
                    summary.counted += 1;
                    summary.changes.push(StockRow {
                        row: row.number,
                        sku: counted.sku,
                        location: counted.location,
                        on_hand_before: before,
                        on_hand: counted.on_hand,
                        bin: counted.bin.unwrap_or_default(),
                    });
                }
                Err(err) => {
                    summary.refused += 1;
                    let (column, code, message) = match err {
                        Error::Invalid {
                            field,
                            code,
                            message,
                        } => {
                            let column = match field.as_str() {
                                "sku" => sku_column,
                                "bin" => bin_column,
                                "location" => location_column,
                                _ => on_hand_column,
                            };
                            (column, code, message)
                        }
                        Error::NotFound { what: "sku" } => (
                            sku_column,
                            "sku_unknown",
                            format!("no product has SKU {sku}"),
                        ),
                        other => return Err(other),
                    };
                    summary
                        .refusals
                        .push(problem(row.number, column, &sku, code, message));
                }
            }
            progress(Progress {
                rows_done: done as u64 + 1,
                rows_total: summary.rows,
            });
        }
        Ok(summary)
    }

    /// Counts one shelf unless it holds what the row says already; answers what it held before
    /// (none for a new shelf), or nothing when it was left alone.
    async fn count_row(
        &self,
        actor: &Actor,
        counted: &Counted,
        dry_run: bool,
    ) -> Result<Option<Option<i64>>> {
        let shelves = self.stock(&counted.sku).await?;
        let shelf = shelves.iter().find(|s| s.location == counted.location);
        let same_bin = |bin: &str| counted.bin.as_deref().is_none_or(|b| b == bin);
        if let Some(shelf) = shelf
            && shelf.on_hand == counted.on_hand
            && same_bin(&shelf.bin)
        {
            return Ok(None);
        }
        let before = shelf.map(|s| s.on_hand);
        if let Some(shelf) = shelf
            && counted.on_hand < shelf.reserved
        {
            return Err(Error::field(
                "quantity",
                "below_reserved",
                format!(
                    "{} units are reserved for orders at {}; the count cannot be lower",
                    shelf.reserved, counted.location
                ),
            ));
        }
        if !dry_run {
            let movement = NewMovement {
                kind: MovementKind::Count.as_str().into(),
                quantity: counted.on_hand,
                reason: String::new(),
                bin: counted.bin.clone(),
                to_location: None,
            };
            self.move_stock(actor, &counted.sku, &counted.location, &movement)
                .await?;
        }
        Ok(Some(before))
    }

    /// The shop's own shelves as Shopify's inventory CSV.
    pub async fn export_stock(&self, actor: &Actor) -> Result<Vec<u8>> {
        actor.require(Permission::ReadStock)?;
        let levels = self.stock_levels(crate::catalog::Levels::All, "").await?;
        let handles = super::handles(self).await?;
        let mut out = super::csv_with(&HEADER)?;
        let supplier = domain::inventory::LocationKind::Supplier.as_str();
        for level in levels.iter().filter(|l| l.kind != supplier) {
            let handle = handles
                .get(&level.product_id)
                .cloned()
                .unwrap_or_else(|| super::export::made_handle(&level.title, level.product_id));
            let mut record = vec![handle, level.title.clone()];
            let mut options = level.options.iter();
            for _ in 0..3 {
                let (name, value) = options
                    .next()
                    .map_or((String::new(), String::new()), |(n, v)| {
                        (crate::catalog::categories::capitalised(n), v.clone())
                    });
                record.extend([name, value]);
            }
            let on_hand = level.on_hand.to_string();
            record.extend([
                level.sku.clone(),
                level.location.clone(),
                level.bin.clone(),
                level.on_order.to_string(),
                "0".into(),
                level.reserved.to_string(),
                level.available.to_string(),
                on_hand.clone(),
                on_hand,
            ]);
            out.write_record(&record).map_err(super::csv_failed)?;
        }
        super::csv_done(out)
    }
}

/// The row's fields, checked; none when it has nothing to count (`not stocked`, or no number
/// where Shopify's export leaves a shelf as it is).
fn read_row(
    row: &Row<'_>,
    [sku, location, on_hand, bin]: [&'static str; 4],
    locations: &[LocationView],
) -> Result<Option<Counted>> {
    let raw = row.get(on_hand);
    if raw.is_empty() || raw.eq_ignore_ascii_case("not stocked") {
        return Ok(None);
    }
    let sku = domain::catalog::Sku::parse(row.get(sku))
        .field("sku")?
        .as_ref()
        .to_owned();
    let named = row.get(location);
    let location = locations
        .iter()
        .find(|l| l.code == named)
        .or_else(|| {
            locations
                .iter()
                .find(|l| l.name.eq_ignore_ascii_case(named))
        })
        .ok_or_else(|| {
            Error::field(
                "location",
                "location_unknown",
                format!("there is no location '{named}': add it on the stock page first"),
            )
        })?;
    let on_hand = raw
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=MAX_UNITS).contains(n))
        .ok_or_else(|| {
            Error::field(
                "quantity",
                "quantity_invalid",
                format!("'{raw}' is no count: a whole number of units from 0 to {MAX_UNITS}"),
            )
        })?;
    let bin = Some(row.get(bin))
        .filter(|b| !b.is_empty())
        .map(|b| domain::inventory::parse_bin(b).field("bin"))
        .transpose()?;
    Ok(Some(Counted {
        sku,
        location: location.code.clone(),
        on_hand,
        bin,
    }))
}
