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
    pub default_locale: String,
    /// IANA time zone for the shop's business rules.
    pub time_zone: String,
    /// The shop's own city: delivery elsewhere is "another city" (CF-2).
    pub city: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_address: String,
    /// Prices of the delivery methods the shop offers (DL-1, DL-2).
    pub delivery: Vec<DeliveryOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryOption {
    pub method: DeliveryMethod,
    pub price_minor: i64,
    /// Delivery is free from this order subtotal on (DL-2).
    pub free_from_minor: Option<i64>,
}

impl Default for ShopSettings {
    fn default() -> Self {
        let option = |method, price_minor, free_from_minor| DeliveryOption {
            method,
            price_minor,
            free_from_minor,
        };
        Self {
            name: "My shop".into(),
            currency: Currency::parse("EUR").unwrap_or_else(|_| unreachable!("EUR is a currency")),
            phone_region: "NO".into(),
            default_locale: "en".into(),
            time_zone: "Europe/Oslo".into(),
            city: "Oslo".into(),
            contact_phone: String::new(),
            contact_email: String::new(),
            contact_address: String::new(),
            delivery: vec![
                option(DeliveryMethod::StorePickup, 0, None),
                option(DeliveryMethod::WarehousePickup, 0, None),
                option(DeliveryMethod::PickupPoint, 490, Some(50_000)),
                option(DeliveryMethod::ParcelLocker, 390, Some(50_000)),
                option(DeliveryMethod::Post, 590, Some(50_000)),
                option(DeliveryMethod::Courier, 990, Some(100_000)),
            ],
        }
    }
}

impl ShopSettings {
    /// The delivery price for an order of `subtotal_minor`, or `None` when the shop does not
    /// offer the method.
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
