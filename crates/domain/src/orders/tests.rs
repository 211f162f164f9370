use proptest::prelude::*;

use super::*;
use crate::money::Currency;

fn order(payment_mode: PaymentMode, delivery_method: DeliveryMethod) -> Order {
    Order {
        stage: Stage::Placed,
        holds: Vec::new(),
        payment_mode: Some(payment_mode),
        delivery_method: Some(delivery_method),
        currency: Currency::parse("EUR").expect("EUR"),
        lines: vec![
            Line {
                line_no: 1,
                quantity: 2,
                unit_price_minor: 1500,
                status: LineStatus::Active,
            },
            Line {
                line_no: 2,
                quantity: 1,
                unit_price_minor: 4999,
                status: LineStatus::Active,
            },
        ],
        delivery_minor: 490,
        discount_minor: 0,
        paid_minor: 0,
        refunded_minor: 0,
    }
}

fn placed(payment_mode: PaymentMode, delivery_method: DeliveryMethod) -> Order {
    order(payment_mode, delivery_method)
        .place(&Channel::Api, &[])
        .order
}

fn run(mut order: Order, commands: impl IntoIterator<Item = Command>) -> Result<Order, Refusal> {
    for command in commands {
        order = order.apply(command)?.order;
    }
    Ok(order)
}

fn stage_after(order: Order, commands: Vec<Command>) -> Result<Stage, &'static str> {
    run(order, commands).map(|o| o.stage).map_err(|r| r.code())
}

#[test]
fn intake_goes_to_confirming_with_a_timeline() {
    let decision =
        order(PaymentMode::OnDelivery, DeliveryMethod::Courier).place(&Channel::Phone, &[]);
    assert_eq!(decision.order.stage, Stage::Confirming);
    assert_eq!(
        decision.events,
        vec![
            Event::Placed {
                channel: "phone".into(),
                total_minor: 2 * 1500 + 4999 + 490
            },
            Event::StageChanged {
                from: Stage::Placed,
                to: Stage::Confirming
            },
        ]
    );
}

#[test]
fn an_unreserved_line_holds_the_order_for_the_customer() {
    // ST-1: not an error; a hold the shop must resolve.
    let decision = order(PaymentMode::OnDelivery, DeliveryMethod::Courier)
        .place(&Channel::Storefront, &[(2, "BOOT-42".into())]);
    assert_eq!(decision.order.stage, Stage::Confirming);
    assert!(decision.order.has_hold(HoldKind::WaitingForCustomer));
    assert!(decision.events.contains(&Event::LineOutOfStock {
        line_no: 2,
        sku: "BOOT-42".into()
    }));
    let refused = decision.order.apply(Command::Confirm).expect_err("held");
    assert_eq!(refused.code(), "order_on_hold");
}

/// Payment mode, delivery method, the commands in order, and the stage or refusal code at the end.
type Row = (
    PaymentMode,
    DeliveryMethod,
    Vec<Command>,
    Result<Stage, &'static str>,
);

