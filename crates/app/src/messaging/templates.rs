//! The message templates: the built-in ones in five languages, the shop's own edits checked
//! before they are saved (a syntax error or an unknown variable names its line), and rendering
//! with a live preview (AF-6).

use std::collections::BTreeSet;

use domain::messaging::Channel;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::{Error, Result, Shop};

use super::LOCALES;

/// Variables every template may use.
const COMMON: &[&str] = &[
    "order_number",
    "customer_name",
    "total_minor",
    "currency",
    "shop_name",
    "shop_phone",
    "shop_email",
    "order_link",
];

/// Every template key with the variables it adds to the common ones.
pub const KEYS: &[(&str, &[&str])] = &[
    ("order_received", &[]),
    (
        "order_changed",
        &[
            "new_name",
            "new_phone",
            "new_email",
            "new_address",
            "new_pickup_point",
            "delivery_from",
            "delivery_until",
        ],
    ),
    ("order_being_assembled", &[]),
    ("confirmation_request", &["delivery_from", "delivery_until"]),
    ("missed_call", &["next_call_at"]),
    ("order_held", &["held_until"]),
    ("invoice", &["balance_minor", "pay_by"]),
    ("payment_reminder", &["balance_minor"]),
    ("payment_received", &["amount_minor", "balance_minor"]),
    ("refund_made", &["amount_minor", "refunded_minor"]),
    ("out_of_stock_choice", &["reason"]),
    (
        "defect_choice",
        &["defect_note", "item_title", "discount_minor"],
    ),
    ("replacement_window", &["delivery_from", "delivery_until"]),
    ("goods_arrived", &["delivery_from", "delivery_until"]),
    (
        "handed_to_carrier",
        &[
            "tracking_number",
            "tracking_url",
            "delivery_from",
            "delivery_until",
        ],
    ),
    ("delay_warning", &["delivery_until"]),
    ("parcel_lost", &["compensation"]),
    (
        "ready_for_pickup",
        &["pickup_point", "pickup_code", "pickup_until"],
    ),
    ("courier_on_the_way", &["courier_window", "courier_name"]),
    ("delivered", &["faq_url", "social_url", "rate_url"]),
    (
        "review_request",
        &["product_title", "review_url", "unsubscribe_url"],
    ),
    (
        "review_reminder",
        &["product_title", "review_url", "unsubscribe_url"],
    ),
    (
        "review_answer",
        &[
            "product_title",
            "answer",
            "review_url",
            "coupon_code",
            "discount_percent",
            "free_delivery",
            "coupon_until",
        ],
    ),
    ("review_hidden", &["product_title", "reason", "review_url"]),
    (
        "back_in_stock",
        &["product_title", "variant", "sku", "product_url"],
    ),
    ("newsletter_confirm", &["confirm_url"]),
    (
        "replenish_reminder",
        &[
            "product_title",
            "product_url",
            "products",
            "unsubscribe_url",
        ],
    ),
    (
        "birthday_greeting",
        &[
            "coupon_code",
            "discount_percent",
            "free_delivery",
            "coupon_until",
            "unsubscribe_url",
        ],
    ),
    (
        "anniversary_greeting",
        &[
            "years",
            "coupon_code",
            "discount_percent",
            "free_delivery",
            "coupon_until",
            "unsubscribe_url",
        ],
    ),
    ("holiday_greeting", &["greeting", "unsubscribe_url"]),
    (
        "return_instructions",
        &[
            "return_code",
            "return_items",
            "return_address",
            "shop_pays_percent",
            "wrong_item",
        ],
    ),
    (
        "return_thanks",
        &["coupon_code", "discount_percent", "coupon_until"],
    ),
    (
        "tier_reached",
        &[
            "tier_name",
            "discount_percent",
            "free_delivery",
            "unsubscribe_url",
        ],
    ),
];

macro_rules! builtin {
    ($key:literal) => {
        (
            $key,
            [
                (
                    include_str!(concat!("../../templates/en/", $key, ".email")),
                    include_str!(concat!("../../templates/en/", $key, ".sms")),
                ),
                (
                    include_str!(concat!("../../templates/ru/", $key, ".email")),
                    include_str!(concat!("../../templates/ru/", $key, ".sms")),
                ),
                (
                    include_str!(concat!("../../templates/uk/", $key, ".email")),
                    include_str!(concat!("../../templates/uk/", $key, ".sms")),
                ),
                (
                    include_str!(concat!("../../templates/nb/", $key, ".email")),
                    include_str!(concat!("../../templates/nb/", $key, ".sms")),
                ),
                (
                    include_str!(concat!("../../templates/lv/", $key, ".email")),
                    include_str!(concat!("../../templates/lv/", $key, ".sms")),
                ),
            ],
        )
    };
}

