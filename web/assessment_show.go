package web

import (
	"net/http"

	"planverk/assessment"
	"planverk/plan"
)

// assessmentShow shows a programme's assessment of a year: the scores and
// comments per indicator and dimension, the weights of the programme year
// and the weighted totals, as charts and as tables, and the team and its
// improvement proposals, with those taken up in next year's plan marked.
func (s *Server) assessmentShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if !canSeeAssessment(r, id) {
		s.deny(w, r)
		return
	}
	year, err := assessmentYear(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.Assessment(r.Context(), id, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.assessmentPage(r, a, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Saved = r.URL.Query().Get("saved") != ""
	s.render(w, r, http.StatusOK, "assessment", &view{Title: i18nTitle(r, "assessment.title", "Programme", v.Programme.Name, "Year", year), Data: v})
}

// assessmentPage builds the page of an assessment: its programme, its set,
// and the measures its proposals name, in its year's plan and the next.
func (s *Server) assessmentPage(r *http.Request, a assessment.Assessment, started bool) (*assessmentView, error) {
	p, err := s.programmeNamed(r, a.ProgrammeID)
	if err != nil {
		return nil, err
	}
	set, err := a.Set()
	if err != nil {
		return nil, err
	}
	choices, lang, err := s.measureChoices(r.Context(), a.ProgrammeID, a.Year)
	if err != nil {
		return nil, err
	}
	next, nextLang, err := s.measureChoices(r.Context(), a.ProgrammeID, a.Year+1)
	if err != nil {
		return nil, err
	}
	if lang == "" {
		lang = nextLang
	}
	if lang == "" {
		lang = plan.Bokmal
	}
	v := newAssessmentView(p, a, started, set, append(choices, next...), lang, language(r))
	v.CanEdit = canEditAssessment(r, a.ProgrammeID)
	return v, nil
}
