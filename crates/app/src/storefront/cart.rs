//! Carts kept on the server: prices always read again, and a cart nobody touched for the
//! settings' days deleted at night.

use domain::catalog::Sku;
use serde::{Deserialize, Serialize};

use domain::catalog::localized;

use crate::catalog::{parse_stored_options, parse_stored_texts};
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::kernel::views::currency;
use crate::{Error, MoneyView, Result, Shop};

/// Lines a cart holds at most, and units of one line.
const CART_LINES: usize = 50;

const LINE_UNITS: i64 = 99;

/// A line of the cart as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct CartLine {
    pub(super) sku: String,
    pub(super) quantity: i64,
}

pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub subtotal: MoneyView,
}

pub struct CartLineView {
    pub sku: String,
    /// In the visitor's language, as are the options' names and values.
    pub title: String,
    pub options: Vec<(String, String)>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub total: MoneyView,
    pub photo: Option<crate::catalog::Shown>,
}

impl Shop {
    pub(super) async fn cart_lines(&self, token: &str) -> Result<Vec<CartLine>> {
        let mut conn = self.store.read().await?;
        Ok(store::storefront::cart(&mut conn, token)
            .await?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// The cart with today's catalogue prices, in the visitor's language; an unknown cart is
    /// empty, and a product no longer sold leaves it.
    pub async fn cart(&self, token: Option<&str>, locale: &str) -> Result<CartView> {
        let currency = currency(self.settings().await?.currency.as_str())?;
        let words_of = self.translations(locale).await?;
        let lines = match token {
            Some(token) => self.cart_lines(token).await?,
            None => Vec::new(),
        };
        let skus: Vec<&str> = lines.iter().map(|l| l.sku.as_str()).collect();
        let offers = store::catalog::offers(&mut *self.store.read().await?, &skus).await?;
        let photos = self.photos_of_skus(&skus, &words_of.locale).await?;
        let views: Vec<CartLineView> = lines
            .iter()
            .filter_map(|line| {
                let offer = offers.iter().find(|o| o.sku == line.sku)?;
                Some((line, offer))
            })
            .map(|(line, offer)| {
                let texts = parse_stored_texts(&offer.texts)?;
                Ok(CartLineView {
                    sku: line.sku.clone(),
                    title: localized(&offer.title, &texts, &words_of.locale, |t| &t.title)
                        .to_owned(),
                    options: words_of.options(&parse_stored_options(&offer.options)?),
                    quantity: line.quantity,
                    unit_price: MoneyView::new(offer.price_minor, currency),
                    total: MoneyView::new(offer.price_minor * line.quantity, currency),
                    photo: photos.get(&line.sku).cloned(),
                })
            })
            .collect::<Result<_>>()?;
        Ok(CartView {
            subtotal: MoneyView::new(views.iter().map(|l| l.total.amount_minor).sum(), currency),
            lines: views,
        })
    }

    /// Sets a line of the cart to `quantity` units (0 removes it), or adds `quantity` more when
    /// `add`. Makes the cart when there is none; returns its token for the cookie.
    pub async fn change_cart(
        &self,
        token: Option<&str>,
        sku: &str,
        quantity: i64,
        add: bool,
    ) -> Result<String> {
        let sku = Sku::parse(sku).field("sku")?;
        if !(0..=LINE_UNITS).contains(&quantity) {
            return Err(Error::field(
                "quantity",
                "quantity_invalid",
                format!("choose from 0 to {LINE_UNITS} units"),
            ));
        }
        let known = store::catalog::variant_id_by_sku(&mut *self.store.read().await?, sku.as_ref())
            .await?
            .is_some();
        if !known {
            return Err(Error::NotFound { what: "sku" });
        }
        let token = match token {
            Some(t) if t.len() == 36 && t.chars().all(|c| c.is_ascii_hexdigit()) => t.to_owned(),
            _ => crate::kernel::tokens::secret_token()?,
        };
        let mut lines = self.cart_lines(&token).await?;
        let full = lines.len() >= CART_LINES;
        match lines.iter_mut().find(|l| l.sku == sku.as_ref()) {
            Some(line) => {
                line.quantity = if add {
                    (line.quantity + quantity).min(LINE_UNITS)
                } else {
                    quantity
                }
            }
            None if full => {
                return Err(Error::field(
                    "sku",
                    "cart_full",
                    format!("a cart holds at most {CART_LINES} lines"),
                ));
            }
            None => lines.push(CartLine {
                sku: sku.to_string(),
                quantity,
            }),
        }
        lines.retain(|l| l.quantity > 0);
        let json =
            serde_json::to_string(&lines).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let mut tx = self.store.begin_write().await?;
        store::storefront::put_cart(&mut tx, &token, &json, store::to_millis(self.now())).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The daily clean-up: deletes the carts nobody changed for the settings' days, and
    /// schedules tomorrow's run in the same transaction. Deleting twice deletes nothing more, so
    /// a run repeated after a crash is harmless.
    pub(crate) async fn expire_carts(&self) -> Result<()> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let kept = jiff::SignedDuration::from_hours(24 * settings.storefront.cart_days);
        let before = ctx.now.saturating_sub(kept).unwrap_or(ctx.now);
        let mut tx = self.store.begin_write().await?;
        let deleted =
            store::storefront::delete_carts_before(&mut tx, store::to_millis(before)).await?;
        crate::kernel::jobs::schedule_daily(&mut tx, crate::kernel::jobs::EXPIRE_CARTS, &ctx)
            .await?;
        tx.commit().await?;
        tracing::info!(deleted, "old carts deleted");
        Ok(())
    }
}