// Long on purpose: one row per path through the lifecycle, read as a table.
#[test]
fn lifecycle_table() {
    use Command::*;
    use DeliveryMethod::*;
    use PaymentMode::*;
    let hand_over = || HandOver {
        tracking_number: Some("TRK1".into()),
    };
    let cancel = || Cancel {
        reason: "customer changed their mind".into(),
    };
    let pay_all = RecordPayment {
        amount_minor: 2 * 1500 + 4999 + 490,
        overpayment: false,
    };
    let table: Vec<Row> = vec![
        // Pay on receipt, courier: the whole way, with the cash recorded before closing (PY-5).
        (OnDelivery, Courier, vec![MarkReady], Err("stage_forbids")),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady],
            Ok(Stage::Ready),
        ),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady, hand_over(), Deliver],
            Ok(Stage::Delivered),
        ),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady, hand_over(), Deliver, Close],
            Err("balance_due"),
        ),
        (
            OnDelivery,
            Courier,
            vec![
                Confirm,
                MarkReady,
                hand_over(),
                Deliver,
                pay_all.clone(),
                Close,
            ],
            Ok(Stage::Closed),
        ),
        // Invoice after confirmation: the goods wait for the money (PY-1).
        (
            AfterConfirmation,
            Post,
            vec![Confirm],
            Ok(Stage::AwaitingPayment),
        ),
        (
            AfterConfirmation,
            Post,
            vec![Confirm, StartAssembly],
            Err("balance_due"),
        ),
        (
            AfterConfirmation,
            Post,
            vec![
                Confirm,
                RecordPayment {
                    amount_minor: 100,
                    overpayment: false,
                },
            ],
            Ok(Stage::AwaitingPayment),
        ),
        (
            AfterConfirmation,
            Post,
            vec![Confirm, pay_all.clone()],
            Ok(Stage::Assembling),
        ),
        (
            AfterConfirmation,
            Post,
            vec![pay_all.clone(), Confirm],
            Ok(Stage::Assembling),
        ),
        // Prepaid but unpaid cannot leave.
        (
            Prepaid,
            Post,
            vec![Confirm, MarkReady, hand_over()],
            Err("balance_due"),
        ),
        // Pickup at the shop: no carrier in between.
        (
            OnDelivery,
            StorePickup,
            vec![Confirm, MarkReady, hand_over()],
            Err("stage_forbids"),
        ),
        (
            OnDelivery,
            StorePickup,
            vec![Confirm, MarkReady, Deliver],
            Ok(Stage::Delivered),
        ),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady, Deliver],
            Err("stage_forbids"),
        ),
        // Cancelling: allowed until the parcel leaves, final afterwards.
        (OnDelivery, Courier, vec![cancel()], Ok(Stage::Cancelled)),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady, cancel()],
            Ok(Stage::Cancelled),
        ),
        (
            OnDelivery,
            Courier,
            vec![Confirm, MarkReady, hand_over(), cancel()],
            Err("stage_forbids"),
        ),
        (
            OnDelivery,
            Courier,
            vec![cancel(), Confirm],
            Err("order_final"),
        ),
        // Returns.
        (
            OnDelivery,
            Courier,
            vec![
                Confirm,
                MarkReady,
                hand_over(),
                Deliver,
                RequestReturn {
                    reason: "too small".into(),
                },
            ],
            Ok(Stage::ReturnRequested),
        ),
        (
            OnDelivery,
            Courier,
            vec![
                Confirm,
                MarkReady,
                hand_over(),
                Deliver,
                RequestReturn {
                    reason: "too small".into(),
                },
                ResolveReturn {
                    outcome: ReturnOutcome::Replaced,
                },
            ],
            Ok(Stage::Replaced),
        ),
        (
            OnDelivery,
            Courier,
            vec![RequestReturn { reason: "x".into() }],
            Err("stage_forbids"),
        ),
        // Holds stop the pipeline until released.
        (
            OnDelivery,
            Courier,
            vec![
                Confirm,
                PlaceHold(Hold {
                    kind: HoldKind::DefectFound,
                    reason: "scratch".into(),
                }),
                MarkReady,
            ],
            Err("order_on_hold"),
        ),
        (
            OnDelivery,
            Courier,
            vec![
                Confirm,
                PlaceHold(Hold {
                    kind: HoldKind::DefectFound,
                    reason: "scratch".into(),
                }),
                ReleaseHold {
                    kind: HoldKind::DefectFound,
                    note: "customer agreed".into(),
                },
                MarkReady,
            ],
            Ok(Stage::Ready),
        ),
        (
            OnDelivery,
            Courier,
            vec![ReleaseHold {
                kind: HoldKind::Lost,
                note: String::new(),
            }],
            Err("not_on_hold"),
        ),
        // A call confirms and lifts its own hold (CF-2).
        (
            OnDelivery,
            Courier,
            vec![
                PlaceHold(Hold {
                    kind: HoldKind::NeedsCall,
                    reason: "expensive".into(),
                }),
                Confirm,
            ],
            Ok(Stage::Assembling),
        ),
    ];
    for (mode, method, commands, expected) in table {
        let names: Vec<_> = commands.iter().map(Command::name).collect();
        assert_eq!(
            stage_after(placed(mode, method), commands),
            expected,
            "{mode} {method} {names:?}"
        );
    }
}

