//! What every page shares: the language, the shop's time zone, the person and the navigation
//! their role allows, the one-time notice, and the formatting of money and times.

use app::MoneyView;
use app::backoffice::Staff;
use domain::access::Permission;
use fluent_templates::fluent_bundle::FluentValue;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::i18n::{LANGUAGES, Lang};

/// A link in the top navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// The person's part of the page frame.
pub struct Person {
    pub name: String,
    pub role: String,
    /// The session's CSRF token, in every form.
    pub csrf: String,
    /// The language they chose, empty when they follow the browser.
    pub chosen: String,
    pub nav: Vec<NavItem>,
}

pub struct Frame {
    pub lang: Lang,
    pub tz: TimeZone,
    pub person: Option<Person>,
    pub flash: Option<String>,
    /// The page's title, already translated.
    pub title: String,
    /// Filled in for the login form, which has no session.
    pub login_csrf: String,
}

/// The pages of the navigation, what they need and their message id.
const NAV: [(&str, Permission, &str); 13] = [
    (
        "/admin/dashboard",
        Permission::ManageOrders,
        "nav-dashboard",
    ),
    ("/admin/calls", Permission::ManageOrders, "nav-calls"),
    ("/admin/orders", Permission::Read, "nav-orders"),
    (
        "/admin/customers",
        Permission::ManageOrders,
        "nav-customers",
    ),
    ("/admin/outbox", Permission::ManageOrders, "nav-outbox"),
    ("/admin/reviews", Permission::ManageOrders, "nav-reviews"),
    ("/admin/packing", Permission::Fulfil, "nav-packing"),
    ("/admin/courier", Permission::Deliver, "nav-courier"),
    ("/admin/cash", Permission::ManageOrders, "nav-cash"),
    ("/admin/products", Permission::ManageCatalog, "nav-products"),
    ("/admin/stock", Permission::ReadStock, "nav-stock"),
    ("/admin/settings", Permission::Administer, "nav-settings"),
    ("/admin/users", Permission::Administer, "nav-users"),
];

impl Frame {
    pub fn new(
        lang: Lang,
        tz: TimeZone,
        staff: Option<&Staff>,
        section: &str,
        title_id: &str,
    ) -> Self {
        let person = staff.map(|staff| Person {
            name: staff.name.clone(),
            role: lang.text(&format!("role-{}", staff.actor.role.as_str())),
            csrf: staff.csrf_token.clone(),
            chosen: staff.locale.clone().unwrap_or_default(),
            nav: NAV
                .iter()
                .filter(|(_, permission, _)| staff.may(*permission))
                .map(|(href, _, id)| NavItem {
                    href,
                    label: lang.text(id),
                    current: !section.is_empty() && href.ends_with(section),
                })
                .collect(),
        });
        Self {
            title: lang.text(title_id),
            flash: staff.and_then(|s| s.flash.clone()),
            lang,
            tz,
            person,
            login_csrf: String::new(),
        }
    }

    /// The CSRF token for this page's forms.
    pub fn csrf(&self) -> &str {
        self.person
            .as_ref()
            .map_or(self.login_csrf.as_str(), |p| p.csrf.as_str())
    }

    pub fn languages(&self) -> &'static [(&'static str, &'static str)] {
        &LANGUAGES
    }

    /// A language's own name, such as "Русский" for `ru`.
    pub fn language_name(&self, code: &str) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(c, _)| *c == code)
            .map_or("", |(_, name)| name)
    }

    /// Whether the person chose this language themselves.
    pub fn is_chosen(&self, code: &str) -> bool {
        self.person.as_ref().is_some_and(|p| p.chosen == code)
    }

    /// The fingerprint in the links to the stylesheet and htmx.
    pub fn version(&self) -> &str {
        &super::assets::VERSION
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.text(id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &'static str, value: impl ToString) -> String {
        self.lang
            .text_with(id, &[(name, FluentValue::from(value.to_string()))])
    }

    /// A message with a `count` that chooses the plural form.
    pub fn count(&self, id: &str, count: impl Into<Count>) -> String {
        self.lang
            .text_with(id, &[("count", FluentValue::from(count.into().0))])
    }

    /// The words for a stored value, such as `stage-confirming`; the value itself when there
    /// are none (a marketplace's name, a template key).
    pub fn label(&self, kind: &str, value: &str) -> String {
        // Message ids take letters, digits, `-` and `_`; a field path such as
        // `calls.calling_from` is looked up as `calls_calling_from`.
        let id: String = value
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.lang
            .try_text(&format!("{kind}-{id}"))
            .unwrap_or_else(|| value.to_owned())
    }

    /// The words for an optional value, or a dash.
    pub fn label_or_dash(&self, kind: &str, value: &Option<String>) -> String {
        value
            .as_deref()
            .map_or_else(|| "—".to_owned(), |v| self.label(kind, v))
    }

    pub fn money(&self, money: &MoneyView) -> String {
        money_in(money, self.lang.code)
    }

    /// An amount as a form's field takes it back: `398.50`.
    pub fn amount(&self, money: &MoneyView) -> String {
        typed_amount(money.amount_minor)
    }

    /// A moment in the shop's time zone, to the minute.
    pub fn when(&self, at: &Timestamp) -> String {
        at.to_zoned_datetime(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }
}

/// A number a plural form is chosen by.
pub struct Count(i64);

impl From<i64> for Count {
    fn from(n: i64) -> Self {
        Self(n)
    }
}

impl From<&i64> for Count {
    fn from(n: &i64) -> Self {
        Self(*n)
    }
}

impl From<usize> for Count {
    fn from(n: usize) -> Self {
        Self(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// An amount with its currency as the language writes it.
pub fn money_in(money: &MoneyView, lang: &str) -> String {
    money_text(money.amount_minor, money.currency.as_str(), lang)
}

/// Minor units as a form's amount field takes them back: `398.50`.
pub fn typed_amount(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// Minor units as the language writes them: `1 299,00 NOK` in Norwegian, `1,299.00 NOK` in
/// English.
pub fn money_text(minor: i64, currency: &str, lang: &str) -> String {
    let (group, decimal) = if lang == "en" {
        (',', '.')
    } else {
        ('\u{a0}', ',')
    };
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    let whole = (minor / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}{decimal}{:02}\u{a0}{currency}", minor % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_the_way_the_language_writes_it() {
        assert_eq!(money_text(129_900, "NOK", "en"), "1,299.00\u{a0}NOK");
        assert_eq!(money_text(129_900, "NOK", "nb"), "1\u{a0}299,00\u{a0}NOK");
        assert_eq!(money_text(-5, "EUR", "lv"), "-0,05\u{a0}EUR");
        assert_eq!(money_text(12_345_678, "EUR", "en"), "123,456.78\u{a0}EUR");
    }
}
