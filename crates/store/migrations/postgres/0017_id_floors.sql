-- The lowest id the next row of a table may take. SQLite gives a new row one more than the
-- highest id in its table, so once a database is restored from a backup, the order numbers
-- handed out since the backup would be handed out again; a restore raises the floor past
-- them. PostgreSQL sets its identity sequences instead, and leaves this table empty.
CREATE TABLE id_floors (
    name    TEXT PRIMARY KEY,
    next_id BIGINT NOT NULL
);
