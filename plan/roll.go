package plan

import (
	"slices"
	"strconv"
	"strings"
)

// Roll makes next year's plan from this one (rullering): a draft for year
// that carries forward the goals and their weights, the measures with
// their time frames and lasting IDs, the targets, the funding sources and
// organisations, the budget lines for the years still ahead, the
// structure of this year's financing tables without their amounts, and the
// text sections, each marked for review. base is the released plan rolled
// from; release is its release number, which the new plan's revision
// names as the plan it revises.
//
// Measures base had ended or completed are left behind; the revision
// report of the new plan does not list them again. Printed totals belong
// to base's printed document and are dropped: the new plan's totals are
// computed until it is printed. The anchoring schedule and the approvals
// keep their parties without dates. The year in the title, the section
// titles and the financing tables' IDs and titles moves to the new year.
func Roll(base *File, year, release int) *File {
	f := base.Clone()
	old := base.Plan.Year
	p := &f.Plan
	p.Year = year
	p.Status = StatusDraft
	p.Title = replaceYear(p.Title, old, year)
	p.Subtitle = replaceYear(p.Subtitle, old, year)
	p.Revision = &Revision{Base: &RevisionBase{Year: old, Release: release}}
	for i := range p.Sections {
		s := &p.Sections[i]
		s.Title = replaceYear(s.Title, old, year)
		s.Review = true
		for j, b := range s.Blocks {
			s.Blocks[j] = Block(replaceYear(string(b), old, year))
		}
	}
	for gi := range p.Goals {
		g := &p.Goals[gi]
		g.Measures = slices.DeleteFunc(g.Measures, func(m Measure) bool { return m.Ended() })
	}
	for i := range p.Targets {
		if p.Targets[i].Year == old {
			p.Targets[i].Year = year
		}
	}
	for bi := range p.Budgets {
		b := &p.Budgets[bi]
		b.Years = slices.DeleteFunc(b.Years, func(y int) bool { return y < year })
		for li := range b.Lines {
			l := &b.Lines[li]
			for y := range l.Amounts {
				if y < year {
					delete(l.Amounts, y)
				}
			}
			l.PrintedTotal = nil
			l.Mark = ""
		}
		b.Printed = nil
		b.Footnotes = nil
	}
	var financing []Financing
	for _, t := range p.Financing {
		if t.Year != old {
			// A table for a later year was planned ahead: it stays.
			if t.Year > old {
				financing = append(financing, t)
			}
			continue
		}
		t.ID = replaceYear(t.ID, old, year)
		t.Title = replaceYear(t.Title, old, year)
		t.Year = year
		t.Printed = nil
		t.Footnotes = nil
		for ri := range t.Rows {
			r := &t.Rows[ri]
			r.Label = replaceYear(r.Label, old, year)
			r.PrintedTotal = nil
			r.Mark = ""
			for ci := range r.Cells {
				r.Cells[ci] = FinancingCell{Source: r.Cells[ci].Source}
			}
		}
		financing = append(financing, t)
	}
	p.Financing = financing
	for i := range p.Anchoring {
		p.Anchoring[i] = Anchoring{Municipality: p.Anchoring[i].Municipality}
	}
	for i := range p.Approvals {
		p.Approvals[i] = Approval{Party: p.Approvals[i].Party, Body: p.Approvals[i].Body}
	}
	return f
}

// replaceYear writes the new year where s names the old one as a whole
// number and not as an end of a span: "Handlingsplan 2025" becomes
// "Handlingsplan 2026" and "financing:2025" "financing:2026", while
// "2025–2028" stays as it is.
func replaceYear(s string, old, year int) string {
	o, n := strconv.Itoa(old), strconv.Itoa(year)
	var b strings.Builder
	for rest, at := s, 0; ; {
		i := strings.Index(rest, o)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		start, end := at+i, at+i+len(o)
		whole := (start == 0 || !isDigit(s[start-1])) && (end == len(s) || !isDigit(s[end]))
		b.WriteString(rest[:i])
		if whole && !inSpan(s, start, end) {
			b.WriteString(n)
		} else {
			b.WriteString(o)
		}
		rest, at = rest[i+len(o):], end
	}
}

// inSpan reports whether s[start:end] is one end of a span of years such
// as "2025–2028" or "2022-2025".
func inSpan(s string, start, end int) bool {
	before, after := s[:start], s[end:]
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasPrefix(after, d) && len(after) > len(d) && isDigit(after[len(d)]) {
			return true
		}
		if strings.HasSuffix(before, d) && len(before) > len(d) && isDigit(before[len(before)-len(d)-1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// CarryCandidates lists the measures of a rolled plan whose time frame
// ended before its year: planverk offers them for ending.
func (p *Plan) CarryCandidates() []*Measure {
	var out []*Measure
	for gi := range p.Goals {
		for mi := range p.Goals[gi].Measures {
			m := &p.Goals[gi].Measures[mi]
			if m.TimeFrame.To != 0 && m.TimeFrame.To < p.Year && !m.Ended() {
				out = append(out, m)
			}
		}
	}
	return out
}
