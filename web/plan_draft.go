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
	b.Changes = draftChanges(released, f)
	for _, d := range c.ChangesAsked() {
		b.ChangesAsked = append(b.ChangesAsked, newDecisionView(released, d))
	}
	return b, nil
}

// cachedDraftBanner is newDraftBanner for a version whose parts are kept:
// the cycle is read on every request, since releases and decisions are
// made beside the plan's versions, but the release's plan and the count
// of differences from it come from memory once made.
func (s *Server) cachedDraftBanner(ctx context.Context, d *draftParts, v store.PlanVersion) (*draftBanner, error) {
	c, err := s.store.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil {
		return nil, err
	}
	b := &draftBanner{Version: v.Version}
	latest, ok := c.Latest()
	if !ok {
		b.Stage = cycle.StageDraft
		return b, nil
	}
	released, rel, err := s.releasedPlan(ctx, latest)
	if err != nil {
		return nil, err
	}
	b.Release = &rel
	b.Stage = c.Stage(released)
	if rel.Digest == latest.Digest {
		b.Changes = d.changesFrom(released, rel)
	} else {
		b.Changes = draftChanges(released, d.file)
	}
	for _, dec := range c.ChangesAsked() {
		b.ChangesAsked = append(b.ChangesAsked, newDecisionView(released, dec))
	}
	return b, nil
}
