use domain::orders::Refusal;

/// Why a use case did not happen. In every case nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input broke a rule; `field` names where, as a path such as `lines[0].quantity`.
    #[error("{field}: {message}")]
    Invalid {
        field: String,
        code: &'static str,
        message: String,
    },
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// The request clashes with what exists, such as a SKU already taken.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// The order's lifecycle does not allow this move now.
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("not allowed for this role")]
    Forbidden,
    /// The role may do this, but not to this record: a courier acting on another's delivery.
    #[error("{message}")]
    Denied { code: &'static str, message: String },
    #[error(transparent)]
    Store(store::Error),
}

impl From<store::Error> for Error {
    /// A row another writer changed first (an order's version moved on) is a conflict the
    /// person can act on, not a failure of the store.
    fn from(err: store::Error) -> Self {
        match err {
            store::Error::Stale => Self::order_changed(),
            other => Self::Store(other),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Bad input in `field`, with a stable code and a sentence for a person.
    pub fn field(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            code,
            message: message.into(),
        }
    }

    /// Someone changed the order since it was read.
    pub fn order_changed() -> Self {
        Self::Conflict {
            code: "order_changed",
            message:
                "someone changed this order in the meantime; open it again to see how it is now"
                    .into(),
        }
    }

    /// The stable code a person's words for this are found by, such as `amount_above_balance`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { code, .. }
            | Self::Conflict { code, .. }
            | Self::Denied { code, .. } => code,
            Self::Refused(refusal) => refusal.code(),
            Self::Forbidden => "forbidden",
            Self::NotFound { .. } => "not_found",
            Self::Store(_) => "unavailable",
        }
    }

    /// A refusal about what was typed in one field, such as an amount above what is due.
    pub fn refused_in(field: impl Into<String>, refusal: &Refusal) -> Self {
        Self::field(field, refusal.code(), refusal.to_string())
    }

    pub fn invalid(field: impl Into<String>, invalid: domain::Invalid) -> Self {
        Self::Invalid {
            field: field.into(),
            code: invalid.code,
            message: invalid.message,
        }
    }
}

/// Parses one field, naming it in the error.
pub(crate) trait FieldResult<T> {
    fn field(self, name: impl Into<String>) -> Result<T>;
}

impl<T> FieldResult<T> for std::result::Result<T, domain::Invalid> {
    fn field(self, name: impl Into<String>) -> Result<T> {
        self.map_err(|invalid| Error::invalid(name, invalid))
    }
}

/// One thing wrong with a form a person filled in: the field (as intake names it) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub code: String,
    pub message: String,
}
