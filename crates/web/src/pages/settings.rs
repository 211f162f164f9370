//! The owner's settings: the shop's main fields, checked by `update_settings`, and the message
//! templates with a live preview in each language (AF-6).

use app::messaging::{LOCALES, PreviewInput, Rendered, TemplateText, TemplateView};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
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
    /// How the contacts page's messages are answered (SU-1).
    answer_within_hours: String,
    messages_per_hour: String,
}

impl ShopForm {
    fn of(settings: &domain::settings::ShopSettings) -> Self {
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
            answer_within_hours: settings.support.answer_within_hours.to_string(),
            messages_per_hour: settings.support.messages_per_hour.to_string(),
        }
    }

    /// The settings with these fields changed; everything else stays as it is. A number that
    /// is not one is refused, naming its field; `update_settings` checks the rest.
    fn apply(
        &self,
        settings: &domain::settings::ShopSettings,
    ) -> Result<domain::settings::ShopSettings, app::Error> {
        let number = |field: &str, text: &str| {
            text.trim().parse::<i64>().map_err(|_| {
                app::Error::field(field, "number_invalid", format!("'{text}' is not a number"))
            })
        };
        let mut changed = settings.clone();
        changed.storefront.cart_days = number("storefront.cart_days", &self.cart_days)?;
        changed.support.answer_within_hours =
            number("support.answer_within_hours", &self.answer_within_hours)?;
        changed.support.messages_per_hour =
            number("support.messages_per_hour", &self.messages_per_hour)?;
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
        Ok(changed)
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
    Form(form): Form<ShopForm>,
) -> Result<Response, PageError> {
    let saved = match form.apply(&me.settings) {
        Ok(settings) => shop.update_settings(me.actor(), &settings).await,
        Err(err) => Err(err),
    };
    match saved {
        Ok(()) => {
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
