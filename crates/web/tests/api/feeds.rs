//! The feeds for marketplaces and ads (IN-1), read back with an XML parser as a marketplace
//! reads them: one offer per variant on sale, prices and old prices, stock, the texts and
//! category names of the feed's language (SU-2), and photos that answer (AS-1).

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::json;

use crate::helpers::{TestApp, on_each_backend};
use crate::photos::upload;
use crate::pictures::jpeg;

const TITLE: &str = "Socks & <Co> \"best\"";

/// An element as parsed: its name, attributes, text and children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Node> + 'a {
        let name = name.to_owned();
        self.children.iter().filter(move |c| c.name == name)
    }

    fn child(&self, name: &str) -> &Node {
        self.all(name)
            .next()
            .unwrap_or_else(|| panic!("no <{name}> in <{}>", self.name))
    }

    fn text_of(&self, name: &str) -> Option<&str> {
        self.all(name).next().map(|c| c.text.as_str())
    }

    fn texts_of(&self, name: &str) -> Vec<&str> {
        self.all(name).map(|c| c.text.as_str()).collect()
    }
}

fn node_of(start: &BytesStart) -> Node {
    Node {
        name: String::from_utf8(start.name().as_ref().to_vec()).expect("a UTF-8 name"),
        attrs: start
            .attributes()
            .map(|a| {
                let a = a.expect("an attribute");
                let key = String::from_utf8(a.key.as_ref().to_vec()).expect("a UTF-8 name");
                let value = a
                    .normalized_value(XmlVersion::Explicit1_0)
                    .expect("a value")
                    .into_owned();
                (key, value)
            })
            .collect(),
        ..Node::default()
    }
}

/// The document's root element, parsed strictly: a malformed feed fails here.
fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    // Texts are kept as written (split at each entity) and unescaped once the element closes.
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(node_of(&e)),
            Event::Empty(e) => {
                let node = node_of(&e);
                stack.last_mut().expect("a parent").children.push(node);
            }
            Event::End(_) => {
                let mut node = stack.pop().expect("an open element");
                node.text = quick_xml::escape::unescape(node.text.trim())
                    .expect("known entities")
                    .into_owned();
                stack.last_mut().expect("a parent").children.push(node);
            }
            Event::Text(t) => {
                let text = t.decode().expect("UTF-8");
                stack.last_mut().expect("an element").text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().expect("UTF-8");
                let node = stack.last_mut().expect("an element");
                node.text.push_str(&format!("&{name};"));
            }
            Event::CData(c) => {
                let text = String::from_utf8(c.into_inner().to_vec()).expect("UTF-8");
                let escaped = quick_xml::escape::escape(&text).into_owned();
                stack
                    .last_mut()
                    .expect("an element")
                    .text
                    .push_str(&escaped);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().expect("the document");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.remove(0)
}

/// An address of the site, fetched without credentials.
async fn fetch(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("request")
}

