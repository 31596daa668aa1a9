package web

import (
	"slices"

	"planverk/plan"
)

// leadsChanged says whether a save changes who leads a measure. That is the
// plan's to decide (auth.EditPlan): a measure's lead may edit the measure's
// content (auth.EditMeasure), but not hand the measure to someone else or
// add itself to another's, which would give it rights it was not given.
func leadsChanged(was, is []plan.Actor) bool { return !slices.Equal(was, is) }
