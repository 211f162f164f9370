//! The pure rules of shopdesk.
//!
//! Every function here takes the current state, a command, the shop's settings and `now`, and
//! returns a decision. Nothing here reads a clock, a database or the network, so every rule can
//! be tested as a table and driven by property tests.

/// An enum stored and sent as snake_case text, with `ALL`, `as_str`, `parse` and `Display`.
///
/// `Name = "name" { ... }`: the literal is the snake_case name the refusal's code is made of
/// (`name_invalid`), so every code a client sees is written the same way.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident = $snake:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, $crate::Invalid> {
                match raw.trim() {
                    $($text => Ok(Self::$variant),)+
                    other => Err($crate::Invalid::new(
                        concat!($snake, "_invalid"),
                        format!("'{}' is not one of: {}", other, [$($text),+].join(", ")),
                    )),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod access;
pub mod after_sale;
pub mod calendar;
pub mod catalog;
pub mod checks;
pub mod confirmation;
pub mod contact;
pub mod customers;
pub mod fulfilment;
pub mod inventory;
pub mod messaging;
pub mod money;
pub mod orders;
pub mod promise;
pub mod returns;
pub mod reviews;
pub mod settings;
pub mod support;

/// A value that failed to parse: which rule it broke, in words a person can act on.
///
/// The field it came from is added at the edge, where the field's name is known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    /// A stable machine-readable code, such as `phone_invalid`.
    pub code: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}
