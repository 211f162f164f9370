//! Products from another shop's CSV export, Shopify's or WooCommerce's, told apart by the
//! header row; and the catalogue written back as a Shopify product CSV.
//!
//! Each product of the file is read whole, then checked and written in one transaction by the
//! same code as the product form (`products::put_product`), so a refused row leaves its whole
//! product out and the others still go in. A product is found again by its handle or by a
//! variant's SKU, so importing the same file twice changes nothing. Photos named by URL are
//! fetched and added through [`Shop::add_photos`] (AS-1); one that cannot be fetched is a
//! warning, not a refusal.

mod apply;
mod export;
mod shopify;
mod stock;
mod woocommerce;

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use utoipa::ToSchema;

use super::products::{NewProduct, NewVariant};
use crate::{Error, Result};
pub use stock::{StockImport, StockRow};

/// The bytes an image's URL answered, or why there were none.
pub type Fetching<'a> =
    Pin<Box<dyn Future<Output = std::result::Result<Vec<u8>, String>> + Send + 'a>>;

/// What fetches the images a file names by URL (`integrations` has the real one).
pub trait ImageFetcher: Send + Sync {
    fn fetch<'a>(&'a self, url: &'a str) -> Fetching<'a>;
}

/// Which shop wrote the file, as its header row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Shopify,
    #[serde(rename = "woocommerce")]
    WooCommerce,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Self::Shopify => "Shopify",
            Self::WooCommerce => "WooCommerce",
        }
    }
}

/// A row of the file that was refused or warned about, by its number (the header is row 1)
/// and the column at fault.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RowProblem {
    pub row: u64,
    /// The column's name in the file, or empty when the row as a whole is at fault.
    pub column: String,
    /// The product (its handle) the row belongs to.
    pub handle: String,
    /// A stable code, as the API's refusals have (`barcode_check_digit`, `amount_invalid`...).
    pub code: String,
    pub message: String,
}

/// What became, or would become, of one product of the file.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportedProduct {
    pub handle: String,
    pub title: String,
    /// `created`, `updated`, `unchanged` or `refused`.
    pub outcome: &'static str,
    /// The product in the shop; none when refused, or created by a dry run.
    pub product_id: Option<i64>,
    /// What differs from the stored product (`title`, `variant TEE-M: price`, `photo tee.jpg`).
    pub changes: Vec<String>,
}

/// What an import did, or with `dry_run` would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportSummary {
    pub format: Format,
    pub dry_run: bool,
    /// Rows read, the header left out.
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub refused: u64,
    pub products: Vec<ImportedProduct>,
    /// Why each refused product was left out: every row and column at fault.
    pub refusals: Vec<RowProblem>,
    /// What was imported without: photos that could not be fetched or were no picture.
    pub warnings: Vec<RowProblem>,
}

/// How far an import is: rows done of all the rows of the file.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub rows_done: u64,
    pub rows_total: u64,
}

/// The columns a format names a product's fields by, to say where a problem is.
struct Columns {
    title: &'static str,
    description: &'static str,
    status: &'static str,
    category: &'static str,
    variants: &'static str,
    sku: &'static str,
    options: &'static str,
    price: &'static str,
    compare_at: &'static str,
    weight: &'static str,
    barcode: &'static str,
    image: &'static str,
    handle: &'static str,
}

/// A photo a file names by URL.
struct Image {
    row: u64,
    url: String,
    alt: String,
}

