package web

import (
	"net/http"
	"strconv"

	"planverk/followup"
)

// paymentCreate adds a payment, one tranche, to a grant commitment. Both
// its date and its amount are needed; a payment over what stands of the
// commitment is saved, since it is what happened, and shown as a finding.
func (s *Server) paymentCreate(w http.ResponseWriter, r *http.Request) {
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
	fm.Required("date", "amount")
	var pay followup.Payment
	if d := readDateField(fm, "date", "followup.form.date-invalid", "Field", label("followup.field.paid_on")); d != nil {
		pay.Date = *d
	}
	if a := formAmount(fm, "amount", "followup.field.paid"); a != nil {
		pay.Amount = *a
	}
	if !fm.OK() {
		s.renderPaymentForm(w, r, http.StatusUnprocessableEntity, b, stored, ci, fm, nil)
		return
	}
	p := stored
	p.Commitments = append([]followup.Commitment(nil), stored.Commitments...)
	c := p.Commitments[ci]
	c.Payments = append(append([]followup.Payment(nil), c.Payments...), pay)
	p.Commitments[ci] = c
	saved, ok := s.saveMoney(w, r, fm, stored, p, func(now followup.Project, cv *conflictView) {
		for i, nc := range now.Commitments {
			if nc.ID == c.ID {
				markMoneyForm(fm, now, nil)
				s.renderPaymentForm(w, r, http.StatusConflict, b, now, i, fm, cv)
				return
			}
		}
		s.errorPage(w, r, http.StatusConflict, "followup.commitment-gone")
	})
	if ok {
		http.Redirect(w, r, projectPath(saved)+"?saved=1#commitment-"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
	}
}

func (s *Server) renderPaymentForm(w http.ResponseWriter, r *http.Request, status int, b *followupBase, p followup.Project, ci int, fm *form, c *conflictView) {
	v := moneyForm{followupBase: b, Project: p, Commitment: &p.Commitments[ci], Form: fm, Conflict: c,
		Action: projectPath(p) + "/commitments/" + strconv.FormatInt(p.Commitments[ci].ID, 10) + "/payments/new"}
	s.render(w, r, status, "payment_edit", &view{Title: i18nTitle(r, "followup.payment-new", "Project", p.Name()), Data: v})
}
