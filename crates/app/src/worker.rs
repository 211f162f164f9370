//! The worker: runs due jobs with a lease, retries with backoff, and keeps a job that keeps
//! failing as dead for the owner to see. Every handler re-reads the order and acts only if what
//! it was scheduled for is still true, so running a job twice changes nothing twice.

use std::sync::{Arc, Mutex, PoisonError};

use domain::orders::{Command, Hold, HoldKind, Stage};
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use serde_json::json;

use crate::access::Actor;
use crate::kernel::order_row::row_has;
use crate::kernel::timeline;
use crate::kernel::{Context, jobs};
use crate::messaging::Reach;
use crate::{Error, Result, Shop};

/// How long a claimed job is its worker's before another may take it.
const LEASE: SignedDuration = SignedDuration::from_secs(60);
/// Attempts before a failing job is dead.
const MAX_ATTEMPTS: i64 = 8;

/// When a lease taken at `now` runs out.
fn lease_from(now: Timestamp) -> Timestamp {
    now.saturating_add(LEASE).unwrap_or(now)
}

/// Until when this instance has added the day's jobs: the worker asks every few seconds, and
/// the database is asked once a day.
#[derive(Clone, Default)]
pub(crate) struct DailyMark(Arc<Mutex<Option<Timestamp>>>);

impl DailyMark {
    fn armed_until(&self) -> Option<Timestamp> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn set(&self, until: Timestamp) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(until);
    }
}

#[derive(Deserialize)]
struct OrderJob {
    order: i64,
}

#[derive(Deserialize)]
struct MessageJob {
    message: i64,
}

#[derive(Deserialize)]
struct DeliveryJob {
    delivery: i64,
}

#[derive(Deserialize)]
struct RefundJob {
    refund: i64,
}

#[derive(Deserialize)]
struct DayJob {
    day: jiff::civil::Date,
}

fn parse_payload<T: serde::de::DeserializeOwned>(job: &store::jobs::JobRow) -> Result<T> {
    serde_json::from_str(&job.payload)
        .map_err(|e| store::Error::Corrupt(format!("job {} payload: {e}", job.id)).into())
}

impl Shop {
    /// Claims and runs up to `limit` due jobs as `worker`; returns how many ran. The jobs of a
    /// batch run one after another, so each gets a fresh lease just before it runs: a job whose
    /// lease ran out while the ones before it ran may have gone to another worker, and is left
    /// to it, so no job's effect happens twice.
    pub async fn run_due_jobs(&self, worker: &str, limit: i64) -> Result<usize> {
        let now = self.now();
        let claimed = store::jobs::claim(
            &self.store,
            worker,
            store::to_millis(now),
            store::to_millis(lease_from(now)),
            limit,
        )
        .await?;
        let mut count = 0;
        for job in claimed {
            if !self.renew_lease(&job, worker).await? {
                continue;
            }
            count += 1;
            // Every log line of the run names the job.
            let span = tracing::info_span!("job", id = job.id, kind = %job.kind);
            let outcome = tracing::Instrument::instrument(self.run_job(&job), span).await;
            let now_ms = store::to_millis(self.now());
            let mut tx = self.store.begin_write().await?;
            match outcome {
                Ok(()) => {
                    store::jobs::complete(&mut tx, job.id, worker, now_ms).await?;
                }
                Err(err) => {
                    tracing::warn!(job = job.id, kind = %job.kind, error = %err, "job failed");
                    // Backoff doubles from 30 seconds, capped at an hour.
                    let backoff =
                        SignedDuration::from_secs((30i64 << job.attempts.min(7)).min(3600));
                    let retry_at =
                        store::to_millis(self.now().saturating_add(backoff).unwrap_or(self.now()));
                    let dead = job.attempts >= MAX_ATTEMPTS;
                    store::jobs::fail(
                        &mut tx,
                        job.id,
                        worker,
                        &err.to_string(),
                        retry_at,
                        dead,
                        now_ms,
                    )
                    .await?;
                }
            }
            tx.commit().await?;
        }
        Ok(count)
    }

    async fn renew_lease(&self, job: &store::jobs::JobRow, worker: &str) -> Result<bool> {
        let now = self.now();
        let mut tx = self.store.begin_write().await?;
        let renewed = store::jobs::renew(
            &mut tx,
            job.id,
            worker,
            store::to_millis(now),
            store::to_millis(lease_from(now)),
        )
        .await?;
        tx.commit().await?;
        Ok(renewed)
    }

