package auth

// Subject is who is asking: the user behind a request, or nobody. The web
// layer builds it once per request from the session; the zero Subject is
// the anonymous visitor.
type Subject struct {
	// UserID is the user's id in the store; 0 for the anonymous visitor.
	UserID int64
	// Organisation is the key of the organisation the user works for, or ""
	// when none is known. It decides which measures a lead may edit.
	Organisation string
	// SystemAdmin runs the whole installation: every programme, the
	// organisations, the users and the support-scheme catalogue.
	SystemAdmin bool
	// CatalogueEditor maintains the support-scheme catalogue and its
	// glossary, and nothing else beyond the user's roles in programmes.
	CatalogueEditor bool
	// Roles holds the user's role in each programme, by programme key. A
	// programme that is not here is one the user has no role in.
	Roles map[string]Role
}

// Anonymous reports whether s is a visitor who has not logged in. Any
// Subject without a user id is anonymous, whatever else it says: a
// half-built Subject must not gain rights.
func (s Subject) Anonymous() bool {
	return s.UserID <= 0
}

// RoleIn returns the user's role in the programme, or "" when the user has
// none (or a role this version does not know).
func (s Subject) RoleIn(programme string) Role {
	if programme == "" {
		return ""
	}
	r := s.Roles[programme]
	if !r.Valid() {
		return ""
	}
	return r
}
