package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiMeasureWrite is what a client sends to create or replace a measure:
// the measure, and the goal it stands under. They are the "goal" and
// "measure" members of what GET returns, so that a client can read a
// measure, change it and send those two back.
type apiMeasureWrite struct {
	// Goal is the number of the goal the measure stands under; required
	// when creating. Another goal than the measure's own moves it there
	// (which changes the plan, so it takes the right to edit the plan);
	// absent, the measure stays where it is.
	Goal int `json:"goal,omitempty"`
	// Measure is the whole measure. Its number is kept where it is free in
	// the goal; 0 or absent keeps the measure's number (or, for a new
	// measure, numbers it after the goal's last).
	Measure plan.Measure `json:"measure"`
}

// apiMeasurePut replaces a measure with the one sent. Unlike the browser's
// form, which keeps what it does not show, PUT is whole: what the body
// leaves out is gone. PATCH is for changing part of a measure.
func (s *Server) apiMeasurePut(w http.ResponseWriter, r *http.Request) {
	s.apiMeasureReplace(w, r, func(apiMeasureWrite) (apiMeasureWrite, error) {
		var in apiMeasureWrite
		return in, readJSON(w, r, &in)
	})
}

// apiMeasureReplace is PUT and PATCH: body reads the request into the
// measure as it is to be, given the measure as it is. The checks run in
// the browser's order — may this person edit this measure, is it still the
// version they read, is the new one valid — and the version check runs
// again inside the transaction, so that of two clients holding the same
// ETag only one can write.
func (s *Server) apiMeasureReplace(w http.ResponseWriter, r *http.Request, body func(current apiMeasureWrite) (apiMeasureWrite, error)) {
	answer := func(key apiMeasureKey, v store.PlanVersion) {
		s.answerRepeatedMeasure(w, r, http.StatusOK, v, key.goal, key.number)
	}
	t, ok := s.apiMeasureFor(w, r, auth.EditMeasure, answer)
	if !ok {
		return
	}
	key, f, v, g, m := t.key, t.f, t.v, t.goal, t.measure
	again := func(v store.PlanVersion) { answer(key, v) }
	in, err := body(apiMeasureWrite{Goal: g.Number, Measure: *m})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if now := etagOf(m); !t.cond.matchStrong(now) {
		s.apiFailOrRepeat(w, r, v, t.submission, preconditionFailed(now), again)
		return
	}
	target := in.Goal
	if target == 0 {
		target = g.Number
	}
	if in.Measure.Number == 0 {
		in.Measure.Number = key.number
	}
	if target != g.Number {
		if findGoal(f, target) == nil {
			s.apiFail(w, r, invalid(issue("/goal", "api.no-goal", map[string]any{"Number": target})))
			return
		}
		if !can(r, auth.EditPlan, t.resource()) {
			s.apiFail(w, r, apiForbidden("api.forbidden-move", nil))
			return
		}
	}
	if leadsChanged(m.Leads, in.Measure.Leads) && !can(r, auth.EditPlan, t.resource()) {
		s.apiFail(w, r, apiForbidden("api.forbidden-leads", nil))
		return
	}
	if issues := measureIssues(f, key.goal, key.number, target, in.Measure); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	number := 0
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: t.user.ID, Summary: fmt.Sprintf("%d.%d", key.goal, key.number), Submission: t.submission},
		func(cur *plan.File) error {
			cg, cm, err := t.current(cur)
			if err != nil {
				return err
			}
			to := findGoal(cur, target)
			if to == nil {
				return plan.Errorf(plan.EConflict, "goal %d is no longer in the plan", target)
			}
			number = placeMeasure(cg, cm, to, in.Measure)
			return nil
		})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if saved.Repeated {
		again(saved)
		return
	}
	s.answerMeasure(w, r, http.StatusOK, saved, target, number)
}

// placeMeasure puts m under goal to, in place of old in goal from (old
// nil for a new measure), and returns its number: the one m asks for where
// that is free in to, else one after to's last. A measure that stays in
// its goal keeps its place in the list; one that moves goes to the end of
// its new goal, as the browser's move does.
func placeMeasure(from *plan.Goal, old *plan.Measure, to *plan.Goal, m plan.Measure) int {
	var self *plan.Measure
	if from == to {
		self = old
	}
	next, taken := 1, false
	for i := range to.Measures {
		if o := &to.Measures[i]; o != self {
			next = max(next, o.Number+1)
			taken = taken || o.Number == m.Number
		}
	}
	if m.Number <= 0 || taken {
		m.Number = next
	}
	if self != nil {
		*self = m
		return m.Number
	}
	if old != nil {
		for i := range from.Measures {
			if &from.Measures[i] == old {
				from.Measures = append(from.Measures[:i:i], from.Measures[i+1:]...)
				break
			}
		}
	}
	to.Measures = append(to.Measures, m)
	return m.Number
}

