package web

import (
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/followup"
	"planverk/store"
)

// dashboardShow shows a programme at a glance: its whole period year by
// year with the money committed and paid and the jobs counted so far, the
// jobs against every jobs target, the money per goal, the
// measures and projects by status, and the development capacity over the
// years, each as a chart with the same figures in a table beside it. A
// visitor sees what the programme shows everyone: released plans, public
// projects, public survey results.
func (s *Server) dashboardShow(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	ps, _, err := s.store.Projects(ctx, b.Programme.ID, store.ProjectQuery{Public: !b.Member})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rounds, err := s.store.SurveyRounds(ctx, b.Programme.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !can(r, auth.ViewDraft, auth.Resource{Programme: b.Programme.ID}) {
		rounds = slices.DeleteFunc(rounds, func(rd store.SurveyRound) bool { return !rd.PublicResults })
	}
	results, err := s.roundResults(ctx, b.Programme.ID, rounds)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	jobs, err := s.ledgerOf(r, b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	m := followup.ProgrammeMoney(ps, b.Plans)
	b.countSamples(ps)
	v := dashboardView{followupBase: b, Money: m, Left: m.Financed - m.Committed, Jobs: jobs, JobsChart: jobsChart(r, jobs.Ledger)}
	v.years(r, m, jobs.Ledger, s.now().In(oslo).Year())
	v.goals(lang, m)
	v.sources(r, m)
	v.statuses(lang, ps)
	v.capacity(string(lang), results)
	s.render(w, r, http.StatusOK, "dashboard", &view{Title: i18nTitle(r, "dashboard.title", "Programme", b.Programme.Name), Data: v})
}
