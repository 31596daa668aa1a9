package auth

import "testing"

const (
	allow = true
	deny  = false
)

// The programme and measure the policy table asks about: a measure in Driv,
// led by Drangedal kommune together with the business garden.
var measure = Resource{
	Programme:    "driv",
	MeasureLeads: []string{"drangedal-kommune", "drangedal-naeringshage"},
	// The project actions ask about a project whose manager's account is
	// user 11, "project manager".
	ProjectManager: 11,
}

// subjects are the kinds of people the policy tells apart, by name.
var subjects = map[string]Subject{
	"anonymous": {},
	"no role":   {UserID: 1, Organisation: "drangedal-kommune"},
	"reader":    {UserID: 2, Roles: map[string]Role{"driv": RoleReader}},
	"reviewer":  {UserID: 3, Roles: map[string]Role{"driv": RoleReviewer}},
	"editor":    {UserID: 4, Roles: map[string]Role{"driv": RoleEditor}},
	"lead of measure": {UserID: 5, Organisation: "drangedal-naeringshage",
		Roles: map[string]Role{"driv": RoleLead}},
	"lead, other org": {UserID: 6, Organisation: "telemark-fylkeskommune",
		Roles: map[string]Role{"driv": RoleLead}},
	"programme admin": {UserID: 7, Roles: map[string]Role{"driv": RoleAdmin}},
	"other admin": {UserID: 8, Organisation: "drangedal-kommune",
		Roles: map[string]Role{"vest-telemark": RoleAdmin}},
	"system admin": {UserID: 9, SystemAdmin: true},
	// A catalogue editor with no role in any programme.
	"catalogue editor": {UserID: 10, CatalogueEditor: true},
	// The manager of the project, by the account linked to it, with no
	// role in the programme.
	"project manager": {UserID: 11, Organisation: "drangedal-naeringshage"},
}

