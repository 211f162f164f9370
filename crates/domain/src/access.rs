//! Who may do what: the four roles of the back office and the API.

use serde::{Deserialize, Serialize};

use crate::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Manager,
    Packer,
    Courier,
}

/// What a request wants to do, coarse enough that a shop can reason about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read orders: every one, or only those the role works on (the app's `OrderScope`).
    Read,
    /// Read the catalogue, its stock and the locations it is kept at (ST-3).
    ReadStock,
    /// Create and edit products, locations and stock counts.
    ManageCatalog,
    /// Take orders in and move them before assembly; read and act on customers.
    ManageOrders,
    /// Pick, check, pack and hand over.
    Fulfil,
    /// Deliver and collect cash.
    Deliver,
    /// Shop settings, users and tokens.
    Administer,
}

impl Role {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "owner" => Ok(Self::Owner),
            "manager" => Ok(Self::Manager),
            "packer" => Ok(Self::Packer),
            "courier" => Ok(Self::Courier),
            other => Err(Invalid::new(
                "role_invalid",
                format!("'{other}' is not a role: use owner, manager, packer or courier"),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Manager => "manager",
            Self::Packer => "packer",
            Self::Courier => "courier",
        }
    }

    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Self::Owner => true,
            Self::Manager => matches!(
                permission,
                Read | ReadStock | ManageCatalog | ManageOrders | Fulfil | Deliver
            ),
            Self::Packer => matches!(permission, Read | ReadStock | Fulfil),
            Self::Courier => matches!(permission, Read | Deliver),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_guarded() {
        assert!(Role::Owner.may(Permission::Administer));
        assert!(!Role::Manager.may(Permission::Administer));
        assert!(Role::Manager.may(Permission::ManageOrders));
        assert!(!Role::Packer.may(Permission::ManageOrders));
        assert!(Role::Packer.may(Permission::Fulfil));
        assert!(!Role::Courier.may(Permission::Fulfil));
        assert!(Role::Courier.may(Permission::Deliver));
        assert!(Role::Packer.may(Permission::ReadStock));
        assert!(!Role::Courier.may(Permission::ReadStock));
    }
}
