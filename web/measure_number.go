package web

import (
	"strconv"
	"strings"

	"planverk/plan"
)

// checkMeasureName reads the number and label fields of the measure form
// against the other measures of goal g (self is the measure edited, nil
// for a new one) and refuses, beside the field, a number or label another
// measure of the goal already has, naming that measure. It returns the
// number asked for: 0 where the field is empty on a new measure, which
// then gets the number after the goal's last. Where numbered is false (the
// measure moves to g and gets the number after its last), only the label is
// checked.
func checkMeasureName(fm *form, g *plan.Goal, self *plan.Measure, numbered bool) int {
	number := 0
	if s := fm.Get("number"); numbered && (s != "" || self != nil) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 9999 {
			fm.Fail("number", "measure-form.number-invalid")
			return 0
		}
		number = n
	}
	label := fm.Get("label")
	for i := range g.Measures {
		o := &g.Measures[i]
		if o == self {
			continue
		}
		if number != 0 && o.Number == number {
			fm.Fail("number", "measure-form.number-taken", "Number", number, "Title", o.Title)
		}
		if label != "" && strings.EqualFold(o.Label, label) {
			fm.Fail("label", "measure-form.label-taken", "Label", label, "Title", o.Title)
		}
	}
	return number
}

// numberTaken reports whether another measure of g than self has the
// number: someone gave it meanwhile.
func numberTaken(g *plan.Goal, self *plan.Measure, number int) bool {
	for i := range g.Measures {
		if &g.Measures[i] != self && g.Measures[i].Number == number {
			return true
		}
	}
	return false
}
