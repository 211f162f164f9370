//! Returns the customer asks for on their order page (AF-1, AF-2, AF-3): what goes back and
//! why, in one transaction with the lifecycle's `RequestReturn`, so the back office sees it as
//! any other return. What follows (the instructions, the wrong-item task, the thank-you) is in
//! `reactions`, on the transitions.

use domain::after_sale::Gift;
use domain::orders::{Command, Stage};
use domain::returns::ReturnReason;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::access::Actor;
use crate::kernel::error::FieldResult;
use crate::kernel::{Context, tasks};
use crate::messaging::Reach;
use crate::{Error, Result, Shop};

/// What the customer sends back.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ReturnInput {
    pub lines: Vec<ReturnLineInput>,
    #[serde(default)]
    pub note: String,
}

/// Units of one order line and why they go back (`changed_mind`, `does_not_fit`,
/// `wrong_item`, `defect`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ReturnLineInput {
    pub line_no: i64,
    pub quantity: i64,
    pub reason: String,
}

/// A return as the customer's page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReturnView {
    /// Written on the parcel and on a note inside it.
    pub code: String,
    pub lines: Vec<ReturnedLine>,
    pub note: String,
    /// The share of the return shipping the shop pays (AF-1); 100 for its own mistakes.
    pub shop_pays_percent: i64,
    /// Where the parcel goes.
    pub address: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReturnedLine {
    pub line_no: i64,
    pub title: String,
    pub quantity: i64,
    pub reason: String,
}

/// What the customer may still send back, and until when (AF-1).
#[derive(Debug, Clone, Serialize)]
pub struct ReturnOffer {
    /// The last day, in the shop's time zone.
    pub until: String,
    pub lines: Vec<ReturnableLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReturnableLine {
    pub line_no: i64,
    pub title: String,
    pub quantity: i64,
}

impl Shop {
    /// The customer asks for a return by their link (AF-1). Refused before delivery and after
    /// the shop's window, naming the field; a form sent again answers with the first return.
    pub async fn request_return(&self, token: &str, input: &ReturnInput) -> Result<ReturnView> {
        let (number, _) = self.order_by_link(token).await?;
        let note = domain::orders::parse_note(&input.note).field("note")?;
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        if !store::orders::lock(&mut tx, number).await? {
            return Err(Error::NotFound { what: "order" });
        }
        if store::after_sale::returns::of_order(&mut tx, number)
            .await?
            .is_some()
        {
            drop(tx);
            return self.asked_return(number).await;
        }
        let row = store::orders::get(&mut tx, number)
            .await?
            .ok_or(Error::NotFound { what: "order" })?;
        let policy = &settings.returns;
        match delivered_at(&mut tx, &row).await? {
            None => {
                return Err(Error::field(
                    "order",
                    "return_not_delivered",
                    "a return can be asked once the order has been delivered",
                ));
            }
            Some(at) if !policy.open(at, ctx.now_ms()) => {
                return Err(Error::field(
                    "order",
                    "return_window_closed",
                    format!("returns are taken within {} days of delivery", policy.days),
                ));
            }
            Some(_) => {}
        }
        let lines = parse_lines(input, &store::orders::lines(&mut tx, number).await?)?;
        let reasons: Vec<ReturnReason> = lines.iter().map(|(_, _, reason)| *reason).collect();
        let code = format!("R{number}-{}", crate::kernel::tokens::random_code(6)?);
        let record = store::after_sale::returns::ReturnRow {
            order_id: number,
            code: code.clone(),
            note: note.clone(),
            shop_pays_percent: settings.returns.shop_pays(&reasons),
            created_at: ctx.now_ms(),
        };
        let rows: Vec<store::after_sale::returns::ReturnLineRow> = lines
            .iter()
            .map(
                |(line_no, quantity, reason)| store::after_sale::returns::ReturnLineRow {
                    line_no: *line_no,
                    quantity: *quantity,
                    reason: reason.as_str().into(),
                },
            )
            .collect();
        // Before the move, so what follows the move finds the lines.
        store::after_sale::returns::insert(&mut tx, &record, &rows).await?;
        let mut why: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
        why.dedup();
        let command = Command::RequestReturn {
            reason: format!("{code}, from the order page: {}", why.join(", ")),
        };
        let note = (!note.is_empty()).then_some(note.as_str());
        self.change(&mut tx, number, &[command], &Actor::visitor(), note, &ctx)
            .await?;
        tx.commit().await?;
        self.asked_return(number).await
    }

    async fn asked_return(&self, number: i64) -> Result<ReturnView> {
        self.return_of(number)
            .await?
            .ok_or(Error::NotFound { what: "return" })
    }

    /// The order's return as its customer sees it, if one was asked from the order page.
    pub async fn return_of(&self, number: i64) -> Result<Option<ReturnView>> {
        let settings = self.settings().await?;
        let mut conn = self.store.read().await?;
        let Some((row, lines)) = store::after_sale::returns::of_order(&mut conn, number).await?
        else {
            return Ok(None);
        };
        let ordered = store::orders::lines(&mut conn, number).await?;
        Ok(Some(ReturnView {
            code: row.code,
            lines: returned_lines(&lines, &ordered),
            note: row.note,
            shop_pays_percent: row.shop_pays_percent,
            address: settings.contact_address,
        }))
    }

