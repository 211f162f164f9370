//! The catalogue as a Shopify product CSV: a row per variant (archived ones left out), the
//! product's own fields on its first, and a row per photo after the first, each by the
//! address the storefront serves it at. Importing it into the same shop changes nothing.

use std::collections::{BTreeSet, HashMap};

use domain::access::Permission;

use super::shopify::HEADER;
use crate::access::Actor;
use crate::catalog::categories::capitalised;
use crate::{Result, Shop};

const PAGE: i64 = 200;

/// A description as HTML: what makes HTML escaped, each line break a `<br>`.
fn text_to_html(text: &str) -> String {
    text.replace('\r', "")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// A handle for a product that has none yet: its title's words, and its number so that two
/// products of one title differ.
pub(super) fn made_handle(title: &str, id: i64) -> String {
    let words = super::category_code(title);
    if words.is_empty() || words.starts_with("category-") {
        format!("product-{id}")
    } else {
        format!("{words}-{id}")
    }
}

fn amount(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

impl Shop {
    /// Every product as a Shopify product CSV.
    pub async fn export_products(&self, actor: &Actor) -> Result<Vec<u8>> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let base = settings.public_url.trim_end_matches('/').to_owned();
        let categories: HashMap<String, String> = self
            .categories()
            .await?
            .into_iter()
            .map(|c| (c.code, c.name))
            .collect();
        let handles = super::handles(self).await?;
        let mut out = super::csv_with(&HEADER)?;
        let mut offset = 0;
        loop {
            let page = self.products("", PAGE, offset).await?;
            for product in &page {
                let handle = handles
                    .get(&product.id)
                    .cloned()
                    .unwrap_or_else(|| made_handle(&product.title, product.id));
                let variants: Vec<_> = product.variants.iter().filter(|v| !v.archived).collect();
                let names: Vec<String> = variants
                    .iter()
                    .flat_map(|v| v.options.keys().cloned())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .take(3)
                    .collect();
                let photos = self.photos(product.id).await?;
                let rows = variants.len().max(photos.len()).max(1);
                for i in 0..rows {
                    let mut row = vec![String::new(); HEADER.len()];
                    row[0] = handle.clone();
                    if i == 0 {
                        row[1] = product.title.clone();
                        row[2] = text_to_html(&product.description);
                        row[5] = categories
                            .get(&product.category)
                            .cloned()
                            .unwrap_or_default();
                        row[7] = (product.status == "active").to_string();
                        row[22] = product.status.clone();
                    }
                    if let Some(v) = variants.get(i) {
                        for (k, name) in names.iter().enumerate() {
                            if let Some(value) = v.options.get(name) {
                                row[8 + 2 * k] = capitalised(name);
                                row[9 + 2 * k] = value.clone();
                            }
                        }
                        if names.is_empty() {
                            row[8] = "Title".into();
                            row[9] = "Default Title".into();
                        }
                        row[14] = v.sku.clone();
                        row[15] = v.weight_grams.to_string();
                        row[16] = amount(v.price.amount_minor);
                        row[17] = v
                            .compare_at
                            .as_ref()
                            .map_or_else(String::new, |c| amount(c.amount_minor));
                        row[18] = v.barcode.clone().unwrap_or_default();
                    }
                    if let Some(photo) = photos.get(i)
                        && let Some(largest) = photo.sizes.last()
                    {
                        row[19] = format!("{base}{}", largest.url);
                        row[20] = (i + 1).to_string();
                        row[21] = photo
                            .alt
                            .get(&settings.default_locale)
                            .cloned()
                            .unwrap_or_default();
                    }
                    out.write_record(&row).map_err(super::csv_failed)?;
                }
            }
            if (page.len() as i64) < PAGE {
                break;
            }
            offset += PAGE;
        }
        super::csv_done(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_come_back_as_they_went() {
        let text = "Warm & soft <wool>\nHand wash";
        assert_eq!(super::super::html_to_text(&text_to_html(text)), text);
    }

    #[test]
    fn amounts_are_written_with_two_decimals() {
        assert_eq!(amount(39_850), "398.50");
        assert_eq!(amount(5), "0.05");
    }
}
