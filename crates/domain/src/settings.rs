//! The shop's own settings: who it is, where, and its delivery terms. Every policy that the
//! practices leave to the shop lives here, with the first choice of PRACTICES.md as the default.

use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::orders::DeliveryMethod;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShopSettings {
    pub name: String,
    pub currency: Currency,
    /// ISO 3166-1 alpha-2 region for phone numbers written without a country code.
    pub phone_region: String,
    /// The countries the shop delivers to, ISO 3166-1 alpha-2; an address elsewhere is refused
    /// (CK-1). Each must be one whose postcodes the shop knows (`contact::known_countries`).
    pub ships_to: Vec<String>,
    pub default_locale: String,
    /// The languages the shop sells in, of en, ru, uk, nb and lv: a product's title and
    /// description, a category's name and an option's words are written in each. The default
    /// language is always one of them, listed or not.
    pub languages: Vec<String>,
    /// A product with fewer units than this free on the shop's own shelves is low in stock.
    pub low_stock_units: i64,
    /// IANA time zone for the shop's business rules.
    pub time_zone: String,
    /// The shop's own city: delivery elsewhere is "another city" (CF-2).
    pub city: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_address: String,
    /// Prices of the delivery methods the shop offers (DL-1, DL-2).
    pub delivery: Vec<DeliveryOption>,
    /// Working weekdays, Monday 1 to Sunday 7.
    pub working_weekdays: Vec<i8>,
    /// Days off, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    pub confirmation: ConfirmationPolicy,
    pub calls: CallPolicy,
    pub payment: PaymentPolicy,
    /// Where the customer's order page lives; the confirmation link starts with it (CF-1).
    pub public_url: String,
    pub messages: MessagePolicy,
    pub fulfilment: FulfilmentPolicy,
    pub storefront: StorefrontSettings,
    pub support: SupportPolicy,
    /// Replenishment reminders, birthday and anniversary gifts, holiday greetings (AF-7..9).
    pub after_sale: crate::after_sale::AfterSalePolicy,
    /// Returns asked from the order page and who pays the way back (AF-1, AF-2, AF-3).
    pub returns: crate::returns::ReturnPolicy,
    /// The nightly copy of a SQLite shop's database.
    pub backups: BackupPolicy,
    /// When the shop asks for reviews and how it answers them (AF-4, AF-5).
    pub reviews: crate::reviews::ReviewPolicy,
    /// The loyalty tiers and what each gives (AF-11).
    pub loyalty: crate::customers::LoyaltyPolicy,
}

/// The nightly backup of a SQLite shop: a consistent copy of the database written into a
/// folder each night, named by its date, keeping the newest few. Off until a folder is named.
/// A PostgreSQL shop backs up with PostgreSQL's own tools (`pg_dump`, WAL archiving).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupPolicy {
    /// An absolute path on the machine that runs the worker; empty: no nightly backup.
    pub folder: String,
    /// The hour of the night, in the shop's time zone, the copy is written (0 to 23).
    pub hour: i64,
    /// How many copies are kept; each night removes the oldest beyond it.
    pub keep: i64,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        Self {
            folder: String::new(),
            hour: 2,
            keep: 7,
        }
    }
}

impl BackupPolicy {
    /// Whether the shop asked for a nightly backup.
    pub fn enabled(&self) -> bool {
        !self.folder.trim().is_empty()
    }

    /// The time of the night the copy is written.
    pub fn at(&self) -> jiff::civil::Time {
        let night = jiff::civil::Time::constant(2, 0, 0, 0);
        i8::try_from(self.hour)
            .ok()
            .and_then(|hour| jiff::civil::Time::new(hour, 0, 0, 0).ok())
            .unwrap_or(night)
    }
}

/// How the shop answers the messages visitors send from the contacts page (SU-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportPolicy {
    /// Working hours (the calling hours of working days) a message may wait for its answer.
    pub answer_within_hours: i64,
    /// Messages one contact, or one address, may send per hour: more is refused as abuse.
    pub messages_per_hour: i64,
}

impl Default for SupportPolicy {
    fn default() -> Self {
        Self {
            answer_within_hours: 4,
            messages_per_hour: 5,
        }
    }
}