// policy is the whole policy written out: for every action and every kind of
// subject, whether it is allowed on an unpublished and on a published plan.
// It is written by hand from the rules, not derived from Can; change it only
// when the rules change.
var policy = []struct {
	action      Action
	subject     string
	unpublished bool
	published   bool
}{
	{ViewPlan, "anonymous", deny, allow},
	{ViewPlan, "no role", deny, allow},
	{ViewPlan, "project manager", deny, allow},
	{ViewPlan, "reader", allow, allow},
	{ViewPlan, "reviewer", allow, allow},
	{ViewPlan, "editor", allow, allow},
	{ViewPlan, "lead of measure", allow, allow},
	{ViewPlan, "lead, other org", allow, allow},
	{ViewPlan, "programme admin", allow, allow},
	{ViewPlan, "other admin", deny, allow},
	{ViewPlan, "system admin", allow, allow},
	{ViewPlan, "catalogue editor", deny, allow},

	{ViewHistory, "anonymous", deny, deny},
	{ViewHistory, "no role", deny, deny},
	{ViewHistory, "project manager", deny, deny},
	{ViewHistory, "reader", allow, allow},
	{ViewHistory, "reviewer", allow, allow},
	{ViewHistory, "editor", allow, allow},
	{ViewHistory, "lead of measure", allow, allow},
	{ViewHistory, "lead, other org", allow, allow},
	{ViewHistory, "programme admin", allow, allow},
	{ViewHistory, "other admin", deny, deny},
	{ViewHistory, "system admin", allow, allow},
	{ViewHistory, "catalogue editor", deny, deny},

	{Comment, "anonymous", deny, deny},
	{Comment, "no role", deny, deny},
	{Comment, "project manager", deny, deny},
	{Comment, "reader", deny, deny},
	{Comment, "reviewer", allow, allow},
	{Comment, "editor", allow, allow},
	{Comment, "lead of measure", allow, allow},
	{Comment, "lead, other org", allow, allow},
	{Comment, "programme admin", allow, allow},
	{Comment, "other admin", deny, deny},
	{Comment, "system admin", allow, allow},
	{Comment, "catalogue editor", deny, deny},

	{EditPlan, "anonymous", deny, deny},
	{EditPlan, "no role", deny, deny},
	{EditPlan, "project manager", deny, deny},
	{EditPlan, "reader", deny, deny},
	{EditPlan, "reviewer", deny, deny},
	{EditPlan, "editor", allow, allow},
	{EditPlan, "lead of measure", deny, deny},
	{EditPlan, "lead, other org", deny, deny},
	{EditPlan, "programme admin", allow, allow},
	{EditPlan, "other admin", deny, deny},
	{EditPlan, "system admin", allow, allow},
	{EditPlan, "catalogue editor", deny, deny},

	{EditMeasure, "anonymous", deny, deny},
	{EditMeasure, "no role", deny, deny},
	{EditMeasure, "project manager", deny, deny},
	{EditMeasure, "reader", deny, deny},
	{EditMeasure, "reviewer", deny, deny},
	{EditMeasure, "editor", allow, allow},
	{EditMeasure, "lead of measure", allow, allow},
	{EditMeasure, "lead, other org", deny, deny},
	{EditMeasure, "programme admin", allow, allow},
	{EditMeasure, "other admin", deny, deny},
	{EditMeasure, "system admin", allow, allow},
	{EditMeasure, "catalogue editor", deny, deny},

	{DeleteMeasure, "anonymous", deny, deny},
	{DeleteMeasure, "no role", deny, deny},
	{DeleteMeasure, "project manager", deny, deny},
	{DeleteMeasure, "reader", deny, deny},
	{DeleteMeasure, "reviewer", deny, deny},
	{DeleteMeasure, "editor", allow, allow},
	{DeleteMeasure, "lead of measure", deny, deny},
	{DeleteMeasure, "lead, other org", deny, deny},
	{DeleteMeasure, "programme admin", allow, allow},
	{DeleteMeasure, "other admin", deny, deny},
	{DeleteMeasure, "system admin", allow, allow},
	{DeleteMeasure, "catalogue editor", deny, deny},

	{EditProgramme, "anonymous", deny, deny},
	{EditProgramme, "no role", deny, deny},
	{EditProgramme, "project manager", deny, deny},
	{EditProgramme, "reader", deny, deny},
	{EditProgramme, "reviewer", deny, deny},
	{EditProgramme, "editor", deny, deny},
	{EditProgramme, "lead of measure", deny, deny},
	{EditProgramme, "lead, other org", deny, deny},
	{EditProgramme, "programme admin", allow, allow},
	{EditProgramme, "other admin", deny, deny},
	{EditProgramme, "system admin", allow, allow},
	{EditProgramme, "catalogue editor", deny, deny},

	{ManageMembers, "anonymous", deny, deny},
	{ManageMembers, "no role", deny, deny},
	{ManageMembers, "project manager", deny, deny},
	{ManageMembers, "reader", deny, deny},
	{ManageMembers, "reviewer", deny, deny},
	{ManageMembers, "editor", deny, deny},
	{ManageMembers, "lead of measure", deny, deny},
	{ManageMembers, "lead, other org", deny, deny},
	{ManageMembers, "programme admin", allow, allow},
	{ManageMembers, "other admin", deny, deny},
	{ManageMembers, "system admin", allow, allow},
	{ManageMembers, "catalogue editor", deny, deny},

	{CreateProgramme, "anonymous", deny, deny},
	{CreateProgramme, "no role", deny, deny},
	{CreateProgramme, "project manager", deny, deny},
	{CreateProgramme, "reader", deny, deny},
	{CreateProgramme, "reviewer", deny, deny},
	{CreateProgramme, "editor", deny, deny},
	{CreateProgramme, "lead of measure", deny, deny},
	{CreateProgramme, "lead, other org", deny, deny},
	{CreateProgramme, "programme admin", deny, deny},
	{CreateProgramme, "other admin", deny, deny},
	{CreateProgramme, "system admin", allow, allow},
	{CreateProgramme, "catalogue editor", deny, deny},

	{EditOrganisation, "anonymous", deny, deny},
	{EditOrganisation, "no role", deny, deny},
	{EditOrganisation, "project manager", deny, deny},
	{EditOrganisation, "reader", deny, deny},
	{EditOrganisation, "reviewer", deny, deny},
	{EditOrganisation, "editor", deny, deny},
	{EditOrganisation, "lead of measure", deny, deny},
	{EditOrganisation, "lead, other org", deny, deny},
	{EditOrganisation, "programme admin", deny, deny},
	{EditOrganisation, "other admin", deny, deny},
	{EditOrganisation, "system admin", allow, allow},
	{EditOrganisation, "catalogue editor", deny, deny},

	{ManageUsers, "anonymous", deny, deny},
	{ManageUsers, "no role", deny, deny},
	{ManageUsers, "project manager", deny, deny},
	{ManageUsers, "reader", deny, deny},
	{ManageUsers, "reviewer", deny, deny},
	{ManageUsers, "editor", deny, deny},
	{ManageUsers, "lead of measure", deny, deny},
	{ManageUsers, "lead, other org", deny, deny},
	{ManageUsers, "programme admin", deny, deny},
	{ManageUsers, "other admin", deny, deny},
	{ManageUsers, "system admin", allow, allow},
	{ManageUsers, "catalogue editor", deny, deny},

	{EditSchemes, "anonymous", deny, deny},
	{EditSchemes, "no role", deny, deny},
	{EditSchemes, "project manager", deny, deny},
	{EditSchemes, "reader", deny, deny},
	{EditSchemes, "reviewer", deny, deny},
	{EditSchemes, "editor", deny, deny},
	{EditSchemes, "lead of measure", deny, deny},
	{EditSchemes, "lead, other org", deny, deny},
	{EditSchemes, "programme admin", deny, deny},
	{EditSchemes, "other admin", deny, deny},
	{EditSchemes, "system admin", allow, allow},
	{EditSchemes, "catalogue editor", allow, allow},
	{ViewProject, "anonymous", deny, allow},
	{ViewProject, "no role", deny, allow},
	{ViewProject, "project manager", allow, allow},
	{ViewProject, "reader", allow, allow},
	{ViewProject, "reviewer", allow, allow},
	{ViewProject, "editor", allow, allow},
	{ViewProject, "lead of measure", allow, allow},
	{ViewProject, "lead, other org", allow, allow},
	{ViewProject, "programme admin", allow, allow},
	{ViewProject, "other admin", deny, allow},
	{ViewProject, "system admin", allow, allow},
	{ViewProject, "catalogue editor", deny, allow},

	{WriteReport, "anonymous", deny, deny},
	{WriteReport, "no role", deny, deny},
	{WriteReport, "project manager", allow, allow},
	{WriteReport, "reader", deny, deny},
	{WriteReport, "reviewer", deny, deny},
	{WriteReport, "editor", allow, allow},
	{WriteReport, "lead of measure", deny, deny},
	{WriteReport, "lead, other org", deny, deny},
	{WriteReport, "programme admin", allow, allow},
	{WriteReport, "other admin", deny, deny},
	{WriteReport, "system admin", allow, allow},
	{WriteReport, "catalogue editor", deny, deny},

	{DecideReport, "anonymous", deny, deny},
	{DecideReport, "no role", deny, deny},
	{DecideReport, "project manager", deny, deny},
	{DecideReport, "reader", deny, deny},
	{DecideReport, "reviewer", deny, deny},
	{DecideReport, "editor", allow, allow},
	{DecideReport, "lead of measure", deny, deny},
	{DecideReport, "lead, other org", deny, deny},
	{DecideReport, "programme admin", allow, allow},
	{DecideReport, "other admin", deny, deny},
	{DecideReport, "system admin", allow, allow},
	{DecideReport, "catalogue editor", deny, deny},
}

