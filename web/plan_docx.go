package web

import (
	"net/http"

	"planverk/docx"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// planDocx sends what the person may read of a plan (see loadVisiblePlan)
// as a Word document: for a member the working draft, marked as a draft
// on every page; for anybody else the latest release.
func (s *Server) planDocx(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	s.sendDocx(w, r, f, v)
}

func (s *Server) sendDocx(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion) {
	body, err := s.docxOf(r, f, v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendDocument(w, v, "", "docx", typeDocx, body)
}

// docxOf writes a version of a plan as a Word document, with its release
// and revision report.
func (s *Server) docxOf(r *http.Request, f *plan.File, v store.PlanVersion) ([]byte, error) {
	lang := i18n.Lang(f.Plan.Language)
	o := docx.Options{Version: v.Version, Draft: v.Release == nil}
	if rel := v.Release; rel != nil {
		o.Release = i18n.T(lang, "release.kind."+string(rel.Kind), nil) + " " + rel.At.In(oslo).Format("02.01.2006")
	}
	// The revision report, in the plan's language, as the plan page lays
	// it out.
	rv, err := s.revisionReport(r.Context(), f, lang)
	if err != nil {
		return nil, err
	}
	if rv != nil {
		o.Revision = revisionParts(rv, lang)
	}
	return docx.Write(f, o)
}
