package web

import (
	"net/http"

	"planverk/followup"
	"planverk/plan"
)

// projectShow shows a project: its fields, the measures it serves, its
// grant commitments and their payments, and what the checks of its money
// found, in words that name the figures.
func (s *Server) projectShow(w http.ResponseWriter, r *http.Request) {
	b, err := s.projectBaseOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, ok := s.loadProject(w, r, b)
	if !ok {
		return
	}
	v := projectView{followupBase: b, Project: p, Path: projectPath(p), Saved: r.URL.Query().Get("saved") != "",
		Deleted:   r.URL.Query().Get("deleted") != "",
		Committed: p.Committed(), Paid: p.Paid(), Findings: findingTexts(language(r), followup.CheckProject(p))}
	v.Left = v.Committed - v.Paid
	if len(b.Plans) > 0 {
		for _, g := range b.Plans[0].Plan.Goals {
			if p.Goal != 0 && g.Number == p.Goal {
				v.Goal = g.Name() + " " + g.Title
			}
		}
	}
	for _, id := range p.Measures {
		if len(b.Plans) == 0 {
			break // a project manager who may read no plan: no measure to name
		}
		name, found := b.measureName(id)
		v.Measures = append(v.Measures, servedMeasure{Name: name, Gone: !found})
	}
	for _, c := range p.Commitments {
		v.Commitments = append(v.Commitments, commitmentRow{Commitment: c, SourceName: b.sourceName(c.Source),
			Standing: c.Standing(), Paid: c.Paid()})
	}
	reports, err := s.reportsOf(r, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Reports = reports
	s.render(w, r, http.StatusOK, "project", &view{Title: p.Name(), Data: v})
}

type projectView struct {
	*followupBase
	Project               followup.Project
	Path                  string
	Saved, Deleted        bool
	Measures              []servedMeasure
	Commitments           []commitmentRow
	Committed, Paid, Left plan.Amount
	Findings              []string
	// Goal names the goal the project serves where it serves no measure.
	Goal string
	// Reports are the project's reports the person may see.
	Reports projectReports
}

// servedMeasure is a measure a project serves: its name in the newest plan
// that has it, or Gone where no plan the person may read has it.
type servedMeasure struct {
	Name string
	Gone bool
}

type commitmentRow struct {
	followup.Commitment
	SourceName     string
	Standing, Paid plan.Amount
}
