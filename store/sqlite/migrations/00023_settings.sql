-- Settings of the database as a whole, one row a name: first, whether its
-- programmes are synthetic ("synthetic" = "true", written by planverk demo
-- generate), so that every page can say so.

-- +goose Up
CREATE TABLE settings (
    name  TEXT PRIMARY KEY CHECK (name <> ''),
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE settings;