/// One product as a file describes it, before it is checked.
struct Draft {
    handle: String,
    /// The row that carries the product's own fields.
    row: u64,
    rows: u64,
    product: NewProduct,
    /// The category's name in the file; its code is made from it.
    category_name: String,
    /// The row of each variant, in the order of `product.variants`.
    variant_rows: Vec<u64>,
    images: Vec<Image>,
    /// What the file itself got wrong (a price that is no amount, a parent not in the file).
    problems: Vec<(u64, &'static str, domain::Invalid)>,
}

impl Draft {
    fn new(handle: String, row: u64) -> Self {
        Self {
            handle,
            row,
            rows: 0,
            product: NewProduct {
                title: String::new(),
                description: String::new(),
                category: String::new(),
                status: "active".into(),
                texts: BTreeMap::new(),
                variants: Vec::new(),
            },
            category_name: String::new(),
            variant_rows: Vec::new(),
            images: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn image(&mut self, row: u64, url: &str, alt: &str) {
        let url = url.trim();
        if !url.is_empty() && !self.images.iter().any(|i| i.url == url) {
            self.images.push(Image {
                row,
                url: url.to_owned(),
                alt: alt.trim().to_owned(),
            });
        }
    }
}

/// A file read into products, in the order they first appear.
struct Parsed {
    format: Format,
    rows: u64,
    drafts: Vec<Draft>,
}

/// One record of the file, its cells found by column name.
struct Row<'a> {
    number: u64,
    record: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
}

impl Row<'_> {
    /// The trimmed cell, empty where the file has no such column.
    fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map_or("", str::trim)
    }

    fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }
}

/// A CSV file's columns by their trimmed names, and its records.
fn read_csv(bytes: &[u8]) -> Result<(HashMap<String, usize>, Vec<csv::StringRecord>)> {
    let unreadable = |e: csv::Error| {
        let row = e.position().map_or(0, |p| p.record() + 1);
        Error::field(
            "file",
            "csv_unreadable",
            format!("row {row}: the file is not a readable CSV ({e})"),
        )
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.headers().map_err(unreadable)?.clone();
    let columns = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_owned(), i))
        .collect();
    let records = reader
        .records()
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    Ok((columns, records))
}

/// A CSV file being written, its header row first.
fn csv_with(header: &[&str]) -> Result<csv::Writer<Vec<u8>>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header).map_err(csv_failed)?;
    Ok(out)
}

/// The bytes of a CSV file written whole.
fn csv_done(out: csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    out.into_inner()
        .map_err(|e| Error::from(store::Error::Corrupt(e.to_string())))
}

fn csv_failed(e: csv::Error) -> Error {
    Error::from(store::Error::Corrupt(e.to_string()))
}

/// Each product's handle by its id, for the exports.
async fn handles(shop: &crate::Shop) -> Result<HashMap<i64, String>> {
    let mut conn = shop.store.read().await?;
    Ok(store::catalog::handles(&mut conn)
        .await?
        .into_iter()
        .collect())
}

/// The file's records as rows, numbered as a spreadsheet shows them (the header is row 1).
fn rows<'a>(
    records: &'a [csv::StringRecord],
    columns: &'a HashMap<String, usize>,
) -> impl Iterator<Item = Row<'a>> {
    records.iter().enumerate().map(|(i, record)| Row {
        number: i as u64 + 2,
        record,
        columns,
    })
}

/// Reads the file: the format from its header row, then every record.
fn parse(bytes: &[u8]) -> Result<Parsed> {
    let (columns, records) = read_csv(bytes)?;
    let format = if columns.contains_key("Handle") && columns.contains_key("Variant Price") {
        Format::Shopify
    } else if ["Type", "SKU", "Name", "Regular price"]
        .iter()
        .all(|c| columns.contains_key(*c))
    {
        Format::WooCommerce
    } else {
        return Err(Error::field(
            "file",
            "import_format_unknown",
            "the header row is neither a Shopify product export's (Handle, Title, Variant Price...) nor a WooCommerce one's (ID, Type, SKU, Name, Regular price...)",
        ));
    };
    let rows = rows(&records, &columns);
    let drafts = match format {
        Format::Shopify => shopify::read(rows),
        Format::WooCommerce => woocommerce::read(rows),
    };
    Ok(Parsed {
        format,
        rows: records.len() as u64,
        drafts,
    })
}

/// An amount in the shop's currency as the file writes it, in minor units.
fn amount(
    draft: &mut Draft,
    row: u64,
    column: &'static str,
    raw: &str,
    required: bool,
) -> Option<i64> {
    if raw.is_empty() && !required {
        return None;
    }
    match domain::money::parse_amount(raw) {
        Ok(minor) => Some(minor),
        Err(invalid) => {
            draft.problems.push((row, column, invalid));
            None
        }
    }
}

