package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"planverk/cycle"
	"planverk/place"
	"planverk/plan"
	"planverk/store"
)

// funder is the ministry that funds every synthetic programme.
var funder = plan.Organisation{ID: "kdd", Name: "Kommunal- og distriktsdepartementet", Kind: plan.OrgMinistry}

// programme is one synthetic programme being made: its place, its kind
// and its own random source, so that each programme's content depends on
// the seed and its number only.
type programme struct {
	o       Options
	n       int // from 1
	county  place.Place
	munis   []place.Place
	kind    plan.ProgrammeKind
	schemes []string
	// measures is how many measures each year's plan has.
	measures int
	projects int
	reports  int
}

// newProgramme chooses programme i's place and sizes. Programme i's first
// municipality is the register's i-th (round the register again past its
// end), so that 357 programmes or more cover every municipality, and so
// every county; a rural-growth agreement takes up to three more of the
// same county.
func newProgramme(o Options, i int, schemes []string) *programme {
	r := rand.New(rand.NewPCG(o.Seed, uint64(i)+1))
	all := place.Municipalities()
	first := all[i%len(all)]
	county, _ := place.ByNumber(first.County)
	p := &programme{o: o, n: i + 1, county: county, munis: []place.Place{first}, schemes: schemes,
		kind: plan.KindRestructuring}
	if i%2 == 1 {
		p.kind = plan.KindRuralGrowth
		var same []place.Place
		for _, m := range all {
			if m.County == first.County && m.Number != first.Number {
				same = append(same, m)
			}
		}
		r.Shuffle(len(same), func(a, b int) { same[a], same[b] = same[b], same[a] })
		p.munis = append(p.munis, same[:min(len(same), 1+r.IntN(3))]...)
	}
	// Spread the totals evenly, the remainder to the first programmes, so
	// that the sums come out at the sizes asked for.
	p.measures = share(o.Measures/o.Years, o.Programmes, i)
	p.projects = share(o.Projects, o.Programmes, i)
	p.reports = share(o.Reports, o.Programmes, i)
	return p
}

// share is programme i's part of total spread over n.
func share(total, n, i int) int {
	s := total / n
	if i < total%n {
		s++
	}
	return s
}

func (p *programme) id() string { return fmt.Sprintf("synthetic-%d", p.n) }

func orgOf(pl place.Place) plan.Organisation {
	k := plan.OrgMunicipality
	prefix := "kommune-"
	if pl.Kind == place.KindCounty {
		k, prefix = plan.OrgCounty, "fylke-"
	}
	return plan.Organisation{ID: prefix + pl.Number, Name: pl.Norwegian, Kind: k, MunicipalityNumber: pl.Number}
}

