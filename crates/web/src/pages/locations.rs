//! The shop's locations (ST-2, DL-8): its warehouses and stores, and the suppliers it orders
//! from, each with its city, lead time and the cut-off before which a parcel leaves the same
//! day. Whoever reads the stock sees them; whoever keeps the catalogue adds one.

use app::catalog::{LocationView, NewLocation};
use askama::Template;
use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

const KINDS: [&str; 3] = ["warehouse", "store", "supplier"];

/// The form as typed: kept when it is refused.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct LocationForm {
    code: String,
    name: String,
    kind: String,
    city: String,
    lead_time_days: String,
    cutoff: String,
}

impl Default for LocationForm {
    fn default() -> Self {
        Self {
            code: String::new(),
            name: String::new(),
            kind: KINDS[0].into(),
            city: String::new(),
            lead_time_days: "0".into(),
            cutoff: "14:00".into(),
        }
    }
}

impl LocationForm {
    fn location(&self) -> Result<NewLocation, app::Error> {
        let days = self.lead_time_days.trim();
        Ok(NewLocation {
            code: self.code.clone(),
            name: self.name.clone(),
            kind: self.kind.clone(),
            city: self.city.clone(),
            lead_time_days: days.parse().map_err(|_| {
                app::Error::field(
                    "lead_time_days",
                    "days_invalid",
                    format!("'{days}' is not a whole number of days"),
                )
            })?,
            cutoff: self.cutoff.clone(),
        })
    }
}

#[derive(Template)]
#[template(path = "pages/locations.html")]
struct LocationsPage {
    f: Frame,
    locations: Vec<LocationView>,
    kinds: [&'static str; 3],
    may_change: bool,
    draft: LocationForm,
    refusal: Option<String>,
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    draft: LocationForm,
    refusal: Option<String>,
) -> Result<LocationsPage, PageError> {
    if !me.staff.may(Permission::ReadStock) {
        return Err(app::Error::Forbidden.into());
    }
    Ok(LocationsPage {
        f: me.frame("stock", "locations-title"),
        locations: shop.locations().await?,
        kinds: KINDS,
        may_change: me.staff.may(Permission::ManageCatalog),
        draft,
        refusal,
    })
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    Ok(render(
        &show(&shop, &me, LocationForm::default(), None).await?,
    ))
}

/// Adds the location and goes back to the list, or shows the form with the refusal.
pub async fn create(
    State(shop): State<app::Shop>,
    me: Me,
    Form(form): Form<LocationForm>,
) -> Result<Response, PageError> {
    let done = match form.location() {
        Ok(location) => shop.create_location(me.actor(), &location).await,
        Err(err) => Err(err),
    };
    let (done, refusal, status) = me.outcome(done)?;
    if let Some(added) = done {
        let said = me
            .lang
            .text_with("locations-added", &[("name", added.name.into())]);
        me.notice(&shop, &said).await?;
        return Ok(Redirect::to("/admin/locations").into_response());
    }
    let page = show(&shop, &me, form, refusal).await?;
    Ok((status, render(&page)).into_response())
}
