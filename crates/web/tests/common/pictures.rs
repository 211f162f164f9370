//! Pictures made for the tests, as a camera or an editor would write them.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, Rgb, RgbImage};

/// A JPEG of one colour, with a darker band across its top so that a turn shows, and when
/// `orientation` is given the EXIF block a phone writes: the orientation tag and a
/// description saying where it was taken.
pub fn jpeg(width: u32, height: u32, colour: [u8; 3], orientation: Option<u16>) -> Vec<u8> {
    let pixels = RgbImage::from_fn(width, height, |_, y| {
        if y < height / 5 {
            Rgb(colour.map(|c| c / 4))
        } else {
            Rgb(colour)
        }
    });
    let mut bytes = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut bytes, 90);
    if let Some(orientation) = orientation {
        encoder
            .set_exif_metadata(exif(orientation))
            .expect("EXIF taken");
    }
    encoder
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("a JPEG");
    bytes
}

/// Where the phone says the photo was taken: it must not reach the storefront.
pub const WHERE_TAKEN: &str = "Taken at 59.9139N 10.7522E";

/// A little-endian TIFF directory with two entries: the orientation and a description.
fn exif(orientation: u16) -> Vec<u8> {
    let text = format!("{WHERE_TAKEN}\0");
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&2u16.to_le_bytes());
    // 0x0112 Orientation, SHORT, 1 value, inline.
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    // 0x010E ImageDescription, ASCII, after the directory.
    let offset: u32 = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&0x010Eu16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&(text.len() as u32).to_le_bytes());
    tiff.extend_from_slice(&offset.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(text.as_bytes());
    tiff
}

/// A PNG of one colour.
pub fn png(width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
    let pixels = RgbImage::from_pixel(width, height, Rgb(colour));
    let mut bytes = Vec::new();
    pixels
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .expect("a PNG");
    bytes
}

/// The pixels of a served picture.
pub fn decode(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes)
        .expect("a picture")
        .into_rgb8()
}