/// The built-in templates: per key, per locale (in the order of [`LOCALES`]), email then SMS.
static BUILTIN: &[(&str, [(&str, &str); 5])] = &[
    builtin!("order_received"),
    builtin!("order_changed"),
    builtin!("order_being_assembled"),
    builtin!("confirmation_request"),
    builtin!("missed_call"),
    builtin!("order_held"),
    builtin!("invoice"),
    builtin!("payment_reminder"),
    builtin!("payment_received"),
    builtin!("refund_made"),
    builtin!("out_of_stock_choice"),
    builtin!("defect_choice"),
    builtin!("replacement_window"),
    builtin!("goods_arrived"),
    builtin!("handed_to_carrier"),
    builtin!("delay_warning"),
    builtin!("parcel_lost"),
    builtin!("ready_for_pickup"),
    builtin!("courier_on_the_way"),
    builtin!("delivered"),
    builtin!("review_request"),
    builtin!("review_reminder"),
    builtin!("review_answer"),
    builtin!("review_hidden"),
    builtin!("back_in_stock"),
    builtin!("newsletter_confirm"),
    builtin!("sign_in_link"),
    builtin!("support_answer"),
    builtin!("replenish_reminder"),
    builtin!("birthday_greeting"),
    builtin!("anniversary_greeting"),
    builtin!("holiday_greeting"),
    builtin!("return_instructions"),
    builtin!("return_thanks"),
    builtin!("tier_reached"),
];

/// A template as stored: an email has a subject, other channels only a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TemplateText {
    pub subject: Option<String>,
    pub body: String,
}

/// Splits a built-in email file: `Subject: ...`, a blank line, the body.
fn parse_builtin(source: &str, channel: Channel) -> TemplateText {
    match (channel, source.strip_prefix("Subject: ")) {
        (Channel::Email, Some(rest)) => {
            let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
            TemplateText {
                subject: Some(subject.trim().to_owned()),
                body: body.trim_start_matches('\n').to_owned(),
            }
        }
        _ => TemplateText {
            subject: None,
            body: source.to_owned(),
        },
    }
}

/// The built-in template for a key, channel and locale; webhooks use the SMS text.
pub fn builtin(key: &str, channel: Channel, locale: &str) -> Option<TemplateText> {
    let (_, locales) = BUILTIN.iter().find(|(k, _)| *k == key)?;
    let index = LOCALES.iter().position(|l| *l == locale)?;
    let (email, sms) = locales[index];
    Some(match channel {
        Channel::Email => parse_builtin(email, channel),
        Channel::Sms | Channel::Webhook => parse_builtin(sms, channel),
    })
}

fn allowed_variables(key: &str) -> Option<BTreeSet<&'static str>> {
    let (_, extra) = KEYS.iter().find(|(k, _)| *k == key)?;
    Some(COMMON.iter().chain(extra.iter()).copied().collect())
}

/// Formats minor units with the currency: `money(29900, "NOK")` is `299.00 NOK`.
fn money(minor: i64, currency: String) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    format!("{sign}{}.{:02} {currency}", minor / 100, minor % 100)
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Shop-edited templates run with a budget, so a runaway loop cannot stall the worker.
    env.set_fuel(Some(100_000));
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.add_filter("money", money);
    env
}

/// A template that does not parse or uses a variable it cannot have, with the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateProblem {
    pub part: &'static str,
    pub line: Option<usize>,
    pub message: String,
}

impl TemplateProblem {
    /// The refusal of an edit, naming the part (under `prefix`) and the line.
    fn into_error(self, prefix: &str) -> Error {
        let message = match self.line {
            Some(line) => format!("line {line}: {}", self.message),
            None => self.message,
        };
        Error::field(
            format!("{prefix}{}", self.part),
            "template_invalid",
            message,
        )
    }
}

