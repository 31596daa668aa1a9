package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"planverk/plan"
	"planverk/store"
)

// budgetEditView is the budget form: the grid of amounts, and beside it
// the totals as the plan page computes them from what is saved, for
// reference; they are never typed in.
type budgetEditView struct {
	planFormView
	Budget   *plan.Budget
	Rows     []moneyRow
	New      moneyRow
	Goals    []option
	Computed *budgetView
	Findings []findingView
	// Added is set when the form comes back after a year column was added,
	// for its amounts to be filled in.
	Added bool
	// RemoveYears are the year columns the form can remove.
	RemoveYears []option
	// MoveLines are the lines the form can move, and MoveTo where.
	MoveLines, MoveTo []option
	// Moved is set when the form comes back after a line was moved.
	Moved bool
	// ConfirmYear is the year to remove whose amounts the person must
	// agree to lose, once the form has named them; 0 otherwise.
	ConfirmYear int
}

// moneyRow is one row of a money grid as the form shows it.
type moneyRow struct {
	// Prefix starts the names of the row's fields: "line-0-", "new-".
	Prefix string
	// Name is the row's label as saved, for its header and for the
	// accessible names of its fields; "" for the new row.
	Name string
	// Total is the row's computed total, where the row is saved.
	Total *amountCell
	// ByLine is set for a financing row that finances a budget line
	// (chosen in a list) rather than one with a label of its own.
	ByLine bool
}

// budgetEdit shows the form that edits a budget.
func (s *Server) budgetEdit(w http.ResponseWriter, r *http.Request) {
	editMoneyTable(s, w, r, budgetTable)
}

func (s *Server) renderBudgetEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	b *plan.Budget, fm *form, conflict *conflictView) {
	_, bi := findBudget(f, b.ID)
	ev := budgetEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Budget: b, Computed: newBudgetView(f, b),
		Findings: moneyFindings(f, fmt.Sprintf("plan.budgets[%d]", bi), language(r)),
		New:      moneyRow{Prefix: "new-"}, Added: r.Method == http.MethodGet && r.URL.Query().Get("added") == "1"}
	for i := range moneyCount(fm, "lines") {
		p := budgetRowPrefix(i)
		row := moneyRow{Prefix: p, Name: fm.Get(p + "label")}
		if li := slices.IndexFunc(b.Lines, func(l plan.BudgetLine) bool { return l.ID == fm.Get(p+"id") }); li >= 0 {
			row.Name = b.Lines[li].Label
			row.Total = &ev.Computed.Rows[li].Total
		}
		ev.Rows = append(ev.Rows, row)
	}
	ev.Goals = []option{{Value: "", ID: "money.no-goal"}}
	for _, g := range f.Plan.Goals {
		ev.Goals = append(ev.Goals, option{Value: strconv.Itoa(g.Number), Label: fmt.Sprintf("%d. %s", g.Number, g.Title)})
	}
	var goals []string
	for _, row := range ev.Rows {
		goals = append(goals, row.Prefix+"goal")
	}
	ev.Goals = moneyOptions(ev.Goals, fm, goals...)
	ev.RemoveYears = []option{{Value: "", ID: "tables.remove-no-year"}}
	for _, y := range b.Years {
		ev.RemoveYears = append(ev.RemoveYears, option{Value: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	ev.MoveLines = []option{{Value: "", ID: "tables.move-no-line"}}
	for _, l := range b.Lines {
		ev.MoveLines = append(ev.MoveLines, option{Value: l.ID, Label: l.Label})
	}
	ev.MoveTo = []option{{Value: "up", ID: "tables.move-up"}, {Value: "down", ID: "tables.move-down"}}
	ev.Moved = r.Method == http.MethodGet && r.URL.Query().Get("moved") == "1"
	if e, ok := fm.Errors["remove_year"]; ok && e.ID == "tables.year-holds" {
		ev.ConfirmYear, _ = strconv.Atoi(fm.Get("remove_year"))
	}
	s.render(w, r, status, "budget_edit", &view{Title: i18nTitle(r, "money.budget-title", "Title", b.Title), Data: ev})
}
