//! The shop's own storefront (IN-1, channel `storefront`): catalogue pages with their stock,
//! carts kept on the server (deleted once nobody touched them for a while), a checkout that goes
//! through the same intake as the API, the customer's order page behind their link, the
//! customer's account, the newsletter, back-in-stock requests (ST-4), and the feeds that list the
//! catalogue for marketplaces and ads (IN-1).

mod account;
mod cart;
mod checkout;
mod customer;
mod feeds;
mod newsletter;
mod shop;

pub use account::{
    Account, AccountExport, AccountSession, AddressInput, ExportedContact, ExportedMessage,
    ExportedQuestion, Gift, LINK_LIFE, Newsletter, PastOrder, ProfileInput,
};
pub use cart::{CartLineView, CartView};
pub use checkout::{Checkout, checkout_key};
pub use customer::{CustomerPage, DefectQuestion, SentMessage, WaitingLine};
pub use feeds::{Feed, FeedCategory, FeedItem};
pub use shop::{Catalogue, CatalogueQuery, ProductCard, ProductPage, StockState, VariantOffer};

/// Products on one catalogue page.
pub const PAGE_SIZE: i64 = 24;
