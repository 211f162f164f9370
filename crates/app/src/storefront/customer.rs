//! The customer's order page behind their link: the order, its promise and what the shop
//! asked them.

use domain::catalog::localized;
use domain::orders::{CONFIRM_BY_LINK, DeliveryMethod, HoldKind};

use crate::kernel::views::currency;
use crate::orders::CustomerOrderView;
use crate::{MoneyView, Result, Shop};

use super::StockState;

/// What the customer sees behind their link: the order, and what the shop asked them.
pub struct CustomerPage {
    pub order: CustomerOrderView,
    /// The order's lines in the customer's language, with their options and prices.
    pub items: Vec<OrderedItem>,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub messages: Vec<SentMessage>,
    /// Lines out of stock that wait for the customer's choice (ST-1), with substitutes that can
    /// leave now.
    pub waiting: Vec<WaitingLine>,
    /// A flaw found in assembly that waits for the customer's answer (AS-2).
    pub defect: Option<DefectQuestion>,
    /// What can still be sent back, while the return window is open (AF-1).
    pub return_offer: Option<crate::after_sale::ReturnOffer>,
    /// The return asked from this page: what to send, the code, who pays the way back.
    pub returning: Option<crate::after_sale::ReturnView>,
}

pub struct OrderedItem {
    pub title: String,
    pub options: Vec<(String, String)>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub total: MoneyView,
    /// `active` or `cancelled`.
    pub status: String,
    pub photo: Option<crate::catalog::Shown>,
}

pub struct SentMessage {
    pub at: jiff::Timestamp,
    pub channel: String,
    pub template: String,
    pub subject: Option<String>,
    pub status: String,
}

pub struct WaitingLine {
    pub line_no: i64,
    pub title: String,
    pub substitutes: Vec<(String, Vec<(String, String)>)>,
    /// A supplier can deliver it, later.
    pub can_wait: bool,
}

pub struct DefectQuestion {
    pub title: String,
    pub note: String,
    pub discount: MoneyView,
}

impl Shop {
    /// The customer's page behind the link every message carries: the order, its tracking, the
    /// messages sent, and what the shop waits for them to decide.
    pub async fn customer_page(&self, token: &str, locale: &str) -> Result<CustomerPage> {
        let (number, order) = self.order_by_link(token).await?;
        let settings = self.settings().await?;
        let currency = currency(settings.currency.as_str())?;
        let full = self.order(number).await?;
        let words_of = self.translations(locale).await?;
        let mut conn = self.store.read().await?;
        // The title as ordered, in the customer's language while the product is still sold.
        let skus: Vec<&str> = full.lines.iter().map(|l| l.sku.as_str()).collect();
        let sold = store::catalog::offers(&mut conn, &skus).await?;
        let photos = self.photos_of_skus(&skus, &words_of.locale).await?;
        let items = full
            .lines
            .iter()
            .map(|l| {
                let texts = match sold.iter().find(|o| o.sku == l.sku) {
                    Some(offer) => crate::catalog::parse_stored_texts(&offer.texts)?,
                    None => Default::default(),
                };
                Ok(OrderedItem {
                    title: localized(&l.title, &texts, &words_of.locale, |t| &t.title).to_owned(),
                    options: words_of.options(&l.options),
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    total: l.total,
                    status: l.status.clone(),
                    photo: photos.get(&l.sku).cloned(),
                })
            })
            .collect::<Result<_>>()?;
        let filter = store::messaging::Filter {
            order_id: number,
            customer_id: 0,
            status: "",
            limit: 100,
            offset: 0,
        };
        let messages = store::messaging::list(&mut conn, &filter)
            .await?
            .into_iter()
            .map(|m| {
                Ok(SentMessage {
                    at: crate::kernel::views::timestamp(m.sent_at.unwrap_or(m.created_at))?,
                    channel: m.channel,
                    template: m.template,
                    subject: m.subject,
                    status: m.status,
                })
            })
            .collect::<Result<_>>()?;
        let asks_choice = full.holds.iter().any(|h| {
            h.kind == HoldKind::WaitingForCustomer.as_str() && h.reason != CONFIRM_BY_LINK
        });
        let mut waiting = Vec::new();
        if asks_choice {
            let held = store::catalog::inventory::reservations_of(&mut conn, number).await?;
            let lines: Vec<_> = full
                .lines
                .iter()
                .filter(|l| l.status == "active")
                .filter(|l| {
                    !held.iter().any(|r| {
                        r.line_no == l.line_no && matches!(r.state.as_str(), "held" | "ordered")
                    })
                })
                .collect();
            let skus: Vec<&str> = lines.iter().map(|l| l.sku.as_str()).collect();
            let offers = store::catalog::offers(&mut conn, &skus).await?;
            for line in lines {
                let product = store::storefront::product_of_sku(&mut conn, &line.sku).await?;
                let siblings = match product {
                    Some(id) => self.product_page(id, locale).await?.variants,
                    None => Vec::new(),
                };
                waiting.push(WaitingLine {
                    line_no: line.line_no,
                    title: line.title.clone(),
                    substitutes: siblings
                        .into_iter()
                        .filter(|v| v.sku != line.sku && v.stock == StockState::InStock)
                        .map(|v| (v.sku, v.options))
                        .collect(),
                    can_wait: offers
                        .iter()
                        .any(|o| o.sku == line.sku && o.kind.as_deref() == Some("supplier")),
                });
            }
        }
        let defect = if full
            .holds
            .iter()
            .any(|h| h.kind == HoldKind::DefectFound.as_str())
        {
            store::fulfilment::defects_of(&mut conn, number)
                .await?
                .into_iter()
                .rfind(|d| d.answer.is_none() && d.severity == "minor")
                .map(|d| DefectQuestion {
                    title: full
                        .lines
                        .iter()
                        .find(|l| l.line_no == d.line_no)
                        .map(|l| l.title.clone())
                        .unwrap_or_default(),
                    note: d.note,
                    discount: MoneyView::new(d.discount_minor, currency),
                })
        } else {
            None
        };
        let tracking_url = match (&full.delivery.method, &full.delivery.tracking_number) {
            (Some(method), Some(number)) => DeliveryMethod::parse(method)
                .ok()
                .and_then(|m| settings.tracking_url(m, number)),
            _ => None,
        };
        drop(conn);
        Ok(CustomerPage {
            order,
            items,
            tracking_number: full.delivery.tracking_number,
            tracking_url,
            messages,
            waiting,
            defect,
            return_offer: self.return_offer(number).await?,
            returning: self.return_of(number).await?,
        })
    }
}
