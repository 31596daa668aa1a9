package web

import "net/http"

// financingSave saves the financing form, as budgetSave saves a budget:
// against the fingerprint of the table the form was opened with, so that
// nobody's change is overwritten unseen. Totals are never taken from the
// form; printed totals are saved as typed and compared by the rules.
func (s *Server) financingSave(w http.ResponseWriter, r *http.Request) {
	saveMoneyTable(s, w, r, financingTable)
}
