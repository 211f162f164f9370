//! The stock in the back office (ST-2, ST-3): every SKU per location with its bin, on hand,
//! reserved, available and incoming; one SKU's shelves, its ledger, the form that records a
//! receipt, a count, an adjustment, a write-off or a transfer, and its low-stock threshold.

use app::catalog::{LevelView, LocationView, MovementView, NewMovement, StockView, Threshold};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

/// The kinds of movement a person records, in the form's order.
const KINDS: [&str; 5] = ["receipt", "count", "adjustment", "write_off", "transfer"];
const STATES: [&str; 4] = ["all", "low", "reorder", "sold_out"];

#[derive(Debug, Default, Deserialize)]
pub struct LevelsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    state: String,
}

#[derive(Template)]
#[template(path = "pages/stock.html")]
struct LevelsPage {
    f: Frame,
    levels: Vec<LevelView>,
    query: LevelsQuery,
    states: [&'static str; 4],
    may_purchase: bool,
}

fn stock_reader(me: &Me) -> Result<(), PageError> {
    if me.staff.may(Permission::ReadStock) {
        Ok(())
    } else {
        Err(app::Error::Forbidden.into())
    }
}

pub async fn levels(
    State(shop): State<app::Shop>,
    me: Me,
    Query(query): Query<LevelsQuery>,
) -> Result<Response, PageError> {
    stock_reader(&me)?;
    let which = app::catalog::parse_levels(&query.state)?;
    let view = LevelsPage {
        f: me.frame("stock", "stock-title"),
        levels: shop.stock_levels(which, &query.q).await?,
        query,
        states: STATES,
        may_purchase: me.staff.may(Permission::ManageCatalog),
    };
    Ok(render(&view))
}

/// What the movement form sent, as typed: kept when it is refused.
#[derive(Debug, Default, Deserialize)]
pub struct MovementForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    bin: String,
    #[serde(default)]
    to_location: String,
}

impl MovementForm {
    fn movement(&self) -> Result<NewMovement, app::Error> {
        let quantity = self.quantity.trim();
        Ok(NewMovement {
            kind: self.kind.clone(),
            quantity: quantity.parse().map_err(|_| {
                app::Error::field(
                    "quantity",
                    "quantity_invalid",
                    format!("'{quantity}' is not a whole number"),
                )
            })?,
            reason: self.reason.clone(),
            bin: Some(self.bin.trim())
                .filter(|b| !b.is_empty())
                .map(str::to_owned),
            to_location: Some(self.to_location.clone()).filter(|l| !l.is_empty()),
        })
    }
}

#[derive(Template)]
#[template(path = "pages/stock_sku.html")]
struct SkuPage {
    f: Frame,
    sku: String,
    product_id: Option<i64>,
    shelves: Vec<StockView>,
    movements: Vec<MovementView>,
    locations: Vec<LocationView>,
    low_stock_at: Option<i64>,
    may_change: bool,
    kinds: [&'static str; 5],
    draft: MovementForm,
    refusal: Option<String>,
}

impl SkuPage {
    fn signed(&self, quantity: &i64) -> String {
        if *quantity > 0 {
            format!("+{quantity}")
        } else {
            quantity.to_string()
        }
    }

    fn threshold(&self) -> String {
        self.low_stock_at.map(|n| n.to_string()).unwrap_or_default()
    }
}

async fn sku_page(
    shop: &app::Shop,
    me: &Me,
    sku: &str,
    draft: MovementForm,
    refusal: Option<String>,
) -> Result<SkuPage, PageError> {
    stock_reader(me)?;
    let shelves = shop.stock(sku).await?;
    let about = shop
        .stock_levels(app::catalog::Levels::All, sku)
        .await?
        .into_iter()
        .find(|level| level.sku == sku);
    let mut f = me.frame("stock", "stock-title");
    let title = about
        .as_ref()
        .map_or_else(|| sku.to_owned(), |a| a.title.clone());
    f.title = format!("{title} · {sku}");
    Ok(SkuPage {
        f,
        sku: sku.to_owned(),
        product_id: about.as_ref().map(|a| a.product_id),
        shelves,
        movements: shop.stock_movements(sku, 200).await?,
        locations: shop.locations().await?,
        low_stock_at: about.and_then(|a| a.low_stock_at),
        may_change: me.staff.may(Permission::ManageCatalog),
        kinds: KINDS,
        draft,
        refusal,
    })
}

pub async fn sku(
    State(shop): State<app::Shop>,
    me: Me,
    Path(sku): Path<String>,
) -> Result<Response, PageError> {
    Ok(render(
        &sku_page(&shop, &me, &sku, MovementForm::default(), None).await?,
    ))
}

/// Records the movement and goes back to the SKU's page, or shows the form with the refusal.
pub async fn record(
    State(shop): State<app::Shop>,
    me: Me,
    Path(sku): Path<String>,
    Form(form): Form<MovementForm>,
) -> Result<Response, PageError> {
    let done = match form.movement() {
        Ok(movement) => {
            shop.move_stock(me.actor(), &sku, &form.location, &movement)
                .await
        }
        Err(err) => Err(err),
    };
    let (done, refusal, status) = me.outcome(done)?;
    if done.is_some() {
        me.notice(&shop, &me.lang.text("stock-recorded")).await?;
        return Ok(
            Redirect::to(&format!("/admin/stock/{}", super::session::encode(&sku))).into_response(),
        );
    }
    let page = sku_page(&shop, &me, &sku, form, refusal).await?;
    Ok((status, render(&page)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ThresholdForm {
    #[serde(default)]
    low_stock_at: String,
}

pub async fn threshold(
    State(shop): State<app::Shop>,
    me: Me,
    Path(sku): Path<String>,
    Form(form): Form<ThresholdForm>,
) -> Result<Response, PageError> {
    let typed = form.low_stock_at.trim();
    let done = if typed.is_empty() {
        Ok(None)
    } else {
        typed.parse().map(Some).map_err(|_| {
            app::Error::field(
                "low_stock_at",
                "threshold_invalid",
                format!("'{typed}' is not a whole number"),
            )
        })
    };
    let done = match done {
        Ok(low_stock_at) => {
            shop.set_low_stock(me.actor(), &sku, &Threshold { low_stock_at })
                .await
        }
        Err(err) => Err(err),
    };
    let (done, refusal, status) = me.outcome(done)?;
    if done.is_some() {
        me.notice(&shop, &me.lang.text("stock-threshold-saved"))
            .await?;
        return Ok(
            Redirect::to(&format!("/admin/stock/{}", super::session::encode(&sku))).into_response(),
        );
    }
    let page = sku_page(&shop, &me, &sku, MovementForm::default(), refusal).await?;
    Ok((status, render(&page)).into_response())
}
