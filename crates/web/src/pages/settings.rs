//! The owner's settings: the shop's main fields, saved by `change_settings` as a change naming
//! only the fields the owner changed, and the message templates with a live preview in each
//! language (AF-6).

use app::messaging::{LOCALES, PreviewInput, Rendered, TemplateText, TemplateView};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use domain::after_sale::{Gift, HolidayGreeting, ReplenishRule};
use serde::Deserialize;

use super::frame::Frame;
use super::session::{Me, PageError, render};

/// The fields of the settings form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ShopForm {
    name: String,
    contact_phone: String,
    contact_email: String,
    contact_address: String,
    time_zone: String,
    calling_from: String,
    calling_until: String,
    quiet_from: String,
    quiet_until: String,
    /// The storefront's colours, pages and pickup places (SU-2, DL-1); places one per line.
    storefront_colour: String,
    storefront_accent: String,
    faq: String,
    how_to_order: String,
    pickup_points: String,
    lockers: String,
    /// Days an untouched cart is kept.
    cart_days: String,
    /// Returns from the order page (AF-1): the window, the shop's share of the shipping, the
    /// thank-you coupon.
    return_days: String,
    return_shop_pays_percent: String,
    return_thank_you_percent: String,
    return_thank_you_days: String,
    /// How the contacts page's messages are answered (SU-1).
    answer_within_hours: String,
    messages_per_hour: String,
    /// After the sale (AF-7, AF-9): a reminder rule per line, `cosmetics 56-84`; a holiday per
    /// line, `03-08 Happy 8 March!`, and its translations, `03-08 ru: С 8 Марта!`.
    replenish: String,
    holiday_greetings: String,
    /// AF-8: `none`, `discount` or `free_delivery`, the percent off and the days it is valid.
    birthday_gift: String,
    birthday_percent: String,
    birthday_days: String,
    anniversary_gift: String,
    anniversary_percent: String,
    anniversary_days: String,
    /// The nightly backup (SQLite): the folder, empty for none; the hour; how many are kept.
    backup_folder: String,
    backup_hour: String,
    backup_keep: String,
    /// The languages the shop sells in (SU-2): the default, and a ticked box per other one.
    default_locale: String,
    #[serde(skip)]
    languages: Vec<String>,
    /// Fewer units available than this is "low" in the product list.
    low_stock_units: String,
}

/// A whole number typed in a field, or a refusal naming the field.
fn number(field: &str, text: &str) -> Result<i64, app::Error> {
    text.trim().parse().map_err(|_| {
        app::Error::field(
            field,
            "number_invalid",
            format!("'{text}' is not a whole number"),
        )
    })
}

/// A gift as the form shows it: its kind, percent off (10 until one is chosen) and days.
fn gift_fields(gift: Option<Gift>) -> (String, String, String) {
    let kind = match gift {
        None => "none",
        Some(Gift::Discount { .. }) => "discount",
        Some(Gift::FreeDelivery { .. }) => "free_delivery",
    };
    let percent = gift.map_or(10, |g| g.percent()).max(1);
    let days = gift.map_or(30, Gift::valid_days);
    (kind.into(), percent.to_string(), days.to_string())
}

/// The gift the form's fields describe, naming the field a number could not be read from.
fn gift_of(
    prefix: &str,
    kind: &str,
    percent: &str,
    days: &str,
) -> Result<Option<Gift>, app::Error> {
    let number = |raw: &str, name: &str| number(&format!("{prefix}_{name}"), raw);
    Ok(match kind {
        "discount" => Some(Gift::Discount {
            percent: number(percent, "percent")?,
            valid_days: number(days, "days")?,
        }),
        "free_delivery" => Some(Gift::FreeDelivery {
            valid_days: number(days, "days")?,
        }),
        _ => None,
    })
}

/// `category 56-84` per line, the days last so a category may have spaces (AF-7).
fn replenish_of(text: &str) -> Result<Vec<ReplenishRule>, app::Error> {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines
        .enumerate()
        .map(|(i, line)| {
            let parsed = line
                .rsplit_once(char::is_whitespace)
                .and_then(|(category, days)| {
                    let (min, max) = days.split_once('-')?;
                    Some(ReplenishRule {
                        category: category.trim().to_owned(),
                        after_days_min: min.parse().ok()?,
                        after_days_max: max.parse().ok()?,
                    })
                });
            parsed.ok_or_else(|| {
                app::Error::field(
                    "replenish",
                    "line_invalid",
                    format!(
                        "line {}: write a category and days, such as cosmetics 56-84",
                        i + 1
                    ),
                )
            })
        })
        .collect()
}

