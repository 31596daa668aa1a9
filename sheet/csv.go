package sheet

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"planverk/plan"
)

// CSV writes a table for Excel as Norwegian Excel opens it by a double
// click: UTF-8 with a byte-order mark (without it Excel reads æøå as
// Latin-1), semicolons between fields (the comma is the decimal sign),
// a header row, amounts as plain whole numbers, and the sum row last.
// An amount not yet known is an empty field.
func CSV(f *plan.File, g Grid) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	head := []string{label(f, "table.number"), label(f, "table.line")}
	for _, c := range g.Cols {
		head = append(head, c.Label)
	}
	head = append(head, label(f, "table.sum"))
	_ = w.Write(head)
	amount := func(a *plan.Amount) string {
		if a == nil {
			return ""
		}
		return strconv.FormatInt(int64(*a), 10)
	}
	for _, r := range g.Rows {
		rec := []string{r.Number, r.Label}
		for _, c := range r.Cells {
			rec = append(rec, amount(c))
		}
		_ = w.Write(append(rec, amount(r.Total().Ptr())))
	}
	sum := label(f, "table.sum")
	if g.Minimum {
		sum += " (" + label(f, "table.minimum") + ")"
	}
	rec := []string{"", sum}
	for i := range g.Cols {
		rec = append(rec, amount(g.ColTotal(i).Ptr()))
	}
	_ = w.Write(append(rec, amount(g.Total().Ptr())))
	w.Flush()
	return buf.Bytes()
}
