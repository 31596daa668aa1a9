package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiDispositionWrite is what a person says about one measure in the
// revision; it replaces what was said before, and a member left out is
// cleared.
type apiDispositionWrite struct {
	// New is the kind of a new measure: with-state-money,
	// without-state-money or related.
	New plan.NewKind `json:"new,omitempty"`
	// Amount is the state money a new measure is planned to get.
	Amount *plan.Amount `json:"amount,omitempty"`
	// Reason says why a changed measure changed; required for one.
	Reason string `json:"reason,omitempty"`
	// Assessment says in short what an ended measure achieved; required
	// for one.
	Assessment string `json:"assessment,omitempty"`
}

// apiDispositionPut sets one measure's disposition in the draft's
// revision: PUT …/plans/{year}/revision/measures/{id}, with If-Match of
// what GET of the same address answered. It takes the right to edit the
// plan, as the revision form does. Only the draft changes: every release
// stays as it was.
func (s *Server) apiDispositionPut(w http.ResponseWriter, r *http.Request) {
	u, f, v, ok := s.apiPlanFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	id := r.PathValue("id")
	base, _, hasBase, err := s.store.RevisionBase(r.Context(), v.ProgrammeID, v.Year)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if !hasBase {
		s.apiFail(w, r, noMeasureInRevision(id, v))
		return
	}
	m, found := measureRevision(base, f, id)
	if !found {
		s.apiFail(w, r, noMeasureInRevision(id, v))
		return
	}
	cond, err := requireIfMatch(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiDispositionWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	var issues []bodyIssue
	if in.New != "" && !slices.Contains(plan.NewKinds, in.New) {
		issues = append(issues, issue("/new", "revision.form.new-invalid", nil))
	}
	if in.Amount != nil && *in.Amount < 0 {
		issues = append(issues, issue("/amount", "revision.form.amount-invalid", map[string]any{"Value": strconv.FormatInt(int64(*in.Amount), 10)}))
	}
	if len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	submission, err := apiSubmission(r, u.ID, "revision/"+v.ProgrammeID+"/"+strconv.Itoa(v.Year)+"/"+id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	answer := func(saved store.PlanVersion) { s.answerDisposition(w, r, saved, base, id) }
	if now := dispositionTag(m); !cond.matchStrong(now) {
		s.apiFailOrRepeat(w, r, v, submission, preconditionFailed(now), answer)
		return
	}
	d := plan.Disposition{Measure: id, New: in.New, Amount: in.Amount,
		Reason: plan.Markdown(strings.TrimSpace(in.Reason)), Assessment: plan.Markdown(strings.TrimSpace(in.Assessment))}
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: u.ID, Submission: submission, Summary: i18nTitle(r, "revision.edit")},
		func(cur *plan.File) error {
			cm, ok := measureRevision(base, cur, id)
			if !ok {
				return preconditionFailed("")
			}
			if now := dispositionTag(cm); !cond.matchStrong(now) {
				return preconditionFailed(now)
			}
			cur.Plan.SetDisposition(d)
			// As the revision form leaves it: no empty revision.
			if rev := cur.Plan.Revision; rev != nil && rev.Base == nil && len(rev.Measures) == 0 {
				cur.Plan.Revision = nil
			}
			return nil
		})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	answer(saved)
}

// answerDisposition answers a disposition's write with the measure's place
// in the revision as the saved version holds it, and its ETag.
func (s *Server) answerDisposition(w http.ResponseWriter, r *http.Request, v store.PlanVersion, base *plan.File, id string) {
	f, pv, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, v.Version)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	m, ok := measureRevision(base, f, id)
	if !ok {
		s.apiFail(w, r, noMeasureInRevision(id, pv))
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, dispositionTag(m), apiRevisedMeasureOf(revised(m, base, f, apiLang(r)), pv))
}
