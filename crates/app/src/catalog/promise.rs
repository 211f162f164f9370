//! The delivery promise the shop keeps (CK-4, DL-5, DL-8). The calendar decides when the goods
//! leave (the location's cut-off, a supplier's lead time, working days and holidays); the
//! transit after hand-over is learned from the shop's own parcels per method and region, with
//! the settings' transit days while that history is thin.
//!
//! The learned model knows what had happened by the start of the day, so one model per day
//! serves every promise of that day; each instance learns its own, from the same database.

use std::sync::{Arc, Mutex, PoisonError};

use domain::calendar::Calendar;
use domain::catalog::{Quantity, Sku};
use domain::orders::DeliveryMethod;
use domain::orders::Event;
use domain::promise::{DeliveryDays, PromisePolicy, Route, TransitModel};
use domain::settings::ShopSettings;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::method_of;
use crate::{Error, Result, Shop};

use super::inventory::{Shelf, places_for};

/// What a storefront asks before an order: when would these goods arrive?
#[derive(Debug, Clone, Deserialize, IntoParams, ToSchema)]
pub struct PromiseQuery {
    pub sku: String,
    /// Units wanted; 1 when left out.
    pub quantity: Option<i64>,
    /// A delivery method the shop offers, such as `post` or `parcel_locker`.
    pub method: String,
    /// The customer's postcode, or at least its first two characters (the region).
    pub region: Option<String>,
}

/// The window the shop will keep for this order if it is placed now.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PromiseView {
    pub sku: String,
    pub quantity: i64,
    pub method: String,
    /// The first day the parcel may come.
    pub earliest: String,
    /// The day the shop promises it by.
    pub latest: String,
    /// The location the goods would leave from.
    pub ships_from: String,
    /// Working days in transit after hand-over, `[earliest, latest]`.
    pub transit_days: [i64; 2],
    /// `learned` from the shop's own deliveries on this route, or `settings` while they are few.
    pub transit_source: String,
}

/// Delivery between these dates, both included.
pub type Window = (Date, Date);

/// The transit model of one day, shared by the handlers of one instance.
#[derive(Clone, Default)]
pub(crate) struct TransitBook(Arc<Mutex<Option<DayModel>>>);

struct DayModel {
    day: Date,
    /// The calendar the model counts delivery days in; a change of settings starts anew.
    delivery_days: DeliveryDays,
    time_zone: String,
    model: TransitModel,
}

impl Shop {
    /// The window for `query` if ordered now (DL-5): what a storefront shows before checkout,
    /// and what intake will store on the order.
    pub async fn promise(&self, query: &PromiseQuery) -> Result<PromiseView> {
        let sku = Sku::parse(&query.sku).field("sku")?;
        let quantity = Quantity::parse(query.quantity.unwrap_or(1)).field("quantity")?;
        let method = DeliveryMethod::parse(&query.method).field("method")?;
        let settings = self.settings().await?;
        if settings.delivery_option(method).is_none() {
            return Err(Error::field(
                "method",
                "delivery_method_not_offered",
                "the shop does not offer this delivery method",
            ));
        }
        let offers =
            store::catalog::offers(&mut *self.store.read().await?, &[sku.as_ref()]).await?;
        if offers.is_empty() {
            return Err(Error::field(
                "sku",
                "sku_unknown",
                format!("no product has SKU {sku}"),
            ));
        }
        let rows: Vec<_> = offers.iter().collect();
        let place = places_for(&rows, quantity.get())
            .into_iter()
            .next()
            .ok_or_else(|| Error::Conflict {
                code: "not_available",
                message: format!("no place holds {} units of {sku}", quantity.get()),
            })?;
        let now = self.now();
        let learned = self
            .learned_transit(&settings, now, method, query.region.as_deref())
            .await?;
        let transit = learned.unwrap_or_else(|| settings_transit(&settings, Some(method)));
        let ctx = Context::new(&settings, now);
        let (earliest, latest) = promise_window(&ctx, transit, std::iter::once(&place.id))
            .ok_or(Error::NotFound { what: "place" })?;
        Ok(PromiseView {
            sku: sku.to_string(),
            quantity: quantity.get(),
            method: method.as_str().into(),
            earliest: earliest.to_string(),
            latest: latest.to_string(),
            ships_from: place.id.location.clone(),
            transit_days: transit,
            transit_source: if learned.is_some() {
                "learned"
            } else {
                "settings"
            }
            .into(),
        })
    }

