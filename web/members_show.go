package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type membersView struct {
	Programme plan.Programme
	Members   []store.Member
	Form      *form
	Roles     []option
	// Link is an invitation link just made, shown this once.
	Link string
}

// membersShow lists a programme's members and lets its administrator
// invite people and change their roles.
func (s *Server) membersShow(w http.ResponseWriter, r *http.Request) {
	s.renderMembers(w, r, http.StatusOK, newForm(nil), "")
}

func (s *Server) renderMembers(w http.ResponseWriter, r *http.Request, status int, f *form, link string) {
	p, ok := s.programmeFor(w, r, auth.ManageMembers)
	if !ok {
		return
	}
	members, err := s.store.Members(r.Context(), p.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f.Get("role") == "" {
		f.Values.Set("role", string(auth.RoleEditor))
	}
	s.render(w, r, status, "members", &view{Title: i18nTitle(r, "members.title"),
		Data: membersView{Programme: p, Members: members, Form: f, Roles: roleOptions(), Link: link}})
}

// roleOptions lists the roles for a select, from least to most.
func roleOptions() []option {
	var out []option
	for _, role := range auth.Roles() {
		out = append(out, option{Value: string(role), ID: "access-role." + string(role)})
	}
	return out
}

// programmeFor loads the programme a request names, if the person may do
// a to it; otherwise it answers the request and returns false.
func (s *Server) programmeFor(w http.ResponseWriter, r *http.Request, a auth.Action) (plan.Programme, bool) {
	id := r.PathValue("programme")
	if !can(r, a, auth.Resource{Programme: id}) {
		s.deny(w, r)
		return plan.Programme{}, false
	}
	programmes, err := s.store.Programmes(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return plan.Programme{}, false
	}
	for _, p := range programmes {
		if p.ID == id {
			return p, true
		}
	}
	s.fail(w, r, plan.Errorf(plan.ENotFound, "no programme %q", id))
	return plan.Programme{}, false
}
