//! API tokens and the roles they carry.

use domain::access::{Permission, Role};
use sha2::{Digest, Sha256};

use crate::{Error, Result, Shop};

/// How the timeline names a person of the back office: `user:<email>`.
pub(crate) const USER_PREFIX: &str = "user:";

/// Who is asking, as far as the shop knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    /// The name the timeline records, such as `token:warehouse-scanner`.
    pub name: String,
}

impl Actor {
    /// The shop itself acting on a timer or at intake.
    pub fn system() -> Self {
        Self {
            role: Role::Owner,
            name: "system".into(),
        }
    }

    /// The storefront acting for a visitor, in what intake lets any channel do.
    pub fn visitor() -> Self {
        Self {
            role: Role::Manager,
            name: "storefront".into(),
        }
    }

    /// The email of the person behind this actor, when someone logged in to the back office.
    pub fn user_email(&self) -> Option<&str> {
        self.name.strip_prefix(USER_PREFIX)
    }

    pub fn require(&self, permission: Permission) -> Result<()> {
        if self.role.may(permission) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

pub(crate) fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Shop {
    /// Makes a new API token and returns it. Only its hash is kept, so it is shown once.
    pub async fn create_token(&self, name: &str, role: Role) -> Result<String> {
        let name = name.trim();
        if name.is_empty() || name.len() > 100 {
            return Err(Error::field(
                "name",
                "name_invalid",
                "a token needs a name of 1 to 100 characters",
            ));
        }
        let mut secret = [0u8; 24];
        getrandom::fill(&mut secret)
            .map_err(|e| store::Error::Corrupt(format!("no randomness: {e}")))?;
        let token = format!("sd_{}", hex::encode(secret));
        let mut tx = self.store.begin_write().await?;
        store::backoffice::tokens::insert(
            &mut tx,
            name,
            role.as_str(),
            &hash(&token),
            store::to_millis(self.now()),
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The actor a bearer token stands for, if it is a live token.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Actor>> {
        let mut conn = self.store.read().await?;
        let Some((_, name, role)) =
            store::backoffice::tokens::find(&mut conn, &hash(token)).await?
        else {
            return Ok(None);
        };
        let role = Role::parse(&role).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        Ok(Some(Actor {
            role,
            name: format!("token:{name}"),
        }))
    }
}
