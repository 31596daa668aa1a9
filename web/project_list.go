package web

import (
	"net/http"
	"strconv"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// projectsPerPage bounds the list of projects: a programme registers
// hundreds over its years.
const projectsPerPage = 25

// projectList lists a programme's projects, a page at a time: every
// project for the programme's members, the granted ones for everybody
// else (a grant is a public decision; an idea or an application is not).
func (s *Server) projectList(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	ps, total, err := s.store.Projects(r.Context(), b.Programme.ID,
		store.ProjectQuery{Public: !b.Member, Limit: projectsPerPage, Offset: (page - 1) * projectsPerPage})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pages := (total + projectsPerPage - 1) / projectsPerPage
	v := projectListView{followupBase: b, Total: total, Page: page, Pages: pages}
	// After an import: how many it stored, from the confirmation's redirect.
	if n, err := strconv.Atoi(r.URL.Query().Get("imported")); err == nil && n > 0 {
		v.Imported = n
	}
	b.countSamples(ps)
	for _, p := range ps {
		v.Projects = append(v.Projects, projectRow{Project: p, Path: projectPath(p), Committed: p.Committed(), Paid: p.Paid(),
			Findings: len(followup.CheckProject(p))})
	}
	if page > 1 {
		v.Prev = "?page=" + strconv.Itoa(page-1)
	}
	if page < pages {
		v.Next = "?page=" + strconv.Itoa(page+1)
	}
	s.render(w, r, http.StatusOK, "projects", &view{Title: i18nTitle(r, "followup.projects-title", "Programme", b.Programme.Name), Data: v})
}

type projectListView struct {
	*followupBase
	Projects           []projectRow
	Total, Page, Pages int
	Prev, Next         string
	// Imported is how many projects an import just stored.
	Imported int
}

type projectRow struct {
	followup.Project
	Path            string
	Committed, Paid plan.Amount
	Findings        int
}
