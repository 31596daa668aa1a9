package web

import (
	"fmt"
	"net/http"

	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// The follow-up in the API: a programme's projects with their grant
// commitments and payments, and the programme's money. A visitor sees
// what the pages show a visitor: the granted projects, not ideas and
// applications. A project's ETag is its version, which the store checks
// in the transaction that saves, so that of two clients that read the
// same version only one can write.

// apiProject is a project, with the totals of its money and the findings
// of its checks.
type apiProject struct {
	// Project is the project as it is stored, its commitments, their
	// payment schedules and payments inside it. A client changes it and
	// sends it back in a PUT.
	Project   followup.Project `json:"project"`
	Committed plan.Amount      `json:"committed"`
	Paid      plan.Amount      `json:"paid"`
	// Public says everyone may see the project: one granted, under way or
	// finished, or cancelled after a grant.
	Public bool `json:"public"`
	// Findings are the checks of the project's money, with their rule
	// codes and their messages in Lang.
	Findings []apiFinding `json:"findings"`
	Lang     i18n.Lang    `json:"lang"`
	URL      string       `json:"url"`
}

// apiProjectList is a page of a programme's projects.
type apiProjectList struct {
	Projects []apiProject `json:"projects"`
	// Total counts the projects on every page; Page is this one, from 1.
	Total int `json:"total"`
	Page  int `json:"page"`
	// Next is the address of the next page, where there is one.
	Next string `json:"next,omitempty"`
}

// apiProjectMoney is a programme's money as followed through the years.
type apiProjectMoney struct {
	ProgrammeID string `json:"programme_id"`
	// Goals are the goals of the latest plan with what is committed and
	// paid towards each.
	Goals []apiGoalMoney `json:"goals"`
	// Unplaced is the money of projects that count towards no goal.
	Unplaced apiMoneySum `json:"unplaced"`
	// Sources are the money per funding source and year.
	Sources   []apiSourceMoney `json:"sources"`
	Committed plan.Amount      `json:"committed"`
	Paid      plan.Amount      `json:"paid"`
	// Financed is the money the plans' financing tables approve, absent
	// where none gives an amount.
	Financed *plan.Amount `json:"financed,omitempty"`
	Findings []apiFinding `json:"findings"`
	Lang     i18n.Lang    `json:"lang"`
}

type apiMoneySum struct {
	Committed plan.Amount `json:"committed"`
	Paid      plan.Amount `json:"paid"`
}

// apiGoalMoney is the money of one goal.
type apiGoalMoney struct {
	Number int        `json:"number"`
	Name   string     `json:"name"`
	Title  string     `json:"title"`
	Weight plan.Share `json:"weight,omitempty"`
	// Allotment is the goal's weight of the approved financing; Budget the
	// sum of the plan's budget lines for it; Left what is left to commit
	// against the budget, or else the allotment. Each absent where the
	// plan does not give it.
	Allotment *plan.Amount `json:"allotment,omitempty"`
	Budget    *plan.Amount `json:"budget,omitempty"`
	Left      *plan.Amount `json:"left,omitempty"`
	Committed plan.Amount  `json:"committed"`
	Paid      plan.Amount  `json:"paid"`
}

// apiSourceMoney is the money of one funding source in one year.
type apiSourceMoney struct {
	Source     string `json:"source"`
	SourceName string `json:"source_name"`
	// Year is the year of the commitments' decisions; 0 for commitments
	// without a decision date.
	Year      int          `json:"year"`
	Financed  *plan.Amount `json:"financed,omitempty"`
	Left      *plan.Amount `json:"left,omitempty"`
	Committed plan.Amount  `json:"committed"`
	Paid      plan.Amount  `json:"paid"`
}

// projectURL is a project's address in the API.
func projectURL(p followup.Project) string {
	return fmt.Sprintf("/api/v1/programmes/%s/projects/%d", p.ProgrammeID, p.ID)
}

// projectETag is a project's ETag: its ID and version.
func projectETag(p followup.Project) string {
	return fmt.Sprintf(`"project-%d-v%d"`, p.ID, p.Version)
}

// apiFindings writes findings with their rule codes and messages in lang.
func apiFindings(lang i18n.Lang, fs []plan.Finding) []apiFinding {
	out := []apiFinding{}
	for _, f := range fs {
		out = append(out, apiFinding{Rule: f.Rule, Severity: f.Severity, Path: f.Path, Message: i18n.Finding(lang, f)})
	}
	return out
}

// apiProjectOf is the project resource of a project, in lang.
func apiProjectOf(p followup.Project, lang i18n.Lang) apiProject {
	return apiProject{Project: p, Committed: p.Committed(), Paid: p.Paid(), Public: p.Public(),
		Findings: apiFindings(lang, followup.CheckProject(p)), Lang: lang, URL: projectURL(p)}
}

// apiProjects lists a programme's projects, projectsPerPage at a time
// (?page=N), in the order they were registered, with a Link header to the
// next page.
func (s *Server) apiProjects(w http.ResponseWriter, r *http.Request) {
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	page, offset := pageOf(r, projectsPerPage)
	ps, total, err := s.store.Projects(r.Context(), b.Programme.ID,
		store.ProjectQuery{Public: !b.Member, Limit: projectsPerPage, Offset: offset})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	lang := apiLang(r)
	out := apiProjectList{Projects: []apiProject{}, Total: total, Page: page}
	for _, p := range ps {
		out.Projects = append(out.Projects, apiProjectOf(p, lang))
	}
	if pg := newPager(r, page, projectsPerPage, total); pg.Next != "" {
		out.Next = pg.Next
		w.Header().Set("Link", "<"+pg.Next+`>; rel="next"`)
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

// apiProjectShow answers with one project; its ETag is its version.
func (s *Server) apiProjectShow(w http.ResponseWriter, r *http.Request) {
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.projectOf(r, b)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, projectETag(p), apiProjectOf(p, apiLang(r)))
}

// apiProjectMoneyShow answers with the programme's money per goal and per
// funding source and year, with the findings of its checks; a visitor
// gets the money of the public projects only, as on the money page.
func (s *Server) apiProjectMoneyShow(w http.ResponseWriter, r *http.Request) {
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ps, _, err := s.store.Projects(r.Context(), b.Programme.ID, store.ProjectQuery{Public: !b.Member})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	m := followup.ProgrammeMoney(ps, b.Plans)
	lang := apiLang(r)
	out := apiProjectMoney{ProgrammeID: b.Programme.ID, Goals: []apiGoalMoney{}, Sources: []apiSourceMoney{},
		Unplaced:  apiMoneySum{Committed: m.Unplaced.Committed, Paid: m.Unplaced.Paid},
		Committed: m.Committed, Paid: m.Paid, Findings: apiFindings(lang, m.Findings), Lang: lang}
	if m.HasFinanced {
		out.Financed = m.Financed.Ptr()
	}
	for _, g := range m.Goals {
		out.Goals = append(out.Goals, apiGoalMoney{Number: g.Number, Name: g.Name, Title: g.Title, Weight: g.Weight,
			Allotment: g.Allotment, Budget: g.Budget, Left: g.Left(), Committed: g.Committed, Paid: g.Paid})
	}
	for _, src := range m.Sources {
		out.Sources = append(out.Sources, apiSourceMoney{Source: src.Source, SourceName: src.SourceName, Year: src.Year,
			Financed: src.Financed, Left: src.Left(), Committed: src.Committed, Paid: src.Paid})
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
