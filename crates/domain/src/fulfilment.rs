//! From shelf to doorstep: checking what goes in the parcel, flaws, inserts, the parcel's journey
//! and the couriers' cash (AS-1..5, DL-1..7, PY-5). Pure rules; the app keeps the records.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Invalid;

text_enum!(
    /// How bad a flaw found in the quality check is (AS-2).
    Severity = "severity" {
        /// The customer may still want it: they are asked.
        Minor = "minor",
        /// It does not ship: a replacement is set aside.
        Major = "major",
    }
);

text_enum!(
    /// The customer's answer to a minor flaw (AS-2).
    DefectAnswer = "defect_answer" {
        /// Ship the unit as it is, with the discount the shop offered.
        ShipAsIs = "ship_as_is",
        /// Wait for a flawless unit.
        Wait = "wait",
    }
);

text_enum!(
    /// Where a parcel is on its way (DL-3).
    ShipmentStatus = "shipment_status" {
        /// Packed, waiting for the carrier or the courier.
        Packed = "packed",
        HandedOver = "handed_over",
        InTransit = "in_transit",
        AtPickupPoint = "at_pickup_point",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        Lost = "lost",
    }
);

text_enum!(
    /// What the shop does for a customer whose parcel was lost (DL-6).
    Compensation = "compensation" {
        ResendNow = "resend_now",
        Refund = "refund",
        CourierAtShopCost = "courier_at_shop_cost",
    }
);

/// A line as the packer checks it against the shelf (AS-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineToVerify {
    pub line_no: i64,
    pub sku: String,
    pub product_id: i64,
    /// The size and colour, as the buyer sees them.
    pub options: String,
    pub quantity: i64,
    pub verified: i64,
}

/// What a scanned code turned out to be in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanned {
    pub sku: String,
    pub product_id: i64,
    pub options: String,
}

/// The answer to one scan at the packing station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanVerdict {
    /// One more unit of this line is checked.
    Accepted { line_no: i64, remaining: i64 },
    /// Every unit of the line is already checked: this one is extra.
    AlreadyComplete { line_no: i64 },
    /// The right product in the wrong size or colour.
    WrongVariant {
        line_no: i64,
        expected: String,
        scanned: String,
    },
    /// Not in this order at all.
    WrongItem { sku: String },
    /// The code is not in the catalogue.
    Unknown,
}

impl ScanVerdict {
    pub fn accepted(&self) -> bool {
        matches!(self, Self::Accepted { .. })
    }

    /// What the packer reads, green or red.
    pub fn message(&self) -> String {
        match self {
            Self::Accepted {
                line_no,
                remaining: 0,
            } => format!("line {line_no} is complete"),
            Self::Accepted { line_no, remaining } => {
                format!("line {line_no}: {remaining} more to scan")
            }
            Self::AlreadyComplete { line_no } => {
                format!("line {line_no} is already complete: put this unit back")
            }
            Self::WrongVariant {
                line_no,
                expected,
                scanned,
            } => format!(
                "wrong size or colour for line {line_no}: it wants {expected}, this is {scanned}"
            ),
            Self::WrongItem { sku } => format!("wrong item: {sku} is not in this order"),
            Self::Unknown => "unknown code: no product has this barcode or SKU".into(),
        }
    }
}

/// Checks one scanned unit against the order (AS-1). The right SKU counts toward its line; the
/// same product in another size or colour is named as such, so the packer fetches the right one.
pub fn verify_scan(lines: &[LineToVerify], scanned: Option<&Scanned>) -> ScanVerdict {
    let Some(scanned) = scanned else {
        return ScanVerdict::Unknown;
    };
    if let Some(line) = lines.iter().find(|l| l.sku == scanned.sku) {
        return if line.verified >= line.quantity {
            ScanVerdict::AlreadyComplete {
                line_no: line.line_no,
            }
        } else {
            ScanVerdict::Accepted {
                line_no: line.line_no,
                remaining: line.quantity - line.verified - 1,
            }
        };
    }
    match lines.iter().find(|l| l.product_id == scanned.product_id) {
        Some(line) => ScanVerdict::WrongVariant {
            line_no: line.line_no,
            expected: line.options.clone(),
            scanned: scanned.options.clone(),
        },
        None => ScanVerdict::WrongItem {
            sku: scanned.sku.clone(),
        },
    }
}

/// Units still to scan before the order may be packed (AS-1).
pub fn unverified_units(lines: &[LineToVerify]) -> i64 {
    lines.iter().map(|l| (l.quantity - l.verified).max(0)).sum()
}

