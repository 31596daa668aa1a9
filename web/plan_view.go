package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"planverk/auth"
	"planverk/cycle"
	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
)

// planView is a plan laid out for reading: every table with its computed
// totals beside the printed ones, the findings of the rules, and the blocks
// in the places the plan's sections put them.
type planView struct {
	File      *plan.File
	Plan      *plan.Plan
	Version   int
	Orgs      map[string]plan.Organisation
	Sections  []sectionView
	Unplaced  []blockView // blocks no section placed, shown after the sections
	Findings  []findingView
	Errors    int
	Warnings  int
	Budgets   map[string]*budgetView
	Financing map[string]*financingView
	// Perms says what the person viewing may do with the plan.
	Perms planPerms
	// Latest is the plan's latest version; Version is older when an
	// earlier one is shown.
	Latest    int
	Published bool
	// Release is set where the plan shown is a released version; Draft
	// where it is the working draft, read by a member.
	Release *cycle.Release
	Draft   *draftBanner
	// Revision is the plan's revision report, where it revises an
	// approved plan.
	Revision *revisionView
	// Print is set where the plan is laid out to be printed (a PDF).
	Print *printMeta
	// Body is what follows the page's header and actions (plan-rest)
	// rendered already, where it is kept with the version's parts
	// (draft_parts.go); the page renders it otherwise.
	Body template.HTML
}

// planPerms are the plan's actions the person may take, for the links and
// buttons a page shows. Each handler checks again: a link shown is never
// the permission itself.
type planPerms struct {
	History, EditPlan, EditMeasures, Members, Publish, Comment bool
}

// permsFor works out planPerms for the person behind a request.
func permsFor(r *http.Request, programmeID string, published bool) planPerms {
	res := auth.Resource{Programme: programmeID, Published: published}
	return planPerms{
		History:  can(r, auth.ViewHistory, res),
		EditPlan: can(r, auth.EditPlan, res),
		// A lead may edit some measures; each measure's own link is
		// decided on its page.
		EditMeasures: can(r, auth.EditPlan, res) || whoOf(r).Subject.RoleIn(programmeID) == auth.RoleLead,
		Members:      can(r, auth.ManageMembers, res),
		Publish:      can(r, auth.EditProgramme, res),
		Comment:      can(r, auth.Comment, res),
	}
}

type sectionView struct {
	Section plan.Section
	ID      string
	Blocks  []blockView
}

// blockView is one structured part of a plan in its place.
type blockView struct {
	Kind      string // a plan.Block name, or "budget" / "financing"
	Budget    *budgetView
	Financing *financingView
}

// amountCell is a computed amount and, where the plan printed a different
// one, the printed amount: the page shows both and never corrects either.
type amountCell struct {
	Value    plan.Amount
	Present  bool
	Printed  *plan.Amount
	Mismatch bool
	Mark     string
	// Kind is set for a ceiling, an estimate or a minimum, or a sum that
	// holds one: the page writes "inntil", "ca." or "minst" before it.
	Kind plan.AmountKind
}

// kindCell is a cell of an amount of a kind. A printed total disagrees
// with a sum of ceilings only where it is more, with a sum of minimums
// only where it is less, and with an estimate never (see plan's rules).
func kindCell(v plan.Amount, present bool, printed *plan.Amount, mark string, kind plan.AmountKind) amountCell {
	c := amountCell{Value: v, Present: present, Printed: printed, Mark: mark, Kind: kind}
	if printed != nil {
		switch kind {
		case plan.AmountExact:
			c.Mismatch = *printed != v
		case plan.AmountCeiling:
			c.Mismatch = *printed > v
		case plan.AmountMinimum:
			c.Mismatch = *printed < v
		}
	}
	return c
}

type budgetView struct {
	Budget *plan.Budget
	// Covers names the funding sources the budget plans, where it plans
	// only some.
	Covers []string
	Years  []int
	Rows   []budgetRow
	Sum    []amountCell
	Total  amountCell
}

