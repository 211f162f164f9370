//! Reports on how the shop keeps its practices.

use domain::access::Permission;
use serde::Serialize;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::{Error, Result, Shop};

/// CF-5: of the orders placed on a day, how many left checking and confirmation that same day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProcessingDay {
    /// `YYYY-MM-DD` in the shop's time zone.
    pub date: String,
    pub placed: i64,
    pub processed_same_day: i64,
    pub same_day_share: f64,
}

impl Shop {
    /// Per day from `from` to `to` (both `YYYY-MM-DD`, included).
    pub async fn processing_report(
        &self,
        actor: &Actor,
        from: &str,
        to: &str,
    ) -> Result<Vec<ProcessingDay>> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let tz = jiff::tz::TimeZone::get(&settings.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        let from = domain::calendar::parse_day(from).field("from")?;
        let to = domain::calendar::parse_day(to).field("to")?;
        if from > to {
            return Err(Error::field(
                "from",
                "range_reversed",
                format!("the first day ({from}) comes after the last ({to})"),
            ));
        }
        // Inside the shop's years every day has a time in every zone.
        let start = from
            .to_zoned_datetime(tz.clone())
            .map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let end = to
            .tomorrow()
            .unwrap_or(to)
            .to_zoned_datetime(tz)
            .map_err(|e| store::Error::Corrupt(e.to_string()))?;
        // Days are counted in the shop's offset at the start of the range.
        let offset_ms = i64::from(start.offset().seconds()) * 1000;
        let mut conn = self.store.read().await?;
        let rows = store::orders::processing_by_day(
            &mut conn,
            store::to_millis(start.timestamp()),
            store::to_millis(end.timestamp()),
            offset_ms,
        )
        .await?;
        Ok(rows
            .into_iter()
            .map(|(day, placed, same_day)| ProcessingDay {
                date: jiff::Timestamp::from_second(day * 86_400)
                    .map(|t| {
                        t.to_zoned_datetime(jiff::tz::TimeZone::UTC)
                            .date()
                            .to_string()
                    })
                    .unwrap_or_default(),
                placed,
                processed_same_day: same_day,
                same_day_share: if placed > 0 {
                    same_day as f64 / placed as f64
                } else {
                    0.0
                },
            })
            .collect())
    }
}
