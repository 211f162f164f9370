//! What happens to an order over its life, decided when it arrives.

use domain::orders::{DeliveryMethod, PaymentMode, ReturnOutcome};

use super::random::Rng;

/// What happens to an order over its life, decided when it arrives. Moves due after the real
/// now never happen, so a recent order shows only the start of its fate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Fate {
    /// Confirmed, packed, delivered and closed.
    Smooth,
    /// The customer cancels before the parcel is packed.
    ChangesMind(&'static str),
    /// A manager holds it to call the customer first (CF-2); the customer answers.
    NeedsCall(&'static str),
    /// As `NeedsCall`, but nobody answers: the shop's worker cancels it when the hold runs out
    /// (CF-3).
    Unreachable(&'static str),
    /// The packer finds a defect; a replacement is found, or the order is cancelled.
    Defect {
        reason: &'static str,
        replaced: bool,
    },
    /// The carrier expects the parcel after the promised window (DL-6); delivered late.
    Delayed,
    /// Delivered, then sent back.
    Returned {
        reason: &'static str,
        outcome: ReturnOutcome,
    },
    /// An invoice never paid: the worker reminds, holds and finally cancels it (PY-2).
    InvoiceUnpaid,
    /// An invoice paid after its deadline, once the worker has put the order on hold.
    PaysLate,
    /// Nobody comes to pick it up.
    NotCollected,
}

const CANCEL_REASONS: &[&str] = &[
    "customer changed their mind",
    "duplicate order: the customer placed it twice by mistake",
    "customer called to cancel: bought it in the store instead",
    "customer wants a different size and will order again",
    "ordered the wrong colour; the customer placed a new order",
];

const CALL_REASONS: &[&str] = &[
    "door delivery: confirm the address and a phone number for the driver",
    "large order: read it back to the customer before packing",
    "the address has no house number",
];

const DEFECTS: &[&str] = &[
    "pulled thread on the left sleeve",
    "a dropped stitch near the cuff",
    "small stain on the front; not sellable as new",
    "a clasp is loose",
];

const RETURN_REASONS: &[&str] = &[
    "too small: the customer wants one size up",
    "the colour is darker than on the photos",
    "changed their mind within the 14-day right of withdrawal",
    "the wool itches on bare skin",
    "got the same thing as a gift",
];

/// What happens to an order over its life. Recent orders lean towards open issues: old issues
/// have long been settled, and a demo should show the shop's work in progress.
pub(super) fn fate_for(
    rng: &mut Rng,
    mode: PaymentMode,
    method: DeliveryMethod,
    recent: bool,
) -> Fate {
    let boost = |usual: u64, lately: u64| if recent { lately } else { usual };
    if mode == PaymentMode::AfterConfirmation {
        let roll = rng.below(100) as u64;
        if roll < 10 {
            return Fate::InvoiceUnpaid;
        }
        if roll < 10 + boost(10, 25) {
            return Fate::PaysLate;
        }
    }
    if method.is_self_pickup() && rng.chance(7) {
        return Fate::NotCollected;
    }
    // Recent parcels the carriers are late with are picked as they leave (`plan_journey`).
    if !method.is_self_pickup() && !recent && rng.chance(5) {
        return Fate::Delayed;
    }
    match rng.weighted(&[68, 4, boost(6, 15), 2, boost(5, 15), 6]) {
        1 => Fate::ChangesMind(rng.pick(CANCEL_REASONS)),
        2 => Fate::NeedsCall(rng.pick(CALL_REASONS)),
        3 => Fate::Unreachable(rng.pick(CALL_REASONS)),
        4 => Fate::Defect {
            reason: rng.pick(DEFECTS),
            replaced: rng.chance(85),
        },
        5 => {
            let reason = rng.pick(RETURN_REASONS);
            // Wrong size or colour is exchanged; other returns get their money back.
            let outcome = if reason.starts_with("too small") || reason.contains("colour") {
                ReturnOutcome::Replaced
            } else {
                rng.pick(&[ReturnOutcome::Returned, ReturnOutcome::Refunded])
            };
            Fate::Returned { reason, outcome }
        }
        _ => Fate::Smooth,
    }
}
