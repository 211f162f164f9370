//! What the shop counts for `/metrics`. Counters go up where the thing happens, after its
//! transaction commits, so a refused order counts nothing; the levels (jobs, messages) are read
//! from the database when the metrics are scraped, so every instance reports the same.
//!
//! Each shop has its own counters rather than a process-wide recorder: two shops in one process
//! (as in the tests) never add to each other's numbers.

use domain::access::Permission;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::access::Actor;
use crate::{Result, Shop};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ChannelLabel {
    channel: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    kind: String,
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: String,
}

/// The shop's counters; cheap to clone, every clone counts into the same numbers.
#[derive(Clone, Default)]
pub(crate) struct Counters {
    orders_placed: Family<ChannelLabel, Counter>,
    payments_recorded: Counter,
}

impl Counters {
    /// An order was taken in through `channel` (IN-1).
    pub(crate) fn order_placed(&self, channel: &str) {
        let channel = channel.to_owned();
        self.orders_placed
            .get_or_create(&ChannelLabel { channel })
            .inc();
    }

    /// A payment was recorded against an order.
    pub(crate) fn payment_recorded(&self) {
        self.payments_recorded.inc();
    }
}

impl Shop {
    /// Adds the shop's counters and its levels read now from the database to `registry`.
    /// Only the owner may read them: they tell how the business goes.
    pub async fn register_metrics(&self, actor: &Actor, registry: &mut Registry) -> Result<()> {
        actor.require(Permission::Administer)?;
        let counters = &self.counters;
        registry.register(
            "orders_placed",
            "Orders taken in, by sales channel",
            counters.orders_placed.clone(),
        );
        registry.register(
            "payments_recorded",
            "Payments recorded against orders",
            counters.payments_recorded.clone(),
        );
        let now_ms = store::to_millis(self.now());
        let mut conn = self.store.read().await?;
        let jobs = Family::<JobLabels, Gauge>::default();
        for (kind, state, count) in store::jobs::tally(&mut conn).await? {
            jobs.get_or_create(&JobLabels { kind, state }).set(count);
        }
        registry.register("jobs", "Durable jobs, by kind and state", jobs);
        let oldest = store::jobs::oldest_due(&mut conn, now_ms).await?;
        let age = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        // Whole milliseconds as seconds: exact enough for an alert on a stuck worker.
        age.set(oldest.map_or(0.0, |due| (now_ms - due).max(0) as f64 / 1000.0));
        registry.register(
            "oldest_due_job_age_seconds",
            "How long the oldest job that is due has waited for a worker (0 when none waits)",
            age,
        );
        let messages = Family::<StateLabel, Gauge>::default();
        for (state, count) in store::messaging::tally(&mut conn).await? {
            messages.get_or_create(&StateLabel { state }).set(count);
        }
        registry.register("messages", "Messages to customers, by state", messages);
        Ok(())
    }
}
