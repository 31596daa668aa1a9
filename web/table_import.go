package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/plan"
	"planverk/sheet"
	"planverk/store"
)

// A budget or financing table can come back from Excel: the person
// uploads the workbook they downloaded (plan.xlsx) and edited, sees what
// will change amount by amount, and confirms. The upload is read against
// the plan version the file was made from (it is in the sheet): where
// someone else has changed the table since, that is a conflict, shown as
// an edit form's is, and the preview is made again against the table as
// it is now, for the person to confirm knowingly. Nothing is saved
// before the confirmation, and nothing of the upload is lost.

// tableImport says how one kind of table comes back.
type tableImport struct {
	kind  string // sheet.KindBudget, sheet.KindFinancing
	param string // the path value naming the table
	// list is where the plan's paths hold tables of the kind; word names
	// the kind in the plan page's anchors and in edit summaries.
	list, word string
	// dir is the part of the table's address after the plan's: "budgets".
	dir string
	// table finds the table in a version of the plan: its grid, and the
	// table itself for its fingerprint; ok is false where it has none.
	table func(f *plan.File, id string) (g sheet.Grid, t any, ok bool)
	apply func(f *plan.File, id string, changes []sheet.Change) error
}

var budgetImport = tableImport{kind: sheet.KindBudget, param: "budget", list: "plan.budgets", word: "budget", dir: "budgets",
	table: func(f *plan.File, id string) (sheet.Grid, any, bool) {
		b, _ := findBudget(f, id)
		if b == nil {
			return sheet.Grid{}, nil, false
		}
		return sheet.BudgetGrid(b), b, true
	},
	apply: func(f *plan.File, id string, changes []sheet.Change) error {
		b, _ := findBudget(f, id)
		if b == nil {
			return &staleMoney{}
		}
		return sheet.ApplyBudget(b, changes)
	}}

var financingImport = tableImport{kind: sheet.KindFinancing, param: "table", list: "plan.financing", word: "financing", dir: "financing",
	table: func(f *plan.File, id string) (sheet.Grid, any, bool) {
		t, _ := findFinancing(f, id)
		if t == nil {
			return sheet.Grid{}, nil, false
		}
		return sheet.FinancingGrid(f, t), t, true
	},
	apply: func(f *plan.File, id string, changes []sheet.Change) error {
		t, _ := findFinancing(f, id)
		if t == nil {
			return &staleMoney{}
		}
		return sheet.ApplyFinancing(t, changes)
	}}

// importView is the upload form, or the preview of what an upload changes.
type importView struct {
	planFormView
	Kind, ID, Title string
	// Action is the address of the upload form; Download the workbook's.
	Action, Download string
	// Problems are what in the file must be fixed, in words.
	Problems []string
	// Changes are what confirming saves; Base the version it is against.
	Changes []changeView
	Base    int
	Sheet   string
	// Reach is who will see what is saved here (plan_reach.go).
	Reach planReach
}

// changeView is one amount of a preview.
type changeView struct {
	sheet.Change
	// Field starts the names of the change's hidden fields.
	Field string
}

func (ti tableImport) path(v store.PlanVersion, id string) string {
	return fmt.Sprintf("%s/%s/%s/import", planPath(v), ti.dir, id)
}

// importTable finds the table the request names; for one the plan
// lacks it answers the request and returns false.
func (s *Server) importTable(w http.ResponseWriter, r *http.Request, ti tableImport, f *plan.File, v store.PlanVersion) (sheet.Grid, any, bool) {
	id := r.PathValue(ti.param)
	g, t, ok := ti.table(f, id)
	if !ok {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no %s %q", ti.word, id))
		return g, nil, false
	}
	return g, t, true
}