type budgetRow struct {
	Line   plan.BudgetLine
	Cells  []amountCell
	Total  amountCell
	Goal   *plan.Goal
	Weight plan.Share
}

type financingView struct {
	Financing *plan.Financing
	Sources   []plan.FundingSource
	// ByLine is set for a table whose rows are budget lines; otherwise the
	// single row is shown source by source, as such tables are printed.
	ByLine  bool
	Rows    []financingRow
	Cells   []financingCell // the source-by-source layout
	Sum     []amountCell
	Total   amountCell
	Minimum bool
	// ShowYear is set where the table's title does not say its year, or
	// its span of years (YearText).
	ShowYear bool
	YearText string
}

type financingRow struct {
	Number string
	Label  string
	Cells  []financingGridCell
	Total  amountCell
}

// financingGridCell is a cell of a financing table laid out as a grid: its
// amount, and what the plan says beside it (share, note, instalments),
// shown in the cell as the printed plan does.
type financingGridCell struct {
	amountCell
	Share    plan.Share
	Note     string
	Payments []plan.Payment
	// Unknown marks a cell the plan has for the source, with no amount yet.
	Unknown bool
}

type financingCell struct {
	Source   plan.FundingSource
	Cell     plan.FinancingCell
	Payments []plan.Payment
}

func printedYear(p *plan.PrintedTotals, y int) *plan.Amount {
	if p == nil {
		return nil
	}
	if a, ok := p.Years[y]; ok {
		return &a
	}
	return nil
}

func newBudgetView(f *plan.File, b *plan.Budget) *budgetView {
	v := &budgetView{Budget: b, Years: b.Years}
	for _, id := range b.Covers {
		name := id
		for _, src := range f.Plan.Sources {
			if src.ID == id {
				name = src.Name
			}
		}
		v.Covers = append(v.Covers, name)
	}
	for _, l := range b.Lines {
		row := budgetRow{Line: l}
		for _, y := range b.Years {
			a, ok := l.Amounts[y]
			row.Cells = append(row.Cells, kindCell(a, ok, nil, "", l.Kind))
		}
		row.Total = kindCell(l.LineTotal(), true, l.PrintedTotal, l.Mark, l.Kind)
		for i := range f.Plan.Goals {
			if g := &f.Plan.Goals[i]; l.Goal != 0 && g.Number == l.Goal {
				row.Goal, row.Weight = g, g.Weight
			}
		}
		v.Rows = append(v.Rows, row)
	}
	for _, y := range b.Years {
		v.Sum = append(v.Sum, kindCell(b.YearTotal(y), true, printedYear(b.Printed, y), "", b.YearKind(y)))
	}
	var total *plan.Amount
	mark := ""
	if b.Printed != nil {
		total, mark = b.Printed.Total, b.Printed.Mark
	}
	v.Total = kindCell(b.Total(), true, total, mark, b.TotalKind())
	return v
}

