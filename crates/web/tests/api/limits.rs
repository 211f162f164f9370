//! Limits hold exactly under bursts, on every instance and both databases: forty requests at
//! once get no more than the limit allows (failed logins, sign-in links, visitors' messages,
//! coupon codes tried), and no one can lock another person out of their account.

use std::future::Future;
use std::sync::Arc;

use app::access::Actor;
use app::backoffice::{Login, NewUser};
use domain::access::Role;
use jiff::SignedDuration;

use crate::helpers::{TestApp, on_each_backend};

/// Runs `attempt(i)` for i in 0..40 all at once and collects what each came to.
async fn forty_at_once<T, F, Fut>(app: &Arc<TestApp>, attempt: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(Arc<TestApp>, usize) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
{
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..40 {
        tasks.spawn(attempt(app.clone(), i));
    }
    tasks.join_all().await
}

async fn manager(app: &TestApp) -> (String, String) {
    let input = NewUser {
        email: "mona@shop.example".into(),
        name: "Mona".into(),
        role: Role::Manager.as_str().into(),
    };
    let login = app
        .shop
        .create_user(&Actor::system(), &input)
        .await
        .expect("a user");
    (login.user.email, login.password)
}

/// How many of `answers` went through; every other one was refused with `code`.
fn granted<T: std::fmt::Debug>(answers: &[app::Result<T>], code: &str) -> usize {
    for refused in answers.iter().filter_map(|a| a.as_ref().err()) {
        assert!(
            matches!(refused, app::Error::Invalid { code: c, .. } if *c == code),
            "{refused:?}"
        );
    }
    answers.iter().filter(|a| a.is_ok()).count()
}

fn refused_and_locked(answers: &[Login]) -> (usize, usize) {
    let refused = answers
        .iter()
        .filter(|a| matches!(a, Login::Refused))
        .count();
    let locked = answers
        .iter()
        .filter(|a| matches!(a, Login::Locked { .. }))
        .count();
    (refused, locked)
}

#[tokio::test]
async fn forty_wrong_passwords_at_once_from_one_address_check_five_and_the_owner_still_gets_in() {
    on_each_backend(|app: TestApp| async move {
        let app = Arc::new(app);
        let (email, password) = manager(&app).await;
        let answers = forty_at_once(&app, |app, _| {
            let email = email.clone();
            async move {
                app.shop
                    .log_in(&email, "guess", "203.0.113.9")
                    .await
                    .expect("an answer")
            }
        })
        .await;
        assert_eq!(refused_and_locked(&answers), (5, 35));
        // The address that failed is refused even the right password...
        let from_there = app
            .shop
            .log_in(&email, &password, "203.0.113.9")
            .await
            .expect("an answer");
        assert!(matches!(from_there, Login::Locked { .. }));
        // ...while the account's own person, elsewhere, is not locked out.
        let from_home = app
            .shop
            .log_in(&email, &password, "198.51.100.4")
            .await
            .expect("an answer");
        assert!(matches!(from_home, Login::In { .. }));

        // The owner sees the failures and clears them: the address may try again at once.
        let user = app
            .shop
            .users(&Actor::system())
            .await
            .expect("users")
            .into_iter()
            .find(|u| u.email == email)
            .expect("the manager");
        assert_eq!(user.failed_logins, 5);
        let user = app
            .shop
            .unlock_user(&Actor::system(), user.id)
            .await
            .expect("unlocked");
        let again = app
            .shop
            .log_in(&user.email, &password, "203.0.113.9")
            .await
            .expect("an answer");
        assert!(matches!(again, Login::In { .. }));
    })
    .await;
}

#[tokio::test]
async fn an_account_tried_from_many_addresses_slows_down_instead_of_locking() {
    on_each_backend(|app: TestApp| async move {
        let app = Arc::new(app);
        let (email, password) = manager(&app).await;
        // Forty addresses at once, one guess each: ten are checked, then one every 5 seconds.
        let answers = forty_at_once(&app, |app, i| {
            let email = email.clone();
            async move {
                app.shop
                    .log_in(&email, "guess", &format!("203.0.113.{i}"))
                    .await
                    .expect("an answer")
            }
        })
        .await;
        assert_eq!(refused_and_locked(&answers), (10, 30));
        let now = app.shop.now();
        let slowed = app
            .shop
            .log_in(&email, &password, "198.51.100.4")
            .await
            .expect("an answer");
        let Login::Locked { until } = slowed else {
            panic!("the account answers one attempt every few seconds: {slowed:?}");
        };
        assert!(until <= now + SignedDuration::from_secs(5), "{until}");
        app.clock.advance(SignedDuration::from_secs(6));
        let in_again = app
            .shop
            .log_in(&email, &password, "198.51.100.4")
            .await
            .expect("an answer");
        assert!(matches!(in_again, Login::In { .. }), "{in_again:?}");
    })
    .await;
}

#[tokio::test]
async fn forty_sign_in_requests_at_once_send_five_links() {
    on_each_backend(|app: TestApp| async move {
        let app = Arc::new(app);
        let answers = forty_at_once(&app, |app, i| async move {
            app.shop
                .send_sign_in("912 34 567", "nb", &format!("203.0.113.{i}"))
                .await
        })
        .await;
        assert_eq!(granted(&answers, "too_many_links"), 5);
    })
    .await;
}

#[tokio::test]
async fn forty_messages_at_once_from_one_contact_keep_to_the_hourly_limit() {
    // SU-1: the abuse guard holds however many arrive together.
    on_each_backend(|app: TestApp| async move {
        let app = Arc::new(app);
        let limit = app
            .shop
            .settings()
            .await
            .expect("settings")
            .support
            .messages_per_hour;
        let answers = forty_at_once(&app, |app, i| async move {
            let form = app::support::ContactForm {
                name: "Dag Lund".into(),
                contact: "dag@example.no".into(),
                order: String::new(),
                message: format!("Hello? ({i})"),
            };
            let key = format!("{i:036}");
            app.shop
                .send_inquiry(&form, &key, &format!("203.0.113.{i}"), "nb")
                .await
        })
        .await;
        assert_eq!(granted(&answers, "too_many_messages") as i64, limit);
    })
    .await;
}

#[tokio::test]
async fn forty_coupon_codes_tried_at_once_look_up_ten_and_then_none_for_the_hour() {
    // AS-4: codes are the shop's gifts; they cannot be found by trying many.
    on_each_backend(|app: TestApp| async move {
        crate::coupons::give(&app, "GIFT-REAL", 10, false, None).await;
        let app = Arc::new(app);
        let typed = |code: String| app::storefront::Checkout {
            coupon: code,
            sender: "203.0.113.7".into(),
            ..Default::default()
        };
        let answers = forty_at_once(&app, |app, i| {
            let form = typed(format!("GUESS-{i}"));
            async move {
                let problems = app.shop.checkout_problems(&form).await.expect("checked");
                problems
                    .into_iter()
                    .find(|p| p.field == "coupon")
                    .map(|p| p.code)
            }
        })
        .await;
        let count = |code: &str| {
            answers
                .iter()
                .filter(|a| a.as_deref() == Some(code))
                .count()
        };
        assert_eq!(
            (count("coupon_unknown"), count("too_many_coupon_tries")),
            (10, 30)
        );
        // The real code is not looked up from there either, until the hour has passed.
        let coupon_problem = |form| {
            let app = app.clone();
            async move {
                app.shop
                    .checkout_problems(&form)
                    .await
                    .expect("checked")
                    .into_iter()
                    .find(|p| p.field == "coupon")
                    .map(|p| p.code)
            }
        };
        assert_eq!(
            coupon_problem(typed("GIFT-REAL".into())).await.as_deref(),
            Some("too_many_coupon_tries")
        );
        let elsewhere = app::storefront::Checkout {
            sender: "198.51.100.4".into(),
            ..typed("GIFT-REAL".into())
        };
        assert_eq!(coupon_problem(elsewhere).await, None);
        app.clock.advance(SignedDuration::from_mins(61));
        assert_eq!(coupon_problem(typed("GIFT-REAL".into())).await, None);
    })
    .await;
}
