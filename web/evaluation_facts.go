package web

import (
	"context"
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/evaluation"
	"planverk/plan"
)

// evaluationFacts gathers the final evaluation's facts from the record of
// every year of a programme the person may read: each year's latest
// approved release, or else its latest release. Years with no release yet
// are not part of the record.
func (s *Server) evaluationFacts(r *http.Request, programmeID string) (*evaluation.Facts, error) {
	ctx := r.Context()
	plans, err := s.visiblePlans(r, programmeID)
	if err != nil {
		return nil, err
	}
	var records []evaluation.Record
	for _, v := range plans {
		rec, ok, err := s.yearRecord(ctx, programmeID, v.Year)
		if err != nil {
			return nil, err
		}
		if ok {
			records = append(records, rec)
		}
	}
	return evaluation.Gather(records), nil
}

// yearRecord loads the release that is a year's record; ok is false where
// the year has none.
func (s *Server) yearRecord(ctx context.Context, programmeID string, year int) (evaluation.Record, bool, error) {
	c, err := s.store.Cycle(ctx, programmeID, year)
	if err != nil {
		return evaluation.Record{}, false, err
	}
	rel, ok := c.LatestOf(cycle.Approved)
	if !ok {
		if rel, ok = c.Latest(); !ok {
			return evaluation.Record{}, false, nil
		}
	}
	f, rel, err := s.store.LoadRelease(ctx, programmeID, year, rel.Number)
	if err != nil {
		return evaluation.Record{}, false, err
	}
	return evaluation.Record{Release: rel, File: f}, true, nil
}

// currentTemplate is the template a new evaluation follows: the latest
// uploaded, or else the one planverk ships.
func (s *Server) currentTemplate(ctx context.Context) (*evaluation.Template, []byte, error) {
	ts, err := s.store.EvaluationTemplates(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(ts) > 0 {
		t, err := evaluation.ParseTemplate(ts[0].Source)
		if err != nil {
			return nil, nil, err
		}
		return t, ts[0].Source, nil
	}
	return evaluation.Default(), evaluation.DefaultSource, nil
}

// storedEvaluation returns a programme's evaluation; ok is false where
// none was started.
func (s *Server) storedEvaluation(ctx context.Context, programmeID string) (evaluation.Evaluation, bool, error) {
	ev, err := s.store.Evaluation(ctx, programmeID)
	if plan.ErrorCode(err) == plan.ENotFound {
		return ev, false, nil
	}
	return ev, err == nil, err
}

// evaluationDue reports whether the programme's final evaluation may be
// written this year.
func (s *Server) evaluationDue(p plan.Programme) bool {
	return evaluation.Due(p, s.now().In(oslo).Year())
}

// canEvaluate reports whether the person writes the programme's final
// evaluation: its administrators.
func canEvaluate(r *http.Request, programmeID string) bool {
	return can(r, auth.EditProgramme, auth.Resource{Programme: programmeID})
}
