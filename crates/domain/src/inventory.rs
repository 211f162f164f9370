//! Where goods are and how much of them is promised (ST-2, ST-3).

use serde::{Deserialize, Serialize};

use crate::Invalid;

/// The three kinds of place goods come from (ST-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    Warehouse,
    Store,
    /// Goods ordered from a supplier on demand; assembly waits for its lead time.
    Supplier,
}

impl LocationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warehouse => "warehouse",
            Self::Store => "store",
            Self::Supplier => "supplier",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "warehouse" => Ok(Self::Warehouse),
            "store" => Ok(Self::Store),
            "supplier" => Ok(Self::Supplier),
            other => Err(Invalid::new(
                "location_kind_invalid",
                format!("'{other}' is not a location kind: use warehouse, store or supplier"),
            )),
        }
    }

    /// Own stock is picked before a supplier is asked: it leaves sooner.
    fn preference(self) -> u8 {
        match self {
            Self::Warehouse => 0,
            Self::Store => 1,
            Self::Supplier => 2,
        }
    }
}

/// A short code for a location, such as `WH1` or `OSLO-STORE`.
pub fn parse_location_code(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if !value.is_empty()
        && value.len() <= 32
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(value.to_owned())
    } else {
        Err(Invalid::new(
            "location_code_invalid",
            "a location code is 1 to 32 letters, digits, '-' or '_'",
        ))
    }
}

/// A bin label inside a location, such as `A-03-2` (ST-3): printed on the shelf and the pick list.
pub fn parse_bin(raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.len() <= 32 && value.chars().all(|c| c.is_ascii_graphic()) {
        Ok(value.to_owned())
    } else {
        Err(Invalid::new(
            "bin_invalid",
            "a bin label is up to 32 printable characters without spaces",
        ))
    }
}

/// The daily cut-off: orders ready before it leave the same day (DL-8).
pub fn parse_cutoff(raw: &str) -> Result<jiff::civil::Time, Invalid> {
    jiff::civil::Time::strptime("%H:%M", raw.trim()).map_err(|_| {
        Invalid::new(
            "cutoff_invalid",
            format!("'{raw}' is not a time of day like 14:00"),
        )
    })
}

/// A non-negative whole number of days, at most a year.
pub fn parse_days(raw: i64) -> Result<i64, Invalid> {
    if (0..=365).contains(&raw) {
        Ok(raw)
    } else {
        Err(Invalid::new(
            "days_invalid",
            format!("{raw} is not a number of days from 0 to 365"),
        ))
    }
}

/// How much of one variant one location holds, and how much of that is promised to orders.
///
/// Invariant: `0 <= reserved <= on_hand`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StockLevel {
    pub on_hand: i64,
    pub reserved: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StockRefusal {
    #[error("only {available} available")]
    NotEnough { available: i64 },
    #[error("on hand cannot go below what is reserved ({reserved})")]
    BelowReserved { reserved: i64 },
}

impl StockLevel {
    pub fn available(self) -> i64 {
        self.on_hand - self.reserved
    }

    pub fn reserve(self, quantity: i64) -> Result<Self, StockRefusal> {
        if quantity > self.available() {
            return Err(StockRefusal::NotEnough {
                available: self.available(),
            });
        }
        Ok(Self {
            reserved: self.reserved + quantity,
            ..self
        })
    }

    pub fn release(self, quantity: i64) -> Self {
        Self {
            reserved: (self.reserved - quantity).max(0),
            ..self
        }
    }

    /// The reserved units leave the shelf with the parcel.
    pub fn consume(self, quantity: i64) -> Self {
        let quantity = quantity.min(self.reserved);
        Self {
            on_hand: self.on_hand - quantity,
            reserved: self.reserved - quantity,
        }
    }

    /// A stock count sets what is on the shelf; it may not fall below what is promised.
    pub fn recount(self, on_hand: i64) -> Result<Self, StockRefusal> {
        if on_hand < self.reserved {
            return Err(StockRefusal::BelowReserved {
                reserved: self.reserved,
            });
        }
        Ok(Self { on_hand, ..self })
    }
}

/// A place that could fill a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<Id> {
    pub id: Id,
    pub kind: LocationKind,
    pub available: i64,
}

/// Orders the places to try for a line of `quantity` units: own stock that can fill the line
/// (warehouse, then store), then suppliers; among places of a kind, a fixed order (`Id`), so that
/// concurrent orders always take their locks in the same order. Places that cannot fill it are
/// left out; a line is never split across places, so one packer assembles it.
pub fn allocation_order<Id: Ord>(
    mut candidates: Vec<Candidate<Id>>,
    quantity: i64,
) -> Vec<Candidate<Id>> {
    candidates.retain(|c| c.available >= quantity);
    candidates.sort_by(|a, b| (a.kind.preference(), &a.id).cmp(&(b.kind.preference(), &b.id)));
    candidates
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn own_stock_comes_before_a_supplier() {
        // ST-2
        let candidates = vec![
            Candidate {
                id: 1,
                kind: LocationKind::Supplier,
                available: 1000,
            },
            Candidate {
                id: 2,
                kind: LocationKind::Store,
                available: 5,
            },
            Candidate {
                id: 3,
                kind: LocationKind::Warehouse,
                available: 1,
            },
            Candidate {
                id: 5,
                kind: LocationKind::Warehouse,
                available: 3,
            },
            Candidate {
                id: 4,
                kind: LocationKind::Warehouse,
                available: 9,
            },
        ];
        let order: Vec<_> = allocation_order(candidates, 2)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(order, [4, 5, 2, 1]);
    }

    #[test]
    fn cutoff_reads_hours_and_minutes() {
        assert_eq!(
            parse_cutoff("14:30").ok(),
            Some(jiff::civil::time(14, 30, 0, 0))
        );
        assert!(parse_cutoff("25:00").is_err());
        assert!(parse_cutoff("noon").is_err());
    }

    #[derive(Debug, Clone)]
    enum Move {
        Reserve(i64),
        Release(i64),
        Consume(i64),
        Recount(i64),
    }

    fn moves() -> impl Strategy<Value = Move> {
        prop_oneof![
            (1i64..20).prop_map(Move::Reserve),
            (1i64..20).prop_map(Move::Release),
            (1i64..20).prop_map(Move::Consume),
            (0i64..50).prop_map(Move::Recount),
        ]
    }

    proptest! {
        /// ST-3: whatever happens to a bin, what is promised never exceeds what is on the shelf.
        #[test]
        fn reserved_never_exceeds_on_hand(start in 0i64..50, script in prop::collection::vec(moves(), 0..60)) {
            let mut level = StockLevel { on_hand: start, reserved: 0 };
            for step in script {
                level = match step {
                    Move::Reserve(q) => level.reserve(q).unwrap_or(level),
                    Move::Release(q) => level.release(q),
                    Move::Consume(q) => level.consume(q),
                    Move::Recount(q) => level.recount(q).unwrap_or(level),
                };
                prop_assert!(0 <= level.reserved && level.reserved <= level.on_hand, "{level:?}");
            }
        }
    }
}
