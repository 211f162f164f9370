//! The text searches read, lowercased by Rust. SQLite's `LOWER` folds only ASCII ("Øyvind"
//! stays "Øyvind"), and PostgreSQL's depends on the database's locale, so each searchable row
//! keeps a `search` column written with the row, and a search compares it with
//! [`crate::contains_pattern`], lowercased the same way.

use sqlx::Row;

use crate::Result;

/// The parts of a row's search text, lowercased, one per line; a missing part is empty.
pub fn folded(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .map(|part| part.unwrap_or_default().to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table with a `search` column and the columns its text is made of.
struct Searchable {
    table: &'static str,
    columns: &'static str,
}

const SEARCHABLE: [Searchable; 3] = [
    Searchable {
        table: "products",
        columns: "title, description",
    },
    Searchable {
        table: "orders",
        columns: "customer_name, phone, email",
    },
    Searchable {
        table: "customers",
        columns: "name",
    },
];

/// Fills the search text of rows written before it existed, a batch at a time; returns how
/// many it filled. Running it again, or on several instances at once, writes the same values.
pub async fn fill(store: &crate::Store) -> Result<usize> {
    let mut filled = 0;
    for searchable in &SEARCHABLE {
        filled += fill_table(store, searchable).await?;
    }
    Ok(filled)
}

async fn fill_table(store: &crate::Store, searchable: &Searchable) -> Result<usize> {
    let Searchable { table, columns } = searchable;
    let mut filled = 0;
    loop {
        let mut tx = store.begin_write().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, {columns} FROM {table} WHERE search IS NULL ORDER BY id LIMIT 500"
        )))
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        for row in &rows {
            let id: i64 = row.try_get(0)?;
            let parts = (1..row.len())
                .map(|i| row.try_get::<Option<String>, _>(i))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let parts: Vec<Option<&str>> = parts.iter().map(Option::as_deref).collect();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET search = $1 WHERE id = $2"
            )))
            .bind(folded(&parts))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        filled += rows.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alphabet_is_folded_and_a_missing_part_is_empty() {
        assert_eq!(
            folded(&[Some("Øyvind Ærø"), None, Some("ANNA@Example.NO")]),
            "øyvind ærø\n\nanna@example.no"
        );
        assert_eq!(folded(&[Some("ПЛАТЬЕ Ёлка")]), "платье ёлка");
    }
}
