-- The handle another shop's export names a product by (Shopify's `Handle`, WooCommerce's
-- parent SKU or id): importing the same file again finds the product it made, and an
-- export writes it back. NULL for a product made here until it is exported or imported.
ALTER TABLE products ADD COLUMN handle TEXT;
CREATE UNIQUE INDEX products_handle ON products (handle);