/// The shop's own storefront: its colours, the pages the owner writes, and the places a buyer
/// picks for a pickup (SU-2, DL-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StorefrontSettings {
    /// The main colour, `#rrggbb`: the header and the buttons.
    pub colour: String,
    /// The second colour, `#rrggbb`: links and prices.
    pub accent: String,
    /// The FAQ page, as the owner writes it: paragraphs separated by a blank line.
    pub faq: String,
    /// The "How to order" page, likewise.
    pub how_to_order: String,
    /// Carrier pickup points a buyer chooses from.
    pub pickup_points: Vec<String>,
    /// Parcel lockers a buyer chooses from.
    pub lockers: Vec<String>,
    /// Days a cart nobody touched is kept before the daily clean-up deletes it.
    pub cart_days: i64,
}

impl Default for StorefrontSettings {
    fn default() -> Self {
        Self {
            colour: "#23395b".into(),
            accent: "#b3541e".into(),
            faq: String::new(),
            how_to_order: String::new(),
            pickup_points: Vec::new(),
            lockers: Vec::new(),
            cart_days: 30,
        }
    }
}

impl StorefrontSettings {
    /// The places to choose from for a pickup method; empty for the others.
    pub fn places(&self, method: DeliveryMethod) -> &[String] {
        match method {
            DeliveryMethod::PickupPoint => &self.pickup_points,
            DeliveryMethod::ParcelLocker => &self.lockers,
            _ => &[],
        }
    }
}

/// Whether a colour is written `#rrggbb`, the only form the storefront's stylesheet takes.
pub fn is_colour(value: &str) -> bool {
    value.len() == 7 && value.starts_with('#') && value[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Packing, parcels on their way and couriers (AS-4, DL-6, DL-7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FulfilmentPolicy {
    /// What goes into which parcel (AS-4).
    pub inserts: Vec<crate::fulfilment::InsertRule>,
    /// Packaging the packer chooses from.
    pub packaging: Vec<String>,
    /// Days without a carrier scan before a parcel counts as delayed (DL-6).
    pub no_scan_days: i64,
    /// The length of the arrival window a courier gives on the way (DL-7).
    pub courier_window_minutes: i64,
    /// Added to a courier's bonus for each rating of 4 or 5 stars (DL-7).
    pub courier_bonus_minor: i64,
}

impl Default for FulfilmentPolicy {
    fn default() -> Self {
        use crate::fulfilment::{CouponSpec, InsertRule, InsertWhen};
        Self {
            inserts: vec![
                InsertRule {
                    insert: "thank-you postcard".into(),
                    when: InsertWhen::FirstOrder,
                    coupon: None,
                },
                InsertRule {
                    insert: "10% coupon for the next order".into(),
                    when: InsertWhen::SubtotalFrom { minor: 100_000 },
                    coupon: Some(CouponSpec {
                        percent: 10,
                        valid_days: 90,
                    }),
                },
            ],
            packaging: vec![
                "mailer bag".into(),
                "small box".into(),
                "medium box".into(),
                "large box".into(),
            ],
            no_scan_days: 3,
            courier_window_minutes: 60,
            courier_bonus_minor: 2_000,
        }
    }
}

/// How the shop writes to customers (DL-4, AF-6, AF-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessagePolicy {
    /// Channels to try, in order, when the customer's own does not work.
    pub fallback: Vec<crate::messaging::Channel>,
    /// Non-urgent messages wait from this time to the next (shop's time zone, `HH:MM`).
    pub quiet_from: String,
    pub quiet_until: String,
    /// Marketing messages a customer gets at most, per 7 days.
    pub marketing_per_week: i64,
    /// Links in the messages after delivery (AF-6).
    pub faq_url: String,
    pub social_url: String,
}

impl Default for MessagePolicy {
    fn default() -> Self {
        use crate::messaging::Channel;
        Self {
            fallback: vec![Channel::Sms, Channel::Email, Channel::Webhook],
            quiet_from: "21:00".into(),
            quiet_until: "09:00".into(),
            marketing_per_week: 1,
            faq_url: String::new(),
            social_url: String::new(),
        }
    }
}

/// When a manager calls to confirm, and when a message is enough (CF-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConfirmationPolicy {
    /// Call every order (one school of thought); off by default: call only when needed.
    pub always_call: bool,
    /// Call when the total reaches this amount (expensive goods).
    pub call_from_total_minor: i64,
    /// Call when a check found data to clarify.
    pub call_to_clarify: bool,
    /// Call when a line is out of stock.
    pub call_when_out_of_stock: bool,
    /// Call when door delivery goes to another city than the shop's.
    pub call_for_other_city: bool,
    /// Ask the customer to confirm through a link instead of confirming for them.
    pub confirmation_link: bool,
}

impl Default for ConfirmationPolicy {
    fn default() -> Self {
        Self {
            always_call: false,
            call_from_total_minor: 500_000,
            call_to_clarify: true,
            call_when_out_of_stock: true,
            call_for_other_city: true,
            confirmation_link: false,
        }
    }
}

/// How a manager tries to reach a customer by phone (CF-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallPolicy {
    /// Calls before giving up; never fewer than two.
    pub attempts: usize,
    /// Minutes to wait after the first, second, ... unanswered call; after these, the next
    /// working morning.
    pub retry_minutes: Vec<i64>,
    /// Calling hours in the shop's time zone, `HH:MM`.
    pub calling_from: String,
    pub calling_until: String,
    /// Working days an unconfirmed order is held after the last call before it is cancelled.
    pub hold_days: i64,
}

