package web

import (
	"net/http"
	"strconv"

	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// reportShow shows a report: its period, progress, money and results, where
// it stands, and for the programme the buttons to accept or return it.
func (s *Server) reportShow(w http.ResponseWriter, r *http.Request) {
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	rep, ok := s.loadReport(w, r, rb)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("version", strconv.Itoa(rep.Version))
	s.renderReport(w, r, http.StatusOK, rb, rep, fm)
}

// reportView is a report's page.
type reportView struct {
	*reportBase
	Report followup.Report
	Path   string
	// Saved is the state the report was just saved in, "" for none.
	Saved string
	// Form is the decision's form: the version decided on and the comment.
	Form *form
}

func (s *Server) renderReport(w http.ResponseWriter, r *http.Request, status int, rb *reportBase, rep followup.Report, fm *form) {
	v := reportView{reportBase: rb, Report: rep, Path: reportPath(rb.Project, rep.ID), Form: fm}
	if st := followup.ReportState(r.URL.Query().Get("saved")); st.Valid() {
		v.Saved = string(st)
	}
	s.render(w, r, status, "report", &view{Title: i18nTitle(r, "report.title", "Project", rb.Project.Name(),
		"From", i18nDate(r, rep.From), "To", i18nDate(r, rep.To)), Data: v})
}

// i18nDate writes a date in the request's language.
func i18nDate(r *http.Request, d plan.Date) string { return i18n.Date(language(r), d) }
