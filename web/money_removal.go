package web

import (
	"net/http"
	"strconv"

	"planverk/followup"
	"planverk/plan"
)

// Removing a commitment or a payment: a page that names what goes (the
// commitment with its payments, or the one payment) with the button that
// removes it. The page carries the project's version, so that a removal
// confirmed on a page opened before someone else changed the project
// removes nothing and shows the page again as the project is now.

// moneyRemoval is the confirmation page of a commitment's or a payment's
// removal.
type moneyRemoval struct {
	*followupBase
	Project followup.Project
	// Kind is "commitment" or "payment".
	Kind string
	// Number is the commitment's number on the project's page, from 1.
	Number     int
	Commitment commitmentRow
	// Payment is the payment to remove, for Kind "payment".
	Payment  followup.Payment
	Form     *form
	Conflict *conflictView
	Action   string
}

// paymentIndex finds the request's payment in a commitment, or answers
// the request.
func (s *Server) paymentIndex(w http.ResponseWriter, r *http.Request, p followup.Project, c followup.Commitment) (int, bool) {
	id, err := strconv.ParseInt(r.PathValue("payment"), 10, 64)
	for i, pay := range c.Payments {
		if err == nil && pay.ID == id {
			return i, true
		}
	}
	s.fail(w, r, plan.Errorf(plan.ENotFound, "commitment %d of project %d has no payment %q", c.ID, p.ID, r.PathValue("payment")))
	return 0, false
}

// renderMoneyRemoval shows the confirmation page of removing commitment
// ci of p, or its payment pi where pi is not -1.
func (s *Server) renderMoneyRemoval(w http.ResponseWriter, r *http.Request, status int, b *followupBase, p followup.Project, ci, pi int, c *conflictView) {
	cm := p.Commitments[ci]
	fm := newForm(nil)
	markMoneyForm(fm, p, nil)
	v := moneyRemoval{followupBase: b, Project: p, Kind: "commitment", Number: ci + 1, Form: fm, Conflict: c,
		Commitment: commitmentRow{Commitment: cm, SourceName: b.sourceName(cm.Source), Standing: cm.Standing(), Paid: cm.Paid()},
		Action:     projectPath(p) + "/commitments/" + strconv.FormatInt(cm.ID, 10) + "/delete"}
	title := i18nTitle(r, "followup.commitment-delete-title", "Number", ci+1, "Project", p.Name())
	if pi >= 0 {
		v.Kind, v.Payment = "payment", cm.Payments[pi]
		v.Action = projectPath(p) + "/commitments/" + strconv.FormatInt(cm.ID, 10) + "/payments/" + strconv.FormatInt(cm.Payments[pi].ID, 10) + "/delete"
		title = i18nTitle(r, "followup.payment-delete-title", "Number", ci+1, "Project", p.Name())
	}
	s.render(w, r, status, "money_remove", &view{Title: title, Data: v})
}

// removeMoney saves p without commitment ci, or without its payment pi
// where pi is not -1, if the form's version is still the project's. A
// commitment or payment that is gone already (the button pressed twice)
// is what was asked: the person goes back to the project.
func (s *Server) removeMoney(w http.ResponseWriter, r *http.Request, payment bool) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	b, stored, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, pi := -1, -1
	for i, c := range stored.Commitments {
		if strconv.FormatInt(c.ID, 10) == r.PathValue("commitment") {
			ci = i
			for j, pay := range c.Payments {
				if strconv.FormatInt(pay.ID, 10) == r.PathValue("payment") {
					pi = j
				}
			}
		}
	}
	if ci < 0 || payment && pi < 0 {
		http.Redirect(w, r, projectPath(stored)+"#money", http.StatusSeeOther)
		return
	}
	p := stored
	p.Commitments = append([]followup.Commitment(nil), stored.Commitments...)
	at := "#money"
	if payment {
		c := p.Commitments[ci]
		c.Payments = append(append([]followup.Payment(nil), c.Payments[:pi]...), c.Payments[pi+1:]...)
		p.Commitments[ci] = c
		at = "#commitment-" + strconv.FormatInt(c.ID, 10)
	} else {
		p.Commitments = append(p.Commitments[:ci], p.Commitments[ci+1:]...)
	}
	id, pid := stored.Commitments[ci].ID, int64(0)
	if payment {
		pid = stored.Commitments[ci].Payments[pi].ID
	}
	saved, ok := s.saveMoney(w, r, fm, stored, p, func(now followup.Project, cv *conflictView) {
		for i, nc := range now.Commitments {
			if nc.ID != id {
				continue
			}
			if !payment {
				s.renderMoneyRemoval(w, r, http.StatusConflict, b, now, i, -1, cv)
				return
			}
			for j, np := range nc.Payments {
				if np.ID == pid {
					s.renderMoneyRemoval(w, r, http.StatusConflict, b, now, i, j, cv)
					return
				}
			}
		}
		// Someone else removed it meanwhile: it is gone, as asked.
		http.Redirect(w, r, projectPath(now)+"#money", http.StatusSeeOther)
	})
	if ok {
		http.Redirect(w, r, projectPath(saved)+"?deleted=1"+at, http.StatusSeeOther)
	}
}
