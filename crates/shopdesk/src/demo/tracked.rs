//! What the demo knows about each placed order.

use std::collections::BTreeSet;

use app::orders::OrderView;
use domain::orders::{DeliveryMethod, HoldKind, PaymentMode, Stage};
use jiff::Timestamp;
use jiff::civil::Date;

use super::delivery::{Carrier, Journey};
use super::fates::Fate;
use super::payments::Payer;
use super::steps::Step;

/// An active line no stock could be reserved for.
#[derive(Clone)]
pub(super) struct Waiting {
    pub(super) line_no: i64,
    pub(super) sku: String,
    pub(super) quantity: i64,
}

/// What the demo knows about a placed order, refreshed from the view every move returns.
pub(super) struct Tracked {
    pub(super) number: i64,
    pub(super) mode: PaymentMode,
    pub(super) method: DeliveryMethod,
    pub(super) fate: Fate,
    pub(super) carrier: Carrier,
    pub(super) payer: Payer,
    pub(super) stage: Stage,
    pub(super) holds: Vec<HoldKind>,
    pub(super) total: i64,
    pub(super) paid: i64,
    pub(super) waiting: Vec<Waiting>,
    pub(super) active_lines: usize,
    pub(super) from_supplier: bool,
    /// The fate's one-off moves already made, so they are made once.
    pub(super) done: BTreeSet<&'static str>,
    /// When the current stage began.
    pub(super) stage_since: Timestamp,
    /// When the call policy wants the next call, after one went unanswered.
    pub(super) next_call_at: Option<Timestamp>,
    /// The calls are over; the order waits for its hold to run out.
    pub(super) calls_over: bool,
    /// The next move, and the stage and holds it was planned for.
    pub(super) pending: Option<(Step, Stage, Vec<HoldKind>)>,
    /// The last day of the promised window (CK-4).
    pub(super) promise_latest: Option<Date>,
    /// A carrier's parcel on its way.
    pub(super) journey: Option<Journey>,
}

impl Tracked {
    pub(super) fn observe(&mut self, view: &OrderView, at: Timestamp) -> anyhow::Result<()> {
        let stage = Stage::parse(&view.stage)?;
        if stage != self.stage {
            self.stage_since = at;
        }
        self.stage = stage;
        self.holds = view
            .holds
            .iter()
            .map(|h| HoldKind::parse(&h.kind))
            .collect::<Result<_, _>>()?;
        self.total = view.total.amount_minor;
        self.paid = view.payment.paid.amount_minor;
        let reserved: BTreeSet<i64> = view
            .reservations
            .iter()
            .filter(|r| r.state != "released")
            .map(|r| r.line_no)
            .collect();
        let active = view.lines.iter().filter(|l| l.status == "active");
        self.active_lines = active.clone().count();
        self.waiting = active
            .filter(|l| !reserved.contains(&l.line_no))
            .map(|l| Waiting {
                line_no: l.line_no,
                sku: l.sku.clone(),
                quantity: l.quantity,
            })
            .collect();
        self.from_supplier = view
            .reservations
            .iter()
            .any(|r| r.kind == "supplier" && r.state != "released");
        self.promise_latest = view
            .promise
            .as_ref()
            .map(|p| p.latest.parse())
            .transpose()?;
        Ok(())
    }

    pub(super) fn on_hold(&self, kind: HoldKind) -> bool {
        self.holds.contains(&kind)
    }

    pub(super) fn due(&self) -> i64 {
        self.total - self.paid
    }

    /// Makes a fate's one-off move only once; tells whether it is still to do.
    pub(super) fn first_time(&mut self, what: &'static str) -> bool {
        self.done.insert(what)
    }
}
