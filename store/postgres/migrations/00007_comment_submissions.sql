-- A comment remembers the form or API request that made it, so that a
-- comment sent twice (a double click, a client's retry with the same
-- Idempotency-Key) is saved once, as edits of plans and schemes are.

-- +goose Up
ALTER TABLE plan_comments ADD COLUMN submission text;
CREATE UNIQUE INDEX plan_comments_submission ON plan_comments (submission);

-- +goose Down
DROP INDEX plan_comments_submission;
ALTER TABLE plan_comments DROP COLUMN submission;
