//! The manager's task queue and the call-attempt policy (CF-1..4, PY-2, PY-4, ST-1).

use domain::access::Permission;
use domain::confirmation::{CallOutcome, Next, after_call};
use domain::orders::{
    CONFIRM_BY_LINK, Command, DeliveryMethod, Event, Hold, HoldKind, PaymentMode, Stage,
};
use domain::settings::ShopSettings;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::order_row::row_has;
use crate::kernel::timeline;
use crate::kernel::views::timestamp;
use crate::kernel::{Context, jobs, tasks};
use crate::messaging::Reach;
use crate::{Error, Result, Shop};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaskView {
    pub id: i64,
    /// The order the task is about; none for a task about the whole shop, such as `reorder`.
    pub order_number: Option<i64>,
    /// `confirm_call`, `clarify_data`, `payment_help`, `customer_choice`, `lost_parcel`,
    /// `refund_help`, `send_right_item`, `answer_review` or `reorder`.
    pub kind: String,
    /// `open`, `done`, `gave_up` or `cancelled`.
    pub state: String,
    #[schema(value_type = String, format = DateTime)]
    pub due_at: jiff::Timestamp,
    pub priority: i64,
    pub assignee: Option<String>,
    pub reason: String,
    pub attempts: i64,
}

/// A call or another try to reach the customer, as the manager reports it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct AttemptInput {
    /// `reached_confirmed`, `reached_with_changes`, `no_answer`, `busy` or `wrong_number`.
    pub outcome: String,
    #[serde(default)]
    pub note: String,
    /// What the customer chose on the phone, when it was missing (CK-2).
    pub payment_mode: Option<String>,
    pub delivery_method: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttemptAnswer {
    pub task: TaskView,
    /// When the next call is due, if there is one.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_call_at: Option<jiff::Timestamp>,
    /// The order is held until then and cancelled only if nobody answers by then.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub held_until: Option<jiff::Timestamp>,
}

fn task_view(row: store::backoffice::tasks::TaskRow) -> Result<TaskView> {
    Ok(TaskView {
        id: row.id,
        order_number: row.order_id,
        kind: row.kind,
        state: row.state,
        due_at: timestamp(row.due_at)?,
        priority: row.priority,
        assignee: row.assignee,
        reason: row.reason,
        attempts: row.attempts,
    })
}

impl Shop {
    /// Open tasks, the most urgent first; with `due_now`, only those due by now.
    pub async fn tasks(&self, actor: &Actor, due_now: bool, kind: &str) -> Result<Vec<TaskView>> {
        actor.require(Permission::ManageOrders)?;
        let due_by = if due_now {
            store::to_millis(self.now())
        } else {
            i64::MAX
        };
        let mut conn = self.store.read().await?;
        store::backoffice::tasks::due(&mut conn, due_by, kind.trim(), 200)
            .await?
            .into_iter()
            .map(task_view)
            .collect()
    }

    pub async fn tasks_of_order(&self, number: i64) -> Result<Vec<TaskView>> {
        let mut conn = self.store.read().await?;
        store::backoffice::tasks::of_order(&mut conn, number)
            .await?
            .into_iter()
            .map(task_view)
            .collect()
    }

