package web

import (
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// visiblePlans lists the plans of a programme the person may read: every
// plan for its members, the published ones for everybody else.
func (s *Server) visiblePlans(r *http.Request, programmeID string) ([]store.PlanVersion, error) {
	plans, err := s.store.Plans(r.Context(), programmeID)
	if err != nil {
		return nil, err
	}
	out := plans[:0]
	for _, v := range plans {
		if can(r, auth.ViewPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
			out = append(out, v)
		}
	}
	return out, nil
}

// loadVisiblePlan loads what the person may read of a plan: for the
// programme's members the working draft, or one version of it where
// version is not 0; for everybody else the latest release, if the plan is
// open to everyone, and never a draft. A plan they may not read is "not
// found" to them, so that its existence says nothing; the page offers to
// log in.
func (s *Server) loadVisiblePlan(r *http.Request, programmeID string, year, version int) (*plan.File, store.PlanVersion, error) {
	if can(r, auth.ViewDraft, auth.Resource{Programme: programmeID}) {
		if version > 0 {
			return s.store.LoadPlanVersion(r.Context(), programmeID, year, version)
		}
		return s.store.LoadPlan(r.Context(), programmeID, year)
	}
	if version > 0 {
		return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "no plan %s %d that you may read", programmeID, year)
	}
	return s.loadRelease(r, programmeID, year, 0)
}

// loadRelease loads release n of a plan (the latest where n is 0), for a
// member whatever it is, for anybody else if the plan is open to everyone.
func (s *Server) loadRelease(r *http.Request, programmeID string, year, n int) (*plan.File, store.PlanVersion, error) {
	var f *plan.File
	var rel cycle.Release
	var err error
	if can(r, auth.ViewDraft, auth.Resource{Programme: programmeID}) {
		f, rel, err = s.store.LoadRelease(r.Context(), programmeID, year, n)
	} else {
		f, rel, err = s.store.PublicRelease(r.Context(), programmeID, year, n)
	}
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "no plan %s %d that you may read", programmeID, year)
	}
	if err != nil {
		return nil, store.PlanVersion{}, err
	}
	return f, releaseVersion(f, rel), nil
}

// releaseVersion describes a release as the version a page shows.
func releaseVersion(f *plan.File, rel cycle.Release) store.PlanVersion {
	return store.PlanVersion{ProgrammeID: rel.ProgrammeID, Year: rel.Year, Version: rel.Version,
		Title: f.Plan.Title, Status: f.Plan.Status, Language: f.Plan.Language, SavedAt: rel.At,
		Author: rel.By, AuthorName: rel.ByName, Published: true, Release: &rel}
}
