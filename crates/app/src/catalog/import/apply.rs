//! Checking and writing each product of a file, in its own transaction, and the photos it
//! names after it.

use std::collections::BTreeMap;

use domain::access::Permission;

use super::{Columns, Draft, Format, Image, ImportSummary, ImportedProduct, Progress, RowProblem};
use super::{ImageFetcher, category_code, parse, photo_name, shopify, woocommerce};
use crate::access::Actor;
use crate::catalog::photos::{PhotoDetails, PhotoView, Upload};
use crate::catalog::products::{NewProduct, ProductView, put_product};
use crate::{Error, Result, Shop};

/// Where in the file a field the product checks named lies: `variants[1].barcode` is the row
/// of the second variant, in the format's barcode column.
fn locate(draft: &Draft, columns: &Columns, field: &str) -> (u64, &'static str) {
    let Some(rest) = field.strip_prefix("variants[") else {
        let column = match field.split('.').next().unwrap_or_default() {
            "title" | "texts" => columns.title,
            "description" => columns.description,
            "status" => columns.status,
            "category" => columns.category,
            "variants" => columns.variants,
            "handle" => columns.handle,
            _ => "",
        };
        return (draft.row, column);
    };
    let (index, name) = rest.split_once("].").unwrap_or((rest, ""));
    let row = index
        .parse::<usize>()
        .ok()
        .and_then(|i| draft.variant_rows.get(i).copied())
        .unwrap_or(draft.row);
    let column = match name {
        "sku" | "id" => columns.sku,
        "options" => columns.options,
        "price_minor" => columns.price,
        "compare_at_minor" => columns.compare_at,
        "weight_grams" => columns.weight,
        "barcode" => columns.barcode,
        _ => "",
    };
    (row, column)
}

/// Whether the product already shows this photo: one kept under the URL's file name, or one
/// whose stored image the URL names (`/media/{hash}.jpg`, as an export writes it).
fn has_photo(photos: &[PhotoView], url: &str) -> bool {
    let name = photo_name(url);
    photos
        .iter()
        .any(|p| p.file_name == name || p.sizes.iter().any(|s| photo_name(&s.url) == name))
}

fn same_options(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> bool {
    let clean = |m: &BTreeMap<String, String>| -> BTreeMap<String, String> {
        m.iter()
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
            .collect()
    };
    clean(a) == clean(b)
}

/// What the file says that differs from the stored product; nothing when it equals it.
fn changes(
    wanted: &NewProduct,
    stored: &ProductView,
    photos: &[PhotoView],
    images: &[Image],
) -> Vec<String> {
    let mut changed = Vec::new();
    let title = domain::catalog::parse_title(&wanted.title).unwrap_or_default();
    if title != stored.title {
        changed.push("title".to_owned());
    }
    if wanted.description.trim().replace('\r', "") != stored.description.replace('\r', "") {
        changed.push("description".to_owned());
    }
    if wanted.category.trim() != stored.category {
        changed.push("category".to_owned());
    }
    if wanted.status != stored.status {
        changed.push("status".to_owned());
    }
    for variant in &wanted.variants {
        let sku = variant.sku.trim();
        let Some(old) = stored.variants.iter().find(|v| v.sku == sku) else {
            changed.push(format!("variant {sku}: new"));
            continue;
        };
        let barcode = variant
            .barcode
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty());
        let differs = [
            ("options", !same_options(&variant.options, &old.options)),
            ("price", variant.price_minor != old.price.amount_minor),
            (
                "compare-at price",
                variant.compare_at_minor != old.compare_at.as_ref().map(|c| c.amount_minor),
            ),
            ("weight", variant.weight_grams != old.weight_grams),
            ("barcode", barcode != old.barcode.as_deref()),
        ];
        for (what, _) in differs.iter().filter(|(_, d)| *d) {
            changed.push(format!("variant {sku}: {what}"));
        }
    }
    for image in images.iter().filter(|i| !has_photo(photos, &i.url)) {
        changed.push(format!("photo {}", photo_name(&image.url)));
    }
    changed
}

impl Shop {
    /// The same shop fetching the photos imported files name by URL.
    pub fn with_image_fetcher(self, fetcher: std::sync::Arc<dyn ImageFetcher>) -> Self {
        Self {
            image_fetcher: Some(fetcher),
            ..self
        }
    }

