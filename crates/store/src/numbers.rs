//! The numbers customers and providers hold are never handed out twice, even after the
//! database is restored from a backup: an order's number, and a message's id, which is the
//! idempotency key an SMS gateway drops repeats by and the reference of its delivery reports.
//!
//! PostgreSQL takes them from each table's identity sequence. SQLite gives a new row one more
//! than the highest id in its table, which a restore would take back to the backup's; so on
//! SQLite the next id is also at least the table's floor in `id_floors`, which [`skip`] raises.

use sqlx::AssertSqlSafe;

use crate::{Backend, Conn, Result, Store};

/// A table whose ids leave the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Orders,
    Messages,
}

impl Numbered {
    pub const ALL: [Self; 2] = [Self::Orders, Self::Messages];

    pub fn table(self) -> &'static str {
        match self {
            Self::Orders => "orders",
            Self::Messages => "messages",
        }
    }
}

/// The id for the next row of `numbered`, taken inside the transaction that inserts it (on
/// SQLite that transaction is the only writer, so no other can take the same).
pub async fn next(conn: &mut Conn, numbered: Numbered) -> Result<i64> {
    let table = numbered.table();
    let query = if conn.backend_name() == "PostgreSQL" {
        format!("SELECT nextval(pg_get_serial_sequence('{table}', 'id'))")
    } else {
        format!(
            "SELECT MAX(COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, \
             COALESCE((SELECT next_id FROM id_floors WHERE name = '{table}'), 1))"
        )
    };
    Ok(sqlx::query_scalar(AssertSqlSafe(query))
        .fetch_one(conn)
        .await?)
}

/// Makes the next id of every numbered table `gap` more than the highest it holds or has
/// handed out, and answers the next order number.
pub async fn skip(store: &Store, gap: i64) -> Result<i64> {
    let mut tx = store.begin_write().await?;
    let mut next_order = 0;
    for numbered in Numbered::ALL {
        let table = numbered.table();
        let query = match store.backend() {
            Backend::Postgres => format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), \
                 COALESCE(pg_sequence_last_value(CAST(pg_get_serial_sequence('{table}', 'id') AS regclass)), 0)) \
                 + $1 - 1) + 1"
            ),
            Backend::Sqlite => format!(
                "INSERT INTO id_floors (name, next_id) \
                 VALUES ('{table}', MAX(COALESCE((SELECT MAX(id) FROM {table}), 0), \
                 COALESCE((SELECT next_id - 1 FROM id_floors WHERE name = '{table}'), 0)) + $1) \
                 ON CONFLICT (name) DO UPDATE SET next_id = excluded.next_id RETURNING next_id"
            ),
        };
        let next: i64 = sqlx::query_scalar(AssertSqlSafe(query))
            .bind(gap)
            .fetch_one(&mut *tx)
            .await?;
        if numbered == Numbered::Orders {
            next_order = next;
        }
    }
    tx.commit().await?;
    Ok(next_order)
}
