-- The names, phones and emails that the order list and the customer list search, lowercased
-- by the application, which folds every alphabet; SQLite's LOWER folds only ASCII. Rows
-- written before these columns are filled in at startup.
ALTER TABLE orders ADD COLUMN search TEXT;
ALTER TABLE customers ADD COLUMN search TEXT;
