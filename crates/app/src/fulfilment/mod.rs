//! From shelf to doorstep: pick lists, checking every unit, flaws, packing with inserts,
//! handover, the parcel's journey, couriers and their cash (ST-3, AS-1..5, DL-1..7, PY-5).

mod cash;
mod couriers;
mod shipping;
mod station;

use domain::orders::Stage;

pub use cash::{CashDay, CashReport, Collected, CourierCash, HandIn, OrderCash, Receipt};
pub use couriers::{
    CourierDay, CourierDelivery, CourierRating, CourierView, NewCourier, RatingInput, RouteStop,
};
pub use shipping::{HandOverInput, ShipmentReport, ShipmentView};
pub use station::{
    CheckLine, CheckedUnit, DefectInput, PackInput, PackingStation, ParcelView, PickGroup,
    PickLine, ScanResult,
};

use crate::{Error, Result};

fn require_stage(row: &store::orders::OrderRow, stage: Stage, doing: &'static str) -> Result<()> {
    if row.stage == stage.as_str() {
        Ok(())
    } else {
        Err(Error::Conflict {
            code: "stage_forbids",
            message: format!("an order that is {} cannot {doing}", row.stage),
        })
    }
}
