//! Each role reads only what its work needs, in the API as in the pages: an owner or a manager
//! every order; a packer the orders being packed, without the customer's email or link; a
//! courier the stops of their own route. Neither reads the settings, the couriers, the customers
//! or the reports. A courier is rated by the customer alone (DL-7), and every answer carries the
//! security headers and is kept in no cache.

use app::access::Actor;
use domain::access::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::couriers::{logged_in, with_courier};
use crate::helpers::{TestApp, on_each_backend, order_body};

/// GETs `path` with `token`, answering the status and the JSON body.
async fn read_as(app: &TestApp, token: &str, path: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Insists that each path is refused to `token` with 403 and a JSON error naming why.
async fn refused(app: &TestApp, token: &str, paths: &[&str]) {
    for path in paths {
        let (status, body) = read_as(app, token, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "GET {path}: {body}");
        assert!(
            body["error"]["code"]
                .as_str()
                .is_some_and(|c| !c.is_empty()),
            "GET {path} answers no error code: {body}"
        );
    }
}

/// Insists that each path answers 200 to `token`.
async fn allowed(app: &TestApp, token: &str, paths: &[&str]) {
    for path in paths {
        let (status, body) = read_as(app, token, path).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
    }
}

/// What neither a packer nor a courier reads: the shop's settings, its couriers, the customers,
/// the reports, the queues and the messages.
fn back_office_reads(customer: i64) -> Vec<String> {
    [
        "/settings",
        "/settings/changes",
        "/couriers",
        "/customers",
        &format!("/customers/{customer}"),
        "/reports/processing?from=2026-03-01&to=2026-03-02",
        "/tasks",
        "/jobs",
        "/messages",
        "/templates",
        "/inquiries",
        "/promise?sku=SOCK-M&quantity=1&method=courier",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Ola, a courier of the shop with a login of the courier role: the login's id, who it acts
/// as, and the courier's id.
async fn ola_the_courier(app: &TestApp) -> (i64, Actor, i64) {
    let (user, actor) = logged_in(app, "ola@shop.test", Role::Courier).await;
    let courier = app
        .post_ok(
            "/couriers",
            json!({"name": "Ola", "phone": "913 00 002", "user_id": user}),
            StatusCode::CREATED,
        )
        .await["id"]
        .as_i64()
        .expect("id");
    (user, actor, courier)
}

/// An order being assembled and one still waiting for the customer's confirmation.
async fn packing_and_confirming(app: &TestApp) -> (i64, i64, i64) {
    let (packing, order) = app.place(order_body()).await;
    if order["stage"] == "confirming" {
        app.act(packing, "confirm", json!({})).await;
    }
    app.always_call().await;
    let mut body = order_body();
    body["customer"] =
        json!({"name": "Ola Hansen", "phone": "913 45 678", "email": "ola@example.no"});
    let (confirming, order) = app.place(body).await;
    assert_eq!(order["stage"], "confirming", "{order}");
    (
        packing,
        confirming,
        order["customer"]["id"].as_i64().expect("card"),
    )
}

#[tokio::test]
async fn a_packers_token_reads_the_orders_it_packs_without_the_customers_email_or_link() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (packing, confirming, customer) = packing_and_confirming(&app).await;
        let packer = app
            .shop
            .create_token("packing station", Role::Packer)
            .await
            .expect("token");

        let (_, list) = read_as(&app, &packer, "/orders").await;
        let numbers: Vec<i64> = list
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|o| o["number"].as_i64())
            .collect();
        assert_eq!(numbers, [packing], "only the order being packed: {list}");

        let (status, order) = read_as(&app, &packer, &format!("/orders/{packing}")).await;
        assert_eq!(status, StatusCode::OK, "{order}");
        assert_eq!(order["lines"][0]["sku"], "SOCK-M");
        assert_eq!(order["lines"][0]["quantity"], 2);
        assert_eq!(order["delivery"]["method"], "courier");
        assert_eq!(order["customer"]["name"], "Anna Berg");
        assert_eq!(order["customer"]["email"], Value::Null, "{order}");
        assert_eq!(order["link_token"], Value::Null, "{order}");

        let (status, body) = read_as(&app, &packer, &format!("/orders/{confirming}")).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("not_being_packed")),
            "{body}"
        );
        let reads = back_office_reads(customer);
        refused(
            &app,
            &packer,
            &reads.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .await;
        allowed(
            &app,
            &packer,
            &[
                "/pick-lists",
                "/products",
                "/locations",
                "/stock?sku=SOCK-M",
            ],
        )
        .await;

        // The owner still reads everything, the customer's link included.
        let owner_view = app.get_ok(&format!("/orders/{packing}")).await;
        assert_eq!(owner_view["customer"]["email"], "anna@example.no");
        assert!(owner_view["link_token"].is_string(), "{owner_view}");
        allowed(
            &app,
            &app.token,
            &reads.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_manager_reads_orders_and_customers_but_not_the_owners_settings() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (packing, _, customer) = packing_and_confirming(&app).await;
        let manager = app
            .shop
            .create_token("front desk", Role::Manager)
            .await
            .expect("token");
        let (_, order) = read_as(&app, &manager, &format!("/orders/{packing}")).await;
        assert_eq!(order["customer"]["email"], "anna@example.no");
        allowed(
            &app,
            &manager,
            &[
                "/orders",
                &format!("/customers/{customer}"),
                "/couriers",
                "/tasks",
            ],
        )
        .await;
        refused(&app, &manager, &["/settings", "/settings/changes", "/jobs"]).await;
    })
    .await;
}

