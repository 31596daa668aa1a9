package plan

import (
	"fmt"
	"math/big"
)

// Rule describes one check planverk runs on a plan.
type Rule struct {
	ID       string
	Severity Severity
}

// Rules lists every rule by its ID, with the severity of its main finding.
// docs/rules.md explains each; a test keeps the two in step.
var Rules = []Rule{
	{"format-version", SeverityError},
	{"unknown-field", SeverityError},
	{"invalid-value", SeverityError},
	{"required", SeverityError},
	{"duplicate-id", SeverityError},
	{"reference", SeverityError},
	{"org-number", SeverityError},
	{"municipality-number", SeverityError},
	{"plan-year", SeverityError},
	{"goal-number", SeverityError},
	{"measure-number", SeverityError},
	{"time-frame", SeverityError},
	{"measure-priority", SeverityWarning},
	{"weights-sum", SeverityError},
	{"weights-budget", SeverityWarning},
	{"budget-years", SeverityError},
	{"budget-sum", SeverityError},
	{"financing-sum", SeverityError},
	{"financing-minimum", SeverityWarning},
	{"financing-budget", SeverityError},
	{"financing-years", SeverityError},
	{"share-label", SeverityWarning},
	{"payments-sum", SeverityError},
	{"footnote-mark", SeverityWarning},
	{"anchoring-dates", SeverityError},
	{"anchoring-missing", SeverityWarning},
	{"target-year", SeverityError},
	{"communication-when", SeverityWarning},
	{"sdg-number", SeverityError},
	{"section-review", SeverityWarning},
	{"revision-reason", SeverityError},
	{"revision-assessment", SeverityError},
	{"revision-new", SeverityWarning},
}

// DefaultWeightTolerance is how far, in percentage points, a goal's share of
// the budget may stray from its weight when the plan states no tolerance.
// Plans round their budgets to whole hundred thousands, which moves a share by
// well under half a point on the budgets seen so far.
var DefaultWeightTolerance = big.NewRat(1, 200)

// ShareLabelTolerance is how far a printed share may be from the computed one
// before it is reported: a hundredth of a percentage point, so that "33,33 %"
// passes for a third while "75 %" for 74.95 % does not.
var ShareLabelTolerance = big.NewRat(1, 10000)

// Check runs every rule on a plan file and returns the findings. Their order
// is the rules' order; output sorts them by where they stand in the file.
func Check(f *File) []Finding {
	c := &checker{f: f}
	c.index()
	c.checkFormat()
	c.checkOrganisations()
	c.checkProgramme()
	c.checkPlan()
	c.checkGoals()
	c.checkSources()
	c.checkBudgets()
	c.checkFinancing()
	c.checkAnchoring()
	c.checkTargets()
	c.checkCommunication()
	c.checkReview()
	return c.out
}

// checker holds a plan file, indexes over it, and the findings so far.
type checker struct {
	f       *File
	out     []Finding
	orgs    map[string]*Organisation
	sources map[string]*FundingSource
	budgets map[string]int // budget ID → index
	goals   map[int]int    // goal number → index
}

func (c *checker) add(rule string, sev Severity, path, msg string, args Args, related ...Related) {
	c.out = append(c.out, Finding{Rule: rule, Severity: sev, Path: path, Message: msg, Args: args, Related: related})
}

func (c *checker) index() {
	c.orgs = map[string]*Organisation{}
	for i := range c.f.Organisations {
		o := &c.f.Organisations[i]
		if _, dup := c.orgs[o.ID]; dup && o.ID != "" {
			c.add("duplicate-id", SeverityError, fmt.Sprintf("organisations[%d].id", i), "rule.duplicate-id", Args{"ID": o.ID})
		}
		c.orgs[o.ID] = o
	}
	c.sources = map[string]*FundingSource{}
	for i := range c.f.Plan.Sources {
		s := &c.f.Plan.Sources[i]
		if _, dup := c.sources[s.ID]; dup && s.ID != "" {
			c.add("duplicate-id", SeverityError, fmt.Sprintf("plan.sources[%d].id", i), "rule.duplicate-id", Args{"ID": s.ID})
		}
		c.sources[s.ID] = s
	}
	c.budgets = map[string]int{}
	for i, b := range c.f.Plan.Budgets {
		if _, dup := c.budgets[b.ID]; dup && b.ID != "" {
			c.add("duplicate-id", SeverityError, fmt.Sprintf("plan.budgets[%d].id", i), "rule.duplicate-id", Args{"ID": b.ID})
		}
		c.budgets[b.ID] = i
	}
	c.goals = map[int]int{}
	for i, g := range c.f.Plan.Goals {
		if g.Number == 0 {
			continue // named by its label only
		}
		if _, dup := c.goals[g.Number]; dup {
			c.add("goal-number", SeverityError, fmt.Sprintf("plan.goals[%d].number", i), "rule.goal-number", Args{"Number": g.Number})
		}
		c.goals[g.Number] = i
	}
}

// orgRef checks that an organisation ID names an organisation in the file.
func (c *checker) orgRef(path, id string) {
	if id == "" {
		c.add("required", SeverityError, path, "rule.required", Args{"Field": LastField(path)})
		return
	}
	if _, ok := c.orgs[id]; !ok {
		c.add("reference", SeverityError, path, "rule.reference-org", Args{"ID": id})
	}
}

func (c *checker) required(path string, empty bool) {
	if empty {
		c.add("required", SeverityError, path, "rule.required", Args{"Field": LastField(path)})
	}
}

// enum checks that a value is one of the allowed ones; empty passes, since
// required fields are checked on their own.
func enum[T ~string](c *checker, path string, v T, allowed []T) {
	if v == "" {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	list := make([]string, len(allowed))
	for i, a := range allowed {
		list[i] = string(a)
	}
	c.add("invalid-value", SeverityError, path, "rule.enum", Args{"Field": LastField(path), "Value": string(v), "Allowed": list})
}

func (c *checker) checkFormat() {
	if c.f.Format != FormatVersion {
		c.add("format-version", SeverityError, "planverk", "rule.format-version", Args{"Value": c.f.Format, "Expected": FormatVersion})
	}
}
