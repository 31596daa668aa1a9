package web

import (
	"net/http"
	"slices"

	"planverk/cycle"
	"planverk/plan"
)

// waitingItem is a decision that waits for the person: in which plan,
// and where to record it.
type waitingItem struct {
	ProgrammeID, ProgrammeName string
	Year                       int
	Title                      string
	Lang                       plan.Language
	Stage                      cycle.Stage
	Wait                       waitView
}

// waitingShow lists what waits for the signed-in person in the programmes
// they have a role in: the proposals they may make, the anchoring
// decisions of their municipality, their funder's approvals.
func (s *Server) waitingShow(w http.ResponseWriter, r *http.Request) {
	wh := whoOf(r)
	if wh.User == nil {
		s.deny(w, r)
		return
	}
	items, err := s.waitingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "waiting", &view{Title: i18nTitle(r, "waiting.title"), Data: items})
}

// waitingFor finds what waits for the person behind a request.
func (s *Server) waitingFor(r *http.Request) ([]waitingItem, error) {
	ctx := r.Context()
	var programmes []string
	for p := range whoOf(r).Subject.Roles {
		programmes = append(programmes, p)
	}
	slices.Sort(programmes)
	var out []waitingItem
	for _, id := range programmes {
		plans, err := s.store.Plans(ctx, id)
		if plan.ErrorCode(err) == plan.ENotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, pv := range plans {
			c, err := s.store.Cycle(ctx, id, pv.Year)
			if err != nil {
				return nil, err
			}
			f, _, err := s.store.LoadRelease(ctx, id, pv.Year, 0)
			if plan.ErrorCode(err) == plan.ENotFound {
				f, _, err = s.store.LoadPlan(ctx, id, pv.Year)
			}
			if err != nil {
				return nil, err
			}
			cv := newCycleView(r, c, f, true, true)
			for _, wv := range cv.Waiting {
				if wv.CanAct {
					out = append(out, waitingItem{ProgrammeID: id, ProgrammeName: f.Programme.Name, Year: pv.Year,
						Title: pv.Title, Lang: pv.Language, Stage: cv.Stage, Wait: wv})
				}
			}
		}
	}
	return out, nil
}
