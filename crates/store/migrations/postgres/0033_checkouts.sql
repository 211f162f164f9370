-- Checkouts a payment provider reported paid, each taken once: the webhook and the customer's
-- return from the checkout may both report the same one, and the same webhook may come again.
CREATE TABLE checkouts_taken (
    provider    TEXT NOT NULL,
    checkout_id TEXT NOT NULL,
    order_id    BIGINT NOT NULL REFERENCES orders (id),
    at          BIGINT NOT NULL,
    PRIMARY KEY (provider, checkout_id)
);