// measureIssues checks the measure where it would stand, on a copy of the
// plan, and returns the errors it would bring in, pointing into the body
// (/measure/title). fromNumber 0 is a new measure. Only the measure's own
// findings count: it is all the write changes.
func measureIssues(f *plan.File, fromGoal, fromNumber, toGoal int, m plan.Measure) []bodyIssue {
	after := cloneFile(f)
	var from *plan.Goal
	var old *plan.Measure
	if fromNumber != 0 {
		from, old = findMeasure(after, fromGoal, fromNumber)
	}
	n := placeMeasure(from, old, findGoal(after, toGoal), m)
	return newErrors(plan.Check(f), plan.Check(after),
		underMeasure(measurePath(f, fromGoal, fromNumber)), underMeasure(measurePath(after, toGoal, n)))
}

// measurePath is the path of a measure in a plan's findings,
// plan.goals[1].measures[0]; "" where there is no such measure.
func measurePath(f *plan.File, goal, number int) string {
	for gi, g := range f.Plan.Goals {
		for mi, m := range g.Measures {
			if g.Number == goal && m.Number == number {
				return fmt.Sprintf("plan.goals[%d].measures[%d]", gi, mi)
			}
		}
	}
	return ""
}

// underMeasure turns the paths inside the measure at prefix into paths
// inside the body's "measure" member, and every other path into "".
func underMeasure(prefix string) func(string) string {
	return func(p string) string {
		if prefix == "" {
			return ""
		}
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || (rest != "" && rest[0] != '.' && rest[0] != '[') {
			return ""
		}
		return "measure" + rest
	}
}

// cloneFile copies a plan file through its JSON encoding, which is what
// the file is: fingerprints and Diff compare that encoding too.
func cloneFile(f *plan.File) *plan.File {
	b, err := json.Marshal(f)
	if err != nil {
		panic(err) // the plan types always encode; see fingerprint
	}
	var c plan.File
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return &c
}

// answerMeasure answers a measure write with the measure as the saved
// version holds it, read back, so that its ETag is the one the next GET
// gives. A new measure's address is in Location; a measure that moved or
// was renumbered is answered with its new address in Content-Location.
func (s *Server) answerMeasure(w http.ResponseWriter, r *http.Request, status int, v store.PlanVersion, goal, number int) {
	f, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, v.Version)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for _, m := range measuresOf(f) {
		if m.Goal == goal && m.Measure.Number == number {
			if status == http.StatusCreated {
				w.Header().Set("Location", m.URL)
			} else if m.URL != r.URL.Path {
				w.Header().Set("Content-Location", m.URL)
			}
			writeTagged(w, r, status, etagOf(m.Measure), m)
			return
		}
	}
	s.apiFail(w, r, fmt.Errorf("measure %d.%d is not in version %d of %s %d", goal, number, v.Version, v.ProgrammeID, v.Year))
}

// answerRepeatedMeasure gives a repeated write the answer the first one
// got: the measure as the version it made holds it. Where that version
// added a measure (a create, or a replace that moved or renumbered it),
// that is the one; otherwise the measure stayed at goal.number.
func (s *Server) answerRepeatedMeasure(w http.ResponseWriter, r *http.Request, status int, v store.PlanVersion, goal, number int) {
	g, n, ok, err := s.measureAddedBy(r.Context(), v)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if ok {
		goal, number = g, n
	}
	s.answerMeasure(w, r, status, v, goal, number)
}

// measureAddedBy finds the measure a version added to its plan, if any.
func (s *Server) measureAddedBy(ctx context.Context, v store.PlanVersion) (goal, number int, ok bool, err error) {
	after, _, err := s.store.LoadPlanVersion(ctx, v.ProgrammeID, v.Year, v.Version)
	if err != nil {
		return 0, 0, false, err
	}
	var before *plan.File
	if v.Version > 1 {
		if before, _, err = s.store.LoadPlanVersion(ctx, v.ProgrammeID, v.Year, v.Version-1); err != nil {
			return 0, 0, false, err
		}
	}
	for _, c := range plan.Diff(before, after) {
		if c.Kind == plan.ChangeAdded && isMeasurePath(c.Path) {
			return c.Goal, c.Measure, true, nil
		}
	}
	return 0, 0, false, nil
}
