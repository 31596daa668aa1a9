package auth

import (
	"slices"
	"testing"
)

func TestParseRole(t *testing.T) {
	tests := []struct {
		in      string
		want    Role
		wantErr bool
	}{
		{"admin", RoleAdmin, false},
		{"editor", RoleEditor, false},
		{"lead", RoleLead, false},
		{"reviewer", RoleReviewer, false},
		{"reader", RoleReader, false},
		{"", "", true},
		{"Admin", "", true},
		{" admin", "", true},
		{"owner", "", true},
		{"system_admin", "", true},
	}
	for _, tt := range tests {
		got, err := ParseRole(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if got.Valid() == tt.wantErr {
			t.Errorf("Role(%q).Valid() = %v", got, got.Valid())
		}
	}
}

func TestRoleStrings(t *testing.T) {
	// The strings are stored in the database.
	want := map[Role]string{
		RoleReader: "reader", RoleReviewer: "reviewer", RoleLead: "lead",
		RoleEditor: "editor", RoleAdmin: "admin",
	}
	for r, s := range want {
		if string(r) != s {
			t.Errorf("role %q stored as %q, want %q", r, string(r), s)
		}
	}
}

func TestRolesAndRank(t *testing.T) {
	want := []Role{RoleReader, RoleReviewer, RoleLead, RoleEditor, RoleAdmin}
	got := Roles()
	if !slices.Equal(got, want) {
		t.Fatalf("Roles() = %v, want %v", got, want)
	}
	for i, r := range want {
		if r.Rank() != i+1 {
			t.Errorf("%s.Rank() = %d, want %d", r, r.Rank(), i+1)
		}
	}
	for _, r := range []Role{"", "owner", "ADMIN"} {
		if r.Rank() != 0 || r.Valid() {
			t.Errorf("Role(%q): Rank %d, Valid %v; want 0, false", r, r.Rank(), r.Valid())
		}
	}
	got[0] = "changed"
	if Roles()[0] != RoleReader {
		t.Error("Roles() shares its slice with the caller")
	}
}

func TestSubject(t *testing.T) {
	roles := map[string]Role{"driv": RoleEditor, "vt": "owner", "": RoleAdmin}
	tests := []struct {
		name      string
		s         Subject
		anonymous bool
		programme string
		role      Role
	}{
		{"zero", Subject{}, true, "driv", ""},
		{"no user id, roles", Subject{Roles: roles}, true, "driv", RoleEditor},
		{"no user id, system admin", Subject{SystemAdmin: true}, true, "driv", ""},
		{"negative user id", Subject{UserID: -1}, true, "driv", ""},
		{"user, role", Subject{UserID: 7, Roles: roles}, false, "driv", RoleEditor},
		{"user, other programme", Subject{UserID: 7, Roles: roles}, false, "bygdevekst", ""},
		{"user, unknown role", Subject{UserID: 7, Roles: roles}, false, "vt", ""},
		{"user, empty programme key", Subject{UserID: 7, Roles: roles}, false, "", ""},
		{"user, nil roles", Subject{UserID: 7}, false, "driv", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.Anonymous(); got != tt.anonymous {
				t.Errorf("Anonymous() = %v, want %v", got, tt.anonymous)
			}
			if got := tt.s.RoleIn(tt.programme); got != tt.role {
				t.Errorf("RoleIn(%q) = %q, want %q", tt.programme, got, tt.role)
			}
		})
	}
}

func TestActions(t *testing.T) {
	want := map[Action]string{
		ViewPlan: "view_plan", ViewHistory: "view_history", Comment: "comment",
		EditPlan: "edit_plan", EditMeasure: "edit_measure", DeleteMeasure: "delete_measure",
		EditProgramme: "edit_programme", ManageMembers: "manage_members",
		CreateProgramme: "create_programme", EditOrganisation: "edit_organisation",
		ManageUsers: "manage_users", EditSchemes: "edit_schemes",
		ViewDraft: "view_draft", StartPlan: "start_plan", ProposePlan: "propose_plan",
		RecordAnchoring: "record_anchoring", ApprovePlan: "approve_plan",
		ViewProject: "view_project", WriteReport: "write_report", DecideReport: "decide_report",
	}
	got := Actions()
	if len(got) != len(want) {
		t.Fatalf("Actions() has %d actions, want %d", len(got), len(want))
	}
	for _, a := range got {
		if s, ok := want[a]; !ok || string(a) != s {
			t.Errorf("action %q unexpected", a)
		}
		if !a.Valid() {
			t.Errorf("%s.Valid() = false", a)
		}
	}
	for _, a := range []Action{"", "delete_plan", "VIEW_PLAN"} {
		if a.Valid() {
			t.Errorf("Action(%q).Valid() = true", a)
		}
	}
}
