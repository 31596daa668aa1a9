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
		if c.Submission != "" {
			seen, ok, err := found(scanComment(r.row(`SELECT `+commentColumns+` FROM `+commentFrom+` WHERE c.submission = ?`, c.Submission)))
			if err != nil || ok {
				seen.Repeated = ok
				c = seen
				return err
			}
		}
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
			INSERT INTO plan_comments (programme_id, year, goal_number, measure_number, author_id, text, created_at, submission)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.Year, nullInt(c.Goal), nullInt(c.Measure), c.Author, c.Text, c.At.Format(savedAtFormat), nullString(c.Submission))
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
		return r.each(`SELECT `+commentColumns+` FROM `+commentFrom+`
			WHERE pr.key = ? AND c.year = ?
			ORDER BY c.created_at, c.id`, []any{programmeID, year},
			func(rows *sql.Rows) error {
				c, err := scanComment(rows)
				out = append(out, c)
				return err
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

// commentColumns are the columns scanComment reads, from plan_comments c
// joined to its programme pr and author u (commentFrom).
const commentColumns = `pr.key, c.year, c.id, c.goal_number, c.measure_number, c.author_id, u.name, c.text, c.created_at`

const commentFrom = `plan_comments c JOIN programmes pr ON pr.id = c.programme_id JOIN users u ON u.id = c.author_id`

func scanComment(sc scanner) (store.Comment, error) {
	var c store.Comment
	var goal, measure sql.NullInt64
	var at any
	if err := sc.Scan(&c.ProgrammeID, &c.Year, &c.ID, &goal, &measure, &c.Author, &c.AuthorName, &c.Text, &at); err != nil {
		return c, err
	}
	c.Goal, c.Measure = intOf(goal), intOf(measure)
	var err error
	c.At, err = timeOf(at)
	return c, err
}
