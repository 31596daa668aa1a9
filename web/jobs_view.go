package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"planverk/chart"
	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// jobsLedger is a programme's job ledger as the page and the API show it,
// with the names of the projects whose reports count.
type jobsLedger struct {
	followup.Ledger
	Names map[int64]string
	// Samples counts the sample projects whose reports the ledger counts.
	Samples int
}

// ledgerOf computes the job ledger of a programme as the person may see
// it: for one who is not a member, from the public projects only.
func (s *Server) ledgerOf(r *http.Request, b *followupBase) (jobsLedger, error) {
	sets, err := s.store.AcceptedReports(r.Context(), []string{b.Programme.ID})
	if err != nil {
		return jobsLedger{}, err
	}
	return ledgerFrom(b.Plans, sets[b.Programme.ID], b.Member), nil
}

// ledgerFrom computes a job ledger from what the store read of a
// programme; member says the person sees every project, not only the
// public ones.
func ledgerFrom(plans []*plan.File, set store.ReportSet, member bool) jobsLedger {
	reps := slices.DeleteFunc(slices.Clone(set.Reports), func(rep followup.Report) bool {
		return !member && !set.Public[rep.ProjectID]
	})
	samples := map[int64]bool{}
	for _, rep := range reps {
		if set.Sample[rep.ProjectID] && set.Supported[rep.ProjectID] {
			samples[rep.ProjectID] = true
		}
	}
	return jobsLedger{Ledger: followup.NewLedger(followup.JobTargets(plans), reps, set.Supported), Names: set.Names,
		Samples: len(samples)}
}

// jobsView is the job ledger's page.
type jobsView struct {
	*followupBase
	Ledger jobsLedger
	Chart  template.HTML
	// Imported is how many reports an import just stored, to be said.
	Imported int
}

// ProjectName names a report's project.
func (v jobsView) ProjectName(id int64) string { return v.Ledger.Names[id] }

// ReportPath is the address of a report's page.
func (v jobsView) ReportPath(rep followup.Report) string {
	return reportPath(followup.Project{ID: rep.ProjectID, ProgrammeID: rep.ProgrammeID}, rep.ID)
}

// ProjectPath is the address of a report's project's page.
func (v jobsView) ProjectPath(rep followup.Report) string {
	return projectPath(followup.Project{ID: rep.ProjectID, ProgrammeID: rep.ProgrammeID})
}

// chart draws each target beside the jobs counted towards it.
func (v *jobsView) chart(r *http.Request) { v.Chart = jobsChart(r, v.Ledger.Ledger) }

// jobsChart draws each jobs target of a ledger beside the jobs counted
// towards it; nothing where the programme has no jobs target.
func jobsChart(r *http.Request, l followup.Ledger) template.HTML {
	var rows []chart.Row
	for _, t := range l.Targets {
		rows = append(rows, chart.Row{Label: jobsTargetName(r, t.Target),
			Values: []*int64{chart.Value(t.Target.Value), chart.Value(int64(t.Counted))}})
	}
	if len(rows) == 0 {
		return ""
	}
	return chart.Bars{ID: "chart-jobs", Title: i18nTitle(r, "jobs.chart"), Desc: i18nTitle(r, "jobs.chart-desc"),
		Series: []string{i18nTitle(r, "jobs.target"), i18nTitle(r, "jobs.counted")},
		Rows:   rows, Format: func(n int64) string { return i18n.Amount(plan.Amount(n)) }}.SVG()
}

// jobsTargetName names a jobs target by its year or period: "2025",
// "2022–2027".
func jobsTargetName(r *http.Request, t plan.Target) string {
	switch {
	case t.Period != nil && t.Period.Open():
		return i18nTitle(r, "jobs.target-from", "From", t.Period.From)
	case t.Period != nil:
		return strconv.Itoa(t.Period.From) + "–" + strconv.Itoa(t.Period.To)
	case t.Year != 0:
		return strconv.Itoa(t.Year)
	}
	return i18nTitle(r, "jobs.target-any")
}
