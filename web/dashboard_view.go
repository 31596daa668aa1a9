package web

import (
	"html/template"
	"math"
	"net/http"
	"slices"
	"strconv"

	"planverk/chart"
	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// dashboardView is a programme's dashboard: each part a chart and the
// table of its figures.
type dashboardView struct {
	*followupBase
	Money followup.Money
	Left  plan.Amount

	Years     []dashboardYear
	YearChart template.HTML

	GoalChart template.HTML

	// Sources are the money per funding source over every year,
	// SourceChart the same as a chart.
	Sources     []dashboardSource
	SourceChart template.HTML

	// Jobs is the job ledger, JobsChart its targets against what counts.
	Jobs      jobsLedger
	JobsChart template.HTML

	Measures, Projects []statusCount
	StatusChart        template.HTML

	// CapacityYears heads the capacity table's columns, oldest first;
	// Capacity its rows, by the indicators of the newest round.
	CapacityYears []int
	Capacity      []capacityRow
	CapacityChart template.HTML
}

// dashboardYear is a year of the programme's period: its plan, if the
// person may read one, and the money of the year and of every year up to
// it.
type dashboardYear struct {
	Year                      int
	Plan                      *plan.File
	Financed                  *plan.Amount
	Committed, Paid           plan.Amount
	CommittedSoFar, PaidSoFar plan.Amount
	// Jobs are the gross jobs the year's accepted reports count, JobsSoFar
	// those of every year up to it.
	Jobs, JobsSoFar int
}

// dashboardSource is a funding source's money over the whole period: what
// the plans' financing tables give it, nil where none gives an amount, and
// what is committed from it, paid and left.
type dashboardSource struct {
	Name            string
	Financed, Left  *plan.Amount
	Committed, Paid plan.Amount
}

// sources charts the money per funding source, the years added up. The
// money page has the same year by year.
func (v *dashboardView) sources(r *http.Request, m followup.Money) {
	at := map[string]int{}
	for _, sy := range m.Sources {
		i, ok := at[sy.Source]
		if !ok {
			i = len(v.Sources)
			at[sy.Source] = i
			v.Sources = append(v.Sources, dashboardSource{Name: sy.SourceName})
		}
		d := &v.Sources[i]
		d.Committed += sy.Committed
		d.Paid += sy.Paid
		if sy.Financed != nil {
			sum := *sy.Financed
			if d.Financed != nil {
				sum += *d.Financed
			}
			d.Financed = &sum
		}
	}
	var rows []chart.Row
	for i := range v.Sources {
		d := &v.Sources[i]
		row := chart.Row{Label: d.Name, Values: []*int64{nil, chart.Value(int64(d.Committed)), chart.Value(int64(d.Paid)), nil}}
		if d.Financed != nil {
			d.Left = (*d.Financed - d.Committed).Ptr()
			row.Values[0], row.Values[3] = chart.Value(int64(*d.Financed)), chart.Value(int64(*d.Left))
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return
	}
	v.SourceChart = chart.Bars{ID: "chart-sources", Title: i18nTitle(r, "dashboard.sources-chart"), Desc: i18nTitle(r, "dashboard.sources-chart-desc"),
		Series: []string{i18nTitle(r, "followup.financed"), i18nTitle(r, "followup.committed"), i18nTitle(r, "followup.paid"), i18nTitle(r, "followup.left-to-commit")},
		Rows:   rows, Format: amountFormat}.SVG()
}

// statusCount is how many measures or projects have a status.
type statusCount struct {
	Label string
	Count int
}

func amountFormat(v int64) string { return i18n.Amount(plan.Amount(v)) }

// years lays out the period year by year: the years of the programme's
// period (to this year where it is open), of its plans and of its money.
func (v *dashboardView) years(r *http.Request, m followup.Money, l followup.Ledger, thisYear int) {
	byYear := map[int]*dashboardYear{}
	at := func(y int) *dashboardYear {
		if byYear[y] == nil {
			byYear[y] = &dashboardYear{Year: y}
		}
		return byYear[y]
	}
	p := v.Programme.Period
	if p.From != 0 {
		to := p.To
		if to == 0 {
			to = max(p.From, thisYear)
		}
		for y := p.From; y <= to && y-p.From < 50; y++ {
			at(y)
		}
	}
	for _, f := range v.Plans {
		at(f.Plan.Year).Plan = f
	}
	for _, sy := range m.Sources {
		if sy.Year == 0 {
			continue // undated commitments count in no year; the money page names them
		}
		y := at(sy.Year)
		y.Committed += sy.Committed
		y.Paid += sy.Paid
		if sy.Financed != nil {
			sum := *sy.Financed
			if y.Financed != nil {
				sum += *y.Financed
			}
			y.Financed = &sum
		}
	}
	for _, ly := range l.Years {
		if ly.Jobs() > 0 {
			at(ly.Year).Jobs = ly.Jobs()
		}
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	var committed, paid plan.Amount
	var jobs int
	var rows []chart.Row
	for _, y := range years {
		d := byYear[y]
		committed += d.Committed
		paid += d.Paid
		jobs += d.Jobs
		d.CommittedSoFar, d.PaidSoFar, d.JobsSoFar = committed, paid, jobs
		v.Years = append(v.Years, *d)
		row := chart.Row{Label: strconv.Itoa(y), Values: []*int64{nil, chart.Value(int64(committed)), chart.Value(int64(paid))}}
		if d.Financed != nil {
			row.Values[0] = chart.Value(int64(*d.Financed))
		}
		rows = append(rows, row)
	}
	v.YearChart = chart.Bars{ID: "chart-years", Title: i18nTitle(r, "dashboard.years-chart"), Desc: i18nTitle(r, "dashboard.years-chart-desc"),
		Series: []string{i18nTitle(r, "dashboard.financed-year"), i18nTitle(r, "dashboard.committed-so-far"), i18nTitle(r, "dashboard.paid-so-far")},
		Rows:   rows, Format: amountFormat}.SVG()
}

// goals charts the money per goal of the newest plan.
func (v *dashboardView) goals(lang i18n.Lang, m followup.Money) {
	var rows []chart.Row
	for _, g := range m.Goals {
		row := chart.Row{Label: g.Name + " " + g.Title, Values: []*int64{nil, chart.Value(int64(g.Committed)), chart.Value(int64(g.Paid)), nil}}
		switch {
		case g.Budget != nil:
			row.Values[0] = chart.Value(int64(*g.Budget))
		case g.Allotment != nil:
			row.Values[0] = chart.Value(int64(*g.Allotment))
		}
		if left := g.Left(); left != nil && *left >= 0 {
			row.Values[3] = chart.Value(int64(*left))
		}
		rows = append(rows, row)
	}
	t := func(id string) string { return i18n.T(lang, id, nil) }
	v.GoalChart = chart.Bars{ID: "chart-goals", Title: t("followup.per-goal-caption"), Desc: t("dashboard.goals-chart-desc"),
		Series: []string{t("followup.goal-budget"), t("followup.committed"), t("followup.paid"), t("followup.left-to-commit")},
		Rows:   rows, Format: amountFormat}.SVG()
}

// statuses counts the newest plan's measures and the projects by status,
// every status listed, none too.
func (v *dashboardView) statuses(lang i18n.Lang, ps []followup.Project) {
	t := func(id string) string { return i18n.T(lang, id, nil) }
	newest := v.Plans[0]
	for _, f := range v.Plans {
		if f.Plan.Year > newest.Plan.Year {
			newest = f
		}
	}
	measures := map[plan.MeasureStatus]int{}
	for _, g := range newest.Plan.Goals {
		for _, m := range g.Measures {
			measures[m.Status]++
		}
	}
	for _, m := range newest.Plan.Measures {
		measures[m.Status]++
	}
	for _, st := range plan.MeasureStatuses {
		v.Measures = append(v.Measures, statusCount{Label: t("measure-status." + string(st)), Count: measures[st]})
	}
	if n := measures[""]; n > 0 {
		v.Measures = append(v.Measures, statusCount{Label: t("dashboard.status-none"), Count: n})
	}
	projects := map[followup.Status]int{}
	for _, p := range ps {
		projects[p.Status]++
	}
	for _, st := range followup.Statuses {
		if projects[st] > 0 || v.Member || followup.Project.Public(followup.Project{Status: st}) {
			v.Projects = append(v.Projects, statusCount{Label: t("followup.status." + string(st)), Count: projects[st]})
		}
	}
	var rows []chart.Row
	for _, c := range v.Measures {
		rows = append(rows, chart.Row{Label: c.Label, Values: []*int64{chart.Value(int64(c.Count)), nil}})
	}
	for _, c := range v.Projects {
		rows = append(rows, chart.Row{Label: c.Label, Values: []*int64{nil, chart.Value(int64(c.Count))}})
	}
	v.StatusChart = chart.Bars{ID: "chart-status", Title: t("dashboard.status-chart"), Desc: t("dashboard.status-chart-desc"),
		Series: []string{t("dashboard.measures"), t("dashboard.projects")}, Rows: rows,
		Format: func(n int64) string { return strconv.FormatInt(n, 10) }}.SVG()
}

// capacity charts the development capacity per indicator over the years,
// by the indicators of the newest round; a year with too few answers for
// an indicator has no bar, and the table says why.
func (v *dashboardView) capacity(lang string, results []roundResult) {
	if len(results) == 0 {
		return
	}
	years := newCapacityYears(lang, results)
	v.CapacityYears, v.Capacity = years.Years, years.Rows
	var series []string
	for _, y := range years.Years {
		series = append(series, strconv.Itoa(y))
	}
	var rows []chart.Row
	for _, d := range results[0].set.Dimensions {
		for _, ind := range d.Indicators {
			row := chart.Row{Label: ind.Name.In(lang)}
			for i := len(results) - 1; i >= 0; i-- {
				c := results[i].result.All.Indicators[ind.Key]
				if c.Shown() {
					row.Values = append(row.Values, chart.Value(int64(math.Round(c.Mean*10))))
				} else {
					row.Values = append(row.Values, nil)
				}
			}
			rows = append(rows, row)
		}
	}
	l := i18n.Lang(lang)
	v.CapacityChart = chart.Bars{ID: "chart-capacity", Title: i18n.T(l, "dashboard.capacity-chart", nil),
		Desc: i18n.T(l, "dashboard.capacity-chart-desc", nil), Series: series, Rows: rows,
		Format: func(tenths int64) string { return decimal(lang, float64(tenths)/10) }}.SVG()
}
