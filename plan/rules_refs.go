package plan

import (
	"fmt"
	"regexp"
	"strings"

	"planverk/place"
)

// idPattern is what an ID must look like: it stands in URLs and on the
// command line.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (c *checker) checkID(path, id string) {
	if id == "" {
		c.required(path, true)
		return
	}
	if !idPattern.MatchString(id) {
		c.add("invalid-value", SeverityError, path, "rule.id-format", Args{"Value": id})
	}
}

func (c *checker) checkOrganisations() {
	for i, o := range c.f.Organisations {
		p := fmt.Sprintf("organisations[%d]", i)
		c.checkID(p+".id", o.ID)
		c.required(p+".name", strings.TrimSpace(o.Name) == "")
		enum(c, p+".kind", o.Kind, OrgKinds)
		if o.Number != "" && !ValidOrgNumber(o.Number) {
			c.add("org-number", SeverityError, p+".number", "rule.org-number", Args{"Value": o.Number})
		}
		if n := o.MunicipalityNumber; n != "" {
			want := 4
			if o.Kind == OrgCounty {
				want = 2
			}
			if len(n) != want || strings.Trim(n, "0123456789") != "" {
				c.add("municipality-number", SeverityError, p+".municipality_number", "rule.municipality-number",
					Args{"Value": n, "Digits": want})
			} else {
				c.checkRegister(p+".municipality_number", n)
			}
		}
		for j, m := range o.Members {
			c.orgRef(fmt.Sprintf("%s.members[%d]", p, j), m)
		}
	}
}

// checkRegister warns about a well-formed municipality or county number
// that is not one of the 2024 structure (package place): unknown, or a
// former number, with the one it became. A warning, not an error: a plan
// written before 2024 is still the plan it was.
func (c *checker) checkRegister(path, number string) {
	if p, ok := place.ByNumber(number); ok && p.Number == number {
		return
	}
	if f, ok := place.Renumbered(number); ok {
		var now []string
		for _, b := range f.Became {
			if p, ok := place.ByNumber(b); ok {
				now = append(now, fmt.Sprintf("%s %s", p.Number, p.Name))
			}
		}
		c.add("municipality-number", SeverityWarning, path, "rule.municipality-number-former",
			Args{"Value": number, "Name": f.Name, "Valid": f.Valid, "Now": strings.Join(now, ", ")})
		return
	}
	c.add("municipality-number", SeverityWarning, path, "rule.municipality-number-unknown", Args{"Value": number})
}

func (c *checker) checkProgramme() {
	pr := c.f.Programme
	c.checkID("programme.id", pr.ID)
	c.required("programme.kind", pr.Kind == "")
	enum(c, "programme.kind", pr.Kind, ProgrammeKinds)
	c.required("programme.name", strings.TrimSpace(pr.Name) == "")
	// A period may be open (no end year); its start is what is required.
	c.required("programme.period", pr.Period.From == 0)
	if pr.Period.From != 0 && pr.Period.To != 0 && pr.Period.From > pr.Period.To {
		c.add("plan-year", SeverityError, "programme.period.to", "rule.period-order", Args{"From": pr.Period.From, "To": pr.Period.To})
	}
	for i, p := range pr.Parties {
		path := fmt.Sprintf("programme.parties[%d]", i)
		c.orgRef(path+".org", p.Org)
		c.required(path+".role", p.Role == "")
		enum(c, path+".role", p.Role, PartyRoles)
	}
	for i, m := range pr.Municipalities {
		c.orgRef(fmt.Sprintf("programme.municipalities[%d]", i), m)
	}
	c.checkPeople("programme.people", pr.People)
	for i, s := range pr.SDGs {
		if s.Number < 1 || s.Number > 17 {
			c.add("sdg-number", SeverityError, fmt.Sprintf("programme.sdgs[%d].number", i), "rule.sdg-number", Args{"Value": s.Number})
		}
	}
	for i, g := range pr.Goals {
		c.required(fmt.Sprintf("programme.goals[%d].text", i), strings.TrimSpace(g.Text) == "")
	}
	if pr.Capacity != nil {
		for i, d := range pr.Capacity.Dimensions {
			c.required(fmt.Sprintf("programme.capacity.dimensions[%d].name", i), strings.TrimSpace(d.Name) == "")
		}
	}
}

func (c *checker) checkPlan() {
	p := c.f.Plan
	c.required("plan.year", p.Year == 0)
	c.required("plan.title", strings.TrimSpace(p.Title) == "")
	c.required("plan.language", p.Language == "")
	enum(c, "plan.language", p.Language, Languages)
	enum(c, "plan.status", p.Status, Statuses)
	period := c.f.Programme.Period
	if p.Year != 0 && period.From != 0 && !period.Contains(p.Year) {
		c.add("plan-year", SeverityError, "plan.year", "rule.plan-year", period.args(Args{"Year": p.Year}))
	}
	for i, s := range p.Sections {
		c.checkSection(fmt.Sprintf("plan.sections[%d]", i), s)
	}
}

func (c *checker) checkSection(path string, s Section) {
	c.required(path+".title", strings.TrimSpace(s.Title) == "")
	if s.Kind != "" {
		enum(c, path+".kind", s.Kind, SectionKinds)
	}
	for i, b := range s.Blocks {
		bp := fmt.Sprintf("%s.blocks[%d]", path, i)
		kind, id, hasID := strings.Cut(string(b), ":")
		switch {
		case hasID && kind == "budget":
			if _, ok := c.budgets[id]; !ok {
				c.add("reference", SeverityError, bp, "rule.reference-budget", Args{"ID": id})
			}
		case hasID && kind == "financing":
			if !c.hasFinancing(id) {
				c.add("reference", SeverityError, bp, "rule.reference-financing", Args{"ID": id})
			}
		default:
			allowed := append(append([]Block{}, Blocks...), "budget:ID", "financing:ID")
			enum(c, bp, b, allowed)
		}
	}
}

