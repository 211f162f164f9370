-- The keys of the shop's payment providers and carriers. Apart from the settings, so that
-- reading the settings (and their change log) never reads a key; the value is written and
-- read by the one adapter that needs it, and never shown again.
CREATE TABLE secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);