    /// Adds the day's jobs for the whole shop unless they exist: today's after-sale run
    /// (AF-7..9) and look at what to reorder (ST-2), the nightly cart clean-up and the nightly backup when the shop asked for one,
    /// which then schedule themselves. The worker calls
    /// this before each batch of jobs, on every instance; the day, as each job's dedupe key,
    /// keeps one of each.
    pub async fn schedule_daily_jobs(&self) -> Result<()> {
        let now = self.now();
        if self.daily.armed_until().is_some_and(|until| now < until) {
            return Ok(());
        }
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, now);
        let today = ctx.calendar.local(now).date();
        let payload = json!({ "day": today }).to_string();
        let mut tx = self.store.begin_write().await?;
        for kind in [jobs::AFTER_SALE, jobs::REORDER_CHECK] {
            let key = format!("{kind}:{today}");
            store::jobs::enqueue_once(&mut tx, kind, &payload, ctx.now_ms(), &key, ctx.now_ms())
                .await?;
        }
        jobs::schedule_daily(&mut tx, jobs::EXPIRE_CARTS, &ctx).await?;
        crate::backups::schedule(&mut tx, &settings.backups, &ctx).await?;
        tx.commit().await?;
        let tomorrow = today.tomorrow().unwrap_or(today);
        self.daily.set(ctx.calendar.start_of(tomorrow));
        Ok(())
    }

    async fn run_job(&self, job: &store::jobs::JobRow) -> Result<()> {
        if job.kind == jobs::SEND_MESSAGE {
            let MessageJob { message } = parse_payload(job)?;
            return self
                .send_message(message, job.attempts >= MAX_ATTEMPTS)
                .await;
        }
        if job.kind == jobs::DELIVER_WEBHOOK {
            let DeliveryJob { delivery } = parse_payload(job)?;
            return self
                .deliver_webhook(delivery, job.attempts >= MAX_ATTEMPTS)
                .await;
        }
        if job.kind == jobs::PROVIDER_REFUND {
            let RefundJob { refund } = parse_payload(job)?;
            return self
                .provider_refund(refund, job.attempts >= MAX_ATTEMPTS)
                .await;
        }
        if job.kind == jobs::CHECKOUT_EXPIRY {
            let OrderJob { order } = parse_payload(job)?;
            return self
                .checkout_expired(order, job.attempts >= MAX_ATTEMPTS)
                .await;
        }
        if job.kind == jobs::EXPIRE_CARTS {
            return self.expire_carts().await;
        }
        if job.kind == jobs::AFTER_SALE {
            let DayJob { day } = parse_payload(job)?;
            return self.after_sale(day).await;
        }
        if job.kind == jobs::REORDER_CHECK {
            return self.reorder_check().await.map(drop);
        }
        if job.kind == jobs::NIGHTLY_BACKUP {
            let DayJob { day } = parse_payload(job)?;
            return self.nightly_backup(day).await;
        }
        let OrderJob { order } = parse_payload(job)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let system = Actor::system();
        let mut tx = self.store.begin_write().await?;
        store::orders::lock(&mut tx, order).await?;
        let row = store::orders::get(&mut tx, order)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let unpaid =
            row.stage == Stage::AwaitingPayment.as_str() && row.total_minor > row.paid_minor;
        match job.kind.as_str() {
            jobs::PAYMENT_REMINDER if unpaid => {
                let extra = json!({"balance_minor": row.total_minor - row.paid_minor});
                let events = crate::messaging::message(
                    &mut tx,
                    &row,
                    "payment_reminder",
                    Reach::Preferred,
                    extra,
                    &ctx,
                )
                .await?;
                timeline::append(&mut tx, order, &events, ctx.now_ms(), &system, None).await?;
            }
            jobs::PAYMENT_DEADLINE if unpaid => {
                // PY-2: no payment by the deadline: a manager calls (a broken link, wrong details).
                let hold = Hold {
                    kind: HoldKind::PaymentProblem,
                    reason: "no payment by the deadline".into(),
                };
                let held = row_has(&row, HoldKind::PaymentProblem)?;
                if !held {
                    self.change(
                        &mut tx,
                        order,
                        &[Command::PlaceHold(hold)],
                        &system,
                        None,
                        &ctx,
                    )
                    .await?;
                }
                let grace = ctx.later(settings.payment.grace_hours);
                jobs::schedule(&mut tx, jobs::PAYMENT_CANCEL, order, grace, &ctx).await?;
            }
            jobs::PAYMENT_CANCEL if unpaid => {
                let reason = "no payment after the deadline and the grace period";
                let cancel = [Command::Cancel {
                    reason: reason.into(),
                }];
                self.change(&mut tx, order, &cancel, &system, Some(reason), &ctx)
                    .await?;
            }
            // CF-3: only when the hold after the last call ran out.
            jobs::CONFIRMATION_EXPIRY if row.stage == Stage::Confirming.as_str() => {
                let reason = "not confirmed: the customer could not be reached";
                let cancel = [Command::Cancel {
                    reason: reason.into(),
                }];
                self.change(&mut tx, order, &cancel, &system, Some(reason), &ctx)
                    .await?;
            }
            // DL-6: only while the parcel is on its way.
            jobs::PARCEL_WATCH if row.stage == Stage::InTransit.as_str() => {
                self.watch_parcel(&mut tx, &row, &ctx).await?;
            }
            jobs::REVIEW_REQUEST if matches!(row.stage.as_str(), "delivered" | "closed") => {
                let events = crate::reviews::ask(&mut tx, &row, &ctx).await?;
                timeline::append(&mut tx, order, &events, ctx.now_ms(), &system, None).await?;
            }
            jobs::REVIEW_REMINDER if matches!(row.stage.as_str(), "delivered" | "closed") => {
                let events = crate::reviews::remind(&mut tx, &row, &ctx).await?;
                timeline::append(&mut tx, order, &events, ctx.now_ms(), &system, None).await?;
            }
            // What the job was for is no longer true: nothing to do.
            _ => {}
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A job as the owner sees it: what it is for, when, and why it failed.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct JobView {
    pub id: i64,
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    #[schema(value_type = String, format = DateTime)]
    pub run_at: jiff::Timestamp,
    /// `queued`, `done`, or `dead` after its last attempt failed.
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

impl Shop {
    /// Jobs in a state, oldest first: `dead` ones are what needs the owner's eye.
    pub async fn jobs(&self, actor: &Actor, state: &str) -> Result<Vec<JobView>> {
        actor.require(domain::access::Permission::Administer)?;
        let mut conn = self.store.read().await?;
        store::jobs::list(&mut conn, state.trim(), 500)
            .await?
            .into_iter()
            .map(|job| {
                Ok(JobView {
                    id: job.id,
                    kind: job.kind,
                    payload: serde_json::from_str(&job.payload).unwrap_or_default(),
                    run_at: crate::kernel::views::timestamp(job.run_at)?,
                    state: job.state,
                    attempts: job.attempts,
                    last_error: job.last_error,
                })
            })
            .collect()
    }
}
