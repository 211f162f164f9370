-- The core: catalogue, stock, customers, orders and their timeline, API tokens, settings.
-- Times are integer milliseconds since the Unix epoch, UTC. Money is integer minor units.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    category    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE variants (
    id           INTEGER PRIMARY KEY,
    product_id   BIGINT NOT NULL REFERENCES products (id),
    sku          TEXT NOT NULL UNIQUE,
    options      TEXT NOT NULL,
    price_minor  BIGINT NOT NULL,
    weight_grams BIGINT NOT NULL,
    barcode      TEXT UNIQUE
);
CREATE INDEX variants_product ON variants (product_id);

CREATE TABLE locations (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    city            TEXT NOT NULL,
    lead_time_days  BIGINT NOT NULL,
    cutoff          TEXT NOT NULL
);

CREATE TABLE stock (
    id          INTEGER PRIMARY KEY,
    variant_id  BIGINT NOT NULL REFERENCES variants (id),
    location_id BIGINT NOT NULL REFERENCES locations (id),
    on_hand     BIGINT NOT NULL,
    reserved    BIGINT NOT NULL DEFAULT 0,
    bin         TEXT NOT NULL,
    UNIQUE (variant_id, location_id),
    CHECK (reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE customers (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    birthday       TEXT,
    locale         TEXT,
    consent_at     BIGINT,
    consent_source TEXT,
    created_at     BIGINT NOT NULL
);

CREATE TABLE customer_contacts (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id);

CREATE TABLE customer_addresses (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    line        TEXT NOT NULL,
    city        TEXT NOT NULL,
    postcode    TEXT NOT NULL,
    country     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (customer_id, line, city, postcode, country)
);

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    customer_id      BIGINT NOT NULL REFERENCES customers (id),
    channel          TEXT NOT NULL,
    stage            TEXT NOT NULL,
    holds            TEXT NOT NULL,
    payment_mode     TEXT,
    delivery_method  TEXT,
    customer_name    TEXT NOT NULL,
    phone            TEXT,
    email            TEXT,
    address_line     TEXT,
    city             TEXT,
    postcode         TEXT,
    country          TEXT,
    pickup_point     TEXT,
    note             TEXT NOT NULL,
    currency         TEXT NOT NULL,
    subtotal_minor   BIGINT NOT NULL,
    delivery_minor   BIGINT NOT NULL,
    total_minor      BIGINT NOT NULL,
    paid_minor       BIGINT NOT NULL,
    tracking_number  TEXT,
    idempotency_key  TEXT UNIQUE,
    request_hash     TEXT,
    version          BIGINT NOT NULL,
    placed_at        BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_stage ON orders (stage, placed_at);

CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    order_id         BIGINT NOT NULL REFERENCES orders (id),
    line_no          BIGINT NOT NULL,
    variant_id       BIGINT NOT NULL REFERENCES variants (id),
    sku              TEXT NOT NULL,
    title            TEXT NOT NULL,
    options          TEXT NOT NULL,
    quantity         BIGINT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    note             TEXT NOT NULL,
    status           TEXT NOT NULL,
    UNIQUE (order_id, line_no)
);

CREATE TABLE reservations (
    id       INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    line_no  BIGINT NOT NULL,
    stock_id BIGINT NOT NULL REFERENCES stock (id),
    quantity BIGINT NOT NULL,
    state    TEXT NOT NULL
);
CREATE INDEX reservations_order ON reservations (order_id);

CREATE TABLE order_events (
    id       INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    at       BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    data     TEXT NOT NULL,
    reason   TEXT
);
CREATE INDEX order_events_order ON order_events (order_id, id);
