//! The queue of jobs in time order, and the shop's worker running at its times.

use std::cmp::Reverse;

use anyhow::Context;
use jiff::Timestamp;
use jiff::civil::Date;

use super::Sim;
use super::random::{mins, plus};

/// A piece of work in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Job {
    Place(usize),
    Step(usize),
    Restock,
    /// The shop's worker runs its due jobs: reminders, payment deadlines, expiries.
    Worker,
    /// The courier hands in the day's cash (PY-5).
    HandIn(Date),
    /// A visitor writes from the contacts page: the index of its question (SU-1).
    Write(usize),
    /// A manager answers a visitor's message: the question's index and the message's id.
    Answer(usize, i64),
}

impl Sim {
    pub(super) fn push(&mut self, at: Timestamp, job: Job) {
        // What would happen after the real now has not happened yet.
        if at > self.end {
            return;
        }
        self.seq += 1;
        self.queue
            .push(Reverse((at.as_millisecond(), self.seq, job)));
    }

    /// The worker runs every quarter of an hour, as `shopdesk serve` runs it every second.
    pub(super) fn schedule_worker(&mut self, start: Timestamp) -> anyhow::Result<()> {
        let mut at = start;
        while at <= self.end {
            self.push(at, Job::Worker);
            at = plus(at, mins(15))?;
        }
        Ok(())
    }

    pub(super) async fn run(&mut self) -> anyhow::Result<()> {
        while let Some(Reverse((ms, _, job))) = self.queue.pop() {
            let at = Timestamp::from_millisecond(ms)?;
            self.clock.set(at);
            match job {
                Job::Place(i) => self.place(i, at).await?,
                Job::Step(i) => self.make_step(i, at).await?,
                Job::Restock => self.restock().await?,
                Job::Worker => self.work().await?,
                Job::HandIn(day) => self.hand_in(day, at).await?,
                Job::Write(i) => self.write_to_the_shop(i, at).await?,
                Job::Answer(i, id) => self.answer_message(i, id).await?,
            }
        }
        Ok(())
    }

    pub(super) async fn work(&mut self) -> anyhow::Result<()> {
        const BATCH: i64 = 100;
        self.shop
            .schedule_daily_jobs()
            .await
            .context("the daily jobs")?;
        loop {
            let ran = self
                .shop
                .run_due_jobs("worker:demo", BATCH)
                .await
                .context("the worker failed")?;
            if ran < BATCH as usize {
                return Ok(());
            }
        }
    }
}
