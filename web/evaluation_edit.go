package web

import (
	"net/http"
	"strconv"

	"planverk/evaluation"
	"planverk/plan"
)

// evaluationEdit shows the form in which a programme's administrators
// write the final evaluation: the text under each of the template's
// headings, the figure reached for each target, and whether it is
// completed. It is offered once the period's last year has come.
func (s *Server) evaluationEdit(w http.ResponseWriter, r *http.Request) {
	v, ok := s.evaluationForm(w, r)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("status", string(v.Evaluation.Status))
	for _, sec := range v.Sections {
		fm.Values.Set("section-"+sec.Key, string(sec.Text))
	}
	for _, t := range v.Targets {
		if t.Achieved != nil {
			fm.Values.Set(t.Field, strconv.FormatInt(*t.Achieved, 10))
		}
	}
	s.renderEvaluationEdit(w, r, http.StatusOK, v, fm)
}

// evaluationForm loads what the form shows, or answers the request: the
// person must be one of the programme's administrators, and an evaluation
// not started must be due.
func (s *Server) evaluationForm(w http.ResponseWriter, r *http.Request) (*evaluationView, bool) {
	ctx := r.Context()
	id := r.PathValue("programme")
	if !canEvaluate(r, id) {
		s.deny(w, r)
		return nil, false
	}
	ev, started, err := s.storedEvaluation(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	facts, err := s.evaluationFacts(r, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if len(facts.Years) == 0 {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "programme %q has no released plan", id))
		return nil, false
	}
	if !started && !s.evaluationDue(facts.Programme) {
		s.errorPage(w, r, http.StatusConflict, "evaluation.not-due")
		return nil, false
	}
	var t *evaluation.Template
	if started {
		t, err = ev.Template()
	} else {
		var src []byte
		t, src, err = s.currentTemplate(ctx)
		ev = evaluation.Start(id, t, src)
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return newEvaluationView(facts, ev, started, t, language(r)), true
}

func (s *Server) renderEvaluationEdit(w http.ResponseWriter, r *http.Request, status int, v *evaluationView, fm *form) {
	s.render(w, r, status, "evaluation_edit", &view{Title: i18nTitle(r, "evaluation.edit"),
		Data: evaluationEditView{evaluationView: v, Form: fm,
			Statuses: []option{{Value: string(evaluation.StatusDraft), ID: "evaluation.status.draft"},
				{Value: string(evaluation.StatusCompleted), ID: "evaluation.status.completed"}}}})
}

// evaluationEditView is the form's page.
type evaluationEditView struct {
	*evaluationView
	Form     *form
	Statuses []option
}
