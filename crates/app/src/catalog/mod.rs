//! The goods: products and their variants (SU-2), stock per location and bin with the
//! reservations of orders (ST-1..4), and the delivery promise made from them (CK-4, DL-5).

mod inventory;
mod products;
mod promise;

pub use inventory::{LocationView, NewLocation, SetStock, StockView};
pub(crate) use inventory::{Shelf, places_for, set_aside, set_aside_again};
pub(crate) use products::parse_stored_options;
pub use products::{NewProduct, NewVariant, ProductView, VariantView};
pub(crate) use promise::TransitBook;
pub use promise::{PromiseQuery, PromiseView, Window};
pub(crate) use promise::{lengthen_promise, promise_window};
