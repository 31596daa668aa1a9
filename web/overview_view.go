package web

import (
	"html/template"
	"net/http"
	"slices"

	"planverk/chart"
	"planverk/followup"
	"planverk/i18n"
	"planverk/place"
	"planverk/plan"
	"planverk/store"
)

// overviewView is a page of the overview of programmes.
type overviewView struct {
	Filter overviewFilter
	Rows   []overviewRow
	Pager  pager
	Chart  template.HTML
}

// overviewFilter is what the overview is narrowed to, and the choices
// the form offers: the counties the programmes lie in, and the kinds.
type overviewFilter struct {
	County   string // a county's number, "" for every county
	Kind     plan.ProgrammeKind
	Counties []place.Place
	Kinds    []plan.ProgrammeKind
	// Unknown names a county or kind in the address that is not one of
	// the choices; the list is then not narrowed by it.
	UnknownCounty, UnknownKind string
}

// overviewRow is one programme of the overview.
type overviewRow struct {
	Programme plan.Programme
	Counties  []string
	Current   *store.PlanVersion
	// Money is nil where the person may read no plan of the programme.
	Money *followup.Money
	Left  plan.Amount
	// Jobs are the programme's jobs targets over its period, and those of
	// its current plan's year.
	Jobs []plan.Target
	// Findings counts what the money's checks found.
	Findings int
	// Counted are the gross jobs counted from accepted reports against
	// each of the programme's jobs targets.
	Counted []followup.LedgerTarget
	// Samples counts the projects in the money that are sample data.
	Samples int
	// Assessment is the latest status assessment; nil for none.
	Assessment *overviewAssessment
}

// readOverviewFilter reads ?county= and ?kind=, and lists the counties
// that some programme lies in.
func readOverviewFilter(r *http.Request, places store.ProgrammePlaces) overviewFilter {
	f := overviewFilter{Kinds: plan.ProgrammeKinds}
	seen := map[string]bool{}
	for _, numbers := range places {
		for _, c := range countiesOf(numbers) {
			if !seen[c.Number] {
				seen[c.Number] = true
				f.Counties = append(f.Counties, c)
			}
		}
	}
	c := norwegianOrder()
	slices.SortFunc(f.Counties, func(a, b place.Place) int { return c.CompareString(a.Norwegian, b.Norwegian) })
	if c := r.URL.Query().Get("county"); c != "" {
		if seen[c] {
			f.County = c
		} else {
			f.UnknownCounty = c
		}
	}
	if k := plan.ProgrammeKind(r.URL.Query().Get("kind")); k != "" {
		if slices.Contains(plan.ProgrammeKinds, k) {
			f.Kind = k
		} else {
			f.UnknownKind = string(k)
		}
	}
	return f
}

// only is the set of programmes in the filter's county, nil for every
// county.
func (f overviewFilter) only(places store.ProgrammePlaces) map[string]bool {
	if f.County == "" {
		return nil
	}
	out := map[string]bool{}
	for id, numbers := range places {
		for _, c := range countiesOf(numbers) {
			if c.Number == f.County {
				out[id] = true
			}
		}
	}
	return out
}

// countiesOf gives the counties that place numbers lie in, each once: a
// municipality's county, or the county itself.
func countiesOf(numbers []string) []place.Place {
	var out []place.Place
	for _, n := range numbers {
		p, ok := place.ByNumber(n)
		if !ok {
			continue
		}
		if c := place.CountyOf(p); c.Number != "" && !slices.ContainsFunc(out, func(x place.Place) bool { return x.Number == c.Number }) {
			out = append(out, c)
		}
	}
	return out
}

// chart draws the money of the page's programmes: financed, committed and
// paid, side by side.
func (v *overviewView) chart(r *http.Request) {
	var rows []chart.Row
	for _, row := range v.Rows {
		if row.Money == nil {
			continue
		}
		c := chart.Row{Label: row.Programme.Name, Values: []*int64{nil, chart.Value(int64(row.Money.Committed)), chart.Value(int64(row.Money.Paid))}}
		if row.Money.HasFinanced {
			c.Values[0] = chart.Value(int64(row.Money.Financed))
		}
		rows = append(rows, c)
	}
	if len(rows) == 0 {
		return
	}
	v.Chart = chart.Bars{ID: "chart-overview", Title: i18nTitle(r, "overview.chart"), Desc: i18nTitle(r, "overview.chart-desc"),
		Series: []string{i18nTitle(r, "followup.financed"), i18nTitle(r, "followup.committed"), i18nTitle(r, "followup.paid")},
		Rows:   rows, Format: func(n int64) string { return i18n.Amount(plan.Amount(n)) }}.SVG()
}
