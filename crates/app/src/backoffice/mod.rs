//! The back office's own work: the people who log in and their API tokens, the managers' task
//! queue with the call policy (CF-3, CF-4), the owner's reports, and what its pages show beyond a
//! single use case (the order list, an order's page, the dashboard, the call queue).

mod accounts;
mod reports;
mod tasks;
mod views;

pub use accounts::{Login, NewLogin, NewUser, Staff, StaffLogins, TokenView, UserView, form_token};
pub use reports::ProcessingDay;
pub use tasks::{AttemptAnswer, AttemptInput, TaskView};
pub use views::{
    CallQueue, CashGap, Dashboard, Move, OnTimeDay, OrderList, OrderPage, OrderQuery,
    OverduePayment, PAGE_SIZE, RefundOffer, RefundableLine,
};
