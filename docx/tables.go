package docx

import (
	"fmt"
	"strings"

	"planverk/i18n"
	"planverk/plan"
	"planverk/sheet"
)

// money writes an amount as the plan page does, with a footnote mark and,
// where the plan printed another total, that one beside it.
func (d *writer) money(a plan.Amount, mark string, printed *plan.Amount) string {
	s := i18n.Amount(a) + mark
	if printed != nil && *printed != a {
		s += "\n(" + d.t("table.printed", "Amount", i18n.Amount(*printed)) + ")"
	}
	return s
}

func share(s plan.Share) string { return strings.Replace(string(s), " %", "\u00a0%", 1) }

func (d *writer) footnotes(fns []plan.Footnote, note plan.Markdown) {
	for _, fn := range fns {
		d.x.para("Note", plain(fn.Mark+" "+strings.TrimSpace(string(fn.Text))))
	}
	d.x.markdown(note)
}

func (d *writer) budget(b *plan.Budget) {
	f := d.f
	t := table{caption: b.Title, head: []string{d.t("table.number"), d.t("table.line"), d.t("table.total")},
		num: map[int]bool{2: true}, widths: []int{2, 7, 5}}
	for i, y := range b.Years {
		t.head = append(t.head, fmt.Sprint(y))
		t.num[3+i] = true
		t.widths = append(t.widths, 5)
	}
	for _, l := range b.Lines {
		label := l.Label
		for _, g := range f.Plan.Goals {
			if l.Goal != 0 && g.Number == l.Goal {
				label += " (" + d.t("words.line-goal", "Number", l.Goal)
				if g.Weight != "" {
					label += ", " + d.t("table.weight", "Weight", share(g.Weight))
				}
				label += ")"
			}
		}
		cells := [][]run{{plain(l.Number)}, {plain(label)}, {plain(d.money(l.LineTotal(), l.Mark, l.PrintedTotal))}}
		for _, y := range b.Years {
			s := ""
			if a, ok := l.Amounts[y]; ok {
				s = i18n.Amount(a)
			}
			cells = append(cells, []run{plain(s)})
		}
		t.rows = append(t.rows, tableRow{cells: cells})
	}
	var total *plan.Amount
	mark := ""
	if b.Printed != nil {
		total, mark = b.Printed.Total, b.Printed.Mark
	}
	sum := [][]run{{}, {plain(d.t("table.sum"))}, {plain(d.money(b.Total(), mark, total))}}
	for _, y := range b.Years {
		var p *plan.Amount
		if b.Printed != nil {
			if a, ok := b.Printed.Years[y]; ok {
				p = &a
			}
		}
		sum = append(sum, []run{plain(d.money(b.YearTotal(y), "", p))})
	}
	t.rows = append(t.rows, tableRow{cells: sum, sum: true})
	d.x.table(t)
	if len(b.Covers) > 0 {
		var names []string
		for _, id := range b.Covers {
			names = append(names, sheet.SourceName(f, id))
		}
		d.x.para("Note", plain(d.t("words.budget-covers", "Sources", strings.Join(names, ", "))))
	}
	d.footnotes(b.Footnotes, b.Note)
}

func (d *writer) payments(ps []plan.Payment) string {
	var out []string
	for _, p := range ps {
		out = append(out, d.t("words.payment", "Share", share(p.Share), "Year", p.Year))
	}
	return d.t("table.payments", "Payments", strings.Join(out, ", "))
}

