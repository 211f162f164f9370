//! The customer's answers: confirming by link (CF-1) and choosing what to do about an
//! out-of-stock line (ST-1): a substitute, a longer delivery from a supplier (ST-2), or
//! cancelling the line or the order.

use domain::access::Permission;
use domain::catalog::Sku;
use domain::orders::{CONFIRM_BY_LINK, Command, Event, HoldKind, Stage};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::timeline;
use crate::kernel::{Context, tasks};
use crate::{Error, Result, Shop};

use super::OrderView;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ChoiceInput {
    pub line_no: i64,
    /// `substitute` (with `sku`), `wait` for the supplier, `cancel_line` or `cancel_order`.
    pub choice: String,
    pub sku: Option<String>,
}

/// What the customer sees behind the link of every message (CF-1).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerOrderView {
    pub number: i64,
    pub name: String,
    pub stage: String,
    pub items: Vec<CustomerLine>,
    pub delivery_method: Option<String>,
    pub address: Option<String>,
    pub pickup_point: Option<String>,
    pub delivery_from: Option<String>,
    pub delivery_until: Option<String>,
    pub total: crate::MoneyView,
    pub payment_mode: Option<String>,
    /// Received, less payments voided.
    pub paid: crate::MoneyView,
    /// Given back (PY-3).
    pub refunded: crate::MoneyView,
    /// Still to pay.
    pub balance_due: crate::MoneyView,
    /// The customer can confirm now.
    pub awaiting_confirmation: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerLine {
    pub line_no: i64,
    pub title: String,
    pub sku: String,
    pub quantity: i64,
    pub status: String,
}

impl Shop {
    /// The order as its customer sees it, by the secret in their link.
    pub async fn order_by_link(&self, token: &str) -> Result<(i64, CustomerOrderView)> {
        let number = self.order_number_by_link(token).await?;
        let order = self.order(number).await?;
        let address = order
            .delivery
            .address
            .as_ref()
            .map(|a| format!("{}, {} {}, {}", a.line, a.postcode, a.city, a.country));
        Ok((
            number,
            CustomerOrderView {
                number: order.number,
                name: order.customer.name,
                awaiting_confirmation: order.stage == Stage::Confirming.as_str()
                    && order.holds.iter().all(|h| {
                        h.kind == HoldKind::WaitingForCustomer.as_str()
                            && h.reason == CONFIRM_BY_LINK
                    }),
                stage: order.stage,
                items: order
                    .lines
                    .into_iter()
                    .map(|l| CustomerLine {
                        line_no: l.line_no,
                        title: l.title,
                        sku: l.sku,
                        quantity: l.quantity,
                        status: l.status,
                    })
                    .collect(),
                delivery_method: order.delivery.method,
                address,
                pickup_point: order.delivery.pickup_point,
                delivery_from: order.promise.as_ref().map(|p| p.earliest.clone()),
                delivery_until: order.promise.map(|p| p.latest),
                total: order.total,
                payment_mode: order.payment.mode,
                paid: order.payment.paid,
                refunded: order.payment.refunded,
                balance_due: order.payment.balance_due,
            },
        ))
    }

    /// The number of the order behind the secret in its link.
    pub(crate) async fn order_number_by_link(&self, token: &str) -> Result<i64> {
        let mut conn = self.store.read().await?;
        let row = store::orders::by_confirm_token(&mut conn, token)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        Ok(row.id)
    }

    /// The customer confirms through their link (CF-1).
    pub async fn confirm_by_link(&self, token: &str) -> Result<CustomerOrderView> {
        let (number, order) = self.order_by_link(token).await?;
        if !order.awaiting_confirmation {
            return Err(Error::Conflict {
                code: "not_awaiting_confirmation",
                message:
                    "this order is not waiting for your confirmation; the shop will contact you"
                        .into(),
            });
        }
        let customer = Actor {
            role: domain::access::Role::Manager,
            name: "customer".into(),
        };
        self.act(
            number,
            Command::Confirm,
            &customer,
            Some("confirmed by the customer".into()),
        )
        .await?;
        Ok(self.order_by_link(token).await?.1)
    }

