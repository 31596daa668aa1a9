package web

import (
	"strings"

	"planverk/i18n"
	"planverk/plan"
)

// parseAmountInput reads an amount typed into a form the ways people write
// kroner: "1 170 000", "1170000", "1 170 000 kr", "kr 1 170 000",
// "3.500.000,-", with ordinary or no-break spaces. plan.ParseAmount reads
// it, so that a form accepts exactly what a plan file and a table import
// do. An empty field is an amount not given (nil), never 0; ok is false
// for anything that is not whole kroner ("12,5", "abc").
func parseAmountInput(s string) (a *plan.Amount, ok bool) {
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	v, err := plan.ParseAmount(s)
	if err != nil {
		return nil, false
	}
	return &v, true
}

// formatAmountInput writes an amount for a form field the way pages show it,
// "1 170 000" with no-break spaces, so that the field reads like the
// plan; "" for an amount not given.
func formatAmountInput(a *plan.Amount) string {
	if a == nil {
		return ""
	}
	return i18n.Amount(*a)
}

// moneyAmountField reads the amount field name of a form. A field the form did
// not carry keeps had, so that a column added by someone else meanwhile is
// not emptied by a form that never showed it. A field that is not whole
// kroner fails with the message id and args, and keeps had.
func moneyAmountField(fm *form, name string, had *plan.Amount, id string, args ...any) *plan.Amount {
	if _, present := fm.Values[name]; !present {
		return had
	}
	a, ok := parseAmountInput(fm.Values.Get(name))
	if !ok {
		fm.Fail(name, id, args...)
		return had
	}
	return a
}
