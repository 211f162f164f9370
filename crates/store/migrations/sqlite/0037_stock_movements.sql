-- The stock ledger: every change to what a shelf holds is a movement with who, when and why
-- (ST-2, ST-3, AS-2, AF-1). `quantity` is the signed change to `stock.on_hand`, and
-- `on_hand_after` what the shelf held after it, so a stock row's movements always sum to its
-- count. `kind` is one of opening, receipt, count, adjustment, sale, return, write_off,
-- transfer_out, transfer_in; `order_id` names the order a sale, return or packing write-off
-- belongs to.
CREATE TABLE stock_movements (
    id            INTEGER PRIMARY KEY,
    stock_id      BIGINT NOT NULL REFERENCES stock (id),
    kind          TEXT NOT NULL,
    quantity      BIGINT NOT NULL,
    on_hand_after BIGINT NOT NULL,
    reason        TEXT NOT NULL,
    order_id      BIGINT REFERENCES orders (id),
    actor         TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX stock_movements_stock ON stock_movements (stock_id, id);

-- What the shelves held before the ledger began is each row's opening count.
INSERT INTO stock_movements (stock_id, kind, quantity, on_hand_after, reason, actor, created_at)
SELECT id, 'opening', on_hand, on_hand, '', 'system', 0 FROM stock;

-- At or below this many units available across the shop's own shelves, a variant is low
-- and the dashboard asks for a reorder; NULL for below the shop's `low_stock_units`.
ALTER TABLE variants ADD COLUMN low_stock_at BIGINT;
