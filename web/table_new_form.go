package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// The form that adds a budget or a financing table asks what the table is
// before it has any amounts: its title and the years it covers, and for a
// financing table the budget whose lines its rows finance and the funding
// sources that are its columns. Lines, rows and amounts are then written in
// the table's own form, where the new table opens.

// tableNewView is the form that adds a table of a kind: "budget" or
// "financing".
type tableNewView struct {
	planFormView
	Kind string
	// Period is the programme's period, which a table's years lie within.
	Period plan.Period
	// Budgets are the budgets a financing table can finance the lines of.
	Budgets []option
	// Sources are the plan's funding sources, each a box to tick.
	Sources []sourceChoice
}

// sourceChoice is a funding source the new financing table can have as a
// column.
type sourceChoice struct {
	Name, Field string
	Checked     bool
}

// maxTableYears bounds the years a new table spans: programmes run for up
// to six years, and a forged span must not make a table of thousands.
const maxTableYears = 20

func (s *Server) renderTableNew(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	kind string, fm *form) {
	nv := tableNewView{planFormView: newPlanFormView(f, v, fm, nil), Kind: kind, Period: f.Programme.Period}
	nv.Budgets = []option{{Value: "", ID: "tables.no-budget"}}
	for _, b := range f.Plan.Budgets {
		nv.Budgets = append(nv.Budgets, option{Value: b.ID, Label: b.Title})
	}
	for _, src := range f.Plan.Sources {
		nv.Sources = append(nv.Sources, sourceChoice{Name: moneySourceName(f, src.ID), Field: "source_" + src.ID,
			Checked: fm.Get("source_"+src.ID) != ""})
	}
	s.render(w, r, status, "table_new", &view{Title: i18nTitle(r, "tables."+kind+"-new-title"), Data: nv})
}

// newTableValues fills the form for a new table: it starts at the plan's
// year, and a budget runs to the end of the programme's period.
func newTableValues(f *plan.File, kind string) *form {
	fm := newForm(nil)
	fm.Values.Set("submission", newSubmission())
	fm.Values.Set("from", strconv.Itoa(f.Plan.Year))
	if p := f.Programme.Period; kind == "budget" && !p.Open() && p.To > f.Plan.Year {
		fm.Values.Set("to", strconv.Itoa(p.To))
	}
	if kind == "financing" {
		if len(f.Plan.Budgets) == 1 {
			fm.Values.Set("budget", f.Plan.Budgets[0].ID)
		}
		for _, src := range f.Plan.Sources {
			fm.Values.Set("source_"+src.ID, "on")
		}
	}
	return fm
}

// tableYearsForm reads the years a new table covers: from, and to where it
// spans more than one. They lie within the programme's period.
func tableYearsForm(fm *form, f *plan.File) (from, to int) {
	if fm.Get("from") == "" {
		fm.Fail("from", "tables.from-missing")
	}
	from = yearField(fm, "from")
	to = yearField(fm, "to")
	if to == 0 {
		to = from
	}
	if from == 0 {
		return 0, 0
	}
	switch p := f.Programme.Period; {
	case to < from:
		fm.Fail("to", "tables.to-before", "From", from)
	case to-from >= maxTableYears:
		fm.Fail("to", "tables.too-many-years", "Max", maxTableYears)
	case p.From != 0 && !p.Open() && (!p.Contains(from) || !p.Contains(to)):
		fm.Fail("from", "tables.outside-period", "From", p.From, "To", p.To)
	case p.From != 0 && p.Open() && !p.Contains(from):
		fm.Fail("from", "tables.outside-open-period", "From", p.From)
	}
	return from, to
}

// tableTitleForm reads a table's title, which every table has.
func tableTitleForm(fm *form, had string) string {
	t := moneyText(fm, "title", had)
	if t == "" {
		fm.Fail("title", "tables.title-missing")
	}
	return t
}

// newBudgetForm checks the form for a new budget and returns it, with an
// id made from its title that no table of the plan has. Words of the
// addresses beside a table's ("new", "restore") are never ids.
func newBudgetForm(fm *form, f *plan.File) plan.Budget {
	b := plan.Budget{Title: tableTitleForm(fm, "")}
	from, to := tableYearsForm(fm, f)
	for y := from; y != 0 && y <= to; y++ {
		b.Years = append(b.Years, y)
	}
	b.ID = moneyID(b.Title, "budsjett", func(id string) bool {
		t, _ := findBudget(f, id)
		return t != nil || tableWord(id)
	})
	return b
}

// newFinancingForm checks the form for a new financing table: one year,
// or a span of years whose money it plans together.
func newFinancingForm(fm *form, f *plan.File) plan.Financing {
	t := plan.Financing{Title: tableTitleForm(fm, ""), Budget: fm.Get("budget")}
	from, to := tableYearsForm(fm, f)
	if to > from {
		t.Years = &plan.Period{From: from, To: to}
	} else {
		t.Year = from
	}
	if b, _ := findBudget(f, t.Budget); t.Budget != "" && b == nil {
		fm.Fail("budget", "form.choose")
	}
	for _, src := range f.Plan.Sources {
		if fm.Get("source_"+src.ID) != "" {
			t.Sources = append(t.Sources, src.ID)
		}
	}
	t.ID = moneyID(t.Title, "finansiering", func(id string) bool {
		o, _ := findFinancing(f, id)
		return o != nil || tableWord(id)
	})
	return t
}

func tableWord(id string) bool { return slices.Contains([]string{"new", "restore"}, id) }

// createTable adds the table the form describes to the plan (add) and goes
// to its own form, for its lines and amounts. The submission key makes it
// happen once, however many times the form is sent; sent again, it goes to
// the plan.
func (s *Server) createTable(w http.ResponseWriter, r *http.Request, kind string,
	check func(fm *form, f *plan.File), add func(fm *form, cur *plan.File) string) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	check(fm, f)
	if !fm.OK() {
		s.renderTableNew(w, r, http.StatusUnprocessableEntity, f, v, kind, fm)
		return
	}
	var id string
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cf := newForm(fm.Values)
			check(cf, cur)
			if !cf.OK() {
				return &invalidMoney{form: cf}
			}
			id = add(cf, cur)
			return nil
		})
	var invalid *invalidMoney
	switch {
	case errors.As(err, &invalid):
		// The plan changed meanwhile (a source gone, say): the form again.
		s.renderTableNew(w, r, http.StatusUnprocessableEntity, f, v, kind, invalid.form)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	case saved.Repeated:
		http.Redirect(w, r, planPath(v), http.StatusSeeOther)
		return
	}
	path := "/budgets/"
	if kind == "financing" {
		path = "/financing/"
	}
	http.Redirect(w, r, planPath(v)+path+id+"/edit", http.StatusSeeOther)
}
