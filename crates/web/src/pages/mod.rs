//! The back office under `/admin`: server-rendered pages (askama) for owners, managers, packers
//! and couriers, with words from Fluent in five languages. htmx, embedded like the stylesheet,
//! turns links and forms into partial page loads and drives the template preview; every page
//! also works without it. Handlers are thin: each calls the `app` use case for its page, and
//! the use case decides what the person's role may see and do.

mod assets;
mod categories;
mod charts;
mod customers;
mod dashboard;
pub(crate) mod frame;
mod fulfilment;
pub(crate) mod i18n;
mod locations;
mod login;
mod messaging;
mod orders;
mod phone_orders;
mod photos;
mod product_import;
mod products;
mod providers;
mod purchasing;
mod reviews;
pub(crate) mod session;
mod settings;
mod stock;
mod tasks;
mod unsubscribe;
mod users;
mod webhooks;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::Redirect;
use axum::routing::{get, post};
use domain::access::Permission;

use session::{Me, guard};

/// Every page of the back office, behind the session guard.
pub fn router(shop: app::Shop) -> Router<app::Shop> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/login", get(login::form).post(login::submit))
        .route("/admin/logout", post(login::log_out))
        .route("/admin/language", post(login::choose_language))
        .route("/admin/dashboard", get(dashboard::page))
        .route("/admin/orders", get(orders::list))
        .route(
            "/admin/orders/new",
            get(phone_orders::page).post(phone_orders::send),
        )
        .route("/admin/orders/{number}", get(orders::page))
        .route("/admin/orders/{number}/{action}", post(orders::act))
        .route("/admin/orders/{number}/details", post(orders::edit_details))
        .route("/admin/calls", get(tasks::page))
        .route("/admin/calls/{task}/attempts", post(tasks::record))
        .route("/admin/inquiries/{id}/answer", post(tasks::answer))
        .route("/admin/customers", get(customers::list))
        .route("/admin/customers/{id}", get(customers::card))
        .route("/admin/outbox", get(messaging::page))
        .route("/admin/reviews", get(reviews::page))
        .route("/admin/reviews/{id}/answer", post(reviews::answer))
        .route("/admin/reviews/{id}/publish", post(reviews::publish))
        .route("/admin/reviews/{id}/hide", post(reviews::hide))
        .route("/admin/products", get(products::list))
        .route("/admin/products/bulk", post(products::bulk))
        .route(
            "/admin/products/import",
            get(product_import::form)
                .post(product_import::import)
                .layer(DefaultBodyLimit::max(session::UPLOAD_LIMIT)),
        )
        .route("/admin/products/export.csv", get(product_import::export))
        .route(
            "/admin/products/new",
            get(products::new_form).post(products::create),
        )
        .route(
            "/admin/products/{id}",
            get(products::edit_form).post(products::update),
        )
        .route("/admin/products/{id}/duplicate", post(products::duplicate))
        .route("/admin/products/{id}/archive", post(products::archive))
        .route(
            "/admin/products/{id}/photos",
            post(photos::upload).layer(DefaultBodyLimit::max(session::UPLOAD_LIMIT)),
        )
        .route("/admin/products/{id}/photos/{photo}", post(photos::edit))
        .route(
            "/admin/products/{id}/photos/{photo}/{action}",
            post(photos::act),
        )
        .route(
            "/admin/products/{id}/variants/{variant}/archive",
            post(products::archive_variant),
        )
        .route(
            "/admin/categories",
            get(categories::page).post(categories::create),
        )
        .route(
            "/admin/categories/words",
            get(categories::words).post(categories::save_words),
        )
        .route("/admin/purchasing", get(purchasing::page))
        .route(
            "/admin/purchasing/suppliers",
            post(purchasing::create_supplier),
        )
        .route("/admin/purchasing/orders", post(purchasing::create_order))
        .route("/admin/purchasing/{id}", get(purchasing::order))
        .route("/admin/purchasing/{id}/receive", post(purchasing::receive))
        .route("/admin/purchasing/{id}/cancel", post(purchasing::cancel))
        .route("/admin/stock", get(stock::levels))
        .route(
            "/admin/locations",
            get(locations::page).post(locations::create),
        )
        .route("/admin/stock/{sku}", get(stock::sku))
        .route("/admin/stock/{sku}/movements", post(stock::record))
        .route("/admin/stock/{sku}/threshold", post(stock::threshold))
        .route("/admin/categories/{id}", post(categories::update))
        .route("/admin/categories/{id}/archive", post(categories::archive))
        .route("/admin/settings", get(settings::page).post(settings::save))
        .route("/admin/settings/templates", get(settings::templates))
        .route("/admin/settings/templates/preview", post(settings::preview))
        .route(
            "/admin/settings/templates/{key}/{channel}",
            get(settings::editor),
        )
        .route(
            "/admin/settings/templates/{key}/{channel}/{locale}",
            post(settings::save_template),
        )
        .route("/admin/settings/payments", get(providers::page))
        .route("/admin/settings/payments/keys/{name}", post(providers::set))
        .route(
            "/admin/settings/payments/keys/{name}/remove",
            post(providers::remove),
        )
        .route(
            "/admin/settings/webhooks",
            get(webhooks::page).post(webhooks::add),
        )
        .route(
            "/admin/settings/webhooks/{id}/remove",
            post(webhooks::remove),
        )
        .route(
            "/admin/settings/webhooks/deliveries/{id}/redeliver",
            post(webhooks::redeliver),
        )
        .route("/admin/users", get(users::page).post(users::create))
        .route("/admin/users/{id}/role", post(users::role))
        .route("/admin/users/{id}/access", post(users::access))
        .route("/admin/users/{id}/password", post(users::password))
        .route("/admin/users/{id}/unlock", post(users::unlock))
        .route("/admin/tokens", post(users::token))
        .route("/admin/packing", get(fulfilment::station::page))
        .route(
            "/admin/packing/count",
            get(fulfilment::count::page).post(fulfilment::count::confirm),
        )
        .route(
            "/admin/packing/pick-list",
            get(fulfilment::station::pick_list),
        )
        .route("/admin/packing/{number}", get(fulfilment::station::order))
        .route(
            "/admin/packing/{number}/scan",
            post(fulfilment::station::scan),
        )
        .route(
            "/admin/packing/{number}/defect",
            post(fulfilment::station::defect),
        )
        .route(
            "/admin/packing/{number}/pack",
            post(fulfilment::station::pack),
        )
        .route(
            "/admin/packing/{number}/hand-over",
            post(fulfilment::station::hand_over),
        )
        .route(
            "/admin/packing/{number}/slip",
            get(fulfilment::station::slip),
        )
        .route("/admin/courier", get(fulfilment::couriers::page))
        .route("/admin/courier/cash", post(fulfilment::couriers::hand_in))
        .route(
            "/admin/courier/{number}/on-the-way",
            post(fulfilment::couriers::on_the_way),
        )
        .route(
            "/admin/courier/{number}/delivered",
            post(fulfilment::couriers::delivered),
        )
        .route(
            "/admin/courier/{number}/receipt",
            get(fulfilment::couriers::receipt),
        )
        .route("/admin/cash", get(fulfilment::cash::page))
        .route("/admin/couriers", post(users::create_courier))
        .route("/admin/couriers/{id}/login", post(users::courier_login))
        .route(
            "/admin/customers/{id}/merge",
            get(customers::merge_form).post(customers::merge),
        )
        .route(
            "/admin/orders/{number}/payments",
            post(orders::record_payment),
        )
        .route(
            "/admin/orders/{number}/payments/{id}/void",
            post(orders::void_payment),
        )
        .route("/admin/orders/{number}/refunds", post(orders::refund))
        .route("/admin/static/{file}", get(assets::serve))
        .layer(axum::middleware::from_fn_with_state(shop, guard))
        .merge(unsubscribe::router())
}

/// Each role starts where its work is.
async fn home(me: Me) -> Redirect {
    let to = if me.staff.may(Permission::ManageOrders) {
        "/admin/dashboard"
    } else if me.staff.may(Permission::Fulfil) {
        "/admin/packing"
    } else {
        "/admin/courier"
    };
    Redirect::to(to)
}