func (d *writer) financing(t *plan.Financing) {
	f := d.f
	title := t.Title
	if t.Year != 0 && !strings.Contains(title, fmt.Sprint(t.Year)) {
		title += fmt.Sprintf(" (%d)", t.Year)
	}
	minimum := ""
	if t.HasUnknown() {
		minimum = d.t("table.minimum") + " "
	}
	var printedTotal *plan.Amount
	if t.Printed != nil {
		printedTotal = t.Printed.Total
	}
	byLine := len(t.Rows) != 1 || t.Rows[0].Line != ""
	if !byLine {
		// One row: printed source by source, as such tables are.
		tb := table{caption: title, head: []string{d.t("table.source"), d.t("table.share"), d.t("table.amount"), d.t("table.explanation")},
			num: map[int]bool{1: true, 2: true}, widths: []int{7, 2, 3, 6}}
		for _, c := range t.Rows[0].Cells {
			amount := d.t("table.unknown")
			if c.Amount != nil {
				amount = i18n.Amount(*c.Amount)
			}
			note := c.Note
			if len(c.Payments) > 0 {
				note = strings.TrimSpace(note + "\n" + d.payments(c.Payments))
			}
			tb.rows = append(tb.rows, tableRow{cells: [][]run{{plain(sheet.SourceName(f, c.Source))},
				{plain(share(c.Share))}, {plain(amount + c.Mark)}, {plain(note)}}})
		}
		tb.rows = append(tb.rows, tableRow{sum: true, cells: [][]run{{plain(d.t("table.total"))}, {},
			{plain(minimum + d.money(t.Total(), "", printedTotal))}, {}}})
		d.x.table(tb)
		d.footnotes(t.Footnotes, t.Note)
		return
	}
	tb := table{caption: title, head: []string{d.t("table.number"), d.t("table.line"), d.t("table.total")},
		num: map[int]bool{2: true}, widths: []int{2, 7, 5}}
	for i, id := range t.Sources {
		tb.head = append(tb.head, sheet.SourceName(f, id))
		tb.num[3+i] = true
		tb.widths = append(tb.widths, 5)
	}
	g := sheet.FinancingGrid(f, t)
	for i, r := range t.Rows {
		cells := [][]run{{plain(g.Rows[i].Number)}, {plain(g.Rows[i].Label)}, {plain(d.money(r.RowTotal(), r.Mark, r.PrintedTotal))}}
		for _, id := range t.Sources {
			var parts []string
			for _, c := range r.Cells {
				if c.Source != id {
					continue
				}
				if c.Amount != nil {
					parts = append(parts, i18n.Amount(*c.Amount)+c.Mark)
				} else {
					parts = append(parts, d.t("table.unknown")+c.Mark)
				}
				if c.Share != "" {
					parts = append(parts, share(c.Share))
				}
				if c.Note != "" {
					parts = append(parts, c.Note)
				}
				if len(c.Payments) > 0 {
					parts = append(parts, d.payments(c.Payments))
				}
			}
			cells = append(cells, []run{plain(strings.Join(parts, "\n"))})
		}
		tb.rows = append(tb.rows, tableRow{cells: cells})
	}
	sum := [][]run{{}, {plain(d.t("table.sum"))}, {plain(minimum + d.money(t.Total(), "", printedTotal))}}
	for _, id := range t.Sources {
		var p *plan.Amount
		mark := ""
		if t.Printed != nil {
			if a, ok := t.Printed.Sources[id]; ok {
				p = &a
			}
			mark = t.Printed.Marks[id]
		}
		s := ""
		if a := t.SourceTotal(id); a != 0 || (p != nil && *p != a) {
			s = d.money(a, mark, p)
		}
		sum = append(sum, []run{plain(s)})
	}
	tb.rows = append(tb.rows, tableRow{cells: sum, sum: true})
	d.x.table(tb)
	d.footnotes(t.Footnotes, t.Note)
}

func (d *writer) goal(g *plan.Goal) {
	x, f := d.x, d.f
	title := g.Title
	if g.Heading != "" {
		title = g.Heading
	}
	x.para("Heading2", plain(d.t("goal.heading", "Number", g.Number)+": "+title))
	if g.Weight != "" {
		w := share(g.Weight)
		if f.Plan.WeightBasis != "" {
			w += " (" + f.Plan.WeightBasis + ")"
		}
		x.para("", run{text: d.t("goal.weight") + ": ", bold: true}, plain(w))
	}
	x.markdown(g.Description)
	if g.MainGoal != "" {
		x.para("", run{text: d.t("goal.main-goal") + ": ", bold: true}, plain(g.MainGoal))
	}
	x.markdown(g.MeasuresIntro)
	if len(g.Measures) > 0 {
		caption := d.t("goal.measures-of", "Number", g.Number, "Title", g.Title)
		if g.MeasuresCaption != "" {
			caption = g.MeasuresCaption + ": " + caption
		}
		if r := []rune(caption); len(r) > 0 {
			caption = strings.ToUpper(string(r[:1])) + string(r[1:])
		}
		t := table{caption: caption, head: []string{d.t("table.number"), d.t("measure.measure"), d.t("measure.leads"),
			d.t("measure.partners"), d.t("measure.time-frame")}, widths: []int{2, 9, 6, 7, 4}}
		for _, m := range g.Measures {
			later := m.Priority == plan.PriorityLater
			title := []run{plain(m.Title)}
			if later {
				// Grey, as printed plans show it, and in words, since
				// grey alone says nothing to a screen reader or in print.
				title = append(title, run{text: " (" + d.t("measure.later") + ")", italic: true})
			}
			t.rows = append(t.rows, tableRow{later: later, cells: [][]run{{plain(fmt.Sprint(m.Number))}, title,
				{plain(sheet.Actors(f, m.Leads, false))}, {plain(sheet.Actors(f, m.Partners, m.PartnersAndOthers))},
				{plain(sheet.TimeFrame(f, m.TimeFrame))}}})
		}
		x.table(t)
	}
	x.markdown(g.Notes)
	for _, m := range g.Measures {
		head := []run{plain(d.t("measure.heading", "Number", m.Number) + ": " + m.Title)}
		if m.Priority == plan.PriorityLater {
			head = append(head, run{text: " – " + d.t("measure.later"), style: "Later"})
		}
		x.para("Heading3", head...)
		x.markdown(m.Summary)
		for _, s := range m.Sections {
			title := s.Title
			if s.Number != "" {
				title = s.Number + ". " + title
			}
			x.para("Heading4", plain(title))
			x.markdown(s.Body)
			d.figures(s.Figures)
		}
	}
}

