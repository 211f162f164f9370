//! Products' photos (AS-1): uploaded, checked, turned upright by their EXIF orientation,
//! stripped of their metadata and resized before anything is stored; shown in the reader's
//! language, the colour chosen first.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use domain::access::Permission;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::{Error, Result, Shop};

use super::products::parse_stored_options;

/// The largest file taken.
pub const MAX_PHOTO_BYTES: usize = 20 * 1024 * 1024;
/// The most files one upload takes.
pub const MAX_PHOTOS_AT_ONCE: usize = 12;
/// A side longer than this, or more pixels than this, is no product photo.
const MAX_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 64_000_000;
/// A side shorter than this shows nothing.
const MIN_SIDE: u32 = 32;
/// The widths a photo is kept in, for `srcset`; one wider than the upload is not made.
const WIDTHS: [u32; 4] = [160, 320, 640, 1280];
const JPEG_QUALITY: u8 = 84;
const CONTENT_TYPE: &str = "image/jpeg";

/// A file as uploaded.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What the owner says of a photo: the colour it shows and its alt text per language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct PhotoDetails {
    /// The value of the product's colour option it shows; none for every colour.
    #[serde(default)]
    pub colour: Option<String>,
    /// The text read instead of the photo, by locale (`nb`, `ru`, ...).
    #[serde(default)]
    pub alt: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PhotoView {
    pub id: i64,
    pub colour: Option<String>,
    pub alt: BTreeMap<String, String>,
    pub file_name: String,
    /// Smallest first.
    pub sizes: Vec<PhotoSize>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PhotoSize {
    pub width: i64,
    pub height: i64,
    /// Served with `Cache-Control: immutable`: the address changes with the content.
    pub url: String,
}

/// A photo as a page shows it, in the reader's language.
#[derive(Debug, Clone)]
pub struct Shown {
    pub src: String,
    pub srcset: String,
    pub width: i64,
    pub height: i64,
    pub alt: String,
    pub colour: Option<String>,
}

/// A photo at its largest, as a feed names it.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The colour it shows; none for every colour.
    pub colour: Option<String>,
    /// The path it is served under, from the site's root.
    pub url: String,
}

/// The photos a variant of this colour shows, in the owner's order: those of its colour and
/// those of every colour; all of them when none is.
pub fn pictures_for<'a>(pictures: &'a [Picture], colour: Option<&String>) -> Vec<&'a Picture> {
    let shown: Vec<&Picture> = pictures
        .iter()
        .filter(|p| p.colour.is_none() || p.colour.as_ref() == colour)
        .collect();
    if shown.is_empty() {
        pictures.iter().collect()
    } else {
        shown
    }
}

/// The address an image file is served under.
pub fn media_url(hash: &str) -> String {
    format!("/media/{hash}.jpg")
}

/// The value of a variant's colour option, by the names shops give it.
pub fn colour_of(options: &BTreeMap<String, String>) -> Option<&String> {
    ["colour", "color"].iter().find_map(|n| options.get(*n))
}

/// One size of a photo, encoded.
struct Rendition {
    width: u32,
    height: u32,
    hash: String,
    bytes: Vec<u8>,
}

/// Why a file is not taken, as a refusal code.
fn prepare(bytes: &[u8]) -> std::result::Result<Vec<Rendition>, &'static str> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err("photo_too_large");
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| "photo_not_an_image")?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err("photo_not_an_image");
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal_of)?;
    let (width, height) = decoder.dimensions();
    if width < MIN_SIDE || height < MIN_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err("photo_dimensions");
    }
    let orientation = decoder.orientation().map_err(refusal_of)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(refusal_of)?;
    image.apply_orientation(orientation);
    let upright = on_white(image);
    let mut widths: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|w| *w < upright.width())
        .collect();
    if upright.width() <= WIDTHS[WIDTHS.len() - 1] {
        widths.push(upright.width());
    }
    widths
        .into_iter()
        .map(|w| {
            let h = ((u64::from(upright.height()) * u64::from(w)) / u64::from(upright.width()))
                .max(1) as u32;
            let sized = if w == upright.width() {
                std::borrow::Cow::Borrowed(&upright)
            } else {
                std::borrow::Cow::Owned(image::imageops::resize(
                    &upright,
                    w,
                    h,
                    FilterType::CatmullRom,
                ))
            };
            // Encoding the pixels anew leaves every EXIF, XMP and comment block of the upload
            // behind: a phone's photo carries where it was taken.
            let mut bytes = Vec::new();
            JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
                .encode_image(sized.as_ref())
                .map_err(|_| "photo_not_an_image")?;
            Ok(Rendition {
                width: w,
                height: sized.height(),
                hash: hex::encode(Sha256::digest(&bytes)),
                bytes,
            })
        })
        .collect()
}

