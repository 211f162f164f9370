-- Returns the customer asks for on their order page (AF-1, AF-2, AF-3): one per order, so a
-- form sent twice makes one return. `code` goes on the parcel; `shop_pays_percent` is the
-- share of the return shipping the shop took on when it was asked.
CREATE TABLE returns (
    order_id          BIGINT PRIMARY KEY REFERENCES orders (id),
    code              TEXT NOT NULL UNIQUE,
    note              TEXT NOT NULL,
    shop_pays_percent BIGINT NOT NULL,
    created_at        BIGINT NOT NULL
);

-- What goes back: the units of each line and why.
CREATE TABLE return_lines (
    order_id BIGINT NOT NULL REFERENCES returns (order_id),
    line_no  BIGINT NOT NULL,
    quantity BIGINT NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
