package auth

import "testing"

// The yearly cycle's actions, in the policy table: every role reads the
// draft; editors and admins start next year's plan; the admin proposes.
// The table's resource names no municipality and no funder, so only the
// programme's admin records an anchoring decision there, and nobody but a
// system administrator an approval (see TestCycleDeciders).
func init() {
	type row = struct {
		action      Action
		subject     string
		unpublished bool
		published   bool
	}
	members := map[string]bool{"reader": true, "reviewer": true, "editor": true, "lead of measure": true,
		"lead, other org": true, "programme admin": true, "system admin": true}
	for name := range subjects {
		m := members[name]
		policy = append(policy,
			row{ViewDraft, name, m, m},
			row{StartPlan, name, name == "editor" || name == "programme admin" || name == "system admin",
				name == "editor" || name == "programme admin" || name == "system admin"},
			row{ProposePlan, name, name == "programme admin" || name == "system admin",
				name == "programme admin" || name == "system admin"},
			row{RecordAnchoring, name, name == "programme admin" || name == "system admin",
				name == "programme admin" || name == "system admin"},
			row{ApprovePlan, name, name == "system admin", name == "system admin"},
		)
	}
}

// TestCycleDeciders: a municipality's members record its decisions, a
// funder's members its approval, and nobody else's.
func TestCycleDeciders(t *testing.T) {
	tokke := Subject{UserID: 20, Organisation: "tokke-kommune", Roles: map[string]Role{"vt": RoleReader}}
	kdd := Subject{UserID: 21, Organisation: "kdd", Roles: map[string]Role{"vt": RoleReviewer}}
	kddOutside := Subject{UserID: 22, Organisation: "kdd"}
	admin := Subject{UserID: 23, Roles: map[string]Role{"vt": RoleAdmin}}
	inTokke := Resource{Programme: "vt", Municipality: "tokke-kommune"}
	inVinje := Resource{Programme: "vt", Municipality: "vinje-kommune"}
	byKDD := Resource{Programme: "vt", Funder: "kdd"}
	tests := []struct {
		name string
		s    Subject
		a    Action
		r    Resource
		want bool
	}{
		{"Tokke's member, Tokke's decision", tokke, RecordAnchoring, inTokke, allow},
		{"Tokke's member, Vinje's decision", tokke, RecordAnchoring, inVinje, deny},
		{"Tokke's member, an approval", tokke, ApprovePlan, Resource{Programme: "vt", Funder: "tokke-kommune"}, allow},
		{"Tokke's member in another programme", tokke, RecordAnchoring, Resource{Programme: "driv", Municipality: "tokke-kommune"}, deny},
		{"the funder's member approves", kdd, ApprovePlan, byKDD, allow},
		{"the funder's member, another funder", kdd, ApprovePlan, Resource{Programme: "vt", Funder: "telemark-fylkeskommune"}, deny},
		{"the funder's staff without a role", kddOutside, ApprovePlan, byKDD, deny},
		{"the programme admin records any municipality", admin, RecordAnchoring, inVinje, allow},
		{"the programme admin does not approve", admin, ApprovePlan, byKDD, deny},
		{"empty organisation matches nothing", Subject{UserID: 24, Roles: map[string]Role{"vt": RoleEditor}}, ApprovePlan, Resource{Programme: "vt"}, deny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.s, tt.a, tt.r); got != tt.want {
				t.Errorf("Can = %v, want %v", got, tt.want)
			}
		})
	}
}