fn refusal_of(err: image::ImageError) -> &'static str {
    match err {
        image::ImageError::Limits(_) => "photo_dimensions",
        _ => "photo_not_an_image",
    }
}

/// The pixels on a white ground: a transparent PNG's background would turn black in a JPEG.
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn words_for(code: &str) -> &'static str {
    match code {
        "photo_too_large" => "the file is larger than 20 MB",
        "photo_dimensions" => "the picture's size is not that of a photo",
        _ => "the file is not a JPEG, PNG or WebP picture",
    }
}

impl Shop {
    /// Adds photos to a product, after its last one: every file is checked and resized
    /// first, and one refused (named by its place and file name) stores none of them.
    pub async fn add_photos(
        &self,
        actor: &Actor,
        product_id: i64,
        uploads: Vec<Upload>,
        details: &PhotoDetails,
    ) -> Result<Vec<PhotoView>> {
        actor.require(Permission::ManageCatalog)?;
        if uploads.is_empty() || uploads.len() > MAX_PHOTOS_AT_ONCE {
            return Err(Error::field(
                "photos",
                "photos_count",
                format!("send 1 to {MAX_PHOTOS_AT_ONCE} photos at once"),
            ));
        }
        let (colour, alt) = self.checked_details(product_id, details).await?;
        let names: Vec<String> = uploads.iter().map(|u| file_name(&u.file_name)).collect();
        // Decoding and resizing take the CPU for a while: off the threads that answer requests.
        let resized = tokio::task::spawn_blocking(move || {
            uploads
                .iter()
                .enumerate()
                .map(|(i, u)| prepare(&u.bytes).map_err(|code| (i, code)))
                .collect::<std::result::Result<Vec<_>, _>>()
        })
        .await;
        let prepared = match resized {
            Ok(prepared) => prepared,
            Err(failed) => std::panic::resume_unwind(failed.into_panic()),
        }
        .map_err(|(i, code)| {
            Error::field(
                format!("photos[{i}]"),
                code,
                format!("{}: {}", names[i], words_for(code)),
            )
        })?;
        let now = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        for (renditions, name) in prepared.iter().zip(&names) {
            let photo = store::catalog::photos::insert_photo(
                &mut tx,
                &store::catalog::photos::NewPhoto {
                    product_id,
                    colour: colour.as_deref(),
                    alt: &alt,
                    file_name: name,
                    created_at: now,
                },
            )
            .await?;
            for r in renditions {
                store::catalog::photos::put_media(&mut tx, &r.hash, CONTENT_TYPE, &r.bytes, now)
                    .await?;
                let size = store::catalog::photos::SizeRow {
                    photo_id: photo,
                    width: r.width.into(),
                    height: r.height.into(),
                    media_hash: r.hash.clone(),
                };
                store::catalog::photos::insert_size(&mut tx, &size).await?;
            }
        }
        tx.commit().await?;
        self.photos(product_id).await
    }

    /// Changes the colour a photo shows and its alt texts.
    pub async fn edit_photo(
        &self,
        actor: &Actor,
        product_id: i64,
        photo_id: i64,
        details: &PhotoDetails,
    ) -> Result<Vec<PhotoView>> {
        actor.require(Permission::ManageCatalog)?;
        let (colour, alt) = self.checked_details(product_id, details).await?;
        let mut tx = self.store.begin_write().await?;
        if !store::catalog::photos::update_photo(
            &mut tx,
            product_id,
            photo_id,
            colour.as_deref(),
            &alt,
        )
        .await?
        {
            return Err(Error::NotFound { what: "photo" });
        }
        tx.commit().await?;
        self.photos(product_id).await
    }

    /// Puts the product's photos in this order: every one of them, each once.
    pub async fn order_photos(
        &self,
        actor: &Actor,
        product_id: i64,
        order: &[i64],
    ) -> Result<Vec<PhotoView>> {
        actor.require(Permission::ManageCatalog)?;
        let mut tx = self.store.begin_write().await?;
        let (photos, _) = store::catalog::photos::photos_of(&mut tx, product_id).await?;
        let mut given = order.to_vec();
        given.sort_unstable();
        let mut held: Vec<i64> = photos.iter().map(|p| p.id).collect();
        held.sort_unstable();
        if given != held {
            return Err(Error::field(
                "order",
                "photo_order",
                "name each of the product's photos once",
            ));
        }
        for (position, id) in order.iter().enumerate() {
            store::catalog::photos::set_position(&mut tx, *id, position as i64 + 1).await?;
        }
        tx.commit().await?;
        self.photos(product_id).await
    }

