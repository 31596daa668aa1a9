package web

import (
	"math/big"
	"net/http"

	"planverk/i18n"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// projectMoney shows a programme's money as followed through the year:
// committed, paid and left per goal, and per funding source and year
// against the plans' financing tables, with every finding. Everybody
// else than the programme's members sees the money of the public
// projects only.
func (s *Server) projectMoney(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	ps, _, err := s.store.Projects(r.Context(), b.Programme.ID, store.ProjectQuery{Public: !b.Member})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m := followup.ProgrammeMoney(ps, b.Plans)
	b.countSamples(ps)
	v := projectMoneyView{followupBase: b, Money: m, Findings: findingTexts(language(r), m.Findings),
		Left: m.Financed - m.Committed}
	s.render(w, r, http.StatusOK, "project_money", &view{Title: i18nTitle(r, "followup.money-title", "Programme", b.Programme.Name), Data: v})
}

type projectMoneyView struct {
	*followupBase
	Money    followup.Money
	Findings []string
	Left     plan.Amount
}

// Percent writes a percentage (60 for 60 %) in the page's language.
func (v *view) Percent(p *big.Rat) string { return i18n.Percent(v.Lang, p) }
