-- A refund made through a payment provider is `pending` until the provider took it, then
-- `done` (its reference the provider's refund) or `failed`; a record made by hand has none.
ALTER TABLE payments ADD COLUMN state TEXT NOT NULL DEFAULT '';
