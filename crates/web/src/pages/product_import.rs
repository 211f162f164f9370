//! Importing products from Shopify's or WooCommerce's CSV export in the back office, and
//! downloading the catalogue as a Shopify CSV: the same use cases as the API's, the summary and
//! the refused rows in the person's language.

use app::catalog::{ImportSummary, RowProblem};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::frame::Frame;
use super::products::catalog_keeper;
use super::session::{Me, PageError, render};
use crate::extract::import_form;

/// A row of the summary's tables, its reason in the reader's words.
struct Shown {
    row: u64,
    column: String,
    handle: String,
    why: String,
}

#[derive(Template)]
#[template(path = "pages/product_import.html")]
struct ImportPage {
    f: Frame,
    summary: Option<ImportSummary>,
    refused: Vec<Shown>,
    warnings: Vec<Shown>,
    /// Why the file as a whole was refused.
    problem: Option<String>,
}

impl ImportPage {
    /// The refused rows and the warnings, each a table when there are any: its id, heading
    /// and rows.
    fn tables(&self) -> Vec<(&'static str, &'static str, &[Shown])> {
        [
            ("import-refused", "import-refused", self.refused.as_slice()),
            (
                "import-warnings",
                "import-warnings",
                self.warnings.as_slice(),
            ),
        ]
        .into_iter()
        .filter(|(_, _, rows)| !rows.is_empty())
        .collect()
    }

    fn counts(&self, summary: &ImportSummary) -> String {
        self.f.lang.text_with(
            "import-summary",
            &[
                ("created", summary.created.into()),
                ("updated", summary.updated.into()),
                ("unchanged", summary.unchanged.into()),
                ("refused", summary.refused.into()),
            ],
        )
    }
}

fn shown(me: &Me, problems: &[RowProblem]) -> Vec<Shown> {
    problems
        .iter()
        .map(|p| Shown {
            row: p.row,
            column: p.column.clone(),
            handle: p.handle.clone(),
            why: me
                .lang
                .try_text(&format!("refusal-{}", p.code))
                .unwrap_or_else(|| p.message.clone()),
        })
        .collect()
}

fn page(me: &Me, summary: Option<ImportSummary>, problem: Option<String>) -> ImportPage {
    let (refused, warnings) = summary.as_ref().map_or_else(Default::default, |s| {
        (shown(me, &s.refusals), shown(me, &s.warnings))
    });
    ImportPage {
        f: me.frame("products", "import-title"),
        summary,
        refused,
        warnings,
        problem,
    }
}

pub async fn form(me: Me) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    Ok(render(&page(&me, None, None)))
}

pub async fn import(
    State(shop): State<app::Shop>,
    me: Me,
    form: Multipart,
) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    let outcome = match import_form(form).await {
        Ok((file, dry_run)) => {
            shop.import_products(me.actor(), &file, dry_run, &|_| {})
                .await
        }
        Err(err) => Err(err),
    };
    match outcome {
        Ok(summary) => Ok(render(&page(&me, Some(summary), None))),
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let view = page(&me, None, Some(me.explain(&err)));
            Ok((status, render(&view)).into_response())
        }
    }
}

pub async fn export(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    let csv = shop.export_products(me.actor()).await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"products.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}
