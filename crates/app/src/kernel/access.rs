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

    /// A payment provider reporting money it took, under its name on the timeline.
    pub fn provider(name: &str) -> Self {
        Self {
            role: Role::Manager,
            name: format!("provider:{name}"),
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

/// Which orders a person reads, and so lists and opens, in the back office and the API alike:
/// each role what its work needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderScope {
    /// Owners and managers: every order.
    Every,
    /// Packers: the orders being assembled, ready to leave or on their way: the ones they
    /// pick, pack and hand over.
    Packing,
    /// Couriers: the orders handed to the courier they deliver as; none for a login linked to
    /// no courier.
    Stops(Option<i64>),
}

impl OrderScope {
    /// The same scope as the store filters lists with; `None` when it holds no order at all.
    pub(crate) fn filter(self) -> Option<store::orders::Scope> {
        match self {
            Self::Every => Some(store::orders::Scope::Every),
            Self::Packing => Some(store::orders::Scope::Packing),
            Self::Stops(courier) => courier.map(store::orders::Scope::Stops),
        }
    }
}

/// The courier a courier's login delivers as. Other roles act for every courier (`None`); a
/// courier's login that is linked to no courier acts for none.
pub(crate) async fn own_courier(conn: &mut store::Conn, actor: &Actor) -> Result<Option<i64>> {
    if actor.role != Role::Courier {
        return Ok(None);
    }
    let found = match actor.user_email() {
        Some(email) => store::fulfilment::courier_of_user(conn, email).await?,
        None => None,
    };
    found.map(Some).ok_or_else(not_linked)
}

fn not_linked() -> Error {
    Error::Denied {
        code: "courier_not_linked",
        message: "this login is not linked to a courier: ask the owner to link it".into(),
    }
}

/// The orders this person may read.
pub(crate) async fn order_scope(conn: &mut store::Conn, actor: &Actor) -> Result<OrderScope> {
    actor.require(Permission::Read)?;
    if actor.role.may(Permission::ManageOrders) {
        Ok(OrderScope::Every)
    } else if actor.role.may(Permission::Fulfil) {
        Ok(OrderScope::Packing)
    } else {
        match own_courier(conn, actor).await {
            Ok(courier) => Ok(OrderScope::Stops(courier)),
            Err(Error::Denied { .. }) => Ok(OrderScope::Stops(None)),
            Err(other) => Err(other),
        }
    }
}

/// Refuses an order outside the person's scope (403 with the reason), and answers 404 for an
/// order that does not exist, whoever asks.
pub(crate) async fn require_order(
    conn: &mut store::Conn,
    actor: &Actor,
    number: i64,
) -> Result<()> {
    let scope = order_scope(conn, actor).await?;
    let row = store::orders::get(conn, number)
        .await?
        .ok_or(Error::NotFound { what: "order" })?;
    match scope {
        OrderScope::Every => Ok(()),
        OrderScope::Packing if store::orders::PACKING_STAGES.contains(&row.stage.as_str()) => {
            Ok(())
        }
        OrderScope::Packing => Err(Error::Denied {
            code: "not_being_packed",
            message: "a packer reads the orders being assembled, ready or on their way".into(),
        }),
        OrderScope::Stops(None) => Err(not_linked()),
        OrderScope::Stops(Some(courier)) => {
            let shipment = store::fulfilment::shipment(conn, number).await?;
            if shipment.and_then(|s| s.courier_id) == Some(courier) {
                Ok(())
            } else {
                Err(Error::Denied {
                    code: "not_your_delivery",
                    message: "this delivery is on another courier's route".into(),
                })
            }
        }
    }
}

pub(crate) fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Shop {
    /// Makes a new API token and returns it. Only its hash is kept, so it is shown once.
    pub async fn create_token(&self, name: &str, role: Role) -> Result<String> {
        self.insert_token(name, role, None).await
    }

    /// Makes a token that acts as a person of the back office, with their role and name: a
    /// courier's app reads that courier's stops. It stops working when the person is disabled.
    pub async fn create_user_token(
        &self,
        actor: &Actor,
        name: &str,
        user_id: i64,
    ) -> Result<String> {
        actor.require(Permission::Administer)?;
        let user = {
            let mut conn = self.store.read().await?;
            store::backoffice::accounts::get(&mut conn, user_id)
                .await?
                .ok_or(Error::NotFound { what: "user" })?
        };
        let role = Role::parse(&user.role).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        self.insert_token(name, role, Some(user_id)).await
    }

    async fn insert_token(&self, name: &str, role: Role, user_id: Option<i64>) -> Result<String> {
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
        let new = store::backoffice::tokens::NewToken {
            name,
            role: role.as_str(),
            user_id,
        };
        store::backoffice::tokens::insert(
            &mut tx,
            &new,
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
        let Some(found) = store::backoffice::tokens::find(&mut conn, &hash(token)).await? else {
            return Ok(None);
        };
        let role = Role::parse(&found.role).map_err(|e| store::Error::Corrupt(e.to_string()))?;
        let name = match found.user_email {
            Some(email) => format!("{USER_PREFIX}{email}"),
            None => format!("token:{}", found.name),
        };
        Ok(Some(Actor { role, name }))
    }
}