#[test]
fn an_order_without_methods_waits_for_the_customers_choice() {
    // CK-2
    let mut order = placed(PaymentMode::OnDelivery, DeliveryMethod::Courier);
    order.payment_mode = None;
    let refused = order.clone().apply(Command::Confirm).map(|_| ());
    assert_eq!(refused, Err(Refusal::MethodsMissing));
    let chosen = order
        .apply(Command::ChooseMethods {
            payment_mode: Some(PaymentMode::Prepaid),
            delivery_method: None,
            delivery_minor: None,
        })
        .expect("allowed");
    assert_eq!(chosen.order.payment_mode, Some(PaymentMode::Prepaid));
    assert_eq!(chosen.order.delivery_method, Some(DeliveryMethod::Courier));
    assert_eq!(
        chosen.order.apply(Command::Confirm).map(|d| d.order.stage),
        Ok(Stage::Assembling)
    );
}

#[test]
fn cancelling_a_line_lowers_the_total_and_releases_it() {
    let decision = placed(PaymentMode::OnDelivery, DeliveryMethod::Courier)
        .apply(Command::CancelLine {
            line_no: 2,
            reason: "customer chose to drop it".into(),
        })
        .expect("allowed");
    assert_eq!(decision.order.total_minor(), 2 * 1500 + 490);
    assert_eq!(decision.effects, vec![Effect::ReleaseLine { line_no: 2 }]);
    let refused = decision.order.apply(Command::CancelLine {
        line_no: 1,
        reason: "x".into(),
    });
    assert_eq!(refused.map(|_| ()), Err(Refusal::LastLine));
}

fn commands() -> impl Strategy<Value = Command> {
    let hold_kind = prop::sample::select(HoldKind::ALL.to_vec());
    prop_oneof![
        Just(Command::Confirm),
        Just(Command::StartAssembly),
        Just(Command::MarkReady),
        Just(Command::HandOver {
            tracking_number: Some("T".into())
        }),
        Just(Command::Deliver),
        Just(Command::Close),
        Just(Command::Cancel { reason: "r".into() }),
        (1i64..4).prop_map(|line_no| Command::CancelLine {
            line_no,
            reason: "r".into()
        }),
        (-100i64..20_000, any::<bool>()).prop_map(|(amount_minor, overpayment)| {
            Command::RecordPayment {
                amount_minor,
                overpayment,
            }
        }),
        hold_kind.clone().prop_map(|kind| Command::PlaceHold(Hold {
            kind,
            reason: "r".into()
        })),
        hold_kind.prop_map(|kind| Command::ReleaseHold {
            kind,
            note: String::new()
        }),
        (1i64..4, 0i64..5000).prop_map(|(line_no, unit_price_minor)| Command::SubstituteLine {
            line_no,
            sku: "SUB".into(),
            unit_price_minor
        }),
        Just(Command::ChooseMethods {
            payment_mode: None,
            delivery_method: Some(DeliveryMethod::Courier),
            delivery_minor: Some(990),
        }),
        Just(Command::RequestReturn { reason: "r".into() }),
        prop::sample::select(ReturnOutcome::ALL.to_vec())
            .prop_map(|outcome| Command::ResolveReturn { outcome }),
    ]
}

proptest! {
    /// The lifecycle invariants hold under any sequence of commands.
    #[test]
    fn lifecycle_invariants(
        mode in prop::sample::select(PaymentMode::ALL.to_vec()),
        method in prop::sample::select(DeliveryMethod::ALL.to_vec()),
        script in prop::collection::vec(commands(), 0..40),
    ) {
        let mut order = placed(mode, method);
        for command in script {
            let before = order.clone();
            if let Ok(decision) = order.clone().apply(command) {
                // A cancelled or closed order never moves.
                prop_assert!(!before.stage.is_final());
                // Every change has a timeline event.
                if decision.order != before {
                    prop_assert!(!decision.events.is_empty());
                }
                order = decision.order;
            }
            // The total always equals the sum of the lines (and the delivery).
            let lines: i64 = order.lines.iter().filter(|l| l.status == LineStatus::Active).map(|l| l.quantity * l.unit_price_minor).sum();
            prop_assert_eq!(order.total_minor(), lines + order.delivery_minor);
            // There is always at least one line to deliver.
            prop_assert!(order.lines.iter().any(|l| l.status == LineStatus::Active));
            // Goods never leave unpaid unless paid on receipt (PY-1).
            if matches!(order.stage, Stage::InTransit | Stage::Delivered) && mode != PaymentMode::OnDelivery {
                prop_assert!(order.balance_minor() <= 0);
            }
            // A final order holds nothing.
            if order.stage == Stage::Cancelled {
                prop_assert!(order.holds.is_empty());
            }
        }
    }
}

