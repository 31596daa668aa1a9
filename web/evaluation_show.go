package web

import (
	"net/http"

	"planverk/auth"
	"planverk/evaluation"
	"planverk/plan"
)

// evaluationShow shows a programme's final evaluation: the facts gathered
// from every year's record and the sections the programme wrote. The
// programme's members read it while it is being written; everybody else
// only once it is completed, and until then it is not there for them.
func (s *Server) evaluationShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("programme")
	ev, started, err := s.storedEvaluation(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	member := can(r, auth.ViewDraft, auth.Resource{Programme: id})
	if !member && (!started || ev.Status != evaluation.StatusCompleted) {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "programme %q has no completed evaluation", id))
		return
	}
	facts, err := s.evaluationFacts(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(facts.Years) == 0 {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "programme %q has no released plan", id))
		return
	}
	t, err := s.evaluationTemplate(r, ev, started)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := newEvaluationView(facts, ev, started, t, language(r))
	v.CanEdit = canEvaluate(r, id) && (started || s.evaluationDue(facts.Programme))
	v.Saved = r.URL.Query().Get("saved") != ""
	s.render(w, r, http.StatusOK, "evaluation", &view{Title: i18nTitle(r, "evaluation.title", "Programme", facts.Programme.Name), Data: v})
}

// evaluationTemplate is the template an evaluation follows: the one it
// was started on, or for one not started, the one it would start on.
func (s *Server) evaluationTemplate(r *http.Request, ev evaluation.Evaluation, started bool) (*evaluation.Template, error) {
	if started {
		return ev.Template()
	}
	t, _, err := s.currentTemplate(r.Context())
	return t, err
}
