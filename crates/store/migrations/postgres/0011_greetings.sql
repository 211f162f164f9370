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
-- delivery price off instead of a percentage (AF-8).
ALTER TABLE coupons ALTER COLUMN source_order DROP NOT NULL;
ALTER TABLE coupons ADD COLUMN customer_id BIGINT REFERENCES customers (id);
ALTER TABLE coupons ADD COLUMN free_delivery BIGINT NOT NULL DEFAULT 0;
CREATE INDEX coupons_customer ON coupons (customer_id);
