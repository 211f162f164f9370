//! After the sale: returns asked for on the order page (AF-1, AF-2, AF-3), and the daily run of
//! reminders, birthday and anniversary gifts and holiday greetings (AF-7, AF-8, AF-9).

mod reminders;
pub(crate) mod returns;

pub(crate) use reminders::gift_coupon;
pub use returns::{
    ReturnInput, ReturnLineInput, ReturnOffer, ReturnView, ReturnableLine, ReturnedLine,
};
