package web

import (
	"fmt"
	"strconv"

	"planverk/plan"
)

// The forms of the plan's lists (targets, anchoring, approvals) show a
// repeated group of fields, a row per item, named row-<n>-<field>, and one
// empty row more for adding one; "rows" says how many rows the form was
// opened with. Rows are matched to the list's items by place.

// rowIndexes are the indexes of a repeated group's rows: the n rows the
// form was opened with, and one empty row more for adding one.
func rowIndexes(fm *form) []int {
	n, _ := strconv.Atoi(fm.Get("rows"))
	n = max(0, min(n, 1000))
	out := make([]int, n+1)
	for i := range out {
		out[i] = i
	}
	return out
}

// listRows are the rows a list's form shows: Rows are their indexes;
// those below Existing were in the plan when the form was opened, the
// last is for adding one.
type listRows struct {
	Rows     []int
	Existing int
}

func newListRows(fm *form) listRows {
	rows := rowIndexes(fm)
	return listRows{Rows: rows, Existing: len(rows) - 1}
}

// rowEmpty reports whether every named field of a row is empty: the row
// was left empty or emptied, and goes.
func rowEmpty(fm *form, row int, names ...string) bool {
	for _, n := range names {
		if fm.Get(rowField(row, n)) != "" {
			return false
		}
	}
	return true
}

// rowField is the name of a field in a row of a repeated group.
func rowField(row int, name string) string { return fmt.Sprintf("row-%d-%s", row, name) }

// dateField reads an optional date written 19.06.2025 or 2025-06-19. A
// wrong one fails the field with the message id, which names the row and
// the field.
func dateField(fm *form, row int, name, id string) *plan.Date {
	s := fm.Get(rowField(row, name))
	if s == "" {
		return nil
	}
	d, err := plan.ParseDate(s)
	if err != nil {
		fm.Fail(rowField(row, name), id, "Row", row+1, "Value", s)
		return nil
	}
	return &d
}

// dateText writes a date for a form the way Norwegian documents write it.
func dateText(d *plan.Date) string {
	if d == nil {
		return ""
	}
	return formDate(*d)
}

// formDate writes a date as a form field holds it: 19.06.2025, or 11.2022
// and 2022 for a date known only to the month or the year, which
// plan.ParseDate reads back the same.
func formDate(d plan.Date) string {
	switch d.Precision {
	case plan.PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case plan.PrecisionMonth:
		return fmt.Sprintf("%02d.%04d", int(d.Month), d.Year)
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, int(d.Month), d.Year)
}

// keepDate returns what was there when the date typed is the same day.
func keepDate(had, typed *plan.Date) *plan.Date {
	if had != nil && typed != nil && *had == *typed {
		return had
	}
	return typed
}

// orgOptions lists organisations for a select: the empty choice first,
// then each by name.
func orgOptions(orgs []plan.Organisation) []option {
	out := []option{{Value: "", ID: "structure.choose"}}
	for _, o := range orgs {
		out = append(out, option{Value: o.ID, Label: o.Name})
	}
	return out
}

// listMark is the fingerprint of one of the plan's lists, the same for a
// nil and an empty list, as the plan file has it.
func listMark[T any](items []T) string {
	if len(items) == 0 {
		items = nil
	}
	return fingerprint(items)
}