func TestCan(t *testing.T) {
	for _, tt := range policy {
		s, ok := subjects[tt.subject]
		if !ok {
			t.Fatalf("policy names unknown subject %q", tt.subject)
		}
		for _, published := range []bool{false, true} {
			want := tt.unpublished
			state := "unpublished"
			if published {
				want, state = tt.published, "published"
			}
			r := measure
			r.Published = published
			if got := Can(s, tt.action, r); got != want {
				t.Errorf("Can(%s, %s, %s) = %v, want %v", tt.subject, tt.action, state, got, want)
			}
		}
	}
}

// TestPolicyTableComplete makes sure the table above has one row for every
// action and subject, so a new action cannot go untested.
func TestPolicyTableComplete(t *testing.T) {
	rows := make(map[Action]map[string]int)
	for _, tt := range policy {
		if rows[tt.action] == nil {
			rows[tt.action] = make(map[string]int)
		}
		rows[tt.action][tt.subject]++
	}
	for _, a := range Actions() {
		for name := range subjects {
			if n := rows[a][name]; n != 1 {
				t.Errorf("policy has %d rows for %s × %s, want 1", n, a, name)
			}
		}
	}
	if want := len(Actions()) * len(subjects); len(policy) != want {
		t.Errorf("policy has %d rows, want %d", len(policy), want)
	}
}

