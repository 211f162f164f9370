//! The keys of the shop's payment providers and carriers: set by the owner, read back only by
//! the adapter that uses them, listed without their values. A key lives in a `SecretString`
//! from the moment it is read, so no `Debug` or log line can print it.

use domain::access::Permission;
use secrecy::SecretString;
use serde::Serialize;
use utoipa::ToSchema;

use crate::access::Actor;
use crate::{Error, Result, Shop};

/// That a key is set, when and by whom; never the key.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SecretStatus {
    pub name: String,
    /// RFC 3339.
    pub updated_at: String,
    pub updated_by: String,
}

/// Names such as `stripe.secret_key`: lowercase words, digits, dots and underscores.
fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    let fits = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
    if fits {
        Ok(name)
    } else {
        Err(Error::field(
            "name",
            "secret_name_invalid",
            "a key's name is up to 64 lowercase letters, digits, dots and underscores",
        ))
    }
}

impl Shop {
    /// Stores a key under its name, replacing the one before; the value is not shown again.
    pub async fn set_secret(&self, actor: &Actor, name: &str, value: &str) -> Result<()> {
        actor.require(Permission::Administer)?;
        let name = check_name(name)?;
        let value = value.trim();
        if value.is_empty() {
            return Err(Error::field("value", "secret_empty", "the key is empty"));
        }
        let mut tx = self.store.begin_write().await?;
        let now_ms = store::to_millis(self.now());
        store::secrets::put(&mut tx, name, value, now_ms, &actor.name).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Forgets a key; the adapter that used it stops until a new one is set.
    pub async fn remove_secret(&self, actor: &Actor, name: &str) -> Result<()> {
        actor.require(Permission::Administer)?;
        let name = check_name(name)?;
        let mut tx = self.store.begin_write().await?;
        let removed = store::secrets::remove(&mut tx, name).await?;
        tx.commit().await?;
        if removed {
            Ok(())
        } else {
            Err(Error::NotFound { what: "key" })
        }
    }

    /// Which keys are set, for the settings page.
    pub async fn secrets(&self, actor: &Actor) -> Result<Vec<SecretStatus>> {
        actor.require(Permission::Administer)?;
        let mut conn = self.store.read().await?;
        let rows = store::secrets::listed(&mut conn).await?;
        rows.into_iter()
            .map(|row| {
                Ok(SecretStatus {
                    updated_at: store::from_millis(row.updated_at)?.to_string(),
                    name: row.name,
                    updated_by: row.updated_by,
                })
            })
            .collect()
    }

    /// The key for an adapter's use; never for an answer or a log line.
    pub async fn secret(&self, name: &str) -> Result<Option<SecretString>> {
        let mut conn = self.store.read().await?;
        let value = store::secrets::value(&mut conn, name).await?;
        Ok(value.map(SecretString::from))
    }
}
