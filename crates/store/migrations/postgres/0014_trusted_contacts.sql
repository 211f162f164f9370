-- A sign-in link goes only to a contact that opened its card. A contact an order added to a
-- card someone else opened (a phone that matched, with a new email beside it) is not trusted:
-- otherwise whoever knows a customer's phone could add their own email and sign in as them.
-- Contacts kept before this column are trusted as they were.
ALTER TABLE customer_contacts ADD COLUMN trusted BIGINT NOT NULL DEFAULT 1;
