-- Who asked for a sign-in link: a hash of their network address, never the address itself, so
-- one sender cannot have links sent to many phones at the shop's cost.
ALTER TABLE account_links ADD COLUMN sender TEXT NOT NULL DEFAULT '';
CREATE INDEX account_links_sender ON account_links (sender, created_at);
