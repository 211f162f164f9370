-- A customer's review of one line of their order (AF-4): one per line, editable by its author;
-- shown on the product page once the shop publishes it, with the shop's answer (AF-5).
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    order_id      BIGINT NOT NULL REFERENCES orders (id),
    line_no       BIGINT NOT NULL,
    product_id    BIGINT,
    title         TEXT NOT NULL,
    stars         BIGINT NOT NULL,
    body          TEXT NOT NULL,
    state         TEXT NOT NULL,
    hidden_reason TEXT,
    answer        TEXT,
    answered_by   TEXT,
    answered_at   BIGINT,
    cause         TEXT,
    coupon_code   TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX reviews_one_per_line ON reviews (order_id, line_no);
CREATE INDEX reviews_of_product ON reviews (product_id, state, created_at);
CREATE INDEX reviews_by_state ON reviews (state, created_at);
