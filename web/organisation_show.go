package web

import (
	"fmt"
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/plan"
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
	Uses         []orgUse
	// CanEdit says whether the viewer may edit the organisation.
	CanEdit bool
}

// organisationShow shows an organisation and every programme, measure and
// table line where it is lead, partner, party or funder, in each
// programme's current plan.
func (s *Server) organisationShow(w http.ResponseWriter, r *http.Request) {
	v, err := s.organisationUses(r, r.PathValue("organisation"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.CanEdit = can(r, auth.EditOrganisation, auth.Resource{})
	s.render(w, r, http.StatusOK, "organisation", &view{Title: v.Organisation.Name, Data: v})
}

// organisationUses finds an organisation, its groups and members, and its
// parts in each programme's current plan. It reads every current plan: fine
// for a county's programmes; a national service will want an index table.
func (s *Server) organisationUses(r *http.Request, id string) (organisationView, error) {
	ctx := r.Context()
	org, err := s.store.Organisation(ctx, id)
	if err != nil {
		return organisationView{}, err
	}
	v := organisationView{Organisation: org}
	all, err := s.store.Organisations(ctx)
	if err != nil {
		return v, err
	}
	byID := map[string]plan.Organisation{}
	for _, o := range all {
		byID[o.ID] = o
		if slices.Contains(o.Members, id) {
			v.Groups = append(v.Groups, o)
		}
	}
	for _, m := range org.Members {
		if o, ok := byID[m]; ok {
			v.Members = append(v.Members, o)
		}
	}
	// Only the programmes that name the organisation or one of its groups
	// somewhere are read; usesIn decides what counts in their latest plan.
	named := []string{id}
	for _, g := range v.Groups {
		named = append(named, g.ID)
	}
	programmes, err := s.store.ProgrammesNaming(ctx, named)
	if err != nil {
		return v, err
	}
	var files []*plan.File
	for _, p := range programmes {
		plans, err := s.visiblePlans(r, p)
		if err != nil {
			return v, err
		}
		if len(plans) == 0 {
			continue
		}
		f, _, err := s.store.LoadPlan(ctx, p, plans[0].Year)
		if err != nil {
			return v, err
		}
		files = append(files, f)
	}
	// In the order of the programmes' names, as the page always listed them.
	coll := norwegianOrder()
	slices.SortStableFunc(files, func(a, b *plan.File) int { return coll.CompareString(a.Programme.Name, b.Programme.Name) })
	for _, f := range files {
		v.Uses = append(v.Uses, usesIn(f, id, v.Groups)...)
	}
	return v, nil
}

// usesIn finds where an organisation, or a group it belongs to, has a part
// in a plan file.
func usesIn(f *plan.File, id string, groups []plan.Organisation) []orgUse {
	var out []orgUse
	pr, p := f.Programme, f.Plan
	planLink := fmt.Sprintf("/programmes/%s/plans/%d", pr.ID, p.Year)
	via := func(ref string) (bool, string) {
		if ref == id {
			return true, ""
		}
		for _, g := range groups {
			if g.ID == ref {
				return true, g.Name
			}
		}
		return false, ""
	}
	for _, party := range pr.Parties {
		if ok, g := via(party.Org); ok {
			out = append(out, orgUse{Label: pr.Name, Link: "/programmes/" + pr.ID, Role: "role." + string(party.Role), Via: g, Lang: p.Language})
		}
	}
	if ok, g := viaAny(via, pr.Municipalities); ok {
		out = append(out, orgUse{Label: pr.Name, Link: "/programmes/" + pr.ID, Role: "organisation.use-municipality", Via: g, Lang: p.Language})
	}
	p.EachMeasure(func(goal *plan.Goal, m *plan.Measure) {
		var goalNo int
		name := m.Name()
		if goal != nil {
			goalNo = goal.Number
			name = goal.Name() + "." + name
		}
		link := measurePage(planLink, goalNo, *m)
		label := fmt.Sprintf("%s – %s %s", pr.ShortNameOrName(), name, m.Title)
		for _, a := range m.Leads {
			if ok, g := via(a.Org); ok && a.Org != "" {
				out = append(out, orgUse{Label: label, Link: link, Role: "organisation.use-lead", Via: g, Lang: p.Language})
			}
		}
		for _, a := range m.Partners {
			if ok, g := via(a.Org); ok && a.Org != "" {
				out = append(out, orgUse{Label: label, Link: link, Role: "organisation.use-partner", Via: g, Lang: p.Language})
			}
		}
	})
	for _, src := range p.Sources {
		if src.Org == "" {
			continue
		}
		if ok, g := via(src.Org); ok {
			out = append(out, orgUse{Label: fmt.Sprintf("%s – %s", p.Title, src.Name), Link: planLink, Role: "organisation.use-source", Via: g, Lang: p.Language})
		}
	}
	for _, a := range p.Anchoring {
		if ok, g := via(a.Municipality); ok {
			out = append(out, orgUse{Label: p.Title, Link: planLink, Role: "organisation.use-anchoring", Via: g, Lang: p.Language})
		}
	}
	for _, a := range p.Approvals {
		if ok, g := via(a.Party); ok {
			out = append(out, orgUse{Label: p.Title, Link: planLink, Role: "organisation.use-approval", Via: g, Lang: p.Language})
		}
	}
	return out
}

func viaAny(via func(string) (bool, string), refs []string) (bool, string) {
	for _, r := range refs {
		if ok, g := via(r); ok {
			return true, g
		}
	}
	return false, ""
}
