//! From shelf to doorstep: the packing station, the courier's phone page and the cash desk.

pub mod cash;
pub mod couriers;
pub mod station;
