-- Outgoing webhooks: the endpoints the owner adds, and each event's delivery to each of them.

-- `events` is a JSON array of event names; `secret` signs every delivery (HMAC-SHA256), so it
-- is kept as it was made. A removed endpoint keeps its row for its deliveries' sake.
CREATE TABLE webhook_endpoints (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL,
    events     TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    removed_at BIGINT
);

-- One event for one endpoint: `body` is the JSON posted, the same at every attempt, with
-- `event_id` in it for the receiver to drop a copy. `state` is `queued`, `delivered`, `dead`
-- (after the last attempt failed) or `dropped` (its endpoint was removed).
CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    endpoint_id  BIGINT NOT NULL REFERENCES webhook_endpoints (id),
    event_id     TEXT NOT NULL,
    event        TEXT NOT NULL,
    body         TEXT NOT NULL,
    state        TEXT NOT NULL,
    attempts     BIGINT NOT NULL DEFAULT 0,
    last_status  BIGINT,
    last_error   TEXT,
    created_at   BIGINT NOT NULL,
    delivered_at BIGINT,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_state ON webhook_deliveries (state, id);
