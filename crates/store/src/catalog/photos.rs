//! Products' photos and the image files behind them, kept in the database so that every
//! instance serves them.

use sqlx::FromRow;

use crate::{Conn, Result};

/// One photo of a product, without its sizes.
#[derive(Debug, Clone, FromRow)]
pub struct PhotoRow {
    pub id: i64,
    pub product_id: i64,
    pub position: i64,
    /// The colour option's value it shows, or none for every colour.
    pub colour: Option<String>,
    /// JSON object of locale to alt text.
    pub alt: String,
    pub file_name: String,
}

/// One size of a photo, with the photo it belongs to.
#[derive(Debug, Clone, FromRow)]
pub struct SizeRow {
    pub photo_id: i64,
    pub width: i64,
    pub height: i64,
    pub media_hash: String,
}

/// A photo shown for a SKU: the variant's options, the photo and one of its sizes; a photo
/// comes once per size, smallest first.
#[derive(Debug, Clone, FromRow)]
pub struct SkuPhotoRow {
    pub sku: String,
    /// The variant's options, JSON.
    pub options: String,
    pub photo_id: i64,
    pub colour: Option<String>,
    pub alt: String,
    pub width: i64,
    pub height: i64,
    pub media_hash: String,
}

pub struct NewPhoto<'a> {
    pub product_id: i64,
    pub colour: Option<&'a str>,
    pub alt: &'a str,
    pub file_name: &'a str,
    pub created_at: i64,
}

/// An image file, once per content.
pub async fn put_media(
    conn: &mut Conn,
    hash: &str,
    content_type: &str,
    bytes: &[u8],
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO media (hash, content_type, bytes, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (hash) DO NOTHING",
    )
    .bind(hash)
    .bind(content_type)
    .bind(bytes)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// An image file's type and bytes.
pub async fn media(conn: &mut Conn, hash: &str) -> Result<Option<(String, Vec<u8>)>> {
    Ok(
        sqlx::query_as("SELECT content_type, bytes FROM media WHERE hash = $1")
            .bind(hash)
            .fetch_optional(conn)
            .await?,
    )
}

/// Adds a photo after the product's last one; returns its id.
pub async fn insert_photo(conn: &mut Conn, photo: &NewPhoto<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO product_photos (product_id, position, colour, alt, file_name, created_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM product_photos WHERE product_id = $1), \
         $2, $3, $4, $5) RETURNING id",
    )
    .bind(photo.product_id)
    .bind(photo.colour)
    .bind(photo.alt)
    .bind(photo.file_name)
    .bind(photo.created_at)
    .fetch_one(conn)
    .await?)
}

pub async fn insert_size(conn: &mut Conn, size: &SizeRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO photo_sizes (photo_id, width, height, media_hash) VALUES ($1, $2, $3, $4)",
    )
    .bind(size.photo_id)
    .bind(size.width)
    .bind(size.height)
    .bind(&size.media_hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// The product's photos in their order, and every size of each.
pub async fn photos_of(conn: &mut Conn, product_id: i64) -> Result<(Vec<PhotoRow>, Vec<SizeRow>)> {
    photos_of_products(conn, &[product_id]).await
}

/// The photos of these products, each product's in their order, and every size of each
/// (smallest first), in two queries.
pub async fn photos_of_products(
    conn: &mut Conn,
    product_ids: &[i64],
) -> Result<(Vec<PhotoRow>, Vec<SizeRow>)> {
    if product_ids.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let list = crate::placeholders(product_ids.len());
    let mut photos = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, product_id, position, colour, alt, file_name FROM product_photos \
         WHERE product_id IN ({list}) ORDER BY product_id, position, id"
    )));
    for id in product_ids {
        photos = photos.bind(*id);
    }
    let photos = photos.fetch_all(&mut *conn).await?;
    let mut sizes = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT s.photo_id, s.width, s.height, s.media_hash FROM photo_sizes s \
         JOIN product_photos p ON p.id = s.photo_id WHERE p.product_id IN ({list}) \
         ORDER BY s.photo_id, s.width"
    )));
    for id in product_ids {
        sizes = sizes.bind(*id);
    }
    Ok((photos, sizes.fetch_all(conn).await?))
}

