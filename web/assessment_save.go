package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"planverk/assessment"
	"planverk/plan"
	"planverk/store"
)

// assessmentSave saves the assessment's form. A score that is not a whole
// number on the set's scale is named by its indicator beside its field,
// and the form comes back with everything as it was typed; so it does
// where someone else saved the assessment since the form was opened.
func (s *Server) assessmentSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	v, ok := s.assessmentForm(w, r)
	if !ok {
		return
	}
	a := v.Stored
	set := v.Set
	lang := string(language(r))
	version, err := strconv.ParseInt(fm.Get("version"), 10, 64)
	if err != nil {
		version = -1
	}
	a.Version = version
	a.Scores = map[string]assessment.Score{}
	for _, ind := range set.Indicators() {
		name := ind.Name.In(lang)
		sc := assessment.Score{Comment: strings.TrimSpace(strings.ReplaceAll(fm.Raw("comment-"+ind.Key), "\r\n", "\n"))}
		if typed := fm.Get("score-" + ind.Key); typed != "" {
			n, err := strconv.Atoi(typed)
			if err != nil || n < set.Scale.Min || n > set.Scale.Max {
				fm.Fail("score-"+ind.Key, "assessment.form.score-invalid", "Indicator", name, "Value", typed,
					"Min", set.Scale.Min, "Max", set.Scale.Max)
				continue
			}
			sc.Value = n
		}
		if sc != (assessment.Score{}) {
			a.Scores[ind.Key] = sc
		}
	}
	a.Team = nil
	for i := range rowCount(fm, "members", 40) {
		name, role := fm.Get(fmt.Sprintf("member-%d-name", i)), fm.Get(fmt.Sprintf("member-%d-role", i))
		if name == "" {
			continue
		}
		if _, ok := set.Role(role); !ok {
			fm.Fail(fmt.Sprintf("member-%d-role", i), "assessment.form.role-invalid", "Name", name)
			continue
		}
		a.Team = append(a.Team, assessment.Member{Name: name, Role: role})
	}
	known := map[string]bool{}
	for _, m := range v.Measures {
		known[m.Value] = true
	}
	a.Proposals = nil
	for i := range rowCount(fm, "proposals", 100) {
		text := strings.TrimSpace(strings.ReplaceAll(fm.Raw(fmt.Sprintf("proposal-%d-text", i)), "\r\n", "\n"))
		measure := fm.Get(fmt.Sprintf("proposal-%d-measure", i))
		if text == "" {
			continue
		}
		if !known[measure] {
			fm.Fail(fmt.Sprintf("proposal-%d-measure", i), "assessment.form.measure-invalid", "Number", i+1)
			continue
		}
		a.Proposals = append(a.Proposals, assessment.Proposal{Text: text, Measure: measure})
	}
	if !fm.OK() {
		s.renderAssessmentEdit(w, r, http.StatusUnprocessableEntity, v, fm)
		return
	}
	_, err = s.store.SaveAssessment(r.Context(), a, store.Edit{Author: whoOf(r).Subject.UserID})
	if plan.ErrorCode(err) == plan.EConflict {
		v.Conflict = true
		fm.Values.Set("version", strconv.FormatInt(v.Stored.Version, 10))
		s.renderAssessmentEdit(w, r, http.StatusConflict, v, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/assessments/%d?saved=1", v.Programme.ID, v.Year), http.StatusSeeOther)
}
