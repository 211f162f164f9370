//! What every use case shares and none owns: who acts (`access`), the clock, errors, the
//! bounds of every list (`listing`), the shapes views share, the write transaction's context,
//! the timeline, secrets, `Idempotency-Key`, the counters behind `/metrics`, the events webhooks hear of, and how
//! later work is recorded (a job for the worker, a task for a manager). The kernel imports no
//! context, so any context may use it.

pub mod access;
pub mod clock;
pub mod error;
pub(crate) mod idempotency;
pub(crate) mod jobs;
pub mod listing;
pub(crate) mod metrics;
pub(crate) mod order_row;
pub mod secrets;
pub(crate) mod tasks;
pub(crate) mod timeline;
pub(crate) mod tokens;
pub mod views;
pub(crate) mod webhooks;

use domain::calendar::Calendar;
use domain::settings::ShopSettings;
use jiff::{SignedDuration, Timestamp};

/// What a command decides with: the shop's settings, its calendar and the moment it runs.
pub(crate) struct Context<'a> {
    pub settings: &'a ShopSettings,
    pub calendar: Calendar<'a>,
    pub now: Timestamp,
}

impl<'a> Context<'a> {
    pub fn new(settings: &'a ShopSettings, now: Timestamp) -> Self {
        Self {
            settings,
            calendar: Calendar::of(settings),
            now,
        }
    }

    pub fn now_ms(&self) -> i64 {
        store::to_millis(self.now)
    }

    pub fn local_text(&self, at: Timestamp) -> String {
        self.calendar
            .local(at)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// `minutes` from now; the end of time rather than an overflow.
    pub fn later_minutes(&self, minutes: i64) -> Timestamp {
        self.now
            .saturating_add(SignedDuration::from_mins(minutes))
            .unwrap_or(self.now)
    }

    /// `hours` from now; the end of time rather than an overflow.
    pub fn later(&self, hours: i64) -> Timestamp {
        self.now
            .saturating_add(SignedDuration::from_hours(hours))
            .unwrap_or(self.now)
    }
}
