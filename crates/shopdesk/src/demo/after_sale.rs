//! After delivery: payment on receipt, returns, closing, and the after-sale policy.

use std::collections::BTreeMap;

use app::access::Actor;
use domain::after_sale::{AfterSalePolicy, HolidayGreeting, ReplenishRule};
use domain::orders::Command;
use jiff::{Timestamp, ToSpan};

use super::Sim;
use super::delivery::Carrier;
use super::fates::Fate;
use super::hours::OFFICE;
use super::random::{days, hours, mins};
use super::steps::{Next, moving, with_reason};

impl Sim {
    /// Wool wash and moth blocks run out: the demo's month is short, so their reminder comes
    /// two to six weeks after delivery (AF-7). Norway's holidays, and the shop's own birthday
    /// within the month, so the outbox shows a greeting (AF-9).
    pub(super) fn after_sale(&self, defaults: &AfterSalePolicy) -> anyhow::Result<AfterSalePolicy> {
        let opened = self
            .shop
            .now()
            .to_zoned_datetime(self.tz.clone())
            .date()
            .checked_add(16.days())?;
        let holiday = |date: String, greeting: &str, english: &str| HolidayGreeting {
            date,
            greeting: greeting.into(),
            translations: BTreeMap::from([("en".into(), english.into())]),
        };
        Ok(AfterSalePolicy {
            replenish: vec![ReplenishRule {
                category: "accessories".into(),
                after_days_min: 14,
                after_days_max: 42,
            }],
            holidays: vec![
                holiday("01-01".into(), "Godt nytt år!", "Happy New Year!"),
                holiday(
                    "03-08".into(),
                    "Gratulerer med kvinnedagen!",
                    "Happy International Women's Day!",
                ),
                holiday(
                    "05-17".into(),
                    "Gratulerer med dagen!",
                    "Happy Constitution Day!",
                ),
                holiday("12-24".into(), "God jul!", "Merry Christmas!"),
                holiday(
                    format!("{:02}-{:02}", opened.month(), opened.day()),
                    "Fjord & Thread fyller fem år i dag. Takk for at du er med oss!",
                    "Fjord & Thread is five years old today. Thank you for being with us!",
                ),
            ],
            ..defaults.clone()
        })
    }

    pub(super) fn after_delivery(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (due, carrier, fate) = (order.due(), order.carrier, order.fate);
        // Paid on receipt: the shop's till reports at once, Posten remits a day later.
        if due > 0 {
            let at = match carrier {
                Carrier::None => self.later(now, mins(1), mins(4), None)?,
                _ => self.later(now, hours(18), hours(40), None)?,
            };
            return self.pay(i, at);
        }
        if let Fate::Returned { reason, .. } = fate
            && self.orders[i].first_time("return")
        {
            let at = self.later(now, days(1), days(9), Some(OFFICE))?;
            let command = Command::RequestReturn {
                reason: reason.into(),
            };
            return Ok(Some((at, with_reason(command, self.manager(), reason))));
        }
        // The shop closes delivered, paid orders on its nightly run.
        let at = self.later(now, days(3), days(6), None)?;
        Ok(Some((at, moving(Command::Close, Actor::system()))))
    }

    pub(super) fn while_return_requested(&mut self, i: usize, now: Timestamp) -> Next {
        let Fate::Returned { outcome, .. } = self.orders[i].fate else {
            return Ok(None);
        };
        // The parcel comes back and is inspected.
        let at = self.later(now, days(3), days(8), Some(OFFICE))?;
        let by = self.manager();
        Ok(Some((at, moving(Command::ResolveReturn { outcome }, by))))
    }
}
