//! Reviews on the storefront: the review form of the order page (AF-4), and what a product page
//! says of its published reviews, for people and, as schema.org `Product` with its
//! `AggregateRating`, for search engines.

use app::reviews::{ProductReviews, ReviewInput};
use app::storefront::ProductPage;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use super::customer::answered;
use super::{Look, Visitor};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    line_no: i64,
    stars: i64,
    text: String,
}

/// The buyer's review of one line, written or rewritten from the order page; a refused one
/// comes back to the page saying which field is wrong, in the customer's language.
pub async fn write(
    State(shop): State<app::Shop>,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(form): Form<ReviewForm>,
) -> Response {
    let input = ReviewInput {
        line_no: form.line_no,
        stars: form.stars,
        text: form.text,
    };
    let done = shop.write_review(&token, &input).await.map(drop);
    answered(&visitor, &token, done, "review")
}

/// The product's schema.org description with its rating and reviews, as JSON-LD. `<` is
/// written as its escape, so no text of a review can close the script element it sits in.
pub fn markup(product: &ProductPage, reviews: &ProductReviews) -> String {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "description": product.description,
        "category": product.category,
    });
    if !product.photos.is_empty() {
        data["image"] = product.photos.iter().map(|p| p.src.as_str()).collect();
    }
    if let Some(rating) = reviews.rating {
        data["aggregateRating"] = json!({
            "@type": "AggregateRating",
            "ratingValue": rating.average,
            "reviewCount": rating.count,
            "bestRating": 5,
            "worstRating": 1,
        });
        data["review"] = reviews
            .reviews
            .iter()
            .map(|r| {
                json!({
                    "@type": "Review",
                    "author": {"@type": "Person", "name": r.author},
                    "reviewRating": {"@type": "Rating", "ratingValue": r.stars, "bestRating": 5},
                    "reviewBody": r.text,
                    "datePublished": r.at.strftime("%Y-%m-%d").to_string(),
                })
            })
            .collect();
    }
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

impl Look {
    /// A product's average and how many reviews it stands on, in the visitor's language.
    pub fn rating(&self, rating: &app::reviews::Rating) -> String {
        use fluent_templates::fluent_bundle::FluentValue;
        self.lang.text_with(
            "sf-rating",
            &[
                ("average", FluentValue::from(rating.average.to_string())),
                ("count", FluentValue::from(rating.count)),
            ],
        )
    }
}

/// Filled and empty stars, for people; the number is beside them for screen readers.
pub fn stars(stars: i64) -> String {
    let filled = usize::try_from(stars.clamp(0, 5)).unwrap_or_default();
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
}
