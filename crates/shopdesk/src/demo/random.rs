//! A deterministic random source, and short names for lengths of time.

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};

/// SplitMix64: tiny, fast and good enough to make a demo look random yet repeatable.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1).max(1) as u64) as i64
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One item of a constant, non-empty table.
    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An index into `weights`, chosen in proportion to them.
    pub(super) fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut roll = self.next() % total.max(1);
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }

    pub(super) fn between(&mut self, lo: SignedDuration, hi: SignedDuration) -> SignedDuration {
        SignedDuration::from_secs(self.range(lo.as_secs(), hi.as_secs()))
    }
}

pub(super) fn mins(n: i64) -> SignedDuration {
    SignedDuration::from_mins(n)
}

pub(super) fn hours(n: i64) -> SignedDuration {
    SignedDuration::from_hours(n)
}

pub(super) fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

pub(super) fn plus(at: Timestamp, by: SignedDuration) -> anyhow::Result<Timestamp> {
    at.checked_add(by)
        .with_context(|| format!("{at} + {by} is out of range"))
}

pub(super) fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}
