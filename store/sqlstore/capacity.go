package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// OpenSurveyRound starts a programme's survey round for a year.
func (s *Store) OpenSurveyRound(ctx context.Context, rd store.SurveyRound) (store.SurveyRound, error) {
	if _, err := capacity.ParseSet(rd.SetSource); err != nil {
		return rd, plan.Errorf(plan.EInvalid, "indicator set: %v", err)
	}
	if len(rd.Groups) == 0 {
		return rd, plan.Errorf(plan.EInvalid, "a survey round needs a respondent group")
	}
	for _, g := range rd.Groups {
		if g.Name == "" || g.TokenHash == "" {
			return rd, plan.Errorf(plan.EInvalid, "a respondent group needs a name and a link")
		}
	}
	if rd.OpenedOn == "" {
		rd.OpenedOn = time.Now().UTC().Format(time.DateOnly)
	}
	var out store.SurveyRound
	err := s.write(ctx, func(w *writer) error {
		prog, err := w.reader().programmeRow(rd.ProgrammeID)
		if err != nil {
			return err
		}
		if _, had, err := w.queryID(`SELECT id FROM capacity_rounds WHERE programme_id = ? AND year = ?`, prog, rd.Year); err != nil {
			return err
		} else if had {
			return plan.Errorf(plan.EConflict, "programme %q has a survey round for %d", rd.ProgrammeID, rd.Year)
		}
		id, err := w.insert(`INSERT INTO capacity_rounds (programme_id, year, set_source, state, results, opened_on)
			VALUES (?, ?, ?, ?, ?, ?)`, prog, rd.Year, string(rd.SetSource), roundState(rd.Open), roundResults(rd.PublicResults), rd.OpenedOn)
		if err != nil {
			return fmt.Errorf("round: %w", err)
		}
		for i, g := range rd.Groups {
			if err := w.exec(`INSERT INTO capacity_groups (round_id, position, name, token_hash) VALUES (?, ?, ?, ?)`,
				id, i, g.Name, g.TokenHash); err != nil {
				return fmt.Errorf("group %s: %w", g.Name, err)
			}
		}
		out, err = w.reader().surveyRound(prog, rd.ProgrammeID, rd.Year)
		return err
	})
	return out, wrapPlanErr(err, "open survey round %s %d", rd.ProgrammeID, rd.Year)
}

func roundState(open bool) string {
	if open {
		return "open"
	}
	return "closed"
}

func roundResults(public bool) string {
	if public {
		return "public"
	}
	return "members"
}

// SurveyRounds lists a programme's rounds, newest first.
func (s *Store) SurveyRounds(ctx context.Context, programmeID string) ([]store.SurveyRound, error) {
	var out []store.SurveyRound
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		years, err := r.years(`SELECT year FROM capacity_rounds WHERE programme_id = ? ORDER BY year DESC`, prog)
		if err != nil {
			return err
		}
		for _, y := range years {
			rd, err := r.surveyRound(prog, programmeID, y)
			if err != nil {
				return err
			}
			out = append(out, rd)
		}
		return nil
	})
	return out, wrapPlanErr(err, "survey rounds of %s", programmeID)
}

// SurveyRound returns a programme's round for a year.
func (s *Store) SurveyRound(ctx context.Context, programmeID string, year int) (store.SurveyRound, error) {
	var out store.SurveyRound
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		out, err = r.surveyRound(prog, programmeID, year)
		return err
	})
	return out, wrapPlanErr(err, "survey round %s %d", programmeID, year)
}

