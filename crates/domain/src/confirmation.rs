//! How an order is confirmed (CF-1, CF-2) and what follows each call (CF-3, CF-4).

use serde::{Deserialize, Serialize};

use crate::checks::Finding;
use crate::settings::ConfirmationPolicy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallReason {
    AlwaysCall,
    Expensive,
    Clarify,
    OutOfStock,
    OtherCity,
}

impl CallReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AlwaysCall => "the shop calls every order",
            Self::Expensive => "expensive goods",
            Self::Clarify => "data to clarify",
            Self::OutOfStock => "items out of stock",
            Self::OtherCity => "delivery to another city",
        }
    }
}

/// How the order will be confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A manager calls, for these reasons.
    Call(Vec<CallReason>),
    /// The customer confirms through a link with the order's details (CF-1).
    Link,
    /// The shop confirms and tells the customer the order is being assembled (CF-2).
    Message,
}

pub struct Facts<'a> {
    pub total_minor: i64,
    pub findings: &'a [Finding],
    /// The city of a door delivery.
    pub delivery_city: Option<&'a str>,
    pub shop_city: &'a str,
}

/// CF-2: a call only when needed, unless the shop calls every order.
pub fn route(policy: &ConfirmationPolicy, facts: &Facts<'_>) -> Route {
    let mut reasons = Vec::new();
    if policy.always_call {
        reasons.push(CallReason::AlwaysCall);
    }
    if facts.total_minor >= policy.call_from_total_minor {
        reasons.push(CallReason::Expensive);
    }
    let out_of_stock = facts.findings.iter().any(|f| f.code == "out_of_stock");
    if policy.call_to_clarify && facts.findings.iter().any(|f| f.code != "out_of_stock") {
        reasons.push(CallReason::Clarify);
    }
    if policy.call_when_out_of_stock && out_of_stock {
        reasons.push(CallReason::OutOfStock);
    }
    let other_city = facts
        .delivery_city
        .is_some_and(|city| !city.trim().eq_ignore_ascii_case(facts.shop_city.trim()));
    if policy.call_for_other_city && other_city {
        reasons.push(CallReason::OtherCity);
    }
    match (reasons.is_empty(), policy.confirmation_link) {
        (false, _) => Route::Call(reasons),
        (true, true) => Route::Link,
        (true, false) => Route::Message,
    }
}

/// What a manager reports after a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    ReachedConfirmed,
    ReachedWithChanges,
    NoAnswer,
    Busy,
    WrongNumber,
}

impl CallOutcome {
    pub fn parse(raw: &str) -> Result<Self, crate::Invalid> {
        match raw.trim() {
            "reached_confirmed" => Ok(Self::ReachedConfirmed),
            "reached_with_changes" => Ok(Self::ReachedWithChanges),
            "no_answer" => Ok(Self::NoAnswer),
            "busy" => Ok(Self::Busy),
            "wrong_number" => Ok(Self::WrongNumber),
            other => Err(crate::Invalid::new(
                "outcome_invalid",
                format!(
                    "'{other}' is not an outcome: use reached_confirmed, reached_with_changes, no_answer, busy or wrong_number"
                ),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReachedConfirmed => "reached_confirmed",
            Self::ReachedWithChanges => "reached_with_changes",
            Self::NoAnswer => "no_answer",
            Self::Busy => "busy",
            Self::WrongNumber => "wrong_number",
        }
    }
}

/// What the shop does after a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The customer confirmed.
    Confirm,
    /// Call again later and tell the customer when (CF-3).
    CallAgain,
    /// The last attempt failed: hold the order until a date and tell the customer how to reach
    /// the shop; cancel only when the hold runs out (CF-3).
    HoldThenCancel,
    /// The number is wrong: reach the customer by email instead (CF-4).
    OtherChannel,
}

/// CF-3: several tries before giving up, never a cancellation after one.
pub fn after_call(outcome: CallOutcome, failed_calls: usize, attempts: usize) -> Next {
    match outcome {
        CallOutcome::ReachedConfirmed | CallOutcome::ReachedWithChanges => Next::Confirm,
        CallOutcome::WrongNumber => Next::OtherChannel,
        CallOutcome::NoAnswer | CallOutcome::Busy if failed_calls < attempts.max(2) => {
            Next::CallAgain
        }
        CallOutcome::NoAnswer | CallOutcome::Busy => Next::HoldThenCancel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(total_minor: i64, findings: &'a [Finding], city: Option<&'a str>) -> Facts<'a> {
        Facts {
            total_minor,
            findings,
            delivery_city: city,
            shop_city: "Oslo",
        }
    }

    #[test]
    fn a_call_only_when_needed() {
        // CF-2
        let policy = ConfirmationPolicy::default();
        let clarify = [Finding::new(
            "address_has_phone",
            "delivery.address.line",
            "x",
        )];
        let stock = [Finding::new("out_of_stock", "lines", "x")];
        assert_eq!(
            route(&policy, &facts(10_000, &[], Some("oslo"))),
            Route::Message
        );
        assert_eq!(route(&policy, &facts(10_000, &[], None)), Route::Message);
        assert_eq!(
            route(&policy, &facts(500_000, &[], None)),
            Route::Call(vec![CallReason::Expensive])
        );
        assert_eq!(
            route(&policy, &facts(10_000, &clarify, None)),
            Route::Call(vec![CallReason::Clarify])
        );
        assert_eq!(
            route(&policy, &facts(10_000, &stock, None)),
            Route::Call(vec![CallReason::OutOfStock])
        );
        assert_eq!(
            route(&policy, &facts(10_000, &[], Some("Bergen"))),
            Route::Call(vec![CallReason::OtherCity])
        );
        let always = ConfirmationPolicy {
            always_call: true,
            ..policy.clone()
        };
        assert_eq!(
            route(&always, &facts(10_000, &[], None)),
            Route::Call(vec![CallReason::AlwaysCall])
        );
        let link = ConfirmationPolicy {
            confirmation_link: true,
            ..policy
        };
        assert_eq!(route(&link, &facts(10_000, &[], None)), Route::Link);
    }

    #[test]
    fn never_give_up_after_one_call() {
        // CF-3
        assert_eq!(after_call(CallOutcome::NoAnswer, 1, 3), Next::CallAgain);
        assert_eq!(after_call(CallOutcome::Busy, 2, 3), Next::CallAgain);
        assert_eq!(
            after_call(CallOutcome::NoAnswer, 3, 3),
            Next::HoldThenCancel
        );
        // Even a shop that set one attempt gets two.
        assert_eq!(after_call(CallOutcome::NoAnswer, 1, 1), Next::CallAgain);
        assert_eq!(
            after_call(CallOutcome::WrongNumber, 1, 3),
            Next::OtherChannel
        );
        assert_eq!(
            after_call(CallOutcome::ReachedWithChanges, 2, 3),
            Next::Confirm
        );
    }
}