    /// Imports a Shopify or WooCommerce product CSV export; with `dry_run`, checks every
    /// product the same way and says what would change, writing nothing. `progress` hears of
    /// each product done.
    pub async fn import_products(
        &self,
        actor: &Actor,
        file: &[u8],
        dry_run: bool,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<ImportSummary> {
        actor.require(Permission::ManageCatalog)?;
        let parsed = parse(file)?;
        let columns = match parsed.format {
            Format::Shopify => &shopify::COLUMNS,
            Format::WooCommerce => &woocommerce::COLUMNS,
        };
        let settings = self.settings().await?;
        let languages = settings.selling_languages();
        let categories = self.categories().await?;
        let mut summary = ImportSummary {
            format: parsed.format,
            dry_run,
            rows: parsed.rows,
            created: 0,
            updated: 0,
            unchanged: 0,
            refused: 0,
            products: Vec::new(),
            refusals: Vec::new(),
            warnings: Vec::new(),
        };
        let mut done = 0;
        for mut draft in parsed.drafts {
            if !draft.category_name.is_empty() {
                let name = draft.category_name.trim();
                let code = categories
                    .iter()
                    .find(|c| c.code == category_code(name) || c.name.eq_ignore_ascii_case(name))
                    .map_or_else(|| category_code(name), |c| c.code.clone());
                draft.product.category = code;
            }
            let outcome = self
                .import_one(
                    actor,
                    &draft,
                    columns,
                    &languages,
                    &settings.default_locale,
                    dry_run,
                )
                .await?;
            match outcome {
                Ok((product, warnings)) => {
                    match product.outcome {
                        "created" => summary.created += 1,
                        "updated" => summary.updated += 1,
                        _ => summary.unchanged += 1,
                    }
                    summary.products.push(product);
                    summary.warnings.extend(warnings);
                }
                Err(problems) => {
                    summary.refused += 1;
                    summary.products.push(ImportedProduct {
                        handle: draft.handle.clone(),
                        title: draft.product.title.clone(),
                        outcome: "refused",
                        product_id: None,
                        changes: Vec::new(),
                    });
                    summary.refusals.extend(problems);
                }
            }
            done += draft.rows;
            progress(Progress {
                rows_done: done,
                rows_total: parsed.rows,
            });
        }
        Ok(summary)
    }

    /// Checks and writes one product of the file: what became of it and the warnings about
    /// its photos, or every problem of its rows. A failure of the store stops the import.
    async fn import_one(
        &self,
        actor: &Actor,
        draft: &Draft,
        columns: &Columns,
        languages: &[&str],
        locale: &str,
        dry_run: bool,
    ) -> Result<std::result::Result<(ImportedProduct, Vec<RowProblem>), Vec<RowProblem>>> {
        let problem = |row: u64, column: &str, code: &str, message: String| RowProblem {
            row,
            column: column.to_owned(),
            handle: draft.handle.clone(),
            code: code.to_owned(),
            message,
        };
        if !draft.problems.is_empty() {
            return Ok(Err(draft
                .problems
                .iter()
                .map(|(row, column, invalid)| {
                    problem(*row, column, invalid.code, invalid.message.clone())
                })
                .collect()));
        }
        let existing = match self.product_for(draft).await? {
            Ok(existing) => existing,
            Err(message) => {
                return Ok(Err(vec![problem(
                    draft.row,
                    columns.sku,
                    "import_skus_of_two_products",
                    message,
                )]));
            }
        };
        let mut wanted = draft.product.clone();
        let (outcome, changed) = match &existing {
            Some((stored, photos)) => {
                wanted.texts = stored.texts.clone();
                for variant in &mut wanted.variants {
                    variant.id = stored
                        .variants
                        .iter()
                        .find(|v| v.sku == variant.sku.trim())
                        .map(|v| v.id);
                }
                let changed = changes(&wanted, stored, photos, &draft.images);
                let only_photos = changed.iter().all(|c| c.starts_with("photo "));
                if only_photos && (!dry_run || changed.is_empty()) {
                    // The product itself is as the file says: only photos it lacks are
                    // fetched, and if none of them could be, nothing changed.
                    let before = photos.len();
                    let warnings = self
                        .import_photos(actor, stored.id, draft, columns, photos, locale)
                        .await?;
                    let added = !changed.is_empty() && self.photos(stored.id).await?.len() > before;
                    let product = ImportedProduct {
                        handle: draft.handle.clone(),
                        title: stored.title.clone(),
                        outcome: if added { "updated" } else { "unchanged" },
                        product_id: Some(stored.id),
                        changes: if added { changed } else { Vec::new() },
                    };
                    return Ok(Ok((product, warnings)));
                }
                ("updated", changed)
            }
            None => ("created", Vec::new()),
        };
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let category = Some(draft.category_name.trim()).filter(|n| !n.is_empty());
        let written = put_product(
            &mut tx,
            languages,
            existing.as_ref().map(|(p, _)| p.id),
            &wanted,
            category,
            now,
        )
        .await;
        let id = match written {
            Ok(id) => id,
            Err(Error::Invalid {
                field,
                code,
                message,
            }) => {
                let (row, column) = locate(draft, columns, &field);
                return Ok(Err(vec![problem(row, column, code, message)]));
            }
            Err(Error::Store(err)) => return Err(Error::Store(err)),
            Err(other) => {
                return Ok(Err(vec![problem(
                    draft.row,
                    "",
                    other.code(),
                    other.to_string(),
                )]));
            }
        };
        match store::catalog::set_handle(&mut tx, id, &draft.handle).await {
            Ok(()) => {}
            Err(store::Error::Duplicate(_)) => {
                return Ok(Err(vec![problem(
                    draft.row,
                    columns.handle,
                    "already_exists",
                    format!("another product already has the handle {}", draft.handle),
                )]));
            }
            Err(other) => return Err(other.into()),
        }
        let title = wanted.title.clone();
        if dry_run {
            drop(tx);
            let product = ImportedProduct {
                handle: draft.handle.clone(),
                title,
                outcome,
                product_id: existing.as_ref().map(|(p, _)| p.id),
                changes: changed,
            };
            return Ok(Ok((product, Vec::new())));
        }
        tx.commit().await?;
        let photos = existing.map(|(_, photos)| photos).unwrap_or_default();
        let warnings = self
            .import_photos(actor, id, draft, columns, &photos, locale)
            .await?;
        let product = ImportedProduct {
            handle: draft.handle.clone(),
            title,
            outcome,
            product_id: Some(id),
            changes: changed,
        };
        Ok(Ok((product, warnings)))
    }

    /// The stored product the draft names, by handle or else by a variant's SKU, with its
    /// photos; a message when its SKUs belong to two products.
    async fn product_for(
        &self,
        draft: &Draft,
    ) -> Result<std::result::Result<Option<(ProductView, Vec<PhotoView>)>, String>> {
        let mut conn = self.store.read().await?;
        let mut id = store::catalog::product_by_handle(&mut conn, &draft.handle).await?;
        if id.is_none() {
            let mut found: Vec<i64> = Vec::new();
            for variant in &draft.product.variants {
                let sku = variant.sku.trim();
                if let Some(p) = store::catalog::product_by_sku(&mut conn, sku).await?
                    && !found.contains(&p)
                {
                    found.push(p);
                }
            }
            if found.len() > 1 {
                return Ok(Err(format!(
                    "the SKUs of this product belong to {} products in the shop",
                    found.len()
                )));
            }
            id = found.first().copied();
        }
        drop(conn);
        let Some(id) = id else {
            return Ok(Ok(None));
        };
        let Some(product) = self.product(id).await? else {
            return Ok(Ok(None));
        };
        Ok(Ok(Some((product, self.photos(id).await?))))
    }

    /// Fetches and adds the draft's photos the product does not show yet, each on its own so
    /// one that fails is a warning about its row alone.
    async fn import_photos(
        &self,
        actor: &Actor,
        id: i64,
        draft: &Draft,
        columns: &Columns,
        photos: &[PhotoView],
        locale: &str,
    ) -> Result<Vec<RowProblem>> {
        let mut warnings = Vec::new();
        for image in draft.images.iter().filter(|i| !has_photo(photos, &i.url)) {
            let warn = |code: &str, message: String| RowProblem {
                row: image.row,
                column: columns.image.to_owned(),
                handle: draft.handle.clone(),
                code: code.to_owned(),
                message,
            };
            let fetched = match &self.image_fetcher {
                Some(fetcher) => fetcher.fetch(&image.url).await,
                None => Err("this shop fetches no images".to_owned()),
            };
            let bytes = match fetched {
                Ok(bytes) => bytes,
                Err(why) => {
                    warnings.push(warn("image_unreachable", format!("{}: {why}", image.url)));
                    continue;
                }
            };
            let details = PhotoDetails {
                colour: None,
                alt: if image.alt.is_empty() {
                    BTreeMap::new()
                } else {
                    BTreeMap::from([(locale.to_owned(), image.alt.clone())])
                },
            };
            let upload = Upload {
                file_name: photo_name(&image.url),
                bytes,
            };
            match self.add_photos(actor, id, vec![upload], &details).await {
                Ok(_) => {}
                Err(Error::Store(err)) => return Err(Error::Store(err)),
                Err(err) => warnings.push(warn(err.code(), format!("{}: {err}", image.url))),
            }
        }
        Ok(warnings)
    }
}