/// A weight in grams from a decimal number of `unit` grams (1 for Shopify, 1000 for kg).
fn grams(draft: &mut Draft, row: u64, column: &'static str, raw: &str, unit: f64) -> i64 {
    if raw.is_empty() {
        return 0;
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 && w * unit <= 1_000_000.0 => (w * unit).round() as i64,
        _ => {
            draft.problems.push((
                row,
                column,
                domain::Invalid::new("weight_invalid", format!("'{raw}' is not a weight")),
            ));
            0
        }
    }
}

/// A description written in HTML as plain text: line breaks for `<br>` and the ends of
/// paragraphs and list items, other tags left out, the common entities read.
fn html_to_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_owned();
    }
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end]
            .trim()
            .trim_end_matches('/')
            .trim()
            .to_ascii_lowercase();
        let name = tag.split_whitespace().next().unwrap_or_default();
        let breaks = matches!(
            name,
            "br" | "/p" | "/div" | "/li" | "/h1" | "/h2" | "/h3" | "/h4" | "/h5" | "/h6" | "/tr"
        );
        if breaks {
            text.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find('&') {
        decoded.push_str(&rest[..start]);
        let entity = rest[start..]
            .find(';')
            .map(|end| &rest[start + 1..start + end]);
        let char = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            "rsquo" => Some('\u{2019}'),
            "mdash" => Some('\u{2014}'),
            "ndash" => Some('\u{2013}'),
            _ => e
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        });
        match (char, entity) {
            (Some(c), Some(e)) => {
                decoded.push(c);
                rest = &rest[start + e.len() + 2..];
            }
            _ => {
                decoded.push('&');
                rest = &rest[start + 1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded.trim().to_owned()
}

/// A category's code made from its name: `T-Shirts & Tops` is `t-shirts-tops`.
fn category_code(name: &str) -> String {
    let mut code = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            code.push(c);
        } else if !code.is_empty() && !code.ends_with('-') {
            code.push('-');
        }
    }
    let code: String = code.trim_end_matches('-').chars().take(60).collect();
    let code = code.trim_end_matches('-').to_owned();
    if code.is_empty() && !name.trim().is_empty() {
        // A name in another alphabet: a code that is the same each time the name is.
        use sha2::Digest;
        let hash = hex::encode(sha2::Sha256::digest(name.trim().as_bytes()));
        format!("category-{}", &hash[..8])
    } else {
        code
    }
}

/// The name a photo is kept under: the last part of its URL's path.
fn photo_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("photo")
        .to_owned()
}

/// A variant as a file row gives it, before it is checked.
fn variant(
    sku: &str,
    options: BTreeMap<String, String>,
    price_minor: Option<i64>,
    compare_at_minor: Option<i64>,
    weight_grams: i64,
    barcode: &str,
) -> NewVariant {
    NewVariant {
        id: None,
        sku: sku.to_owned(),
        options,
        price_minor: price_minor.unwrap_or_default(),
        compare_at_minor,
        weight_grams,
        barcode: Some(barcode.trim_start_matches('\'').to_owned()).filter(|b| !b.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_descriptions_become_text() {
        assert_eq!(
            html_to_text("<p>Warm &amp; soft</p><p>Wool</p>"),
            "Warm & soft\nWool"
        );
        assert_eq!(html_to_text("a<br>b<br />c &lt;3"), "a\nb\nc <3");
        assert_eq!(html_to_text("plain text"), "plain text");
        assert_eq!(html_to_text("AT&T <b>bold"), "AT&T bold");
        assert_eq!(html_to_text("&#1064;"), "Ш");
    }

    #[test]
    fn category_codes_are_made_from_names() {
        assert_eq!(category_code("T-Shirts & Tops"), "t-shirts-tops");
        assert_eq!(category_code(" Knitwear "), "knitwear");
        assert!(category_code("Шапки").starts_with("category-"));
        assert_eq!(category_code("Шапки"), category_code("Шапки"));
    }

    #[test]
    fn photos_are_named_by_the_end_of_their_url() {
        assert_eq!(photo_name("http://x.example/img/tee.jpg?v=2"), "tee.jpg");
        assert_eq!(photo_name("http://x.example/"), "photo");
    }
}
