//! The learned delivery promise (CK-4, DL-5): a window of dates, learned from the shop's own
//! shipments, for the moment an order is placed.
//!
//! Transit is counted in delivery days (DL-8): the days carriers move parcels, so a promise never
//! falls on a Sunday or a holiday, and a weekend inside the transit costs what it really costs.
//!
//! How a promise is learned, for a route given as keys from finest to coarsest:
//! - Every key keeps the shipments that travelled it. For one day, a key's history becomes the
//!   chance of delivery on each transit day (a hazard). A shipment still travelling counts as
//!   "not delivered yet" for the days it has been on the way (a censored observation), so a slow
//!   spell shows before its late parcels arrive. Each day of travel weighs by its age (a
//!   half-life), so the promise follows the drift of the carriers.
//! - The coarsest key with enough history gives the shape of the transit. Each finer key stretches
//!   or shrinks that shape by one factor, fitted to its own shipments and held near 1 when it has
//!   few of them, so a thin route borrows from its parent instead of trusting a handful of parcels.
//! - The last few days of deliveries on the coarsest key set the current pace, which stretches or
//!   shrinks the whole shape once more.
//! - The latest date is where one more day of promise stops paying for itself: it is added only
//!   while it lowers the chance of being late by at least [`PromisePolicy::day_worth`]. A tight
//!   route thus gets a high quantile, a scattered one a lower quantile and a shorter wait (DL-5:
//!   announce terms the shop keeps, without padding every order for the worst route).
//! - With too little history there is no promise (`None`), and the caller falls back to the
//!   settings ([`crate::calendar::Calendar::delivery_window`]).
//!
//! What the model knows at `now` is what had happened by the start of that day, so a promise
//! stays the same all day and never rests on a delivery that happened after `now`.

mod days;
mod forecast;
mod hazards;
mod model;
mod policy;
mod route;

pub use days::DeliveryDays;
pub use forecast::{Forecast, Promise};
pub use model::{PromiseError, ShipmentId, TransitModel};
pub use policy::PromisePolicy;
pub use route::Route;

#[cfg(test)]
mod tests;