func (r *reader) surveyRound(prog int64, programmeID string, year int) (store.SurveyRound, error) {
	rd := store.SurveyRound{ProgrammeID: programmeID, Year: year}
	var id int64
	var src, state, results string
	err := r.row(`SELECT id, set_source, state, results, opened_on FROM capacity_rounds WHERE programme_id = ? AND year = ?`,
		prog, year).Scan(&id, &src, &state, &results, &rd.OpenedOn)
	if err == sql.ErrNoRows {
		return rd, plan.Errorf(plan.ENotFound, "programme %q has no survey round for %d", programmeID, year)
	}
	if err != nil {
		return rd, err
	}
	rd.SetSource, rd.Open, rd.PublicResults = []byte(src), state == "open", results == "public"
	// The hashes stay in the database: nothing outside needs them.
	err = r.each(`SELECT name FROM capacity_groups WHERE round_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var g store.SurveyGroup
			err := rows.Scan(&g.Name)
			rd.Groups = append(rd.Groups, g)
			return err
		})
	if err != nil {
		return rd, fmt.Errorf("groups: %w", err)
	}
	err = r.row(`SELECT count(*) FROM capacity_answers a JOIN capacity_groups g ON g.id = a.group_id WHERE g.round_id = ?`,
		id).Scan(&rd.Answers)
	return rd, err
}

// SetSurveyRoundOpen opens or closes a round.
func (s *Store) SetSurveyRoundOpen(ctx context.Context, programmeID string, year int, open bool) error {
	err := s.write(ctx, func(w *writer) error {
		id, err := w.roundRow(programmeID, year)
		if err != nil {
			return err
		}
		return w.exec(`UPDATE capacity_rounds SET state = ? WHERE id = ?`, roundState(open), id)
	})
	return wrapPlanErr(err, "open or close survey round %s %d", programmeID, year)
}

// roundRow returns the id of a programme's round for a year.
func (w *writer) roundRow(programmeID string, year int) (int64, error) {
	prog, err := w.reader().programmeRow(programmeID)
	if err != nil {
		return 0, err
	}
	id, ok, err := w.queryID(`SELECT id FROM capacity_rounds WHERE programme_id = ? AND year = ?`, prog, year)
	if err == nil && !ok {
		err = plan.Errorf(plan.ENotFound, "programme %q has no survey round for %d", programmeID, year)
	}
	return id, err
}

// ReplaceSurveyLinks gives a round's groups new link hashes.
func (s *Store) ReplaceSurveyLinks(ctx context.Context, programmeID string, year int, hashes []string) error {
	err := s.write(ctx, func(w *writer) error {
		id, err := w.roundRow(programmeID, year)
		if err != nil {
			return err
		}
		var groups int
		if err := w.reader().row(`SELECT count(*) FROM capacity_groups WHERE round_id = ?`, id).Scan(&groups); err != nil {
			return err
		}
		if groups != len(hashes) {
			return plan.Errorf(plan.EInvalid, "%d links for %d groups", len(hashes), groups)
		}
		for i, h := range hashes {
			if h == "" {
				return plan.Errorf(plan.EInvalid, "an empty link")
			}
			if err := w.exec(`UPDATE capacity_groups SET token_hash = ? WHERE round_id = ? AND position = ?`, h, id, i); err != nil {
				return fmt.Errorf("group %d: %w", i, err)
			}
		}
		return nil
	})
	return wrapPlanErr(err, "new survey links %s %d", programmeID, year)
}

// SurveyLink finds the round and group of a link's hash.
func (s *Store) SurveyLink(ctx context.Context, hash string) (store.SurveyRound, int, error) {
	var out store.SurveyRound
	var group int
	err := s.read(ctx, func(r *reader) error {
		var prog int64
		var key string
		var year int
		err := r.row(`SELECT p.id, p.key, c.year, g.position FROM capacity_groups g
			JOIN capacity_rounds c ON c.id = g.round_id JOIN programmes p ON p.id = c.programme_id
			WHERE g.token_hash = ?`, hash).Scan(&prog, &key, &year, &group)
		if err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "no survey link")
		}
		if err != nil {
			return err
		}
		out, err = r.surveyRound(prog, key, year)
		return err
	})
	return out, group, wrapPlanErr(err, "survey link")
}

// AddSurveyAnswer stores an answer through a link.
func (s *Store) AddSurveyAnswer(ctx context.Context, hash, submission, day string, resp capacity.Response) error {
	if submission == "" {
		return plan.Errorf(plan.EInvalid, "an answer needs its form's key")
	}
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return plan.Errorf(plan.EInvalid, "answer day %q", day)
	}
	err := s.write(ctx, func(w *writer) error {
		var group int64
		var state, src string
		row, err := w.queryRow(`SELECT g.id, c.state, c.set_source FROM capacity_groups g JOIN capacity_rounds c ON c.id = g.round_id
			WHERE g.token_hash = ?`, hash)
		if err != nil {
			return err
		}
		err = row.Scan(&group, &state, &src)
		if err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "no survey link")
		}
		if err != nil {
			return err
		}
		if seen, err := w.exists(`SELECT 1 FROM capacity_answers WHERE submission = ?`, submission); err != nil || seen {
			return err
		}
		if state != "open" {
			return plan.Errorf(plan.EConflict, "the survey round is closed")
		}
		set, err := capacity.ParseSet([]byte(src))
		if err != nil {
			return fmt.Errorf("the round's indicator set: %w", err)
		}
		known := map[string]bool{}
		for _, ind := range set.Indicators() {
			known[ind.Key] = true
		}
		for k, v := range resp.Scores {
			if !known[k] || v < set.Scale.Min || v > set.Scale.Max {
				return plan.Errorf(plan.EInvalid, "score %d for indicator %q", v, k)
			}
		}
		// A form sent twice at once: the second insert finds the first.
		id, err := w.insert(`INSERT INTO capacity_answers (group_id, answered_on, submission, comment) VALUES (?, ?, ?, ?)
			ON CONFLICT (submission) DO NOTHING`, group, day, submission, resp.Comment)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return fmt.Errorf("answer: %w", err)
		}
		for k, v := range resp.Scores {
			if err := w.exec(`INSERT INTO capacity_scores (answer_id, indicator, score) VALUES (?, ?, ?)`, id, k, v); err != nil {
				return fmt.Errorf("score %s: %w", k, err)
			}
		}
		return nil
	})
	return wrapPlanErr(err, "add survey answer")
}

// SurveyAnswers returns a round's answers.
func (s *Store) SurveyAnswers(ctx context.Context, programmeID string, year int) ([]capacity.Answer, error) {
	var out []capacity.Answer
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		var round int64
		err = r.row(`SELECT id FROM capacity_rounds WHERE programme_id = ? AND year = ?`, prog, year).Scan(&round)
		if err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "programme %q has no survey round for %d", programmeID, year)
		}
		if err != nil {
			return err
		}
		byID := map[int64]int{}
		err = r.each(`SELECT a.id, g.position, a.comment FROM capacity_answers a JOIN capacity_groups g ON g.id = a.group_id
			WHERE g.round_id = ? ORDER BY g.position, a.id`, []any{round},
			func(rows *sql.Rows) error {
				var id int64
				a := capacity.Answer{Response: capacity.Response{Scores: map[string]int{}}}
				if err := rows.Scan(&id, &a.Group, &a.Comment); err != nil {
					return err
				}
				byID[id] = len(out)
				out = append(out, a)
				return nil
			})
		if err != nil {
			return fmt.Errorf("answers: %w", err)
		}
		return r.each(`SELECT s.answer_id, s.indicator, s.score FROM capacity_scores s
			JOIN capacity_answers a ON a.id = s.answer_id JOIN capacity_groups g ON g.id = a.group_id
			WHERE g.round_id = ?`, []any{round},
			func(rows *sql.Rows) error {
				var id int64
				var k string
				var v int
				if err := rows.Scan(&id, &k, &v); err != nil {
					return err
				}
				if i, ok := byID[id]; ok {
					out[i].Scores[k] = v
				}
				return nil
			})
	})
	return out, wrapPlanErr(err, "survey answers %s %d", programmeID, year)
}
