-- A task may be about the whole shop rather than one order: the daily reorder task asks a
-- manager to order what runs low (ST-2).
ALTER TABLE tasks ALTER COLUMN order_id DROP NOT NULL;
-- One open task of a kind for the whole shop, however many instances open it at once.
CREATE UNIQUE INDEX tasks_one_open_for_shop ON tasks (kind) WHERE state = 'open' AND order_id IS NULL;
