//! Reading and changing the shop's settings. A change names the settings it changes and leaves
//! every other one as it is; each setting it changes is recorded with who changed it, when, and
//! its value before and after, so a mistake can be seen and put right.

use domain::access::Permission;
use domain::settings::ShopSettings;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::views::timestamp;
use crate::{Error, Result, Shop};

const KEY: &str = "shop";

/// One setting changed: who changed it, when, and its value before and after.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SettingChange {
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    /// Who changed it, as the timeline names them: `user:ana@shop.example`, `token:cli`.
    pub actor: String,
    /// The setting, as a path such as `confirmation.always_call`; a list (`delivery`,
    /// `holidays`) is one setting.
    pub key: String,
    /// Any JSON value: a text, a number, a list or an object.
    pub from: Value,
    pub to: Value,
}

impl Shop {
    /// The shop's settings; the defaults until the owner changes them.
    pub async fn settings(&self) -> Result<ShopSettings> {
        let mut conn = self.store.read().await?;
        match store::settings::get(&mut conn, KEY).await? {
            Some(json) => parse_stored(&json),
            None => Ok(ShopSettings::default()),
        }
    }

    /// The settings as the owner reads and changes them: besides the shop's name and
    /// contacts they hold the delivery prices, the policies and the keys of the adapters,
    /// which no other role's work needs.
    pub async fn settings_for(&self, actor: &Actor) -> Result<ShopSettings> {
        actor.require(Permission::Administer)?;
        self.settings().await
    }

    /// Changes the settings `change` names: a JSON object shaped like the settings, such as
    /// `{"confirmation": {"always_call": true}}`; every setting it leaves out keeps its value.
    /// A key the settings do not have, a value of the wrong kind or one the rules cannot work
    /// with is refused naming it, and nothing changes. Every setting that changed is recorded.
    pub async fn change_settings(&self, actor: &Actor, change: &Value) -> Result<ShopSettings> {
        actor.require(Permission::Administer)?;
        let Value::Object(change) = change else {
            return Err(Error::field(
                "settings",
                "settings_object_required",
                "send the settings to change as a JSON object, such as {\"name\": \"Sokk AS\"}",
            ));
        };
        let mut tx = self.store.begin_write().await?;
        let before = to_json(&parse_stored(
            &store::settings::get_for_update(&mut tx, KEY).await?,
        )?)?;
        let mut merged = before.clone();
        merge(&mut merged, change);
        let settings = parse_change(merged, change)?;
        check(&settings)?;
        if settings.backups.enabled() && self.store.backend() != store::Backend::Sqlite {
            return Err(Error::field(
                "backups.folder",
                "backups_sqlite_only",
                "the nightly backup copies a SQLite database; on PostgreSQL, back up with \
                 pg_dump and archive the write-ahead log, as the README's Backups say",
            ));
        }
        let after = to_json(&settings)?;
        let changed_at = store::to_millis(self.now());
        let mut changes = Vec::new();
        differences(&before, &after, &mut Vec::new(), &mut |path, from, to| {
            changes.push(store::settings::ChangeRow {
                changed_at,
                actor: actor.name.clone(),
                setting: path.join("."),
                old_value: from.to_string(),
                new_value: to.to_string(),
            });
        });
        if changes.is_empty() {
            return Ok(settings);
        }
        store::settings::put(&mut tx, KEY, &after.to_string()).await?;
        for change in &changes {
            store::settings::record_change(&mut tx, change).await?;
        }
        let ctx = crate::kernel::Context::new(&settings, self.now());
        crate::backups::schedule(&mut tx, &settings.backups, &ctx).await?;
        tx.commit().await?;
        Ok(settings)
    }

