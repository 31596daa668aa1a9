package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"planverk/auth"
	"planverk/store"
)

// usersView is the page of every user, for system administrators.
type usersView struct {
	Rows []userRow
	// Orgs are the organisations a user can work for, "none" first.
	Orgs []option
	// Form is the invitation form; Link an invitation link just made,
	// shown this once.
	Form  *form
	Link  string
	Saved bool
	// Problem is the message of a change that was refused, about the user
	// named ProblemName.
	Problem     string
	ProblemName string
	// Lockouts are the log-ins blocked now (auth/throttle.go); Lifted is
	// set after a block was lifted.
	Lockouts []store.LoginCount
	Lifted   bool
}

// userRow is one user with their roles.
type userRow struct {
	User    store.User
	OrgName string
	// OrgKnown is false for an organisation key no stored organisation has.
	OrgKnown bool
	Roles    []userRole
	// Self is the person viewing the page, who may not change their own
	// system administrator or disabled flag.
	Self bool
	Etag string
}

// userRole is a user's role in one programme.
type userRole struct {
	Programme string
	Name      string
	Role      auth.Role
}

// usersShow lists every user: organisation, flags and programme roles,
// each row a form that changes the organisation and flags, and a form
// that makes a site-wide invitation.
func (s *Server) usersShow(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.ManageUsers, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	saved := r.URL.Query().Get("saved")
	s.renderUsers(w, r, http.StatusOK, usersView{Form: newForm(nil), Saved: saved != "" && saved != "lockout", Lifted: saved == "lockout"})
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, page usersView) {
	ctx := r.Context()
	users, err := s.store.Users(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	orgs, err := s.orgNames(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.store.Organisations(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Orgs = []option{{Value: "", ID: "admin.organisation-none"}}
	for _, o := range list {
		page.Orgs = append(page.Orgs, option{Value: o.ID, Label: o.Name})
	}
	programmes, err := s.store.Programmes(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names := map[string]string{}
	for _, p := range programmes {
		names[p.ID] = p.Name
	}
	me := whoOf(r).User.ID
	for _, u := range users {
		// One query per user: an installation has tens or hundreds of
		// users, not more.
		roles, err := s.store.Roles(ctx, u.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		name, known := orgs[u.Organisation]
		row := userRow{User: u, OrgName: name, OrgKnown: known || u.Organisation == "", Self: u.ID == me, Etag: userEtag(u)}
		for id, role := range roles {
			row.Roles = append(row.Roles, userRole{Programme: id, Name: cmp.Or(names[id], id), Role: role})
		}
		slices.SortFunc(row.Roles, func(a, b userRole) int { return strings.Compare(a.Name, b.Name) })
		page.Rows = append(page.Rows, row)
	}
	if page.Lockouts, err = s.store.LoginBlocks(ctx, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "users", &view{Title: i18nTitle(r, "admin.users-title"), Data: page})
}

// userEtag is the fingerprint of what the users page changes of a user.
func userEtag(u store.User) string {
	return fingerprint(struct {
		Organisation                           string
		SystemAdmin, CatalogueEditor, Disabled bool
	}{u.Organisation, u.SystemAdmin, u.CatalogueEditor, u.Disabled})
}
