//! Browsing: the catalogue with categories and search, a product with its variants, stock and
//! delivery windows (DL-5), back-in-stock requests (ST-4), the pages that describe the shop
//! (SU-2), and the contacts page with its form to write to the shop (SU-1).

use app::Problem;
use app::storefront::{Catalogue, CatalogueQuery, ProductPage, StockState, VariantOffer};
use app::support::ContactForm;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::catalog::{Quantity, Sku};
use domain::orders::PaymentMode;
use serde::Deserialize;

use super::{Look, Visitor, paragraphs};
use crate::pages::session::{ClientAddress, encode, render, time_zone};

#[derive(Template)]
#[template(path = "storefront/catalogue.html")]
struct CataloguePage {
    f: Look,
    query: CatalogueQuery,
    catalogue: Catalogue,
    /// The average of each product's published reviews (AF-4).
    ratings: std::collections::BTreeMap<i64, app::reviews::Rating>,
}

impl CataloguePage {
    fn rating(&self, product: &i64) -> Option<&app::reviews::Rating> {
        self.ratings.get(product)
    }

    fn stock(&self, state: &StockState) -> String {
        self.f.label("sf-stock", state.as_str())
    }

    /// The link to another page of the same search.
    fn page_link(&self, page: i64) -> String {
        format!(
            "/?category={}&q={}&page={page}",
            encode(&self.query.category),
            encode(&self.query.q)
        )
    }
}

