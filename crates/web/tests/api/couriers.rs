//! DL-7, PY-5: a courier's login acts on its own route only. Another courier's deliveries,
//! route and cash are refused with 403 `not_your_delivery`; a courier login linked to no
//! courier, such as a courier-role API token, is refused with `courier_not_linked`.

use app::access::Actor;
use app::backoffice::{Login, NewUser};
use domain::access::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend, order_body};

/// A back-office user with this role, logged in: the actor its pages act as.
pub async fn logged_in(app: &TestApp, email: &str, role: Role) -> (i64, Actor) {
    let input = NewUser {
        email: email.into(),
        name: email.into(),
        role: role.as_str().into(),
    };
    let login = app
        .shop
        .create_user(&Actor::system(), &input)
        .await
        .expect("a user");
    let Login::In { token, .. } = app
        .shop
        .log_in(email, &login.password, "127.0.0.1")
        .await
        .expect("log in")
    else {
        panic!("{email} could not log in");
    };
    let staff = app
        .shop
        .staff(&token, false)
        .await
        .expect("session")
        .expect("a live session");
    (login.user.id, staff.actor)
}

/// An order by courier, paid on delivery, packed and handed to `courier`.
pub async fn with_courier(app: &TestApp, phone: &str, courier: i64) -> i64 {
    let mut body = order_body();
    body["customer"] = json!({"name": "Kari Nordmann", "phone": phone});
    let (number, order) = app.place(body).await;
    if order["stage"] == "confirming" {
        app.act(number, "confirm", json!({})).await;
    }
    app.pack(number).await;
    app.post_ok(
        &format!("/orders/{number}/hand-over"),
        json!({"courier_id": courier}),
        StatusCode::OK,
    )
    .await;
    number
}

fn refusal_code(result: Result<impl std::fmt::Debug, app::Error>) -> &'static str {
    match result {
        Err(app::Error::Denied { code, .. }) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_courier_acts_on_their_own_route_only() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let (ola_user, ola) = logged_in(&app, "ola@shop.test", Role::Courier).await;
        let (kari_user, kari) = logged_in(&app, "kari@shop.test", Role::Courier).await;
        let (packer_user, _) = logged_in(&app, "per@shop.test", Role::Packer).await;
        let (status, body) = app
            .post(
                "/couriers",
                json!({"name": "Per Packer", "phone": "913 00 001", "user_id": packer_user}),
            )
            .await;
        assert_eq!(
            (status, body["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("user_id")),
            "only a courier's login may deliver: {body}"
        );
        let courier = |name: &str, phone: &str, user: i64| {
            json!({"name": name, "phone": phone, "user_id": user})
        };
        let ola_courier: Value = app
            .post_ok("/couriers", courier("Ola", "913 00 002", ola_user), StatusCode::CREATED)
            .await;
        let kari_courier: Value = app
            .post_ok("/couriers", courier("Kari", "913 00 003", kari_user), StatusCode::CREATED)
            .await;
        let ola_id = ola_courier["id"].as_i64().expect("id");
        let kari_id = kari_courier["id"].as_i64().expect("id");
        let olas = with_courier(&app, "912 34 001", ola_id).await;
        let karis = with_courier(&app, "912 34 002", kari_id).await;
        let shop = &app.shop;

        // Ola's own route and order go through.
        let route = shop.route(&ola, ola_id, "2026-03-02").await.expect("route");
        assert_eq!(route.iter().map(|s| s.order).collect::<Vec<_>>(), [olas]);
        shop.courier_on_the_way(&ola, olas).await.expect("on the way");

        // Kari's are refused to Ola, and nothing changes.
        assert_eq!(
            refusal_code(shop.route(&ola, kari_id, "2026-03-02").await),
            "not_your_delivery"
        );
        assert_eq!(
            refusal_code(shop.courier_on_the_way(&ola, karis).await),
            "not_your_delivery"
        );
        let cash = app::fulfilment::CourierDelivery {
            cash_minor: Some(2 * 1990 + 990),
            receipt_number: Some("R-9".into()),
        };
        assert_eq!(
            refusal_code(shop.courier_delivered(&ola, karis, &cash).await),
            "not_your_delivery"
        );
        let hand_in = app::fulfilment::HandIn {
            courier_id: kari_id,
            amount_minor: 100,
        };
        assert_eq!(
            refusal_code(shop.hand_in_cash(&ola, &hand_in).await),
            "not_your_delivery"
        );
        assert_eq!(
            refusal_code(shop.receipt(&ola, karis).await),
            "not_your_delivery"
        );
        assert_eq!(app.get_ok(&format!("/orders/{karis}")).await["stage"], "in_transit");

        // Kari delivers her own; Ola's view of the day's cash holds only his.
        shop.courier_delivered(&kari, karis, &cash)
            .await
            .expect("Kari delivers");
        let day = shop.cash_report(&ola, "2026-03-02").await.expect("cash");
        assert!(
            day.reconciliation.couriers.iter().all(|c| c.courier_id == ola_id),
            "{day:?}"
        );
        let owner_day = app.get_ok("/cash?day=2026-03-02").await;
        assert_eq!(owner_day["reconciliation"]["couriers"][0]["courier_id"], kari_id);

        // A courier-role API token stands for no courier: refused over HTTP with 403.
        let token = shop
            .create_token("courier-phone", Role::Courier)
            .await
            .expect("token");
        let response = app
            .client
            .post(app.url(&format!("/orders/{olas}/on-the-way")))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], "courier_not_linked");

        // Unlinking takes the route away from Ola's login.
        shop.link_courier(&Actor::system(), ola_id, None)
            .await
            .expect("unlink");
        assert_eq!(
            refusal_code(shop.route(&ola, ola_id, "2026-03-02").await),
            "courier_not_linked"
        );
    })
    .await;
}

