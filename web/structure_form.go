package web

import (
	"errors"
	"net/http"
	"net/url"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// planPart is a part of the plan that one form edits as a whole: the
// plan's own fields, its targets, its anchoring or its approvals. Each is
// opened and saved alike, against the fingerprint of the part as it was
// when the form was opened, so that a change elsewhere in the plan (a
// measure, a budget) does not make the form stale.
type planPart struct {
	// mark is the fingerprint of the part in a version of the plan.
	mark func(f *plan.File) string
	// values fills the form with the part as a version of the plan has it.
	values func(f *plan.File) url.Values
	// apply checks the form against a version of the plan and writes the
	// part it makes into that version.
	apply func(fm *form, f *plan.File)
	// in reports whether a change is to the part.
	in func(plan.Change) bool
	// render shows the form, with what changed meanwhile where conflict
	// is not nil.
	render func(s *Server, w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
		fm *form, conflict *conflictView)
	// done is where a save leads; the plan's page where it is nil.
	done func(v store.PlanVersion) string
}

// editPlanPart shows the form that edits a part of the plan.
func (s *Server) editPlanPart(w http.ResponseWriter, r *http.Request, part planPart) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	part.render(s, w, r, http.StatusOK, f, v, newEditForm(part.values(f), v, part.mark(f)), nil)
}

// savePlanPart saves the form of a part of the plan. A save over someone
// else's change to the part saves nothing and shows the form again with
// what the person typed and what changed.
func (s *Server) savePlanPart(w http.ResponseWriter, r *http.Request, part planPart) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database. A File's Plan is a value: the copy's part
	// can be replaced without changing f's.
	check := *f
	if part.apply(fm, &check); !fm.OK() {
		part.render(s, w, r, http.StatusUnprocessableEntity, f, v, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if part.mark(cur) != etag {
				return &staleEdit{}
			}
			// The form was good against the plan as loaded; the plan as it is
			// now may have lost what it names (a goal, an organisation). Then
			// saving would drop rows: treat it as someone else's change.
			again := newForm(fm.Values)
			if part.apply(again, cur); !again.OK() {
				return &staleEdit{}
			}
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		c := s.structureConflict(r, f, v, fm, part.in, part.values)
		renewForm(fm, v, part.mark(f))
		part.render(s, w, r, http.StatusConflict, f, v, fm, c)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	back := planPath(v)
	if part.done != nil {
		back = part.done(v)
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}
