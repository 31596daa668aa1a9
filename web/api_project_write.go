package web

import (
	"fmt"
	"net/http"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// apiProjectWrite is what a client sends to register or replace a
// project: the "project" member of what GET returns. Its id, programme,
// version and the updated_ members are the store's to set, and are
// ignored; a commitment or payment keeps its id where the project has
// one with it, and is new otherwise.
type apiProjectWrite struct {
	Project followup.Project `json:"project"`
}

// apiProjectCreate registers a project: POST
// /api/v1/programmes/{programme}/projects with {"project": {…}}; Location
// is its address. With an Idempotency-Key, the same request sent again
// registers nothing and gets the first answer.
func (s *Server) apiProjectCreate(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if !b.CanEdit {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	submission, err := apiSubmission(r, u.ID, "programmes/"+b.Programme.ID+"/projects")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiProjectWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	p := in.Project
	p.ID, p.ProgrammeID, p.Version = 0, b.Programme.ID, 0
	keepIDs(&p, followup.Project{})
	if issues := projectIssues(p); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	saved, err := s.store.SaveProject(r.Context(), p, store.Edit{Author: u.ID, Submission: submission})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", projectURL(saved))
	writeTagged(w, r, http.StatusCreated, projectETag(saved), apiProjectOf(saved, apiLang(r)))
}

// apiProjectPut replaces a project whole, its commitments and payments
// with it: what the body leaves out is gone. It needs If-Match with the
// project's ETag: a write from a version someone has saved over since is
// refused with 412 and saves nothing.
func (s *Server) apiProjectPut(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	// The right before the project, as in the browser: who may not edit
	// learns nothing of which projects there are.
	if !b.CanEdit {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	stored, err := s.projectOf(r, b)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiProjectWrite
	if err := readConditional(w, r, projectETag(stored), &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	p := in.Project
	p.ID, p.ProgrammeID, p.Version = stored.ID, stored.ProgrammeID, stored.Version
	keepIDs(&p, stored)
	if issues := projectIssues(p); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	saved, err := s.store.SaveProject(r.Context(), p, store.Edit{Author: u.ID})
	if plan.ErrorCode(err) == plan.EConflict {
		// Saved by someone else between the check and the save: the
		// store's check, in the transaction, is the one that holds.
		now, lerr := s.store.Project(r.Context(), stored.ProgrammeID, stored.ID)
		if lerr != nil {
			s.apiFail(w, r, lerr)
			return
		}
		s.apiFail(w, r, preconditionFailed(projectETag(now)))
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeTagged(w, r, http.StatusOK, projectETag(saved), apiProjectOf(saved, apiLang(r)))
}

// keepIDs lets the commitments and payments of p keep the IDs they have
// in stored, and makes every other one new: an ID the client made up, or
// took from another project, must not name a row of the store.
func keepIDs(p *followup.Project, stored followup.Project) {
	known := map[int64]followup.Commitment{}
	for _, c := range stored.Commitments {
		known[c.ID] = c
	}
	used := map[int64]bool{}
	cs := make([]followup.Commitment, len(p.Commitments))
	for i, c := range p.Commitments {
		old, ok := known[c.ID]
		if !ok || used[c.ID] {
			c.ID, old = 0, followup.Commitment{}
		}
		used[c.ID] = true
		pays := map[int64]bool{}
		for _, pay := range old.Payments {
			pays[pay.ID] = true
		}
		c.Payments = append([]followup.Payment(nil), c.Payments...)
		for j := range c.Payments {
			if id := c.Payments[j].ID; !pays[id] {
				c.Payments[j].ID = 0
			} else {
				delete(pays, id)
			}
		}
		cs[i] = c
	}
	p.Commitments = cs
	if len(cs) == 0 {
		p.Commitments = nil
	}
}

// projectIssues checks a project a client sent, field by field, each
// issue pointing at its member of the body (/project/commitments/0/kind).
// Findings of the money checks (more paid than committed) are not issues:
// they are what happened, saved and shown as findings, as in the browser.
func projectIssues(p followup.Project) []bodyIssue {
	var out []bodyIssue
	fail := func(ptr, msg string, args map[string]any) { out = append(out, issue("/project"+ptr, msg, args)) }
	if p.Title == "" {
		fail("/title", "api.required", map[string]any{"Field": "title"})
	}
	if p.Status == "" {
		fail("/status", "api.required", map[string]any{"Field": "status"})
	} else if !p.Status.Valid() {
		fail("/status", "followup.api.status", map[string]any{"Value": string(p.Status)})
	}
	if !p.Phase.Valid() {
		fail("/phase", "followup.api.phase", map[string]any{"Value": string(p.Phase)})
	}
	if p.From != nil && p.To != nil && p.To.Before(*p.From) {
		fail("/to", "followup.api.to-before-from", nil)
	}
	if p.Goal < 0 {
		fail("/goal", "followup.api.negative", map[string]any{"Field": "goal"})
	}
	for name, a := range map[string]*plan.Amount{"budget": p.Budget, "own_share": p.OwnShare, "other_financing": p.OtherFinancing} {
		if a != nil && *a < 0 {
			fail("/"+name, "followup.api.negative", map[string]any{"Field": name})
		}
	}
	for i, m := range p.Measures {
		if m == "" {
			fail(fmt.Sprintf("/measures/%d", i), "api.required", map[string]any{"Field": "measures"})
		}
	}
	for ci, c := range p.Commitments {
		at := fmt.Sprintf("/commitments/%d", ci)
		if c.Amount < 0 {
			fail(at+"/amount", "followup.api.negative", map[string]any{"Field": "amount"})
		}
		switch c.Kind {
		case plan.AmountExact, plan.AmountCeiling, plan.AmountEstimate, plan.AmountMinimum:
		default:
			fail(at+"/kind", "followup.api.kind", map[string]any{"Value": string(c.Kind)})
		}
		if c.Source == "" {
			fail(at+"/source", "api.required", map[string]any{"Field": "source"})
		}
		if c.Share != "" {
			if _, err := c.Share.Rat(); err != nil {
				fail(at+"/share", "followup.api.share", map[string]any{"Value": string(c.Share)})
			}
		}
		if c.Released != nil && *c.Released < 0 {
			fail(at+"/released", "followup.api.negative", map[string]any{"Field": "released"})
		}
		if c.Released != nil && c.ReleasedOn == nil {
			fail(at+"/released_on", "followup.api.released-needs-date", nil)
		}
		years := map[int]bool{}
		for ti, t := range c.Schedule {
			tat := fmt.Sprintf("%s/schedule/%d", at, ti)
			switch {
			case t.Year < 1900 || t.Year > 2200:
				fail(tat+"/year", "followup.api.year", map[string]any{"Year": t.Year})
			case years[t.Year]:
				fail(tat+"/year", "followup.api.year-twice", map[string]any{"Year": t.Year})
			}
			years[t.Year] = true
			if t.Amount < 0 {
				fail(tat+"/amount", "followup.api.negative", map[string]any{"Field": "amount"})
			}
		}
		for pi, pay := range c.Payments {
			pat := fmt.Sprintf("%s/payments/%d", at, pi)
			if pay.Date.IsZero() {
				fail(pat+"/date", "api.required", map[string]any{"Field": "date"})
			}
			if pay.Amount < 0 {
				fail(pat+"/amount", "followup.api.negative", map[string]any{"Field": "amount"})
			}
		}
	}
	return out
}
