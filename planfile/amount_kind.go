package planfile

import (
	"fmt"
	"regexp"

	"planverk/plan"
)

// A ceiling, an estimate or a minimum is written in a plan file with the
// kind beside the amount (kind: ceiling), the form Marshal writes. Because
// plans print it as words before the amount, Read also takes "inntil
// 150 000" where the amount stands: in a financing cell's amount, or in a
// budget line's amounts (where the kind is the whole line's).

var (
	cellAmountPath = regexp.MustCompile(`^plan\.financing\[(\d+)\]\.rows\[(\d+)\]\.cells\[(\d+)\]\.amount$`)
	lineAmountPath = regexp.MustCompile(`^plan\.budgets\[(\d+)\]\.lines\[(\d+)\]\.amounts\.\d+$`)
)

// qualifiable reports whether an amount at path has a kind beside it.
func qualifiable(path string) bool {
	return cellAmountPath.MatchString(path) || lineAmountPath.MatchString(path)
}

// applyKinds sets the kinds the walker read from words before amounts. A
// line whose amounts are written with different words, or with a word
// other than its kind, is reported.
func (d *Document) applyKinds(kinds map[string]plan.AmountKind) {
	f := d.File
	for path, kind := range kinds {
		var i, j, k int
		var target *plan.AmountKind
		var at string
		if m := cellAmountPath.FindStringSubmatch(path); m != nil {
			fmt.Sscan(m[1]+" "+m[2]+" "+m[3], &i, &j, &k)
			target = &f.Plan.Financing[i].Rows[j].Cells[k].Kind
			at = fmt.Sprintf("plan.financing[%d].rows[%d].cells[%d].kind", i, j, k)
		} else if m := lineAmountPath.FindStringSubmatch(path); m != nil {
			fmt.Sscan(m[1]+" "+m[2], &i, &j)
			target = &f.Plan.Budgets[i].Lines[j].Kind
			at = fmt.Sprintf("plan.budgets[%d].lines[%d].kind", i, j)
		} else {
			continue
		}
		if *target != plan.AmountExact && *target != kind {
			d.Findings = append(d.Findings, plan.Finding{Rule: "invalid-value", Severity: plan.SeverityError,
				Path: path, Message: "schema.amount-kind", Args: plan.Args{"Kind": string(kind), "Other": string(*target)}})
			d.positions[at] = d.Pos(path)
			continue
		}
		*target = kind
	}
}