    /// The window for these lines by each of `methods` to `postcode`, ordered at `now`, in the
    /// order of `methods`: each line from the place intake would take it from, the latest line
    /// deciding. What a product page or the checkout shows for every method with one read of
    /// the catalogue. `None` where some line has no place with enough units.
    pub async fn delivery_promise(
        &self,
        lines: &[(Sku, Quantity)],
        methods: &[DeliveryMethod],
        postcode: Option<&str>,
        now: Timestamp,
    ) -> Result<Vec<Option<Window>>> {
        let settings = self.settings().await?;
        let skus: Vec<&str> = lines.iter().map(|(sku, _)| sku.as_ref()).collect();
        let offers = store::catalog::offers(&mut *self.store.read().await?, &skus).await?;
        let places: Option<Vec<_>> = lines
            .iter()
            .map(|(sku, quantity)| {
                let rows: Vec<_> = offers.iter().filter(|o| o.sku == sku.as_ref()).collect();
                places_for(&rows, quantity.get()).into_iter().next()
            })
            .collect();
        let ctx = Context::new(&settings, now);
        let mut windows = Vec::with_capacity(methods.len());
        for &method in methods {
            let window = match &places {
                Some(places) => {
                    let transit = self
                        .transit_days(&settings, now, Some(method), postcode)
                        .await?;
                    promise_window(&ctx, transit, places.iter().map(|place| &place.id))
                }
                None => None,
            };
            windows.push(window);
        }
        Ok(windows)
    }

    /// Working days in transit after hand-over for a parcel by `method` to `postcode`: learned
    /// where the shop's history allows, otherwise the settings'.
    pub(crate) async fn transit_days(
        &self,
        settings: &ShopSettings,
        now: Timestamp,
        method: Option<DeliveryMethod>,
        postcode: Option<&str>,
    ) -> Result<[i64; 2]> {
        let learned = match method {
            Some(method) => {
                self.learned_transit(settings, now, method, postcode)
                    .await?
            }
            None => None,
        };
        Ok(learned.unwrap_or_else(|| settings_transit(settings, method)))
    }

    /// The learned transit, or `None` without enough history for it.
    async fn learned_transit(
        &self,
        settings: &ShopSettings,
        now: Timestamp,
        method: DeliveryMethod,
        postcode: Option<&str>,
    ) -> Result<Option<[i64; 2]>> {
        if method.is_self_pickup() {
            return Ok(None);
        }
        let calendar = Calendar::of(settings);
        let today = calendar.local(now).date();
        let delivery_days = DeliveryDays::of(settings);
        let current = |book: &Option<DayModel>| {
            book.as_ref().is_some_and(|m| {
                m.day == today
                    && m.delivery_days == delivery_days
                    && m.time_zone == settings.time_zone
            })
        };
        if !current(&self.transit_book.lock()) {
            let model = self.learn(&calendar, delivery_days.clone(), now).await?;
            *self.transit_book.lock() = Some(DayModel {
                day: today,
                delivery_days,
                time_zone: settings.time_zone.clone(),
                model,
            });
        }
        let mut book = self.transit_book.lock();
        let Some(day) = book.as_mut() else {
            return Ok(None);
        };
        let policy = day.model.policy().clone();
        Ok(day
            .model
            .forecast(&Route::of_shipment(method, postcode), now)
            .and_then(|forecast| forecast.transit_days(policy.day_worth, policy.earliest_share))
            .map(|[earliest, latest]| [days(earliest), days(latest)]))
    }

