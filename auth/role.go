package auth

import "fmt"

// Role is what a user may do in one programme. A user has at most one role
// per programme; what each role allows is decided by Can, not here.
type Role string

// The roles, from least to most. The strings are stored in the database:
// never change one.
const (
	// RoleReader reads the plans of the programme, published or not.
	RoleReader Role = "reader"
	// RoleReviewer reads everything and comments: a steering-group member,
	// the county or the ministry following the programme.
	RoleReviewer Role = "reviewer"
	// RoleLead edits the measures its organisation leads and comments;
	// otherwise it reads, like RoleReader.
	RoleLead Role = "lead"
	// RoleEditor writes the plans: every measure, goal, budget and figure.
	RoleEditor Role = "editor"
	// RoleAdmin administers the programme: everything an editor does, plus
	// the programme's own settings and who its members are.
	RoleAdmin Role = "admin"
)

// roles lists every role in rank order.
var roles = []Role{RoleReader, RoleReviewer, RoleLead, RoleEditor, RoleAdmin}

// Roles returns every role from least to most, for a role picker.
func Roles() []Role {
	return append([]Role(nil), roles...)
}

// ParseRole returns the role named s exactly (lower case, as stored).
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.Valid() {
		return "", fmt.Errorf("unknown role %q", s)
	}
	return r, nil
}

// Valid reports whether r is one of the roles above. The empty role, "no
// role in this programme", is not valid.
func (r Role) Valid() bool {
	return r.Rank() > 0
}

// Rank orders roles from reader (1) to admin (5), 0 for an invalid role. It
// is for sorting and for showing a user's highest role; authorisation asks
// Can, because the roles are not strictly nested (a lead may edit measures a
// reviewer may not, but not plan-level fields an editor may).
func (r Role) Rank() int {
	for i, x := range roles {
		if x == r {
			return i + 1
		}
	}
	return 0
}
