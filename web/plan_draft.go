package web

import (
	"context"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// draftBanner tells a member reading the working draft what it differs
// from: the latest release, by how many changes, and where the plan's
// cycle stands.
type draftBanner struct {
	// Release is the latest release, nil where nothing is released yet:
	// then visitors see nothing of the plan.
	Release *cycle.Release
	// Changes counts the differences from it; 0 where the draft is what
	// was released.
	Changes int
	Stage   cycle.Stage
	// ChangesAsked are the anchoring decisions that asked for changes.
	ChangesAsked []decisionView
	// Version is the draft version shown, Latest the newest one.
	Version int
}

// newDraftBanner compares the draft with the plan's latest release.
func (s *Server) newDraftBanner(ctx context.Context, f *plan.File, v store.PlanVersion) (*draftBanner, error) {
	c, err := s.store.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil {
		return nil, err
	}
	b := &draftBanner{Version: v.Version}
	rel, ok := c.Latest()
	if !ok {
		b.Stage = cycle.StageDraft
		return b, nil
	}
	released, _, err := s.store.LoadRelease(ctx, v.ProgrammeID, v.Year, 0)
	if err != nil {
		return nil, err
	}
	b.Release = &rel
	b.Stage = c.Stage(released)
	if !cycle.SameContent(released, f) {
		x, y := *released, *f
		x.Plan.Status, y.Plan.Status = "", ""
		b.Changes = len(plan.Diff(&x, &y))
	}
	for _, d := range c.ChangesAsked() {
		b.ChangesAsked = append(b.ChangesAsked, newDecisionView(released, d))
	}
	return b, nil
}
