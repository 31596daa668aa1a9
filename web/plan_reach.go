package web

import (
	"context"
	"fmt"

	"planverk/cycle"
	"planverk/store"
)

// planReach says who sees what a member saves in a plan's working draft:
// nobody outside the programme where the plan is not published; visitors
// the latest release otherwise, so that a change reaches them only with
// the next one. Pages that save into the draft from afar (an upload)
// say so, since the person cannot see it from there.
type planReach struct {
	Published bool
	// Release is the latest release, nil where there is none yet.
	Release *cycle.Release
	// Plan is the plan's address, for the links to its page and cycle.
	Plan string
}

func (s *Server) reachOf(ctx context.Context, v store.PlanVersion) (planReach, error) {
	pr := planReach{Published: v.Published, Plan: planPath(v)}
	c, err := s.store.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil {
		return pr, fmt.Errorf("who sees plan %s %d: %w", v.ProgrammeID, v.Year, err)
	}
	if rel, ok := c.Latest(); ok {
		pr.Release = &rel
	}
	return pr, nil
}