/// Checks a template before it is saved: syntax, and only variables its key provides.
pub fn validate(key: &str, text: &TemplateText) -> Result<(), TemplateProblem> {
    let allowed = allowed_variables(key).ok_or_else(|| TemplateProblem {
        part: "key",
        line: None,
        message: format!("'{key}' is not a template key"),
    })?;
    let env = environment();
    let parts = [
        ("subject", text.subject.as_deref()),
        ("body", Some(text.body.as_str())),
    ];
    for (part, source) in parts {
        let Some(source) = source else { continue };
        let template = env.template_from_str(source).map_err(|e| TemplateProblem {
            part,
            line: e.line(),
            message: e.detail().unwrap_or("syntax error").to_owned(),
        })?;
        let mut unknown: Vec<String> = template
            .undeclared_variables(false)
            .into_iter()
            .filter(|v| !allowed.contains(v.as_str()))
            .collect();
        unknown.sort();
        if let Some(first) = unknown.first() {
            let line = source
                .lines()
                .position(|l| l.contains(first.as_str()))
                .map(|i| i + 1);
            return Err(TemplateProblem {
                part,
                line,
                message: format!(
                    "unknown variable '{first}'; this message has: {}",
                    allowed.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    Ok(())
}

/// What a template produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Rendered {
    pub subject: Option<String>,
    pub text: String,
    pub html: Option<String>,
}

pub fn render(
    text: &TemplateText,
    channel: Channel,
    data: &serde_json::Value,
) -> Result<Rendered, String> {
    let env = environment();
    let context = Value::from_serialize(data);
    let run = |source: &str| {
        env.render_str(source, context.clone())
            .map_err(|e| e.to_string())
    };
    let subject = text
        .subject
        .as_deref()
        .map(run)
        .transpose()?
        .map(|s| s.trim().to_owned());
    let body = run(&text.body)?.trim().to_owned();
    let html = (channel == Channel::Email).then(|| to_html(&body));
    Ok(Rendered {
        subject,
        text: body,
        html,
    })
}

/// The HTML part of an email: the text's paragraphs, escaped, with its links clickable.
fn to_html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            let lines: Vec<String> = p
                .lines()
                .map(|line| {
                    line.split(' ')
                        .map(|word| {
                            if word.starts_with("https://") || word.starts_with("http://") {
                                format!("<a href=\"{0}\">{0}</a>", escape(word))
                            } else {
                                escape(word)
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            format!("<p>{}</p>", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!doctype html>\n<html><body>\n{}\n</body></html>\n",
        paragraphs.join("\n")
    )
}

/// One template as the shop sees it: its own version, or the built-in one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TemplateView {
    pub key: String,
    pub channel: String,
    pub locale: String,
    pub subject: Option<String>,
    pub body: String,
    /// `builtin` or `shop`.
    pub source: String,
    pub variables: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct PreviewInput {
    pub key: String,
    pub channel: String,
    pub locale: String,
    /// Render this text instead of the saved template.
    pub template: Option<TemplateText>,
    /// A real order to fill it with; sample data otherwise.
    pub order: Option<i64>,
}

impl Shop {
    /// The text to use: the shop's version, else the built-in one in the locale, else English.
    pub(super) async fn template_text(
        &self,
        conn: &mut store::Conn,
        key: &str,
        channel: Channel,
        locale: &str,
    ) -> Result<Option<TemplateText>> {
        if let Some(own) =
            store::messaging::templates::get(conn, key, channel.as_str(), locale).await?
        {
            return Ok(Some(TemplateText {
                subject: own.subject,
                body: own.body,
            }));
        }
        Ok(builtin(key, channel, locale).or_else(|| builtin(key, channel, "en")))
    }

    pub async fn templates(&self, actor: &Actor) -> Result<Vec<TemplateView>> {
        actor.require(domain::access::Permission::Administer)?;
        let mut conn = self.store.read().await?;
        let own = store::messaging::templates::all(&mut conn).await?;
        let mut views = Vec::new();
        for (key, extra) in KEYS {
            let variables: Vec<String> = COMMON
                .iter()
                .chain(extra.iter())
                .map(|v| (*v).to_owned())
                .collect();
            for channel in [Channel::Email, Channel::Sms] {
                for locale in LOCALES {
                    let mine = own.iter().find(|t| {
                        t.key == *key && t.channel == channel.as_str() && t.locale == locale
                    });
                    let (text, source) = match mine {
                        Some(t) => (
                            TemplateText {
                                subject: t.subject.clone(),
                                body: t.body.clone(),
                            },
                            "shop",
                        ),
                        None => (
                            builtin(key, channel, locale).unwrap_or(TemplateText {
                                subject: None,
                                body: String::new(),
                            }),
                            "builtin",
                        ),
                    };
                    views.push(TemplateView {
                        key: (*key).into(),
                        channel: channel.as_str().into(),
                        locale: locale.into(),
                        subject: text.subject,
                        body: text.body,
                        source: source.into(),
                        variables: variables.clone(),
                    });
                }
            }
        }
        Ok(views)
    }

    /// Saves the shop's version of a template after checking it (AF-6).
    pub async fn put_template(
        &self,
        actor: &Actor,
        key: &str,
        channel: &str,
        locale: &str,
        text: &TemplateText,
    ) -> Result<TemplateView> {
        actor.require(domain::access::Permission::Administer)?;
        let channel = Channel::parse(channel).map_err(|e| Error::invalid("channel", e))?;
        if !LOCALES.contains(&locale) {
            return Err(Error::field(
                "locale",
                "locale_invalid",
                format!("'{locale}' is not one of: {}", LOCALES.join(", ")),
            ));
        }
        if channel == Channel::Email && text.subject.as_deref().is_none_or(|s| s.trim().is_empty())
        {
            return Err(Error::field(
                "subject",
                "subject_missing",
                "an email needs a subject",
            ));
        }
        let text = TemplateText {
            subject: text.subject.clone().filter(|_| channel == Channel::Email),
            body: text.body.clone(),
        };
        validate(key, &text).map_err(|problem| problem.into_error(""))?;
        let mut tx = self.store.begin_write().await?;
        let row = store::messaging::templates::TemplateRow {
            key: key.into(),
            channel: channel.as_str().into(),
            locale: locale.into(),
            subject: text.subject.clone(),
            body: text.body.clone(),
            updated_at: store::to_millis(self.now()),
        };
        store::messaging::templates::put(&mut tx, &row).await?;
        tx.commit().await?;
        let views = self.templates(actor).await?;
        views
            .into_iter()
            .find(|v| v.key == key && v.channel == channel.as_str() && v.locale == locale)
            .ok_or(Error::NotFound { what: "template" })
    }

    /// Renders a template with a real order or sample data, without sending anything.
    pub async fn preview(&self, actor: &Actor, input: &PreviewInput) -> Result<Rendered> {
        actor.require(domain::access::Permission::ManageOrders)?;
        let channel = Channel::parse(&input.channel).map_err(|e| Error::invalid("channel", e))?;
        let settings = self.settings().await?;
        let text = match &input.template {
            Some(text) => {
                validate(&input.key, text).map_err(|problem| problem.into_error("template."))?;
                text.clone()
            }
            None => {
                let mut conn = self.store.read().await?;
                self.template_text(&mut conn, &input.key, channel, &input.locale)
                    .await?
                    .ok_or(Error::NotFound { what: "template" })?
            }
        };
        let mut data = sample_data(&settings);
        if let Some(number) = input.order {
            let mut conn = self.store.read().await?;
            let row = store::orders::get(&mut conn, number)
                .await?
                .ok_or(Error::NotFound { what: "order" })?;
            merge(&mut data, crate::messaging::order_data(&row, &settings));
        }
        render(&text, channel, &data)
            .map_err(|message| Error::field("template", "template_failed", message))
    }
}

fn merge(data: &mut serde_json::Value, more: serde_json::Value) {
    if let (serde_json::Value::Object(base), serde_json::Value::Object(more)) = (data, more) {
        base.extend(more.into_iter().filter(|(_, v)| !v.is_null()));
    }
}

/// Believable values for every variable, for previews and the built-in template checks.
pub fn sample_data(settings: &domain::settings::ShopSettings) -> serde_json::Value {
    let mut data = json!({
        "order_number": 1042,
        "customer_name": "Anna Berg",
        "total_minor": 59800,
        "currency": settings.currency.as_str(),
        "shop_name": settings.name,
        "shop_phone": if settings.contact_phone.is_empty() { "+47 22 00 00 00" } else { settings.contact_phone.as_str() },
        "shop_email": if settings.contact_email.is_empty() { "hello@example.com" } else { settings.contact_email.as_str() },
        "order_link": format!("{}/o/sample", settings.public_url),
        "delivery_from": "2026-03-04",
        "delivery_until": "2026-03-06",
        "next_call_at": "2026-03-02 14:00",
        "held_until": "2026-03-05 20:00",
        "balance_minor": 59800,
        "pay_by": "2026-03-05 10:00",
        "amount_minor": 59800,
        "reason": "out of stock: SOCK-L",
        "tracking_number": "TRK123456789",
        "tracking_url": "https://tracking.example.com/TRK123456789",
        "pickup_point": "Locker Oslo S",
        "pickup_code": "482913",
        "pickup_until": "2026-03-12",
        "courier_window": "between 14:00 and 16:00",
        "courier_name": "Erik",
        "faq_url": settings.messages.faq_url,
        "social_url": settings.messages.social_url,
        "rate_url": format!("{}/o/sample/rate", settings.public_url),
        "item_title": "Wool sweater, grey, M",
        "defect_note": "a small pull in the knit on the left sleeve",
        "product_title": "Wool sweater",
        "review_url": format!("{}/o/sample#review", settings.public_url),
        "unsubscribe_url": format!("{}/unsubscribe/sample", settings.public_url),
        "discount_minor": 10000,
        "compensation": "resend_now",
        "variant": "grey, M",
        "sku": "SWEATER-GREY-M",
        "product_url": format!("{}/products/1?sku=SWEATER-GREY-M", settings.public_url),
        "confirm_url": format!("{}/newsletter/sample", settings.public_url),
    });
    // After the sale (AF-7..9); a second object keeps the macro within its recursion limit.
    let after_sale = json!({
        "products": [
            {"title": "Wool sweater", "url": format!("{}/products/1?sku=SWEATER-GREY-M", settings.public_url)},
            {"title": "Wool wash", "url": format!("{}/products/7?sku=WASH-250", settings.public_url)},
        ],
        "coupon_code": "BD1042-K7QX3MPA2R",
        "discount_percent": 10,
        "free_delivery": false,
        "coupon_until": "2026-04-01",
        "years": 2,
        "greeting": "Happy New Year!",
        "sign_in_url": format!("{}/account/sign-in/sample", settings.public_url),
        "minutes": 30,
        "question": "Can I swap the sweater for a larger size?",
        "answer": "Yes: send it back within 30 days and order size L; the return is on us.",
        "return_code": "R1042-482913",
        "return_items": [{"title": "Wool sweater", "quantity": 1}],
        "return_address": "Storgata 1, 0155 Oslo",
        "shop_pays_percent": 100,
        "wrong_item": true,
        "tier_name": "Regular",
    });
    crate::messaging::extend(&mut data, after_sale);
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_renders_in_every_language() {
        let data = sample_data(&domain::settings::ShopSettings::default());
        for (key, _) in KEYS {
            for locale in LOCALES {
                for channel in [Channel::Email, Channel::Sms] {
                    let text = builtin(key, channel, locale)
                        .unwrap_or_else(|| panic!("{key} {locale} missing"));
                    validate(key, &text)
                        .unwrap_or_else(|p| panic!("{key}.{} {locale}: {p:?}", channel.as_str()));
                    let rendered = render(&text, channel, &data)
                        .unwrap_or_else(|e| panic!("{key} {locale}: {e}"));
                    assert!(!rendered.text.is_empty(), "{key} {locale}");
                    assert_eq!(
                        rendered.subject.is_some_and(|s| !s.is_empty()),
                        channel == Channel::Email,
                        "{key} {locale}"
                    );
                    assert!(
                        !rendered.text.contains("none") && !rendered.text.contains("{{"),
                        "{key} {locale}: {}",
                        rendered.text
                    );
                }
            }
        }
    }

    #[test]
    fn an_edit_with_a_syntax_error_or_an_unknown_variable_names_the_line() {
        let text = |body: &str| TemplateText {
            subject: None,
            body: body.into(),
        };
        let problem = validate("invoice", &text("Hello\n{% if balance_minor %}due"))
            .expect_err("unclosed block");
        assert_eq!(problem.part, "body");
        let problem = validate("invoice", &text("Hello\nyour code is {{ pickup_code }}"))
            .expect_err("not an invoice variable");
        assert_eq!(problem.line, Some(2));
        assert!(problem.message.contains("pickup_code"));
        assert!(
            validate(
                "invoice",
                &text("{{ balance_minor|money(currency) }} by {{ pay_by }}")
            )
            .is_ok()
        );
    }

    #[test]
    fn money_is_written_in_major_units() {
        assert_eq!(money(29900, "NOK".into()), "299.00 NOK");
        assert_eq!(money(-5, "EUR".into()), "-0.05 EUR");
    }
}
