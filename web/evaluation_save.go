package web

import (
	"net/http"
	"strconv"
	"strings"

	"planverk/evaluation"
	"planverk/plan"
	"planverk/store"
)

// evaluationSave saves the final evaluation's form. A figure that is not
// a whole number is named in a message beside its field, and the form
// comes back with everything as it was typed.
func (s *Server) evaluationSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	v, ok := s.evaluationForm(w, r)
	if !ok {
		return
	}
	ev := v.Evaluation
	ev.Sections = map[string]plan.Markdown{}
	for _, sec := range v.Sections {
		if text := strings.TrimSpace(fm.Raw("section-" + sec.Key)); text != "" {
			ev.Sections[sec.Key] = plan.Markdown(strings.ReplaceAll(text, "\r\n", "\n"))
		}
	}
	// Text kept under a heading a template no longer has stays stored.
	for k, text := range v.Evaluation.Sections {
		if _, ok := v.Template.Section(k); !ok {
			ev.Sections[k] = text
		}
	}
	achieved := map[string]int64{}
	for k, n := range v.Evaluation.Achieved {
		achieved[k] = n
	}
	for _, t := range v.Targets {
		typed := fm.Get(t.Field)
		if typed == "" {
			delete(achieved, t.Key)
			continue
		}
		n, ok := parseCount(typed)
		if !ok {
			fm.Fail(t.Field, "evaluation.form.achieved-invalid", "Target", t.Name, "Value", typed)
			continue
		}
		achieved[t.Key] = n
	}
	ev.Achieved = achieved
	switch st := evaluation.Status(fm.Get("status")); st {
	case evaluation.StatusDraft, evaluation.StatusCompleted:
		ev.Status = st
	default:
		fm.Fail("status", "evaluation.form.status-invalid")
	}
	if !fm.OK() {
		s.renderEvaluationEdit(w, r, http.StatusUnprocessableEntity, v, fm)
		return
	}
	if _, err := s.store.SaveEvaluation(r.Context(), ev, store.Edit{Author: whoOf(r).Subject.UserID}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/programmes/"+v.Programme.ID+"/evaluation?saved=1", http.StatusSeeOther)
}

// parseCount reads a whole number as people write it: 150, 1 500 or
// 1 500 with a no-break space.
func parseCount(s string) (int64, bool) {
	t := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	n, err := strconv.ParseInt(t, 10, 64)
	return n, err == nil && n >= 0
}
