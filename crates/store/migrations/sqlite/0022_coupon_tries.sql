-- Coupon codes a visitor tried that no coupon has, counted per sender (a hash of the visitor's
-- address) so that codes cannot be guessed by trying many.
CREATE TABLE coupon_tries (
    id     INTEGER PRIMARY KEY,
    sender TEXT NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX coupon_tries_sender ON coupon_tries (sender, at);
