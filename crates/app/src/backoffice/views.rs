//! What the back office's pages show beyond a single use case: the order list with all its
//! filters, an order with the moves its stage allows, the owner's and managers' dashboard, and
//! the call queue.

use domain::access::Permission;
use domain::orders::{
    Command, DeliveryMethod, Hold, HoldKind, Order, PaymentMode, Refusal, ReturnOutcome, Stage,
};
use jiff::Timestamp;
use serde::Deserialize;

use crate::access::{Actor, order_scope, require_order};
use crate::backoffice::ProcessingDay;
use crate::backoffice::TaskView;
use crate::kernel::error::FieldResult;
use crate::kernel::views::{OrderSummary, currency, order_summary, timestamp};
use crate::messaging::MessageView;
use crate::orders::{OrderView, order_state, permission_for};
use crate::{Error, MoneyView, Result, Shop};

/// Orders on one page of the list.
pub const PAGE_SIZE: i64 = 25;

/// The order list's filters as a page sends them; empty means any.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OrderQuery {
    pub stage: String,
    pub hold: String,
    pub channel: String,
    pub payment: String,
    pub delivery: String,
    /// An order number, or part of a name, phone or email.
    pub q: String,
    /// From 1.
    pub page: i64,
}

pub struct OrderList {
    pub orders: Vec<OrderSummary>,
    pub page: i64,
    /// Another page follows.
    pub more: bool,
    /// The channels orders came from, to filter by.
    pub channels: Vec<String>,
}

/// A move the order's stage allows and the person may make. A hold still in the way is
/// answered with the refusal when the move is tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// As `orders::parse_move` reads it, such as `start-assembly`.
    pub action: &'static str,
    /// The hold a `release-hold` ends.
    pub hold: Option<&'static str>,
}

pub struct OrderPage {
    pub order: OrderView,
    pub tasks: Vec<TaskView>,
    pub messages: Vec<MessageView>,
    pub moves: Vec<Move>,
    /// The holds a `hold` move may place.
    pub holds_to_place: Vec<&'static str>,
    /// Money received, refunds, voids and failed attempts, oldest first (PY-1, PY-4), for those
    /// who manage orders.
    pub payments: Vec<crate::orders::PaymentRecord>,
    /// This person may record a payment now.
    pub can_record_payment: bool,
    /// The ways the shop takes money and gives it back.
    pub methods: Vec<String>,
    /// What this person may refund now, if anything (PY-3).
    pub refund: Option<RefundOffer>,
    /// This person may cancel a single line now (ST-1).
    pub can_cancel_lines: bool,
    /// What this person may still edit of the customer's details and the delivery.
    pub editable: domain::orders::Editable,
}

/// What an order may still give back: lines with the units not refunded yet, the delivery if
/// not refunded, the money held and any overpayment.
pub struct RefundOffer {
    pub lines: Vec<RefundableLine>,
    pub delivery: Option<MoneyView>,
    pub refundable: MoneyView,
    pub overpaid: Option<MoneyView>,
}

pub struct RefundableLine {
    pub line_no: i64,
    pub title: String,
    pub unit_price: MoneyView,
    /// Units not refunded yet.
    pub left: i64,
    /// Units the customer sent back that are not refunded yet: what the form proposes (AF-1).
    pub returned: i64,
}

/// A day whose cash on delivery does not add up (PY-5).
pub struct CashGap {
    pub day: String,
    /// Cash the couriers still hold.
    pub held: MoneyView,
    /// Orders where what was collected differs from what was due.
    pub orders: i64,
}

/// Parcels delivered on a day, and how many by the last day promised (DL-5).
#[derive(Debug, Clone)]
pub struct OnTimeDay {
    pub date: String,
    pub delivered: i64,
    pub on_time: i64,
}

/// An invoice past its deadline (PY-2).
pub struct OverduePayment {
    pub number: i64,
    pub customer_name: String,
    pub balance: MoneyView,
    pub due_at: Timestamp,
}