// file is the programme's plan for a year, as version v (1 or 2) of it
// says: the second version moves measures on and adds a sentence, as a
// draft being written does.
func (p *programme) file(year, v int, status plan.Status) *plan.File {
	r := rand.New(rand.NewPCG(p.o.Seed, uint64(p.n)<<20|uint64(year)))
	first := p.o.Today.Year() - p.o.Years + 1
	county := orgOf(p.county)
	orgs := []plan.Organisation{funder, county}
	var munis []string
	names := make([]string, 0, len(p.munis))
	for _, m := range p.munis {
		o := orgOf(m)
		orgs = append(orgs, o)
		munis = append(munis, o.ID)
		names = append(names, m.BaseName())
	}
	parties := []plan.Party{{Org: funder.ID, Role: plan.RoleFunder}, {Org: county.ID, Role: plan.RoleCommissioner}}
	if p.kind == plan.KindRestructuring {
		parties = append(parties, plan.Party{Org: munis[0], Role: plan.RoleOwner})
	} else {
		for _, m := range munis {
			parties = append(parties, plan.Party{Org: m, Role: plan.RoleSignatory})
		}
	}
	lang := plan.Bokmal
	if p.n%3 == 0 {
		lang = plan.Nynorsk
	}
	name := fmt.Sprintf("Synthetic programme %d — %s", p.n, strings.Join(names, ", "))
	f := &plan.File{
		Format:        plan.FormatVersion,
		Organisations: orgs,
		Programme: plan.Programme{
			ID: p.id(), Kind: p.kind, Name: name,
			ShortName:      fmt.Sprintf("Synthetic %d — %s", p.n, names[0]),
			Period:         plan.Period{From: first, To: first + 5},
			Description:    plan.Markdown(fmt.Sprintf("A **synthetic** programme made by `planverk demo generate` (seed %d) to try planverk at the scale of the country. It does not exist.", p.o.Seed)),
			Parties:        parties,
			Municipalities: munis,
		},
		Plan: plan.Plan{
			Year:     year,
			Title:    fmt.Sprintf("Synthetic action plan %d — %s", year, names[0]),
			Language: lang,
			Status:   status,
			Sections: []plan.Section{{
				Title: "Innledning", Kind: "introduction",
				Body: plan.Markdown(fmt.Sprintf("Denne handlingsplanen er **syntetisk**: laget av en maskin for å prøve planverk.\n\nDen gjelder %s i %s.", strings.Join(names, ", "), p.county.Norwegian)),
			}},
			Sources: []plan.FundingSource{{ID: "state", Name: "Staten", Org: funder.ID}, {ID: "county", Name: p.county.Norwegian, Org: county.ID}},
		},
	}
	f.Programme.Targets, f.Plan.Targets = p.jobTargets(first, year)
	goals := 2 + r.IntN(3)
	for g := range goals {
		t := topics[(p.n+g)%len(topics)]
		f.Plan.Goals = append(f.Plan.Goals, plan.Goal{Number: g + 1, Title: fmt.Sprintf("Synthetic goal %d: %s", g+1, t.nb),
			Weight: plan.Share(fmt.Sprintf("1/%d", goals))})
	}
	for m := range p.measures {
		g := m % goals
		t := topics[(p.n+g)%len(topics)]
		lead := munis[r.IntN(len(munis))]
		ms := plan.Measure{
			Number:    len(f.Plan.Goals[g].Measures) + 1,
			Title:     fmt.Sprintf("Synthetic measure %d.%d — %s", g+1, len(f.Plan.Goals[g].Measures)+1, t.nb),
			Summary:   plan.Markdown(fmt.Sprintf("Et syntetisk tiltak for %s i %s.", t.nb, names[0])),
			Leads:     []plan.Actor{{Org: lead}},
			Partners:  []plan.Actor{{Org: county.ID}},
			TimeFrame: plan.TimeFrame{From: year, To: year + r.IntN(3)},
			Priority:  plan.Priorities[r.IntN(2)],
			Status:    plan.MeasurePlanned,
		}
		if v > 1 && r.IntN(2) == 0 {
			ms.Status = plan.MeasureOngoing
		}
		if len(p.schemes) > 0 && r.IntN(3) > 0 {
			ms.Schemes = []string{p.schemes[r.IntN(len(p.schemes))]}
		}
		f.Plan.Goals[g].Measures = append(f.Plan.Goals[g].Measures, ms)
	}
	if v > 1 {
		f.Plan.Sections[0].Body += "\n\nRevidert i andre versjon."
	}
	if status == plan.StatusApproved {
		day := plan.Date{Year: year, Month: 3, Day: 1 + r.IntN(20), Precision: plan.PrecisionDay}
		for _, m := range munis {
			ec, co := day, day
			co.Day += 7
			f.Plan.Anchoring = append(f.Plan.Anchoring, plan.Anchoring{Municipality: m, ExecutiveCommittee: &ec, Council: &co})
		}
		ap := day
		ap.Month = 4
		f.Plan.Approvals = []plan.Approval{{Party: funder.ID, Date: &ap}}
	}
	return f
}

// jobTargets are the programme's jobs targets, over its period and for
// the plan's year, for the job ledger to count the accepted reports
// against. They are set near what the reports bring about (an accepted
// report brings a job and a bit, and the reports' periods end over the
// plans' years), so that some years reach their target and some do not.
func (p *programme) jobTargets(first, year int) ([]plan.Target, []plan.Target) {
	yearly := int64(max(5, p.reports*7/(5*p.o.Years)))
	label := "Nye/sikrede arbeidsplasser"
	period := []plan.Target{{Kind: plan.TargetJobs, Label: label, Value: yearly * 6, Gross: true,
		Period: &plan.Period{From: first, To: first + 5}}}
	return period, []plan.Target{{Kind: plan.TargetJobs, Label: label, Value: yearly, Year: year, Gross: true}}
}

// store saves the programme's plans, oldest first: each earlier year as a
// draft and then approved, released and open to everyone; the current
// year as two draft versions, proposed (a release open to everyone) for
// two programmes in three. Then its projects.
func (p *programme) store(ctx context.Context, s store.Store, res *Result) error {
	last := p.o.Today.Year()
	res.Programmes++
	for year := last - p.o.Years + 1; year <= last; year++ {
		final := plan.StatusApproved
		if year == last {
			final = plan.StatusDraft
		}
		for v, status := range []plan.Status{plan.StatusDraft, final} {
			if _, err := s.SavePlan(ctx, p.file(year, v+1, status)); err != nil {
				return fmt.Errorf("plan %d version %d: %w", year, v+1, err)
			}
			res.Versions++
		}
		res.Plans++
		res.Measures += p.measures
		switch {
		case year < last:
			if _, _, err := s.ReleaseImported(ctx, p.id(), year, cycle.Approved); err != nil {
				return fmt.Errorf("release %d: %w", year, err)
			}
			res.Releases++
			if err := s.SetPublished(ctx, p.id(), year, true, 0); err != nil {
				return fmt.Errorf("publish %d: %w", year, err)
			}
		case p.n%3 != 0:
			today := plan.Date{Year: p.o.Today.Year(), Month: p.o.Today.Month(), Day: p.o.Today.Day(), Precision: plan.PrecisionDay}
			d := cycle.Decision{Step: cycle.StepProposal, Body: "Styringsgruppa (syntetisk)", Date: today}
			if _, err := s.TakeStep(ctx, p.id(), year, d, store.Edit{Summary: "synthetic proposal"}); err != nil {
				return fmt.Errorf("propose %d: %w", year, err)
			}
			res.Releases++
		}
	}
	return p.storeProjects(ctx, s, res)
}
