-- Durable jobs, the manager's task queue, messages waiting to be sent, payments, and what the
-- processing rules record on an order.

CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    run_at      BIGINT NOT NULL,
    state       TEXT NOT NULL,
    attempts    BIGINT NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until BIGINT,
    dedupe_key  TEXT UNIQUE,
    last_error  TEXT,
    created_at  BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (state, run_at);

CREATE TABLE tasks (
    id         INTEGER PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id),
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
CREATE INDEX tasks_open ON tasks (state, due_at);
CREATE INDEX tasks_order ON tasks (order_id);

CREATE TABLE task_attempts (
    id      INTEGER PRIMARY KEY,
    task_id BIGINT NOT NULL REFERENCES tasks (id),
    at      BIGINT NOT NULL,
    actor   TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note    TEXT NOT NULL
);

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    order_id    BIGINT REFERENCES orders (id),
    template    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    status      TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX messages_order ON messages (order_id);

CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    order_id     BIGINT NOT NULL REFERENCES orders (id),
    kind         TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    method       TEXT NOT NULL,
    reference    TEXT NOT NULL,
    reason       TEXT NOT NULL,
    at           BIGINT NOT NULL,
    actor        TEXT NOT NULL
);
CREATE INDEX payments_order ON payments (order_id);

ALTER TABLE orders ADD COLUMN checks TEXT NOT NULL DEFAULT '[]';
ALTER TABLE orders ADD COLUMN promise_earliest TEXT;
ALTER TABLE orders ADD COLUMN promise_latest TEXT;
ALTER TABLE orders ADD COLUMN confirm_token TEXT;
ALTER TABLE orders ADD COLUMN payment_due_at BIGINT;
ALTER TABLE orders ADD COLUMN processed_at BIGINT;
CREATE UNIQUE INDEX orders_confirm_token ON orders (confirm_token);
