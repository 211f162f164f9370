-- After the sale (AF-7, AF-8, AF-9): each occasion a customer was written for, once. The key is
-- the customer and the occasion (`birthday:2026`, `holiday:2026-03-08`, `replenish:41:2`), so a
-- second run of the daily job, on this instance or another, finds it taken and sends nothing.
CREATE TABLE after_sale_sent (
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    occasion    TEXT NOT NULL,
    sent_at     BIGINT NOT NULL,
    PRIMARY KEY (customer_id, occasion)
);

-- A birthday or anniversary coupon belongs to a customer rather than an order, and may take the
-- delivery price off instead of a percentage (AF-8). SQLite cannot drop a NOT NULL, so the
-- table is made again with the same rows.
CREATE TABLE coupons_new (
    code          TEXT PRIMARY KEY,
    percent       BIGINT NOT NULL,
    source_order  BIGINT REFERENCES orders (id),
    expires_at    BIGINT NOT NULL,
    used_by_order BIGINT,
    created_at    BIGINT NOT NULL,
    customer_id   BIGINT REFERENCES customers (id),
    free_delivery BIGINT NOT NULL DEFAULT 0
);
INSERT INTO coupons_new (code, percent, source_order, expires_at, used_by_order, created_at)
    SELECT code, percent, source_order, expires_at, used_by_order, created_at FROM coupons;
DROP TABLE coupons;
ALTER TABLE coupons_new RENAME TO coupons;
CREATE INDEX coupons_customer ON coupons (customer_id);