func (c *checker) hasFinancing(id string) bool {
	for _, t := range c.f.Plan.Financing {
		if t.ID == id {
			return true
		}
	}
	return false
}

func (c *checker) checkGoals() {
	ids := map[string]bool{}
	checkID := func(ip string, m Measure) {
		if m.ID == "" {
			return
		}
		if !idPattern.MatchString(m.ID) {
			c.add("invalid-value", SeverityError, ip, "rule.id-format", Args{"Value": m.ID})
		} else if ids[m.ID] {
			c.add("duplicate-id", SeverityError, ip, "rule.duplicate-id", Args{"ID": m.ID})
		}
		ids[m.ID] = true
	}
	for gi, g := range c.f.Plan.Goals {
		for mi, m := range g.Measures {
			checkID(fmt.Sprintf("plan.goals[%d].measures[%d].id", gi, mi), m)
		}
	}
	for mi, m := range c.f.Plan.Measures {
		checkID(fmt.Sprintf("plan.measures[%d].id", mi), m)
	}
	goalLabels := map[string]bool{}
	for gi, g := range c.f.Plan.Goals {
		gp := fmt.Sprintf("plan.goals[%d]", gi)
		// A goal is named by its number or by the programme's own label.
		c.required(gp+".number", g.Number < 0 || g.Number == 0 && strings.TrimSpace(g.Label) == "")
		c.required(gp+".title", strings.TrimSpace(g.Title) == "")
		if g.Label != "" && goalLabels[g.Label] {
			c.add("goal-number", SeverityError, gp+".label", "rule.goal-label", Args{"Label": g.Label})
		}
		goalLabels[g.Label] = true
		c.checkMeasures(gp, g.Measures, g.Name())
	}
	c.checkMeasures("plan", c.f.Plan.Measures, "")
}

// checkMeasures checks the measures of one list: a goal's, or the plan's
// measures not placed under a goal (goal "").
func (c *checker) checkMeasures(lp string, ms []Measure, goal string) {
	seen := map[int]bool{}
	labels := map[string]bool{}
	for mi, m := range ms {
		mp := fmt.Sprintf("%s.measures[%d]", lp, mi)
		c.required(mp+".number", m.Number < 0 || m.Number == 0 && strings.TrimSpace(m.Label) == "")
		c.required(mp+".title", strings.TrimSpace(m.Title) == "")
		if seen[m.Number] && m.Number > 0 {
			if goal == "" {
				c.add("measure-number", SeverityError, mp+".number", "rule.measure-number-unplaced", Args{"Number": m.Number})
			} else {
				c.add("measure-number", SeverityError, mp+".number", "rule.measure-number", Args{"Number": m.Number, "Goal": goal})
			}
		}
		seen[m.Number] = true
		if labels[m.Label] && m.Label != "" {
			c.add("measure-number", SeverityError, mp+".label", "rule.measure-label", Args{"Label": m.Label})
		}
		labels[m.Label] = true
		c.checkActors(mp+".leads", m.Leads)
		c.checkActors(mp+".partners", m.Partners)
		c.checkPeople(mp+".people", m.People)
		enum(c, mp+".priority", m.Priority, Priorities)
		enum(c, mp+".status", m.Status, MeasureStatuses)
		c.checkTimeFrame(mp, m)
		for si, s := range m.Sections {
			c.checkSection(fmt.Sprintf("%s.sections[%d]", mp, si), s)
		}
	}
}

// checkPeople checks that each person has a name and a known role, and that
// the organisation named is in the file.
func (c *checker) checkPeople(path string, people []Person) {
	for i, p := range people {
		pp := fmt.Sprintf("%s[%d]", path, i)
		c.required(pp+".name", strings.TrimSpace(p.Name) == "")
		c.required(pp+".role", p.Role == "")
		enum(c, pp+".role", p.Role, PersonRoles)
		if p.Organisation != "" {
			c.orgRef(pp+".organisation", p.Organisation)
		}
	}
}

func (c *checker) checkActors(path string, actors []Actor) {
	for i, a := range actors {
		ap := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case a.Org != "" && a.Text != "":
			c.add("invalid-value", SeverityError, ap, "rule.actor-both", nil)
		case a.Org != "":
			c.orgRef(ap+".org", a.Org)
		case strings.TrimSpace(a.Text) == "":
			c.add("required", SeverityError, ap, "rule.actor-empty", nil)
		}
	}
}

func (c *checker) checkSources() {
	for i, s := range c.f.Plan.Sources {
		p := fmt.Sprintf("plan.sources[%d]", i)
		c.checkID(p+".id", s.ID)
		c.required(p+".name", strings.TrimSpace(s.Name) == "")
		if s.Org != "" {
			c.orgRef(p+".org", s.Org)
		}
	}
}

// sourceRef checks that a funding-source ID names a source of the plan.
func (c *checker) sourceRef(path, id string) bool {
	if _, ok := c.sources[id]; !ok {
		c.add("reference", SeverityError, path, "rule.reference-source", Args{"ID": id})
		return false
	}
	return true
}

func (c *checker) goalRef(path string, n int) {
	if _, ok := c.goals[n]; !ok {
		c.add("reference", SeverityError, path, "rule.reference-goal", Args{"Number": n})
	}
}