/// Every photo of the products these SKUs belong to, with their sizes, in one query: a line of
/// the cart, an order or the packing station shows the one for its colour.
pub async fn photos_of_skus(conn: &mut Conn, skus: &[&str]) -> Result<Vec<SkuPhotoRow>> {
    if skus.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT v.sku, v.options, p.id AS photo_id, p.colour, p.alt, s.width, s.height, s.media_hash \
         FROM variants v JOIN product_photos p ON p.product_id = v.product_id \
         JOIN photo_sizes s ON s.photo_id = p.id \
         WHERE v.sku IN ({}) ORDER BY v.sku, p.position, p.id, s.width",
        crate::placeholders(skus.len())
    )));
    for sku in skus {
        query = query.bind(*sku);
    }
    Ok(query.fetch_all(conn).await?)
}

/// The first photo of each of these products (any colour), with its sizes.
pub async fn covers(conn: &mut Conn, product_ids: &[i64]) -> Result<Vec<(i64, String, SizeRow)>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query =
        sqlx::query_as::<_, (i64, String, i64, i64, i64, String)>(sqlx::AssertSqlSafe(format!(
            "SELECT p.product_id, p.alt, s.photo_id, s.width, s.height, s.media_hash \
             FROM product_photos p JOIN photo_sizes s ON s.photo_id = p.id \
             WHERE p.product_id IN ({}) AND p.position = \
             (SELECT MIN(q.position) FROM product_photos q WHERE q.product_id = p.product_id) \
             ORDER BY p.product_id, s.width",
            crate::placeholders(product_ids.len())
        )));
    for id in product_ids {
        query = query.bind(*id);
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|(product_id, alt, photo_id, width, height, media_hash)| {
            (
                product_id,
                alt,
                SizeRow {
                    photo_id,
                    width,
                    height,
                    media_hash,
                },
            )
        })
        .collect())
}

/// Changes a photo's colour and alt text; false when the product has no such photo.
pub async fn update_photo(
    conn: &mut Conn,
    product_id: i64,
    photo_id: i64,
    colour: Option<&str>,
    alt: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE product_photos SET colour = $1, alt = $2 WHERE id = $3 AND product_id = $4",
    )
    .bind(colour)
    .bind(alt)
    .bind(photo_id)
    .bind(product_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts one photo at a position (1 first).
pub async fn set_position(conn: &mut Conn, photo_id: i64, position: i64) -> Result<()> {
    sqlx::query("UPDATE product_photos SET position = $1 WHERE id = $2")
        .bind(position)
        .bind(photo_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes a photo and whichever of its files no other photo shows; false when the product
/// has no such photo.
pub async fn remove_photo(conn: &mut Conn, product_id: i64, photo_id: i64) -> Result<bool> {
    let hashes: Vec<String> = sqlx::query_scalar(
        "SELECT s.media_hash FROM photo_sizes s JOIN product_photos p ON p.id = s.photo_id \
         WHERE p.id = $1 AND p.product_id = $2",
    )
    .bind(photo_id)
    .bind(product_id)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM photo_sizes WHERE photo_id = $1")
        .bind(photo_id)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM product_photos WHERE id = $1 AND product_id = $2")
        .bind(photo_id)
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        sqlx::query(
            "DELETE FROM media WHERE hash = $1 \
             AND NOT EXISTS (SELECT 1 FROM photo_sizes WHERE media_hash = $1)",
        )
        .bind(hash)
        .execute(&mut *conn)
        .await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Gives the copy of a product the same photos, sharing their files.
pub async fn copy_photos(conn: &mut Conn, from: i64, to: i64, at: i64) -> Result<()> {
    let (photos, sizes) = photos_of(conn, from).await?;
    for photo in photos {
        let id = insert_photo(
            conn,
            &NewPhoto {
                product_id: to,
                colour: photo.colour.as_deref(),
                alt: &photo.alt,
                file_name: &photo.file_name,
                created_at: at,
            },
        )
        .await?;
        for size in sizes.iter().filter(|s| s.photo_id == photo.id) {
            insert_size(
                conn,
                &SizeRow {
                    photo_id: id,
                    ..size.clone()
                },
            )
            .await?;
        }
    }
    Ok(())
}
