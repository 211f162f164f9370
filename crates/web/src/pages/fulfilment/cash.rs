//! The day's cash on delivery for the owner and managers (PY-5): per courier, collected against
//! handed in, and per order, due against collected with its receipt; every gap flagged.

use app::fulfilment::CashDay;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::pages::frame::Frame;
use crate::pages::session::{Me, PageError, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DayQuery {
    /// `YYYY-MM-DD`; today when empty.
    day: String,
}

#[derive(Template)]
#[template(path = "pages/cash.html")]
struct CashPage {
    f: Frame,
    cash: CashDay,
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Query(query): Query<DayQuery>,
) -> Result<Response, PageError> {
    let day = if query.day.trim().is_empty() {
        domain::calendar::Calendar::of(&me.settings)
            .local(shop.now())
            .date()
            .to_string()
    } else {
        query.day
    };
    let cash = shop.cash_day(me.actor(), &day).await?;
    Ok(render(&CashPage {
        f: me.frame("cash", "cash-title"),
        cash,
    }))
}