pub async fn catalogue(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Query(query): Query<CatalogueQuery>,
) -> Response {
    let found = async {
        let catalogue = shop.catalogue(&query, visitor.lang.code).await?;
        let ids: Vec<i64> = catalogue.products.iter().map(|p| p.id).collect();
        Ok::<_, app::Error>((shop.ratings(&ids).await?, catalogue))
    };
    match found.await {
        Ok((ratings, catalogue)) => render(&CataloguePage {
            f: visitor.frame("sf-catalogue-title"),
            query,
            catalogue,
            ratings,
        }),
        Err(err) => visitor.failure(err),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProductQuery {
    sku: String,
    size: String,
    colour: String,
    /// The visitor's city or postcode, for the delivery windows.
    region: String,
    /// A notice after a form: `added` to the cart, `asked` for a back-in-stock message.
    done: String,
    /// A back-in-stock request that was refused, with why.
    problem: String,
}

/// A delivery method as a product page offers it: price and the window for this variant.
pub struct MethodOffer {
    method: &'static str,
    price: app::MoneyView,
    free_from: Option<app::MoneyView>,
    /// Delivery between these dates, both included; none when no place has the units.
    window: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "storefront/product.html")]
struct ProductView {
    f: Look,
    product: ProductPage,
    chosen: Option<VariantOffer>,
    query: ProductQuery,
    methods: Vec<MethodOffer>,
    paragraphs: Vec<String>,
    /// Published reviews, newest first, with the shop's answers (AF-4, AF-5).
    reviews: app::reviews::ProductReviews,
    /// The schema.org `Product` with its `AggregateRating`, as JSON-LD.
    markup: String,
}

impl ProductView {
    fn stock(&self, state: &StockState) -> String {
        self.f.label("sf-stock", state.as_str())
    }

    fn stars(&self, stars: &i64) -> String {
        super::reviews::stars(*stars)
    }

    fn day(&self, at: &jiff::Timestamp) -> String {
        at.strftime("%Y-%m-%d").to_string()
    }

    fn in_stock(&self, variant: &VariantOffer) -> bool {
        variant.stock != StockState::OutOfStock
    }

    /// A photo of every colour, or of the colour chosen.
    fn shows(&self, photo: &app::catalog::Shown) -> bool {
        let chosen = self.chosen.as_ref().and_then(|v| v.colour.as_ref());
        match (&photo.colour, chosen) {
            (Some(colour), Some(chosen)) => colour == chosen,
            _ => true,
        }
    }
}

pub async fn product(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(id): Path<i64>,
    Query(query): Query<ProductQuery>,
) -> Response {
    let (product, reviews) = match (
        shop.product_page(id, visitor.lang.code).await,
        shop.product_reviews(id).await,
    ) {
        (Ok(product), Ok(reviews)) => (product, reviews),
        (Err(err), _) | (_, Err(err)) => return visitor.failure(err),
    };
    let chosen = product
        .pick(&query.sku, &query.size, &query.colour)
        .cloned();
    let mut methods = Vec::new();
    if let Some(variant) = &chosen {
        let region = Some(query.region.trim()).filter(|r| !r.is_empty());
        let currency = visitor.settings.currency;
        let offered: Vec<_> = visitor.settings.delivery.iter().map(|o| o.method).collect();
        let windows = match (Sku::parse(&variant.sku), Quantity::parse(1)) {
            (Ok(sku), Ok(one)) => {
                match shop
                    .delivery_promise(&[(sku, one)], &offered, region, shop.now())
                    .await
                {
                    Ok(windows) => windows,
                    Err(err) => return visitor.failure(err),
                }
            }
            _ => Vec::new(),
        };
        for (option, window) in visitor.settings.delivery.iter().zip(windows) {
            methods.push(MethodOffer {
                method: option.method.as_str(),
                price: app::MoneyView::new(option.price_minor, currency),
                free_from: option
                    .free_from_minor
                    .map(|m| app::MoneyView::new(m, currency)),
                window: window.map(|(from, until)| (from.to_string(), until.to_string())),
            });
        }
    }
    let view = ProductView {
        f: visitor.titled(product.title.clone()),
        markup: super::reviews::markup(&product, &reviews),
        reviews,
        paragraphs: paragraphs(&product.description),
        product,
        chosen,
        query,
        methods,
    };
    render(&view)
}

#[derive(Deserialize)]
pub struct BackInStockForm {
    sku: String,
    contact: String,
}

/// "Tell me when it's back" (ST-4). A refused contact comes back to the page, named.
pub async fn back_in_stock(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(id): Path<i64>,
    Form(form): Form<BackInStockForm>,
) -> Response {
    let back = format!("/products/{id}?sku={}", encode(&form.sku));
    match shop
        .ask_back_in_stock(&form.sku, &form.contact, visitor.lang.code)
        .await
    {
        Ok(()) => Redirect::to(&format!("{back}&done=asked#back-in-stock")).into_response(),
        Err(app::Error::Invalid { code, .. }) => {
            Redirect::to(&format!("{back}&problem={code}#back-in-stock")).into_response()
        }
        Err(err) => visitor.failure(err),
    }
}

#[derive(Template)]
#[template(path = "storefront/text.html")]
struct TextPage {
    f: Look,
    paragraphs: Vec<String>,
}

fn text_page(visitor: &Visitor, title_id: &str, text: &str) -> Response {
    render(&TextPage {
        f: visitor.frame(title_id),
        paragraphs: paragraphs(text),
    })
}

/// The owner's own FAQ (SU-2), edited in the settings.
pub async fn faq(visitor: Visitor) -> Response {
    text_page(&visitor, "sf-faq-title", &visitor.settings.storefront.faq)
}

/// The owner's own "How to order" (SU-2).
pub async fn how_to_order(visitor: Visitor) -> Response {
    text_page(
        &visitor,
        "sf-how-title",
        &visitor.settings.storefront.how_to_order,
    )
}

/// A delivery method with everything the shop promises about it (DL-5).
pub struct Terms {
    method: &'static str,
    price: app::MoneyView,
    free_from: Option<app::MoneyView>,
    transit: [i64; 2],
    carrier: String,
    storage_days: Option<i64>,
}

/// A place goods leave from, with its cut-off (DL-8) and a supplier's lead time.
pub struct Departure {
    name: String,
    cutoff: String,
    lead_time_days: i64,
}

#[derive(Template)]
#[template(path = "storefront/delivery.html")]
struct DeliveryPage {
    f: Look,
    terms: Vec<Terms>,
    departures: Vec<Departure>,
    payments: Vec<&'static str>,
    working_days: Vec<String>,
}

/// "Delivery and payment", written from the settings the shop works by, so it is never out of
/// date (DL-5, SU-2).
pub async fn delivery(State(shop): State<app::Shop>, visitor: Visitor) -> Response {
    let locations = match shop.locations().await {
        Ok(locations) => locations,
        Err(err) => return visitor.failure(err),
    };
    let settings = &visitor.settings;
    let terms = settings
        .delivery
        .iter()
        .map(|o| Terms {
            method: o.method.as_str(),
            price: app::MoneyView::new(o.price_minor, settings.currency),
            free_from: o
                .free_from_minor
                .map(|m| app::MoneyView::new(m, settings.currency)),
            transit: o.transit_days,
            carrier: o.carrier.clone(),
            storage_days: (o.method.needs_pickup_point() || o.method.is_self_pickup())
                .then_some(o.pickup_storage_days),
        })
        .collect();
    let f = visitor.frame("sf-delivery-title");
    let working_days = settings
        .working_weekdays
        .iter()
        .map(|d| f.label("sf-weekday", &d.to_string()))
        .collect();
    let page = DeliveryPage {
        terms,
        departures: locations
            .into_iter()
            .map(|l| Departure {
                name: l.name,
                cutoff: l.cutoff,
                lead_time_days: l.lead_time_days,
            })
            .collect(),
        payments: PaymentMode::ALL.iter().map(|m| m.as_str()).collect(),
        working_days,
        f,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "storefront/contacts.html")]
struct ContactsPage {
    f: Look,
    phone: String,
    /// The phone as a `tel:` link: digits and a leading plus only.
    phone_link: String,
    email: String,
    address: String,
    /// The contact form as typed, its key, and what is wrong with it (SU-1).
    form: ContactForm,
    key: String,
    problems: Vec<Problem>,
    /// The message just sent: when and how its answer comes.
    sent: Option<String>,
    answer_hours: i64,
}

impl ContactsPage {
    /// The problem with an input, in words, with the field's name in front.
    fn problem(&self, input: &str) -> Option<String> {
        self.problems
            .iter()
            .find(|p| p.field == input)
            .map(|p| self.explain(p))
    }

    fn explain(&self, problem: &Problem) -> String {
        self.f.problem_text(&problem.field, problem)
    }
}

impl Visitor {
    /// The contacts page with its form, fresh or as the visitor sent it.
    fn contacts_page(
        &self,
        form: ContactForm,
        key: String,
        problems: Vec<Problem>,
        sent: Option<String>,
    ) -> ContactsPage {
        let s = &self.settings;
        ContactsPage {
            phone_link: s
                .contact_phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect(),
            phone: s.contact_phone.clone(),
            email: s.contact_email.clone(),
            address: s.contact_address.clone(),
            answer_hours: s.support.answer_within_hours,
            f: self.frame("sf-contacts-title"),
            form,
            key,
            problems,
            sent,
        }
    }
}

/// Every way to reach the shop, and a form to write to it (SU-1).
pub async fn contacts(visitor: Visitor) -> Response {
    match app::support::form_key() {
        Ok(key) => render(&visitor.contacts_page(ContactForm::default(), key, Vec::new(), None)),
        Err(err) => visitor.failure(err),
    }
}

#[derive(Deserialize)]
pub struct ContactPost {
    #[serde(flatten)]
    form: ContactForm,
    #[serde(default)]
    key: String,
}

/// A visitor's message (SU-1). A refused form comes back as typed, each problem beside its
/// field; a sent one says when the answer comes. Sending the same form again (a reload) finds
/// the first message by the form's key and says the same.
pub async fn write_to_us(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    ClientAddress(address): ClientAddress,
    Form(post): Form<ContactPost>,
) -> Response {
    let ContactPost { form, key } = post;
    let refused = |status: StatusCode, problems: Vec<Problem>, key: String| {
        let page = visitor.contacts_page(form.clone(), key, problems, None);
        (status, render(&page)).into_response()
    };
    let problems = match shop.contact_problems(&form).await {
        Ok(problems) => problems,
        Err(err) => return visitor.failure(err),
    };
    if !problems.is_empty() {
        return refused(StatusCode::UNPROCESSABLE_ENTITY, problems, key);
    }
    match shop
        .send_inquiry(&form, &key, &address, visitor.lang.code)
        .await
    {
        Ok(sent) => {
            let f = visitor.frame("sf-contacts-title");
            let when = sent
                .due_at
                .to_zoned_datetime(time_zone(&visitor.settings))
                .strftime("%Y-%m-%d %H:%M")
                .to_string();
            let notice = f.t2("sf-contact-sent", "channel", &sent.channel, "when", when);
            match app::support::form_key() {
                Ok(fresh) => render(&visitor.contacts_page(
                    ContactForm::default(),
                    fresh,
                    Vec::new(),
                    Some(notice),
                )),
                Err(err) => visitor.failure(err),
            }
        }
        // A form from elsewhere, without a key of this shop's making: a fresh one to send.
        Err(app::Error::Invalid { field, .. }) if field == "key" => {
            match app::support::form_key() {
                Ok(fresh) => refused(StatusCode::UNPROCESSABLE_ENTITY, Vec::new(), fresh),
                Err(err) => visitor.failure(err),
            }
        }
        Err(app::Error::Invalid {
            field,
            code,
            message,
        }) => {
            let status = if code == "too_many_messages" {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let problem = Problem {
                field,
                code: code.into(),
                message,
            };
            refused(status, vec![problem], key)
        }
        Err(err) => visitor.failure(err),
    }
}

#[derive(Template)]
#[template(path = "storefront/newsletter.html")]
struct NewsletterPage {
    f: Look,
    /// What the page says, already translated.
    message: String,
    /// The link's token when the visitor still has to press the button.
    confirm: Option<String>,
}

#[derive(Deserialize)]
pub struct SubscribeForm {
    email: String,
}

/// The footer's newsletter form (AF-10): a confirmation email goes out; nothing more yet.
pub async fn subscribe(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Form(form): Form<SubscribeForm>,
) -> Response {
    let message = match shop.ask_newsletter(&form.email, visitor.lang.code).await {
        Ok(()) => visitor.lang.text("sf-newsletter-check"),
        Err(app::Error::Invalid { code, message, .. }) => format!(
            "{}: {}",
            visitor.lang.text("sf-field-email"),
            visitor.explain(code, &message)
        ),
        Err(err) => return visitor.failure(err),
    };
    render(&NewsletterPage {
        f: visitor.frame("sf-newsletter"),
        message,
        confirm: None,
    })
}

/// The link in the confirmation email: a button to press, so that a mail scanner opening the
/// link subscribes nobody.
pub async fn subscription(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Response {
    match shop.newsletter_confirmed(&token).await {
        Ok(confirmed) => render(&NewsletterPage {
            f: visitor.frame("sf-newsletter"),
            message: visitor.lang.text(if confirmed {
                "sf-newsletter-done"
            } else {
                "sf-newsletter-confirm-text"
            }),
            confirm: (!confirmed).then_some(token),
        }),
        Err(err) => visitor.failure(err),
    }
}

pub async fn confirm_subscription(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Response {
    match shop.confirm_newsletter(&token).await {
        Ok(()) => render(&NewsletterPage {
            f: visitor.frame("sf-newsletter"),
            message: visitor.lang.text("sf-newsletter-done"),
            confirm: None,
        }),
        Err(err) => visitor.failure(err),
    }
}
