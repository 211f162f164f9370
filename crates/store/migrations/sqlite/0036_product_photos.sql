-- A product's photos (AS-1): in the order the owner gave them, each for one colour of the
-- product or for all of them, with its alt text per language; and the stored images, by
-- content, so every instance serves the same bytes under the same address.

-- The image files, decoded, turned upright and stripped of their metadata when uploaded,
-- named by the SHA-256 of their bytes.
CREATE TABLE media (
    hash         TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    created_at   BIGINT NOT NULL
);

-- `colour` is the value of the product's colour option the photo shows, or NULL for every
-- colour; `alt` a JSON object of locale to text.
CREATE TABLE product_photos (
    id         INTEGER PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id),
    position   BIGINT NOT NULL,
    colour     TEXT,
    alt        TEXT NOT NULL DEFAULT '{}',
    file_name  TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX product_photos_product ON product_photos (product_id, position);

-- Each photo resized to a few widths for `srcset`, the largest no wider than the upload.
CREATE TABLE photo_sizes (
    photo_id   BIGINT NOT NULL REFERENCES product_photos (id),
    width      BIGINT NOT NULL,
    height     BIGINT NOT NULL,
    media_hash TEXT NOT NULL REFERENCES media (hash),
    PRIMARY KEY (photo_id, width)
);
CREATE INDEX photo_sizes_media ON photo_sizes (media_hash);
