//! The goods: products and their variants in the shop's languages (SU-2), categories, stock per location and bin with the
//! reservations of orders (ST-1..4), and the delivery promise made from them (CK-4, DL-5).

mod categories;
mod counting;
mod import;
mod inventory;
mod ledger;
mod photos;
mod products;
mod promise;
mod purchasing;
mod reorder;

pub use categories::{CategoryView, NewCategory, OptionWord, Translations};
pub use counting::{BinCount, CountedLine};
pub use import::{
    Fetching, Format, ImageFetcher, ImportSummary, ImportedProduct, Progress, RowProblem,
    StockImport, StockRow,
};
pub use inventory::{LocationView, NewLocation, SetStock, StockView};
pub(crate) use inventory::{Shelf, places_for, set_aside, set_aside_again};
pub(crate) use ledger::restock_return;
pub use ledger::{LevelView, MovementView, NewMovement, Threshold, parse_levels};
pub use photos::{
    MAX_PHOTO_BYTES, MAX_PHOTOS_AT_ONCE, PhotoDetails, PhotoSize, PhotoView, Picture, Shown,
    Upload, colour_of, pictures_for,
};
pub use products::{
    Created, NewProduct, NewVariant, ProductLine, ProductSearch, ProductText, ProductView,
    VariantView,
};
pub(crate) use products::{parse_stored_options, parse_stored_texts};
pub(crate) use promise::TransitBook;
pub use promise::{PromiseQuery, PromiseView, Window};
pub(crate) use promise::{lengthen_promise, promise_window};
pub use purchasing::{
    GoodsReceipt, NewPurchaseOrder, NewSupplier, OrderedUnits, PurchaseLineView, PurchaseOrderView,
    SupplierView,
};
pub(crate) use purchasing::{SupplierWait, supplier_wait};
pub use store::catalog::ledger::Levels;
