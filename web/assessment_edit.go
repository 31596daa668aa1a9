package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/assessment"
)

// assessmentEdit shows the form in which the programme's editors write an
// assessment: a score and a comment per indicator, the team with each
// member's role, and the improvement proposals, each tied to a measure or
// to none. A year with no assessment yet starts one on the default set.
func (s *Server) assessmentEdit(w http.ResponseWriter, r *http.Request) {
	v, ok := s.assessmentForm(w, r)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("version", strconv.FormatInt(v.Stored.Version, 10))
	for k, sc := range v.Stored.Scores {
		if sc.Value != 0 {
			fm.Values.Set("score-"+k, strconv.Itoa(sc.Value))
		}
		fm.Values.Set("comment-"+k, sc.Comment)
	}
	team := v.Stored.Team
	if !v.Started {
		// A new team: a row for each of the set's roles, to fill in.
		team = nil
		for _, role := range v.Set.Roles {
			team = append(team, assessment.Member{Role: role.Key})
		}
	}
	for i, m := range team {
		fm.Values.Set(fmt.Sprintf("member-%d-name", i), m.Name)
		fm.Values.Set(fmt.Sprintf("member-%d-role", i), m.Role)
	}
	fm.Values.Set("members", strconv.Itoa(len(team)+2))
	for i, p := range v.Stored.Proposals {
		fm.Values.Set(fmt.Sprintf("proposal-%d-text", i), p.Text)
		fm.Values.Set(fmt.Sprintf("proposal-%d-measure", i), p.Measure)
	}
	fm.Values.Set("proposals", strconv.Itoa(len(v.Stored.Proposals)+3))
	s.renderAssessmentEdit(w, r, http.StatusOK, v, fm)
}

// assessmentForm loads what the form shows, or answers the request: the
// person must be one of the programme's editors or administrators.
func (s *Server) assessmentForm(w http.ResponseWriter, r *http.Request) (*assessmentEditView, bool) {
	id := r.PathValue("programme")
	if !canEditAssessment(r, id) {
		s.deny(w, r)
		return nil, false
	}
	year, err := assessmentYear(r)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	a, started, err := s.storedAssessment(r.Context(), id, year)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	v, err := s.assessmentPage(r, a, started)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	ev := &assessmentEditView{assessmentView: v}
	lang := string(language(r))
	for _, role := range v.Set.Roles {
		ev.Roles = append(ev.Roles, option{Value: role.Key, Label: role.Name.In(lang)})
	}
	choices, _, err := s.measureChoices(r.Context(), id, year)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	ev.Measures = []option{{Value: "", ID: "assessment.form.no-measure"}}
	for _, c := range choices {
		ev.Measures = append(ev.Measures, option{Value: c.ID, Label: c.Label})
	}
	return ev, true
}

// rowCount reads a form's count of rows, bounded, so that a form cannot
// ask for more rows than a page can hold.
func rowCount(fm *form, name string, most int) int {
	n, err := strconv.Atoi(fm.Get(name))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, most)
}

func (s *Server) renderAssessmentEdit(w http.ResponseWriter, r *http.Request, status int, v *assessmentEditView, fm *form) {
	v.Form = fm
	v.MemberRows = make([]int, rowCount(fm, "members", 40))
	for i := range v.MemberRows {
		v.MemberRows[i] = i
	}
	v.ProposalRows = make([]int, rowCount(fm, "proposals", 100))
	for i := range v.ProposalRows {
		v.ProposalRows[i] = i
	}
	s.render(w, r, status, "assessment_edit", &view{Title: i18nTitle(r, "assessment.edit-title", "Year", v.Year), Data: v})
}

// assessmentEditView is the form's page.
type assessmentEditView struct {
	*assessmentView
	Form         *form
	Roles        []option
	Measures     []option
	MemberRows   []int
	ProposalRows []int
	// Conflict says someone saved the assessment since the form was
	// opened; what was typed is kept.
	Conflict bool
}
