package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// cycleShow shows a plan's yearly cycle: where it stands, the decisions
// and releases so far, what it waits for and the steps the person may
// take. Political decisions are public: a visitor sees the cycle of a plan
// open to everyone, as its members do.
func (s *Server) cycleShow(w http.ResponseWriter, r *http.Request) {
	cv, ok := s.cycleFor(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "cycle", &view{Title: i18nTitle(r, "cycle.title", "Year", cv.Year), Data: cv})
}

// cycleFor loads and lays out the cycle of the plan a request names, for
// a person who may read the plan; otherwise it answers the request.
func (s *Server) cycleFor(w http.ResponseWriter, r *http.Request) (*cycleView, bool) {
	cv, err := s.loadCycle(r)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return cv, true
}

// loadCycle loads and lays out the cycle of the plan a request names, for
// a person who may read the plan: the page and the API read the same facts.
func (s *Server) loadCycle(r *http.Request) (*cycleView, error) {
	id := r.PathValue("programme")
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return nil, plan.Errorf(plan.ENotFound, "no such year %q", r.PathValue("year"))
	}
	plans, err := s.visiblePlans(r, id)
	if err != nil {
		return nil, err
	}
	return s.cycleOf(r, id, year, plans)
}

// cycleOf lays out the cycle of one year's plan as the person may read
// it; plans are the programme's plans they may read, to know whether next
// year's exists.
func (s *Server) cycleOf(r *http.Request, id string, year int, plans []store.PlanVersion) (*cycleView, error) {
	ctx := r.Context()
	draft := can(r, auth.ViewDraft, auth.Resource{Programme: id})
	c, err := s.store.Cycle(ctx, id, year)
	if err != nil {
		return nil, err
	}
	// What the cycle waits for is decided on the latest release's
	// content: its anchoring schedule, its programme's funders. Only a
	// member's plan that was never released is read from its draft; the
	// draft's title is in plans already, so a member's programme page does
	// not rebuild every year's draft.
	var latest *plan.File
	switch {
	case draft && len(c.Releases) > 0:
		latest, _, err = s.store.LoadRelease(ctx, id, year, 0)
	default:
		latest, _, err = s.loadVisiblePlan(r, id, year, 0)
	}
	if err != nil {
		return nil, err
	}
	hasNext, title := false, latest.Plan.Title
	for _, p := range plans {
		hasNext = hasNext || p.Year == year+1
		if draft && p.Year == year {
			title = p.Title
		}
	}
	cv := newCycleView(r, c, latest, draft, hasNext)
	cv.Title = title
	return cv, nil
}
