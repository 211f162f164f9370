//! The storefront as a visitor uses it, at phone width: finding a product, choosing a size,
//! seeing when it arrives, ordering to a parcel locker, the email with the order's link, the
//! order page, a double click, a back-in-stock request, checkout errors, writing to the shop
//! and getting its answer, switching the language on the page one is on, and asking for a
//! return once the order has arrived.

use app::access::Actor;
use app::fulfilment::{HandOverInput, PackInput};
use domain::orders::Command;
use jiff::SignedDuration;
use serde_json::json;

use crate::helpers::{Browser, TestApp, on_each_backend};
use crate::smtp::{received, smtp_server};

/// A knitwear shop: a sweater in three sizes (L sold out) and two colours, and socks.
pub(crate) async fn stock_the_shop(app: &TestApp) -> i64 {
    let owner = Actor::system();
    let location = serde_json::from_value(json!({
        "code": "WH1", "name": "Warehouse", "kind": "warehouse", "city": "Oslo", "cutoff": "14:00"
    }))
    .expect("a location");
    app.shop
        .create_location(&owner, &location)
        .await
        .expect("location");
    let sweater = serde_json::from_value(json!({
        "title": "Wool sweater", "category": "knitwear",
        "description": "Knitted in Norway from Norwegian wool.\n\nWash by hand in cold water.",
        "variants": [
            {"sku": "SWEATER-GREY-S", "options": {"size": "S", "colour": "grey"}, "price_minor": 129900},
            {"sku": "SWEATER-GREY-M", "options": {"size": "M", "colour": "grey"}, "price_minor": 129900},
            {"sku": "SWEATER-GREY-L", "options": {"size": "L", "colour": "grey"}, "price_minor": 129900},
            {"sku": "SWEATER-BLUE-M", "options": {"size": "M", "colour": "blue"}, "price_minor": 134900}
        ]
    }))
    .expect("a product");
    let id = app
        .shop
        .create_product(&owner, &sweater, None)
        .await
        .expect("product")
        .product
        .id;
    let socks = serde_json::from_value(json!({
        "title": "Wool socks", "category": "socks", "description": "Warm socks.",
        "variants": [{"sku": "SOCKS-M", "options": {"size": "M"}, "price_minor": 19900}]
    }))
    .expect("a product");
    app.shop
        .create_product(&owner, &socks, None)
        .await
        .expect("product");
    for (sku, on_hand) in [
        ("SWEATER-GREY-S", 3),
        ("SWEATER-GREY-M", 5),
        ("SWEATER-BLUE-M", 2),
        ("SOCKS-M", 40),
    ] {
        let stock =
            serde_json::from_value(json!({"on_hand": on_hand, "bin": "A-01"})).expect("stock");
        app.shop
            .set_stock(&owner, sku, "WH1", &stock)
            .await
            .expect("stock");
    }
    let base = app.base.clone();
    app.configure(move |s| {
        s.name = "Fjord & Thread".into();
        s.public_url = base;
        s.contact_email = "hei@fjord.example".into();
        s.storefront.lockers = vec!["Locker Oslo S".into(), "Locker Grünerløkka".into()];
    })
    .await;
    id
}

/// An email address of this run only: the SMTP server's mailbox is shared by both databases.
pub(crate) fn address(name: &str, app: &TestApp) -> String {
    let port = app.base.rsplit(':').next().unwrap_or_default();
    format!("{name}+{port}@example.no")
}

async fn order_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM orders")
        .fetch_one(app.shop.store().pool())
        .await
        .expect("count")
}

/// Puts `sku` in the cart from its product page and opens the checkout.
pub(crate) async fn to_checkout(browser: &Browser, app: &TestApp, product: i64, sku: &str) {
    browser
        .goto(&app.url(&format!("/products/{product}?sku={sku}")))
        .await;
    browser.click("#add-to-cart").await;
    browser.find("#cart").await;
    browser.click("#to-checkout").await;
    browser.find("#checkout").await;
}

