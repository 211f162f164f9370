//! Reading and changing the shop's settings.

use domain::settings::ShopSettings;

use domain::access::Permission;

use crate::access::Actor;
use crate::{Error, Result, Shop};

const KEY: &str = "shop";

impl Shop {
    /// The shop's settings; the defaults until the owner changes them.
    pub async fn settings(&self) -> Result<ShopSettings> {
        let mut conn = self.store.read().await?;
        match store::settings::get(&mut conn, KEY).await? {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| store::Error::Corrupt(format!("settings: {e}")).into()),
            None => Ok(ShopSettings::default()),
        }
    }

    /// Replaces the settings after checking the values the rules depend on.
    pub async fn update_settings(&self, actor: &Actor, settings: &ShopSettings) -> Result<()> {
        actor.require(Permission::Administer)?;
        domain::contact::PhoneRegion::parse(&settings.phone_region)
            .map_err(|e| Error::invalid("phone_region", e))?;
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
        let json =
            serde_json::to_string(settings).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let mut tx = self.store.begin_write().await?;
        store::settings::put(&mut tx, KEY, &json).await?;
        tx.commit().await?;
        Ok(())
    }
}