#[tokio::test]
async fn a_courier_token_of_no_courier_reads_no_order_and_nothing_of_the_back_office() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (packing, _, customer) = packing_and_confirming(&app).await;
        let courier = app
            .shop
            .create_token("courier phone", Role::Courier)
            .await
            .expect("token");
        let (status, list) = read_as(&app, &courier, "/orders").await;
        assert_eq!((status, list), (StatusCode::OK, json!([])));
        let (status, body) = read_as(&app, &courier, &format!("/orders/{packing}")).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("courier_not_linked")),
            "{body}"
        );
        let mut reads = back_office_reads(customer);
        reads.extend(
            [
                "/pick-lists",
                "/products",
                "/locations",
                "/stock?sku=SOCK-M",
                "/cash?day=2026-03-02",
            ]
            .map(str::to_owned),
        );
        reads.push(format!("/orders/{packing}/shipment"));
        refused(
            &app,
            &courier,
            &reads.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_courier_reads_the_stops_of_their_own_route_with_what_the_doorstep_needs() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (_, ola, ola_id) = ola_the_courier(&app).await;
        let kari_id = app
            .post_ok(
                "/couriers",
                json!({"name": "Kari", "phone": "913 00 003"}),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_i64()
            .expect("id");
        let olas = with_courier(&app, "912 34 001", ola_id).await;
        let karis = with_courier(&app, "912 34 002", kari_id).await;
        let shop = &app.shop;

        // The list and the pages agree: Ola's stop only.
        let listed = shop.orders(&ola, "", "", 50, 0).await.expect("orders");
        assert_eq!(listed.iter().map(|o| o.number).collect::<Vec<_>>(), [olas]);
        let page = shop
            .order_list(&ola, &app::backoffice::OrderQuery::default())
            .await
            .expect("order list");
        assert_eq!(
            page.orders.iter().map(|o| o.number).collect::<Vec<_>>(),
            [olas]
        );

        let stop = shop.order_for(&ola, olas).await.expect("own stop");
        assert_eq!(stop.customer.name, "Kari Nordmann");
        assert!(stop.customer.phone.is_some(), "{stop:?}");
        assert!(stop.delivery.address.is_some(), "{stop:?}");
        assert_eq!((stop.customer.email, stop.link_token), (None, None));
        let page = shop.order_page(&ola, olas).await.expect("own stop's page");
        assert_eq!(page.order.link_token, None);

        for refusal in [
            shop.order_for(&ola, karis).await.map(|_| ()),
            shop.order_page(&ola, karis).await.map(|_| ()),
            shop.shipment_for(&ola, karis).await.map(|_| ()),
        ] {
            assert!(
                matches!(
                    refusal,
                    Err(app::Error::Denied {
                        code: "not_your_delivery",
                        ..
                    })
                ),
                "{refusal:?}"
            );
        }
        // What the courier's own moves answer carries no customer link either.
        let delivered = shop
            .courier_delivered(
                &ola,
                olas,
                &app::fulfilment::CourierDelivery {
                    cash_minor: Some(2 * 1990 + 990),
                    receipt_number: Some("R-1".into()),
                },
            )
            .await
            .expect("delivered");
        assert_eq!(
            (delivered.customer.email, delivered.link_token),
            (None, None)
        );
        let owner = shop.order_for(&Actor::system(), olas).await.expect("owner");
        assert!(owner.link_token.is_some());
    })
    .await;
}