/// DL-7: a parcel the courier took yesterday and could not deliver is on today's route, first
/// and marked as carried over; its cash counts on the day it is taken, so neither day shows a
/// gap once the courier hands it in (PY-5).
#[tokio::test]
async fn yesterdays_undelivered_parcel_leads_todays_route() {
    on_each_backend(|app: TestApp| async move {
        app.seed_catalog().await;
        let courier: Value = app
            .post_ok(
                "/couriers",
                json!({"name": "Jonas Lie", "phone": "934 12 876"}),
                StatusCode::CREATED,
            )
            .await;
        let id = courier["id"].as_i64().expect("id");
        let delivered = with_courier(&app, "912 34 011", id).await;
        let not_home = with_courier(&app, "912 34 012", id).await;
        let cash = |number: i64, receipt: &str| {
            json!({"cash_minor": 2 * 1990 + 990, "receipt_number": format!("{receipt}-{number}")})
        };
        app.post_ok(
            &format!("/orders/{delivered}/courier-delivery"),
            cash(delivered, "R1"),
            StatusCode::OK,
        )
        .await;
        app.post_ok(
            "/cash",
            json!({"courier_id": id, "amount_minor": 2 * 1990 + 990}),
            StatusCode::CREATED,
        )
        .await;

        app.clock.set("2026-03-03T09:00:00Z".parse().expect("a time"));
        let today = with_courier(&app, "912 34 013", id).await;
        let route = app.get_ok(&format!("/couriers/{id}/route?day=2026-03-03")).await;
        let stops: Vec<(i64, Value)> = route
            .as_array()
            .expect("stops")
            .iter()
            .map(|s| (s["order"].as_i64().expect("order"), s["carried_over_from"].clone()))
            .collect();
        assert_eq!(
            stops,
            [(not_home, json!("2026-03-02")), (today, Value::Null)],
            "{route}"
        );

        app.post_ok(
            &format!("/orders/{not_home}/courier-delivery"),
            cash(not_home, "R2"),
            StatusCode::OK,
        )
        .await;
        app.post_ok(
            "/cash",
            json!({"courier_id": id, "amount_minor": 2 * 1990 + 990}),
            StatusCode::CREATED,
        )
        .await;
        for day in ["2026-03-02", "2026-03-03"] {
            let report = app.get_ok(&format!("/cash?day={day}")).await;
            assert_eq!(report["balanced"], true, "{day}: {report}");
            assert_eq!(
                report["reconciliation"]["couriers"][0]["collected_minor"],
                2 * 1990 + 990,
                "{day}: {report}"
            );
        }
    })
    .await;
}