    /// The customer's choice for an out-of-stock line, answered by link or by a manager for them
    /// (ST-1). When no line is left waiting, the hold is lifted and the order is confirmed.
    pub async fn choose(
        &self,
        actor: &Actor,
        number: i64,
        input: &ChoiceInput,
    ) -> Result<OrderView> {
        actor.require(Permission::ManageOrders)?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        if !store::orders::lock(&mut tx, number).await? {
            return Err(Error::NotFound { what: "order" });
        }
        let lines = store::orders::lines(&mut tx, number).await?;
        let held = store::catalog::inventory::reservations_of(&mut tx, number).await?;
        let waiting = |line_no: i64| {
            lines
                .iter()
                .any(|l| l.line_no == line_no && l.status == "active")
                && !held
                    .iter()
                    .any(|r| r.line_no == line_no && matches!(r.state.as_str(), "held" | "ordered"))
        };
        if !waiting(input.line_no) {
            return Err(Error::field(
                "line_no",
                "line_not_waiting",
                format!("line {} is not waiting for a choice", input.line_no),
            ));
        }
        let line = lines
            .iter()
            .find(|l| l.line_no == input.line_no)
            .ok_or(Error::NotFound { what: "line" })?;
        let mut commands = Vec::new();
        let mut events = Vec::new();
        match input.choice.as_str() {
            "substitute" => commands.push(substitute(&mut tx, number, line, input).await?),
            "wait" => events.extend(wait_for_supplier(&mut tx, number, line, &ctx).await?),
            "cancel_line" => commands.push(Command::CancelLine {
                line_no: line.line_no,
                reason: "the customer dropped it".into(),
            }),
            "cancel_order" => commands.push(Command::Cancel {
                reason: "the customer cancelled: out of stock".into(),
            }),
            other => {
                return Err(Error::Invalid {
                    field: "choice".into(),
                    code: "choice_invalid",
                    message: format!(
                        "'{other}' is not a choice: use substitute, wait, cancel_line or cancel_order"
                    ),
                });
            }
        }
        let still_waiting = lines
            .iter()
            .filter(|l| l.line_no != line.line_no)
            .any(|l| waiting(l.line_no));
        let cancels_order = input.choice == "cancel_order";
        if !still_waiting && !cancels_order {
            commands.push(Command::ReleaseHold {
                kind: HoldKind::WaitingForCustomer,
                note: "the customer chose".into(),
            });
            store::backoffice::tasks::close_for_order(
                &mut tx,
                number,
                &[tasks::CUSTOMER_CHOICE],
                "done",
                ctx.now_ms(),
            )
            .await?;
        }
        timeline::append(&mut tx, number, &events, ctx.now_ms(), actor, None).await?;
        if !commands.is_empty() {
            let row = self
                .change(
                    &mut tx,
                    number,
                    &commands,
                    actor,
                    cancels_order.then_some("the customer cancelled: out of stock"),
                    &ctx,
                )
                .await?;
            let ready =
                !still_waiting && row.stage == Stage::Confirming.as_str() && row.holds == "[]";
            if ready {
                // The customer answered the shop: that is the confirmation.
                self.change(&mut tx, number, &[Command::Confirm], actor, None, &ctx)
                    .await?;
            }
        }
        tx.commit().await?;
        self.order(number).await
    }
}

/// The customer takes another variant for the line, from the shop's own stock (ST-1).
async fn substitute(
    tx: &mut store::Conn,
    number: i64,
    line: &store::orders::LineRow,
    input: &ChoiceInput,
) -> Result<Command> {
    let sku = Sku::parse(input.sku.as_deref().unwrap_or("")).field("sku")?;
    let offers = store::catalog::offers(tx, &[sku.as_ref()]).await?;
    let variant = offers
        .first()
        .ok_or_else(|| Error::field("sku", "sku_unknown", format!("no product has SKU {sku}")))?;
    let mut taken = None;
    // Own stock only: a substitute is offered because it can leave now.
    let own = offers
        .iter()
        .filter(|o| o.kind.as_deref() != Some("supplier"));
    for stock_id in own.filter_map(|o| o.stock_id) {
        if store::catalog::inventory::try_reserve(tx, stock_id, line.quantity).await? {
            taken = Some(stock_id);
            break;
        }
    }
    let stock_id = taken.ok_or_else(|| Error::Conflict {
        code: "substitute_out_of_stock",
        message: format!("{sku} is not in stock either"),
    })?;
    hold_line(tx, number, line, String::new(), "held", stock_id).await?;
    // The shop ran out, so a dearer substitute costs what the customer ordered: a paid order
    // never comes to owe money because of it.
    let unit_price_minor = variant.price_minor.min(line.unit_price_minor);
    store::orders::replace_variant(tx, number, line.line_no, variant, unit_price_minor).await?;
    Ok(Command::SubstituteLine {
        line_no: line.line_no,
        sku: sku.to_string(),
        unit_price_minor,
    })
}

/// The customer waits for the supplier, who delivers to the shop after its lead time (ST-2).
async fn wait_for_supplier(
    tx: &mut store::Conn,
    number: i64,
    line: &store::orders::LineRow,
    ctx: &Context<'_>,
) -> Result<Vec<Event>> {
    let offers = store::catalog::offers(tx, &[line.sku.as_str()]).await?;
    let Some(crate::catalog::SupplierWait {
        stock_id,
        location,
        lead,
        cutoff,
    }) = crate::catalog::supplier_wait(tx, &offers, line.quantity, ctx).await?
    else {
        return Err(Error::Conflict {
            code: "no_supplier",
            message: format!("no supplier carries {}", line.sku),
        });
    };
    hold_line(tx, number, line, location.clone(), "ordered", stock_id).await?;
    // CK-3, CK-4: the wait lengthens the promise, and the customer sees it.
    Ok(vec![
        crate::catalog::lengthen_promise(tx, number, cutoff, lead, ctx).await?,
        Event::LineAwaitingSupplier {
            line_no: line.line_no,
            location,
            lead_time_days: lead,
        },
    ])
}

/// Records the line's units as held on, or ordered from, a stock row.
async fn hold_line(
    tx: &mut store::Conn,
    number: i64,
    line: &store::orders::LineRow,
    location: String,
    state: &str,
    stock_id: i64,
) -> Result<()> {
    let reservation = store::catalog::inventory::ReservationRow {
        line_no: line.line_no,
        location,
        kind: String::new(),
        bin: String::new(),
        quantity: line.quantity,
        state: state.into(),
    };
    store::catalog::inventory::insert_reservations(tx, number, &[reservation], &[stock_id]).await?;
    Ok(())
}
