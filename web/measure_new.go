package web

import (
	"net/http"
	"strconv"
)

// measureNew shows the form for a new measure under a goal.
func (s *Server) measureNew(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	goalNo, g, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("goal", strconv.Itoa(goalNo))
	fm.Values.Set("sections", "0")
	fm.Values.Set("submission", newSubmission())
	s.renderMeasureEdit(w, r, http.StatusOK, f, v, g, nil, fm, nil)
}