pub struct Dashboard {
    /// Orders placed today, by the stage they are in now, in lifecycle order.
    pub today: Vec<(&'static str, i64)>,
    pub tasks_due: i64,
    /// The most urgent tasks due now.
    pub next_tasks: Vec<TaskView>,
    pub overdue: Vec<OverduePayment>,
    /// The last 30 days, oldest first, every day present (CF-5).
    pub days: Vec<ProcessingDay>,
    /// Orders on a `delayed` or `lost` hold (DL-6).
    pub delayed: Vec<OrderSummary>,
    /// The last week's days whose cash does not add up (PY-5).
    pub cash_gaps: Vec<CashGap>,
    /// The last 30 days, oldest first, every day present (DL-5).
    pub on_time: Vec<OnTimeDay>,
    /// Visitors' messages past their due time, unanswered (SU-1).
    pub inquiries: crate::support::OverdueInquiries,
    /// Variants at or below their low-stock threshold, one line each: time to reorder (ST-2).
    pub low_stock: Vec<crate::catalog::LevelView>,
}

/// The next call with what to confirm (CF-1), and the calls after it.
pub struct CallQueue {
    pub next: Option<(TaskView, OrderView)>,
    pub waiting: Vec<TaskView>,
}

/// Days the dashboard's charts cover.
const CHART_DAYS: i16 = 30;
/// Days the dashboard looks back for cash that does not add up.
const CASH_DAYS: i16 = 7;
/// Delayed parcels the dashboard lists.
const DELAYED_SHOWN: i64 = 20;

/// Checks an optional filter value with the domain's parser, naming the field.
fn check<T>(field: &str, raw: &str, parse: fn(&str) -> Result<T, domain::Invalid>) -> Result<()> {
    if !raw.is_empty() {
        parse(raw).field(field)?;
    }
    Ok(())
}

/// The moves the domain would not refuse for the stage alone, among those the actor may make.
fn moves(actor: &Actor, order: &domain::orders::Order) -> Vec<Move> {
    let placeholder = || "-".to_owned();
    let mut candidates: Vec<(Command, Option<&'static str>)> = vec![
        (Command::Confirm, None),
        (Command::StartAssembly, None),
        (Command::MarkReady, None),
        (
            Command::HandOver {
                tracking_number: None,
            },
            None,
        ),
        (Command::Deliver, None),
        (Command::Close, None),
        (
            Command::RequestReturn {
                reason: placeholder(),
            },
            None,
        ),
        (
            Command::ResolveReturn {
                outcome: ReturnOutcome::Returned,
            },
            None,
        ),
        (
            Command::Cancel {
                reason: placeholder(),
            },
            None,
        ),
    ];
    for hold in &order.holds {
        candidates.push((
            Command::ReleaseHold {
                kind: hold.kind,
                note: String::new(),
            },
            Some(hold.kind.as_str()),
        ));
    }
    if let Some(kind) = HoldKind::ALL.iter().find(|k| !order.has_hold(**k)) {
        candidates.push((
            Command::PlaceHold(Hold {
                kind: *kind,
                reason: placeholder(),
            }),
            None,
        ));
    }
    candidates
        .into_iter()
        .filter(|(command, _)| actor.role.may(permission_for(command)))
        .filter(|(command, _)| {
            !matches!(
                order.clone().apply(command.clone()),
                Err(Refusal::WrongStage { .. } | Refusal::Final { .. })
            )
        })
        .map(|(command, hold)| Move {
            action: command.name(),
            hold,
        })
        .collect()
}

/// Deliveries per local day from `first` on, every day present, and how many arrived by the
/// last day promised (DL-5). A parcel with no promise counts as delivered, not as on time.
fn on_time_days(
    calendar: &domain::calendar::Calendar<'_>,
    first: jiff::civil::Date,
    delivered: &[store::fulfilment::DeliveredRow],
) -> Result<Vec<OnTimeDay>> {
    let mut days: Vec<OnTimeDay> = first
        .series(jiff::Span::new().days(1))
        .take(usize::try_from(CHART_DAYS).unwrap_or_default())
        .map(|day| OnTimeDay {
            date: day.to_string(),
            delivered: 0,
            on_time: 0,
        })
        .collect();
    for row in delivered {
        let date = calendar.local(timestamp(row.delivered_at)?).date();
        let kept = row
            .promise_latest
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .is_some_and(|latest| date <= latest);
        if let Some(day) = days.iter_mut().find(|d| d.date == date.to_string()) {
            day.delivered += 1;
            day.on_time += i64::from(kept);
        }
    }
    Ok(days)
}

impl Shop {
    /// One page of orders matching the filters, newest first.
    pub async fn order_list(&self, actor: &Actor, query: &OrderQuery) -> Result<OrderList> {
        actor.require(Permission::Read)?;
        check("stage", &query.stage, Stage::parse)?;
        check("hold", &query.hold, HoldKind::parse)?;
        check("payment", &query.payment, PaymentMode::parse)?;
        check("delivery", &query.delivery, DeliveryMethod::parse)?;
        let page = query
            .page
            .clamp(1, crate::kernel::listing::MAX_OFFSET / PAGE_SIZE);
        let q = crate::kernel::listing::search_words("q", &query.q)?;
        let mut conn = self.store.read().await?;
        let Some(scope) = order_scope(&mut conn, actor).await?.filter() else {
            return Ok(OrderList {
                orders: Vec::new(),
                page,
                more: false,
                channels: Vec::new(),
            });
        };
        let filter = store::backoffice::OrderFilter {
            stage: query.stage.trim(),
            hold: query.hold.trim(),
            channel: query.channel.trim(),
            payment_mode: query.payment.trim(),
            delivery_method: query.delivery.trim(),
            q,
            scope,
            limit: PAGE_SIZE + 1,
            offset: (page - 1) * PAGE_SIZE,
        };
        let mut orders = store::backoffice::orders(&mut conn, &filter)
            .await?
            .into_iter()
            .map(order_summary)
            .collect::<Result<Vec<_>>>()?;
        let more = orders.len() > PAGE_SIZE as usize;
        orders.truncate(PAGE_SIZE as usize);
        let channels = store::backoffice::channels(&mut conn).await?;
        Ok(OrderList {
            orders,
            page,
            more,
            channels,
        })
    }

