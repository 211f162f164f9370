//! The shop's settings: its name and contacts, and its delivery prices.

use anyhow::Context;
use domain::money::Currency;
use domain::orders::DeliveryMethod;
use domain::settings::ShopSettings;

use super::people::owner;
use super::{Sim, TIME_ZONE};

impl Sim {
    /// Fjord & Thread's name, contacts, delivery prices and after-sale policy, saved as the
    /// owner would save them.
    pub(super) async fn save_settings(&mut self) -> anyhow::Result<()> {
        // Start from the defaults and change only what makes this shop itself, so policies the
        // defaults hold (and any the shop gains later) keep their first choice.
        let defaults = ShopSettings::default();
        let mut delivery = defaults.delivery.clone();
        for option in &mut delivery {
            (option.price_minor, option.free_from_minor) = nok_price(option.method);
            if !option.method.is_self_pickup() && option.method != DeliveryMethod::Courier {
                option.carrier = "Posten".into();
                option.tracking_url = "https://sporing.posten.no/sporing/{tracking}".into();
            }
        }
        let settings = ShopSettings {
            name: "Fjord & Thread".into(),
            currency: Currency::parse("NOK")?,
            phone_region: "NO".into(),
            default_locale: "nb".into(),
            time_zone: TIME_ZONE.into(),
            city: "Oslo".into(),
            contact_phone: "+47 22 35 81 40".into(),
            contact_email: "hei@fjordandthread.example.no".into(),
            contact_address: "Thorvald Meyers gate 58, 0552 Oslo".into(),
            delivery,
            after_sale: self.after_sale(&defaults.after_sale)?,
            ..defaults
        };
        self.shop
            .change_settings(&owner(), &serde_json::to_value(&settings)?)
            .await
            .context("cannot save the shop's settings")?;
        self.settings = settings;
        Ok(())
    }
}

/// Delivery prices in øre, and the subtotal from which delivery is free (DL-2).
fn nok_price(method: DeliveryMethod) -> (i64, Option<i64>) {
    match method {
        DeliveryMethod::StorePickup | DeliveryMethod::WarehousePickup => (0, None),
        DeliveryMethod::PickupPoint => (7_900, Some(100_000)),
        DeliveryMethod::ParcelLocker => (6_900, Some(100_000)),
        DeliveryMethod::Post => (9_900, Some(100_000)),
        DeliveryMethod::Courier => (14_900, Some(150_000)),
    }
}
