//! The lifecycle's one move: a command applied to an order.

use super::{
    CONFIRM_BY_LINK, Command, Decision, DeliveryMethod, Effect, Event, HoldKind, LineStatus, Order,
    PaymentMode, Refusal, ReturnOutcome, Stage,
};

impl Order {
    /// Applies one command: the guard and the change live together.
    // Long on purpose: one match over the commands, so the (stage, command) table reads in one place.
    pub fn apply(self, command: Command) -> Result<Decision, Refusal> {
        // PY-1: an order being paid online waits for the provider's word, and nothing else.
        if self.stage == Stage::Paying {
            return Err(Refusal::WrongStage {
                action: command.name(),
                stage: Stage::Paying,
            });
        }
        if self.stage.is_final() && !command.corrects_money() {
            return Err(Refusal::Final { stage: self.stage });
        }
        let stage = self.stage;
        let action = command.name();
        let wrong_stage = || Refusal::WrongStage { action, stage };
        let only_when = |allowed: bool| if allowed { Ok(()) } else { Err(wrong_stage()) };
        let mut decision = Decision {
            order: self,
            events: Vec::new(),
            effects: Vec::new(),
        };
        match command {
            Command::Confirm => {
                only_when(matches!(stage, Stage::Placed | Stage::Confirming))?;
                if decision.order.payment_mode.is_none() || decision.order.delivery_method.is_none()
                {
                    return Err(Refusal::MethodsMissing);
                }
                // Confirming is what the call, or the link sent instead of it, was for (CF-2, CF-4).
                decision.release(HoldKind::NeedsCall, "confirmed");
                if decision
                    .order
                    .holds
                    .iter()
                    .any(|h| h.kind == HoldKind::WaitingForCustomer && h.reason == CONFIRM_BY_LINK)
                {
                    decision.release(HoldKind::WaitingForCustomer, "confirmed");
                }
                decision.require_no_holds()?;
                let unpaid_invoice = decision.order.payment_mode
                    == Some(PaymentMode::AfterConfirmation)
                    && decision.order.balance_minor() > 0;
                decision.move_to(if unpaid_invoice {
                    Stage::AwaitingPayment
                } else {
                    Stage::Assembling
                });
            }
            Command::StartAssembly => {
                only_when(stage == Stage::AwaitingPayment)?;
                decision.require_no_holds()?;
                decision.require_paid()?;
                decision.move_to(Stage::Assembling);
            }
            Command::MarkReady => {
                only_when(stage == Stage::Assembling)?;
                decision.require_no_holds()?;
                decision.move_to(Stage::Ready);
            }
            Command::HandOver {
                ref tracking_number,
            } => {
                only_when(stage == Stage::Ready && !decision.order.is_self_pickup())?;
                decision.require_no_holds()?;
                decision.require_paid_unless_on_delivery()?;
                if let Some(number) = tracking_number {
                    decision.events.push(Event::TrackingRecorded {
                        tracking_number: number.clone(),
                    });
                }
                decision.effects.push(Effect::ConsumeReservations);
                decision.move_to(Stage::InTransit);
            }
            Command::Deliver => {
                let self_pickup = decision.order.is_self_pickup();
                match stage {
                    // Delivered settles a delay or a loss the carrier reported (DL-6).
                    Stage::InTransit => {
                        decision.release(HoldKind::Delayed, "delivered");
                        decision.release(HoldKind::Lost, "delivered");
                    }
                    Stage::Ready if self_pickup => {
                        decision.require_no_holds()?;
                        decision.require_paid_unless_on_delivery()?;
                        decision.effects.push(Effect::ConsumeReservations);
                    }
                    _ => return Err(wrong_stage()),
                }
                decision.move_to(Stage::Delivered);
            }
            Command::Close => {
                only_when(stage == Stage::Delivered)?;
                // PY-5: an order paid on receipt closes only once the money is recorded.
                decision.require_paid()?;
                decision.move_to(Stage::Closed);
            }
            Command::Cancel { reason } => {
                only_when(stage.can_cancel())?;
                decision.events.push(Event::Cancelled { reason });
                decision.order.holds.clear();
                decision.effects.push(Effect::ReleaseReservations);
                decision.move_to(Stage::Cancelled);
            }
            Command::CancelLine { line_no, reason } => {
                only_when(matches!(
                    stage,
                    Stage::Placed | Stage::Confirming | Stage::AwaitingPayment | Stage::Assembling
                ))?;
                let active = decision
                    .order
                    .lines
                    .iter()
                    .filter(|l| l.status == LineStatus::Active)
                    .count();
                let line = decision.order.active_line_mut(line_no)?;
                if active == 1 {
                    return Err(Refusal::LastLine);
                }
                line.status = LineStatus::Cancelled;
                decision
                    .events
                    .push(Event::LineCancelled { line_no, reason });
                decision.effects.push(Effect::ReleaseLine { line_no });
            }
            Command::RecordPayment {
                amount_minor,
                overpayment,
            } => {
                if amount_minor <= 0 {
                    return Err(Refusal::PaymentNotPositive);
                }
                let balance_minor = decision.order.balance_minor().max(0);
                if amount_minor > balance_minor && !overpayment {
                    return Err(Refusal::PaymentAboveBalance { balance_minor });
                }
                decision.order.paid_minor += amount_minor;
                decision.events.push(Event::PaymentRecorded {
                    amount_minor,
                    paid_minor: decision.order.paid_minor,
                    balance_minor: decision.order.balance_minor(),
                });
                if decision.order.balance_minor() <= 0 {
                    decision.release(HoldKind::PaymentProblem, "paid");
                }
                // The goods leave after payment (PY-1): a settled invoice starts assembly.
                if stage == Stage::AwaitingPayment
                    && decision.order.balance_minor() <= 0
                    && decision.order.holds.is_empty()
                {
                    decision.move_to(Stage::Assembling);
                }
            }
            Command::VoidPayment { amount_minor } => {
                if amount_minor <= 0 {
                    return Err(Refusal::PaymentNotPositive);
                }
                let refundable_minor = decision.order.refundable_minor();
                if amount_minor > refundable_minor {
                    return Err(Refusal::VoidAboveRefundable { refundable_minor });
                }
                decision.order.paid_minor -= amount_minor;
                decision.events.push(Event::PaymentVoided {
                    amount_minor,
                    paid_minor: decision.order.paid_minor,
                    balance_minor: decision.order.balance_minor(),
                });
            }
            Command::Refund {
                amount_minor,
                overpayment,
            } => {
                if amount_minor <= 0 {
                    return Err(Refusal::PaymentNotPositive);
                }
                let order = &mut decision.order;
                if overpayment {
                    let overpaid_minor = order.overpaid_minor();
                    if amount_minor > overpaid_minor {
                        return Err(Refusal::RefundAboveOverpayment { overpaid_minor });
                    }
                    order.paid_minor -= amount_minor;
                } else {
                    let refundable_minor = order.refundable_minor();
                    if amount_minor > refundable_minor {
                        return Err(Refusal::RefundAbovePaid { refundable_minor });
                    }
                    order.refunded_minor += amount_minor;
                }
                decision.events.push(Event::RefundMade {
                    amount_minor,
                    refunded_minor: decision.order.refunded_minor,
                    overpayment,
                });
            }
            Command::PlaceHold(hold) => {
                if decision.order.has_hold(hold.kind) {
                    return Err(Refusal::AlreadyOnHold { kind: hold.kind });
                }
                decision.hold(hold);
            }
            Command::ReleaseHold { kind, note } => {
                if !decision.release(kind, &note) {
                    return Err(Refusal::NotOnHold { kind });
                }
            }
            Command::RequestReturn { reason } => {
                only_when(stage == Stage::Delivered)?;
                decision.events.push(Event::ReturnRequested { reason });
                decision.move_to(Stage::ReturnRequested);
            }
            Command::SubstituteLine {
                line_no,
                sku,
                unit_price_minor,
            } => {
                only_when(matches!(stage, Stage::Placed | Stage::Confirming))?;
                let line = decision.order.active_line_mut(line_no)?;
                let price_difference_minor =
                    (unit_price_minor - line.unit_price_minor) * line.quantity;
                line.unit_price_minor = unit_price_minor;
                decision.events.push(Event::LineSubstituted {
                    line_no,
                    sku,
                    price_difference_minor,
                });
            }
            Command::ChooseMethods {
                payment_mode,
                delivery_method,
                delivery_minor,
            } => {
                only_when(matches!(stage, Stage::Placed | Stage::Confirming))?;
                if let Some(price) = delivery_minor {
                    decision.order.delivery_minor = price;
                }
                decision.order.payment_mode = payment_mode.or(decision.order.payment_mode);
                decision.order.delivery_method = delivery_method.or(decision.order.delivery_method);
                decision.events.push(Event::MethodsChosen {
                    payment_mode,
                    delivery_method,
                });
            }
            Command::GrantDiscount {
                amount_minor,
                reason,
            } => {
                only_when(stage.can_cancel())?;
                let room = decision.order.subtotal_minor() - decision.order.discount_minor;
                if amount_minor <= 0 || amount_minor > room {
                    return Err(Refusal::DiscountOutOfRange);
                }
                decision.order.discount_minor += amount_minor;
                decision.events.push(Event::DiscountGranted {
                    amount_minor,
                    reason,
                });
            }
            Command::Compensate { compensation } => {
                use crate::fulfilment::Compensation;
                only_when(stage == Stage::InTransit)?;
                if !decision.order.has_hold(HoldKind::Lost) {
                    return Err(Refusal::NotOnHold {
                        kind: HoldKind::Lost,
                    });
                }
                decision.events.push(Event::Compensated { compensation });
                decision.release(HoldKind::Lost, compensation.as_str());
                decision.release(HoldKind::Delayed, compensation.as_str());
                match compensation {
                    Compensation::Refund => decision.move_to(Stage::Refunded),
                    Compensation::ResendNow | Compensation::CourierAtShopCost => {
                        if compensation == Compensation::CourierAtShopCost {
                            decision.order.delivery_method = Some(DeliveryMethod::Courier);
                        }
                        decision.effects.push(Effect::ReserveAgain);
                        decision.move_to(Stage::Assembling);
                    }
                }
            }
            Command::ResolveReturn { outcome } => {
                only_when(stage == Stage::ReturnRequested)?;
                decision.effects.push(Effect::RestockReturn);
                decision.move_to(match outcome {
                    ReturnOutcome::Returned => Stage::Returned,
                    ReturnOutcome::Replaced => Stage::Replaced,
                    ReturnOutcome::Refunded => Stage::Refunded,
                });
            }
        }
        Ok(decision)
    }
}