    /// Records a call (CF-3, CF-4): a confirmation confirms the order; an unanswered call is
    /// followed by a message saying when the next one comes; after the last one the order is
    /// held until a date, then cancelled by a job; a wrong number sends the confirmation link by
    /// email.
    pub async fn record_attempt(
        &self,
        actor: &Actor,
        task_id: i64,
        input: &AttemptInput,
    ) -> Result<AttemptAnswer> {
        actor.require(Permission::ManageOrders)?;
        let outcome = CallOutcome::parse(&input.outcome).field("outcome")?;
        let note = domain::orders::parse_note(&input.note).field("note")?;
        let payment_mode = input
            .payment_mode
            .as_deref()
            .map(PaymentMode::parse)
            .transpose()
            .field("payment_mode")?;
        let delivery_method = input
            .delivery_method
            .as_deref()
            .map(DeliveryMethod::parse)
            .transpose()
            .field("delivery_method")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let order_id = store::backoffice::tasks::get(&mut tx, task_id)
            .await?
            .ok_or(Error::NotFound { what: "task" })?
            .order_id
            .ok_or(Error::Conflict {
                code: "not_a_call",
                message: "this task is about the shop, not an order: there is nobody to call"
                    .into(),
            })?;
        // Two managers reporting at once queue behind the order's lock and see each other's call.
        store::orders::lock(&mut tx, order_id).await?;
        let task = store::backoffice::tasks::get(&mut tx, task_id)
            .await?
            .ok_or(Error::NotFound { what: "task" })?;
        if task.state != "open" {
            return Err(Error::Conflict {
                code: "task_closed",
                message: format!("this task is already {}", task.state),
            });
        }
        let attempt = store::backoffice::tasks::AttemptRow {
            task_id,
            at: ctx.now_ms(),
            actor: actor.name.clone(),
            outcome: outcome.as_str().into(),
            note: note.clone(),
        };
        store::backoffice::tasks::add_attempt(&mut tx, &attempt).await?;
        let failed = store::backoffice::tasks::attempts_of(&mut tx, task_id)
            .await?
            .iter()
            .filter(|a| matches!(a.outcome.as_str(), "no_answer" | "busy"))
            .count();
        let call = Event::CallAttempted {
            outcome: outcome.as_str().into(),
            note: note.clone(),
        };
        let confirms = matches!(
            task.kind.as_str(),
            tasks::CONFIRM_CALL | tasks::CLARIFY_DATA
        );
        let (mut next_call_at, mut held_until) = (None, None);
        let row = store::orders::get(&mut tx, order_id)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let mut events = vec![call];
        match after_call(outcome, failed, settings.calls.attempts) {
            Next::Confirm if confirms => {
                let mut commands = method_commands(&settings, &row, payment_mode, delivery_method)?;
                commands.push(Command::Confirm);
                let reason = (!note.is_empty()).then_some(note.as_str());
                timeline::append(&mut tx, row.id, &events, ctx.now_ms(), actor, None).await?;
                self.change(&mut tx, row.id, &commands, actor, reason, &ctx)
                    .await?;
                events.clear();
            }
            Next::Confirm => {
                store::backoffice::tasks::close_for_order(
                    &mut tx,
                    row.id,
                    &[task.kind.as_str()],
                    "done",
                    ctx.now_ms(),
                )
                .await?
            }
            Next::CallAgain => {
                let at = ctx.calendar.next_call_at(ctx.now, failed);
                store::backoffice::tasks::reschedule(&mut tx, task_id, store::to_millis(at))
                    .await?;
                // CF-3: the customer is told when the next call comes; never asked to call back.
                let extra = json!({"next_call_at": ctx.local_text(at)});
                events.extend(
                    crate::messaging::message(
                        &mut tx,
                        &row,
                        "missed_call",
                        Reach::Preferred,
                        extra,
                        &ctx,
                    )
                    .await?,
                );
                next_call_at = Some(at);
            }
            Next::HoldThenCancel => {
                let (said, until) = hold_then_cancel(&mut tx, &row, &task.kind, &ctx).await?;
                events.extend(said);
                held_until = Some(until);
            }
            Next::OtherChannel => {
                // CF-4: the number is wrong; the link goes to the email of the card.
                let at = ctx
                    .calendar
                    .next_call_at(ctx.now, settings.calls.retry_minutes.len() + 1);
                store::backoffice::tasks::reschedule(&mut tx, task_id, store::to_millis(at))
                    .await?;
                if row.email.is_some() && row.stage == Stage::Confirming.as_str() {
                    // A plain confirmation call can be answered by the link instead; data to
                    // clarify still needs a person.
                    if task.kind == tasks::CONFIRM_CALL && row_has(&row, HoldKind::NeedsCall)? {
                        let switch = [
                            Command::ReleaseHold {
                                kind: HoldKind::NeedsCall,
                                note: "wrong number".into(),
                            },
                            Command::PlaceHold(Hold {
                                kind: HoldKind::WaitingForCustomer,
                                reason: CONFIRM_BY_LINK.into(),
                            }),
                        ];
                        timeline::append(&mut tx, row.id, &events, ctx.now_ms(), actor, None)
                            .await?;
                        events.clear();
                        self.change(&mut tx, row.id, &switch, actor, None, &ctx)
                            .await?;
                    }
                    events.extend(
                        crate::messaging::message(
                            &mut tx,
                            &row,
                            "confirmation_request",
                            Reach::Only(domain::messaging::Channel::Email),
                            json!({}),
                            &ctx,
                        )
                        .await?,
                    );
                }
                next_call_at = Some(at);
            }
        }
        timeline::append(&mut tx, row.id, &events, ctx.now_ms(), actor, None).await?;
        let task = store::backoffice::tasks::get(&mut tx, task_id)
            .await?
            .ok_or(Error::NotFound { what: "task" })?;
        tx.commit().await?;
        Ok(AttemptAnswer {
            task: task_view(task)?,
            next_call_at,
            held_until,
        })
    }
}

/// The methods chosen on the call, as a command, with the delivery price of the method.
fn method_commands(
    settings: &ShopSettings,
    row: &store::orders::OrderRow,
    payment_mode: Option<PaymentMode>,
    delivery_method: Option<DeliveryMethod>,
) -> Result<Vec<Command>> {
    if payment_mode.is_none() && delivery_method.is_none() {
        return Ok(Vec::new());
    }
    let door = delivery_method.is_some_and(DeliveryMethod::needs_address);
    if door && row.address_line.is_none() {
        return Err(Error::field(
            "delivery_method",
            "address_missing",
            "door delivery needs an address; the order has none",
        ));
    }
    let delivery_minor = match delivery_method {
        Some(method) => Some(
            settings
                .delivery_price(method, row.subtotal_minor)
                .ok_or_else(|| {
                    Error::field(
                        "delivery_method",
                        "delivery_method_not_offered",
                        "the shop does not offer this delivery method",
                    )
                })?,
        ),
        None => None,
    };
    Ok(vec![Command::ChooseMethods {
        payment_mode,
        delivery_method,
        delivery_minor,
    }])
}

/// After the last call nobody answered (CF-3): the task is given up, the customer told until
/// when the order is held, and a job ends the hold the way the order's stage does.
async fn hold_then_cancel(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    task_kind: &str,
    ctx: &Context<'_>,
) -> Result<(Vec<Event>, Timestamp)> {
    let until = ctx
        .calendar
        .hold_until(ctx.now, ctx.settings.calls.hold_days);
    store::backoffice::tasks::close_for_order(tx, row.id, &[task_kind], "gave_up", ctx.now_ms())
        .await?;
    let extra = json!({"held_until": ctx.local_text(until)});
    let said = crate::messaging::message(tx, row, "order_held", Reach::Every, extra, ctx).await?;
    let job = if row.stage == Stage::Confirming.as_str() {
        jobs::CONFIRMATION_EXPIRY
    } else {
        jobs::PAYMENT_CANCEL
    };
    jobs::schedule(tx, job, row.id, until, ctx).await?;
    Ok((said, until))
}
