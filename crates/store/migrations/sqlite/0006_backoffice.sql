-- A courier's login: the back-office user who delivers as this courier, so that a courier sees
-- and acts on their own route only (DL-7, PY-5). One user per courier, one courier per user.

ALTER TABLE couriers ADD COLUMN user_id BIGINT REFERENCES users (id);
CREATE UNIQUE INDEX couriers_user ON couriers (user_id);
