package plan

import (
	"fmt"
	"slices"
)

func (c *checker) checkTimeFrame(mp string, m Measure) {
	tf := m.TimeFrame
	period := c.f.Programme.Period
	if tf.NextRevision && (tf.From != 0 || tf.To != 0) {
		c.add("time-frame", SeverityError, mp+".time_frame", "rule.time-frame-both", nil)
		return
	}
	if tf.From == 0 && tf.To == 0 {
		return
	}
	if tf.From == 0 || tf.To == 0 {
		c.add("time-frame", SeverityError, mp+".time_frame", "rule.time-frame-half", nil)
		return
	}
	if tf.From > tf.To {
		c.add("time-frame", SeverityError, mp+".time_frame.to", "rule.period-order", Args{"From": tf.From, "To": tf.To})
		return
	}
	// An open period has no end for a time frame to run past.
	if period.From != 0 {
		if !period.Contains(tf.From) {
			c.add("time-frame", SeverityError, mp+".time_frame.from", "rule.time-frame-period", period.args(Args{"Year": tf.From}))
		}
		if !period.Contains(tf.To) {
			c.add("time-frame", SeverityError, mp+".time_frame.to", "rule.time-frame-period", period.args(Args{"Year": tf.To}))
		}
	}
	// A measure prioritised this year that only starts later contradicts itself.
	if y := c.f.Plan.Year; m.Priority == PriorityNow && y != 0 && tf.From > y {
		c.add("measure-priority", SeverityWarning, mp+".priority", "rule.measure-priority", Args{"From": tf.From, "Year": y})
	}
}

func (c *checker) checkAnchoring() {
	p := c.f.Plan
	anchored := map[string]bool{}
	for i, a := range p.Anchoring {
		ap := fmt.Sprintf("plan.anchoring[%d]", i)
		c.orgRef(ap+".municipality", a.Municipality)
		anchored[a.Municipality] = true
		if a.ExecutiveCommittee != nil && a.Council != nil && a.Council.Before(*a.ExecutiveCommittee) {
			c.add("anchoring-dates", SeverityError, ap+".council", "rule.anchoring-dates",
				Args{"Committee": *a.ExecutiveCommittee, "Council": *a.Council})
		}
		if len(c.f.Programme.Municipalities) > 0 && !slices.Contains(c.f.Programme.Municipalities, a.Municipality) {
			c.add("anchoring-missing", SeverityWarning, ap+".municipality", "rule.anchoring-outside", Args{"ID": a.Municipality})
		}
	}
	if len(p.Anchoring) > 0 {
		for i, m := range c.f.Programme.Municipalities {
			if !anchored[m] {
				c.add("anchoring-missing", SeverityWarning, fmt.Sprintf("programme.municipalities[%d]", i),
					"rule.anchoring-missing", Args{"ID": m})
			}
		}
	}
	for i, a := range p.Approvals {
		c.orgRef(fmt.Sprintf("plan.approvals[%d].party", i), a.Party)
	}
}

func (c *checker) checkTargets() {
	period := c.f.Programme.Period
	check := func(path string, t Target) {
		c.required(path+".kind", t.Kind == "")
		enum(c, path+".kind", t.Kind, TargetKinds)
		if t.Period != nil && t.Year != 0 {
			c.add("target-year", SeverityError, path, "rule.target-both", nil)
		}
		if t.Year != 0 && period.From != 0 && !period.Contains(t.Year) {
			c.add("target-year", SeverityError, path+".year", "rule.target-year", period.args(Args{"Year": t.Year}))
		}
		if t.Period != nil && period.From != 0 && (!period.Contains(t.Period.From) || !period.Contains(t.Period.To)) {
			c.add("target-year", SeverityError, path+".period", "rule.target-period",
				period.args(Args{"TargetFrom": t.Period.From, "TargetTo": t.Period.To}))
		}
		if t.Goal != 0 {
			c.goalRef(path+".goal", t.Goal)
		}
	}
	for i, t := range c.f.Programme.Targets {
		check(fmt.Sprintf("programme.targets[%d]", i), t)
	}
	for i, t := range c.f.Plan.Targets {
		path := fmt.Sprintf("plan.targets[%d]", i)
		check(path, t)
		// A year's target above the whole period's target of the same kind is
		// almost certainly a typing error.
		for _, pt := range c.f.Programme.Targets {
			if pt.Kind == t.Kind && pt.Unit == t.Unit && pt.Period != nil && t.Year != 0 &&
				pt.Period.Contains(t.Year) && t.Value > pt.Value {
				c.add("target-year", SeverityWarning, path+".value", "rule.target-exceeds",
					Args{"Value": t.Value, "Total": pt.Value, "From": pt.Period.From, "To": pt.Period.To})
			}
		}
	}
}
