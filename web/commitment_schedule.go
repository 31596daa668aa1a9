package web

import (
	"math/big"
	"strconv"
	"strings"

	"planverk/followup"
	"planverk/plan"
)

// A commitment's payment schedule in its form: one year a line, with an
// amount or a share of the commitment, "2025: 75 %" or "2025: 150 000".
// A share is turned into kroner of the commitment's amount when read, so
// that what is stored and checked is money.

// scheduleInput writes a schedule for the form, one year a line.
func scheduleInput(s []followup.Tranche) string {
	lines := make([]string, len(s))
	for i, t := range s {
		lines[i] = strconv.Itoa(t.Year) + ": " + formatAmountInput(t.Amount.Ptr())
	}
	return strings.Join(lines, "\n")
}

// readSchedule reads the schedule field, given the commitment's amount
// for lines that give a share; what is wrong is named by line.
func readSchedule(fm *form, amount plan.Amount) []followup.Tranche {
	var out []followup.Tranche
	seen := map[int]bool{}
	for n, line := range strings.Split(fm.Get("schedule"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		year, value, ok := strings.Cut(line, ":")
		if !ok {
			year, value, ok = strings.Cut(line, " ")
		}
		y, err := strconv.Atoi(strings.TrimSpace(year))
		t := followup.Tranche{Year: y}
		value = strings.TrimSpace(value)
		if strings.ContainsAny(value, "%/") {
			r, serr := plan.Share(value).Rat()
			if serr != nil {
				ok = false
			} else {
				a, _ := new(big.Rat).Mul(r, new(big.Rat).SetInt64(int64(amount))).Float64()
				t.Amount = plan.Amount(int64(a + 0.5))
			}
		} else if a, aok := parseAmountInput(value); aok && a != nil {
			t.Amount = *a
		} else {
			ok = false
		}
		if !ok || err != nil || y < 1900 || y > 2200 {
			fm.Fail("schedule", "followup.form.schedule-invalid", "Line", n+1, "Value", line)
			return nil
		}
		if seen[y] {
			fm.Fail("schedule", "followup.form.schedule-year-twice", "Year", y)
			return nil
		}
		seen[y] = true
		out = append(out, t)
	}
	return out
}