func newFinancingView(f *plan.File, t *plan.Financing) *financingView {
	v := &financingView{Financing: t, Minimum: t.HasUnknown(),
		ShowYear: t.Year != 0 && !strings.Contains(t.Title, strconv.Itoa(t.Year))}
	if y := t.Years; y != nil {
		v.YearText = strconv.Itoa(y.From) + "–" + strconv.Itoa(y.To)
		v.ShowYear = !strings.Contains(t.Title, v.YearText)
	} else {
		v.YearText = strconv.Itoa(t.Year)
	}
	src := map[string]plan.FundingSource{}
	for _, s := range f.Plan.Sources {
		src[s.ID] = s
	}
	for _, id := range t.Sources {
		v.Sources = append(v.Sources, src[id])
	}
	var budget *plan.Budget
	for i := range f.Plan.Budgets {
		if f.Plan.Budgets[i].ID == t.Budget {
			budget = &f.Plan.Budgets[i]
		}
	}
	v.ByLine = len(t.Rows) != 1 || t.Rows[0].Line != ""
	for _, r := range t.Rows {
		row := financingRow{Label: r.Label}
		if budget != nil {
			for _, l := range budget.Lines {
				if l.ID == r.Line {
					row.Number, row.Label = l.Number, l.Label
				}
			}
		}
		for _, id := range t.Sources {
			var c financingGridCell
			for _, fc := range r.Cells {
				if fc.Source != id {
					continue
				}
				if fc.Amount != nil {
					c.amountCell = kindCell(*fc.Amount, true, nil, fc.Mark, fc.Kind)
				} else {
					c.Unknown, c.Mark = true, fc.Mark
				}
				c.Share, c.Note, c.Payments = fc.Share, fc.Note, fc.Payments
			}
			row.Cells = append(row.Cells, c)
		}
		row.Total = kindCell(r.RowTotal(), true, r.PrintedTotal, r.Mark, r.RowKind())
		v.Rows = append(v.Rows, row)
	}
	if !v.ByLine {
		for _, fc := range t.Rows[0].Cells {
			v.Cells = append(v.Cells, financingCell{Source: src[fc.Source], Cell: fc, Payments: fc.Payments})
		}
	}
	for _, id := range t.Sources {
		var printed *plan.Amount
		mark := ""
		if t.Printed != nil {
			if a, ok := t.Printed.Sources[id]; ok {
				printed = &a
			}
			mark = t.Printed.Marks[id]
		}
		v.Sum = append(v.Sum, kindCell(t.SourceTotal(id), true, printed, mark, t.SourceKind(id)))
	}
	var total *plan.Amount
	if t.Printed != nil {
		total = t.Printed.Total
	}
	v.Total = kindCell(t.Total(), true, total, "", t.TotalKind())
	return v
}

// newPlanView lays out a plan for its page in the language of the page.
func newPlanView(f *plan.File, version int, lang i18n.Lang) *planView {
	v := &planView{File: f, Plan: &f.Plan, Version: version, Orgs: map[string]plan.Organisation{},
		Budgets: map[string]*budgetView{}, Financing: map[string]*financingView{}}
	for _, o := range f.Organisations {
		v.Orgs[o.ID] = o
	}
	for i := range f.Plan.Budgets {
		b := &f.Plan.Budgets[i]
		v.Budgets[b.ID] = newBudgetView(f, b)
	}
	for i := range f.Plan.Financing {
		t := &f.Plan.Financing[i]
		v.Financing[t.ID] = newFinancingView(f, t)
	}
	placed := map[string]bool{}
	for i, s := range f.Plan.Sections {
		sv := sectionView{Section: s, ID: fmt.Sprintf("section-%d", i+1)}
		for _, b := range s.Blocks {
			if bv, ok := v.block(string(b)); ok {
				sv.Blocks = append(sv.Blocks, bv)
				placed[string(b)] = true
			}
		}
		v.Sections = append(v.Sections, sv)
	}
	// Whatever the plan holds but no section placed is still shown, after
	// the sections, so no data is ever hidden by a missing block.
	for _, name := range v.present() {
		if !placed[name] {
			if bv, ok := v.block(name); ok {
				v.Unplaced = append(v.Unplaced, bv)
			}
		}
	}
	b := describe.New(f, lang)
	for _, fd := range plan.Check(f) {
		fv := newFindingView(b, lang, fd)
		switch fd.Severity {
		case plan.SeverityError:
			v.Errors++
		case plan.SeverityWarning:
			v.Warnings++
		}
		v.Findings = append(v.Findings, fv)
	}
	return v
}

