-- The shop's suppliers and what it orders from them (ST-2): a purchase order's lines are
-- received, in part or whole, into one of the shop's own locations as goods receipts in the
-- stock ledger.
CREATE TABLE suppliers (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL,
    lead_time_days BIGINT NOT NULL,
    note           TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);

-- `state` is open, received (every line in full) or cancelled; `expected_on` the day the
-- supplier promised, in the shop's calendar.
CREATE TABLE purchase_orders (
    id              INTEGER PRIMARY KEY,
    supplier_id     BIGINT NOT NULL REFERENCES suppliers (id),
    location_id     BIGINT NOT NULL REFERENCES locations (id),
    state           TEXT NOT NULL,
    expected_on     TEXT NOT NULL,
    note            TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    idempotency_key TEXT UNIQUE,
    request_hash    TEXT
);
CREATE INDEX purchase_orders_state ON purchase_orders (state, expected_on);

CREATE TABLE purchase_order_lines (
    purchase_order_id BIGINT NOT NULL REFERENCES purchase_orders (id),
    line_no           BIGINT NOT NULL,
    variant_id        BIGINT NOT NULL REFERENCES variants (id),
    quantity          BIGINT NOT NULL,
    received          BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (purchase_order_id, line_no),
    CHECK (received >= 0 AND received <= quantity)
);
