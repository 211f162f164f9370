-- Messages visitors send from the contacts page, each waiting for a person's answer (SU-1); the
-- lowercase text storefront search reads; and carts found by age for the daily clean-up.

-- A message and its answer. `order_named` is the number the visitor gave; `order_id` links it
-- only when that order belongs to the visitor's contact. `sender` is a hash of the visitor's
-- address, enough to count their messages per hour without keeping the address itself.
-- `form_key` makes a resent form return the first message.
CREATE TABLE inquiries (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    order_id    BIGINT REFERENCES orders (id),
    order_named BIGINT,
    name        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    contact     TEXT NOT NULL,
    locale      TEXT NOT NULL,
    body        TEXT NOT NULL,
    sender      TEXT NOT NULL,
    form_key    TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    due_at      BIGINT NOT NULL,
    answer      TEXT,
    answered_by TEXT,
    answered_at BIGINT,
    message_id  BIGINT REFERENCES messages (id)
);
CREATE INDEX inquiries_waiting ON inquiries (answered_at, due_at);
CREATE INDEX inquiries_customer ON inquiries (customer_id, id);
CREATE INDEX inquiries_contact ON inquiries (contact, created_at);
CREATE INDEX inquiries_sender ON inquiries (sender, created_at);

-- Title and description lowercased by the application, which folds every alphabet; SQLite's
-- LOWER folds only ASCII. Rows written before this column are filled in at startup.
ALTER TABLE products ADD COLUMN search TEXT;

CREATE INDEX carts_updated ON carts (updated_at);
