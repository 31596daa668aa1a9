package web

import (
	"context"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// publishRefusal says why a plan may not be opened to the public yet, nil
// where it may. Opening a plan never released releases it; for a programme
// whose plans are proposed, anchored and approved, that release must come
// from the proposal on the cycle page, not from a button that skips the
// steps. Closing a plan, and opening again one that was released, are
// always allowed.
func (s *Server) publishRefusal(ctx context.Context, f *plan.File, v store.PlanVersion, publish bool) error {
	if !publish {
		return nil
	}
	c, err := s.store.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil {
		return err
	}
	if len(c.Releases) > 0 || (len(cycle.Funders(f)) == 0 && len(cycle.Municipalities(f)) == 0) {
		return nil
	}
	return plan.Keyed(plan.EConflict, "publish.propose-first", nil,
		"the plan is released by its proposal: propose it on its cycle page")
}
