package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// programmeNewView is the form that starts a programme.
type programmeNewView struct {
	Form      *form
	Kinds     []option
	Languages []option
}

// programmeNew shows the form that starts a programme with its first,
// empty plan. Only system administrators start programmes.
func (s *Server) programmeNew(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.CreateProgramme, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	fm := newForm(nil)
	fm.Values.Set("language", string(plan.Bokmal))
	fm.Values.Set("submission", newSubmission())
	s.renderProgrammeNew(w, r, http.StatusOK, fm)
}

func (s *Server) renderProgrammeNew(w http.ResponseWriter, r *http.Request, status int, fm *form) {
	nv := programmeNewView{Form: fm, Kinds: programmeKindOptions()}
	for _, l := range plan.Languages {
		nv.Languages = append(nv.Languages, option{Value: string(l), ID: "language." + string(l)})
	}
	s.render(w, r, status, "programme_new", &view{Title: i18nTitle(r, "admin.programme-new-title"), Data: nv})
}
