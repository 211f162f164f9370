-- A task may be about the whole shop rather than one order: the daily reorder task asks a
-- manager to order what runs low (ST-2). SQLite cannot drop a NOT NULL, so the table is made
-- again with the same rows; the attempts that point at it are checked at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE tasks_new (
    id         INTEGER PRIMARY KEY,
    order_id   BIGINT REFERENCES orders (id),
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    due_at     BIGINT NOT NULL,
    priority   BIGINT NOT NULL,
    assignee   TEXT,
    reason     TEXT NOT NULL,
    attempts   BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    closed_at  BIGINT
);
INSERT INTO tasks_new (id, order_id, kind, state, due_at, priority, assignee, reason, attempts,
                       created_at, closed_at)
    SELECT id, order_id, kind, state, due_at, priority, assignee, reason, attempts, created_at,
           closed_at FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_new RENAME TO tasks;
CREATE INDEX tasks_open ON tasks (state, due_at);
CREATE INDEX tasks_order ON tasks (order_id);
CREATE UNIQUE INDEX tasks_one_open ON tasks (order_id, kind) WHERE state = 'open';
-- One open task of a kind for the whole shop, however many instances open it at once.
CREATE UNIQUE INDEX tasks_one_open_for_shop ON tasks (kind) WHERE state = 'open' AND order_id IS NULL;