/// `03-08 Happy 8 March!` per line, with `03-08 ru: ...` lines for its translations (AF-9).
fn holidays_of(text: &str) -> Result<Vec<HolidayGreeting>, app::Error> {
    let mut holidays: Vec<HolidayGreeting> = Vec::new();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        let problem = |message: &str| {
            app::Error::field(
                "holiday_greetings",
                "line_invalid",
                format!("line {}: {message}", i + 1),
            )
        };
        let (date, words) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| problem("write a date and a greeting, such as 03-08 Happy 8 March!"))?;
        let translation = words
            .split_once(':')
            .filter(|(locale, _)| LOCALES.contains(&locale.trim()));
        match translation {
            Some((locale, greeting)) => {
                let holiday = holidays
                    .iter_mut()
                    .find(|h| h.date == date)
                    .ok_or_else(|| problem("write the greeting before its translations"))?;
                holiday
                    .translations
                    .insert(locale.trim().to_owned(), greeting.trim().to_owned());
            }
            None => holidays.push(HolidayGreeting {
                date: date.to_owned(),
                greeting: words.trim().to_owned(),
                translations: Default::default(),
            }),
        }
    }
    Ok(holidays)
}

impl ShopForm {
    fn of(settings: &domain::settings::ShopSettings) -> Self {
        let after_sale = &settings.after_sale;
        let (birthday_gift, birthday_percent, birthday_days) = gift_fields(after_sale.birthday);
        let (anniversary_gift, anniversary_percent, anniversary_days) =
            gift_fields(after_sale.anniversary);
        Self {
            name: settings.name.clone(),
            contact_phone: settings.contact_phone.clone(),
            contact_email: settings.contact_email.clone(),
            contact_address: settings.contact_address.clone(),
            time_zone: settings.time_zone.clone(),
            calling_from: settings.calls.calling_from.clone(),
            calling_until: settings.calls.calling_until.clone(),
            quiet_from: settings.messages.quiet_from.clone(),
            quiet_until: settings.messages.quiet_until.clone(),
            storefront_colour: settings.storefront.colour.clone(),
            storefront_accent: settings.storefront.accent.clone(),
            faq: settings.storefront.faq.clone(),
            how_to_order: settings.storefront.how_to_order.clone(),
            pickup_points: settings.storefront.pickup_points.join("\n"),
            lockers: settings.storefront.lockers.join("\n"),
            cart_days: settings.storefront.cart_days.to_string(),
            return_days: settings.returns.days.to_string(),
            return_shop_pays_percent: settings.returns.shop_pays_percent.to_string(),
            return_thank_you_percent: settings.returns.thank_you_percent.to_string(),
            return_thank_you_days: settings.returns.thank_you_days.to_string(),
            answer_within_hours: settings.support.answer_within_hours.to_string(),
            messages_per_hour: settings.support.messages_per_hour.to_string(),
            replenish: after_sale
                .replenish
                .iter()
                .map(|r| format!("{} {}-{}", r.category, r.after_days_min, r.after_days_max))
                .collect::<Vec<_>>()
                .join("\n"),
            holiday_greetings: after_sale
                .holidays
                .iter()
                .flat_map(|h| {
                    let translations = h.translations.iter();
                    std::iter::once(format!("{} {}", h.date, h.greeting)).chain(
                        translations.map(|(locale, text)| format!("{} {locale}: {text}", h.date)),
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            birthday_gift,
            birthday_percent,
            birthday_days,
            anniversary_gift,
            anniversary_percent,
            anniversary_days,
            backup_folder: settings.backups.folder.clone(),
            backup_hour: settings.backups.hour.to_string(),
            backup_keep: settings.backups.keep.to_string(),
            default_locale: settings.default_locale.clone(),
            languages: settings.languages.clone(),
            low_stock_units: settings.low_stock_units.to_string(),
        }
    }

    /// The settings with these fields changed; everything else stays as it is. A line or a
    /// number the form cannot read is refused naming its field.
    fn apply(
        &self,
        settings: &domain::settings::ShopSettings,
    ) -> Result<domain::settings::ShopSettings, app::Error> {
        let mut changed = settings.clone();
        changed.storefront.cart_days = number("storefront.cart_days", &self.cart_days)?;
        let returns = &mut changed.returns;
        returns.days = number("returns.days", &self.return_days)?;
        returns.shop_pays_percent =
            number("returns.shop_pays_percent", &self.return_shop_pays_percent)?;
        returns.thank_you_percent =
            number("returns.thank_you_percent", &self.return_thank_you_percent)?;
        returns.thank_you_days = number("returns.thank_you_days", &self.return_thank_you_days)?;
        changed.support.answer_within_hours =
            number("support.answer_within_hours", &self.answer_within_hours)?;
        changed.support.messages_per_hour =
            number("support.messages_per_hour", &self.messages_per_hour)?;
        changed.backups.folder = self.backup_folder.trim().to_owned();
        changed.backups.hour = number("backups.hour", &self.backup_hour)?;
        changed.backups.keep = number("backups.keep", &self.backup_keep)?;
        changed.default_locale = self.default_locale.trim().to_owned();
        // The default is always sold in, ticked or not.
        changed.languages.clone_from(&self.languages);
        if !changed.languages.contains(&changed.default_locale) {
            changed.languages.insert(0, changed.default_locale.clone());
        }
        changed.low_stock_units = number("low_stock_units", &self.low_stock_units)?;
        changed.name = self.name.trim().to_owned();
        changed.contact_phone = self.contact_phone.trim().to_owned();
        changed.contact_email = self.contact_email.trim().to_owned();
        changed.contact_address = self.contact_address.trim().to_owned();
        changed.time_zone = self.time_zone.trim().to_owned();
        changed.calls.calling_from = self.calling_from.trim().to_owned();
        changed.calls.calling_until = self.calling_until.trim().to_owned();
        changed.messages.quiet_from = self.quiet_from.trim().to_owned();
        changed.messages.quiet_until = self.quiet_until.trim().to_owned();
        let places = |text: &str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let storefront = &mut changed.storefront;
        storefront.colour = self.storefront_colour.trim().to_owned();
        storefront.accent = self.storefront_accent.trim().to_owned();
        // Browsers send textarea lines with CRLF; the pages split paragraphs on blank lines.
        storefront.faq = self.faq.replace("\r\n", "\n").trim().to_owned();
        storefront.how_to_order = self.how_to_order.replace("\r\n", "\n").trim().to_owned();
        storefront.pickup_points = places(&self.pickup_points);
        storefront.lockers = places(&self.lockers);
        let after_sale = &mut changed.after_sale;
        after_sale.replenish = replenish_of(&self.replenish)?;
        after_sale.holidays = holidays_of(&self.holiday_greetings)?;
        after_sale.birthday = gift_of(
            "birthday",
            &self.birthday_gift,
            &self.birthday_percent,
            &self.birthday_days,
        )?;
        after_sale.anniversary = gift_of(
            "anniversary",
            &self.anniversary_gift,
            &self.anniversary_percent,
            &self.anniversary_days,
        )?;
        Ok(changed)
    }
}

impl ShopForm {
    /// The form's fields, with the ticked `languages` boxes, one field per box.
    fn parse(body: &[u8]) -> Result<Self, PageError> {
        let mut form: Self = serde_urlencoded::from_bytes(body)
            .map_err(|_| PageError::new(StatusCode::BAD_REQUEST, "error-invalid"))?;
        form.languages = form_urlencoded::parse(body)
            .filter(|(name, _)| name == "languages")
            .map(|(_, value)| value.into_owned())
            .collect();
        Ok(form)
    }
}

#[derive(Template)]
#[template(path = "pages/settings.html")]
struct SettingsPage {
    f: Frame,
    form: ShopForm,
    /// The field a refusal is about, and why.
    problem: Option<(String, String)>,
}

impl SettingsPage {
    /// Whether the shop sells in this language; the default always is.
    fn sells_in(&self, locale: &str) -> bool {
        self.form.default_locale == locale || self.form.languages.iter().any(|l| l == locale)
    }
}

/// Only the owner changes settings; the page says so before anything is typed.
fn owner_only(me: &Me) -> Result<(), PageError> {
    if me.staff.may(Permission::Administer) {
        Ok(())
    } else {
        Err(app::Error::Forbidden.into())
    }
}

pub async fn page(me: Me) -> Result<Response, PageError> {
    owner_only(&me)?;
    let view = SettingsPage {
        f: me.frame("settings", "settings-title"),
        form: ShopForm::of(&me.settings),
        problem: None,
    };
    Ok(render(&view))
}

pub async fn save(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = ShopForm::parse(&body)?;
    let saved = async {
        let settings = form.apply(&me.settings)?;
        let change = app::settings::change_between(&me.settings, &settings)?;
        shop.change_settings(me.actor(), &change).await
    }
    .await;
    match saved {
        Ok(_) => {
            me.notice(&shop, &me.lang.text("settings-saved")).await?;
            Ok(Redirect::to("/admin/settings").into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let field = match &err {
                app::Error::Invalid { field, .. } => field.clone(),
                _ => String::new(),
            };
            let view = SettingsPage {
                problem: Some((field, me.explain(&err))),
                f: me.frame("settings", "settings-title"),
                form,
            };
            Ok((Me::refused_status(&err), render(&view)).into_response())
        }
    }
}

/// A template key with, per channel, whether the shop changed any language of it.
pub struct KeyRow {
    key: String,
    email_edited: bool,
    sms_edited: bool,
}

#[derive(Template)]
#[template(path = "pages/templates.html")]
struct TemplatesPage {
    f: Frame,
    keys: Vec<KeyRow>,
}

pub async fn templates(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    let all = shop.templates(me.actor()).await?;
    let edited = |key: &str, channel: &str| {
        all.iter()
            .any(|t| t.key == key && t.channel == channel && t.source == "shop")
    };
    let mut keys: Vec<KeyRow> = Vec::new();
    for template in &all {
        if keys.iter().all(|k| k.key != template.key) {
            keys.push(KeyRow {
                email_edited: edited(&template.key, "email"),
                sms_edited: edited(&template.key, "sms"),
                key: template.key.clone(),
            });
        }
    }
    let view = TemplatesPage {
        f: me.frame("settings", "templates-title"),
        keys,
    };
    Ok(render(&view))
}

/// One language of a template in the editor, with its preview.
pub struct Draft {
    locale: &'static str,
    subject: Option<String>,
    body: String,
    edited: bool,
    preview: Preview,
}

/// What the preview box shows: the message as the customer would get it, or why it cannot be
/// rendered.
pub struct Preview {
    rendered: Option<Rendered>,
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/template_editor.html")]
struct EditorPage {
    f: Frame,
    key: String,
    channel: String,
    variables: Vec<String>,
    drafts: Vec<Draft>,
}

#[derive(Template)]
#[template(path = "pages/template_preview.html")]
struct PreviewPart {
    f: Frame,
    preview: Preview,
}

async fn preview_of(shop: &app::Shop, me: &Me, input: &PreviewInput) -> Result<Preview, PageError> {
    match shop.preview(me.actor(), input).await {
        Ok(rendered) => Ok(Preview {
            rendered: Some(rendered),
            problem: None,
        }),
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => Ok(Preview {
            rendered: None,
            problem: Some(me.explain(&err)),
        }),
    }
}

/// The editor of one template key and channel, each language beside its preview; `typed` keeps
/// what the owner typed in one language when saving it was refused.
async fn editor_page(
    shop: &app::Shop,
    me: &Me,
    key: &str,
    channel: &str,
    typed: Option<(&str, TemplateText)>,
) -> Result<EditorPage, PageError> {
    let all: Vec<TemplateView> = shop
        .templates(me.actor())
        .await?
        .into_iter()
        .filter(|t| t.key == key && t.channel == channel)
        .collect();
    let Some(first) = all.first() else {
        return Err(app::Error::NotFound { what: "template" }.into());
    };
    let variables = first.variables.clone();
    let mut drafts = Vec::new();
    for locale in LOCALES {
        let Some(saved) = all.iter().find(|t| t.locale == locale) else {
            continue;
        };
        let text = match &typed {
            Some((typed_locale, text)) if *typed_locale == locale => text.clone(),
            _ => TemplateText {
                subject: saved.subject.clone(),
                body: saved.body.clone(),
            },
        };
        let input = PreviewInput {
            key: key.to_owned(),
            channel: channel.to_owned(),
            locale: locale.to_owned(),
            template: Some(text.clone()),
            order: None,
        };
        drafts.push(Draft {
            locale,
            edited: saved.source == "shop",
            preview: preview_of(shop, me, &input).await?,
            subject: text.subject,
            body: text.body,
        });
    }
    Ok(EditorPage {
        f: me.frame("settings", "templates-title"),
        key: key.to_owned(),
        channel: channel.to_owned(),
        variables,
        drafts,
    })
}

pub async fn editor(
    State(shop): State<app::Shop>,
    me: Me,
    Path((key, channel)): Path<(String, String)>,
) -> Result<Response, PageError> {
    Ok(render(
        &editor_page(&shop, &me, &key, &channel, None).await?,
    ))
}

/// A template as the editor's form sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    key: String,
    channel: String,
    locale: String,
    subject: Option<String>,
    body: String,
}

impl TemplateForm {
    fn text(&self) -> TemplateText {
        TemplateText {
            subject: self.subject.clone(),
            body: self.body.clone(),
        }
    }
}

/// The preview box for what is being typed, for htmx to swap in.
pub async fn preview(
    State(shop): State<app::Shop>,
    me: Me,
    Form(form): Form<TemplateForm>,
) -> Result<Response, PageError> {
    let input = PreviewInput {
        template: Some(form.text()),
        key: form.key,
        channel: form.channel,
        locale: form.locale,
        order: None,
    };
    let part = PreviewPart {
        preview: preview_of(&shop, &me, &input).await?,
        f: me.frame("settings", "templates-title"),
    };
    Ok(render(&part))
}

pub async fn save_template(
    State(shop): State<app::Shop>,
    me: Me,
    Path((key, channel, locale)): Path<(String, String, String)>,
    Form(form): Form<TemplateForm>,
) -> Result<Response, PageError> {
    let text = form.text();
    match shop
        .put_template(me.actor(), &key, &channel, &locale, &text)
        .await
    {
        Ok(_) => {
            let notice = me
                .lang
                .text_with("templates-saved", &[("language", locale.clone().into())]);
            me.notice(&shop, &notice).await?;
            Ok(Redirect::to(&format!(
                "/admin/settings/templates/{key}/{channel}#{locale}"
            ))
            .into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let mut page = editor_page(&shop, &me, &key, &channel, Some((&locale, text))).await?;
            if let Some(draft) = page.drafts.iter_mut().find(|d| d.locale == locale) {
                draft.preview.problem = Some(me.explain(&err));
            }
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_languages_sold_in_are_the_ticked_boxes_and_the_default() {
        // SU-2
        let settings = domain::settings::ShopSettings::default();
        let body = "name=Shop&default_locale=nb&languages=ru&languages=uk&low_stock_units=3";
        let mut form = ShopForm::of(&settings);
        let typed = ShopForm::parse(body.as_bytes()).expect("a form");
        form.default_locale = typed.default_locale;
        form.languages = typed.languages;
        form.low_stock_units = typed.low_stock_units;
        let changed = form.apply(&settings).expect("applies");
        assert_eq!(changed.default_locale, "nb");
        assert_eq!(changed.languages, ["nb", "ru", "uk"]);
        assert_eq!(changed.low_stock_units, 3);
        let unchanged = ShopForm::of(&settings).apply(&settings).expect("the same");
        assert_eq!(unchanged.languages, settings.languages);
    }

    #[test]
    fn after_sale_settings_go_through_the_form_and_back() {
        // AF-7, AF-8, AF-9
        let mut settings = domain::settings::ShopSettings::default();
        let mut form = ShopForm::of(&settings);
        form.replenish = "face cream 56-84\n\n industrial filters 365-425 ".into();
        form.holiday_greetings =
            "01-01 Happy New Year!\n03-08 Happy 8 March!\n03-08 ru: С 8 Марта!".into();
        form.birthday_gift = "free_delivery".into();
        settings = form.apply(&settings).expect("applies");
        let after_sale = &settings.after_sale;
        assert_eq!(after_sale.replenish[0].category, "face cream");
        assert_eq!(after_sale.replenish[1].after_days_max, 425);
        assert_eq!(after_sale.holidays[1].in_locale("ru"), "С 8 Марта!");
        assert_eq!(
            after_sale.birthday,
            Some(Gift::FreeDelivery { valid_days: 30 })
        );
        let again = ShopForm::of(&settings);
        assert_eq!(
            again.replenish,
            "face cream 56-84\nindustrial filters 365-425"
        );
        assert_eq!(again.holiday_greetings, form.holiday_greetings);
        assert_eq!(
            again.apply(&settings).expect("the same").after_sale,
            settings.after_sale
        );

        form.replenish = "cosmetics 56".into();
        let refused = form.apply(&settings).expect_err("no window");
        assert!(matches!(refused, app::Error::Invalid { ref field, .. } if field == "replenish"));
        form.replenish.clear();
        form.holiday_greetings = "03-08 ru: С 8 Марта!".into();
        assert!(form.apply(&settings).is_err(), "a translation of nothing");
        form.holiday_greetings.clear();
        form.birthday_gift = "discount".into();
        form.birthday_percent = "ten".into();
        let refused = form.apply(&settings).expect_err("not a number");
        assert!(
            matches!(refused, app::Error::Invalid { ref field, .. } if field == "birthday_percent")
        );
    }
}