    /// Moves one photo a place earlier (`up`) or later.
    pub async fn move_photo(
        &self,
        actor: &Actor,
        product_id: i64,
        photo_id: i64,
        up: bool,
    ) -> Result<Vec<PhotoView>> {
        let mut order: Vec<i64> = self
            .photos(product_id)
            .await?
            .iter()
            .map(|p| p.id)
            .collect();
        let at = order
            .iter()
            .position(|id| *id == photo_id)
            .ok_or(Error::NotFound { what: "photo" })?;
        let to = if up {
            at.saturating_sub(1)
        } else {
            (at + 1).min(order.len() - 1)
        };
        order.swap(at, to);
        self.order_photos(actor, product_id, &order).await
    }

    pub async fn remove_photo(
        &self,
        actor: &Actor,
        product_id: i64,
        photo_id: i64,
    ) -> Result<Vec<PhotoView>> {
        actor.require(Permission::ManageCatalog)?;
        let mut tx = self.store.begin_write().await?;
        if !store::catalog::photos::remove_photo(&mut tx, product_id, photo_id).await? {
            return Err(Error::NotFound { what: "photo" });
        }
        tx.commit().await?;
        self.photos(product_id).await
    }

    /// The product's photos in their order, each with its sizes.
    pub async fn photos(&self, product_id: i64) -> Result<Vec<PhotoView>> {
        let mut conn = self.store.read().await?;
        let (photos, sizes) = store::catalog::photos::photos_of(&mut conn, product_id).await?;
        photos
            .into_iter()
            .map(|p| {
                Ok(PhotoView {
                    sizes: sizes
                        .iter()
                        .filter(|s| s.photo_id == p.id)
                        .map(|s| PhotoSize {
                            width: s.width,
                            height: s.height,
                            url: media_url(&s.media_hash),
                        })
                        .collect(),
                    id: p.id,
                    colour: p.colour,
                    alt: parse_alt(&p.alt)?,
                    file_name: p.file_name,
                })
            })
            .collect()
    }

    /// An image file by the hash its address names.
    pub async fn media(&self, hash: &str) -> Result<Option<(String, Vec<u8>)>> {
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        Ok(store::catalog::photos::media(&mut *self.store.read().await?, hash).await?)
    }

    /// The photo each SKU's line shows: the first of its colour, else the first for every
    /// colour, else the product's first.
    pub async fn photos_of_skus(
        &self,
        skus: &[&str],
        locale: &str,
    ) -> Result<HashMap<String, Shown>> {
        let default_locale = self.settings().await?.default_locale;
        let rows =
            store::catalog::photos::photos_of_skus(&mut *self.store.read().await?, skus).await?;
        let mut shown = HashMap::new();
        for sku in skus {
            let own: Vec<_> = rows.iter().filter(|r| r.sku == *sku).collect();
            let Some(first) = own.first() else { continue };
            let options = parse_stored_options(&first.options)?;
            let colour = colour_of(&options);
            let pick = |wanted: Option<&String>| {
                own.iter()
                    .find(|r| r.colour.as_ref() == wanted)
                    .map(|r| r.photo_id)
            };
            let photo = colour
                .and_then(|c| pick(Some(c)))
                .or_else(|| pick(None))
                .unwrap_or(first.photo_id);
            let sizes: Vec<_> = own.iter().filter(|r| r.photo_id == photo).collect();
            let Some(of) = sizes.first() else { continue };
            let sizes = sizes
                .iter()
                .map(|r| (r.width, r.height, media_url(&r.media_hash)));
            let alt = parse_alt(&of.alt)?;
            if let Some(photo) = shown_of(
                sizes,
                alt_in(&alt, locale, &default_locale),
                of.colour.clone(),
            ) {
                shown.insert((*sku).to_owned(), photo);
            }
        }
        Ok(shown)
    }

