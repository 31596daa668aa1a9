package web

import (
	"net/http"
	"slices"
	"sync"

	"planverk/auth"
	"planverk/plan"
)

// adminCreating serialises the look for an id and the save that takes it, for
// programmes and organisations, so that a form sent twice at once (a double
// click) finds the first one's result rather than saving twice. It guards
// one process only: the store has no create-only save, so copies behind a
// load balancer can still race, which for a system administrator's rare
// creations is a risk taken knowingly.
var adminCreating sync.Mutex

// programmeCreate starts a programme: the programme with its first, empty
// plan (a draft, not published), and the person who started it as its
// administrator. The id is unique; the same form sent again finds the
// programme it made and goes there, while another programme's id is an
// error beside the field.
func (s *Server) programmeCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	if !can(r, auth.CreateProgramme, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	f := newProgrammeFile(fm)
	if !fm.OK() {
		s.renderProgrammeNew(w, r, http.StatusUnprocessableEntity, fm)
		return
	}
	ctx := r.Context()
	id := f.Programme.ID
	adminCreating.Lock()
	defer adminCreating.Unlock()
	programmes, err := s.store.Programmes(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if i := slices.IndexFunc(programmes, func(p plan.Programme) bool { return p.ID == id }); i >= 0 {
		if s.sameNewProgramme(r, programmes[i], f) {
			http.Redirect(w, r, "/programmes/"+id, http.StatusSeeOther)
			return
		}
		fm.Fail("id", "admin.id-taken")
		s.renderProgrammeNew(w, r, http.StatusUnprocessableEntity, fm)
		return
	}
	if _, err := s.store.SavePlan(ctx, f); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.SetRole(ctx, whoOf(r).User.ID, id, auth.RoleAdmin); err != nil {
		s.fail(w, r, err)
		return
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

// sameNewProgramme reports whether a stored programme is the one this form
// made before: the same programme, with a plan for the year with the same
// title and language. The plan store keeps no submission key for a new
// plan, so the repeat is known by what it asks for.
func (s *Server) sameNewProgramme(r *http.Request, p plan.Programme, f *plan.File) bool {
	want := f.Programme
	if p.Kind != want.Kind || p.Name != want.Name || p.Period != want.Period {
		return false
	}
	got, _, err := s.store.LoadPlan(r.Context(), p.ID, f.Plan.Year)
	return err == nil && got.Plan.Title == f.Plan.Title && got.Plan.Language == f.Plan.Language
}
