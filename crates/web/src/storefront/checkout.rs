//! The cart and the checkout. The checkout form carries its own idempotency key, so a second
//! click (or a reload of the POST) returns the order the first made. A refused form comes back
//! with every field as typed and the problem beside the field it is about (CK-1).

use app::Problem;
use app::storefront::{CartView, Checkout};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::orders::PaymentMode;
use serde::Deserialize;

use super::{Look, Visitor};
use crate::pages::session::{ClientAddress, render};

#[derive(Template)]
#[template(path = "storefront/cart.html")]
struct CartPage {
    f: Look,
    cart: CartView,
    /// What was wrong with the last change, in words.
    problem: Option<String>,
}

pub async fn cart(State(shop): State<app::Shop>, visitor: Visitor) -> Response {
    cart_page(&shop, &visitor, StatusCode::OK, None).await
}

/// The cart, with what was wrong with the last change beside it.
async fn cart_page(
    shop: &app::Shop,
    visitor: &Visitor,
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    match shop.cart(visitor.cart.as_deref(), visitor.lang.code).await {
        Ok(cart) => {
            let page = CartPage {
                f: visitor.frame("sf-cart-title"),
                cart,
                problem,
            };
            (status, render(&page)).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}

#[derive(Deserialize)]
pub struct CartChange {
    /// The variant; or, from a product page, the product and the size and colour chosen.
    #[serde(default)]
    sku: String,
    #[serde(default)]
    product: Option<i64>,
    #[serde(default)]
    size: String,
    #[serde(default)]
    colour: String,
    /// Typed in a field, so read as text: a word or a negative number comes back to the cart
    /// named, not as an error page.
    quantity: String,
    /// `add` adds to what the cart holds; otherwise the line is set to the quantity.
    #[serde(default)]
    op: String,
}

/// Adds to the cart or changes a line, then shows the cart. From a product page the variant
/// is the one of the size and colour chosen in the form, whether or not "Show" was pressed.
pub async fn change(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Form(change): Form<CartChange>,
) -> Response {
    let sku = match change.product {
        Some(id) => match shop.product_page(id, visitor.lang.code).await {
            Ok(product) => match product.choose(&change.size, &change.colour) {
                Some(variant) => variant.sku.clone(),
                None => return visitor.failure(app::Error::NotFound { what: "variant" }),
            },
            Err(err) => return visitor.failure(err),
        },
        None => change.sku.clone(),
    };
    let quantity = change.quantity.trim().parse::<i64>().map_err(|_| {
        app::Error::field("quantity", "quantity_invalid", "choose from 0 to 99 units")
    });
    let changed = match quantity {
        Ok(quantity) => {
            shop.change_cart(visitor.cart.as_deref(), &sku, quantity, change.op == "add")
                .await
        }
        Err(err) => Err(err),
    };
    match changed {
        Ok(token) => {
            let mut response = Redirect::to("/cart").into_response();
            if let Ok(value) = HeaderValue::from_str(&visitor.cart_cookie(&token)) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(app::Error::Invalid {
            field,
            code,
            message,
        }) => {
            let problem = Problem {
                field,
                code: code.into(),
                message,
            };
            let text = visitor
                .frame("sf-cart-title")
                .problem_text(&problem.field, &problem);
            cart_page(
                &shop,
                &visitor,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(text),
            )
            .await
        }
        Err(err) => visitor.failure(err),
    }
}

/// A delivery method as the checkout offers it.
pub struct MethodChoice {
    method: &'static str,
    price: app::MoneyView,
    /// The places to pick from for a pickup point or locker; empty means the buyer types it.
    places: Vec<String>,
    needs_place: bool,
    /// The dates the order would arrive between by this method (DL-5), when every line can go.
    window: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "storefront/checkout.html")]
struct CheckoutPage {
    f: Look,
    cart: CartView,
    form: Checkout,
    methods: Vec<MethodChoice>,
    payments: Vec<&'static str>,
    problems: Vec<Problem>,
    /// The idempotency key of this form (one order per form, however often it is sent).
    key: String,
    /// A signed-in customer's tier, whose benefit the order gets by itself (AF-11).
    tier: Option<app::customers::TierView>,
    /// Back from a payment not finished: nothing was charged and the cart is as it was.
    turned_back: bool,
}

impl CheckoutPage {
    /// The problem with an input, in words, with the field's name in front.
    fn problem(&self, input: &str) -> Option<String> {
        self.problems
            .iter()
            .find(|p| input_of(&p.field) == input)
            .map(|p| self.explain(p))
    }

    fn explain(&self, problem: &Problem) -> String {
        self.f.problem_text(input_of(&problem.field), problem)
    }

    fn note(&self, index: &usize) -> &str {
        self.form.line_notes.get(*index).map_or("", String::as_str)
    }
}

/// The form input a field of intake is typed in.
fn input_of(field: &str) -> &str {
    if field.starts_with("lines[") && field.ends_with(".note") {
        return "note_line";
    }
    match field {
        "customer.name" => "name",
        "customer.phone" => "phone",
        "customer.email" => "email",
        "customer.preferred_channel" => "preferred_channel",
        "delivery.method" => "method",
        "delivery.pickup_point" => "pickup_point",
        "delivery.address" | "delivery.address.line" => "address_line",
        "delivery.address.city" => "city",
        "delivery.address.postcode" => "postcode",
        "delivery.address.country" => "country",
        "payment_mode" => "payment_mode",
        "note" => "note",
        "coupon" => "coupon",
        _ => "cart",
    }
}

impl Visitor {
    fn checkout_page(
        &self,
        cart: CartView,
        form: Checkout,
        problems: Vec<Problem>,
        key: String,
        windows: Vec<Option<app::catalog::Window>>,
        online: bool,
    ) -> CheckoutPage {
        let methods = self
            .settings
            .delivery
            .iter()
            .zip(windows.into_iter().chain(std::iter::repeat(None)))
            .map(|(o, window)| MethodChoice {
                method: o.method.as_str(),
                price: app::MoneyView::new(
                    self.settings
                        .delivery_price(o.method, cart.subtotal.amount_minor)
                        .unwrap_or(o.price_minor),
                    self.settings.currency,
                ),
                places: self.settings.storefront.places(o.method).to_vec(),
                needs_place: o.method.needs_pickup_point(),
                window: window.map(|(from, until)| (from.to_string(), until.to_string())),
            })
            .collect();
        CheckoutPage {
            f: self.frame("sf-checkout-title"),
            cart,
            form,
            methods,
            payments: PaymentMode::ALL
                .iter()
                // Paid now means paid online (PY-1): offered while the shop takes card payments.
                .filter(|m| online || **m != PaymentMode::Prepaid)
                .map(|m| m.as_str())
                .collect(),
            problems,
            key,
            tier: None,
            turned_back: false,
        }
    }
}

/// The window of the whole cart by each offered method, to `postcode` when typed (DL-5).
async fn cart_windows(
    shop: &app::Shop,
    visitor: &Visitor,
    cart: &CartView,
    postcode: &str,
) -> app::Result<Vec<Option<app::catalog::Window>>> {
    let lines: Vec<_> = cart
        .lines
        .iter()
        .filter_map(|line| {
            Some((
                domain::catalog::Sku::parse(&line.sku).ok()?,
                domain::catalog::Quantity::parse(line.quantity).ok()?,
            ))
        })
        .collect();
    let methods: Vec<_> = visitor.settings.delivery.iter().map(|o| o.method).collect();
    let postcode = Some(postcode.trim()).filter(|p| !p.is_empty());
    shop.delivery_promise(&lines, &methods, postcode, shop.now())
        .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormQuery {
    /// The order link of a payment the visitor turned back from: its details fill the form.
    back: String,
}

pub async fn form(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Query(query): Query<FormQuery>,
) -> Response {
    let cart = match shop.cart(visitor.cart.as_deref(), visitor.lang.code).await {
        Ok(cart) => cart,
        Err(err) => return visitor.failure(err),
    };
    if cart.lines.is_empty() {
        return Redirect::to("/cart").into_response();
    }
    // A signed-in customer finds their name, contacts and address filled in.
    let (known, tier) = match visitor.customer(&shop).await {
        _ if !query.back.is_empty() => (shop.checkout_again(&query.back).await, None),
        Ok(Some(customer_id)) => (
            shop.checkout_defaults(customer_id).await,
            shop.customer_tier(customer_id).await.ok(),
        ),
        Ok(None) => (Ok(Checkout::default()), None),
        Err(err) => (Err(err), None),
    };
    let form = match known {
        Ok(known) => Checkout {
            locale: visitor.lang.code.into(),
            ..known
        },
        Err(err) => return visitor.failure(err),
    };
    let key = match app::storefront::checkout_key() {
        Ok(key) => key,
        Err(err) => return visitor.failure(err),
    };
    let windows = cart_windows(&shop, &visitor, &cart, &form.postcode).await;
    match (windows, shop.pays_online().await) {
        (Ok(windows), Ok(online)) => render(&CheckoutPage {
            tier,
            turned_back: !query.back.is_empty(),
            ..visitor.checkout_page(cart, form, Vec::new(), key, windows, online)
        }),
        (Err(err), _) | (_, Err(err)) => visitor.failure(err),
    }
}

/// The visitor turned back from paying at checkout (PY-1): the order is given up, its stock
/// free again, and the checkout comes back filled in as it was sent, the cart untouched.
pub async fn back(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Response {
    match shop.turn_back_from_checkout(&token).await {
        Ok(()) => Redirect::to(&format!("/checkout?back={token}")).into_response(),
        // Paid after all, or given up already: the order's page tells which.
        Err(app::Error::Conflict { .. }) => Redirect::to(&format!("/o/{token}")).into_response(),
        Err(err) => visitor.failure(err),
    }
}

/// The form's fields as typed. Line notes come in the cart's order; the place of a pickup is
/// read from the list of the chosen method.
fn read(fields: Vec<(String, String)>) -> (Checkout, String) {
    let mut form = Checkout::default();
    let mut key = String::new();
    let mut places: Vec<(String, String)> = Vec::new();
    for (name, value) in fields {
        match name.as_str() {
            "name" => form.name = value,
            "phone" => form.phone = value,
            "email" => form.email = value,
            "method" => form.method = value,
            "address_line" => form.address_line = value,
            "city" => form.city = value,
            "postcode" => form.postcode = value,
            "country" => form.country = value,
            "payment_mode" => form.payment_mode = value,
            "preferred_channel" => form.preferred_channel = value,
            "note" => form.note = value,
            "note_line" => form.line_notes.push(value),
            "marketing_consent" => form.marketing_consent = value == "yes",
            "locale" => form.locale = value,
            "coupon" => form.coupon = value,
            "key" => key = value,
            other => {
                if let Some(method) = other.strip_prefix("place_") {
                    places.push((method.to_owned(), value));
                }
            }
        }
    }
    form.pickup_point = places
        .into_iter()
        .find(|(method, value)| *method == form.method && !value.trim().is_empty())
        .map(|(_, value)| value.trim().to_owned())
        .unwrap_or_default();
    (form, key)
}

pub async fn submit(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    ClientAddress(sender): ClientAddress,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let (mut form, key) = read(fields);
    form.sender = sender;
    let cart_token = visitor.cart.clone().unwrap_or_default();
    let key_ok = key.len() == 36 && key.chars().all(|c| c.is_ascii_hexdigit());
    let problems = match shop.checkout_problems(&form).await {
        Ok(problems) => problems,
        Err(err) => return visitor.failure(err),
    };
    let refused = |problems: Vec<Problem>, key: String| async {
        let cart = match shop.cart(visitor.cart.as_deref(), visitor.lang.code).await {
            Ok(cart) => cart,
            Err(err) => return visitor.failure(err),
        };
        let windows = cart_windows(&shop, &visitor, &cart, &form.postcode).await;
        match (windows, shop.pays_online().await) {
            (Ok(windows), Ok(online)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&visitor.checkout_page(cart, form.clone(), problems, key, windows, online)),
            )
                .into_response(),
            (Err(err), _) | (_, Err(err)) => visitor.failure(err),
        }
    };
    if !key_ok {
        // A form from elsewhere, or one made before this shop had keys: a fresh one to send.
        return match app::storefront::checkout_key() {
            Ok(fresh) => refused(Vec::new(), fresh).await,
            Err(err) => visitor.failure(err),
        };
    }
    if !problems.is_empty() {
        return refused(problems, key).await;
    }
    match shop.checkout(&cart_token, &form, &key).await {
        Ok(placed) => {
            let token = placed.order.link_token.unwrap_or_default();
            match placed.order.stage.as_str() {
                // PY-1: on to the provider; the order opens once it says the money came.
                "paying" => match shop.pay_online(&token, visitor.lang.code).await {
                    Ok(checkout) => super::customer::to_checkout(&visitor, checkout),
                    Err(err) => {
                        tracing::warn!(error = %err, "no checkout was opened for a paying order");
                        if let Err(err) = shop.turn_back_from_checkout(&token).await {
                            tracing::warn!(error = %err, "the paying order was not given up");
                        }
                        let problem = Problem {
                            field: "payment_mode".into(),
                            code: err.code().into(),
                            message: err.to_string(),
                        };
                        match app::storefront::checkout_key() {
                            Ok(fresh) => refused(vec![problem], fresh).await,
                            Err(err) => visitor.failure(err),
                        }
                    }
                },
                // The same form sent again after its payment was given up: a new one to send.
                "abandoned" => match app::storefront::checkout_key() {
                    Ok(fresh) => refused(Vec::new(), fresh).await,
                    Err(err) => visitor.failure(err),
                },
                _ => Redirect::to(&format!("/o/{token}?placed=1")).into_response(),
            }
        }
        Err(app::Error::Invalid {
            field,
            code,
            message,
        }) => {
            let problem = Problem {
                field,
                code: code.into(),
                message,
            };
            refused(vec![problem], key).await
        }
        Err(err) => visitor.failure(err),
    }
}

#[derive(Template)]
#[template(path = "storefront/problems.html")]
struct ProblemsFragment {
    problems: Vec<String>,
}

/// htmx: the problems of the form as typed so far, for the fields already filled, shown while
/// the buyer types (CK-1). The same checks run again when the form is sent.
pub async fn check(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let filled: Vec<String> = fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, _)| k.clone())
        .collect();
    let (mut form, _) = read(fields);
    // A coupon is looked up when the form is sent, where tries are counted, not as it is typed.
    form.coupon.clear();
    let problems = match shop.checkout_problems(&form).await {
        Ok(problems) => problems,
        Err(err) => return visitor.failure(err),
    };
    let page = visitor.checkout_page(
        CartView {
            lines: Vec::new(),
            subtotal: app::MoneyView::new(0, visitor.settings.currency),
        },
        form,
        Vec::new(),
        String::new(),
        Vec::new(),
        false,
    );
    let words = problems
        .iter()
        .filter(|p| filled.iter().any(|f| f == input_of(&p.field)))
        .map(|p| page.explain(p))
        .collect();
    render(&ProblemsFragment { problems: words })
}
