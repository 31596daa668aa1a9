package web

import (
	"net/http"

	"planverk/auth"
	"planverk/evaluation"
	"planverk/store"
)

// evaluationTemplatesView lists the templates of the final evaluation and
// offers to upload one.
type evaluationTemplatesView struct {
	Templates []store.EvaluationTemplate
	// Default is the template planverk ships, used while none is uploaded.
	Default *evaluation.Template
	Form    *form
	Saved   string
}

// evaluationTemplatesShow lists the uploaded templates, the one new
// evaluations follow first, for the system administrators who keep them.
func (s *Server) evaluationTemplatesShow(w http.ResponseWriter, r *http.Request) {
	if !canKeepTemplates(r) {
		s.deny(w, r)
		return
	}
	s.renderEvaluationTemplates(w, r, http.StatusOK, newForm(nil))
}

// canKeepTemplates: templates serve every programme, so they are kept by
// those who run the installation, as users are.
func canKeepTemplates(r *http.Request) bool { return can(r, auth.ManageUsers, auth.Resource{}) }

func (s *Server) renderEvaluationTemplates(w http.ResponseWriter, r *http.Request, status int, fm *form) {
	ts, err := s.store.EvaluationTemplates(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := evaluationTemplatesView{Templates: ts, Default: evaluation.Default(), Form: fm, Saved: r.URL.Query().Get("saved")}
	s.render(w, r, status, "evaluation_templates", &view{Title: i18nTitle(r, "evaluation.templates.title"), Data: v})
}
