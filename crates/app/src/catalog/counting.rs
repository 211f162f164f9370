//! The count mode of the packing station (ST-3): a packer scans every unit in one bin, checks
//! the tally against what the ledger expects, and confirms; each SKU's difference becomes a
//! `count` in the stock ledger.

use std::collections::BTreeMap;

use domain::access::Permission;
use domain::inventory::{Change, MovementKind, parse_bin};
use serde::Serialize;
use store::catalog::ledger::Stamp;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::{Error, Result, Shop};

use super::ledger::{Why, apply, shelf_of};
use super::products::parse_stored_options;

/// One SKU of a bin being counted: what the ledger says, and how many units were scanned.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountedLine {
    pub sku: String,
    pub title: String,
    pub options: BTreeMap<String, String>,
    pub expected: i64,
    pub counted: i64,
    /// The bin the ledger keeps this SKU in at the location, when it is another one.
    pub kept_in: Option<String>,
}

/// A bin's count so far: its SKUs, and the codes that are no product of the shop.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct BinCount {
    pub lines: Vec<CountedLine>,
    pub unknown: Vec<String>,
}

impl BinCount {
    /// The SKUs of the bin whose count differs from the ledger.
    pub fn differences(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.kept_in.is_none() && l.counted != l.expected)
            .count()
    }
}

/// A line of the tally with the shelf it belongs to, if the location has one yet.
struct Tallied {
    stock_id: Option<i64>,
    variant_id: i64,
    line: CountedLine,
}

/// A bin's count as the use cases work with it: where, and each line with its shelf.
struct Tally {
    location_id: i64,
    bin: String,
    lines: Vec<Tallied>,
    unknown: Vec<String>,
}

impl Tally {
    fn count(self) -> BinCount {
        BinCount {
            lines: self.lines.into_iter().map(|t| t.line).collect(),
            unknown: self.unknown,
        }
    }
}

impl Shop {
    /// What scanning `codes` (one per unit, a barcode or a SKU) in a bin counts, beside what
    /// the ledger expects there; writes nothing.
    pub async fn tally_bin(
        &self,
        actor: &Actor,
        location: &str,
        bin: &str,
        codes: &[String],
    ) -> Result<BinCount> {
        actor.require(Permission::Fulfil)?;
        let mut conn = self.store.read().await?;
        Ok(tally(&mut conn, location, bin, codes).await?.count())
    }

    /// Confirms a bin's count: every SKU of the bin and every SKU new to the location scanned
    /// in it is recorded as counted (a SKU of the bin not scanned counts zero), in one
    /// transaction; one kept in another bin is counted there, and a code that is no product is
    /// left out. A count below what is reserved for orders refuses the whole count.
    pub async fn count_bin(
        &self,
        actor: &Actor,
        location: &str,
        bin: &str,
        codes: &[String],
    ) -> Result<BinCount> {
        actor.require(Permission::Fulfil)?;
        let mut tx = self.store.begin_write().await?;
        let tally = tally(&mut tx, location, bin, codes).await?;
        let by = Stamp {
            actor: &actor.name,
            at: store::to_millis(self.now()),
        };
        let reason = format!("bin {}", tally.bin);
        // What is kept in another bin is counted there; unknown codes are no stock at all.
        for t in tally.lines.iter().filter(|t| t.line.kept_in.is_none()) {
            tx.serialise(&[&format!("stock:{}", t.variant_id)]).await?;
            let stock_id = match t.stock_id {
                Some(id) => id,
                None => {
                    shelf_of(&mut tx, t.variant_id, tally.location_id, Some(&tally.bin)).await?
                }
            };
            apply(
                &mut tx,
                stock_id,
                MovementKind::Count,
                Change::Count(t.line.counted),
                Why::said(&reason),
                by,
            )
            .await
            .map_err(|err| match err {
                Error::Invalid { code, message, .. } => Error::Invalid {
                    field: "codes".into(),
                    code,
                    message: format!("{}: {message}", t.line.sku),
                },
                other => other,
            })?;
        }
        tx.commit().await?;
        Ok(tally.count())
    }
}

/// The bin's shelves and the SKUs scanned in it, each with its scanned units; each distinct
/// code is looked up once, however many units carried it.
async fn tally(
    conn: &mut store::Conn,
    location: &str,
    bin: &str,
    codes: &[String],
) -> Result<Tally> {
    let location_id = store::catalog::inventory::location_by_code(conn, location)
        .await?
        .ok_or_else(|| {
            Error::field(
                "location",
                "location_unknown",
                format!("there is no location {location}"),
            )
        })?
        .id;
    let bin = parse_bin(bin).field("bin")?;
    if bin.is_empty() {
        return Err(Error::field(
            "bin",
            "bin_invalid",
            "say which bin is counted",
        ));
    }
    let mut lines = Vec::new();
    for shelf in store::catalog::ledger::bin_shelves(conn, location_id, &bin).await? {
        lines.push(Tallied {
            stock_id: Some(shelf.stock_id),
            variant_id: shelf.variant_id,
            line: CountedLine {
                options: parse_stored_options(&shelf.options)?,
                sku: shelf.sku,
                title: shelf.title,
                expected: shelf.on_hand,
                counted: 0,
                kept_in: None,
            },
        });
    }
    let mut scanned: BTreeMap<&str, usize> = BTreeMap::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        *scanned.entry(code).or_default() += 1;
    }
    let mut unknown = Vec::new();
    for (code, units) in scanned {
        let Some(found) = store::catalog::ledger::shelf_by_code(conn, location_id, code).await?
        else {
            unknown.push(code.to_owned());
            continue;
        };
        let units = i64::try_from(units).unwrap_or(i64::MAX);
        match lines.iter_mut().find(|t| t.variant_id == found.variant_id) {
            Some(known) => known.line.counted += units,
            // Not in this bin by the ledger: new to the location, or kept in another bin.
            None => lines.push(Tallied {
                stock_id: found.stock_id,
                variant_id: found.variant_id,
                line: CountedLine {
                    options: parse_stored_options(&found.options)?,
                    sku: found.sku,
                    title: found.title,
                    expected: found.on_hand.unwrap_or_default(),
                    counted: units,
                    kept_in: found.bin.filter(|kept| *kept != bin),
                },
            }),
        }
    }
    Ok(Tally {
        location_id,
        bin,
        lines,
        unknown,
    })
}
