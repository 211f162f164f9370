//! The delivery promise (CK-4, DL-5): the one place a window is decided. Intake promises it on
//! the order, the storefront shows it before the buyer orders, and a supplier's wait lengthens
//! it; all three ask [`window`], so what the buyer saw is what the order says.

use domain::catalog::{Quantity, Sku};
use domain::inventory::allocation_order;
use domain::orders::DeliveryMethod;
use jiff::Timestamp;
use jiff::civil::{Date, Time};

use crate::orders::candidates;
use crate::processing::Context;
use crate::{Result, Shop};

/// Where the goods leave from, as far as the promise cares: the place's cut-off and how long a
/// supplier takes to deliver to the shop (0 for own stock).
pub(crate) struct Source {
    pub cutoff: Time,
    pub lead_time_days: i64,
}

/// Delivery between these dates, both included.
pub type Window = (Date, Date);

/// The window for goods leaving from `source` by `method` to the buyer's region (a city or
/// postcode, when known), promised at the context's moment. The settings give every region of a
/// method the same transit; the region is part of the route so that a promise learned from the
/// shop's own shipments can tell regions apart.
pub(crate) fn window(
    ctx: &Context<'_>,
    method: Option<DeliveryMethod>,
    _region: Option<&str>,
    source: &Source,
) -> Window {
    let transit = method
        .and_then(|m| ctx.settings.delivery_option(m))
        .map_or([1, 3], |o| o.transit_days);
    ctx.calendar
        .delivery_window(ctx.now, source.cutoff, source.lead_time_days, transit)
}

impl Shop {
    /// The window a buyer would be promised for `quantity` of `sku` by each of `methods` to
    /// `region`, ordered at `now`, in the order of `methods`: from the place intake would take
    /// the units from (own stock first, then a supplier). `None` when no place has enough
    /// units, or the SKU is unknown. One read, however many methods.
    pub async fn delivery_promise(
        &self,
        sku: &Sku,
        quantity: Quantity,
        methods: &[DeliveryMethod],
        region: Option<&str>,
        now: Timestamp,
    ) -> Result<Vec<Option<Window>>> {
        let settings = self.settings().await?;
        let offers =
            store::catalog::offers(&mut *self.store.read().await?, &[sku.as_ref()]).await?;
        let rows: Vec<_> = offers.iter().collect();
        let first = allocation_order(candidates(&rows), quantity.get())
            .into_iter()
            .next();
        let ctx = Context::new(&settings, now);
        Ok(methods
            .iter()
            .map(|method| {
                first
                    .as_ref()
                    .map(|c| window(&ctx, Some(*method), region, &c.id.source()))
            })
            .collect())
    }
}
