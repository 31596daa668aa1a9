package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// programmeEditView is the programme form.
type programmeEditView struct {
	// Programme is the programme as stored, for the page's title and links.
	Programme plan.Programme
	// Lang is the language of the programme's text: that of its newest plan.
	Lang  plan.Language
	Form  *form
	Kinds []option
	// Roles are the party roles; Orgs every organisation, for the parties.
	Roles []option
	Orgs  []option
	// Municipalities are the boxes to tick.
	Municipalities []municipalityBox
	// Parties and Goals are the row indexes, one more than there are.
	Parties  []int
	Goals    []int
	Conflict *conflictView
}

// municipalityBox is one municipality the programme may cover.
type municipalityBox struct {
	ID, Name string
	Checked  bool
}

// programmeEdit shows the form that edits a programme.
func (s *Server) programmeEdit(w http.ResponseWriter, r *http.Request) {
	_, f, v, ok := s.programmePlanFor(w, r)
	if !ok {
		return
	}
	fm := newForm(programmeValues(f.Programme))
	setProgrammeMarks(fm, f, v)
	s.renderProgrammeEdit(w, r, http.StatusOK, f, fm, nil)
}

// setProgrammeMarks puts into the form what it must carry back: the
// fingerprint of the programme as the person saw it, the plan version it
// came from (to show what changed meanwhile), and a new submission key.
func setProgrammeMarks(fm *form, f *plan.File, v store.PlanVersion) {
	renewForm(fm, v, fingerprint(f.Programme))
	fm.Values.Set("year", strconv.Itoa(v.Year))
}

// programmePlanFor loads the programme a request names and its newest plan,
// for a person who may edit the programme; otherwise it answers the
// request and returns false.
func (s *Server) programmePlanFor(w http.ResponseWriter, r *http.Request) (plan.Programme, *plan.File, store.PlanVersion, bool) {
	p, ok := s.programmeFor(w, r, auth.EditProgramme)
	if !ok {
		return p, nil, store.PlanVersion{}, false
	}
	f, v, err := s.programmeLatestPlan(r, p.ID)
	if err != nil {
		s.fail(w, r, err)
		return p, nil, v, false
	}
	return p, f, v, true
}

// programmeLatestPlan loads a programme's newest plan. The programme is
// saved with every version of every plan, so it is edited as part of the
// newest one.
func (s *Server) programmeLatestPlan(r *http.Request, id string) (*plan.File, store.PlanVersion, error) {
	plans, err := s.store.Plans(r.Context(), id)
	if err != nil {
		return nil, store.PlanVersion{}, err
	}
	if len(plans) == 0 {
		return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "programme %q has no plan", id)
	}
	return s.store.LoadPlan(r.Context(), id, plans[0].Year)
}

func (s *Server) renderProgrammeEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, fm *form, conflict *conflictView) {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ev := programmeEditView{Programme: f.Programme, Lang: f.Plan.Language, Form: fm, Conflict: conflict,
		Kinds: programmeKindOptions(), Roles: []option{{Value: "", ID: "admin.choose"}},
		Orgs: []option{{Value: "", ID: "admin.choose"}}}
	for _, role := range plan.PartyRoles {
		ev.Roles = append(ev.Roles, option{Value: string(role), ID: "role." + string(role)})
	}
	ticked := fm.Values["municipalities"]
	for _, o := range orgs {
		ev.Orgs = append(ev.Orgs, option{Value: o.ID, Label: o.Name})
		// Municipalities, and whatever else the programme already names
		// as one, so that saving never drops a choice unseen.
		if o.Kind == plan.OrgMunicipality || slices.Contains(ticked, o.ID) {
			ev.Municipalities = append(ev.Municipalities, municipalityBox{ID: o.ID, Name: o.Name, Checked: slices.Contains(ticked, o.ID)})
		}
	}
	for i := 0; i <= adminRowCount(fm, "parties"); i++ {
		ev.Parties = append(ev.Parties, i)
	}
	for i := 0; i <= adminRowCount(fm, "goals"); i++ {
		ev.Goals = append(ev.Goals, i)
	}
	s.render(w, r, status, "programme_edit", &view{Title: i18nTitle(r, "admin.programme-edit-title", "Name", f.Programme.Name), Data: ev})
}

// programmeKindOptions lists the kinds of programme for a select.
func programmeKindOptions() []option {
	out := []option{{Value: "", ID: "admin.choose"}}
	for _, k := range plan.ProgrammeKinds {
		out = append(out, option{Value: string(k), ID: "kind." + string(k)})
	}
	return out
}

// programmeYears lists the years a programme has plans for.
func (s *Server) programmeYears(r *http.Request, id string) ([]int, error) {
	plans, err := s.store.Plans(r.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("years of programme %s: %w", id, err)
	}
	var years []int
	for _, p := range plans {
		years = append(years, p.Year)
	}
	return years, nil
}
