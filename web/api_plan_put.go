package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiPlanPut replaces a plan with the plan file sent, as a new version:
// PUT /api/v1/programmes/{programme}/plans/{year}, with If-Match, and the
// "file" member of what GET returns as the body. Earlier versions stay as
// they were, and the history records every difference.
//
// A plan file also holds its programme and the organisations it names,
// which other plans share: a file that changes the programme takes the
// right to edit the programme, and one that changes or adds an
// organisation the right to edit organisations, so that editing one plan
// never changes another behind its editors' backs.
func (s *Server) apiPlanPut(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	programme, yearText := r.PathValue("programme"), r.PathValue("year")
	year, err := strconv.Atoi(yearText)
	if err != nil {
		s.apiFail(w, r, plan.Errorf(plan.EInvalid, "year must be a year such as 2025, not %q", yearText))
		return
	}
	submission, err := apiSubmission(r, u.ID, "plans/"+programme+"/"+yearText)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	f, v, err := s.loadVisiblePlan(r, programme, year, 0)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	res := auth.Resource{Programme: v.ProgrammeID, Published: v.Published}
	if !can(r, auth.EditPlan, res) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	cond, err := requireIfMatch(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var nf plan.File
	if err := readJSON(w, r, &nf); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if now := etagOf(f); !cond.matchStrong(now) {
		s.apiFailOrRepeat(w, r, v, submission, preconditionFailed(now), func(v store.PlanVersion) { s.answerPlan(w, r, v) })
		return
	}
	// The address names the plan; the file must be that plan.
	var issues []bodyIssue
	if nf.Programme.ID != programme {
		issues = append(issues, issue("/programme/id", "api.plan-programme", map[string]any{"Want": programme}))
	}
	if nf.Plan.Year != year {
		issues = append(issues, issue("/plan/year", "api.plan-year", map[string]any{"Want": year}))
	}
	same := func(p string) string { return p }
	issues = append(issues, newErrors(plan.Check(f), plan.Check(&nf), same, same)...)
	if len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	if err := s.checkSharedRights(r, f, &nf, res); err != nil {
		s.apiFail(w, r, err)
		return
	}
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: u.ID, Submission: submission},
		func(cur *plan.File) error {
			if now := etagOf(cur); !cond.matchStrong(now) {
				return preconditionFailed(now)
			}
			// A copy each time: the store may run this more than once.
			*cur = *cloneFile(&nf)
			return nil
		})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.answerPlan(w, r, saved)
}

// checkSharedRights refuses a plan file that changes what other plans
// share, the programme or an organisation, unless the person may change it.
func (s *Server) checkSharedRights(r *http.Request, cur, nf *plan.File, res auth.Resource) error {
	if fingerprint(nf.Programme) != fingerprint(cur.Programme) && !can(r, auth.EditProgramme, res) {
		return apiForbidden("api.forbidden-programme", nil)
	}
	if can(r, auth.EditOrganisation, auth.Resource{}) {
		return nil
	}
	for _, o := range nf.Organisations {
		stored, err := s.store.Organisation(r.Context(), o.ID)
		if err != nil && plan.ErrorCode(err) != plan.ENotFound {
			return err
		}
		if err != nil || fingerprint(stored) != fingerprint(o) {
			return apiForbidden("api.forbidden-organisation", map[string]any{"ID": o.ID})
		}
	}
	return nil
}

// answerPlan answers a plan write with the plan as the saved version
// holds it, read back, and its ETag.
func (s *Server) answerPlan(w http.ResponseWriter, r *http.Request, v store.PlanVersion) {
	f, pv, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, v.Version)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(f), apiPlanOf(f, pv, apiLang(r)))
}
