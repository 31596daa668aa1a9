package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"planverk/plan"
	"planverk/store"
)

// AddComment adds a comment to a plan or one of its measures.
func (s *Store) AddComment(ctx context.Context, c store.Comment) (store.Comment, error) {
	c.Text = strings.TrimSpace(c.Text)
	if c.Text == "" {
		return c, plan.Errorf(plan.EInvalid, "a comment needs text")
	}
	if (c.Goal == 0) != (c.Measure == 0) {
		return c, plan.Errorf(plan.EInvalid, "a comment on a measure needs both its goal and its number")
	}
	c.At = time.Now().UTC().Truncate(time.Microsecond)
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		id, err := r.planExists(c.ProgrammeID, c.Year)
		if err != nil {
			return err
		}
		if err := r.row(`SELECT name FROM users WHERE id = ?`, c.Author).Scan(&c.AuthorName); err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "no user %d", c.Author)
		} else if err != nil {
			return err
		}
		c.ID, err = w.insert(`
			INSERT INTO plan_comments (programme_id, year, goal_number, measure_number, author_id, text, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, c.Year, nullInt(c.Goal), nullInt(c.Measure), c.Author, c.Text, c.At.Format(savedAtFormat))
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return c, err
		}
		return c, fmt.Errorf("comment on plan %s %d: %w", c.ProgrammeID, c.Year, err)
	}
	return c, nil
}

// Comments lists a plan's comments, oldest first.
func (s *Store) Comments(ctx context.Context, programmeID string, year int) ([]store.Comment, error) {
	var out []store.Comment
	err := s.read(ctx, func(r *reader) error {
		if _, err := r.programmeRow(programmeID); err != nil {
			return err
		}
		return r.each(`
			SELECT c.id, c.goal_number, c.measure_number, c.author_id, u.name, c.text, c.created_at
			FROM plan_comments c
			JOIN programmes pr ON pr.id = c.programme_id
			JOIN users u ON u.id = c.author_id
			WHERE pr.key = ? AND c.year = ?
			ORDER BY c.created_at, c.id`, []any{programmeID, year},
			func(rows *sql.Rows) error {
				c := store.Comment{ProgrammeID: programmeID, Year: year}
				var goal, measure sql.NullInt64
				var at any
				if err := rows.Scan(&c.ID, &goal, &measure, &c.Author, &c.AuthorName, &c.Text, &at); err != nil {
					return err
				}
				c.Goal, c.Measure = intOf(goal), intOf(measure)
				var err error
				if c.At, err = timeOf(at); err != nil {
					return err
				}
				out = append(out, c)
				return nil
			})
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("comments on plan %s %d: %w", programmeID, year, err)
	}
	return out, nil
}
