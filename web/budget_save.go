package web

import "net/http"

// budgetSave saves the budget form. Like the measure form, it carries the
// fingerprint of the budget as it was when the form was opened: if the
// budget has changed since, nothing is saved and the form comes back with
// what the person typed and what changed meanwhile. Totals are never
// taken from the form: printed totals are saved as typed, and where they
// no longer agree with the lines the plan page shows the finding.
func (s *Server) budgetSave(w http.ResponseWriter, r *http.Request) {
	saveMoneyTable(s, w, r, budgetTable)
}
