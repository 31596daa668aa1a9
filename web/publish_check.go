package web

import (
	"context"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// publishRefusal says why a plan may not be opened to the public yet, nil
// where it may (cycle.PublishRefusal). Closing a plan is always allowed.
func (s *Server) publishRefusal(ctx context.Context, f *plan.File, v store.PlanVersion, publish bool) error {
	if !publish {
		return nil
	}
	c, err := s.store.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil {
		return err
	}
	return cycle.PublishRefusal(f, len(c.Releases) > 0)
}