    /// Every photo of these products in the owner's order, each as the colour it shows and
    /// the address of its largest size: what another sales channel is given (IN-1).
    pub(crate) async fn pictures(
        &self,
        conn: &mut store::Conn,
        product_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Picture>>> {
        let (photos, sizes) = store::catalog::photos::photos_of_products(conn, product_ids).await?;
        let mut pictures: HashMap<i64, Vec<Picture>> = HashMap::new();
        for photo in photos {
            // Smallest first: the last is the largest.
            let Some(largest) = sizes.iter().rfind(|s| s.photo_id == photo.id) else {
                continue;
            };
            pictures.entry(photo.product_id).or_default().push(Picture {
                colour: photo.colour,
                url: media_url(&largest.media_hash),
            });
        }
        Ok(pictures)
    }

    /// The first photo of each product, for the catalogue's grid.
    pub(crate) async fn covers(
        &self,
        conn: &mut store::Conn,
        product_ids: &[i64],
        locale: &str,
        default_locale: &str,
    ) -> Result<HashMap<i64, Shown>> {
        let rows = store::catalog::photos::covers(conn, product_ids).await?;
        let mut shown = HashMap::new();
        for id in product_ids {
            let own: Vec<_> = rows.iter().filter(|(p, ..)| p == id).collect();
            let Some((_, alt, _)) = own.first() else {
                continue;
            };
            let alt = parse_alt(alt)?;
            let sizes = own
                .iter()
                .map(|(_, _, s)| (s.width, s.height, media_url(&s.media_hash)));
            if let Some(photo) = shown_of(sizes, alt_in(&alt, locale, default_locale), None) {
                shown.insert(*id, photo);
            }
        }
        Ok(shown)
    }

    /// Every photo of a product as a reader of `locale` sees them, for its page's gallery.
    pub(crate) async fn gallery(
        &self,
        product_id: i64,
        locale: &str,
        default_locale: &str,
    ) -> Result<Vec<Shown>> {
        Ok(self
            .photos(product_id)
            .await?
            .into_iter()
            .filter_map(|p| {
                let alt = alt_in(&p.alt, locale, default_locale);
                let sizes = p.sizes.into_iter().map(|s| (s.width, s.height, s.url));
                shown_of(sizes, alt, p.colour)
            })
            .collect())
    }

    /// The colour, if any, must be one the product's variants come in; alt texts only in the
    /// shop's languages, and short.
    async fn checked_details(
        &self,
        product_id: i64,
        details: &PhotoDetails,
    ) -> Result<(Option<String>, String)> {
        let settings = self.settings().await?;
        let product = self
            .product(product_id)
            .await?
            .ok_or(Error::NotFound { what: "product" })?;
        let colour = details
            .colour
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if let Some(colour) = colour
            && !product
                .variants
                .iter()
                .any(|v| colour_of(&v.options).map(String::as_str) == Some(colour))
        {
            return Err(Error::field(
                "colour",
                "photo_colour_unknown",
                format!("the product comes in no colour '{colour}'"),
            ));
        }
        let languages = settings.selling_languages();
        let mut alt = BTreeMap::new();
        for (locale, text) in &details.alt {
            let field = format!("alt.{locale}");
            if !languages.contains(&locale.as_str()) {
                return Err(Error::field(
                    field,
                    "locale_not_sold_in",
                    format!("the shop does not sell in '{locale}'"),
                ));
            }
            let text = text.trim();
            if text.chars().count() > 300 {
                return Err(Error::field(
                    field,
                    "alt_too_long",
                    "at most 300 characters",
                ));
            }
            if !text.is_empty() {
                alt.insert(locale.clone(), text.to_owned());
            }
        }
        let alt = serde_json::to_string(&alt).unwrap_or_else(|_| "{}".into());
        Ok((colour.map(str::to_owned), alt))
    }
}

/// The file's own name, without the folders a browser may send.
fn file_name(given: &str) -> String {
    let name = given.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    if name.is_empty() {
        "photo".into()
    } else {
        name
    }
}

fn parse_alt(json: &str) -> Result<BTreeMap<String, String>> {
    crate::kernel::views::stored(
        "alt",
        serde_json::from_str(json).map_err(|e| domain::Invalid::new("alt", e.to_string())),
    )
}

/// The alt text in the reader's language, else the shop's; empty when neither was written.
fn alt_in(alt: &BTreeMap<String, String>, locale: &str, default_locale: &str) -> String {
    alt.get(locale)
        .or_else(|| alt.get(default_locale))
        .cloned()
        .unwrap_or_default()
}

/// A photo from its sizes (width, height, address), smallest first: the middle one as `src`
/// for browsers that read no `srcset`.
fn shown_of(
    sizes: impl Iterator<Item = (i64, i64, String)>,
    alt: String,
    colour: Option<String>,
) -> Option<Shown> {
    let sizes: Vec<_> = sizes.collect();
    let srcset = sizes
        .iter()
        .map(|(w, _, url)| format!("{url} {w}w"))
        .collect::<Vec<_>>()
        .join(", ");
    let (width, height, src) = sizes.get(sizes.len() / 2)?.clone();
    Some(Shown {
        src,
        srcset,
        width,
        height,
        alt,
        colour,
    })
}
