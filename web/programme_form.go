package web

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"

	"planverk/plan"
)

// The programme form. Parties and goals are numbered rows (party-0-org,
// party-0-role, party-0-note…; goal-0-text, goal-0-note…) with one empty
// row more for adding one; emptying a row removes it. Municipalities are
// ticked boxes, all named "municipalities". What the form does not show
// (targets, UN goals, references, the capacity framework) is kept as it is.

// adminMaxRows bounds the row counts a form says it has, so that a forged
// count cannot make the server loop for long.
const adminMaxRows = 500

// adminKeyPattern is what a programme's or an organisation's id must look like;
// it is the rule plan.Check holds ids to, since ids stand in URLs.
var adminKeyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// adminCheckKey checks a new id: its form, and that it is not a word the routes
// use ("/programmes/new" is the form, never a programme).
func adminCheckKey(fm *form, name string) string {
	id := fm.Get(name)
	switch {
	case id == "":
		fm.Fail(name, "form.required")
	case !adminKeyPattern.MatchString(id):
		fm.Fail(name, "admin.id-format")
	case id == "new":
		fm.Fail(name, "admin.id-reserved")
	}
	return id
}

// programmeValues fills a form with a programme as it is.
func programmeValues(p plan.Programme) url.Values {
	v := url.Values{}
	v.Set("name", p.Name)
	v.Set("short_name", p.ShortName)
	v.Set("kind", string(p.Kind))
	if p.Period.From != 0 {
		v.Set("period_from", strconv.Itoa(p.Period.From))
	}
	if p.Period.To != 0 {
		v.Set("period_to", strconv.Itoa(p.Period.To))
	}
	v.Set("period_note", p.Period.Note)
	if p.Signed != nil {
		v.Set("signed", formDate(*p.Signed))
	}
	v.Set("description", string(p.Description))
	v["municipalities"] = slices.Clone(p.Municipalities)
	for i, pa := range p.Parties {
		v.Set(fmt.Sprintf("party-%d-org", i), pa.Org)
		v.Set(fmt.Sprintf("party-%d-role", i), string(pa.Role))
		v.Set(fmt.Sprintf("party-%d-note", i), pa.Note)
	}
	v.Set("parties", strconv.Itoa(len(p.Parties)))
	for i, g := range p.Goals {
		v.Set(fmt.Sprintf("goal-%d-text", i), g.Text)
		v.Set(fmt.Sprintf("goal-%d-note", i), string(g.Note))
	}
	v.Set("goals", strconv.Itoa(len(p.Goals)))
	return v
}

// adminRowCount reads how many rows a form says it has, within adminMaxRows.
func adminRowCount(fm *form, name string) int {
	n, _ := strconv.Atoi(fm.Get(name))
	return min(max(n, 0), adminMaxRows)
}

// applyProgrammeForm checks the form and, where it is good, writes it into
// p. orgs are the stored organisations by id; years are the years the
// programme has plans for, which its period must keep covering.
func applyProgrammeForm(fm *form, orgs map[string]plan.Organisation, years []int, p *plan.Programme) {
	fm.Required("name", "kind")
	kind := plan.ProgrammeKind(fm.Get("kind"))
	if kind != "" && !slices.Contains(plan.ProgrammeKinds, kind) {
		fm.Fail("kind", "form.choose")
	}
	period := programmePeriod(fm, years)
	var signed *plan.Date
	if s := fm.Get("signed"); s != "" {
		if d, err := plan.ParseDate(s); err != nil {
			fm.Fail("signed", "admin.date")
		} else {
			signed = &d
		}
	}
	var municipalities []string
	for _, id := range fm.Values["municipalities"] {
		if _, ok := orgs[id]; !ok {
			fm.Fail("municipalities", "form.choose")
			continue
		}
		if !slices.Contains(municipalities, id) {
			municipalities = append(municipalities, id)
		}
	}
	parties := programmePartyRows(fm, orgs)
	goals := programmeGoalRows(fm, p.Goals)
	if !fm.OK() {
		return
	}
	p.Name = fm.Get("name")
	p.ShortName = fm.Get("short_name")
	p.Kind = kind
	p.Period = period
	p.Signed = signed
	p.Description = keepText(p.Description, fm.Raw("description"))
	p.Municipalities = municipalities
	p.Parties = parties
	p.Goals = goals
}