    /// What the order page offers to send back: the active lines while the window is open.
    pub(crate) async fn return_offer(&self, number: i64) -> Result<Option<ReturnOffer>> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut conn = self.store.read().await?;
        let Some(row) = store::orders::get(&mut conn, number).await? else {
            return Ok(None);
        };
        let policy = &settings.returns;
        let Some(delivered) = delivered_at(&mut conn, &row)
            .await?
            .filter(|at| policy.open(*at, ctx.now_ms()))
        else {
            return Ok(None);
        };
        let lines = store::orders::lines(&mut conn, number)
            .await?
            .into_iter()
            .filter(|l| l.status == "active")
            .map(|l| ReturnableLine {
                line_no: l.line_no,
                title: l.title,
                quantity: l.quantity,
            })
            .collect();
        Ok(Some(ReturnOffer {
            until: ctx
                .calendar
                .local(store::from_millis(policy.until(delivered))?)
                .date()
                .to_string(),
            lines,
        }))
    }
}

/// When a delivered order arrived, or `None` when it is not (or no longer) delivered.
async fn delivered_at(
    conn: &mut store::Conn,
    row: &store::orders::OrderRow,
) -> Result<Option<i64>> {
    if row.stage != Stage::Delivered.as_str() {
        return Ok(None);
    }
    // Every parcel has its shipment; the order's last change stands in for one without.
    let shipment = store::fulfilment::shipment(conn, row.id).await?;
    Ok(Some(
        shipment
            .and_then(|s| s.delivered_at)
            .unwrap_or(row.updated_at),
    ))
}

/// The chosen lines: each an active line of the order, at most its units, with a known reason.
/// Lines with no units are not going back.
fn parse_lines(
    input: &ReturnInput,
    ordered: &[store::orders::LineRow],
) -> Result<Vec<(i64, i64, ReturnReason)>> {
    let mut chosen: Vec<(i64, i64, ReturnReason)> = Vec::new();
    for (i, line) in input.lines.iter().enumerate() {
        let field = |name: &str| format!("lines[{i}].{name}");
        if line.quantity == 0 {
            continue;
        }
        let Some(order_line) = ordered
            .iter()
            .find(|l| l.line_no == line.line_no && l.status == "active")
            .filter(|_| chosen.iter().all(|(no, _, _)| *no != line.line_no))
        else {
            return Err(Error::field(
                field("line_no"),
                "return_line_unknown",
                format!("line {} is not on this order", line.line_no),
            ));
        };
        if !(1..=order_line.quantity).contains(&line.quantity) {
            return Err(Error::field(
                field("quantity"),
                "return_quantity_invalid",
                format!(
                    "{} was ordered {} times",
                    order_line.title, order_line.quantity
                ),
            ));
        }
        let reason = ReturnReason::parse(&line.reason).field(field("reason"))?;
        chosen.push((line.line_no, line.quantity, reason));
    }
    if chosen.is_empty() {
        return Err(Error::field(
            "lines",
            "return_lines_missing",
            "choose what to send back",
        ));
    }
    Ok(chosen)
}

fn returned_lines(
    lines: &[store::after_sale::returns::ReturnLineRow],
    ordered: &[store::orders::LineRow],
) -> Vec<ReturnedLine> {
    lines
        .iter()
        .map(|l| ReturnedLine {
            line_no: l.line_no,
            title: ordered
                .iter()
                .find(|o| o.line_no == l.line_no)
                .map(|o| o.title.clone())
                .unwrap_or_default(),
            quantity: l.quantity,
            reason: l.reason.clone(),
        })
        .collect()
}

/// AF-1, AF-2: the instructions for a return asked from the order page and, when the wrong
/// item was sent, a task to send the right one now, without waiting for the parcel back.
pub(crate) async fn requested(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    ctx: &Context<'_>,
) -> Result<Vec<domain::orders::Event>> {
    // A return the back office recorded for the customer has no lines: nothing to tell.
    let Some((record, lines)) = store::after_sale::returns::of_order(tx, row.id).await? else {
        return Ok(Vec::new());
    };
    let ordered = store::orders::lines(tx, row.id).await?;
    let returned = returned_lines(&lines, &ordered);
    let wrong: Vec<String> = lines
        .iter()
        .filter(|l| l.reason == ReturnReason::WrongItem.as_str())
        .filter_map(|l| ordered.iter().find(|o| o.line_no == l.line_no))
        .map(|o| format!("{} × {} ({})", o.quantity, o.title, o.sku))
        .collect();
    let extra = json!({
        "return_code": record.code,
        "return_items": returned
            .iter()
            .map(|l| json!({"title": l.title, "quantity": l.quantity}))
            .collect::<Vec<Value>>(),
        "return_address": ctx.settings.contact_address,
        "shop_pays_percent": record.shop_pays_percent,
        "wrong_item": !wrong.is_empty(),
    });
    let mut done =
        crate::messaging::message(tx, row, "return_instructions", Reach::Preferred, extra, ctx)
            .await?;
    if !wrong.is_empty() {
        let reason = format!(
            "the wrong item was sent ({}): send the right one now, at the shop's cost",
            wrong.join(", ")
        );
        done.push(tasks::open(tx, row.id, tasks::SEND_RIGHT_ITEM, 3, &reason, ctx).await?);
    }
    Ok(done)
}

/// AF-1: the return is settled; the customer is thanked, with a small single-use coupon when
/// the shop gives one.
pub(crate) async fn settled(
    tx: &mut store::Conn,
    row: &store::orders::OrderRow,
    ctx: &Context<'_>,
) -> Result<Vec<domain::orders::Event>> {
    let policy = &ctx.settings.returns;
    let extra = if policy.thank_you_percent > 0 {
        let gift = Gift::Discount {
            percent: policy.thank_you_percent,
            valid_days: policy.thank_you_days,
        };
        crate::after_sale::gift_coupon(tx, row.customer_id, gift, "TY", ctx).await?
    } else {
        json!({})
    };
    crate::messaging::message(tx, row, "return_thanks", Reach::Preferred, extra, ctx).await
}
