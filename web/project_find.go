package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// followupBase is what every page of a programme's follow-up needs: the
// programme, the plans the person may read (newest first), and what they
// may do.
type followupBase struct {
	Programme plan.Programme
	// Lang is the language of the programme's own text.
	Lang  plan.Language
	Plans []*plan.File
	// CanEdit says the person may register projects and their money: who
	// may edit the programme's plans. Member says they see every project,
	// ideas and applications too, and not only the public ones.
	CanEdit, Member bool
	// Samples counts the projects a page shows whose data is invented
	// sample data (followup.Project.Sample), for the page to say so.
	Samples int
	// Managed, where not nil, are the only projects the person may reach:
	// a project manager in a programme whose plans they may not read
	// (projectBaseOf).
	Managed map[int64]bool
}

// countSamples notes how many of the projects are sample data.
func (b *followupBase) countSamples(ps []followup.Project) {
	for _, p := range ps {
		if p.Sample {
			b.Samples++
		}
	}
}

// loadFollowup loads a programme's follow-up base, or answers the request.
// A programme whose plans the person may not read is not there for them.
func (s *Server) loadFollowup(w http.ResponseWriter, r *http.Request) (*followupBase, bool) {
	b, err := s.followupOf(r)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return b, true
}

// followupOf loads the follow-up base of the request's programme; a
// programme whose plans the person may not read is plan.ENotFound.
func (s *Server) followupOf(r *http.Request) (*followupBase, error) {
	return s.followupFor(r, r.PathValue("programme"))
}

// followupFor loads the follow-up base of programme id as the person
// behind the request may read it.
func (s *Server) followupFor(r *http.Request, id string) (*followupBase, error) {
	versions, err := s.visiblePlans(r, id)
	if err != nil {
		return nil, err
	}
	b := &followupBase{CanEdit: can(r, auth.EditPlan, auth.Resource{Programme: id}),
		Member: can(r, auth.ViewDraft, auth.Resource{Programme: id})}
	for _, v := range versions {
		f, _, err := s.loadVisiblePlan(r, id, v.Year, 0)
		if plan.ErrorCode(err) == plan.ENotFound {
			// A published plan with nothing released yet has nothing to show.
			continue
		}
		if err != nil {
			return nil, err
		}
		b.Plans = append(b.Plans, f)
	}
	if len(b.Plans) == 0 {
		return nil, plan.Errorf(plan.ENotFound, "programme %q has no plan you may read", id)
	}
	b.Programme, b.Lang = b.Plans[0].Programme, b.Plans[0].Plan.Language
	return b, nil
}

// projectBaseOf is followupOf for the pages of one project and its
// reports. A project's manager, by the account linked to it, may reach
// those pages in a programme whose plans they may not read (none released
// to the public, and no role of theirs): the base then holds the programme's
// name and no plan, and the pages name measures and sources as the project
// stores them.
func (s *Server) projectBaseOf(r *http.Request) (*followupBase, error) {
	id := r.PathValue("programme")
	b, err := s.followupFor(r, id)
	if plan.ErrorCode(err) != plan.ENotFound {
		return b, err
	}
	who := whoOf(r).User
	if who == nil {
		return nil, err
	}
	managed, merr := s.store.ManagedProjects(r.Context(), who.ID)
	if merr != nil {
		return nil, merr
	}
	var mb *followupBase
	for _, mp := range managed {
		if mp.ProgrammeID == id {
			if mb == nil {
				mb = &followupBase{Programme: plan.Programme{ID: id, Name: mp.ProgrammeName}, Managed: map[int64]bool{}}
			}
			mb.Managed[mp.ProjectID] = true
		}
	}
	if mb == nil {
		return nil, err
	}
	return mb, nil
}

// loadProject loads the project of the request's path that the person may
// see, or answers the request: a project that is not public is not there
// for anyone but the programme's members.
func (s *Server) loadProject(w http.ResponseWriter, r *http.Request, b *followupBase) (followup.Project, bool) {
	p, err := s.projectOf(r, b)
	if err != nil {
		s.fail(w, r, err)
		return p, false
	}
	return p, true
}

// projectOf loads the project of the request's path that the person may
// see; one that is not there for them is plan.ENotFound.
func (s *Server) projectOf(r *http.Request, b *followupBase) (followup.Project, error) {
	id, err := strconv.ParseInt(r.PathValue("project"), 10, 64)
	if err != nil || id <= 0 {
		return followup.Project{}, plan.Errorf(plan.ENotFound, "no project %q", r.PathValue("project"))
	}
	if b.Managed != nil && !b.Managed[id] {
		return followup.Project{}, plan.Errorf(plan.ENotFound, "no project %d you may see", id)
	}
	p, err := s.store.Project(r.Context(), b.Programme.ID, id)
	// The project's manager, by the account linked to it, sees it too.
	if err == nil && !b.Member && !p.Public() && !s.managesProject(r, p) {
		err = plan.Errorf(plan.ENotFound, "no project %d you may see", id)
	}
	return p, err
}

// projectPath is the address of a project's page.
func projectPath(p followup.Project) string {
	return "/programmes/" + p.ProgrammeID + "/projects/" + strconv.FormatInt(p.ID, 10)
}

// measureName names a measure by its lasting identity as the newest plan
// that has it does: "1.2 Title"; ok is false where no plan has it.
func (b *followupBase) measureName(id string) (string, bool) {
	for _, f := range b.Plans {
		if g, m := f.Plan.FindMeasureByID(id); m != nil {
			name := m.Name()
			if g != nil {
				name = g.Name() + "." + name
			}
			return name + " " + m.Title, true
		}
	}
	return "", false
}

// sourceName names a funding source as the newest plan that has it does.
func (b *followupBase) sourceName(id string) string {
	for _, f := range b.Plans {
		for _, src := range f.Plan.Sources {
			if src.ID == id {
				return src.Name
			}
		}
	}
	return id
}

// findingTexts writes findings in the page's language.
func findingTexts(lang i18n.Lang, fs []plan.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = i18n.Finding(lang, f)
	}
	return out
}