// programmePeriod reads a programme's period: its first year and, where an
// end is decided, its last, in order, covering every year the programme
// has a plan for (a plan outside its programme's period is an error of
// plan.Check). An empty last year is an open period.
func programmePeriod(fm *form, years []int) plan.Period {
	fm.Required("period_from")
	p := plan.Period{From: yearField(fm, "period_from"), To: yearField(fm, "period_to"), Note: fm.Get("period_note")}
	if p.From == 0 {
		return p
	}
	if p.To != 0 && p.To < p.From {
		fm.Fail("period_to", "admin.period-order")
		return p
	}
	for _, y := range years {
		switch {
		case y < p.From:
			fm.Fail("period_from", "admin.period-plans", "Year", y)
		case !p.Open() && y > p.To:
			fm.Fail("period_to", "admin.period-plans", "Year", y)
		}
	}
	return p
}

// programmePartyRows reads the party rows: an organisation and its role each.
func programmePartyRows(fm *form, orgs map[string]plan.Organisation) []plan.Party {
	var out []plan.Party
	for i := 0; i <= adminRowCount(fm, "parties"); i++ {
		orgField, roleField := fmt.Sprintf("party-%d-org", i), fmt.Sprintf("party-%d-role", i)
		org, role, note := fm.Get(orgField), plan.PartyRole(fm.Get(roleField)), fm.Get(fmt.Sprintf("party-%d-note", i))
		if org == "" && role == "" && note == "" {
			continue // emptied, or the row for adding one left empty
		}
		if _, ok := orgs[org]; !ok {
			fm.Fail(orgField, "admin.party-org")
		}
		if !slices.Contains(plan.PartyRoles, role) {
			fm.Fail(roleField, "admin.party-role")
		}
		out = append(out, plan.Party{Org: org, Role: role, Note: note})
	}
	return out
}

// programmeGoalRows reads the goal rows; had are the goals as they were,
// whose notes stay as written where only the space around them differs.
func programmeGoalRows(fm *form, had []plan.ProgrammeGoal) []plan.ProgrammeGoal {
	var out []plan.ProgrammeGoal
	for i := 0; i <= adminRowCount(fm, "goals"); i++ {
		textField := fmt.Sprintf("goal-%d-text", i)
		text, note := fm.Get(textField), fm.Raw(fmt.Sprintf("goal-%d-note", i))
		var g plan.ProgrammeGoal
		if i < len(had) {
			g = had[i]
		}
		if text == "" && note == "" {
			continue
		}
		if text == "" {
			fm.Fail(textField, "admin.goal-text")
		}
		g.Text, g.Note = text, keepText(g.Note, note)
		out = append(out, g)
	}
	return out
}

// carryProgrammeOrganisations adds to a plan file the stored records of the
// organisations its programme names and it does not carry yet, and their
// members, so that the file stands on its own: plan.Check looks for every
// reference inside the file.
func carryProgrammeOrganisations(f *plan.File, orgs map[string]plan.Organisation) {
	have := map[string]bool{}
	for _, o := range f.Organisations {
		have[o.ID] = true
	}
	var carry func(id string)
	carry = func(id string) {
		o, ok := orgs[id]
		if have[id] || !ok {
			return
		}
		have[id] = true
		f.Organisations = append(f.Organisations, o)
		for _, m := range o.Members {
			carry(m)
		}
	}
	for _, m := range f.Programme.Municipalities {
		carry(m)
	}
	for _, pa := range f.Programme.Parties {
		carry(pa.Org)
	}
}