// date writes a date as the plan's language does.
func (d *writer) date(dt *plan.Date) string {
	if dt == nil {
		return ""
	}
	return i18n.Date(d.lang, *dt)
}

func (d *writer) orgName(id string) string {
	return sheet.ActorName(d.f, plan.Actor{Org: id})
}

func (d *writer) anchoring() {
	p := d.f.Plan
	notes := false
	for _, a := range p.Anchoring {
		notes = notes || a.Note != ""
	}
	t := table{caption: d.t("plan.anchoring"), head: []string{d.t("table.municipality"), d.t("table.executive-committee"), d.t("table.council")}}
	if notes {
		t.head = append(t.head, d.t("table.note"))
	}
	for _, a := range p.Anchoring {
		cells := [][]run{{plain(d.orgName(a.Municipality))}, {plain(d.date(a.ExecutiveCommittee))}, {plain(d.date(a.Council))}}
		if notes {
			cells = append(cells, []run{plain(a.Note)})
		}
		t.rows = append(t.rows, tableRow{cells: cells})
	}
	d.x.table(t)
}

func (d *writer) approvals() {
	p := d.f.Plan
	notes := false
	for _, a := range p.Approvals {
		notes = notes || a.Note != ""
	}
	t := table{caption: d.t("plan.approvals"), head: []string{d.t("table.party"), d.t("table.date")}}
	if notes {
		t.head = append(t.head, d.t("table.note"))
	}
	for _, a := range p.Approvals {
		party := d.orgName(a.Party)
		if a.Body != "" {
			party += " (" + a.Body + ")"
		}
		cells := [][]run{{plain(party)}, {plain(d.date(a.Date))}}
		if notes {
			cells = append(cells, []run{plain(a.Note)})
		}
		t.rows = append(t.rows, tableRow{cells: cells})
	}
	d.x.table(t)
}

// revision writes the revision report the caller laid out.
func (d *writer) revision() {
	for _, p := range d.o.Revision {
		if p.Heading != "" {
			d.x.para("Heading3", plain(p.Heading))
		}
		for _, s := range p.Text {
			d.x.para("", plain(s))
		}
		for _, t := range p.Tables {
			tb := table{caption: t.Caption, head: t.Head, num: map[int]bool{}}
			for _, i := range t.Num {
				tb.num[i] = true
			}
			for _, r := range t.Rows {
				var cells [][]run
				for _, c := range r {
					cells = append(cells, []run{plain(c)})
				}
				tb.rows = append(tb.rows, tableRow{cells: cells})
			}
			d.x.table(tb)
		}
	}
}

// communication writes the communication plan as a table, as the plan
// page shows it: one row per activity.
func (d *writer) communication() {
	if len(d.f.Plan.Communication) == 0 {
		return // a section may place the block before the plan has activities
	}
	t := table{caption: d.t("plan.communication"), head: []string{d.t("table.activity"), d.t("table.target-group"),
		d.t("table.channel"), d.t("table.when"), d.t("table.responsible"), d.t("table.status")}}
	for _, a := range d.f.Plan.Communication {
		when := d.date(a.From)
		if a.To != nil {
			when += " – " + d.date(a.To)
		}
		if a.When != "" {
			if when != "" {
				when += ", "
			}
			when += a.When
		}
		var who []string
		for _, r := range a.Responsible {
			who = append(who, sheet.ActorName(d.f, r))
		}
		status := ""
		if a.Status != "" {
			status = d.t("measure-status." + string(a.Status))
		}
		t.rows = append(t.rows, tableRow{cells: [][]run{{plain(a.Activity)}, {plain(a.TargetGroup)}, {plain(a.Channel)},
			{plain(when)}, {plain(strings.Join(who, ", "))}, {plain(status)}}})
	}
	d.x.table(t)
}