/// Fills the checkout for a parcel locker, paid on delivery.
pub(crate) async fn fill_checkout(browser: &Browser, email: &str) {
    browser.fill("input[name=name]", "Anna Berg").await;
    browser.fill("input[name=email]", email).await;
    browser
        .click("input[name=preferred_channel][value=email]")
        .await;
    browser
        .click("input[name=method][value=parcel_locker]")
        .await;
    browser
        .click("select[name=place_parcel_locker] option[value='Locker Oslo S']")
        .await;
    browser
        .click("input[name=payment_mode][value=on_delivery]")
        .await;
    browser
        .fill("input[name=note_line]", "gift wrap, please")
        .await;
}

#[tokio::test]
async fn a_new_visitor_orders_a_sweater_to_a_parcel_locker_and_follows_the_emailed_link() {
    // SU-2, DL-5, CK-4, IN-1, IN-2, DL-1, PY-1, CF-1: find, choose a size, see the window,
    // order, get the email, open the order from its link.
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            stock_the_shop(&app).await;
            let browser = Browser::open().await;
            browser.goto(&app.url("/")).await;
            browser.fill("#q", "sweater").await;
            browser.click("form.search button").await;
            browser.page_says("Found for “sweater”").await;
            browser.click(".product-card a").await;
            browser
                .page_says("Knitted in Norway from Norwegian wool.")
                .await;
            browser.click("select[name=size] option[value=M]").await;
            browser
                .click("select[name=colour] option[value=grey]")
                .await;
            browser.click("form.variant-picker button").await;
            browser.page_says("Colour: grey, Size: M").await;
            // Monday 10:00 in Oslo, before the 14:00 cut-off: it leaves today, a locker takes
            // one to three working days.
            let window = browser
                .text("#windows li[data-method=parcel_locker] .window")
                .await;
            assert_eq!(window, "between 2026-03-03 and 2026-03-05");
            browser.click("#add-to-cart").await;
            browser
                .page_says("Wool sweater · Colour: grey, Size: M")
                .await;
            browser.click("#to-checkout").await;
            // The checkout shows each method's window for the whole cart (DL-5).
            let at_checkout = browser
                .text(".method[data-method=parcel_locker] .window")
                .await;
            assert_eq!(at_checkout, window);
            let email = address("anna", &app);
            fill_checkout(&browser, &email).await;
            browser.click("#place-order").await;
            browser.find("#thanks").await;
            assert_eq!(browser.text("#promise").await, window);
            assert!(browser.text("#method").await.contains("Locker Oslo S"));
            let order_url = browser.client.current_url().await.expect("url");
            let token = order_url
                .path()
                .strip_prefix("/o/")
                .expect("the order's own page")
                .to_owned();

            // The back office sees the channel, the size and the note (IN-1, IN-2).
            let (number, _) = app.shop.order_by_link(&token).await.expect("the order");
            let order = app.shop.order(number).await.expect("order");
            assert_eq!(order.channel, "storefront");
            assert_eq!(order.lines[0].sku, "SWEATER-GREY-M");
            assert_eq!(order.lines[0].note, "gift wrap, please");
            assert_eq!(
                order.delivery.pickup_point.as_deref(),
                Some("Locker Oslo S")
            );
            assert_eq!(order.payment.mode.as_deref(), Some("on_delivery"));

            // The confirmation goes out by email, the channel she chose (DL-4), with her link.
            app.run_jobs().await;
            let mail = received(server)
                .into_iter()
                .find(|m| m["to"].as_str() == Some(email.as_str()))
                .expect("an email to the buyer");
            let text = mail["parts"][0]["text"].as_str().expect("a text part");
            let link = format!("{}/o/{token}", app.base);
            assert!(text.contains(&link), "{text}");

            browser.goto(&link).await;
            assert!(browser.text("#items").await.contains("1 × Wool sweater"));
            assert_eq!(browser.text("#promise").await, window);
            let messages = browser.text("#messages").await;
            assert!(
                messages.contains("Email"),
                "the message sent is listed: {messages}"
            );
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_double_clicked_checkout_makes_one_order() {
    // The form's idempotency key: two sends at once, one order, both answered with it.
    on_each_backend(|app: TestApp| async move {
        let product = stock_the_shop(&app).await;
        let browser = Browser::open().await;
        to_checkout(&browser, &app, product, "SWEATER-GREY-S").await;
        fill_checkout(&browser, "bo@example.no").await;
        let before = order_count(&app).await;
        let script = r#"
            const form = document.getElementById('checkout');
            const body = new URLSearchParams(new FormData(form));
            const send = () => fetch('/checkout', {method: 'POST', body}).then(r => r.url);
            return Promise.all([send(), send()]);
        "#;
        let answers = browser
            .client
            .execute(script, vec![])
            .await
            .expect("two sends");
        let urls: Vec<String> = serde_json::from_value(answers).expect("two urls");
        assert_eq!(order_count(&app).await, before + 1);
        assert!(urls[0].contains("/o/"), "{urls:?}");
        assert_eq!(urls[0], urls[1]);
        // A third send of the same form, after the cart was emptied, still finds the order.
        browser.click("#place-order").await;
        browser.find("#stage").await;
        assert_eq!(order_count(&app).await, before + 1);
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_sold_out_size_takes_a_request_that_is_answered_when_stock_arrives() {
    // ST-4: the contact waits on the variant, months if need be; stock arriving tells it once,
    // by email through the outbox.
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            let product = stock_the_shop(&app).await;
            let browser = Browser::open().await;
            browser
                .goto(&app.url(&format!("/products/{product}?sku=SWEATER-GREY-L")))
                .await;
            assert_eq!(browser.text(".chosen-variant .stock").await, "Out of stock");
            let email = address("carl", &app);
            browser
                .fill("#back-in-stock input[name=contact]", "not a contact")
                .await;
            browser.click("#back-in-stock button").await;
            browser
                .page_says("Phone or email: this is not a phone number we can call.")
                .await;
            browser
                .fill("#back-in-stock input[name=contact]", &email)
                .await;
            browser.click("#back-in-stock button").await;
            browser
                .page_says("We will write to you once, as soon as it is back in stock.")
                .await;

            app.clock.advance(SignedDuration::from_hours(24 * 60));
            let nothing_yet = received(server)
                .iter()
                .any(|m| m["to"].as_str() == Some(email.as_str()));
            assert!(!nothing_yet);
            let owner = Actor::system();
            let stock =
                serde_json::from_value(json!({"on_hand": 4, "bin": "A-02"})).expect("stock");
            app.shop
                .set_stock(&owner, "SWEATER-GREY-L", "WH1", &stock)
                .await
                .expect("stock");
            // A later count tells nobody again.
            let more = serde_json::from_value(json!({"on_hand": 6, "bin": "A-02"})).expect("stock");
            app.shop
                .set_stock(&owner, "SWEATER-GREY-L", "WH1", &more)
                .await
                .expect("stock");
            // Sixty days later it is a Friday at 10:00, outside quiet hours.
            app.run_jobs().await;
            let mails: Vec<_> = received(server)
                .into_iter()
                .filter(|m| m["to"].as_str() == Some(email.as_str()))
                .collect();
            assert_eq!(mails.len(), 1, "{mails:?}");
            assert_eq!(
                mails[0]["subject"].as_str(),
                Some("Wool sweater is back in stock")
            );
            let text = mails[0]["parts"][0]["text"].as_str().expect("text");
            let link = format!("{}/products/{product}?sku=SWEATER-GREY-L", app.base);
            assert!(text.contains(&link), "{text}");
            browser.goto(&link).await;
            assert_eq!(browser.text(".chosen-variant .stock").await, "In stock");
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn checkout_errors_name_the_field_and_keep_what_was_typed() {
    // CK-1: an autofilled phone in the address, a phone that cannot be called; nothing is sent.
    on_each_backend(|app: TestApp| async move {
        let product = stock_the_shop(&app).await;
        let browser = Browser::open().await;
        to_checkout(&browser, &app, product, "SWEATER-GREY-M").await;
        let before = order_count(&app).await;
        browser.fill("input[name=name]", "Dag Lund").await;
        browser.fill("input[name=phone]", "12").await;
        browser.click("input[name=method][value=courier]").await;
        browser
            .fill("input[name=address_line]", "+47 912 34 567")
            .await;
        browser.fill("input[name=postcode]", "0155").await;
        browser.fill("input[name=city]", "Oslo").await;
        browser
            .click("input[name=payment_mode][value=on_delivery]")
            .await;
        browser.click("#place-order").await;
        browser.find("#problems").await;
        assert_eq!(
            browser.text("#problem-phone").await,
            "Phone: this is not a phone number we can call."
        );
        assert_eq!(
            browser.text("#problem-address_line").await,
            "Street and house: this holds a phone number; write the street and house here."
        );
        let kept = browser
            .find("input[name=name]")
            .await
            .prop("value")
            .await
            .expect("value");
        assert_eq!(kept.as_deref(), Some("Dag Lund"));
        let method = browser
            .find("input[name=method][value=courier]")
            .await
            .prop("checked")
            .await
            .expect("checked");
        assert_eq!(method.as_deref(), Some("true"));
        assert_eq!(order_count(&app).await, before);

        // Fixed, it goes through.
        browser.fill("input[name=phone]", "912 34 567").await;
        browser.fill("input[name=address_line]", "Storgata 1").await;
        browser.click("#place-order").await;
        browser.find("#thanks").await;
        assert_eq!(order_count(&app).await, before + 1);
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_catalogue_reads_on_a_phone() {
    // Phone width (390 px): no sideways scrolling, one product per row, the shop's colours.
    on_each_backend(|app: TestApp| async move {
        let product = stock_the_shop(&app).await;
        app.configure(|s| s.storefront.colour = "#004d40".into())
            .await;
        let browser = Browser::open().await;
        for path in ["/".to_owned(), format!("/products/{product}"), "/delivery".into()] {
            browser.goto(&app.url(&path)).await;
            browser.find("main").await;
            let widths = browser
                .client
                .execute(
                    "return [document.documentElement.scrollWidth, window.innerWidth];",
                    vec![],
                )
                .await
                .expect("widths");
            let [page, window]: [i64; 2] = serde_json::from_value(widths).expect("two widths");
            assert!(page <= window, "{path}: {page} px wide in a {window} px window");
        }
        browser.goto(&app.url("/")).await;
        let cards = browser
            .client
            .execute(
                "return [...document.querySelectorAll('.product-card')].map(c => c.getBoundingClientRect().left);",
                vec![],
            )
            .await
            .expect("cards");
        let lefts: Vec<f64> = serde_json::from_value(cards).expect("positions");
        assert_eq!(lefts.len(), 2);
        assert_eq!(lefts[0], lefts[1], "one product per row");
        let header = browser
            .client
            .execute(
                "return getComputedStyle(document.querySelector('.shop-top')).backgroundColor;",
                vec![],
            )
            .await
            .expect("colour");
        assert_eq!(header.as_str(), Some("rgb(0, 77, 64)"));
        assert_eq!(browser.text(".shop-name").await, "Fjord & Thread");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_owner_writes_the_faq_and_the_lockers_the_visitors_see() {
    // SU-2, DL-1: pages and places the shop edits itself, in the back office's settings.
    on_each_backend(|app: TestApp| async move {
        let product = stock_the_shop(&app).await;
        let owner = app.person(domain::access::Role::Owner).await;
        let browser = Browser::open().await;
        browser.log_in_as(&app, &owner).await;
        browser.goto(&app.url("/admin/settings")).await;
        browser
            .fill(
                "textarea[name=faq]",
                "Can I return a sweater?\n\nYes, within 30 days, and we pay the postage.",
            )
            .await;
        browser
            .fill(
                "textarea[name=lockers]",
                "Locker Majorstuen\nLocker Bislett",
            )
            .await;
        // AF-1: the return window is the shop's to set too.
        browser.fill("input[name=return_days]", "14").await;
        browser.click("form.settings button.primary").await;
        browser.page_says("The settings are saved.").await;
        let settings = app.shop.settings().await.expect("settings");
        assert_eq!(settings.returns.days, 14);
        // The page saves what the owner changed, recorded under their name, and nothing else.
        let changes = app
            .shop
            .settings_changes(&app::access::Actor::system(), 10, 0)
            .await
            .expect("changes");
        // The shop was set up by the system before the owner came; only the owner's changes count.
        let by_owner = format!("user:{}", owner.email);
        let mut changed: Vec<_> = changes
            .iter()
            .filter(|c| c.actor == by_owner)
            .map(|c| c.key.as_str())
            .collect();
        changed.sort_unstable();
        assert_eq!(
            changed,
            ["returns.days", "storefront.faq", "storefront.lockers"]
        );

        browser.goto(&app.url("/faq")).await;
        assert_eq!(
            browser.text(".text p:nth-child(2)").await,
            "Yes, within 30 days, and we pay the postage."
        );
        to_checkout(&browser, &app, product, "SWEATER-GREY-M").await;
        let lockers = browser.text("select[name=place_parcel_locker]").await;
        assert!(lockers.contains("Locker Bislett"), "{lockers}");
        assert!(!lockers.contains("Locker Oslo S"), "{lockers}");
        browser.close().await;
    })
    .await;
}

/// Places an order through intake, as any channel would, and returns its link's token.
async fn placed(app: &TestApp, sku: &str) -> String {
    let input = serde_json::from_value(json!({
        "channel": "storefront",
        "customer": {"name": "Eva Holm", "phone": "915 55 555"},
        "delivery": {"method": "parcel_locker", "pickup_point": "Locker Oslo S"},
        "payment_mode": "on_delivery",
        "lines": [{"sku": sku, "quantity": 1}]
    }))
    .expect("an order");
    app.shop
        .place_order(&input, None, &Actor::system())
        .await
        .expect("placed")
        .order
        .link_token
        .expect("a link")
}

#[tokio::test]
async fn the_customer_answers_the_shop_on_the_order_page() {
    // CF-1: confirming by link; ST-1: choosing a substitute for a sold-out size.
    on_each_backend(|app: TestApp| async move {
        stock_the_shop(&app).await;
        app.configure(|s| s.confirmation.confirmation_link = true)
            .await;
        let browser = Browser::open().await;
        let token = placed(&app, "SOCKS-M").await;
        browser.goto(&app.url(&format!("/o/{token}"))).await;
        assert_eq!(browser.text("#stage").await, "Confirming");
        browser.click("#confirm button").await;
        browser.page_says("Assembling").await;
        assert_eq!(browser.text("#stage").await, "Assembling");

        let token = placed(&app, "SWEATER-GREY-L").await;
        browser.goto(&app.url(&format!("/o/{token}"))).await;
        browser
            .page_says("Wool sweater is out of stock. What would you like us to do?")
            .await;
        browser
            .click("#choice-1 input[value=SWEATER-GREY-M] + button")
            .await;
        // The page comes back without the question.
        browser
            .client
            .wait()
            .for_element(fantoccini::Locator::XPath(
                "//body[.//*[@id='stage'] and not(.//*[@id='choice-1'])]",
            ))
            .await
            .expect("the question is answered");
        let (number, _) = app.shop.order_by_link(&token).await.expect("order");
        let order = app.shop.order(number).await.expect("order");
        assert_eq!(order.lines[0].sku, "SWEATER-GREY-M");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_newsletter_asks_twice_before_it_counts_as_consent() {
    // AF-10: double opt-in. The footer's form sends a link; opening it is not enough, the
    // button is; only then does the card record the consent.
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            stock_the_shop(&app).await;
            let email = address("frida", &app);
            let consent = || async {
                let consent: Option<String> = sqlx::query_scalar(
                    "SELECT c.consent_source FROM customers c \
                     JOIN customer_contacts k ON k.customer_id = c.id WHERE k.value = $1",
                )
                .bind(&email)
                .fetch_one(app.shop.store().pool())
                .await
                .expect("a card");
                consent
            };
            let browser = Browser::open().await;
            browser.goto(&app.url("/")).await;
            browser.fill("#newsletter-email", &email).await;
            browser.click("#newsletter button").await;
            browser.page_says("Almost done").await;
            app.run_jobs().await;
            let mail = received(server)
                .into_iter()
                .find(|m| m["to"].as_str() == Some(email.as_str()))
                .expect("the confirmation email");
            let text = mail["parts"][0]["text"].as_str().expect("text");
            let link = text
                .split_whitespace()
                .find(|w| w.contains("/newsletter/"))
                .expect("a link")
                .trim_end_matches(['.', ','])
                .to_owned();
            browser.goto(&link).await;
            assert_eq!(consent().await, None, "opening the link is not consent");
            browser.click("#confirm-subscription").await;
            browser.page_says("You are subscribed. Thank you!").await;
            assert_eq!(consent().await.as_deref(), Some("newsletter"));
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_visitor_writes_from_the_contacts_page_and_gets_the_managers_answer_by_email() {
    // SU-1: the message waits on the manager's queue with its due time, shows on the dashboard
    // once overdue, and the answer reaches the visitor through the real SMTP server.
    let server = smtp_server().await;
    on_each_backend(|app: TestApp| {
        let server = &server;
        async move {
            let app = app.with_email(server.port).await;
            stock_the_shop(&app).await;
            let manager = app.person(domain::access::Role::Manager).await;
            let email = address("hanna", &app);
            let browser = Browser::open().await;
            browser.goto(&app.url("/")).await;
            browser.click("footer a[href='/contacts']").await;
            browser
                .fill("#contact-form input[name=name]", "Hanna Moe")
                .await;
            browser
                .fill("#contact-form input[name=contact]", "hanna@")
                .await;
            browser
                .fill(
                    "#contact-form textarea[name=message]",
                    "Do you knit the sweater in size XL?",
                )
                .await;
            browser.click("#send-message").await;
            assert_eq!(
                browser.text("#problem-contact").await,
                "Phone or email: this is not an email address."
            );
            browser
                .fill("#contact-form input[name=contact]", &email)
                .await;
            browser.click("#send-message").await;
            // Monday 10:00 in Oslo: four working hours.
            assert_eq!(
                browser.text("#sent").await,
                "Thank you! Your message has reached us. We will answer by email by 2026-03-02 14:00."
            );

            browser.log_in_as(&app, &manager).await;
            assert_eq!(
                browser.text("#inquiries-overdue .muted").await,
                "Every message is answered in time."
            );
            // Five hours later nobody has answered: the dashboard counts it.
            app.clock.advance(SignedDuration::from_hours(5));
            browser.goto(&app.url("/admin/dashboard")).await;
            assert_eq!(
                browser.text("#inquiries-overdue .figure").await,
                "1 message overdue"
            );
            browser
                .page_says("the oldest has waited 5 hours")
                .await;
            browser
                .click("#inquiries-overdue a[href='/admin/calls#inquiries']")
                .await;
            let waiting = browser.text("#inquiries article").await;
            assert!(waiting.contains("Do you knit the sweater in size XL?"), "{waiting}");
            assert!(waiting.contains("overdue since 2026-03-02 14:00"), "{waiting}");
            browser
                .fill(
                    "#inquiries article textarea[name=text]",
                    "Yes: XL comes in grey, back in stock next week.",
                )
                .await;
            browser.click("#inquiries article button").await;
            browser
                .page_says(&format!("Your answer to Hanna Moe is on its way to {email}."))
                .await;
            browser.find("#no-inquiries").await;

            app.run_jobs().await;
            let mail = received(server)
                .into_iter()
                .find(|m| m["to"].as_str() == Some(email.as_str()))
                .expect("the answer, by email");
            assert_eq!(
                mail["subject"].as_str(),
                Some("Our answer to your message")
            );
            let text = mail["parts"][0]["text"].as_str().expect("a text part");
            assert!(text.contains("Hello Hanna Moe,"), "{text}");
            assert!(text.contains("Yes: XL comes in grey, back in stock next week."), "{text}");
            assert!(text.contains("Do you knit the sweater in size XL?"), "{text}");

            // The thread stays on her card, which the message made (IN-3).
            let card = app
                .shop
                .customers(&Actor::system(), &email, 1, 0)
                .await
                .expect("cards")
                .remove(0);
            browser
                .goto(&app.url(&format!("/admin/customers/{}", card.id)))
                .await;
            let thread = browser.text("#thread").await;
            assert!(thread.contains("Do you knit the sweater in size XL?"), "{thread}");
            assert!(thread.contains("Yes: XL comes in grey, back in stock next week."), "{thread}");
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn the_language_switch_returns_to_the_product_page() {
    on_each_backend(|app: TestApp| async move {
        let product = stock_the_shop(&app).await;
        let browser = Browser::open().await;
        let page = format!("/products/{product}?sku=SWEATER-BLUE-M");
        browser.goto(&app.url(&page)).await;
        assert_eq!(browser.text("#add-to-cart").await, "Add to cart");
        browser.click("form.lang select option[value=nb]").await;
        browser.click("form.lang button").await;
        browser.page_says("Legg i handlekurven").await;
        let url = browser.client.current_url().await.expect("url");
        assert_eq!(
            format!("{}?{}", url.path(), url.query().unwrap_or_default()),
            page
        );
        assert_eq!(browser.text("#add-to-cart").await, "Legg i handlekurven");
        assert!(
            browser
                .text(".chosen-variant")
                .await
                .contains("Colour: blue, Size: M")
        );
        browser.close().await;
    })
    .await;
}

/// Checks, packs, hands over and delivers an order through the use cases.
async fn deliver(app: &TestApp, number: i64, sku: &str) {
    let system = Actor::system();
    if app.shop.order(number).await.expect("order").stage == "confirming" {
        app.shop
            .act(number, Command::Confirm, &system, None)
            .await
            .expect("confirmed");
    }
    app.shop.scan(&system, number, sku).await.expect("scan");
    let parcel = PackInput {
        packaging: "small box".into(),
        weight_grams: 400,
    };
    app.shop.pack(&system, number, &parcel).await.expect("pack");
    let hand_over = HandOverInput {
        tracking_number: Some("TRK100200".into()),
        courier_id: None,
    };
    app.shop
        .hand_over(&system, number, &hand_over)
        .await
        .expect("on its way");
    app.shop
        .act(number, Command::Deliver, &system, None)
        .await
        .expect("delivered");
}

#[tokio::test]
async fn the_customer_asks_for_a_return_on_the_order_page() {
    // AF-1, AF-2: once delivered, the order page takes a return: how many of which item and
    // why; it answers with the code, how to pack it and who pays the way back.
    on_each_backend(|app: TestApp| async move {
        stock_the_shop(&app).await;
        let token = placed(&app, "SOCKS-M").await;
        let (number, _) = app.shop.order_by_link(&token).await.expect("order");
        let browser = Browser::open().await;
        browser.goto(&app.url(&format!("/o/{token}"))).await;
        assert!(
            !browser.text("main").await.contains("Send something back"),
            "no return before delivery"
        );
        deliver(&app, number, "SOCKS-M").await;
        browser.goto(&app.url(&format!("/o/{token}"))).await;
        browser.page_says("Send something back").await;
        // Sent with nothing chosen, the page says what is missing.
        browser.click("#return button").await;
        browser
            .page_says("choose what to send back: how many of which item.")
            .await;
        for (select, value) in [("quantity-1", "1"), ("reason-1", "wrong_item")] {
            browser
                .find(&format!("#return select[name={select}]"))
                .await
                .select_by_value(value)
                .await
                .expect("chosen");
        }
        browser
            .fill("#return textarea[name=note]", "grey, not blue")
            .await;
        browser.click("#return button").await;
        browser.page_says("Your return R").await;
        assert_eq!(
            browser.text("#return-lines").await,
            "1 × Wool socks (You sent the wrong item)"
        );
        assert_eq!(
            browser.text("#return-shipping").await,
            "We pay the return shipping in full."
        );
        assert_eq!(browser.text("#stage").await, "Return requested");
        let tasks = app.shop.tasks_of_order(number).await.expect("tasks");
        assert!(
            tasks.iter().any(|t| t.kind == "send_right_item"),
            "{tasks:?}"
        );
        browser.close().await;
    })
    .await;
}

/// An address the shop cannot open is a page in the visitor's language with a way back: to the
/// front page, or to the back office for its own addresses; the API keeps its JSON.
#[tokio::test]
async fn a_wrong_address_is_a_page_in_the_visitors_language_with_a_way_back() {
    on_each_backend(|app: TestApp| async move {
        stock_the_shop(&app).await;
        let browser = Browser::open().await;
        browser.goto(&app.url("/")).await;
        browser.click("form.lang select option[value=nb]").await;
        browser.click("form.lang button").await;
        browser.find("html[lang=nb]").await;
        for (path, back) in [
            ("/nope", "/"),
            ("/products/abc", "/"),
            ("/?page=abc", "/"),
            ("/admin/nope", "/admin"),
        ] {
            browser.goto(&app.url(path)).await;
            browser.page_says("Noe gikk galt").await;
            let link = browser.find(&format!("p a[href='{back}']")).await;
            let words = link.text().await.expect("text");
            let expected = if back == "/" {
                "Tilbake til butikken"
            } else {
                "Tilbake til administrasjonen"
            };
            assert_eq!(words, expected, "{path}");
            link.click().await.expect("click");
            let url = browser.client.current_url().await.expect("url");
            assert!(url.path().starts_with(back), "{path} led to {url}");
        }
        browser.goto(&app.url("/api/v1/nope")).await;
        browser.page_says(r#""code":"not_found""#).await;
        browser.close().await;
    })
    .await;
}

/// A Russian-speaking visitor of a Norwegian shop reads the product in Russian, with the
/// category's Russian name, the options' names and values translated, and the sale's old price
/// struck through; the colour chosen goes into the cart without pressing "Show", and the
/// cart's button removes the line (SU-2).
#[tokio::test]
async fn a_russian_visitor_reads_the_product_in_russian_and_buys_the_colour_chosen() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| {
            s.default_locale = "nb".into();
            s.languages = vec!["nb".into(), "ru".into()];
        })
        .await;
        stock_the_shop(&app).await;
        let owner = Actor::system();
        let category = serde_json::from_value(json!({
            "code": "hats", "name": "Luer", "names": {"ru": "Шапки"}
        }))
        .expect("a category");
        app.shop
            .create_category(&owner, &category)
            .await
            .expect("category");
        let hat = serde_json::from_value(json!({
            "title": "Ullue", "category": "hats", "description": "Strikket i Norge.",
            "texts": {"ru": {"title": "Шерстяная шапка", "description": "Связана в Норвегии."}},
            "variants": [
                {"sku": "HAT-NAVY", "options": {"colour": "Navy"}, "price_minor": 29900, "compare_at_minor": 39900},
                {"sku": "HAT-RED", "options": {"colour": "Red"}, "price_minor": 29900}
            ]
        }))
        .expect("a product");
        let id = app
            .shop
            .create_product(&owner, &hat, None)
            .await
            .expect("product")
            .product
            .id;
        let words: Vec<app::catalog::OptionWord> = serde_json::from_value(json!([
            {"word": "Navy", "locale": "ru", "text": "тёмно-синий"},
            {"word": "Red", "locale": "ru", "text": "красный"}
        ]))
        .expect("words");
        app.shop
            .put_option_words(&owner, &words)
            .await
            .expect("words");
        let stock = serde_json::from_value(json!({"on_hand": 5, "bin": "B-01"})).expect("stock");
        for sku in ["HAT-NAVY", "HAT-RED"] {
            app.shop
                .set_stock(&owner, sku, "WH1", &stock)
                .await
                .expect("stock");
        }

        let browser = Browser::open().await;
        browser.goto(&app.url(&format!("/products/{id}"))).await;
        browser.click("form.lang select option[value=ru]").await;
        browser.click("form.lang button").await;
        browser.page_says("Шерстяная шапка").await;
        assert_eq!(browser.text("#category").await, "Шапки");
        assert!(
            browser
                .text(".chosen-variant")
                .await
                .contains("Цвет: тёмно-синий")
        );
        assert!(
            browser
                .text(".chosen-variant s.compare-at")
                .await
                .starts_with("399,00")
        );
        // Red chosen, "Add to cart" pressed at once: red goes into the cart.
        browser
            .click("select[name=colour] option[value=Red]")
            .await;
        browser.click("#add-to-cart").await;
        browser.page_says("Шерстяная шапка · Цвет: красный").await;
        browser.click("#cart button.remove").await;
        browser.find("#cart-empty").await;
        browser.close().await;
    })
    .await;
}
