package docx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"planverk/i18n"
	"planverk/plan"
)

// Options says what of a plan the document is.
type Options struct {
	// Version is the plan version written; Release names the release
	// it is ("Release 2, 19.06.2025"), "" for a draft.
	Version int
	Release string
	// Draft marks a working draft: on the title page and every page's
	// footer.
	Draft bool
	// Revision is the revision report, laid out by the caller (it is
	// computed against a release the caller loads); nil for none.
	Revision []Part
}

// Part is a piece of the revision report: a heading, text and tables.
type Part struct {
	Heading string
	Text    []string
	Tables  []Table
}

// Table is a table of text the caller lays out; Num marks the columns of
// amounts.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
	Num     []int
}

// Write writes a plan as a Word document.
func Write(f *plan.File, o Options) ([]byte, error) {
	d := &writer{f: f, o: o, x: newXW(), lang: lang(f)}
	body, err := d.document()
	if err != nil {
		return nil, fmt.Errorf("writing the document: %w", err)
	}
	tag := languageTag(f)
	foot := f.Plan.Title + " · " + d.t("office.version", "Version", o.Version)
	if o.Release != "" {
		foot += " · " + o.Release
	}
	if o.Draft {
		foot = d.t("office.draft") + " · " + foot
	}
	var parts []part
	for _, p := range []struct {
		name string
		make func() ([]byte, error)
	}{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", func() ([]byte, error) { return core(f.Plan.Title, f.Programme.Name, tag) }},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", func() ([]byte, error) { return body, nil }},
		{"word/styles.xml", func() ([]byte, error) { return styles(tag) }},
		{"word/settings.xml", func() ([]byte, error) { return settings(tag) }},
		{"word/numbering.xml", numbering},
		{"word/footer1.xml", func() ([]byte, error) { return footer(foot) }},
	} {
		data, err := p.make()
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", p.name, err)
		}
		parts = append(parts, part{p.name, data})
	}
	return pack(parts)
}

func lang(f *plan.File) i18n.Lang {
	if f.Plan.Language == plan.Nynorsk {
		return i18n.Nynorsk
	}
	return i18n.Bokmal
}

func languageTag(f *plan.File) string {
	if f.Plan.Language == plan.Nynorsk {
		return "nn-NO"
	}
	return "nb-NO"
}

type writer struct {
	f    *plan.File
	o    Options
	x    *xw
	lang i18n.Lang
}

// t is one of the document's own words, in the plan's language.
func (d *writer) t(id string, pairs ...any) string {
	args := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		args[pairs[i].(string)] = pairs[i+1]
	}
	return i18n.T(d.lang, id, args)
}

func (d *writer) document() ([]byte, error) {
	x, f := d.x, d.f
	x.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	x.open("w:body")
	d.titlePage()
	placed := map[string]bool{}
	for _, s := range f.Plan.Sections {
		title := s.Title
		if s.Number != "" {
			title = s.Number + ". " + title
		}
		x.para("Heading1", plain(title))
		x.markdown(s.Body)
		d.figures(s.Figures)
		for _, b := range s.Blocks {
			d.block(string(b))
			placed[string(b)] = true
		}
	}
	var rest []string
	for _, b := range present(f) {
		if !placed[b] {
			rest = append(rest, b)
		}
	}
	if len(rest) > 0 {
		x.para("Heading1", plain(d.t("plan.more")))
		for _, b := range rest {
			d.block(b)
		}
	}
	if refs := f.Plan.References; len(refs) > 0 {
		x.para("Heading1", plain(d.t("programme.references")))
		for _, r := range refs {
			s := r.Title
			if r.Year != 0 {
				s += fmt.Sprintf(" (%d)", r.Year)
			}
			if r.Note != "" {
				s += " – " + r.Note
			}
			if r.URL != "" {
				s += " – " + r.URL
			}
			x.para("ListBullet", plain(s))
		}
	}
	// A4 portrait, the footer on every page.
	x.sectPr(false)
	x.close("w:body")
	x.close("w:document")
	return x.bytes()
}

func (d *writer) titlePage() {
	x, f := d.x, d.f
	x.para("Subtitle", plain(f.Programme.Name))
	x.para("Title", plain(f.Plan.Title))
	if f.Plan.Subtitle != "" {
		x.para("Subtitle", plain(f.Plan.Subtitle))
	}
	meta := d.t("office.version", "Version", d.o.Version)
	if d.o.Release != "" {
		meta += " · " + d.o.Release
	}
	x.para("", plain(meta))
	if d.o.Draft {
		x.para("Draft", plain(d.t("office.draft")))
		x.para("", plain(d.t("office.draft-note")))
	}
	x.pageBreak()
}

func (d *writer) figures(figs []plan.Figure) {
	for _, fg := range figs {
		s := strings.TrimSpace(strings.Join([]string{fg.Label, fg.Caption}, " "))
		if fg.Description != "" {
			s = strings.TrimSpace(s + " " + fg.Description)
		}
		if s != "" {
			d.x.para("Note", run{text: s, italic: true})
		}
	}
}

