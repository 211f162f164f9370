-- Orders paid at checkout that wait for the provider's word (PY-1): what the order becomes once
-- paid, decided at intake, the checkout the visitor was sent to, the cart to empty, and when the
-- stock goes back if no payment came.
CREATE TABLE paying_orders (
    order_id    BIGINT PRIMARY KEY REFERENCES orders (id),
    opens_as    TEXT NOT NULL,
    checkout_id TEXT,
    cart        TEXT NOT NULL,
    expires_at  BIGINT NOT NULL
);
