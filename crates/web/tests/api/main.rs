//! The API, driven over HTTP against the real app on a random port, on SQLite and, when
//! `SHOPDESK_TEST_DATABASE_URL` points at a PostgreSQL server, on PostgreSQL too.

mod helpers;
#[path = "../common/pictures.rs"]
mod pictures;
#[path = "../common/smtp.rs"]
mod smtp;
#[path = "../common/stripe.rs"]
mod stripe_fake;

mod after_sale;
mod auth;
mod backups;
mod bad_input;
mod catalog;
mod coupons;
mod couriers;
mod customer_accounts;
mod customers;
mod editing;
mod feeds;
mod fulfilment;
mod health;
mod import;
mod intake;
mod jobs;
mod lifecycle;
mod limits;
mod loyalty;
mod messaging;
mod payments;
mod photos;
mod processing;
mod products;
mod promise;
mod purchasing;
mod returns;
mod reviews;
mod roles;
mod settings;
mod stock;
mod stock_race;
mod storefront;
mod stripe;
mod support;
mod webhooks;
