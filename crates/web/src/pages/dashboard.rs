//! The owner's and managers' dashboard: today at a glance, delayed parcels and cash that does
//! not add up, and the last 30 days (CF-5, DL-5, DL-6, PY-5).

use app::backoffice::Dashboard;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::charts::{self, Chart};
use super::frame::Frame;
use super::session::{Me, PageError, render};

#[derive(Template)]
#[template(path = "pages/dashboard.html")]
struct DashboardPage {
    f: Frame,
    board: Dashboard,
    today_total: i64,
    per_day: Chart,
    same_day: Chart,
    on_time: Chart,
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    let board = shop.dashboard(me.actor()).await?;
    let f = me.frame("dashboard", "nav-dashboard");
    let page = DashboardPage {
        today_total: board.today.iter().map(|(_, n)| n).sum(),
        per_day: charts::orders_per_day(&board.days, &f),
        same_day: charts::same_day_rate(&board.days, &f),
        on_time: charts::on_time_rate(&board.on_time, &f),
        board,
        f,
    };
    Ok(render(&page))
}