/// A feed as a marketplace fetches it, insisting on its headers.
async fn feed(app: &TestApp, path: &str) -> Node {
    let response = fetch(app, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let headers = response.headers();
    assert_eq!(
        headers[reqwest::header::CONTENT_TYPE],
        "application/xml; charset=utf-8"
    );
    assert_eq!(
        headers[reqwest::header::CACHE_CONTROL],
        "public, max-age=900"
    );
    let body = response.text().await.expect("a body");
    assert!(body.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    parse(&body)
}

/// A shop selling in English and Russian, its site at the test server: socks on sale (one size
/// in stock, one sold out) with photos, in a category inside another, a blanket only a
/// supplier has, and a draft.
async fn shop_with_feeds(app: &TestApp) -> i64 {
    let base = app.base.clone();
    app.configure(|s| {
        s["public_url"] = json!(base);
        s["languages"] = json!(["en", "ru"]);
        s["currency"] = json!("NOK");
    })
    .await;
    for (code, kind, lead) in [("WH1", "warehouse", 0), ("SUP1", "supplier", 5)] {
        app.post_ok(
            "/locations",
            json!({"code": code, "name": code, "kind": kind, "city": "Oslo", "lead_time_days": lead}),
            StatusCode::CREATED,
        )
        .await;
    }
    let clothing = app
        .post_ok(
            "/categories",
            json!({"code": "clothing", "name": "Clothing", "names": {"ru": "Одежда"}}),
            StatusCode::CREATED,
        )
        .await;
    app.post_ok(
        "/categories",
        json!({"code": "socks", "name": "Socks", "names": {"ru": "Носки"}, "parent_id": clothing["id"]}),
        StatusCode::CREATED,
    )
    .await;
    let (status, body) = app
        .put(
            "/option-words",
            json!([{"word": "size", "locale": "ru", "text": "размер"},
                   {"word": "grey", "locale": "ru", "text": "серый"}]),
        )
        .await;
    assert!(status.is_success(), "{body}");
    let socks = app
        .post_ok(
            "/products",
            json!({
                "title": TITLE, "description": "Warm & soft <wool>.", "category": "socks",
                "texts": {"ru": {"title": "Носки из шерсти", "description": "Тёплые носки."}},
                "variants": [
                    {"sku": "SOCK-M", "options": {"size": "M", "colour": "grey"}, "price_minor": 19900,
                     "compare_at_minor": 24900, "barcode": "7000000000010"},
                    {"sku": "SOCK-L", "options": {"size": "L", "colour": "grey"}, "price_minor": 19900,
                     "compare_at_minor": 24900}
                ]
            }),
            StatusCode::CREATED,
        )
        .await;
    let socks = socks["id"].as_i64().expect("an id");
    app.post_ok(
        "/products",
        json!({"title": "Blanket", "description": "Heavy.", "category": "home",
               "variants": [{"sku": "BLANKET", "price_minor": 89900}]}),
        StatusCode::CREATED,
    )
    .await;
    app.post_ok(
        "/products",
        json!({"title": "Unfinished", "status": "draft",
               "variants": [{"sku": "DRAFT-1", "price_minor": 100}]}),
        StatusCode::CREATED,
    )
    .await;
    app.set_stock("SOCK-M", "WH1", 4, "A-1").await;
    app.set_stock("BLANKET", "SUP1", 100, "-").await;
    for colour in [Some("grey"), None] {
        let mut form = Form::new().part(
            "photos",
            Part::bytes(jpeg(400, 300, [90, 90, 90], None)).file_name("socks.jpg"),
        );
        if let Some(colour) = colour {
            form = form.text("colour", colour);
        }
        let (status, body) = upload(app, socks, form).await;
        assert!(status.is_success(), "{body}");
    }
    socks
}

async fn answers(app: &TestApp, url: &str) {
    assert!(url.starts_with(&app.base), "{url} is absolute");
    let response = app.client.get(url).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    assert_eq!(
        response.headers()[reqwest::header::CONTENT_TYPE],
        "image/jpeg"
    );
}

#[tokio::test]
async fn the_yml_feed_lists_each_variant_on_sale_with_its_price_stock_and_photos() {
    on_each_backend(|app| async move {
        let socks = shop_with_feeds(&app).await;
        let root = feed(&app, "/feeds/yml.xml").await;
        assert_eq!(root.name, "yml_catalog");
        let date = root.attr("date").expect("a date");
        assert_eq!(date.len(), "2026-03-02 10:00".len(), "{date}");
        let shop = root.child("shop");
        assert_eq!(shop.text_of("url"), Some(app.base.as_str()));
        let currency = shop.child("currencies").child("currency");
        assert_eq!(
            (currency.attr("id"), currency.attr("rate")),
            (Some("NOK"), Some("1"))
        );
        let categories: Vec<_> = shop.child("categories").all("category").collect();
        let socks_category = categories
            .iter()
            .find(|c| c.text == "Socks")
            .expect("the socks' category");
        let clothing = categories
            .iter()
            .find(|c| c.text == "Clothing")
            .expect("its parent");
        assert_eq!(socks_category.attr("parentId"), clothing.attr("id"));

        let offers: Vec<_> = shop.child("offers").all("offer").collect();
        let codes: Vec<_> = offers
            .iter()
            .filter_map(|o| o.text_of("vendorCode"))
            .collect();
        assert_eq!(codes, ["SOCK-M", "SOCK-L", "BLANKET"], "no draft");
        let (m, l, blanket) = (offers[0], offers[1], offers[2]);
        assert_eq!(m.text_of("name"), Some(TITLE));
        assert_eq!(m.text_of("description"), Some("Warm & soft <wool>."));
        assert_eq!(m.attr("group_id"), Some(socks.to_string().as_str()));
        assert_eq!(l.attr("group_id"), m.attr("group_id"));
        assert_ne!(l.attr("id"), m.attr("id"));
        assert_eq!(m.text_of("price"), Some("199.00"));
        assert_eq!(m.text_of("oldprice"), Some("249.00"));
        assert_eq!(m.text_of("currencyId"), Some("NOK"));
        assert_eq!(m.text_of("categoryId"), socks_category.attr("id"));
        assert_eq!(m.text_of("barcode"), Some("7000000000010"));
        assert_eq!(l.text_of("barcode"), None);
        assert_eq!(
            m.text_of("url"),
            Some(format!("{}/products/{socks}?sku=SOCK-M", app.base).as_str())
        );
        let params: Vec<_> = m
            .all("param")
            .map(|p| (p.attr("name").unwrap_or_default(), p.text.as_str()))
            .collect();
        assert_eq!(params, [("Colour", "grey"), ("Size", "M")]);
        assert_eq!(m.attr("available"), Some("true"));
        assert_eq!(l.attr("available"), Some("false"), "sold out");
        assert_eq!(blanket.attr("available"), Some("true"), "a supplier has it");
        assert_eq!(blanket.text_of("oldprice"), None);
        let home = categories.iter().find(|c| c.text == "Home").expect("home");
        assert_eq!(blanket.text_of("categoryId"), home.attr("id"));

        let pictures = m.texts_of("picture");
        assert_eq!(pictures.len(), 2, "its colour's photo and the one for all");
        for url in pictures {
            answers(&app, url).await;
        }
        assert!(blanket.texts_of("picture").is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_feed_in_russian_carries_the_russian_texts_and_names() {
    on_each_backend(|app| async move {
        shop_with_feeds(&app).await;
        let shop = feed(&app, "/feeds/yml.xml?lang=ru").await;
        let shop = shop.child("shop");
        let names: Vec<_> = shop
            .child("categories")
            .all("category")
            .map(|c| c.text.as_str())
            .collect();
        assert!(
            names.contains(&"Носки") && names.contains(&"Одежда"),
            "{names:?}"
        );
        let offer = shop.child("offers").child("offer");
        assert_eq!(offer.text_of("name"), Some("Носки из шерсти"));
        assert_eq!(offer.text_of("description"), Some("Тёплые носки."));
        let params: Vec<_> = offer
            .all("param")
            .map(|p| (p.attr("name").unwrap_or_default(), p.text.as_str()))
            .collect();
        assert_eq!(params, [("Цвет", "серый"), ("Размер", "M")]);

        let channel = feed(&app, "/feeds/google.xml?lang=ru").await;
        let item = channel.child("channel").child("item");
        assert_eq!(item.text_of("g:title"), Some("Носки из шерсти"));
        assert_eq!(item.text_of("g:product_type"), Some("Одежда > Носки"));
        assert_eq!(item.text_of("g:color"), Some("серый"));
    })
    .await;
}

#[tokio::test]
async fn the_google_feed_follows_the_merchant_center_attributes() {
    on_each_backend(|app| async move {
        let socks = shop_with_feeds(&app).await;
        let rss = feed(&app, "/feeds/google.xml").await;
        assert_eq!(rss.name, "rss");
        assert_eq!(rss.attr("version"), Some("2.0"));
        assert_eq!(rss.attr("xmlns:g"), Some("http://base.google.com/ns/1.0"));
        let channel = rss.child("channel");
        assert_eq!(channel.text_of("link"), Some(app.base.as_str()));
        assert!(channel.text_of("title").is_some() && channel.text_of("description").is_some());
        let items: Vec<_> = channel.all("item").collect();
        let ids: Vec<_> = items.iter().filter_map(|i| i.text_of("g:id")).collect();
        assert_eq!(ids, ["SOCK-M", "SOCK-L", "BLANKET"], "no draft");
        let (m, l, blanket) = (items[0], items[1], items[2]);
        assert_eq!(m.text_of("g:title"), Some(TITLE));
        assert_eq!(m.text_of("g:price"), Some("249.00 NOK"), "the old price");
        assert_eq!(m.text_of("g:sale_price"), Some("199.00 NOK"));
        assert_eq!(m.text_of("g:availability"), Some("in_stock"));
        assert_eq!(l.text_of("g:availability"), Some("out_of_stock"));
        assert_eq!(blanket.text_of("g:availability"), Some("backorder"));
        assert_eq!(blanket.text_of("g:availability_date"), Some("2026-03-07"));
        assert_eq!(blanket.text_of("g:price"), Some("899.00 NOK"));
        assert_eq!(blanket.text_of("g:sale_price"), None);
        assert_eq!(m.text_of("g:gtin"), Some("7000000000010"));
        assert_eq!(l.text_of("g:gtin"), None);
        let group = socks.to_string();
        assert_eq!(m.text_of("g:item_group_id"), Some(group.as_str()));
        assert_eq!(l.text_of("g:item_group_id"), Some(group.as_str()));
        assert_eq!(
            (m.text_of("g:size"), m.text_of("g:color")),
            (Some("M"), Some("grey"))
        );
        assert_eq!(m.text_of("g:condition"), Some("new"));
        assert!(m.text_of("g:brand").is_some());
        assert_eq!(m.text_of("g:product_type"), Some("Clothing > Socks"));
        assert_eq!(
            m.text_of("g:link"),
            Some(format!("{}/products/{socks}?sku=SOCK-M", app.base).as_str())
        );
        let first = m.text_of("g:image_link").expect("a photo");
        answers(&app, first).await;
        for url in m.texts_of("g:additional_image_link") {
            answers(&app, url).await;
        }
        assert_eq!(m.texts_of("g:additional_image_link").len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_language_the_shop_does_not_sell_in_has_no_feed() {
    on_each_backend(|app| async move {
        shop_with_feeds(&app).await;
        for path in [
            "/feeds/yml.xml?lang=de",
            "/feeds/google.xml?lang=lv",
            "/feeds/yml.xml?lang=%00%FF",
            "/feeds/google.xml?lang=ru&lang=en",
        ] {
            let status = fetch(&app, path).await.status();
            assert!(status.is_client_error(), "{path}: {status}");
        }
        let response = fetch(&app, "/feeds/yml.xml?lang=de").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let text = response.text().await.expect("a text");
        assert!(text.contains("'de'") && text.contains("en, ru"), "{text}");
    })
    .await;
}
