package web

import (
	"context"
	"fmt"
	"strings"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
)

// revisionView is a plan's revision report laid out for reading: every
// part of plan.RevisionReport with names instead of keys and changed
// fields as words.
type revisionView struct {
	Report    *plan.RevisionReport
	Base      cycle.Release
	BaseTitle string
	Lang      plan.Language
	New       []revisedMeasure
	Changed   []revisedMeasure
	Ended     []revisedMeasure
	Continued int
	Weights   []plan.WeightChange
	Budgets   []revisedTable
	Financing []revisedTable
	// Proposals are the year before's assessment's proposals, taken up or
	// not; nil where there are none, or the reader is no member.
	Proposals *proposalInput
}

// revisedMeasure is one measure of the report, named as the plan names it.
type revisedMeasure struct {
	plan.MeasureRevision
	// Label is "1.2 Title" as the plan numbers it now (or did).
	Number string
	Title  string
	Fields []revisedField
}

// revisedField is one changed field, before and after in words.
type revisedField struct {
	Label         string
	Before, After string
}

// revisedTable is a changed table with its cells' labels in words.
type revisedTable struct {
	plan.TableChange
	Cells []revisedCell
}

type revisedCell struct {
	plan.CellChange
	Where string
}

// revisionReport computes the report of f against the release it was
// rolled from; nil where f names none (a programme's first plan).
func (s *Server) revisionReport(ctx context.Context, f *plan.File, lang i18n.Lang) (*revisionView, error) {
	rev := f.Plan.Revision
	if rev == nil || rev.Base == nil {
		return nil, nil
	}
	base, rel, err := s.store.LoadRelease(ctx, f.Programme.ID, rev.Base.Year, rev.Base.Release)
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return newRevisionView(base, rel, f, lang), nil
}

func newRevisionView(base *plan.File, rel cycle.Release, f *plan.File, lang i18n.Lang) *revisionView {
	r := plan.Report(base, f)
	rv := &revisionView{Report: r, Base: rel, BaseTitle: base.Plan.Title, Lang: f.Plan.Language,
		Continued: r.Continued, Weights: r.Weights}
	for _, m := range r.New {
		rv.New = append(rv.New, revised(m, base, f, lang))
	}
	for _, m := range r.Changed {
		rv.Changed = append(rv.Changed, revised(m, base, f, lang))
	}
	for _, m := range r.Ended {
		rv.Ended = append(rv.Ended, revised(m, base, f, lang))
	}
	sourceName := func(id string) string {
		for _, s := range append(append([]plan.FundingSource(nil), f.Plan.Sources...), base.Plan.Sources...) {
			if s.ID == id {
				return s.Name
			}
		}
		return id
	}
	for _, t := range r.Budgets {
		if !t.Changed() {
			continue
		}
		rt := revisedTable{TableChange: t}
		for _, c := range t.Cells {
			rt.Cells = append(rt.Cells, revisedCell{CellChange: c, Where: fmt.Sprintf("%s, %d", c.Label, c.Year)})
		}
		rv.Budgets = append(rv.Budgets, rt)
	}
	for _, t := range r.Financing {
		if !t.Changed() {
			continue
		}
		rt := revisedTable{TableChange: t}
		for _, c := range t.Cells {
			rt.Cells = append(rt.Cells, revisedCell{CellChange: c, Where: c.Label + ", " + sourceName(c.Source)})
		}
		rv.Financing = append(rv.Financing, rt)
	}
	return rv
}

// revised names a measure of the report and says its changes in words.
func revised(m plan.MeasureRevision, base, f *plan.File, lang i18n.Lang) revisedMeasure {
	out := revisedMeasure{MeasureRevision: m}
	cur, goal, in := m.After, m.GoalAfter, f
	if cur == nil {
		cur, goal, in = m.Before, m.GoalBefore, base
	}
	out.Number = fmt.Sprintf("%d.%d", goal, cur.Number)
	out.Title = cur.Title
	for _, field := range m.Fields {
		out.Fields = append(out.Fields, revisedField{Label: i18n.T(lang, "revision.field."+field, nil),
			Before: fieldText(lang, base, m.Before, m.GoalBefore, field),
			After:  fieldText(lang, in, m.After, m.GoalAfter, field)})
	}
	return out
}

// fieldText writes one field of a measure as a reader of the plan would
// say it.
func fieldText(lang i18n.Lang, f *plan.File, m *plan.Measure, goal int, field string) string {
	if m == nil {
		return ""
	}
	actors := func(as []plan.Actor) string {
		var names []string
		for _, a := range as {
			switch {
			case a.As != "":
				names = append(names, a.As)
			case a.Org != "":
				names = append(names, orgName(f, a.Org))
			default:
				names = append(names, a.Text)
			}
		}
		return strings.Join(names, ", ")
	}
	switch field {
	case "goal":
		for _, g := range f.Plan.Goals {
			if g.Number == goal {
				return fmt.Sprintf("%d %s", g.Number, g.Title)
			}
		}
		return fmt.Sprint(goal)
	case "title":
		return m.Title
	case "leads":
		return actors(m.Leads)
	case "partners":
		return actors(m.Partners)
	case "time_frame":
		tf := m.TimeFrame
		switch {
		case tf.Text != "":
			return tf.Text
		case tf.NextRevision:
			return i18n.T(lang, "measure.next-revision", nil)
		case tf.From != 0 && tf.From == tf.To:
			return fmt.Sprint(tf.From)
		case tf.From != 0:
			return fmt.Sprintf("%d–%d", tf.From, tf.To)
		}
		return ""
	case "priority":
		if m.Priority == "" {
			return ""
		}
		return i18n.T(lang, "priority."+string(m.Priority), nil)
	case "schemes":
		return strings.Join(m.Schemes, ", ")
	case "partners_and_others":
		if m.PartnersAndOthers {
			return i18n.T(lang, "revision.and-others", nil)
		}
		return ""
	case "sections":
		var titles []string
		for _, s := range m.Sections {
			titles = append(titles, s.Title)
		}
		return strings.Join(titles, ", ")
	}
	// The summary and any field added later: the text itself, cut short.
	b, _ := fieldValue(m, field)
	return b
}

// fieldValue is a measure's field as its plan file writes it, cut to a
// line.
func fieldValue(m *plan.Measure, field string) (string, bool) {
	if field == "summary" {
		s := strings.Join(strings.Fields(string(m.Summary)), " ")
		if r := []rune(s); len(r) > 120 {
			s = string(r[:120]) + "…"
		}
		return s, true
	}
	return "", false
}
