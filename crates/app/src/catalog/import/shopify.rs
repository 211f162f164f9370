//! Shopify's product CSV: rows of one product share a `Handle`; the first carries the
//! product's own fields, each row a variant (its options in `Option1..3 Name/Value`) and the
//! rows may name photos in `Image Src`, some rows nothing but a photo.

use std::collections::{BTreeMap, HashMap};

use super::{Columns, Draft, Row, amount, grams, html_to_text, variant};

pub(super) const COLUMNS: Columns = Columns {
    title: "Title",
    description: "Body (HTML)",
    status: "Status",
    category: "Type",
    variants: "Variant Price",
    sku: "Variant SKU",
    options: "Option1 Value",
    price: "Variant Price",
    compare_at: "Variant Compare At Price",
    weight: "Variant Grams",
    barcode: "Variant Barcode",
    image: "Image Src",
    handle: "Handle",
};

/// The header row of an export, as [`super::export`] writes it.
pub(super) const HEADER: [&str; 23] = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Product Category",
    "Type",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Price",
    "Variant Compare At Price",
    "Variant Barcode",
    "Image Src",
    "Image Position",
    "Image Alt Text",
    "Status",
];

const OPTION_NAMES: [&str; 3] = ["Option1 Name", "Option2 Name", "Option3 Name"];
const OPTION_VALUES: [&str; 3] = ["Option1 Value", "Option2 Value", "Option3 Value"];

pub(super) fn read<'a>(rows: impl Iterator<Item = Row<'a>>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_handle: HashMap<String, usize> = HashMap::new();
    // The option names a product's first row gives, for the rows after it that leave them out.
    let mut names: Vec<[String; 3]> = Vec::new();
    for row in rows {
        let handle = row.get("Handle").to_owned();
        let at = match by_handle.get(&handle) {
            Some(at) => *at,
            None => {
                let mut draft = Draft::new(handle.clone(), row.number);
                if handle.is_empty() {
                    draft.problems.push((
                        row.number,
                        "Handle",
                        domain::Invalid::new(
                            "handle_missing",
                            "every row needs its product's Handle",
                        ),
                    ));
                }
                product_fields(&mut draft, &row);
                by_handle.insert(handle, drafts.len());
                drafts.push(draft);
                names.push(Default::default());
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[at];
        let names = &mut names[at];
        draft.rows += 1;
        let mut options = BTreeMap::new();
        for (k, (name_column, value_column)) in OPTION_NAMES.iter().zip(OPTION_VALUES).enumerate() {
            let given = row.get(name_column);
            if !given.is_empty() {
                names[k] = given.to_owned();
            }
            let value = row.get(value_column);
            if value.is_empty() {
                continue;
            }
            // A product without options has one variant named "Default Title".
            if names[k] == "Title" && value == "Default Title" {
                continue;
            }
            if names[k].is_empty() {
                draft.problems.push((
                    row.number,
                    name_column,
                    domain::Invalid::new("option_invalid", "an option's value needs its name"),
                ));
                continue;
            }
            options.insert(names[k].clone(), value.to_owned());
        }
        let is_variant = ["Variant SKU", "Variant Price", "Option1 Value"]
            .iter()
            .any(|c| !row.get(c).is_empty());
        if is_variant {
            let number = row.number;
            let price = amount(draft, number, COLUMNS.price, row.get("Variant Price"), true);
            let compare_at = amount(
                draft,
                number,
                COLUMNS.compare_at,
                row.get("Variant Compare At Price"),
                false,
            );
            let weight = grams(draft, number, COLUMNS.weight, row.get("Variant Grams"), 1.0);
            let new = variant(
                row.get("Variant SKU"),
                options,
                price,
                compare_at,
                weight,
                row.get("Variant Barcode"),
            );
            draft.product.variants.push(new);
            draft.variant_rows.push(number);
        }
        draft.image(row.number, row.get("Image Src"), row.get("Image Alt Text"));
        draft.image(row.number, row.get("Variant Image"), "");
    }
    drafts
}

/// The product's own fields, from its first row.
fn product_fields(draft: &mut Draft, row: &Row<'_>) {
    draft.product.title = row.get("Title").to_owned();
    draft.product.description = html_to_text(row.get("Body (HTML)"));
    let status = row.get("Status").to_lowercase();
    draft.product.status = if !status.is_empty() {
        status
    } else if row.has("Published") && row.get("Published").eq_ignore_ascii_case("false") {
        "draft".into()
    } else {
        "active".into()
    };
    let category = row.get("Product Category");
    draft.category_name = if !row.get("Type").is_empty() {
        row.get("Type").to_owned()
    } else {
        category
            .rsplit('>')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
}
