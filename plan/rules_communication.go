package plan

import (
	"fmt"
	"strings"
)

// checkCommunication checks the communication plan's activities: each says
// what is done, its responsible are known organisations or words, its
// status is one of a measure's, and its time runs forwards and lies within
// the programme period.
func (c *checker) checkCommunication() {
	period := c.f.Programme.Period
	for i, a := range c.f.Plan.Communication {
		ap := fmt.Sprintf("plan.communication[%d]", i)
		c.required(ap+".activity", strings.TrimSpace(a.Activity) == "")
		c.checkActors(ap+".responsible", a.Responsible)
		enum(c, ap+".status", a.Status, MeasureStatuses)
		if a.From == nil && a.To != nil {
			c.required(ap+".from", true)
		}
		if a.From != nil && a.To != nil && a.To.Before(*a.From) {
			c.add("communication-when", SeverityError, ap+".to", "rule.communication-order",
				Args{"From": *a.From, "To": *a.To})
		}
		// A plan may reach past its own year (an activity in January of
		// the next), but one outside the programme period is most likely
		// a typing error; a warning, since the plan says what it says.
		if period.From == 0 {
			continue
		}
		for _, d := range []struct {
			field string
			date  *Date
		}{{"from", a.From}, {"to", a.To}} {
			if d.date != nil && !period.Contains(d.date.Year) {
				c.add("communication-when", SeverityWarning, ap+"."+d.field, "rule.communication-period",
					period.args(Args{"Year": d.date.Year}))
			}
		}
	}
}
