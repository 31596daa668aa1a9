package web

import (
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// programmeCreate starts a programme: the programme with its first, empty
// plan (a draft, not published), and the person who started it as its
// administrator. The id is unique; the same form sent again (its
// submission key) finds the programme it made and goes there, while another
// programme's id is an error beside the field. The store checks and saves
// in one transaction, so copies of planverk cannot both create it.
func (s *Server) programmeCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.CreateProgramme)
	if !ok {
		return
	}
	f := newProgrammeFile(fm)
	if !fm.OK() {
		s.renderProgrammeNew(w, r, http.StatusUnprocessableEntity, fm)
		return
	}
	ctx := r.Context()
	id := f.Programme.ID
	user := whoOf(r).User.ID
	v, err := s.store.CreatePlan(ctx, f, store.Edit{Author: user, Submission: fm.Get("submission")})
	if plan.ErrorCode(err) == plan.EConflict {
		fm.Fail("id", "admin.id-taken")
		s.renderProgrammeNew(w, r, http.StatusUnprocessableEntity, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !v.Repeated {
		if err := s.store.SetRole(ctx, user, id, auth.RoleAdmin); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/programmes/"+id, http.StatusSeeOther)
}

// newProgrammeFile checks the form and returns the plan file it asks for:
// the programme and an empty draft plan, which plan.Check finds nothing
// wrong with.
func newProgrammeFile(fm *form) *plan.File {
	id := adminCheckKey(fm, "id")
	fm.Required("name", "kind", "year", "title", "language")
	kind := plan.ProgrammeKind(fm.Get("kind"))
	if kind != "" && !slices.Contains(plan.ProgrammeKinds, kind) {
		fm.Fail("kind", "form.choose")
	}
	period := programmePeriod(fm, nil)
	year := yearField(fm, "year")
	if year != 0 && period.From != 0 && period.To >= period.From && !period.Contains(year) {
		fm.Fail("year", "admin.year-outside", "From", period.From, "To", period.To)
	}
	lang := plan.Language(fm.Get("language"))
	if lang != "" && !slices.Contains(plan.Languages, lang) {
		fm.Fail("language", "form.choose")
	}
	return &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: id, Kind: kind, Name: fm.Get("name"), Period: period},
		Plan:      plan.Plan{Year: year, Title: fm.Get("title"), Language: lang, Status: plan.StatusDraft}}
}
