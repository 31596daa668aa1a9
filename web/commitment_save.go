package web

import (
	"net/http"
	"net/url"

	"planverk/followup"
)

// commitmentSave saves a changed grant commitment. Its payments stay as
// they are. Where someone else saved the project meanwhile, their changes
// to the commitment are merged into the fields this person left alone.
func (s *Server) commitmentSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	b, stored, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, ok := s.commitmentIndex(w, r, stored)
	if !ok {
		return
	}
	c := stored.Commitments[ci]
	readCommitment(fm, &c)
	if !fm.OK() {
		s.renderCommitmentForm(w, r, http.StatusUnprocessableEntity, b, stored, ci, fm, nil)
		return
	}
	p := stored
	p.Commitments = append([]followup.Commitment(nil), stored.Commitments...)
	p.Commitments[ci] = c
	saved, ok := s.saveMoney(w, r, fm, stored, p, func(now followup.Project, cv *conflictView) {
		for i, nc := range now.Commitments {
			if nc.ID == c.ID {
				opened, err := url.ParseQuery(fm.Get("opened"))
				if err != nil {
					opened = url.Values{}
				}
				mergeForm(fm, opened, commitmentValues(nc))
				markMoneyForm(fm, now, commitmentValues(nc))
				s.renderCommitmentForm(w, r, http.StatusConflict, b, now, i, fm, cv)
				return
			}
		}
		// The commitment is gone: what was typed cannot be saved to it.
		s.errorPage(w, r, http.StatusConflict, "followup.commitment-gone")
	})
	if ok {
		http.Redirect(w, r, projectPath(saved)+"?saved=1#money", http.StatusSeeOther)
	}
}
