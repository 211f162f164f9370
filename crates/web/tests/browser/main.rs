//! The back office in a real browser: headless Chromium at phone width (390x844), driven through
//! chromedriver, against the real app on a random port, on SQLite and, when
//! `SHOPDESK_TEST_DATABASE_URL` points at a PostgreSQL server, on PostgreSQL too. Each test
//! asserts what a person sees; waiting is always for an element or a text to appear.

mod helpers;
#[path = "../common/pictures.rs"]
mod pictures;
#[path = "../common/smtp.rs"]
mod smtp;
#[path = "../common/stripe.rs"]
mod stripe_fake;

mod access;
mod account;
mod cards;
mod desk;
mod fulfilment;
mod import;
mod money;
mod photos;
mod products;
mod reviews;
mod stock;
mod storefront;
mod webhooks;
mod work;
