-- A token may act as a person of the back office: with that person's role and name, so a
-- courier's app reads that courier's stops, and no longer once the person is disabled.
ALTER TABLE api_tokens ADD COLUMN user_id BIGINT;
