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
    #[error("on hand cannot go below what is reserved for orders ({reserved})")]
    BelowReserved { reserved: i64 },
    #[error("a quantity is a whole number of units from 1 to {MAX_UNITS}")]
    QuantityInvalid,
    #[error("a count is a whole number of units from 0 to {MAX_UNITS}")]
    CountInvalid,
}

impl StockRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::NotEnough { .. } => "not_enough",
            Self::BelowReserved { .. } => "below_reserved",
            Self::QuantityInvalid => "quantity_invalid",
            Self::CountInvalid => "count_invalid",
        }
    }
}

/// The most units one shelf holds or one movement moves.
pub const MAX_UNITS: i64 = 10_000_000;

/// Why what a shelf holds changed: the kinds of the stock ledger's movements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// What the shelf held when the ledger began.
    Opening,
    /// Goods received from a supplier (ST-2).
    Receipt,
    /// A stock count: the shelf holds what was counted (ST-3).
    Count,
    /// A correction with its reason.
    Adjustment,
    /// Reserved units left with an order's parcel.
    Sale,
    /// Units a customer sent back, on the shelf again (AF-1).
    Return,
    /// Units that cannot be sold: a defect found at packing (AS-2), damage, loss.
    WriteOff,
    TransferOut,
    TransferIn,
}

impl MovementKind {
    pub const ALL: [Self; 9] = [
        Self::Opening,
        Self::Receipt,
        Self::Count,
        Self::Adjustment,
        Self::Sale,
        Self::Return,
        Self::WriteOff,
        Self::TransferOut,
        Self::TransferIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Opening => "opening",
            Self::Receipt => "receipt",
            Self::Count => "count",
            Self::Adjustment => "adjustment",
            Self::Sale => "sale",
            Self::Return => "return",
            Self::WriteOff => "write_off",
            Self::TransferOut => "transfer_out",
            Self::TransferIn => "transfer_in",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// A change a person makes to a shelf; sales and returns follow from orders instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Units arrive: a goods receipt, or the arriving half of a transfer.
    Add(i64),
    /// Units leave: a write-off, or the leaving half of a transfer.
    Remove(i64),
    /// The shelf holds this many.
    Count(i64),
    /// A correction by a signed number of units.
    Adjust(i64),
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

    /// The level after `change`, and the signed change to on hand that the ledger records.
    /// Units promised to orders stay on the shelf: no change takes on hand below them.
    pub fn apply(self, change: Change) -> Result<(Self, i64), StockRefusal> {
        let units = 1..=MAX_UNITS;
        let delta = match change {
            Change::Add(n) | Change::Remove(n) if !units.contains(&n) => {
                return Err(StockRefusal::QuantityInvalid);
            }
            Change::Add(n) => n,
            Change::Remove(n) => -n,
            Change::Count(n) if !(0..=MAX_UNITS).contains(&n) => {
                return Err(StockRefusal::CountInvalid);
            }
            Change::Count(n) => n - self.on_hand,
            Change::Adjust(n) if !units.contains(&n.abs()) => {
                return Err(StockRefusal::QuantityInvalid);
            }
            Change::Adjust(n) => n,
        };
        let on_hand = self.on_hand + delta;
        if on_hand > MAX_UNITS {
            return Err(StockRefusal::CountInvalid);
        }
        if on_hand < self.reserved {
            return Err(StockRefusal::BelowReserved {
                reserved: self.reserved,
            });
        }
        Ok((Self { on_hand, ..self }, delta))
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
    fn no_change_takes_units_promised_to_orders() {
        // ST-3
        let level = StockLevel {
            on_hand: 5,
            reserved: 3,
        };
        let after = |on_hand| StockLevel {
            on_hand,
            reserved: 3,
        };
        assert_eq!(level.apply(Change::Count(7)), Ok((after(7), 2)));
        assert_eq!(
            level.apply(Change::Remove(3)),
            Err(StockRefusal::BelowReserved { reserved: 3 })
        );
        assert_eq!(level.apply(Change::Adjust(-2)), Ok((after(3), -2)));
        assert_eq!(
            level.apply(Change::Adjust(0)),
            Err(StockRefusal::QuantityInvalid)
        );
        assert_eq!(
            level.apply(Change::Add(0)),
            Err(StockRefusal::QuantityInvalid)
        );
        assert_eq!(
            level.apply(Change::Count(-1)),
            Err(StockRefusal::CountInvalid)
        );
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
        Change(Change),
    }

    fn moves() -> impl Strategy<Value = Move> {
        prop_oneof![
            (1i64..20).prop_map(Move::Reserve),
            (1i64..20).prop_map(Move::Release),
            (1i64..20).prop_map(Move::Consume),
            (1i64..20).prop_map(|n| Move::Change(Change::Add(n))),
            (1i64..20).prop_map(|n| Move::Change(Change::Remove(n))),
            (0i64..50).prop_map(|n| Move::Change(Change::Count(n))),
            (-20i64..20).prop_map(|n| Move::Change(Change::Adjust(n))),
        ]
    }

    proptest! {
        /// ST-3: whatever happens to a bin, what is promised never exceeds what is on the shelf,
        /// available never goes below zero, and the ledger's movements (the opening count, the
        /// people's changes and the sales) always sum to what is on hand.
        #[test]
        fn the_ledger_sums_to_on_hand(start in 0i64..50, script in prop::collection::vec(moves(), 0..60)) {
            let mut level = StockLevel { on_hand: start, reserved: 0 };
            let mut ledger = vec![start];
            for step in script {
                level = match step {
                    Move::Reserve(q) => level.reserve(q).unwrap_or(level),
                    Move::Release(q) => level.release(q),
                    Move::Consume(q) => {
                        let after = level.consume(q);
                        ledger.push(after.on_hand - level.on_hand);
                        after
                    }
                    Move::Change(change) => match level.apply(change) {
                        Ok((after, delta)) => {
                            ledger.push(delta);
                            after
                        }
                        Err(_) => level,
                    },
                };
                prop_assert!(0 <= level.reserved && level.reserved <= level.on_hand, "{level:?}");
                prop_assert!(level.available() >= 0);
                prop_assert_eq!(ledger.iter().sum::<i64>(), level.on_hand);
            }
        }
    }
}
