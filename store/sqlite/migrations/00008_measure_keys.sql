-- A measure's lasting identity (plan.Measure.ID): it stays the same when
-- the measure is renumbered, moved to another goal or carried into next
-- year's plan. Measures stored before it existed get the ID planverk gives
-- a measure imported without one: YEAR-GOAL-NUMBER.

-- +goose Up
ALTER TABLE measures ADD COLUMN key TEXT NOT NULL DEFAULT '';
UPDATE measures SET key = (
    SELECT p.year || '-' || g.number || '-' || measures.number
    FROM goals g JOIN plans p ON p.id = g.plan_id
    WHERE g.id = measures.goal_id);
CREATE INDEX measures_key ON measures (key);

-- +goose Down
DROP INDEX measures_key;
ALTER TABLE measures DROP COLUMN key;