    /// The order with its tasks and messages, and the moves this person may make now.
    pub async fn order_page(&self, actor: &Actor, number: i64) -> Result<OrderPage> {
        let mut conn = self.store.read().await?;
        require_order(&mut conn, actor, number).await?;
        let row = store::orders::get(&mut conn, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let lines = store::orders::lines(&mut conn, number).await?;
        let payments = store::orders::payments::of_order(&mut conn, number).await?;
        let packed = store::fulfilment::parcel(&mut conn, number)
            .await?
            .is_some();
        let returned = store::after_sale::returns::of_order(&mut conn, number)
            .await?
            .map(|(_, lines)| lines)
            .unwrap_or_default();
        drop(conn);
        let state = order_state(&row, &lines)?;
        let manages = actor.role.may(Permission::ManageOrders);
        let currency = currency(&row.currency)?;
        let payments = if manages {
            crate::orders::payment_records(payments, currency)?
        } else {
            Vec::new()
        };
        let refund = if manages {
            refund_offer(&state, &lines, &returned, &payments, currency)
        } else {
            None
        };
        let stage_allows = |command: Command| {
            !matches!(
                state.clone().apply(command),
                Err(Refusal::WrongStage { .. } | Refusal::Final { .. })
            )
        };
        let can_record_payment = manages
            && row.paid_minor < row.total_minor
            && stage_allows(Command::RecordPayment {
                amount_minor: 1,
                overpayment: true,
            });
        let can_cancel_lines = manages
            && lines.iter().filter(|l| l.status == "active").count() > 1
            && stage_allows(Command::CancelLine {
                line_no: lines.first().map_or(1, |l| l.line_no),
                reason: "-".into(),
            });
        let (tasks, messages) = if manages {
            let filter = store::messaging::Filter {
                order_id: number,
                customer_id: 0,
                status: "",
                limit: 200,
                offset: 0,
            };
            (
                self.tasks_of_order(number).await?,
                self.messages(actor, &filter).await?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(OrderPage {
            moves: moves(actor, &state),
            holds_to_place: HoldKind::ALL
                .iter()
                .filter(|k| !state.has_hold(**k))
                .map(|k| k.as_str())
                .collect(),
            order: self.order(number).await?.seen_by(actor),
            tasks,
            messages,
            payments,
            can_record_payment,
            methods: self.payment_methods().await?,
            refund,
            can_cancel_lines,
            editable: if manages {
                state.stage.editable(packed)
            } else {
                domain::orders::Editable::Nothing
            },
        })
    }

    /// Today's orders, what is due, overdue invoices, and the last 30 days (owner, managers).
    pub async fn dashboard(&self, actor: &Actor) -> Result<Dashboard> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let calendar = domain::calendar::Calendar::of(&settings);
        let now = self.now();
        let today = calendar.local(now).date();
        let zone = jiff::tz::TimeZone::get(&settings.time_zone)
            .map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let midnight = now
            .to_zoned_datetime(zone)
            .start_of_day()
            .map_err(|e| store::Error::Corrupt(e.to_string()))?
            .timestamp();
        let first = today
            .checked_sub(jiff::Span::new().days(CHART_DAYS - 1))
            .map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let reported = self
            .processing_report(actor, &first.to_string(), &today.to_string())
            .await?;
        let days = first
            .series(jiff::Span::new().days(1))
            .take(usize::try_from(CHART_DAYS).unwrap_or_default())
            .map(|day| {
                let date = day.to_string();
                reported
                    .iter()
                    .find(|d| d.date == date)
                    .cloned()
                    .unwrap_or(ProcessingDay {
                        date,
                        placed: 0,
                        processed_same_day: 0,
                        same_day_share: 0.0,
                    })
            })
            .collect();
        let now_ms = store::to_millis(now);
        let mut conn = self.store.read().await?;
        let by_stage =
            store::backoffice::stages_since(&mut conn, store::to_millis(midnight)).await?;
        let tasks_due = store::backoffice::tasks_due(&mut conn, now_ms).await?;
        let inquiries = self.overdue_inquiries(&mut conn).await?;
        let overdue = store::backoffice::overdue_payments(&mut conn, now_ms, 20)
            .await?
            .into_iter()
            .map(|row| {
                Ok(OverduePayment {
                    number: row.id,
                    customer_name: row.customer_name,
                    balance: MoneyView::new(
                        row.total_minor - row.paid_minor,
                        currency(&row.currency)?,
                    ),
                    due_at: timestamp(row.payment_due_at)?,
                })
            })
            .collect::<Result<_>>()?;
        let mut delayed = Vec::new();
        for hold in [HoldKind::Delayed, HoldKind::Lost] {
            let filter = store::backoffice::OrderFilter {
                stage: "",
                hold: hold.as_str(),
                channel: "",
                payment_mode: "",
                delivery_method: "",
                q: "",
                scope: store::orders::Scope::Every,
                limit: DELAYED_SHOWN,
                offset: 0,
            };
            for row in store::backoffice::orders(&mut conn, &filter).await? {
                delayed.push(order_summary(row)?);
            }
        }
        delayed.sort_by_key(|o| o.number);
        delayed.dedup_by_key(|o| o.number);
        let first_ms = store::to_millis(
            first
                .to_zoned_datetime(calendar.tz.clone())
                .map_err(|e| store::Error::Corrupt(e.to_string()))?
                .timestamp(),
        );
        let delivered = store::fulfilment::delivered_since(&mut conn, first_ms).await?;
        drop(conn);
        let on_time = on_time_days(&calendar, first, &delivered)?;
        let mut cash_gaps = Vec::new();
        for back in 0..CASH_DAYS {
            let day = today
                .checked_sub(jiff::Span::new().days(back))
                .map_err(|e| store::Error::Corrupt(e.to_string()))?;
            let report = self.cash_report(actor, &day.to_string()).await?;
            if !report.balanced {
                cash_gaps.push(CashGap {
                    day: report.day,
                    held: MoneyView::new(
                        report
                            .reconciliation
                            .couriers
                            .iter()
                            .map(|c| c.gap_minor)
                            .sum(),
                        settings.currency,
                    ),
                    orders: i64::try_from(report.reconciliation.order_gaps.len())
                        .unwrap_or(i64::MAX),
                });
            }
        }
        let mut next_tasks = self.tasks(actor, true, "").await?;
        next_tasks.truncate(5);
        let mut low_stock = self.stock_levels(crate::catalog::Levels::Low, "").await?;
        low_stock.dedup_by(|a, b| a.sku == b.sku);
        Ok(Dashboard {
            low_stock,
            today: Stage::ALL
                .iter()
                .filter_map(|stage| {
                    by_stage
                        .iter()
                        .find(|(s, _)| s == stage.as_str())
                        .map(|(_, count)| (stage.as_str(), *count))
                })
                .collect(),
            tasks_due,
            next_tasks,
            overdue,
            days,
            delayed,
            cash_gaps,
            on_time,
            inquiries,
        })
    }

    /// The calls due now, the most urgent first, with the order of the first (CF-1..4); a task
    /// about the whole shop (a reorder) waits in the list, as there is nobody to call for it.
    pub async fn call_queue(&self, actor: &Actor) -> Result<CallQueue> {
        let mut waiting = self.tasks(actor, true, "").await?;
        let Some((first, number)) = waiting
            .iter()
            .enumerate()
            .find_map(|(i, t)| Some((i, t.order_number?)))
        else {
            return Ok(CallQueue {
                next: None,
                waiting,
            });
        };
        let task = waiting.remove(first);
        let order = self.order(number).await?;
        Ok(CallQueue {
            next: Some((task, order)),
            waiting,
        })
    }
}

/// What an order may still give back, or nothing when it holds no money (PY-3).
fn refund_offer(
    state: &Order,
    lines: &[store::orders::LineRow],
    returned: &[store::after_sale::returns::ReturnLineRow],
    payments: &[crate::orders::PaymentRecord],
    currency: domain::money::Currency,
) -> Option<RefundOffer> {
    if state.refundable_minor() <= 0 {
        return None;
    }
    let earlier: Vec<_> = payments
        .iter()
        .filter(|p| p.kind == "refund")
        .map(|p| &p.covers)
        .collect();
    let units = domain::orders::units_refunded(earlier.iter().copied());
    let refunded = |line_no: i64| units.get(&line_no).copied().unwrap_or(0);
    let delivery_refunded = earlier.iter().any(|c| c.delivery);
    Some(RefundOffer {
        lines: lines
            .iter()
            .filter(|l| l.status == "active")
            .map(|l| {
                let left = l.quantity - refunded(l.line_no);
                let sent_back: i64 = returned
                    .iter()
                    .filter(|r| r.line_no == l.line_no)
                    .map(|r| r.quantity)
                    .sum();
                RefundableLine {
                    line_no: l.line_no,
                    title: l.title.clone(),
                    unit_price: MoneyView::new(l.unit_price_minor, currency),
                    left,
                    returned: (sent_back - refunded(l.line_no)).clamp(0, left),
                }
            })
            .filter(|l| l.left > 0)
            .collect(),
        delivery: (state.delivery_minor > 0 && !delivery_refunded)
            .then(|| MoneyView::new(state.delivery_minor, currency)),
        refundable: MoneyView::new(state.refundable_minor(), currency),
        overpaid: (state.overpaid_minor() > 0)
            .then(|| MoneyView::new(state.overpaid_minor(), currency)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::access::Role;
    use domain::orders::{Line, LineStatus, Order};

    fn order(stage: Stage, holds: &[HoldKind]) -> Order {
        Order {
            stage,
            holds: holds
                .iter()
                .map(|kind| Hold {
                    kind: *kind,
                    reason: "test".into(),
                })
                .collect(),
            payment_mode: Some(PaymentMode::OnDelivery),
            delivery_method: Some(DeliveryMethod::Courier),
            currency: domain::money::Currency::parse("NOK").expect("a currency"),
            lines: vec![Line {
                line_no: 1,
                quantity: 1,
                unit_price_minor: 100,
                status: LineStatus::Active,
            }],
            delivery_minor: 0,
            discount_minor: 0,
            paid_minor: 0,
            refunded_minor: 0,
        }
    }

    fn actions(role: Role, order: &Order) -> Vec<&'static str> {
        let actor = Actor {
            role,
            name: "test".into(),
        };
        moves(&actor, order).into_iter().map(|m| m.action).collect()
    }

    #[test]
    fn a_stage_offers_its_own_moves_to_the_roles_that_may_make_them() {
        let confirming = order(Stage::Confirming, &[HoldKind::NeedsCall]);
        assert_eq!(
            actions(Role::Manager, &confirming),
            ["confirm", "cancel", "release-hold", "hold"]
        );
        assert!(actions(Role::Packer, &confirming).is_empty());
        let assembling = order(Stage::Assembling, &[]);
        assert_eq!(actions(Role::Packer, &assembling), ["mark-ready"]);
        let in_transit = order(Stage::InTransit, &[]);
        assert_eq!(actions(Role::Courier, &in_transit), ["deliver"]);
        assert!(actions(Role::Owner, &order(Stage::Closed, &[])).is_empty());
    }
}
