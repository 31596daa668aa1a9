package web

import (
	"net/http"
	"strconv"
)

// jobsShow is the programme's job ledger: the gross jobs the accepted
// reports of the projects it supports count, per year and over the
// period, against each of its jobs targets, as a chart with the same
// figures in a table beside it, and every report that counts, each linked
// to its page. A visitor counts the public projects' reports only.
func (s *Server) jobsShow(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	l, err := s.ledgerOf(r, b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := jobsView{followupBase: b, Ledger: l}
	// After a report import: how many it stored, from the confirmation's
	// redirect.
	if n, err := strconv.Atoi(r.URL.Query().Get("imported")); err == nil && n > 0 {
		v.Imported = n
	}
	v.chart(r)
	s.render(w, r, http.StatusOK, "jobs", &view{Title: i18nTitle(r, "jobs.title", "Programme", b.Programme.Name), Data: v})
}