fn in_transit() -> Order {
    run(
        placed(PaymentMode::OnDelivery, DeliveryMethod::Post),
        [
            Command::Confirm,
            Command::MarkReady,
            Command::HandOver {
                tracking_number: Some("RR123".into()),
            },
        ],
    )
    .expect("in transit")
}

#[test]
fn as2_a_discount_lowers_what_is_due_within_the_goods_price() {
    let order = placed(PaymentMode::OnDelivery, DeliveryMethod::Post);
    let before = order.total_minor();
    let discount = |amount_minor| Command::GrantDiscount {
        amount_minor,
        reason: "small pull in the knit".into(),
    };
    let cheaper = run(order.clone(), [discount(500)]).expect("granted");
    assert_eq!(cheaper.total_minor(), before - 500);
    assert_eq!(
        stage_after(order.clone(), vec![discount(0)]),
        Err("discount_out_of_range")
    );
    assert_eq!(
        stage_after(order, vec![discount(2 * 1500 + 4999 + 1)]),
        Err("discount_out_of_range")
    );
    assert_eq!(
        stage_after(in_transit(), vec![discount(100)]),
        Err("stage_forbids")
    );
}

#[test]
fn dl6_a_lost_parcel_is_resent_refunded_or_found() {
    let lost = run(
        in_transit(),
        [Command::PlaceHold(Hold {
            kind: HoldKind::Lost,
            reason: "the carrier lost it".into(),
        })],
    )
    .expect("lost");
    let resent = lost
        .clone()
        .apply(Command::Compensate {
            compensation: crate::fulfilment::Compensation::ResendNow,
        })
        .expect("resent");
    assert_eq!(resent.order.stage, Stage::Assembling);
    assert!(resent.order.holds.is_empty());
    assert_eq!(resent.effects, [Effect::ReserveAgain]);
    let by_courier = run(
        lost.clone(),
        [Command::Compensate {
            compensation: crate::fulfilment::Compensation::CourierAtShopCost,
        }],
    )
    .expect("courier");
    assert_eq!(by_courier.delivery_method, Some(DeliveryMethod::Courier));
    assert_eq!(
        stage_after(
            lost.clone(),
            vec![Command::Compensate {
                compensation: crate::fulfilment::Compensation::Refund
            }]
        ),
        Ok(Stage::Refunded)
    );
    // Found after all: delivery settles the hold.
    let found = run(lost, [Command::Deliver]).expect("delivered");
    assert_eq!(found.stage, Stage::Delivered);
    assert!(found.holds.is_empty());
    assert_eq!(
        stage_after(
            in_transit(),
            vec![Command::Compensate {
                compensation: crate::fulfilment::Compensation::Refund
            }]
        ),
        Err("not_on_hold")
    );
}

/// Payments, voids and refunds in any order, with the moves that settle an order between them.
fn money_commands() -> impl Strategy<Value = Command> {
    prop_oneof![
        (-100i64..12_000, any::<bool>()).prop_map(|(amount_minor, overpayment)| {
            Command::RecordPayment {
                amount_minor,
                overpayment,
            }
        }),
        (-100i64..12_000).prop_map(|amount_minor| Command::VoidPayment { amount_minor }),
        (-100i64..12_000, any::<bool>()).prop_map(|(amount_minor, overpayment)| {
            Command::Refund {
                amount_minor,
                overpayment,
            }
        }),
        Just(Command::Confirm),
        Just(Command::Cancel { reason: "r".into() }),
    ]
}

