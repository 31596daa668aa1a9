package web

import (
	"net/http"
	"strconv"

	"planverk/plan"
	"planverk/store"
)

// reportDecide accepts a submitted report or returns it to its writer
// with the programme's comment; returning needs a comment, so that the
// writer knows what to change.
func (s *Server) reportDecide(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	if !rb.CanDecide {
		s.deny(w, r)
		return
	}
	rep, ok := s.loadReport(w, r, rb)
	if !ok {
		return
	}
	accept := fm.Get("decision") == "accept"
	if !accept && fm.Get("comment") == "" {
		fm.Fail("comment", "report.form.comment-required")
		s.renderReport(w, r, http.StatusUnprocessableEntity, rb, rep, fm)
		return
	}
	version, _ := strconv.Atoi(fm.Get("version"))
	d := store.ReportDecision{ProgrammeID: rb.Programme.ID, ProjectID: rb.Project.ID, ID: rep.ID, Version: version,
		Accept: accept, Comment: fm.Get("comment")}
	saved, err := s.store.DecideReport(r.Context(), d, store.Edit{Author: whoOf(r).Subject.UserID})
	if plan.ErrorCode(err) == plan.EConflict {
		fm.Fail("comment", "report.form.decision-stale")
		if now, lerr := s.store.Report(r.Context(), rb.Programme.ID, rb.Project.ID, rep.ID); lerr == nil {
			rep = now
		}
		s.renderReport(w, r, http.StatusConflict, rb, rep, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, reportPath(rb.Project, saved.ID)+"?saved="+string(saved.State), http.StatusSeeOther)
}
