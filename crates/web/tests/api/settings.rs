//! A change of the settings names what it changes and nothing else; a mistake is refused and
//! changes nothing; every change is recorded for the owner to see.

use domain::access::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend};

#[tokio::test]
async fn a_change_keeps_every_setting_it_does_not_name() {
    on_each_backend(|app: TestApp| async move {
        let (status, saved) = app.put("/settings", json!({"name": "Sokk AS"})).await;
        assert_eq!(
            (status, &saved["name"]),
            (StatusCode::OK, &json!("Sokk AS"))
        );

        let (status, saved) = app
            .put("/settings", json!({"confirmation": {"always_call": true}}))
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["name"], "Sokk AS");
        assert_eq!(saved["confirmation"]["always_call"], true);
        assert_eq!(saved["confirmation"]["call_to_clarify"], true);
        assert_eq!(app.get_ok("/settings").await, saved);

        let (status, same) = app.put("/settings", json!({})).await;
        assert_eq!((status, &same), (StatusCode::OK, &saved));
    })
    .await;
}

#[tokio::test]
async fn a_mistaken_change_is_refused_naming_it_and_changes_nothing() {
    on_each_backend(|app: TestApp| async move {
        app.put("/settings", json!({"name": "Sokk AS"})).await;
        let before = app.get_ok("/settings").await;
        let mistakes = [
            (json!([]), "settings_object_required", "settings"),
            (json!("Sokk AS"), "settings_object_required", "settings"),
            (json!({"nmae": "Sokk"}), "setting_unknown", "nmae"),
            (
                json!({"confirmation": {"always_cal": true}}),
                "setting_unknown",
                "confirmation.always_cal",
            ),
            (
                json!({"delivery": [{"method": "post", "price_minor": 590, "colour": "red"}]}),
                "setting_unknown",
                "delivery[0].colour",
            ),
            (
                json!({"calls": {"attempts": "three"}}),
                "field_invalid",
                "calls.attempts",
            ),
            (json!({"confirmation": 5}), "field_invalid", "confirmation"),
            (
                json!({"time_zone": "Mars/Olympus"}),
                "time_zone_invalid",
                "time_zone",
            ),
        ];
        for (body, code, field) in mistakes {
            let (status, err) = app.put("/settings", body.clone()).await;
            assert_eq!(
                (
                    status,
                    err["error"]["code"].as_str(),
                    err["error"]["field"].as_str()
                ),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(code), Some(field)),
                "{body}: {err}"
            );
            assert!(err["error"]["message"].is_string(), "{err}");
            assert_eq!(
                app.get_ok("/settings").await,
                before,
                "{body} changed something"
            );
        }
        assert_eq!(
            changes(&app).await.len(),
            1,
            "only the name was ever changed"
        );
    })
    .await;
}

#[tokio::test]
async fn the_owner_sees_who_changed_which_setting_when_from_what_to_what() {
    on_each_backend(|app: TestApp| async move {
        app.put(
            "/settings",
            json!({"name": "Sokk AS", "confirmation": {"always_call": true}}),
        )
        .await;
        let recorded = changes(&app).await;
        let mut keys: Vec<_> = recorded.iter().map(|c| c["key"].as_str()).collect();
        keys.sort_unstable();
        assert_eq!(keys, [Some("confirmation.always_call"), Some("name")]);
        let name = recorded.iter().find(|c| c["key"] == "name").expect("name");
        assert_eq!(
            (&name["from"], &name["to"], &name["actor"], &name["at"]),
            (
                &json!("My shop"),
                &json!("Sokk AS"),
                &json!("token:test"),
                &json!("2026-03-02T09:00:00Z")
            )
        );

        // Saving the same values again changes nothing, so nothing is recorded.
        app.put("/settings", json!({"name": "Sokk AS"})).await;
        assert_eq!(changes(&app).await.len(), 2);

        // A gift that changes its kind is one setting, and the old kind's percent goes (AF-8).
        let (status, saved) = app
            .put(
                "/settings",
                json!({"after_sale": {"birthday": {"kind": "free_delivery", "valid_days": 14}}}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(
            saved["after_sale"]["birthday"],
            json!({"kind": "free_delivery", "valid_days": 14})
        );
        let newest = &changes(&app).await[0];
        assert_eq!(newest["key"], "after_sale.birthday");
        assert_eq!(newest["from"]["percent"], 10);
        assert_eq!(newest["to"]["kind"], "free_delivery");

        // A list is one setting, replaced whole.
        app.put("/settings", json!({"holidays": ["2026-12-25"]}))
            .await;
        let newest = &changes(&app).await[0];
        assert_eq!(
            (&newest["key"], &newest["from"], &newest["to"]),
            (&json!("holidays"), &json!([]), &json!(["2026-12-25"]))
        );

        let manager = app
            .shop
            .create_token("front desk", Role::Manager)
            .await
            .expect("token");
        let as_manager = app
            .client
            .get(app.url("/settings/changes"))
            .bearer_auth(&manager)
            .send()
            .await
            .expect("request");
        assert_eq!(as_manager.status(), StatusCode::FORBIDDEN);
    })
    .await;
}

async fn changes(app: &TestApp) -> Vec<Value> {
    app.get_ok("/settings/changes")
        .await
        .as_array()
        .cloned()
        .expect("a list")
}

#[tokio::test]
async fn a_key_once_set_is_listed_without_its_value_and_only_to_the_owner() {
    on_each_backend(|app: TestApp| async move {
        let key = "sk_test_51NotShownAgain";
        let (status, _) = app
            .put("/settings/secrets/stripe.secret_key", json!({"value": key}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, listed) = app.get("/settings/secrets").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(listed[0]["name"], "stripe.secret_key", "{listed}");
        assert!(!listed.to_string().contains(key), "{listed}");
        let settings = app.get_ok("/settings").await.to_string();
        let changes = app.get_ok("/settings/changes").await.to_string();
        assert!(!settings.contains(key) && !changes.contains(key));
        let (status, _) = app
            .put(
                "/settings/secrets/stripe.secret_key",
                json!({"value": "sk_test_2"}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);

        for (name, body, field) in [
            ("Stripe Key", json!({"value": "x"}), "name"),
            ("stripe.secret_key", json!({"value": "  "}), "value"),
        ] {
            let (status, err) = app.put(&format!("/settings/secrets/{name}"), body).await;
            assert_eq!(
                (status, err["error"]["field"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
                "{err}"
            );
        }

        let manager = app
            .shop
            .create_token("front desk", Role::Manager)
            .await
            .expect("token");
        let as_manager = app
            .client
            .get(app.url("/settings/secrets"))
            .bearer_auth(&manager)
            .send()
            .await
            .expect("request");
        assert_eq!(as_manager.status(), StatusCode::FORBIDDEN);

        let removed = app
            .client
            .delete(app.url("/settings/secrets/stripe.secret_key"))
            .bearer_auth(&app.token)
            .send()
            .await
            .expect("request");
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.get_ok("/settings/secrets").await, json!([]));
    })
    .await;
}
