package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// storeProjects registers the programme's projects against the measures
// of its current plan: most granted or under way, with a commitment from
// the state and often one from the county, and payments that never exceed
// what was committed; then their reports (storeReports).
func (p *programme) storeProjects(ctx context.Context, s store.Store, res *Result) error {
	if p.projects == 0 {
		return nil
	}
	year := p.o.Today.Year()
	f, _, err := s.LoadPlan(ctx, p.id(), year)
	if err != nil {
		return fmt.Errorf("plan %d for its projects: %w", year, err)
	}
	type ref struct {
		goal int
		id   string
	}
	var measures []ref
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			measures = append(measures, ref{g.Number, m.ID})
		}
	}
	r := rand.New(rand.NewPCG(p.o.Seed, uint64(p.n)<<32|1))
	statuses := []followup.Status{followup.StatusGranted, followup.StatusUnderway, followup.StatusUnderway,
		followup.StatusFinished, followup.StatusApplication, followup.StatusIdea}
	reported := make([]reporting, 0, p.projects)
	for i := range p.projects {
		t := topics[r.IntN(len(topics))]
		from := plan.Date{Year: year - r.IntN(p.o.Years), Month: time.Month(1 + r.IntN(12)), Day: 1, Precision: plan.PrecisionDay}
		to := plan.Date{Year: from.Year + 1 + r.IntN(2), Month: 12, Day: 31, Precision: plan.PrecisionDay}
		budget := plan.Amount(100_000 * (1 + r.IntN(40)))
		own := budget / 5
		pr := followup.Project{
			ProgrammeID: p.id(),
			Title:       fmt.Sprintf("Synthetic project %d.%d — %s", p.n, i+1, t.nb),
			Owner:       f.Programme.Municipalities[r.IntN(len(f.Programme.Municipalities))],
			Manager:     fmt.Sprintf("Syntetisk prosjektleder %d", i+1),
			From:        &from, To: &to,
			Phase:    followup.Phases[r.IntN(len(followup.Phases))],
			Status:   statuses[r.IntN(len(statuses))],
			Budget:   &budget,
			OwnShare: &own,
		}
		if len(measures) > 0 {
			m := measures[r.IntN(len(measures))]
			pr.Goal, pr.Measures = m.goal, []string{m.id}
		}
		if pr.Status != followup.StatusIdea {
			state := budget / 2
			pr.Commitments = append(pr.Commitments, p.commitment(r, "state", state, from, pr.Status))
			if r.IntN(2) == 0 {
				pr.Commitments = append(pr.Commitments, p.commitment(r, "county", budget-own-state, from, pr.Status))
			}
		}
		saved, err := s.SaveProject(ctx, pr, store.Edit{Summary: "synthetic project"})
		if err != nil {
			return fmt.Errorf("project %d: %w", i+1, err)
		}
		reported = append(reported, reporting{id: saved.ID, from: from, to: to, status: pr.Status, budget: budget})
		res.Projects++
		res.Commitments += len(pr.Commitments)
		for _, c := range pr.Commitments {
			res.Payments += len(c.Payments)
		}
	}
	return p.storeReports(ctx, s, reported, res)
}

// commitment is a grant decided a month after the project starts, paid
// in up to three parts, none after today, once the project is under way, never more in all
// than the grant.
func (p *programme) commitment(r *rand.Rand, source string, amount plan.Amount, from plan.Date, st followup.Status) followup.Commitment {
	decided := from
	c := followup.Commitment{Amount: amount, Source: source, Decided: &decided, Body: "Styringsgruppa (syntetisk)"}
	if st != followup.StatusUnderway && st != followup.StatusFinished {
		return c
	}
	parts := 1 + r.IntN(3)
	if st == followup.StatusFinished {
		parts = 3
	}
	for k := range parts {
		d := plan.Date{Year: from.Year + k/2, Month: time.Month(1 + (int(from.Month)+4*k)%12), Day: 15, Precision: plan.PrecisionDay}
		if d.Time().After(p.o.Today) {
			break
		}
		c.Payments = append(c.Payments, followup.Payment{Date: d, Amount: amount / 3})
	}
	return c
}
