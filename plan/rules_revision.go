package plan

import (
	"fmt"
	"slices"
	"strings"
)

// CheckRevision checks a draft's revision against base, the approved plan
// it revises: a changed measure needs its reason and an ended one its
// assessment (errors: the plan cannot be proposed while they stand), and a
// new one should say what kind of new measure it is. A disposition for a
// measure that is neither in the draft nor in base is left over from an
// earlier state of the draft and is reported too.
func CheckRevision(base, draft *File) []Finding {
	var out []Finding
	add := func(rule string, sev Severity, path, msg string, args Args) {
		out = append(out, Finding{Rule: rule, Severity: sev, Path: path, Message: msg, Args: args})
	}
	known := map[string]bool{}
	for _, r := range Revise(base, draft) {
		known[r.ID] = true
		path := dispositionPath(draft, r.ID)
		title := ""
		if r.After != nil {
			title = r.After.Title
		} else if r.Before != nil {
			title = r.Before.Title
		}
		args := Args{"Measure": title}
		switch r.Kind {
		case DispositionChanged:
			if strings.TrimSpace(string(r.Disposition.Reason)) == "" {
				add("revision-reason", SeverityError, path, "rule.revision-reason", args)
			}
		case DispositionEnded:
			if strings.TrimSpace(string(r.Disposition.Assessment)) == "" {
				add("revision-assessment", SeverityError, path, "rule.revision-assessment", args)
			}
		case DispositionNew:
			if r.Disposition.New == "" {
				add("revision-new", SeverityWarning, path, "rule.revision-new", args)
			}
		}
	}
	if draft.Plan.Revision != nil {
		for i, d := range draft.Plan.Revision.Measures {
			p := fmt.Sprintf("plan.revision.measures[%d]", i)
			if d.New != "" && !slices.Contains(NewKinds, d.New) {
				add("invalid-value", SeverityError, p+".new", "rule.enum",
					Args{"Field": "new", "Value": string(d.New), "Allowed": enumList(NewKinds)})
			}
			if !known[d.Measure] {
				add("reference", SeverityWarning, p+".measure", "rule.revision-unknown", Args{"ID": d.Measure})
			}
		}
	}
	return out
}

// dispositionPath is where a measure's disposition is, or would be, in the
// plan file: its entry under plan.revision, or else the measure itself.
func dispositionPath(f *File, id string) string {
	if f.Plan.Revision != nil {
		for i, d := range f.Plan.Revision.Measures {
			if d.Measure == id {
				return fmt.Sprintf("plan.revision.measures[%d]", i)
			}
		}
	}
	for gi, g := range f.Plan.Goals {
		for mi, m := range g.Measures {
			if m.ID == id {
				return fmt.Sprintf("plan.goals[%d].measures[%d]", gi, mi)
			}
		}
	}
	for mi, m := range f.Plan.Measures {
		if m.ID == id {
			return fmt.Sprintf("plan.measures[%d]", mi)
		}
	}
	return "plan.revision"
}

func enumList[T ~string](vs []T) []string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return s
}

// checkReview reports the sections carried from last year's plan that
// nobody has read through yet.
func (c *checker) checkReview() {
	for i, s := range c.f.Plan.Sections {
		if s.Review {
			c.add("section-review", SeverityWarning, fmt.Sprintf("plan.sections[%d].review", i),
				"rule.section-review", Args{"Title": s.Title})
		}
	}
}
