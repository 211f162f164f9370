//! A route: the keys a shipment is learned under, from the finest to the coarsest.

use crate::orders::DeliveryMethod;

/// A route as keys from the finest to the coarsest, such as
/// `["zip:01310|seller:SP", "state:SP|seller:SP", "state:SP", "*"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    keys: Vec<String>,
}

impl Route {
    pub fn new(keys: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            keys: keys.into_iter().map(Into::into).collect(),
        }
    }

    pub fn keys(&self) -> &[String] {
        &self.keys
    }
}

impl Route {
    /// A shop's parcel: by method and the region of the postcode (its first two characters,
    /// such as a Norwegian county), then by method alone for a thin region.
    pub fn of_shipment(method: DeliveryMethod, postcode: Option<&str>) -> Self {
        let region: String = postcode
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(2)
            .collect::<String>()
            .to_ascii_uppercase();
        let method = method.as_str();
        if region.is_empty() {
            Self::new([method])
        } else {
            Self::new([format!("{method}|{region}"), method.to_owned()])
        }
    }
}