    /// A model fed with the parcels handed over in the last six half-lives of its memory; older
    /// ones would weigh almost nothing.
    async fn learn(
        &self,
        calendar: &Calendar<'_>,
        delivery_days: DeliveryDays,
        now: Timestamp,
    ) -> Result<TransitModel> {
        let policy = PromisePolicy::default();
        let history_hours = (6.0 * 24.0 * policy.memory_half_life_days).ceil() as i64;
        let since = now - SignedDuration::from_hours(history_hours);
        let rows = store::fulfilment::transit_history(
            &mut *self.store.read().await?,
            since.as_millisecond(),
        )
        .await?;
        let mut model =
            TransitModel::new(PromisePolicy::default(), delivery_days, calendar.tz.clone());
        for row in rows {
            let (Ok(method), Ok(handed_over)) = (
                DeliveryMethod::parse(&row.method),
                Timestamp::from_millisecond(row.handed_over_at),
            ) else {
                continue;
            };
            let shipment = model.started(
                &Route::of_shipment(method, row.postcode.as_deref()),
                handed_over,
            );
            if let Some(delivered) = row
                .delivered_at
                .and_then(|at| Timestamp::from_millisecond(at).ok())
            {
                // The model has just started this shipment.
                let _ = model.delivered(shipment, delivered);
            }
        }
        Ok(model)
    }
}

impl TransitBook {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<DayModel>> {
        // A panic while forecasting leaves at worst a stale model, which the next day replaces.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The transit days the settings give a method; a shop that has not set one says 1 to 3.
fn settings_transit(settings: &ShopSettings, method: Option<DeliveryMethod>) -> [i64; 2] {
    method
        .and_then(|m| settings.delivery_option(m))
        .map_or([1, 3], |o| o.transit_days)
}

fn days(delivery_days: usize) -> i64 {
    i64::try_from(delivery_days).unwrap_or(i64::MAX)
}

/// The delivery window for goods held on these shelves (CK-4): the latest of the lines, with
/// `transit` working days after the goods leave.
pub(crate) fn promise_window<'a>(
    ctx: &Context<'_>,
    transit: [i64; 2],
    shelves: impl Iterator<Item = &'a Shelf>,
) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    shelves
        .map(|shelf| {
            ctx.calendar
                .delivery_window(ctx.now, shelf.cutoff, shelf.lead_time_days, transit)
        })
        .reduce(|a, b| (a.0.max(b.0), a.1.max(b.1)))
}

/// Moves the promised window later for goods that leave after `lead` days, never earlier
/// (CK-3, CK-4).
pub(crate) async fn lengthen_promise(
    tx: &mut store::Conn,
    number: i64,
    cutoff: jiff::civil::Time,
    lead: i64,
    ctx: &Context<'_>,
) -> Result<Event> {
    promise_again(tx, number, cutoff, lead, true, ctx).await
}

/// Promises the window anew for goods that are on the shop's shelf now, earlier than the
/// supplier's wait promised (ST-1, CK-4).
pub(crate) async fn promise_from_shelf(
    tx: &mut store::Conn,
    number: i64,
    cutoff: jiff::civil::Time,
    ctx: &Context<'_>,
) -> Result<Event> {
    promise_again(tx, number, cutoff, 0, false, ctx).await
}

async fn promise_again(
    tx: &mut store::Conn,
    number: i64,
    cutoff: jiff::civil::Time,
    lead: i64,
    never_earlier: bool,
    ctx: &Context<'_>,
) -> Result<Event> {
    let order = store::orders::get(tx, number)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    let transit = method_of(&order)
        .and_then(|m| ctx.settings.delivery_option(m))
        .map_or([1, 3], |o| o.transit_days);
    let (earliest, latest) = ctx.calendar.delivery_window(ctx.now, cutoff, lead, transit);
    let keep_later = |stored: Option<&String>, new: jiff::civil::Date| {
        stored
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .filter(|_| never_earlier)
            .map_or(new, |d| d.max(new))
            .to_string()
    };
    let (earliest, latest) = (
        keep_later(order.promise_earliest.as_ref(), earliest),
        keep_later(order.promise_latest.as_ref(), latest),
    );
    store::orders::set_promise(tx, number, &earliest, &latest).await?;
    Ok(Event::PromiseMade { earliest, latest })
}
