package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// orgUse is one place where an organisation has a part in a plan.
type orgUse struct {
	Label string
	Link  string
	Role  string // message ID
	Via   string // the group it takes part through, if any
	Lang  plan.Language
}

type organisationView struct {
	Organisation plan.Organisation
	Members      []plan.Organisation
	Groups       []plan.Organisation
	// Uses is one page of the organisation's uses, Pager which.
	Uses  []orgUse
	Pager pager
	// CanEdit says whether the viewer may edit the organisation.
	CanEdit bool
}

// organisationShow shows an organisation and, a page at a time, every
// programme, measure and table line where it is lead, partner, party or
// funder, in each programme's current plan.
func (s *Server) organisationShow(w http.ResponseWriter, r *http.Request) {
	v, err := s.organisationUses(r, r.PathValue("organisation"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.CanEdit = can(r, auth.EditOrganisation, auth.Resource{})
	s.render(w, r, http.StatusOK, "organisation", &view{Title: v.Organisation.Name, Data: v})
}

// organisationUses finds an organisation, its groups and members, and one
// page (?page=N) of its parts in each programme's current plan as the
// person may read it: the latest year's draft for a member, else the
// latest year open to everyone. The parts come from the store's index of
// them, kept with every plan save, so the page costs the same few queries
// however many programmes name the organisation.
func (s *Server) organisationUses(r *http.Request, id string) (organisationView, error) {
	ctx := r.Context()
	org, err := s.store.Organisation(ctx, id)
	if err != nil {
		return organisationView{}, err
	}
	v := organisationView{Organisation: org}
	if v.Groups, v.Members, err = s.store.OrganisationRelations(ctx, id); err != nil {
		return v, err
	}
	page, offset := pageOf(r, store.DefaultOrganisationUsesLimit)
	dq := directoryQuery(r, 0)
	q := store.OrganisationUsesQuery{Organisations: []string{id}, All: dq.All, Members: dq.Members, Offset: offset}
	for _, g := range v.Groups {
		q.Organisations = append(q.Organisations, g.ID)
	}
	uses, err := s.store.OrganisationUses(ctx, q)
	if err != nil {
		return v, err
	}
	v.Pager = newPager(r, page, store.DefaultOrganisationUsesLimit, uses.Total)
	for _, u := range uses.Uses {
		via := ""
		for _, g := range v.Groups {
			if g.ID == u.Org && u.Org != id {
				via = g.Name
			}
		}
		v.Uses = append(v.Uses, orgUseOf(u, via))
	}
	return v, nil
}

// orgUseOf is how the page shows a use: what it is in, where it links, and
// the part the organisation has.
func orgUseOf(u store.OrganisationUse, via string) orgUse {
	planLink := fmt.Sprintf("/programmes/%s/plans/%d", u.ProgrammeID, u.Year)
	out := orgUse{Label: u.PlanTitle, Link: planLink, Role: "organisation.use-" + string(u.Kind), Via: via, Lang: u.Language}
	switch u.Kind {
	case plan.UseParty:
		out.Label, out.Link, out.Role = u.ProgrammeName, "/programmes/"+u.ProgrammeID, "role."+string(u.Role)
	case plan.UseMunicipality:
		out.Label, out.Link = u.ProgrammeName, "/programmes/"+u.ProgrammeID
	case plan.UseLead, plan.UsePartner:
		out.Label = fmt.Sprintf("%s – %s", u.ShortNameOrName(), u.Detail)
		out.Link = measurePage(planLink, u.Goal, plan.Measure{Number: u.Measure, ID: u.MeasureID})
	case plan.UseSource:
		out.Label = fmt.Sprintf("%s – %s", u.PlanTitle, u.Detail)
	}
	return out
}