#[tokio::test]
async fn a_token_acting_as_a_courier_reads_their_stops_until_they_are_disabled() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (ola_user, _, ola_id) = ola_the_courier(&app).await;
        let olas = with_courier(&app, "912 34 001", ola_id).await;
        let (packing, _) = app.place(order_body()).await;
        let owner = Actor::system();
        let app_token = app
            .shop
            .issue_token(&owner, "Ola's phone", "owner", Some(ola_user))
            .await
            .expect("a token");

        // The role asked for is not the token's: it acts as Ola, a courier.
        let (status, list) = read_as(&app, &app_token, "/orders").await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let numbers: Vec<_> = list
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| &o["number"])
            .collect();
        assert_eq!(numbers, [&json!(olas)]);
        let (status, stop) = read_as(&app, &app_token, &format!("/orders/{olas}")).await;
        assert_eq!(status, StatusCode::OK, "{stop}");
        assert_eq!(stop["link_token"], Value::Null);
        let (status, body) = read_as(&app, &app_token, &format!("/orders/{packing}")).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("not_your_delivery")),
            "{body}"
        );
        refused(&app, &app_token, &["/settings", "/customers"]).await;
        let listed = app.shop.api_tokens(&owner).await.expect("tokens");
        assert_eq!(listed[0].acts_as.as_deref(), Some("ola@shop.test"));
        assert_eq!(listed[0].role, "courier");

        app.shop
            .set_user_disabled(&owner, ola_user, true)
            .await
            .expect("disabled");
        let (status, body) = read_as(&app, &app_token, "/orders").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    })
    .await;
}

#[tokio::test]
async fn dl7_a_courier_is_rated_from_the_customers_link_never_with_a_staff_token() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let courier = app
            .post_ok(
                "/couriers",
                json!({"name": "Jonas", "phone": "934 12 876"}),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_i64()
            .expect("id");
        let number = with_courier(&app, "912 34 011", courier).await;
        app.post_ok(
            &format!("/orders/{number}/courier-delivery"),
            json!({"cash_minor": 2 * 1990 + 990, "receipt_number": "R-11"}),
            StatusCode::OK,
        )
        .await;
        let link = app.get_ok(&format!("/orders/{number}")).await["link_token"]
            .as_str()
            .expect("a link")
            .to_owned();
        let rating = json!({"stars": 5, "comment": "great"});
        let rate = |token: Option<String>| {
            let mut request = app
                .client
                .post(format!("{}/api/public/orders/{link}/rating", app.base))
                .json(&rating);
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request.send()
        };
        let courier_token = app
            .shop
            .create_token("courier phone", Role::Courier)
            .await
            .expect("token");
        for staff in [courier_token, app.token.clone()] {
            let response = rate(Some(staff)).await.expect("request");
            assert_eq!(response.status(), StatusCode::FORBIDDEN);
            let body: Value = response.json().await.expect("json");
            assert_eq!(body["error"]["code"], "rating_from_staff");
        }
        let couriers = app.get_ok("/couriers").await;
        assert_eq!(
            couriers[0]["ratings"], 0,
            "no staff rating counted: {couriers}"
        );

        // The customer rates once per delivery; the bonus counts once.
        assert_eq!(
            rate(None).await.expect("request").status(),
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            rate(None).await.expect("request").status(),
            StatusCode::CONFLICT
        );
        let couriers = app.get_ok("/couriers").await;
        assert_eq!(couriers[0]["ratings"], 1);
        assert_eq!(couriers[0]["bonus"]["amount_minor"], 2000);
    })
    .await;
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_customer_data_is_never_cached() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (number, _) = app.place(order_body()).await;
        let link = app.get_ok(&format!("/orders/{number}")).await["link_token"]
            .as_str()
            .expect("a link")
            .to_owned();
        let get = |path: String, token: Option<&str>| {
            let mut request = app.client.get(format!("{}{path}", app.base));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request.send()
        };
        let token = Some(app.token.as_str());
        for (path, token) in [
            (format!("/api/v1/orders/{number}"), token),
            ("/api/v1/orders".to_owned(), token),
            ("/api/v1/customers".to_owned(), token),
            ("/api/v1/orders".to_owned(), None),
            (format!("/api/public/orders/{link}"), None),
            ("/api/openapi.json".to_owned(), None),
            ("/api/docs".to_owned(), None),
            (format!("/o/{link}"), None),
            ("/admin/login".to_owned(), None),
            ("/".to_owned(), None),
        ] {
            let response = get(path.clone(), token).await.expect("request");
            let headers = response.headers();
            let header = |name: &str| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned()
            };
            assert_eq!(header("cache-control"), "no-store", "{path}");
            assert_eq!(header("x-frame-options"), "DENY", "{path}");
            assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
            assert!(
                header("content-security-policy").contains("frame-ancestors 'none'"),
                "{path}"
            );
        }
        // The fingerprinted assets stay cacheable.
        for path in ["/admin/static/app.css", "/shop.css", "/api/docs.css"] {
            let response = get(path.to_owned(), None).await.expect("request");
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let cache = response.headers()["cache-control"].to_str().expect("text");
            assert!(cache.starts_with("public"), "{path}: {cache}");
        }
    })
    .await;
}
