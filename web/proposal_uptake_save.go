package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// proposalUptakeSave saves, from the revision's form of a plan, which of
// the year before's improvement proposals were taken up and in which
// measure. A choice the form did not offer is refused, and nothing is
// saved.
func (s *Server) proposalUptakeSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	id := r.PathValue("programme")
	if !can(r, auth.EditPlan, auth.Resource{Programme: id}) {
		s.deny(w, r)
		return
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no such year %q", r.PathValue("year")))
		return
	}
	f, _, err := s.store.LoadPlan(r.Context(), id, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := s.revisionProposals(r.Context(), r, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if in == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no proposals for the plan %s %d", id, year))
		return
	}
	known := map[string]bool{}
	for _, c := range in.Choices {
		known[c.Value] = true
	}
	marks := make([]store.ProposalMark, len(in.Items))
	for i := range in.Items {
		choice := fm.Get(uptakeField(i))
		switch {
		case !known[choice]:
			s.errorPage(w, r, http.StatusUnprocessableEntity, "assessment.uptake.invalid")
			return
		case choice == wholePlan:
			marks[i] = store.ProposalMark{TakenUp: true}
		case choice != "":
			marks[i] = store.ProposalMark{TakenUp: true, In: choice}
		}
	}
	if err := s.store.MarkProposals(r.Context(), id, in.Year, marks, store.Edit{Author: whoOf(r).Subject.UserID}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d/revision/edit?proposals=1#proposals", id, year), http.StatusSeeOther)
}