func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, status int, ti tableImport, f *plan.File,
	v store.PlanVersion, g sheet.Grid, fm *form, iv importView, conflict *conflictView) {
	iv.planFormView = newPlanFormView(f, v, fm, conflict)
	iv.Kind, iv.ID, iv.Title = ti.kind, g.ID, g.Title
	iv.Action, iv.Download = ti.path(v, g.ID), planPath(v)+"/plan.xlsx"
	reach, err := s.reachOf(r.Context(), v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	iv.Reach = reach
	page := "table_import"
	if iv.Changes != nil || iv.Base != 0 {
		page = "table_import_preview"
	}
	s.render(w, r, status, page, &view{Title: i18nTitle(r, "office.import-title-"+ti.kind, "Title", g.Title), Data: iv})
}

// preview shows what an upload changes in the table as it is now (f, v):
// changes are what the upload changes against the version it was based
// on. Where someone else changed the table since, the page is a conflict.
func (s *Server) importPreview(w http.ResponseWriter, r *http.Request, ti tableImport, f *plan.File, v store.PlanVersion,
	base int, changes []sheet.Change, sheetName string) {
	g, t, ok := s.importTable(w, r, ti, f, v)
	if !ok {
		return
	}
	var conflict *conflictView
	if base != v.Version {
		_, bt, had := s.importBaseTable(r, ti, v, base, g.ID)
		if !had || fingerprint(bt) != fingerprint(t) {
			fm := newForm(nil)
			fm.Values.Set("base", strconv.Itoa(base))
			conflict, _ = s.moneyChanges(r, v, f, fm, ti.list+"["+g.ID+"]")
		}
	}
	iv := importView{Base: v.Version, Sheet: sheetName, Changes: []changeView{}}
	for _, ch := range retarget(g, changes) {
		iv.Changes = append(iv.Changes, changeView{Change: ch, Field: fmt.Sprintf("c-%d-", len(iv.Changes))})
	}
	status := http.StatusOK
	if conflict != nil {
		status = http.StatusConflict
	}
	fm := newForm(nil)
	fm.Values.Set("submission", newSubmission())
	s.renderImport(w, r, status, ti, f, v, g, fm, iv, conflict)
}

// importBaseTable is the table as it was in version base of the plan.
func (s *Server) importBaseTable(r *http.Request, ti tableImport, v store.PlanVersion, base int, id string) (sheet.Grid, any, bool) {
	if base < 1 || base > v.Version {
		return sheet.Grid{}, nil, false
	}
	bf, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, base)
	if err != nil {
		return sheet.Grid{}, nil, false
	}
	return ti.table(bf, id)
}

// retarget makes an upload's changes changes of the table as it is now:
// each amount is compared with the table's, and one it already has, or
// one in a row or column the table no longer has, is left out.
func retarget(g sheet.Grid, changes []sheet.Change) []sheet.Change {
	up := &sheet.Upload{Cells: map[string]map[string]sheet.Cell{}}
	for _, ch := range changes {
		if up.Cells[ch.Row] == nil {
			up.Cells[ch.Row] = map[string]sheet.Cell{}
		}
		up.Cells[ch.Row][ch.Col] = sheet.Cell{Ref: ch.Ref, Amount: ch.After}
	}
	return sheet.Changes(g, up)
}

// importChanges reads the changes a preview's form carries back.
func importChanges(fm *form) ([]sheet.Change, error) {
	n, err := strconv.Atoi(fm.Get("changes"))
	if err != nil || n < 0 || n > 10000 {
		return nil, fmt.Errorf("the form does not say how many changes it has")
	}
	var out []sheet.Change
	for i := range n {
		p := fmt.Sprintf("c-%d-", i)
		ch := sheet.Change{Row: fm.Get(p + "row"), Col: fm.Get(p + "col"), Ref: fm.Get(p + "ref")}
		if a := fm.Get(p + "after"); a != "" {
			amount, err := plan.ParseAmount(a)
			if err != nil {
				return nil, fmt.Errorf("change %d: %w", i, err)
			}
			ch.After = &amount
		}
		out = append(out, ch)
	}
	return out, nil
}
