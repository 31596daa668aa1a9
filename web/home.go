package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type homeItem struct {
	Programme      plan.Programme
	Municipalities []string
	Current        *store.PlanVersion
}

// homeView is the list of programmes, and whether the viewer may start one
// (and add organisations, which is the same system administrator's right).
type homeView struct {
	Items     []homeItem
	CanCreate bool
}

// home lists the programmes with their kind, period, municipalities and
// current plan.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	programmes, err := s.store.Programmes(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names, err := s.orgNames(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var items []homeItem
	for _, p := range programmes {
		it := homeItem{Programme: p}
		for _, m := range p.Municipalities {
			it.Municipalities = append(it.Municipalities, names[m])
		}
		plans, err := s.visiblePlans(r, p.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if len(plans) == 0 && !can(r, auth.ViewHistory, auth.Resource{Programme: p.ID}) {
			continue // nothing of it is open to this person
		}
		if len(plans) > 0 {
			it.Current = &plans[0]
			if !can(r, auth.ViewDraft, auth.Resource{Programme: p.ID}) {
				// A visitor reads the latest release: its title and kind,
				// never the draft's.
				rel, err := s.store.PublicReleaseInfo(ctx, p.ID, plans[0].Year, 0)
				if err != nil {
					s.fail(w, r, err)
					return
				}
				it.Current = &store.PlanVersion{ProgrammeID: p.ID, Year: rel.Year, Title: rel.Title,
					Status: rel.Kind.Status(), Language: rel.Language, Release: &rel}
			}
		}
		items = append(items, it)
	}
	s.render(w, r, http.StatusOK, "home", &view{Data: homeView{Items: items, CanCreate: can(r, auth.CreateProgramme, auth.Resource{})}})
}

// orgNames maps every organisation ID to its name.
func (s *Server) orgNames(r *http.Request) (map[string]string, error) {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}
