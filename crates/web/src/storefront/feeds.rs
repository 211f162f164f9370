//! The catalogue for other sales channels (IN-1) at stable addresses: `/feeds/yml.xml` in
//! Yandex Market Language, which Prom.ua, Rozetka and the region's other marketplaces import,
//! and `/feeds/google.xml` for Google Merchant Center (RSS 2.0 with its `g:` attributes). Each
//! takes `?lang=` of the shop's selling languages (SU-2). The XML is written by an XML writer
//! that escapes every text and attribute.

use std::borrow::Cow;
use std::io;

use app::MoneyView;
use app::storefront::{Feed, FeedItem, StockState};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Deserialize;

use crate::pages::frame::typed_amount;

/// Marketplaces fetch a feed every hour or so; a quarter of an hour spares the database a
/// crawler's repeats and still shows a change soon.
const CACHE: &str = "public, max-age=900";
const XML: &str = "application/xml; charset=utf-8";
const GOOGLE_NS: &str = "http://base.google.com/ns/1.0";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedQuery {
    lang: Option<String>,
}

pub async fn yml(State(shop): State<app::Shop>, Query(query): Query<FeedQuery>) -> Response {
    answer(shop.feed(query.lang.as_deref()).await, write_yml)
}

pub async fn google(State(shop): State<app::Shop>, Query(query): Query<FeedQuery>) -> Response {
    answer(shop.feed(query.lang.as_deref()).await, write_google)
}

fn answer(feed: app::Result<Feed>, write: fn(&Feed) -> io::Result<Vec<u8>>) -> Response {
    let failed = |status: StatusCode, text: String| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            text,
        )
            .into_response()
    };
    match feed.map(|feed| write(&feed)) {
        Ok(Ok(bytes)) => (
            [(header::CONTENT_TYPE, XML), (header::CACHE_CONTROL, CACHE)],
            bytes,
        )
            .into_response(),
        // A language the shop does not sell in has no feed.
        Err(app::Error::Invalid { message, .. }) => failed(StatusCode::NOT_FOUND, message),
        Err(err) => {
            tracing::error!(error = %err, "feed unreadable");
            failed(
                StatusCode::SERVICE_UNAVAILABLE,
                "the feed cannot be read now".into(),
            )
        }
        Ok(Err(err)) => {
            tracing::error!(error = %err, "feed not written");
            failed(
                StatusCode::SERVICE_UNAVAILABLE,
                "the feed cannot be written now".into(),
            )
        }
    }
}

/// The text without the characters XML 1.0 cannot carry (control characters other than tab
/// and line breaks, U+FFFE and U+FFFF): a parser stops at the first of them.
fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

/// An element holding one text, escaped.
fn text<W: io::Write>(w: &mut Writer<W>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&clean(value)))?;
    Ok(())
}

fn start(w: &mut Writer<Vec<u8>>) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
}

/// An amount as both formats write it: `199.00`.
fn amount(money: &MoneyView) -> String {
    typed_amount(money.amount_minor)
}