// present lists the blocks the plan has data for, in reading order, as
// the plan page does, so that nothing a section does not place is left
// out.
func present(f *plan.File) []string {
	p, pr := f.Plan, f.Programme
	var out []string
	add := func(ok bool, b plan.Block) {
		if ok {
			out = append(out, string(b))
		}
	}
	add(len(pr.Goals) > 0, plan.BlockProgrammeGoals)
	add(len(pr.SDGs) > 0, plan.BlockSDGs)
	add(len(p.Targets) > 0 || len(pr.Targets) > 0, plan.BlockTargets)
	add(pr.Capacity != nil, plan.BlockCapacity)
	add(len(p.Goals) > 0, plan.BlockGoals)
	add(len(p.SpecialEfforts) > 0, plan.BlockSpecialEfforts)
	for _, b := range p.Budgets {
		out = append(out, "budget:"+b.ID)
	}
	for _, t := range p.Financing {
		out = append(out, "financing:"+t.ID)
	}
	add(len(p.Anchoring) > 0, plan.BlockAnchoring)
	add(len(p.Approvals) > 0, plan.BlockApprovals)
	add(len(p.Communication) > 0, plan.BlockCommunication)
	add(p.Revision != nil && p.Revision.Base != nil, plan.BlockRevision)
	return out
}

func (d *writer) block(name string) {
	x, f := d.x, d.f
	kind, id, _ := strings.Cut(name, ":")
	switch plan.Block(kind) {
	case "budget":
		for i := range f.Plan.Budgets {
			if f.Plan.Budgets[i].ID == id {
				d.budget(&f.Plan.Budgets[i])
			}
		}
	case "financing":
		for i := range f.Plan.Financing {
			if f.Plan.Financing[i].ID == id {
				d.financing(&f.Plan.Financing[i])
			}
		}
	case plan.BlockGoals:
		for i := range f.Plan.Goals {
			d.goal(&f.Plan.Goals[i])
		}
	case plan.BlockProgrammeGoals:
		x.para("Heading2", plain(d.t("programme.goals")))
		for _, g := range f.Programme.Goals {
			x.para("ListBullet", plain(g.Text))
			x.markdown(g.Note)
		}
	case plan.BlockSDGs:
		x.para("Heading2", plain(d.t("programme.sdgs")))
		for _, s := range f.Programme.SDGs {
			head := strconv.Itoa(s.Number)
			if s.Title != "" {
				head += ": " + s.Title
			}
			x.para("ListBullet", run{text: head + ".", bold: true}, plain(" "+s.Text))
		}
	case plan.BlockTargets:
		x.para("Heading2", plain(d.t("plan.targets")))
		for _, t := range append(slices.Clone(f.Programme.Targets), f.Plan.Targets...) {
			x.para("ListBullet", plain(d.target(t)))
			x.markdown(t.Note)
		}
	case plan.BlockCapacity:
		c := f.Programme.Capacity
		if c == nil {
			return
		}
		title := c.Title
		if title == "" {
			title = d.t("programme.capacity")
		}
		x.para("Heading2", plain(title))
		x.markdown(c.Note)
		for _, dim := range c.Dimensions {
			x.para("Heading3", plain(dim.Name))
			for _, ind := range dim.Indicators {
				x.para("ListBullet", plain(ind))
			}
		}
	case plan.BlockSpecialEfforts:
		x.para("Heading2", plain(d.t("plan.special-efforts")))
		d.efforts(f.Plan.SpecialEfforts, 0)
	case plan.BlockAnchoring:
		d.anchoring()
	case plan.BlockApprovals:
		d.approvals()
	case plan.BlockCommunication:
		d.communication()
	case plan.BlockRevision:
		d.revision()
	}
}

func (d *writer) target(t plan.Target) string {
	s := i18n.Amount(plan.Amount(t.Value)) + " "
	if t.Kind == plan.TargetJobs {
		s += d.t("target.jobs", "Count", t.Value)
	} else {
		s += t.Unit
	}
	if t.Gross {
		s += " (" + d.t("target.gross") + ")"
	}
	if t.Period != nil {
		s += fmt.Sprintf(", %d–%d", t.Period.From, t.Period.To)
	} else if t.Year != 0 {
		s += fmt.Sprintf(", %d", t.Year)
	}
	if t.Goal != 0 {
		s += ", " + d.t("words.line-goal", "Number", t.Goal)
	}
	if t.Label != "" {
		s += " — " + t.Label
	}
	return s
}

func (d *writer) efforts(es []plan.Effort, level int) {
	for _, e := range es {
		d.x.open("w:p")
		d.x.open("w:pPr")
		d.x.el("w:pStyle", "w:val", "ListBullet")
		d.x.open("w:numPr")
		d.x.el("w:ilvl", "w:val", strconv.Itoa(min(level, 2)))
		d.x.el("w:numId", "w:val", "1")
		d.x.close("w:numPr")
		d.x.close("w:pPr")
		d.x.runs(inline(e.Text))
		d.x.close("w:p")
		d.efforts(e.Items, level+1)
		d.x.markdown(e.Note)
	}
}
