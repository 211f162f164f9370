//! A product's photos on its form in the back office (AS-1): upload several at once, say the
//! colour each shows and its alt text per language, put them in order, remove one.

use app::catalog::{PhotoDetails, PhotoView, colour_of};
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::products::{catalog_keeper, edit_page};
use super::session::{Me, PageError};
use crate::extract::photo_form;

/// The photos section of a product's form.
pub struct PhotoSection {
    pub photos: Vec<PhotoView>,
    /// The values of the product's colour option, for "shows the colour".
    pub colours: Vec<String>,
    /// The shop's languages, the default first, for the alt texts.
    pub languages: Vec<String>,
    /// Why the last upload or change was refused, in the person's words.
    pub problem: Option<String>,
}

impl PhotoSection {
    pub async fn of(
        shop: &app::Shop,
        me: &Me,
        product_id: i64,
        problem: Option<&(String, StatusCode)>,
    ) -> Result<Self, PageError> {
        let mut colours: Vec<String> = Vec::new();
        if let Some(product) = shop.product(product_id).await? {
            for colour in product
                .variants
                .iter()
                .filter_map(|v| colour_of(&v.options))
            {
                if !colours.contains(colour) {
                    colours.push(colour.clone());
                }
            }
        }
        Ok(Self {
            photos: shop.photos(product_id).await?,
            colours,
            languages: me
                .settings
                .selling_languages()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            problem: problem.map(|(why, _)| why.clone()),
        })
    }

    /// The size a card shows: the first one at least 320 pixels wide, else the largest.
    pub fn preview<'a>(&self, photo: &'a PhotoView) -> &'a str {
        photo
            .sizes
            .iter()
            .find(|s| s.width >= 320)
            .or(photo.sizes.last())
            .map_or("", |s| s.url.as_str())
    }

    pub fn alt<'a>(&self, photo: &'a PhotoView, locale: &str) -> &'a str {
        photo.alt.get(locale).map_or("", String::as_str)
    }

    pub fn shows(&self, photo: &PhotoView, colour: &str) -> bool {
        photo.colour.as_deref() == Some(colour)
    }
}

/// The refusal said in the photos section, naming the file where it is about one.
fn refused(me: &Me, err: &app::Error, names: &[String]) -> (String, StatusCode) {
    let why = me.explain(err);
    let file = match err {
        app::Error::Invalid { field, .. } => field
            .strip_prefix("photos[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| names.get(i)),
        _ => None,
    };
    let text = match file {
        Some(name) => format!("{name}: {why}"),
        None => why,
    };
    (text, Me::refused_status(err))
}

/// After a change, back to the photos on the product's form.
fn to_photos(id: i64) -> Response {
    Redirect::to(&format!("/admin/products/{id}#photos")).into_response()
}

async fn answer(
    shop: &app::Shop,
    me: &Me,
    id: i64,
    outcome: Result<Vec<PhotoView>, app::Error>,
    names: &[String],
    saved: &str,
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => {
            me.notice(shop, &me.lang.text(saved)).await?;
            Ok(to_photos(id))
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => edit_page(shop, me, id, Some(refused(me, &err, names))).await,
    }
}

pub async fn upload(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    form: Multipart,
) -> Result<Response, PageError> {
    catalog_keeper(&me)?;
    let (uploads, details) = match photo_form(form).await {
        Ok(read) => read,
        Err(err) => return answer(&shop, &me, id, Err(err), &[], "photos-added").await,
    };
    let names: Vec<String> = uploads.iter().map(|u| u.file_name.clone()).collect();
    let added = shop.add_photos(me.actor(), id, uploads, &details).await;
    answer(&shop, &me, id, added, &names, "photos-added").await
}

#[derive(Debug, Deserialize)]
pub struct PhotoPath {
    id: i64,
    photo: i64,
}

/// Saves the colour and alt texts a photo's card was sent with.
pub async fn edit(
    State(shop): State<app::Shop>,
    me: Me,
    Path(at): Path<PhotoPath>,
    body: Bytes,
) -> Result<Response, PageError> {
    let mut details = PhotoDetails::default();
    for (name, value) in form_urlencoded::parse(&body) {
        if name == "colour" {
            details.colour = Some(value.into_owned());
        } else if let Some(locale) = name.strip_prefix("alt.") {
            details.alt.insert(locale.to_owned(), value.into_owned());
        }
    }
    let edited = shop.edit_photo(me.actor(), at.id, at.photo, &details).await;
    answer(&shop, &me, at.id, edited, &[], "photos-saved").await
}

#[derive(Debug, Deserialize)]
pub struct PhotoAction {
    id: i64,
    photo: i64,
    action: String,
}

/// Moves a photo a place earlier or later, or removes it.
pub async fn act(
    State(shop): State<app::Shop>,
    me: Me,
    Path(at): Path<PhotoAction>,
) -> Result<Response, PageError> {
    let actor = me.actor();
    let (outcome, saved) = match at.action.as_str() {
        "earlier" => (
            shop.move_photo(actor, at.id, at.photo, true).await,
            "photos-saved",
        ),
        "later" => (
            shop.move_photo(actor, at.id, at.photo, false).await,
            "photos-saved",
        ),
        "remove" => (
            shop.remove_photo(actor, at.id, at.photo).await,
            "photos-removed",
        ),
        _ => return Err(app::Error::NotFound { what: "page" }.into()),
    };
    answer(&shop, &me, at.id, outcome, &[], saved).await
}
