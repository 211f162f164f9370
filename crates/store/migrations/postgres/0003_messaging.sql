-- Delivering messages: what was sent, through which provider, and the shop's own templates.

ALTER TABLE messages ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE messages ADD COLUMN subject TEXT;
ALTER TABLE messages ADD COLUMN body TEXT;
ALTER TABLE messages ADD COLUMN provider_id TEXT;
ALTER TABLE messages ADD COLUMN error TEXT;
ALTER TABLE messages ADD COLUMN sent_at BIGINT;
ALTER TABLE messages ADD COLUMN marketing BIGINT NOT NULL DEFAULT 0;
CREATE INDEX messages_customer ON messages (customer_id, id);
CREATE INDEX messages_status ON messages (status, id);

ALTER TABLE customer_contacts ADD COLUMN invalid_at BIGINT;
ALTER TABLE customers ADD COLUMN preferred_channel TEXT;

CREATE TABLE templates (
    key        TEXT NOT NULL,
    channel    TEXT NOT NULL,
    locale     TEXT NOT NULL,
    subject    TEXT,
    body       TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (key, channel, locale)
);

-- One open task of a kind per order, whatever races.
CREATE UNIQUE INDEX tasks_one_open ON tasks (order_id, kind) WHERE state = 'open';
