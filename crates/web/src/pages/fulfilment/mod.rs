//! From shelf to doorstep: the packing station and its count mode, the courier's phone page
//! and the cash desk.

pub mod cash;
pub mod count;
pub mod couriers;
pub mod station;
