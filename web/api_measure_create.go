package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiMeasureCreate adds a measure to a plan: POST
// /api/v1/measures?plan=PROGRAMME/YEAR with {"goal": N, "measure": {…}}.
// The measure keeps the number it asks for where that is free in the goal,
// and is numbered after the goal's last otherwise; Location says where it
// went. With an Idempotency-Key, the same request sent again (a retry after
// a lost answer) creates nothing and gets the first answer.
func (s *Server) apiMeasureCreate(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	q := r.URL.Query().Get("plan")
	programme, yearText, ok := strings.Cut(q, "/")
	year, yerr := strconv.Atoi(yearText)
	if !ok || programme == "" || yerr != nil {
		s.apiFail(w, r, plan.Errorf(plan.EInvalid, "the parameter plan is required, as PROGRAMME/YEAR (plan=vest-telemark/2025)"))
		return
	}
	f, v, err := s.loadVisiblePlan(r, programme, year, 0)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if !can(r, auth.EditPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	submission, err := apiSubmission(r, u.ID, "measures?plan="+q)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiMeasureWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	switch {
	case in.Goal == 0:
		s.apiFail(w, r, invalid(issue("/goal", "api.required", map[string]any{"Field": "goal"})))
		return
	case findGoal(f, in.Goal) == nil:
		s.apiFail(w, r, invalid(issue("/goal", "api.no-goal", map[string]any{"Number": in.Goal})))
		return
	}
	if issues := measureIssues(f, in.Goal, 0, in.Goal, in.Measure); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	number := 0
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: u.ID, Submission: submission},
		func(cur *plan.File) error {
			to := findGoal(cur, in.Goal)
			if to == nil {
				return plan.Errorf(plan.EConflict, "goal %d is no longer in the plan", in.Goal)
			}
			number = placeMeasure(nil, nil, to, in.Measure)
			return nil
		})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	goal := in.Goal
	if saved.Repeated {
		var found bool
		goal, number, found, err = s.measureAddedBy(r.Context(), saved)
		if err == nil && !found {
			err = errors.New("the version an Idempotency-Key made added no measure")
		}
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
	}
	s.answerMeasure(w, r, http.StatusCreated, saved, goal, number)
}
