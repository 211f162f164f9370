-- The catalogue run from the back office: a product's status (draft, active, archived) and
-- its texts in the shop's languages; categories with a name per language, an order and a
-- parent; translations of option names and values; a sale's compare-at price; and the key
-- that makes creating a product safe to retry.

-- Products sold so far stay on sale. `texts` is a JSON object of locale to
-- {"title", "description"}; the columns `title` and `description` stay the text shown where a
-- language has none.
ALTER TABLE products ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE products ADD COLUMN texts TEXT NOT NULL DEFAULT '{}';
ALTER TABLE products ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN idempotency_key TEXT;
ALTER TABLE products ADD COLUMN request_hash TEXT;
CREATE UNIQUE INDEX products_idempotency_key ON products (idempotency_key);
CREATE INDEX products_status_category ON products (status, category);
UPDATE products SET updated_at = created_at;

-- The old price a sale strikes through, above the price when set; and when a variant stopped
-- being sold (it stays for the orders that hold it).
ALTER TABLE variants ADD COLUMN compare_at_minor BIGINT;
ALTER TABLE variants ADD COLUMN archived_at BIGINT;

-- A product's `category` is the code of one of these. `name` is shown where `names` (a JSON
-- object of locale to name) has no entry for the language. An archived category is not shown.
CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    parent_id  BIGINT REFERENCES categories (id),
    position   BIGINT NOT NULL DEFAULT 0,
    name       TEXT NOT NULL,
    names      TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    archived_at BIGINT
);

-- Every category products already have, named after its code until the owner names it.
INSERT INTO categories (code, name, names, position, created_at)
SELECT DISTINCT category, UPPER(SUBSTR(category, 1, 1)) || SUBSTR(category, 2), '{}', 0, 0
FROM products WHERE category <> '';

-- An option's name or value (`colour`, `Navy`) as the shop's languages read it.
CREATE TABLE option_words (
    word   TEXT NOT NULL,
    locale TEXT NOT NULL,
    text   TEXT NOT NULL,
    PRIMARY KEY (word, locale)
);

-- The option names every shop uses, in each language; the shop adds its own and its values.
INSERT INTO option_words (word, locale, text) VALUES
    ('colour', 'en', 'colour'), ('colour', 'ru', 'цвет'), ('colour', 'uk', 'колір'),
    ('colour', 'nb', 'farge'), ('colour', 'lv', 'krāsa'),
    ('color', 'en', 'colour'), ('color', 'ru', 'цвет'), ('color', 'uk', 'колір'),
    ('color', 'nb', 'farge'), ('color', 'lv', 'krāsa'),
    ('size', 'en', 'size'), ('size', 'ru', 'размер'), ('size', 'uk', 'розмір'),
    ('size', 'nb', 'størrelse'), ('size', 'lv', 'izmērs');
