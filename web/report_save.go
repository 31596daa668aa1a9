package web

import (
	"net/http"
	"strconv"

	"planverk/plan"
	"planverk/store"
)

// reportSave saves the report form over a draft or returned report, as a
// draft or submitted. Where someone else saved or decided the report after
// the form was opened, nothing is saved: the form comes back with what
// this person typed and a note of it.
func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	if !rb.CanWrite {
		s.deny(w, r)
		return
	}
	stored, ok := s.loadReport(w, r, rb)
	if !ok {
		return
	}
	rep := stored
	rep.Version, _ = strconv.Atoi(fm.Get("version"))
	readReport(fm, &rep)
	if !fm.OK() {
		s.renderReportEdit(w, r, http.StatusUnprocessableEntity, rb, stored, fm, false)
		return
	}
	rep.State = reportState(fm)
	saved, err := s.store.SaveReport(r.Context(), rep, store.Edit{Author: whoOf(r).Subject.UserID})
	if plan.ErrorCode(err) == plan.EConflict {
		if now, lerr := s.store.Report(r.Context(), rb.Programme.ID, rb.Project.ID, stored.ID); lerr == nil {
			stored = now
		}
		fm.Values.Set("version", strconv.Itoa(stored.Version))
		s.log.Info("report edit conflict", "report", stored.ID, "err", err)
		s.renderReportEdit(w, r, http.StatusConflict, rb, stored, fm, true)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, reportPath(rb.Project, saved.ID)+"?saved="+string(saved.State), http.StatusSeeOther)
}
