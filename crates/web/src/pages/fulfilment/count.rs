//! The packing station's count mode (ST-3): choose a location and a bin, scan every unit in
//! it (each scan sends the form again with the codes so far, so nothing is kept between
//! requests), compare the tally with the ledger, and confirm.

use app::catalog::{BinCount, LocationView};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::pages::frame::Frame;
use crate::pages::session::{Me, PageError, encode, render};

/// The count as the form carries it: the codes scanned so far, apart by spaces (no barcode or
/// SKU has one), and the new one.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Counting {
    location: String,
    bin: String,
    codes: String,
    scan: String,
}

impl Counting {
    fn codes(&self) -> Vec<String> {
        self.codes
            .split_whitespace()
            .chain(self.scan.split_whitespace())
            .map(str::to_owned)
            .collect()
    }
}

#[derive(Template)]
#[template(path = "pages/bin_count.html")]
struct CountPage {
    f: Frame,
    locations: Vec<LocationView>,
    location: String,
    bin: String,
    codes: String,
    scanned: i64,
    count: Option<BinCount>,
    refusal: Option<String>,
}

impl CountPage {
    fn is_own(&self, location: &LocationView) -> bool {
        location.kind != "supplier"
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    counting: &Counting,
    refusal: Option<(String, StatusCode)>,
) -> Result<Response, PageError> {
    let codes = counting.codes();
    let (count, refusal, status) = if counting.bin.trim().is_empty() {
        (None, refusal, StatusCode::OK)
    } else {
        let tally = shop
            .tally_bin(me.actor(), &counting.location, counting.bin.trim(), &codes)
            .await;
        let (count, why, status) = me.outcome(tally)?;
        match refusal {
            Some((why, status)) => (count, Some((why, status)), status),
            None => (count, why.map(|why| (why, status)), status),
        }
    };
    let page = CountPage {
        f: me.frame("packing", "count-title"),
        locations: shop.locations().await?,
        location: counting.location.clone(),
        bin: counting.bin.trim().to_owned(),
        scanned: codes.len() as i64,
        codes: codes.join(" "),
        count,
        refusal: refusal.map(|(why, _)| why),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Query(counting): Query<Counting>,
) -> Result<Response, PageError> {
    show(&shop, &me, &counting, None).await
}

/// Records the count and starts the next bin, or shows the tally with the refusal.
pub async fn confirm(
    State(shop): State<app::Shop>,
    me: Me,
    Form(counting): Form<Counting>,
) -> Result<Response, PageError> {
    let done = shop
        .count_bin(
            me.actor(),
            &counting.location,
            counting.bin.trim(),
            &counting.codes(),
        )
        .await;
    let (done, why, status) = me.outcome(done)?;
    match done {
        Some(count) => {
            let notice = me.lang.text_with(
                "count-recorded",
                &[
                    ("bin", counting.bin.trim().to_owned().into()),
                    ("changed", (count.differences() as i64).into()),
                ],
            );
            me.notice(&shop, &notice).await?;
            let next = format!(
                "/admin/packing/count?location={}",
                encode(&counting.location)
            );
            Ok(Redirect::to(&next).into_response())
        }
        None => show(&shop, &me, &counting, why.map(|why| (why, status))).await,
    }
}