proptest! {
    /// PY-3: whatever the sequence, an order is never refunded more than was paid, and a
    /// settled order's stage does not move for a correction of its money.
    #[test]
    fn never_refunded_more_than_paid(script in prop::collection::vec(money_commands(), 0..60)) {
        let mut order = placed(PaymentMode::AfterConfirmation, DeliveryMethod::Post);
        let (mut received, mut voided, mut given_back) = (0i64, 0i64, 0i64);
        for command in script {
            let before = order.clone();
            let Ok(decision) = order.clone().apply(command.clone()) else {
                continue;
            };
            match command {
                Command::RecordPayment { amount_minor, .. } => received += amount_minor,
                Command::VoidPayment { amount_minor } => voided += amount_minor,
                Command::Refund { amount_minor, .. } => given_back += amount_minor,
                _ => {}
            }
            if before.stage.is_final() {
                prop_assert_eq!(decision.order.stage, before.stage);
            }
            order = decision.order;
            prop_assert!(given_back <= received - voided);
            prop_assert!(order.refunded_minor <= order.paid_minor);
            prop_assert_eq!(order.paid_minor - order.refunded_minor, received - voided - given_back);
        }
    }
}

#[test]
fn py3_a_payment_above_the_balance_is_refused_unless_marked_an_overpayment() {
    let order = placed(PaymentMode::AfterConfirmation, DeliveryMethod::Post);
    let total = order.total_minor();
    let pay = |amount_minor, overpayment| Command::RecordPayment {
        amount_minor,
        overpayment,
    };
    assert_eq!(
        order.clone().apply(pay(total + 1, false)).map(|d| d.order),
        Err(Refusal::PaymentAboveBalance {
            balance_minor: total
        })
    );
    let overpaid = run(order, [pay(total + 1000, true)]).expect("an overpayment, marked");
    assert_eq!(overpaid.payment_status(), PaymentStatus::Overpaid);
    // The overpayment is paid back, no more than it was.
    let back = |amount_minor| Command::Refund {
        amount_minor,
        overpayment: true,
    };
    assert_eq!(
        overpaid.clone().apply(back(1001)).map(|d| d.order),
        Err(Refusal::RefundAboveOverpayment {
            overpaid_minor: 1000
        })
    );
    let settled = run(overpaid, [back(1000)]).expect("paid back");
    assert_eq!(settled.payment_status(), PaymentStatus::Paid);
}

#[test]
fn py3_a_refund_after_a_return_settles_goods_and_a_void_takes_back_a_wrong_record() {
    let order = placed(PaymentMode::AfterConfirmation, DeliveryMethod::Post);
    let total = order.total_minor();
    let paid = run(
        order,
        [Command::RecordPayment {
            amount_minor: total,
            overpayment: false,
        }],
    )
    .expect("paid");
    let refund = |amount_minor| Command::Refund {
        amount_minor,
        overpayment: false,
    };
    let part = run(paid.clone(), [refund(1500)]).expect("one item refunded");
    assert_eq!(part.payment_status(), PaymentStatus::PartiallyRefunded);
    // A refund settles goods given back: nothing becomes due.
    assert_eq!(part.balance_minor(), 0);
    assert_eq!(
        part.clone().apply(refund(total)).map(|d| d.order),
        Err(Refusal::RefundAbovePaid {
            refundable_minor: total - 1500
        })
    );
    // Money already given back cannot be voided as never received.
    assert_eq!(
        part.apply(Command::VoidPayment {
            amount_minor: total
        })
        .map(|d| d.order),
        Err(Refusal::VoidAboveRefundable {
            refundable_minor: total - 1500
        })
    );
    let voided = run(
        paid,
        [Command::VoidPayment {
            amount_minor: total,
        }],
    )
    .expect("voided");
    assert_eq!(voided.payment_status(), PaymentStatus::Unpaid);
    assert_eq!(voided.balance_minor(), total);
}

proptest! {
    /// PY-1: an order being paid at checkout moves by no command, not even money recorded by
    /// hand: only the provider's word opens it.
    #[test]
    fn a_paying_order_takes_no_command(command in commands()) {
        let paying = Order {
            stage: Stage::Paying,
            ..order(PaymentMode::Prepaid, DeliveryMethod::Courier)
        };
        let refused = paying.apply(command);
        prop_assert!(
            matches!(refused, Err(Refusal::WrongStage { stage: Stage::Paying, .. })),
            "{:?}",
            refused
        );
    }
}