// present lists the blocks the plan has data for, in reading order.
func (v *planView) present() []string {
	p, pr := v.Plan, v.File.Programme
	var out []string
	add := func(ok bool, name string) {
		if ok {
			out = append(out, name)
		}
	}
	add(len(pr.Goals) > 0, string(plan.BlockProgrammeGoals))
	add(len(pr.SDGs) > 0, string(plan.BlockSDGs))
	add(len(p.Targets) > 0 || len(pr.Targets) > 0, string(plan.BlockTargets))
	add(pr.Capacity != nil, string(plan.BlockCapacity))
	add(len(p.Goals) > 0, string(plan.BlockGoals))
	add(len(p.SpecialEfforts) > 0, string(plan.BlockSpecialEfforts))
	for _, b := range p.Budgets {
		out = append(out, "budget:"+b.ID)
	}
	for _, t := range p.Financing {
		out = append(out, "financing:"+t.ID)
	}
	add(len(p.Anchoring) > 0, string(plan.BlockAnchoring))
	add(len(p.Approvals) > 0, string(plan.BlockApprovals))
	add(len(p.Communication) > 0, string(plan.BlockCommunication))
	add(p.Revision != nil && p.Revision.Base != nil, string(plan.BlockRevision))
	return out
}

func (v *planView) block(name string) (blockView, bool) {
	kind, id, _ := strings.Cut(name, ":")
	switch kind {
	case "budget":
		b, ok := v.Budgets[id]
		return blockView{Kind: kind, Budget: b}, ok
	case "financing":
		t, ok := v.Financing[id]
		return blockView{Kind: kind, Financing: t}, ok
	}
	if slices.Contains(plan.Blocks, plan.Block(kind)) {
		return blockView{Kind: kind}, true
	}
	return blockView{}, false
}

// OrgName is the name of an organisation, or its ID if the plan lacks it.
func (v *planView) OrgName(id string) string {
	if o, ok := v.Orgs[id]; ok {
		return o.Name
	}
	return id
}

// ActorName is an actor as the plan writes it.
func (v *planView) ActorName(a plan.Actor) string {
	switch {
	case a.As != "":
		return a.As
	case a.Org != "":
		return v.OrgName(a.Org)
	}
	return a.Text
}

// AnchoringNotes reports whether any municipality's anchoring has a note,
// for the table's note column.
func (v *planView) AnchoringNotes() bool {
	return slices.ContainsFunc(v.Plan.Anchoring, func(a plan.Anchoring) bool { return a.Note != "" })
}

// ApprovalNotes reports whether any approval has a note.
func (v *planView) ApprovalNotes() bool {
	return slices.ContainsFunc(v.Plan.Approvals, func(a plan.Approval) bool { return a.Note != "" })
}

// GoalAnchor is the id of a goal's section on the plan page: goal-2, or
// for a goal named by its label only, goal-label-A.
func (v *planView) GoalAnchor(g plan.Goal) string {
	if g.Number != 0 {
		return "goal-" + strconv.Itoa(g.Number)
	}
	return "goal-label-" + anchorText(g.Label)
}

// MeasureAnchor is the id of a measure's article on the plan page; goal is
// its goal's number (0 for none).
func (v *planView) MeasureAnchor(goal int, m plan.Measure) string {
	if goal != 0 && m.Number != 0 {
		return fmt.Sprintf("goal-%d-measure-%d", goal, m.Number)
	}
	return "measure-" + anchorText(m.ID)
}

// MeasureURL is the address of a measure's page: by its goal's and its own
// number where both have one, as addresses always were, and otherwise by
// its lasting ID (a measure under no goal, or named by a label only).
func (v *planView) MeasureURL(goal int, m plan.Measure) string {
	base := fmt.Sprintf("/programmes/%s/plans/%d", url.PathEscape(v.File.Programme.ID), v.Plan.Year)
	return measurePage(base, goal, m)
}

// measurePage is a measure's page under a plan's address; goal is its
// goal's number (0 for none).
func measurePage(planPath string, goal int, m plan.Measure) string {
	if goal != 0 && m.Number != 0 {
		return fmt.Sprintf("%s/goals/%d/measures/%d", planPath, goal, m.Number)
	}
	return planPath + "/measures/" + url.PathEscape(m.ID)
}

// OrgNames maps each organisation's ID to its name, for lists of people.
func (v *planView) OrgNames() map[string]string {
	out := map[string]string{}
	for _, o := range v.File.Organisations {
		out[o.ID] = o.Name
	}
	return out
}

// anchorText makes text usable in an HTML id: letters and digits kept,
// anything else a hyphen.
func anchorText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
