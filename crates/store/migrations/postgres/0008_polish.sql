-- A customer's own unsubscribe link: a random token, so no one can withdraw another person's
-- consent by guessing a number; and when consent was withdrawn, kept on the card (AF-10).

ALTER TABLE customers ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX customers_unsubscribe_token ON customers (unsubscribe_token);
ALTER TABLE customers ADD COLUMN consent_withdrawn_at BIGINT;
