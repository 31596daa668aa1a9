package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/store"
)

// commentSave adds a reviewer's comment to a plan or one of its measures.
func (s *Server) commentSave(w http.ResponseWriter, r *http.Request) {
	fm, _, v, ok := s.planFormFor(w, r, auth.Comment)
	if !ok {
		return
	}
	goal, _ := strconv.Atoi(fm.Get("goal"))
	measure, _ := strconv.Atoi(fm.Get("measure"))
	back := planPath(v)
	if goal != 0 && measure != 0 {
		back += fmt.Sprintf("/goals/%d/measures/%d", goal, measure)
	}
	if fm.Get("text") == "" {
		http.Redirect(w, r, back+"?comment=empty#comments", http.StatusSeeOther)
		return
	}
	_, err := s.store.AddComment(r.Context(), store.Comment{ProgrammeID: v.ProgrammeID, Year: v.Year,
		Goal: goal, Measure: measure, Author: whoOf(r).User.ID, Text: fm.Get("text"), Submission: fm.Get("submission")})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, back+"#comments", http.StatusSeeOther)
}
