-- Customer accounts on the storefront. No password is kept: a sign-in link, sent to a contact
-- the card holds, proves the person; it opens a session. Only hashes of both are stored.

CREATE TABLE account_links (
    token_hash  TEXT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    contact     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX account_links_contact ON account_links (contact, created_at);
CREATE INDEX account_links_customer ON account_links (customer_id);

CREATE TABLE account_sessions (
    token_hash  TEXT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX account_sessions_customer ON account_sessions (customer_id);

-- A card whose owner had their personal data erased keeps its orders for the books, and when.
ALTER TABLE customers ADD COLUMN erased_at BIGINT;