impl Default for CallPolicy {
    fn default() -> Self {
        Self {
            attempts: 3,
            retry_minutes: vec![120],
            calling_from: "09:00".into(),
            calling_until: "20:00".into(),
            hold_days: 3,
        }
    }
}

impl CallPolicy {
    pub fn start(&self) -> jiff::civil::Time {
        jiff::civil::Time::strptime("%H:%M", &self.calling_from)
            .unwrap_or(jiff::civil::Time::constant(9, 0, 0, 0))
    }

    pub fn end(&self) -> jiff::civil::Time {
        jiff::civil::Time::strptime("%H:%M", &self.calling_until)
            .unwrap_or(jiff::civil::Time::constant(20, 0, 0, 0))
    }
}

/// Paying after confirmation (PY-2) and failed payments (PY-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentPolicy {
    /// Hours the customer has to pay an invoice.
    pub deadline_hours: i64,
    /// A reminder this many hours before the deadline.
    pub reminder_before_hours: i64,
    /// Hours after the deadline (and the manager's call) before an unpaid order is cancelled.
    pub grace_hours: i64,
    /// Failed attempts before a manager is asked to help.
    pub failures_before_help: i64,
    /// Minutes a visitor has to pay at checkout before the stock held for them goes back
    /// (PY-1); the provider's checkout expires then too.
    pub checkout_minutes: i64,
    /// How the shop takes money, of [`PAYMENT_METHODS`]: what a recorded payment or refund may
    /// name.
    pub methods: Vec<String>,
}

/// Every way of paying the shop has words for.
pub const PAYMENT_METHODS: &[&str] = &[
    "card",
    "cash",
    "bank_transfer",
    "vipps",
    "mobilepay",
    "stripe",
    "liqpay",
    "yookassa",
];

/// A payment method, trimmed, if it is one of `methods`, the ways the shop takes money.
pub fn method_among(methods: &[String], method: &str) -> Result<String, crate::Invalid> {
    let method = method.trim();
    if methods.iter().any(|m| m == method) {
        Ok(method.to_owned())
    } else {
        Err(crate::Invalid::new(
            "method_unknown",
            format!(
                "'{method}' is not a way the shop takes money: {}",
                methods.join(", ")
            ),
        ))
    }
}

