package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// restorableTable is a budget or financing table a version removed, as
// the history offers to put it back.
type restorableTable struct {
	Kind, ID, Title string
}

// removedTable recognises a change that removed a whole table, as in
// plan.budgets[period], and names it from the value it removed.
func removedTable(c plan.Change) (restorableTable, bool) {
	if c.Kind != plan.ChangeRemoved {
		return restorableTable{}, false
	}
	for kind, list := range map[string]string{"budget": "plan.budgets[", "financing": "plan.financing["} {
		id, ok := strings.CutPrefix(c.Path, list)
		if !ok || !strings.HasSuffix(id, "]") || strings.Contains(id, ".") {
			continue
		}
		var t struct {
			Title string `json:"title"`
		}
		_ = json.Unmarshal([]byte(c.Before), &t) // a title, where the change holds one
		id = strings.TrimSuffix(id, "]")
		return restorableTable{Kind: kind, ID: id, Title: moneyTableName(t.Title, id)}, true
	}
	return restorableTable{}, false
}

// tableRestore puts back a budget or financing table that a version
// removed, as it stood in the version before, after the plan's other
// tables of its kind. A table of the same id made since keeps its place,
// and the one put back gets an id of its own.
func (s *Server) tableRestore(w http.ResponseWriter, r *http.Request) {
	fm, _, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	version, err := strconv.Atoi(fm.Get("version"))
	kind, id := fm.Get("kind"), fm.Get("id")
	if err != nil || version < 2 || (kind != "budget" && kind != "financing") || id == "" {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	before, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, version-1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var oldBudget *plan.Budget
	var oldFinancing *plan.Financing
	if kind == "budget" {
		oldBudget, _ = findBudget(before, id)
	} else {
		oldFinancing, _ = findFinancing(before, id)
	}
	if oldBudget == nil && oldFinancing == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "version %d has no %s table %q", version-1, kind, id))
		return
	}
	newID := id
	_, err = s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: kind + ":" + id, Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if oldBudget != nil {
				b := *oldBudget
				b.ID = moneyID(id, "budsjett", func(o string) bool { t, _ := findBudget(cur, o); return t != nil || tableWord(o) })
				newID = b.ID
				cur.Plan.Budgets = append(cur.Plan.Budgets, b)
				return nil
			}
			t := *oldFinancing
			t.ID = moneyID(id, "finansiering", func(o string) bool { x, _ := findFinancing(cur, o); return x != nil || tableWord(o) })
			newID = t.ID
			cur.Plan.Financing = append(cur.Plan.Financing, t)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v)+"#"+kind+"-"+newID, http.StatusSeeOther)
}