/// When an insert goes into the parcel (AS-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "when", rename_all = "snake_case")]
pub enum InsertWhen {
    /// The customer's first order with the shop.
    FirstOrder,
    /// The goods come to at least this amount.
    SubtotalFrom { minor: i64 },
    /// The customer has ordered at least this many times before.
    RepeatCustomer { previous_orders: i64 },
}

/// A single-use coupon printed on the packing slip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponSpec {
    pub percent: i64,
    pub valid_days: i64,
}

/// A rule the shop sets: what goes into which parcel (AS-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertRule {
    /// What the packer puts in, such as "postcard" or "10% coupon".
    pub insert: String,
    #[serde(flatten)]
    pub when: InsertWhen,
    #[serde(default)]
    pub coupon: Option<CouponSpec>,
}

impl InsertRule {
    pub fn check(&self) -> Result<(), Invalid> {
        if self.insert.trim().is_empty() || self.insert.chars().count() > 80 {
            return Err(Invalid::new(
                "insert_invalid",
                "an insert is named in 1 to 80 characters",
            ));
        }
        if let Some(coupon) = &self.coupon
            && (!(1..=90).contains(&coupon.percent) || !(1..=730).contains(&coupon.valid_days))
        {
            return Err(Invalid::new(
                "coupon_invalid",
                "a coupon takes 1 to 90 percent off and is valid 1 to 730 days",
            ));
        }
        Ok(())
    }
}

/// The inserts for a parcel, in the shop's order of rules (AS-4).
pub fn inserts_for(
    rules: &[InsertRule],
    previous_orders: i64,
    subtotal_minor: i64,
) -> Vec<&InsertRule> {
    rules
        .iter()
        .filter(|rule| match rule.when {
            InsertWhen::FirstOrder => previous_orders == 0,
            InsertWhen::SubtotalFrom { minor } => subtotal_minor >= minor,
            InsertWhen::RepeatCustomer {
                previous_orders: from,
            } => previous_orders >= from.max(1),
        })
        .collect()
}

/// Why a parcel in transit is late or about to be (DL-6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DelaySign {
    /// The carrier now expects it after the promised window.
    EstimatePastWindow { estimate: Date },
    /// No scan for this many days.
    NoScan { days: i64 },
    /// The window ends today and the parcel is still on its way.
    WindowEnding,
}

impl DelaySign {
    pub fn reason(&self) -> String {
        match self {
            Self::EstimatePastWindow { estimate } => {
                format!("the carrier now expects delivery on {estimate}, after the promised window")
            }
            Self::NoScan { days } => format!("no scan from the carrier for {days} days"),
            Self::WindowEnding => {
                "the promised window ends today and the parcel is still on its way".into()
            }
        }
    }
}

/// What the watch knows about one parcel on its way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcelWatch {
    pub promised_latest: Date,
    pub carrier_estimate: Option<Date>,
    pub last_scan_at: Timestamp,
}

/// Whether the customer must be warned now: as soon as a delay shows, before the window ends,
/// never after it (DL-6).
pub fn delay_sign(
    watch: &ParcelWatch,
    now: Timestamp,
    today: Date,
    no_scan_days: i64,
) -> Option<DelaySign> {
    if let Some(estimate) = watch.carrier_estimate
        && estimate > watch.promised_latest
    {
        return Some(DelaySign::EstimatePastWindow { estimate });
    }
    let silent_days = now.duration_since(watch.last_scan_at).as_hours() / 24;
    if silent_days >= no_scan_days {
        return Some(DelaySign::NoScan { days: silent_days });
    }
    (today >= watch.promised_latest).then_some(DelaySign::WindowEnding)
}