impl Default for PaymentPolicy {
    fn default() -> Self {
        Self {
            deadline_hours: 72,
            reminder_before_hours: 24,
            grace_hours: 48,
            failures_before_help: 2,
            checkout_minutes: 30,
            methods: ["card", "cash", "bank_transfer", "vipps"]
                .map(String::from)
                .to_vec(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryOption {
    pub method: DeliveryMethod,
    pub price_minor: i64,
    /// Delivery is free from this order subtotal on (DL-2).
    pub free_from_minor: Option<i64>,
    /// Working days in transit, fewest and most (CK-4).
    #[serde(default = "default_transit")]
    pub transit_days: [i64; 2],
    /// The carrier that takes these parcels, such as "Posten" (DL-3).
    #[serde(default)]
    pub carrier: String,
    /// The carrier's tracking page, with `{tracking}` where the number goes (DL-3).
    #[serde(default)]
    pub tracking_url: String,
    /// Days a parcel waits for the customer at a pickup point, locker or the shop (DL-1).
    #[serde(default = "default_storage_days")]
    pub pickup_storage_days: i64,
}

fn default_storage_days() -> i64 {
    7
}

fn default_transit() -> [i64; 2] {
    [1, 3]
}

impl Default for ShopSettings {
    fn default() -> Self {
        let option = |method, price_minor, free_from_minor, transit_days| DeliveryOption {
            method,
            price_minor,
            free_from_minor,
            transit_days,
            carrier: String::new(),
            tracking_url: String::new(),
            pickup_storage_days: default_storage_days(),
        };
        Self {
            name: "My shop".into(),
            currency: Currency::parse("EUR").unwrap_or_else(|_| unreachable!("EUR is a currency")),
            phone_region: "NO".into(),
            ships_to: crate::contact::known_countries()
                .map(str::to_string)
                .collect(),
            default_locale: "en".into(),
            languages: vec!["en".into()],
            low_stock_units: 5,
            time_zone: "Europe/Oslo".into(),
            city: "Oslo".into(),
            contact_phone: String::new(),
            contact_email: String::new(),
            contact_address: String::new(),
            delivery: vec![
                option(DeliveryMethod::StorePickup, 0, None, [0, 0]),
                option(DeliveryMethod::WarehousePickup, 0, None, [0, 0]),
                option(DeliveryMethod::PickupPoint, 490, Some(50_000), [1, 3]),
                option(DeliveryMethod::ParcelLocker, 390, Some(50_000), [1, 3]),
                option(DeliveryMethod::Post, 590, Some(50_000), [2, 5]),
                option(DeliveryMethod::Courier, 990, Some(100_000), [1, 2]),
            ],
            working_weekdays: vec![1, 2, 3, 4, 5],
            holidays: Vec::new(),
            confirmation: ConfirmationPolicy::default(),
            calls: CallPolicy::default(),
            payment: PaymentPolicy::default(),
            public_url: "http://127.0.0.1:8080".into(),
            messages: MessagePolicy::default(),
            fulfilment: FulfilmentPolicy::default(),
            storefront: StorefrontSettings::default(),
            support: SupportPolicy::default(),
            after_sale: crate::after_sale::AfterSalePolicy::default(),
            returns: crate::returns::ReturnPolicy::default(),
            backups: BackupPolicy::default(),
            reviews: crate::reviews::ReviewPolicy::default(),
            loyalty: crate::customers::LoyaltyPolicy::default(),
        }
    }
}

impl ShopSettings {
    /// Units available at or below which a variant without a threshold of its own is low: the
    /// product list's "running low" is fewer than `low_stock_units`.
    pub fn low_stock_at(&self) -> i64 {
        self.low_stock_units - 1
    }

    /// The languages the shop sells in, the default first.
    pub fn selling_languages(&self) -> Vec<&str> {
        let mut all = vec![self.default_locale.as_str()];
        for language in &self.languages {
            if !all.contains(&language.as_str()) {
                all.push(language);
            }
        }
        all
    }

    /// The delivery price for an order of `subtotal_minor`, or `None` when the shop does not
    /// offer the method.
    pub fn delivery_option(&self, method: DeliveryMethod) -> Option<&DeliveryOption> {
        self.delivery.iter().find(|o| o.method == method)
    }

    /// The carrier's tracking page for a number, when the shop set one for the method (DL-3).
    pub fn tracking_url(&self, method: DeliveryMethod, tracking_number: &str) -> Option<String> {
        let template = &self.delivery_option(method)?.tracking_url;
        (!template.is_empty()).then(|| template.replace("{tracking}", tracking_number))
    }

    pub fn delivery_price(&self, method: DeliveryMethod, subtotal_minor: i64) -> Option<i64> {
        let option = self.delivery.iter().find(|o| o.method == method)?;
        match option.free_from_minor {
            Some(free_from) if subtotal_minor >= free_from => Some(0),
            _ => Some(option.price_minor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_is_free_from_the_threshold() {
        // DL-2
        let settings = ShopSettings::default();
        assert_eq!(
            settings.delivery_price(DeliveryMethod::Post, 10_000),
            Some(590)
        );
        assert_eq!(
            settings.delivery_price(DeliveryMethod::Post, 50_000),
            Some(0)
        );
        assert_eq!(
            settings.delivery_price(DeliveryMethod::StorePickup, 1),
            Some(0)
        );
        let mut only_post = settings.clone();
        only_post
            .delivery
            .retain(|o| o.method == DeliveryMethod::Post);
        assert_eq!(only_post.delivery_price(DeliveryMethod::Courier, 1), None);
    }

    #[test]
    fn partial_settings_keep_the_defaults() {
        let settings: ShopSettings =
            serde_json::from_str(r#"{"name": "Sokk AS"}"#).expect("parses");
        assert_eq!(settings.name, "Sokk AS");
        assert_eq!(settings.currency.as_str(), "EUR");
    }
}
