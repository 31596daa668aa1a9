package plan

import (
	"fmt"
	"testing"
)

// Uses lists an organisation's every part in a file, in the order of its
// page: the programme's parties and municipalities first, then each
// measure's leads and partners (a measure outside goals last), funding
// sources, anchoring and approvals; an actor written as text names none.
func TestUses(t *testing.T) {
	f := &File{
		Programme: Programme{ID: "p", Name: "Programmet",
			Parties:        []Party{{Org: "kdd", Role: RoleFunder}, {Org: "fylket", Role: RoleCoordinator}},
			Municipalities: []string{"bygda"}},
		Plan: Plan{Year: 2026, Title: "Plan",
			Goals: []Goal{{Number: 2, Measures: []Measure{{ID: "m", Number: 3, Title: "Bustader",
				Leads: []Actor{{Org: "bygda"}, {Text: "prosjektleiar"}}, Partners: []Actor{{Org: "husbanken"}}}}}},
			Measures:  []Measure{{ID: "laus", Label: "A", Title: "Utanfor", Leads: []Actor{{Org: "fylket"}}}},
			Sources:   []FundingSource{{ID: "s", Name: "Statlege midlar", Org: "kdd"}, {ID: "e", Name: "Eigne"}},
			Anchoring: []Anchoring{{Municipality: "bygda"}},
			Approvals: []Approval{{Party: "fylket"}},
		},
	}
	var got []string
	for _, u := range f.Uses() {
		got = append(got, fmt.Sprintf("%s %s %s %v %d.%d %s %q", u.Org, u.Kind, u.Role, u.Programme, u.Goal, u.Measure, u.MeasureID, u.Detail))
	}
	want := []string{
		`kdd party funder true 0.0  ""`,
		`fylket party coordinator true 0.0  ""`,
		`bygda municipality  true 0.0  ""`,
		`bygda lead  false 2.3 m "2.3 Bustader"`,
		`husbanken partner  false 2.3 m "2.3 Bustader"`,
		`fylket lead  false 0.0 laus "A Utanfor"`,
		`kdd source  false 0.0  "Statlege midlar"`,
		`bygda anchoring  false 0.0  ""`,
		`fylket approval  false 0.0  ""`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Uses:\n%s\nwant\n%s", got, want)
	}
}
