package plan_test

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"planverk/plan"
)

// Every rule is explained in docs/rules.md under a heading of its ID, and
// the document explains no rule that does not exist.
func TestRulesDocumented(t *testing.T) {
	b, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^## ([a-z0-9-]+)\s*$`).FindAllStringSubmatch(string(b), -1) {
		documented = append(documented, m[1])
	}
	for _, r := range plan.Rules {
		if !slices.Contains(documented, r.ID) {
			t.Errorf("rule %s is not documented in docs/rules.md", r.ID)
		}
	}
	for _, d := range documented {
		if !slices.ContainsFunc(plan.Rules, func(r plan.Rule) bool { return r.ID == d }) {
			t.Errorf("docs/rules.md documents %s, which is not a rule", d)
		}
	}
}