// TestCanEdges covers what the table does not: odd subjects and resources.
func TestCanEdges(t *testing.T) {
	lead := func(org string) Subject {
		return Subject{UserID: 5, Organisation: org, Roles: map[string]Role{"driv": RoleLead}}
	}
	editor := Subject{UserID: 4, Roles: map[string]Role{"driv": RoleEditor}}
	sysadmin := Subject{UserID: 9, SystemAdmin: true}
	published := Resource{Programme: "driv", Published: true}
	tests := []struct {
		name string
		s    Subject
		a    Action
		r    Resource
		want bool
	}{
		{"unknown action, system admin", sysadmin, "delete_everything", measure, deny},
		{"empty action, system admin", sysadmin, "", measure, deny},
		{"unknown action, anonymous, published", Subject{}, "delete_everything", published, deny},
		{"system admin without user id is anonymous", Subject{SystemAdmin: true}, EditPlan, measure, deny},
		{"system admin without user id views published", Subject{SystemAdmin: true}, ViewPlan, published, allow},
		{"catalogue editor without user id is anonymous", Subject{CatalogueEditor: true}, EditSchemes, Resource{}, deny},
		{"catalogue editor with an editor role edits that plan", Subject{UserID: 10, CatalogueEditor: true, Roles: map[string]Role{"driv": RoleEditor}}, EditPlan, measure, allow},
		{"admin role without user id is anonymous", Subject{Roles: map[string]Role{"driv": RoleAdmin}}, ViewHistory, measure, deny},
		{"unknown role is no role, unpublished", Subject{UserID: 3, Roles: map[string]Role{"driv": "owner"}}, ViewPlan, measure, deny},
		{"unknown role is no role, published", Subject{UserID: 3, Roles: map[string]Role{"driv": "owner"}}, ViewPlan, published, allow},
		{"unknown role may not edit", Subject{UserID: 3, Roles: map[string]Role{"driv": "owner"}}, EditPlan, measure, deny},
		{"upper-case role is unknown", Subject{UserID: 3, Roles: map[string]Role{"driv": "ADMIN"}}, EditProgramme, measure, deny},
		{"editor of one programme in another", editor, EditMeasure, Resource{Programme: "vest-telemark", MeasureLeads: measure.MeasureLeads}, deny},
		{"editor, resource without programme", editor, EditPlan, Resource{}, deny},
		{"role under empty programme key grants nothing", Subject{UserID: 3, Roles: map[string]Role{"": RoleAdmin}}, EditProgramme, Resource{}, deny},
		{"lead, sole lead", lead("drangedal-kommune"), EditMeasure, Resource{Programme: "driv", MeasureLeads: []string{"drangedal-kommune"}}, allow},
		{"lead, measure without leads", lead("drangedal-kommune"), EditMeasure, Resource{Programme: "driv"}, deny},
		{"lead without organisation", lead(""), EditMeasure, measure, deny},
		{"lead without organisation, empty lead key", lead(""), EditMeasure, Resource{Programme: "driv", MeasureLeads: []string{""}}, deny},
		{"lead, keys compared exactly", lead("Drangedal-kommune"), EditMeasure, measure, deny},
		{"lead of measure in another programme", lead("drangedal-kommune"), EditMeasure, Resource{Programme: "vest-telemark", MeasureLeads: []string{"drangedal-kommune"}}, deny},
		{"no-role user of the leading organisation", Subject{UserID: 1, Organisation: "drangedal-kommune"}, EditMeasure, measure, deny},
		{"reader of the leading organisation", Subject{UserID: 2, Organisation: "drangedal-kommune", Roles: map[string]Role{"driv": RoleReader}}, EditMeasure, measure, deny},
		{"reviewer of the leading organisation", Subject{UserID: 3, Organisation: "drangedal-kommune", Roles: map[string]Role{"driv": RoleReviewer}}, EditMeasure, measure, deny},
		{"system admin, installation-wide resource", sysadmin, EditSchemes, Resource{}, allow},
		{"project manager, another project", Subject{UserID: 11}, WriteReport, Resource{Programme: "driv", ProjectManager: 12}, deny},
		{"project manager, another project not public", Subject{UserID: 11}, ViewProject, Resource{Programme: "driv", ProjectManager: 12}, deny},
		{"project without a manager's account", Subject{UserID: 11}, WriteReport, Resource{Programme: "driv"}, deny},
		{"anonymous is no project's manager", Subject{}, WriteReport, Resource{Programme: "driv", ProjectManager: 0}, deny},
		{"reader who manages the project writes its reports", Subject{UserID: 2, Roles: map[string]Role{"driv": RoleReader}}, WriteReport, Resource{Programme: "driv", ProjectManager: 2}, allow},
		{"project manager decides no report", Subject{UserID: 11}, DecideReport, measure, deny},
		{"project manager sees no draft", Subject{UserID: 11}, ViewDraft, measure, deny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.s, tt.a, tt.r); got != tt.want {
				t.Errorf("Can = %v, want %v", got, tt.want)
			}
		})
	}
}