fn write_yml(feed: &Feed) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    start(&mut w)?;
    let date = feed.made_at.strftime("%Y-%m-%d %H:%M").to_string();
    w.create_element("yml_catalog")
        .with_attribute(("date", date.as_str()))
        .write_inner_content(|w| {
            w.create_element("shop").write_inner_content(|w| {
                text(w, "name", &feed.shop_name)?;
                text(w, "company", &feed.shop_name)?;
                text(w, "url", &feed.url)?;
                w.create_element("currencies").write_inner_content(|w| {
                    w.create_element("currency")
                        .with_attributes([("id", feed.currency.as_str()), ("rate", "1")])
                        .write_empty()?;
                    Ok(())
                })?;
                w.create_element("categories").write_inner_content(|w| {
                    for c in &feed.categories {
                        let id = c.id.to_string();
                        let parent = c.parent_id.map(|p| p.to_string());
                        let mut element = w
                            .create_element("category")
                            .with_attribute(("id", id.as_str()));
                        if let Some(parent) = &parent {
                            element = element.with_attribute(("parentId", parent.as_str()));
                        }
                        element.write_text_content(BytesText::new(&clean(&c.name)))?;
                    }
                    Ok(())
                })?;
                w.create_element("offers").write_inner_content(|w| {
                    feed.items
                        .iter()
                        .try_for_each(|item| yml_offer(w, feed, item))
                })?;
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

fn yml_offer(w: &mut Writer<Vec<u8>>, feed: &Feed, item: &FeedItem) -> io::Result<()> {
    let id = item.variant_id.to_string();
    let group = item.product_id.to_string();
    // A variant a supplier delivers can be ordered: it is on offer, as the storefront sells it.
    let available = if item.stock == StockState::OutOfStock {
        "false"
    } else {
        "true"
    };
    w.create_element("offer")
        .with_attributes([
            ("id", id.as_str()),
            ("available", available),
            ("group_id", group.as_str()),
        ])
        .write_inner_content(|w| {
            text(w, "url", &item.link)?;
            text(w, "price", &amount(&item.price))?;
            if let Some(old) = &item.compare_at {
                text(w, "oldprice", &amount(old))?;
            }
            text(w, "currencyId", feed.currency.as_str())?;
            if let Some(category) = item.category_id {
                text(w, "categoryId", &category.to_string())?;
            }
            for picture in &item.pictures {
                text(w, "picture", picture)?;
            }
            text(w, "name", &item.title)?;
            text(w, "vendor", &feed.shop_name)?;
            text(w, "vendorCode", &item.sku)?;
            text(w, "description", &item.description)?;
            if let Some(barcode) = &item.barcode {
                text(w, "barcode", barcode)?;
            }
            for (name, value) in &item.options {
                w.create_element("param")
                    .with_attribute(("name", clean(name).as_ref()))
                    .write_text_content(BytesText::new(&clean(value)))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_google(feed: &Feed) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    start(&mut w)?;
    w.create_element("rss")
        .with_attributes([("version", "2.0"), ("xmlns:g", GOOGLE_NS)])
        .write_inner_content(|w| {
            w.create_element("channel").write_inner_content(|w| {
                text(w, "title", &feed.shop_name)?;
                text(w, "link", &feed.url)?;
                text(w, "description", &feed.shop_name)?;
                feed.items
                    .iter()
                    .try_for_each(|item| google_item(w, feed, item))
            })?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// A barcode Google reads as a GTIN: 8, 12, 13 or 14 digits.
fn gtin(barcode: &str) -> Option<&str> {
    let digits = barcode.bytes().all(|b| b.is_ascii_digit());
    (digits && matches!(barcode.len(), 8 | 12 | 13 | 14)).then_some(barcode)
}

fn google_item(w: &mut Writer<Vec<u8>>, feed: &Feed, item: &FeedItem) -> io::Result<()> {
    let money = |m: &MoneyView| format!("{} {}", amount(m), m.currency);
    w.create_element("item").write_inner_content(|w| {
        text(w, "g:id", &item.sku)?;
        text(w, "g:title", &item.title)?;
        text(w, "g:description", &item.description)?;
        text(w, "g:link", &item.link)?;
        let mut pictures = item.pictures.iter();
        if let Some(first) = pictures.next() {
            text(w, "g:image_link", first)?;
        }
        for other in pictures {
            text(w, "g:additional_image_link", other)?;
        }
        let availability = match item.stock {
            StockState::InStock => "in_stock",
            StockState::FromSupplier => "backorder",
            StockState::OutOfStock => "out_of_stock",
        };
        text(w, "g:availability", availability)?;
        if let Some(day) = item.ships_on {
            text(w, "g:availability_date", &day.to_string())?;
        }
        // On sale, Google wants the old price as the price and the new one as the sale price.
        match &item.compare_at {
            Some(old) => {
                text(w, "g:price", &money(old))?;
                text(w, "g:sale_price", &money(&item.price))?;
            }
            None => text(w, "g:price", &money(&item.price))?,
        }
        if let Some(code) = item.barcode.as_deref().and_then(gtin) {
            text(w, "g:gtin", code)?;
        }
        text(w, "g:item_group_id", &item.product_id.to_string())?;
        if let Some(size) = &item.size {
            text(w, "g:size", size)?;
        }
        if let Some(colour) = &item.colour {
            text(w, "g:color", colour)?;
        }
        text(w, "g:brand", &feed.shop_name)?;
        text(w, "g:condition", "new")?;
        if !item.category_path.is_empty() {
            text(w, "g:product_type", &item.category_path.join(" > "))?;
        }
        Ok(())
    })?;
    Ok(())
}