    /// Every change of the settings, newest first (owner only).
    pub async fn settings_changes(
        &self,
        actor: &Actor,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<SettingChange>> {
        actor.require(Permission::Administer)?;
        let mut conn = self.store.read().await?;
        let rows = store::settings::changes(&mut conn, limit, offset).await?;
        rows.into_iter()
            .map(|row| {
                let value = |json: &str| {
                    serde_json::from_str(json)
                        .map_err(|e| store::Error::Corrupt(format!("settings change: {e}")))
                };
                Ok(SettingChange {
                    at: timestamp(row.changed_at)?,
                    from: value(&row.old_value)?,
                    to: value(&row.new_value)?,
                    actor: row.actor,
                    key: row.setting,
                })
            })
            .collect()
    }
}

/// The change that turns `before` into `after`, naming only the settings that differ: what a
/// form showing some of the settings sends, so that it never writes back the others.
pub fn change_between(before: &ShopSettings, after: &ShopSettings) -> Result<Value> {
    let mut change = Map::new();
    differences(
        &to_json(before)?,
        &to_json(after)?,
        &mut Vec::new(),
        &mut |path, _, to| insert_at(&mut change, path, to.clone()),
    );
    Ok(Value::Object(change))
}

fn parse_stored(json: &str) -> Result<ShopSettings> {
    serde_json::from_str(json).map_err(|e| store::Error::Corrupt(format!("settings: {e}")).into())
}

fn to_json(settings: &ShopSettings) -> Result<Value> {
    serde_json::to_value(settings).map_err(|e| store::Error::Corrupt(e.to_string()).into())
}

/// Lays `change` over `settings`: an object goes into the object it names, key by key; any
/// other value (a list, a number, `null`) takes the place of the one there.
fn merge(settings: &mut Value, change: &Map<String, Value>) {
    let Value::Object(settings) = settings else {
        *settings = Value::Object(change.clone());
        return;
    };
    for (key, value) in change {
        match (settings.get_mut(key), value) {
            (Some(old @ Value::Object(_)), Value::Object(inner)) => merge(old, inner),
            _ => {
                settings.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The settings `merged` describes. A key the settings do not read is refused when `change`
/// named it; one left over from the stored value is dropped, such as the `percent` of a
/// birthday discount that the change turned into free delivery.
fn parse_change(merged: Value, change: &Map<String, Value>) -> Result<ShopSettings> {
    let change = Value::Object(change.clone());
    let mut unknown = None;
    let mut ignored = |path: serde_ignored::Path<'_>| {
        if unknown.is_none() && lookup(&change, &path).is_some() {
            unknown = Some(path_text(&path));
        }
    };
    let parsed =
        serde_path_to_error::deserialize(serde_ignored::Deserializer::new(merged, &mut ignored));
    if let Some(field) = unknown {
        return Err(Error::field(
            field.clone(),
            "setting_unknown",
            format!("'{field}' is not a setting; see GET /api/v1/settings for their names"),
        ));
    }
    parsed.map_err(|err| {
        let field = err.path().to_string();
        Error::field(field, "field_invalid", err.into_inner().to_string())
    })
}

fn lookup<'v>(value: &'v Value, path: &serde_ignored::Path<'_>) -> Option<&'v Value> {
    use serde_ignored::Path;
    match path {
        Path::Root => Some(value),
        Path::Seq { parent, index } => lookup(value, parent)?.get(index),
        Path::Map { parent, key } => lookup(value, parent)?.get(key),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => lookup(value, parent),
    }
}

/// A path as errors name it elsewhere: `delivery[0].price_minor`.
fn path_text(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", path_text(parent)),
        Path::Map { parent, key } => match path_text(parent) {
            parent if parent.is_empty() => key.clone(),
            parent => format!("{parent}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => path_text(parent),
    }
}

/// Calls `found` with the path, old and new value of each setting that differs. Objects with
/// the same keys are compared key by key; anything else (a list, a number, a gift that changed
/// its kind and so its keys) is one setting.
fn differences(
    before: &Value,
    after: &Value,
    path: &mut Vec<String>,
    found: &mut impl FnMut(&[String], &Value, &Value),
) {
    match (before, after) {
        (Value::Object(old), Value::Object(new))
            if old.len() == new.len() && old.keys().all(|k| new.contains_key(k)) =>
        {
            for (key, old_value) in old {
                path.push(key.clone());
                differences(old_value, &new[key], path, found);
                path.pop();
            }
        }
        _ if before != after => found(path, before, after),
        _ => {}
    }
}

fn insert_at(object: &mut Map<String, Value>, path: &[String], value: Value) {
    match path {
        [] => {}
        [last] => {
            object.insert(last.clone(), value);
        }
        [first, rest @ ..] => {
            if let Value::Object(inner) = object
                .entry(first.clone())
                .or_insert_with(|| Value::Object(Map::new()))
            {
                insert_at(inner, rest, value);
            }
        }
    }
}

/// The values the rules depend on, checked before any change is kept.
fn check(settings: &ShopSettings) -> Result<()> {
    domain::contact::PhoneRegion::parse(&settings.phone_region)
        .map_err(|e| Error::invalid("phone_region", e))?;
    if settings.ships_to.is_empty() {
        return Err(Error::field(
            "ships_to",
            "ships_to_empty",
            "name at least one country the shop delivers to",
        ));
    }
    for (i, country) in settings.ships_to.iter().enumerate() {
        if !domain::contact::known_countries().any(|known| known == country) {
            return Err(Error::field(
                format!("ships_to[{i}]"),
                "country_unknown",
                format!(
                    "'{country}' is not one of the countries whose postcodes the shop knows: {}",
                    domain::contact::known_countries()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    check_languages(settings)?;
    check_payment_methods(&settings.payment.methods)?;
    settings
        .loyalty
        .check()
        .map_err(|e| Error::invalid("loyalty.tiers", e))?;
    if jiff::tz::TimeZone::get(&settings.time_zone).is_err() {
        return Err(Error::Invalid {
            field: "time_zone".into(),
            code: "time_zone_invalid",
            message: format!(
                "'{}' is not an IANA time zone such as Europe/Oslo",
                settings.time_zone
            ),
        });
    }
    check_bounds(settings)
}

/// The shop takes money in at least one way, each one the shop has words for, named once.
fn check_payment_methods(methods: &[String]) -> Result<()> {
    use domain::settings::PAYMENT_METHODS;
    if methods.is_empty() {
        return Err(Error::field(
            "payment.methods",
            "methods_empty",
            "name at least one way the shop takes money",
        ));
    }
    for (i, method) in methods.iter().enumerate() {
        if !PAYMENT_METHODS.contains(&method.as_str()) || methods[..i].contains(method) {
            return Err(Error::field(
                format!("payment.methods[{i}]"),
                "method_unknown",
                format!(
                    "'{method}' is named twice or is none of {}",
                    PAYMENT_METHODS.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The default language and every language sold in are ones the shop has words for, each
/// named once.
fn check_languages(settings: &ShopSettings) -> Result<()> {
    let known = |field: String, locale: &str| {
        if crate::messaging::LOCALES.contains(&locale) {
            Ok(())
        } else {
            Err(Error::field(
                field,
                "locale_invalid",
                format!(
                    "'{locale}' is not one of: {}",
                    crate::messaging::LOCALES.join(", ")
                ),
            ))
        }
    };
    known("default_locale".into(), &settings.default_locale)?;
    for (i, locale) in settings.languages.iter().enumerate() {
        known(format!("languages[{i}]"), locale)?;
        if settings.languages[..i].contains(locale) {
            return Err(Error::field(
                format!("languages[{i}]"),
                "locale_repeated",
                format!("'{locale}' is listed twice"),
            ));
        }
    }
    if !(0..=1_000_000).contains(&settings.low_stock_units) {
        return Err(Error::field(
            "low_stock_units",
            "low_stock_units_invalid",
            "a low-stock level is 0 to 1000000 units",
        ));
    }
    Ok(())
}

/// Numbers the rules compute with stay where a shop could mean them, so no setting can
/// overflow a date or a duration.
fn check_bounds(settings: &ShopSettings) -> Result<()> {
    let time = |field: &str, value: &str| {
        domain::inventory::parse_cutoff(value)
            .map(|_| ())
            .map_err(|e| Error::invalid(field, e))
    };
    let payment = &settings.payment;
    within("payment.deadline_hours", payment.deadline_hours, 1..=2160)?;
    within(
        "payment.reminder_before_hours",
        payment.reminder_before_hours,
        0..=payment.deadline_hours,
    )?;
    within("payment.grace_hours", payment.grace_hours, 0..=2160)?;
    within(
        "payment.failures_before_help",
        payment.failures_before_help,
        1..=20,
    )?;
    // Stripe's checkout lives from 30 minutes to 24 hours.
    within(
        "payment.checkout_minutes",
        payment.checkout_minutes,
        30..=1440,
    )?;
    let calls = &settings.calls;
    within("calls.attempts", calls.attempts as i64, 1..=10)?;
    within("calls.hold_days", calls.hold_days, 0..=60)?;
    for (i, minutes) in calls.retry_minutes.iter().enumerate() {
        within(&format!("calls.retry_minutes[{i}]"), *minutes, 1..=10_080)?;
    }
    time("calls.calling_from", &calls.calling_from)?;
    time("calls.calling_until", &calls.calling_until)?;
    time("messages.quiet_from", &settings.messages.quiet_from)?;
    time("messages.quiet_until", &settings.messages.quiet_until)?;
    within(
        "messages.marketing_per_week",
        settings.messages.marketing_per_week,
        0..=50,
    )?;
    within(
        "confirmation.call_from_total_minor",
        settings.confirmation.call_from_total_minor,
        0..=i64::MAX / 4,
    )?;
    for (i, option) in settings.delivery.iter().enumerate() {
        within(
            &format!("delivery[{i}].price_minor"),
            option.price_minor,
            0..=100_000_000,
        )?;
        within(
            &format!("delivery[{i}].transit_days[0]"),
            option.transit_days[0],
            0..=60,
        )?;
        within(
            &format!("delivery[{i}].transit_days[1]"),
            option.transit_days[1],
            option.transit_days[0]..=60,
        )?;
        within(
            &format!("delivery[{i}].pickup_storage_days"),
            option.pickup_storage_days,
            1..=60,
        )?;
        let url = &option.tracking_url;
        if !url.is_empty() && (!url.starts_with("http") || !url.contains("{tracking}")) {
            return Err(Error::field(
                format!("delivery[{i}].tracking_url"),
                "tracking_url_invalid",
                "a tracking page is an http(s) address with {tracking} where the number goes",
            ));
        }
    }
    let fulfilment = &settings.fulfilment;
    within("fulfilment.no_scan_days", fulfilment.no_scan_days, 1..=30)?;
    within(
        "fulfilment.courier_window_minutes",
        fulfilment.courier_window_minutes,
        10..=480,
    )?;
    within(
        "fulfilment.courier_bonus_minor",
        fulfilment.courier_bonus_minor,
        0..=1_000_000,
    )?;
    if fulfilment.packaging.is_empty() {
        return Err(Error::field(
            "fulfilment.packaging",
            "packaging_required",
            "name at least one kind of packaging",
        ));
    }
    for (i, rule) in fulfilment.inserts.iter().enumerate() {
        rule.check()
            .map_err(|e| Error::invalid(format!("fulfilment.inserts[{i}]"), e))?;
    }
    check_storefront(&settings.storefront)?;
    within(
        "storefront.cart_days",
        settings.storefront.cart_days,
        1..=365,
    )?;
    let support = &settings.support;
    within(
        "support.answer_within_hours",
        support.answer_within_hours,
        1..=168,
    )?;
    within(
        "support.messages_per_hour",
        support.messages_per_hour,
        1..=100,
    )?;
    check_after_sale(&settings.after_sale)?;
    let returns = &settings.returns;
    within("returns.days", returns.days, 0..=365)?;
    within(
        "returns.shop_pays_percent",
        returns.shop_pays_percent,
        0..=100,
    )?;
    within(
        "returns.thank_you_percent",
        returns.thank_you_percent,
        0..=50,
    )?;
    within("returns.thank_you_days", returns.thank_you_days, 1..=365)?;
    check_backups(&settings.backups)?;
    let reviews = &settings.reviews;
    // AF-4: a review is asked for 7 to 15 days after the goods arrive.
    within("reviews.ask_after_days", reviews.ask_after_days, 7..=15)?;
    within(
        "reviews.remind_after_days",
        reviews.remind_after_days,
        0..=30,
    )?;
    within(
        "reviews.answer_within_hours",
        reviews.answer_within_hours,
        1..=168,
    )?;
    reviews
        .recovery
        .check()
        .map_err(|e| Error::invalid("reviews.recovery", e))?;
    if settings.working_weekdays.is_empty()
        || settings
            .working_weekdays
            .iter()
            .any(|d| !(1..=7).contains(d))
    {
        return Err(Error::field(
            "working_weekdays",
            "out_of_range",
            "working days are numbers from 1 (Monday) to 7 (Sunday), at least one",
        ));
    }
    for (i, day) in settings.holidays.iter().enumerate() {
        if day.parse::<jiff::civil::Date>().is_err() {
            return Err(Error::field(
                format!("holidays[{i}]"),
                "date_invalid",
                format!("'{day}' is not a date like 2026-12-25"),
            ));
        }
    }
    Ok(())
}

fn within(field: &str, value: i64, range: std::ops::RangeInclusive<i64>) -> Result<()> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(Error::Invalid {
            field: field.into(),
            code: "out_of_range",
            message: format!(
                "{value} is not between {} and {}",
                range.start(),
                range.end()
            ),
        })
    }
}

/// The nightly backup's folder is named in full, since the worker may run from any directory.
fn check_backups(backups: &domain::settings::BackupPolicy) -> Result<()> {
    within("backups.hour", backups.hour, 0..=23)?;
    within("backups.keep", backups.keep, 1..=365)?;
    let folder = backups.folder.trim();
    let absolute = std::path::Path::new(folder).is_absolute();
    if backups.enabled() && (!absolute || folder.len() > 1000 || folder.contains(char::is_control))
    {
        return Err(Error::field(
            "backups.folder",
            "folder_invalid",
            format!("'{folder}' is not a folder named from the root, such as /var/backups/shop"),
        ));
    }
    Ok(())
}

/// After the sale (AF-7..9): reminders within three years of delivery, small gifts, holidays on
/// days that exist, greetings in the languages messages are written in.
fn check_after_sale(policy: &domain::after_sale::AfterSalePolicy) -> Result<()> {
    for (i, rule) in policy.replenish.iter().enumerate() {
        let field = |name: &str| format!("after_sale.replenish[{i}].{name}");
        if rule.category.trim().is_empty() {
            return Err(Error::field(
                field("category"),
                "category_required",
                "name the catalogue category whose goods run out",
            ));
        }
        within(&field("after_days_min"), rule.after_days_min, 1..=1100)?;
        within(
            &field("after_days_max"),
            rule.after_days_max,
            rule.after_days_min..=1100,
        )?;
    }
    for (field, gift) in [
        ("after_sale.birthday", policy.birthday),
        ("after_sale.anniversary", policy.anniversary),
    ] {
        if let Some(gift) = gift {
            gift.check().map_err(|e| Error::invalid(field, e))?;
        }
    }
    for (i, holiday) in policy.holidays.iter().enumerate() {
        holiday
            .check_date()
            .map_err(|e| Error::invalid(format!("after_sale.holidays[{i}].date"), e))?;
        let texts = std::iter::once(&holiday.greeting).chain(holiday.translations.values());
        if texts
            .into_iter()
            .any(|t| t.trim().is_empty() || t.chars().count() > 300)
        {
            return Err(Error::field(
                format!("after_sale.holidays[{i}].greeting"),
                "greeting_invalid",
                "a greeting is 1 to 300 characters",
            ));
        }
        if let Some(other) = holiday
            .translations
            .keys()
            .find(|l| !crate::messaging::LOCALES.contains(&l.as_str()))
        {
            return Err(Error::field(
                format!("after_sale.holidays[{i}].translations"),
                "locale_invalid",
                format!(
                    "'{other}' is not one of: {}",
                    crate::messaging::LOCALES.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The colours go into the storefront's stylesheet, so only `#rrggbb` is taken; the texts and
/// places are bounded like a product's description.
fn check_storefront(storefront: &domain::settings::StorefrontSettings) -> Result<()> {
    for (field, colour) in [
        ("storefront.colour", &storefront.colour),
        ("storefront.accent", &storefront.accent),
    ] {
        if !domain::settings::is_colour(colour) {
            return Err(Error::field(
                field,
                "colour_invalid",
                format!("'{colour}' is not a colour written like #23395b"),
            ));
        }
    }
    for (field, text) in [
        ("storefront.faq", &storefront.faq),
        ("storefront.how_to_order", &storefront.how_to_order),
    ] {
        if text.chars().count() > 20_000 {
            return Err(Error::field(
                field,
                "text_too_long",
                "a page is at most 20000 characters",
            ));
        }
    }
    for (field, places) in [
        ("storefront.pickup_points", &storefront.pickup_points),
        ("storefront.lockers", &storefront.lockers),
    ] {
        if places.len() > 200 || places.iter().any(|p| p.trim().is_empty() || p.len() > 200) {
            return Err(Error::field(
                field,
                "places_invalid",
                "at most 200 places, each named in 1 to 200 characters",
            ));
        }
    }
    Ok(())
}
