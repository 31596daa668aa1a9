package cycle

import "planverk/plan"

// PublishRefusal says why a plan may not be opened to the public yet, nil
// where it may. Opening a plan never released releases it; for a programme
// whose plans are proposed, anchored and approved (it has funders or
// municipalities that decide), that release must come from the proposal,
// not from a publication that skips the steps. A plan released before may
// always be opened again. The browser, the API and the command line ask
// here, so that each refuses for the same reason.
func PublishRefusal(f *plan.File, released bool) error {
	if released || (len(Funders(f)) == 0 && len(Municipalities(f)) == 0) {
		return nil
	}
	return plan.Keyed(plan.EConflict, "publish.propose-first", nil,
		"the plan is released by its proposal: propose it on its cycle page")
}
