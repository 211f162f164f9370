-- A goods receipt names the purchase order it received (ST-2), so its history links to it in
-- the reader's language instead of carrying the order's number as text.
ALTER TABLE stock_movements ADD COLUMN purchase_order_id BIGINT REFERENCES purchase_orders (id);
