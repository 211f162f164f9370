//! Suppliers and purchase orders in the back office (ST-2): add a supplier, order goods from
//! it into a location with the day they are expected, receive what arrived (the waiting orders
//! are served first, ST-1) or cancel what will not come.

use app::catalog::{
    GoodsReceipt, LocationView, NewPurchaseOrder, NewSupplier, OrderedUnits, PurchaseOrderView,
    SupplierView,
};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::frame::Frame;
use super::products::catalog_keeper;
use super::session::{Me, PageError, render};

/// Rows of SKU and units on the new purchase order's form.
const ORDER_ROWS: usize = 6;

/// What a row with no units typed means: a refusal on a new order, nothing arrived on a
/// receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blank {
    Refused,
    NotArrived,
}

/// A form as typed, by field name, kept when it is refused.
#[derive(Debug, Clone, Default)]
struct Typed(Vec<(String, String)>);

impl Typed {
    fn parse(body: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(body)
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// A whole number, or the field's error.
    fn number(&self, name: &str, field: String) -> Result<i64, app::Error> {
        let typed = self.get(name);
        typed.parse().map_err(|_| {
            app::Error::field(
                field,
                "number_invalid",
                format!("'{typed}' is not a whole number"),
            )
        })
    }

    /// The rows `sku.N` and `quantity.N` that name a SKU, as units.
    fn units(&self, rows: usize, blank: Blank) -> Result<Vec<OrderedUnits>, app::Error> {
        let mut units = Vec::new();
        for row in 0..rows {
            let sku = self.get(&format!("sku.{row}"));
            let typed = self.get(&format!("quantity.{row}"));
            if sku.is_empty() || (blank == Blank::NotArrived && matches!(typed.as_str(), "" | "0"))
            {
                continue;
            }
            let field = format!("lines[{}].quantity", units.len());
            let quantity = self.number(&format!("quantity.{row}"), field)?;
            units.push(OrderedUnits { sku, quantity });
        }
        Ok(units)
    }
}

#[derive(Template)]
#[template(path = "pages/purchasing.html")]
struct PurchasingPage {
    f: Frame,
    suppliers: Vec<SupplierView>,
    orders: Vec<PurchaseOrderView>,
    locations: Vec<LocationView>,
    rows: Vec<usize>,
    /// Sent back with the new purchase order, so a double submit makes one.
    key: String,
    typed: Typed,
    /// Which form was refused (`supplier` or `order`), and why.
    refusal: Option<(&'static str, String)>,
}

impl PurchasingPage {
    fn typed(&self, name: &str) -> String {
        self.typed.get(name)
    }

    fn refused_at(&self, form: &str) -> Option<&str> {
        self.refusal
            .as_ref()
            .filter(|(at, _)| *at == form)
            .map(|(_, why)| why.as_str())
    }

    fn own(&self, location: &LocationView) -> bool {
        location.kind != "supplier"
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    typed: Typed,
    refusal: Option<(&'static str, String)>,
) -> Result<PurchasingPage, PageError> {
    catalog_keeper(me)?;
    Ok(PurchasingPage {
        f: me.frame("stock", "purchasing-title"),
        suppliers: shop.suppliers(me.actor()).await?,
        orders: shop.purchase_orders(me.actor(), "").await?,
        locations: shop.locations().await?,
        rows: (0..ORDER_ROWS).collect(),
        key: shop.new_order_key()?,
        typed,
        refusal,
    })
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    Ok(render(&show(&shop, &me, Typed::default(), None).await?))
}

/// The list again with the refusal beside the form it is about.
async fn refused(
    shop: &app::Shop,
    me: &Me,
    typed: Typed,
    form: &'static str,
    err: app::Error,
) -> Result<Response, PageError> {
    let (_, why, status) = me.outcome::<()>(Err(err))?;
    let page = show(shop, me, typed, why.map(|why| (form, why))).await?;
    Ok((status, render(&page)).into_response())
}

pub async fn create_supplier(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    let typed = Typed::parse(&body);
    let input = typed
        .number("lead_time_days", "lead_time_days".into())
        .map(|lead| NewSupplier {
            name: typed.get("name"),
            email: typed.get("email"),
            phone: typed.get("phone"),
            lead_time_days: lead,
            note: typed.get("note"),
        });
    let done = match input {
        Ok(input) => shop.create_supplier(me.actor(), &input).await,
        Err(err) => Err(err),
    };
    match done {
        Ok(_) => {
            me.notice(&shop, &me.lang.text("purchasing-supplier-added"))
                .await?;
            Ok(Redirect::to("/admin/purchasing").into_response())
        }
        Err(err) => refused(&shop, &me, typed, "supplier", err).await,
    }
}

pub async fn create_order(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    let typed = Typed::parse(&body);
    let input = typed
        .number("supplier_id", "supplier_id".into())
        .and_then(|supplier_id| {
            Ok(NewPurchaseOrder {
                supplier_id,
                location: typed.get("location"),
                expected_on: Some(typed.get("expected_on")),
                lines: typed.units(ORDER_ROWS, Blank::Refused)?,
                note: typed.get("note"),
            })
        });
    // The form's key makes a double submit one purchase order.
    let key = typed.get("key");
    let done = match input {
        Ok(input) => {
            let key = Some(key.as_str()).filter(|k| !k.is_empty());
            shop.create_purchase_order(me.actor(), &input, key).await
        }
        Err(err) => Err(err),
    };
    match done {
        Ok((order, _)) => {
            Ok(Redirect::to(&format!("/admin/purchasing/{}", order.id)).into_response())
        }
        Err(err) => refused(&shop, &me, typed, "order", err).await,
    }
}

#[derive(Template)]
#[template(path = "pages/purchase_order.html")]
struct OrderPage {
    f: Frame,
    order: PurchaseOrderView,
    refusal: Option<String>,
}

async fn order_page(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    refusal: Option<String>,
) -> Result<OrderPage, PageError> {
    catalog_keeper(me)?;
    let order = shop.purchase_order(me.actor(), id).await?;
    let mut f = me.frame("stock", "purchasing-title");
    f.title = me.lang.text_with(
        "purchasing-order-title",
        &[
            ("number", id.into()),
            ("supplier", order.supplier.clone().into()),
        ],
    );
    Ok(OrderPage { f, order, refusal })
}

pub async fn order(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(&order_page(&shop, &me, id, None).await?))
}

/// Receives the units typed beside each line; lines left empty or at 0 did not arrive.
pub async fn receive(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let typed = Typed::parse(&body);
    // One row per line of the purchase order.
    let lines = typed.units(500, Blank::NotArrived);
    let done = match lines {
        Ok(lines) => {
            shop.receive_purchase_order(me.actor(), id, &GoodsReceipt { lines })
                .await
        }
        Err(err) => Err(err),
    };
    finish(&shop, &me, id, done, "purchasing-received").await
}

pub async fn cancel(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let done = shop.cancel_purchase_order(me.actor(), id).await;
    finish(&shop, &me, id, done, "purchasing-cancelled").await
}

async fn finish(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    done: Result<PurchaseOrderView, app::Error>,
    notice: &str,
) -> Result<Response, PageError> {
    let (done, why, status) = me.outcome(done)?;
    if done.is_some() {
        me.notice(shop, &me.lang.text(notice)).await?;
        return Ok(Redirect::to(&format!("/admin/purchasing/{id}")).into_response());
    }
    let page = order_page(shop, me, id, why).await?;
    Ok((status, render(&page)).into_response())
}
