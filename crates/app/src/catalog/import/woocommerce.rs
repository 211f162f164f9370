//! WooCommerce's product CSV: a `simple` product is one row and its own variant; a `variable`
//! product's row is followed by `variation` rows whose `Parent` names it by SKU or `id:NN`,
//! each with one value of every `Attribute N name`.

use std::collections::{BTreeMap, HashMap};

use super::{Columns, Draft, Row, amount, grams, html_to_text, variant};

pub(super) const COLUMNS: Columns = Columns {
    title: "Name",
    description: "Description",
    status: "Published",
    category: "Categories",
    variants: "Type",
    sku: "SKU",
    options: "Attribute 1 value(s)",
    price: "Regular price",
    compare_at: "Regular price",
    weight: "Weight (kg)",
    barcode: "GTIN, UPC, EAN, or ISBN",
    image: "Images",
    handle: "SKU",
};

pub(super) fn read<'a>(rows: impl Iterator<Item = Row<'a>>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    // A parent by its SKU and by `id:NN`.
    let mut parents: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let types: Vec<String> = row
            .get("Type")
            .split(',')
            .map(|t| t.trim().to_lowercase())
            .collect();
        let is = |t: &str| types.iter().any(|given| given == t);
        if is("variation") {
            let parent = row.get("Parent");
            let Some(at) = parents.get(parent).copied() else {
                let sku = row.get("SKU");
                let mut orphan = Draft::new(
                    if sku.is_empty() {
                        format!("row-{}", row.number)
                    } else {
                        sku.to_owned()
                    },
                    row.number,
                );
                orphan.rows = 1;
                orphan.product.title = row.get("Name").to_owned();
                orphan.problems.push((
                    row.number,
                    "Parent",
                    domain::Invalid::new(
                        "import_parent_unknown",
                        format!("no variable product of this file is '{parent}' (by SKU or id:NN)"),
                    ),
                ));
                drafts.push(orphan);
                continue;
            };
            let draft = &mut drafts[at];
            draft.rows += 1;
            add_variant(draft, &row, true);
            for url in row.get("Images").split(',') {
                draft.image(row.number, url, "");
            }
            continue;
        }
        let sku = row.get("SKU");
        let id = row.get("ID");
        let handle = if !sku.is_empty() {
            sku.to_owned()
        } else if !id.is_empty() {
            format!("id:{id}")
        } else {
            format!("row-{}", row.number)
        };
        let mut draft = Draft::new(handle, row.number);
        draft.rows = 1;
        draft.product.title = row.get("Name").to_owned();
        let description = row.get("Description");
        draft.product.description = html_to_text(if description.is_empty() {
            row.get("Short description")
        } else {
            description
        });
        draft.product.status = match row.get("Published") {
            "0" | "-1" => "draft".into(),
            _ => "active".into(),
        };
        let first = row.get("Categories").split(',').next().unwrap_or_default();
        draft.category_name = first
            .rsplit('>')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        for url in row.get("Images").split(',') {
            draft.image(row.number, url, "");
        }
        if !is("variable") {
            add_variant(&mut draft, &row, false);
        }
        if !id.is_empty() {
            parents.insert(format!("id:{id}"), drafts.len());
        }
        if !sku.is_empty() {
            parents.insert(sku.to_owned(), drafts.len());
        }
        drafts.push(draft);
    }
    drafts
}

/// The row's variant: its price (the sale price, the regular one struck through beside it)
/// and its attributes. A simple product's attribute listing several values is no option.
fn add_variant(draft: &mut Draft, row: &Row<'_>, variation: bool) {
    let number = row.number;
    let regular = row.get("Regular price");
    let sale = row.get("Sale price");
    let (price, compare_at) = if sale.is_empty() {
        (amount(draft, number, "Regular price", regular, true), None)
    } else {
        (
            amount(draft, number, "Sale price", sale, true),
            amount(draft, number, "Regular price", regular, false),
        )
    };
    let weight = grams(draft, number, "Weight (kg)", row.get("Weight (kg)"), 1000.0);
    let mut options = BTreeMap::new();
    for n in 1.. {
        let name_column = format!("Attribute {n} name");
        if !row.has(&name_column) {
            break;
        }
        let name = row.get(&name_column);
        let value = row.get(&format!("Attribute {n} value(s)"));
        if name.is_empty() || value.is_empty() || (!variation && value.contains(',')) {
            continue;
        }
        options.insert(name.to_owned(), value.to_owned());
    }
    let new = variant(
        row.get("SKU"),
        options,
        price,
        compare_at,
        weight,
        row.get(COLUMNS.barcode),
    );
    draft.product.variants.push(new);
    draft.variant_rows.push(number);
}