text_enum!(
    /// A line of a courier's cash ledger (PY-5).
    CashKind = "cash_kind" {
        /// Taken from a customer at the door, with a receipt.
        Collected = "collected",
        /// Given to the shop at the end of the day.
        HandedIn = "handed_in",
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashEntry {
    pub courier_id: i64,
    pub order_id: Option<i64>,
    pub kind: CashKind,
    pub amount_minor: i64,
}

/// A cash-on-delivery order a courier delivered, with what was due at the door.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashDelivery {
    pub courier_id: i64,
    pub order_id: i64,
    pub due_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourierBalance {
    pub courier_id: i64,
    pub collected_minor: i64,
    pub handed_in_minor: i64,
    /// Cash the courier still holds: collected but not handed in.
    pub gap_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderGap {
    pub order_id: i64,
    pub courier_id: i64,
    pub due_minor: i64,
    pub collected_minor: i64,
}

/// The day's cash, per courier and per order (PY-5): every gap is listed, so no customer is
/// asked to pay twice and no cash goes missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reconciliation {
    pub couriers: Vec<CourierBalance>,
    /// Orders where what was collected differs from what was due.
    pub order_gaps: Vec<OrderGap>,
}

impl Reconciliation {
    pub fn balanced(&self) -> bool {
        self.order_gaps.is_empty() && self.couriers.iter().all(|c| c.gap_minor == 0)
    }
}

pub fn reconcile(deliveries: &[CashDelivery], entries: &[CashEntry]) -> Reconciliation {
    use std::collections::BTreeMap;
    let mut couriers: BTreeMap<i64, CourierBalance> = BTreeMap::new();
    let mut collected_by_order: BTreeMap<i64, i64> = BTreeMap::new();
    for entry in entries {
        let balance = couriers
            .entry(entry.courier_id)
            .or_insert_with(|| CourierBalance {
                courier_id: entry.courier_id,
                collected_minor: 0,
                handed_in_minor: 0,
                gap_minor: 0,
            });
        match entry.kind {
            CashKind::Collected => {
                balance.collected_minor += entry.amount_minor;
                if let Some(order) = entry.order_id {
                    *collected_by_order.entry(order).or_default() += entry.amount_minor;
                }
            }
            CashKind::HandedIn => balance.handed_in_minor += entry.amount_minor,
        }
        balance.gap_minor = balance.collected_minor - balance.handed_in_minor;
    }
    let order_gaps = deliveries
        .iter()
        .filter_map(|d| {
            let collected = collected_by_order.get(&d.order_id).copied().unwrap_or(0);
            (collected != d.due_minor).then_some(OrderGap {
                order_id: d.order_id,
                courier_id: d.courier_id,
                due_minor: d.due_minor,
                collected_minor: collected,
            })
        })
        .collect();
    Reconciliation {
        couriers: couriers.into_values().collect(),
        order_gaps,
    }
}

/// A rating of 4 or 5 stars counts toward the courier's bonus (DL-7).
pub fn is_positive_rating(stars: i64) -> bool {
    stars >= 4
}

pub fn parse_stars(stars: i64) -> Result<i64, Invalid> {
    if (1..=5).contains(&stars) {
        Ok(stars)
    } else {
        Err(Invalid::new("rating_invalid", "a rating is 1 to 5 stars"))
    }
}

/// A receipt or pickup code a person types: short, printable, no spaces.
pub fn parse_code(raw: &str, what: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() || value.len() > 64 || !value.chars().all(|c| c.is_ascii_graphic()) {
        return Err(Invalid::new(
            "code_invalid",
            format!("a {what} is 1 to 64 printable characters without spaces"),
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(
        line_no: i64,
        sku: &str,
        product_id: i64,
        options: &str,
        quantity: i64,
    ) -> LineToVerify {
        LineToVerify {
            line_no,
            sku: sku.into(),
            product_id,
            options: options.into(),
            quantity,
            verified: 0,
        }
    }

    fn scanned(sku: &str, product_id: i64, options: &str) -> Scanned {
        Scanned {
            sku: sku.into(),
            product_id,
            options: options.into(),
        }
    }

    #[test]
    fn as1_scans_name_wrong_items_and_wrong_sizes() {
        let mut lines = vec![
            line(1, "SW-M-BLUE", 10, "M / blue", 2),
            line(2, "CAP", 11, "", 1),
        ];
        let right = verify_scan(&lines, Some(&scanned("SW-M-BLUE", 10, "M / blue")));
        assert_eq!(
            right,
            ScanVerdict::Accepted {
                line_no: 1,
                remaining: 1
            }
        );
        let size = verify_scan(&lines, Some(&scanned("SW-L-BLUE", 10, "L / blue")));
        assert!(!size.accepted());
        assert_eq!(
            size.message(),
            "wrong size or colour for line 1: it wants M / blue, this is L / blue"
        );
        let other = verify_scan(&lines, Some(&scanned("MUG", 12, "")));
        assert_eq!(other.message(), "wrong item: MUG is not in this order");
        assert_eq!(verify_scan(&lines, None), ScanVerdict::Unknown);
        lines[1].verified = 1;
        assert_eq!(
            verify_scan(&lines, Some(&scanned("CAP", 11, ""))),
            ScanVerdict::AlreadyComplete { line_no: 2 }
        );
        assert_eq!(unverified_units(&lines), 2);
    }

    #[test]
    fn as4_inserts_follow_the_shops_rules() {
        let rules = vec![
            InsertRule {
                insert: "postcard".into(),
                when: InsertWhen::FirstOrder,
                coupon: None,
            },
            InsertRule {
                insert: "10% coupon".into(),
                when: InsertWhen::SubtotalFrom { minor: 100_000 },
                coupon: Some(CouponSpec {
                    percent: 10,
                    valid_days: 90,
                }),
            },
            InsertRule {
                insert: "sweets".into(),
                when: InsertWhen::RepeatCustomer { previous_orders: 2 },
                coupon: None,
            },
        ];
        let names = |previous, subtotal| -> Vec<&str> {
            inserts_for(&rules, previous, subtotal)
                .iter()
                .map(|r| r.insert.as_str())
                .collect()
        };
        assert_eq!(names(0, 50_000), ["postcard"]);
        assert_eq!(names(0, 100_000), ["postcard", "10% coupon"]);
        assert_eq!(names(1, 50_000), Vec::<&str>::new());
        assert_eq!(names(2, 120_000), ["10% coupon", "sweets"]);
    }

    #[test]
    fn insert_rules_are_stored_as_readable_json() {
        let rule: InsertRule =
            serde_json::from_str(r#"{"insert":"coupon","when":"subtotal_from","minor":5000,"coupon":{"percent":10,"valid_days":60}}"#)
                .expect("rule");
        assert_eq!(rule.when, InsertWhen::SubtotalFrom { minor: 5000 });
        assert!(rule.check().is_ok());
        let greedy = InsertRule {
            coupon: Some(CouponSpec {
                percent: 100,
                valid_days: 60,
            }),
            ..rule
        };
        assert_eq!(greedy.check().map_err(|e| e.code), Err("coupon_invalid"));
    }

    fn date(raw: &str) -> Date {
        raw.parse().expect("date")
    }

    fn at(raw: &str) -> Timestamp {
        raw.parse().expect("timestamp")
    }

    #[test]
    fn dl6_a_delay_is_seen_before_the_window_ends() {
        let watch = ParcelWatch {
            promised_latest: date("2026-03-12"),
            carrier_estimate: Some(date("2026-03-11")),
            last_scan_at: at("2026-03-09T08:00:00Z"),
        };
        let now = at("2026-03-10T07:00:00Z");
        assert_eq!(delay_sign(&watch, now, date("2026-03-10"), 3), None);
        let late = ParcelWatch {
            carrier_estimate: Some(date("2026-03-14")),
            ..watch.clone()
        };
        assert_eq!(
            delay_sign(&late, now, date("2026-03-10"), 3),
            Some(DelaySign::EstimatePastWindow {
                estimate: date("2026-03-14")
            })
        );
        let silent = at("2026-03-12T09:00:00Z");
        assert_eq!(
            delay_sign(&watch, silent, date("2026-03-12"), 3),
            Some(DelaySign::NoScan { days: 3 })
        );
        let last_day = at("2026-03-12T07:00:00Z");
        assert_eq!(
            delay_sign(&watch, last_day, date("2026-03-12"), 5),
            Some(DelaySign::WindowEnding)
        );
    }

    #[test]
    fn py5_reconciliation_finds_every_gap_to_the_cent() {
        let deliveries = [
            CashDelivery {
                courier_id: 1,
                order_id: 100,
                due_minor: 45_950,
            },
            CashDelivery {
                courier_id: 1,
                order_id: 101,
                due_minor: 12_000,
            },
            CashDelivery {
                courier_id: 2,
                order_id: 102,
                due_minor: 9_900,
            },
        ];
        let entry = |courier_id, order_id, kind, amount_minor| CashEntry {
            courier_id,
            order_id,
            kind,
            amount_minor,
        };
        let mut entries = vec![
            entry(1, Some(100), CashKind::Collected, 45_950),
            entry(1, Some(101), CashKind::Collected, 12_000),
            entry(2, Some(102), CashKind::Collected, 9_900),
            entry(1, None, CashKind::HandedIn, 57_950),
            entry(2, None, CashKind::HandedIn, 9_900),
        ];
        assert!(reconcile(&deliveries, &entries).balanced());
        entries[3].amount_minor = 57_949;
        entries.remove(2);
        let day = reconcile(&deliveries, &entries);
        assert!(!day.balanced());
        assert_eq!(day.couriers[0].gap_minor, 1);
        assert_eq!(day.couriers[1].gap_minor, -9_900);
        assert_eq!(
            day.order_gaps,
            [OrderGap {
                order_id: 102,
                courier_id: 2,
                due_minor: 9_900,
                collected_minor: 0
            }]
        );
    }

    #[test]
    fn dl7_only_good_ratings_earn_a_bonus() {
        assert!(is_positive_rating(5) && is_positive_rating(4));
        assert!(!is_positive_rating(3));
        assert!(parse_stars(0).is_err() && parse_stars(6).is_err());
    }
}
