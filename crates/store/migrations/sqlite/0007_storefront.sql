-- The storefront: carts kept on the server under a random cookie, and visitors waiting for an
-- item to come back in stock (ST-4).

CREATE TABLE carts (
    token      TEXT PRIMARY KEY,
    lines      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One request per contact and variant while it waits; `notified_at` is set when the message is
-- queued, so each request is told once, however late the stock comes.
CREATE TABLE stock_requests (
    id          INTEGER PRIMARY KEY,
    variant_id  BIGINT NOT NULL REFERENCES variants (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    channel     TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    locale      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    notified_at BIGINT
);
CREATE INDEX stock_requests_waiting ON stock_requests (variant_id, notified_at);

-- A newsletter subscription waits for the click in its confirmation email (AF-10: double
-- opt-in); only then does the customer's card record the consent.
CREATE TABLE newsletter_requests (
    token        TEXT PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customers (id),
    email        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT
);
