package web

import (
	"fmt"
	"net/http"
	"slices"

	"planverk/plan"
	"planverk/store"
)

// financingEditView is the financing form: rows by funding sources, and
// beside them the totals as the plan page computes them from what is
// saved, for reference.
type financingEditView struct {
	planFormView
	Table *plan.Financing
	// Sources are the table's columns.
	Sources []plan.FundingSource
	Rows    []moneyRow
	New     moneyRow
	// Lines are the budget lines a row can finance; none where the table
	// has no budget.
	Lines []option
	// NewSources are the plan's funding sources the table has no column for.
	NewSources []option
	Uses       financingUses
	Computed   *financingView
	Findings   []findingView
	// Added is set when the form comes back after a column was added.
	Added bool
	// RemoveSources are the source columns the form can remove;
	// ConfirmSource the one whose amounts the person must agree to lose,
	// once the form has named them.
	RemoveSources []option
	ConfirmSource string
}

// financingEdit shows the form that edits a financing table.
func (s *Server) financingEdit(w http.ResponseWriter, r *http.Request) {
	editMoneyTable(s, w, r, financingTable)
}

func (s *Server) renderFinancingEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	t *plan.Financing, fm *form, conflict *conflictView) {
	_, ti := findFinancing(f, t.ID)
	ev := financingEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Table: t, Uses: financingUsesOf(t), Computed: newFinancingView(f, t),
		Findings: moneyFindings(f, fmt.Sprintf("plan.financing[%d]", ti), language(r)),
		Added:    r.Method == http.MethodGet && r.URL.Query().Get("added") == "1"}
	var budget *plan.Budget
	if t.Budget != "" {
		budget, _ = findBudget(f, t.Budget)
	}
	ev.RemoveSources = []option{{Value: "", ID: "tables.remove-no-source"}}
	for _, id := range t.Sources {
		ev.Sources = append(ev.Sources, plan.FundingSource{ID: id, Name: moneySourceName(f, id)})
		ev.RemoveSources = append(ev.RemoveSources, option{Value: id, Label: moneySourceName(f, id)})
	}
	if e, ok := fm.Errors["remove_source"]; ok && e.ID == "tables.source-holds" {
		ev.ConfirmSource = fm.Get("remove_source")
	}
	used := make([]bool, len(t.Rows))
	for i := range moneyCount(fm, "rows") {
		p := financingRowPrefix(i)
		row := moneyRow{Prefix: p}
		if _, byLine := fm.Values[p+"line"]; byLine {
			row.ByLine = true
		}
		if j := financingMatchRow(t, used, fm.Get(p+"key")); j >= 0 {
			row.Name = financingRowName(budget, t.Rows[j])
			row.Total = &ev.Computed.Rows[j].Total
		} else {
			row.Name = fm.Get(p + "label")
		}
		ev.Rows = append(ev.Rows, row)
	}
	ev.New = moneyRow{Prefix: "new-", ByLine: budget != nil}
	if budget != nil {
		ev.Lines = []option{{Value: "", ID: "money.choose-line"}}
		for _, l := range budget.Lines {
			label := l.Label
			if l.Number != "" {
				label = l.Number + " " + l.Label
			}
			ev.Lines = append(ev.Lines, option{Value: l.ID, Label: label})
		}
	}
	var lines []string
	for _, row := range ev.Rows {
		if row.ByLine {
			lines = append(lines, row.Prefix+"line")
		}
	}
	ev.Lines = moneyOptions(ev.Lines, fm, lines...)
	ev.NewSources = []option{{Value: "", ID: "money.no-new-source"}}
	for _, src := range f.Plan.Sources {
		if !slices.Contains(t.Sources, src.ID) {
			ev.NewSources = append(ev.NewSources, option{Value: src.ID, Label: src.Name})
		}
	}
	s.render(w, r, status, "financing_edit", &view{Title: i18nTitle(r, "money.financing-title", "Title", t.Title), Data: ev})
}
