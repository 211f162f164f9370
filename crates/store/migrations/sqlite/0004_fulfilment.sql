-- Fulfilment: what the packer checked, flaws, parcels and inserts, coupons, shipments and the
-- carriers' reports, couriers with their cash and ratings (AS-1..5, DL-1..7, PY-5).

ALTER TABLE orders ADD COLUMN discount_minor BIGINT NOT NULL DEFAULT 0;

CREATE TABLE scans (
    id       INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    line_no  BIGINT,
    code     TEXT NOT NULL,
    accepted BIGINT NOT NULL,
    message  TEXT NOT NULL,
    actor    TEXT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX scans_order ON scans (order_id);

CREATE TABLE defects (
    id             INTEGER PRIMARY KEY,
    order_id       BIGINT NOT NULL REFERENCES orders (id),
    line_no        BIGINT NOT NULL,
    severity       TEXT NOT NULL,
    note           TEXT NOT NULL,
    discount_minor BIGINT NOT NULL,
    answer         TEXT,
    at             BIGINT NOT NULL,
    resolved_at    BIGINT
);
CREATE INDEX defects_order ON defects (order_id);

CREATE TABLE parcels (
    order_id     BIGINT PRIMARY KEY REFERENCES orders (id),
    packaging    TEXT NOT NULL,
    weight_grams BIGINT NOT NULL,
    inserts      TEXT NOT NULL,
    coupon_code  TEXT,
    packed_at    BIGINT NOT NULL,
    actor        TEXT NOT NULL
);

CREATE TABLE coupons (
    code          TEXT PRIMARY KEY,
    percent       BIGINT NOT NULL,
    source_order  BIGINT NOT NULL REFERENCES orders (id),
    expires_at    BIGINT NOT NULL,
    used_by_order BIGINT,
    created_at    BIGINT NOT NULL
);

CREATE TABLE couriers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    phone      TEXT NOT NULL,
    active     BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE shipments (
    order_id        BIGINT PRIMARY KEY REFERENCES orders (id),
    method          TEXT NOT NULL,
    carrier         TEXT NOT NULL,
    tracking_number TEXT,
    tracking_url    TEXT,
    pickup_code     TEXT,
    pickup_until    TEXT,
    status          TEXT NOT NULL,
    carrier_estimate TEXT,
    last_scan_at    BIGINT NOT NULL,
    courier_id      BIGINT REFERENCES couriers (id),
    route_date      TEXT,
    handed_over_at  BIGINT,
    delivered_at    BIGINT,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX shipments_status ON shipments (status);
CREATE INDEX shipments_courier ON shipments (courier_id, route_date);

-- A carrier may repeat a report; each is taken once.
CREATE TABLE carrier_events (
    id          INTEGER PRIMARY KEY,
    carrier     TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    order_id    BIGINT NOT NULL REFERENCES orders (id),
    status      TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (carrier, event_id)
);

CREATE TABLE cash_entries (
    id             INTEGER PRIMARY KEY,
    courier_id     BIGINT NOT NULL REFERENCES couriers (id),
    order_id       BIGINT REFERENCES orders (id),
    kind           TEXT NOT NULL,
    amount_minor   BIGINT NOT NULL,
    receipt_number TEXT UNIQUE,
    day            TEXT NOT NULL,
    at             BIGINT NOT NULL,
    actor          TEXT NOT NULL
);
CREATE INDEX cash_entries_day ON cash_entries (day, courier_id);
-- One collection per order: a customer is never asked to pay twice (PY-5).
CREATE UNIQUE INDEX cash_entries_one_collection ON cash_entries (order_id) WHERE kind = 'collected';

CREATE TABLE courier_ratings (
    order_id   BIGINT PRIMARY KEY REFERENCES orders (id),
    courier_id BIGINT NOT NULL REFERENCES couriers (id),
    stars      BIGINT NOT NULL,
    comment    TEXT NOT NULL,
    bonus_minor BIGINT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX courier_ratings_courier ON courier_ratings (courier_id);
