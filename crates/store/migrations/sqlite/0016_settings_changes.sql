-- Every change of a setting, so the owner sees who changed which setting when, from what to
-- what. The values are JSON.
CREATE TABLE settings_changes (
    id         INTEGER PRIMARY KEY,
    changed_at BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    setting    TEXT NOT NULL,
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL
);
