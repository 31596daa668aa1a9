package web

import (
	"net/http"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiMeasureKey is a measure named by its API ID, PROGRAMME.YEAR.GOAL.MEASURE.
type apiMeasureKey struct {
	programme    string
	year         int
	goal, number int
}

func parseMeasureKey(id string) (apiMeasureKey, error) {
	notFound := plan.Errorf(plan.ENotFound, "no measure %q: a measure ID is PROGRAMME.YEAR.GOAL.MEASURE", id)
	parts := strings.Split(id, ".")
	if len(parts) != 4 {
		return apiMeasureKey{}, notFound
	}
	year, err1 := strconv.Atoi(parts[1])
	goal, err2 := strconv.Atoi(parts[2])
	number, err3 := strconv.Atoi(parts[3])
	if err1 != nil || err2 != nil || err3 != nil {
		return apiMeasureKey{}, notFound
	}
	return apiMeasureKey{programme: parts[0], year: year, goal: goal, number: number}, nil
}

// apiMeasureTarget is the measure a write to /api/v1/measures/{id} names,
// as the plan has it now, and what the write needs to change it.
type apiMeasureTarget struct {
	user       *store.User
	key        apiMeasureKey
	submission string
	f          *plan.File
	v          store.PlanVersion
	goal       *plan.Goal
	measure    *plan.Measure
	// cond is the request's If-Match.
	cond entityTags
}

// apiMeasureFor finds the measure a write names, for a person who may do
// a to it, and reads the write's If-Match, checked in the browser's order:
// an account, the measure, the right, the condition. Otherwise it answers
// the request and returns false; a measure that is not there answers a
// retry of a write that succeeded with again, given the version it made.
func (s *Server) apiMeasureFor(w http.ResponseWriter, r *http.Request, a auth.Action,
	again func(key apiMeasureKey, v store.PlanVersion)) (apiMeasureTarget, bool) {
	var t apiMeasureTarget
	var err error
	if t.user, err = apiUser(r); err != nil {
		s.apiFail(w, r, err)
		return t, false
	}
	if t.key, err = parseMeasureKey(r.PathValue("id")); err != nil {
		s.apiFail(w, r, err)
		return t, false
	}
	if t.submission, err = apiSubmission(r, t.user.ID, "measures/"+r.PathValue("id")); err != nil {
		s.apiFail(w, r, err)
		return t, false
	}
	if t.f, t.v, err = s.loadVisiblePlan(r, t.key.programme, t.key.year, 0); err != nil {
		s.apiFail(w, r, err)
		return t, false
	}
	t.goal, t.measure = findMeasure(t.f, t.key.goal, t.key.number)
	if t.measure == nil {
		s.apiFailOrRepeat(w, r, t.v, t.submission, plan.Errorf(plan.ENotFound, "no measure %s", r.PathValue("id")),
			func(v store.PlanVersion) { again(t.key, v) })
		return t, false
	}
	if !can(r, a, t.resource()) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return t, false
	}
	if t.cond, err = requireIfMatch(r); err != nil {
		s.apiFail(w, r, err)
		return t, false
	}
	return t, true
}

// resource is the measure as the policy sees it.
func (t apiMeasureTarget) resource() auth.Resource {
	return measureResource(t.v.ProgrammeID, t.v.Published, t.measure)
}

// current finds the measure on the plan as it is inside the write's
// transaction, where it must still be the version the client read: the
// check before the transaction may have raced with another write.
func (t apiMeasureTarget) current(cur *plan.File) (*plan.Goal, *plan.Measure, error) {
	g, m := findMeasure(cur, t.key.goal, t.key.number)
	if m == nil {
		return nil, nil, preconditionFailed("")
	}
	if now := etagOf(m); !t.cond.matchStrong(now) {
		return nil, nil, preconditionFailed(now)
	}
	return g, m, nil
}
