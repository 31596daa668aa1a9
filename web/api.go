package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"planverk/auth"
	"strconv"
	"strings"
	"time"

	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// The read API under /api/v1/. Its types are its contract: the OpenAPI
// description is generated from them (openapi.go), and a test checks the
// real responses against it.

// apiPlanRef names one plan of a programme.
type apiPlanRef struct {
	Year     int           `json:"year"`
	Version  int           `json:"version"`
	Title    string        `json:"title"`
	Status   plan.Status   `json:"status,omitempty"`
	Language plan.Language `json:"language"`
	SavedAt  time.Time     `json:"saved_at"`
	URL      string        `json:"url"`
}

type apiProgramme struct {
	Programme plan.Programme `json:"programme"`
	Plans     []apiPlanRef   `json:"plans"`
}

type apiProgrammeList struct {
	Programmes []apiProgramme `json:"programmes"`
	// Total counts the programmes on every page; Page is this one, from 1.
	Total int `json:"total"`
	Page  int `json:"page"`
	// Next is the address of the next page, where there is one.
	Next string `json:"next,omitempty"`
}

type apiRelated struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type apiFinding struct {
	Rule     string        `json:"rule"`
	Severity plan.Severity `json:"severity"`
	Path     string        `json:"path"`
	Message  string        `json:"message"`
	Related  []apiRelated  `json:"related,omitempty"`
}

type apiBudgetTotals struct {
	ID    string              `json:"id"`
	Years map[int]plan.Amount `json:"years"`
	// Lines maps each budget line's ID to its total over the years.
	Lines map[string]plan.Amount `json:"lines"`
	Total plan.Amount            `json:"total"`
}

type apiFinancingTotals struct {
	ID string `json:"id"`
	// Sources maps each funding source's ID to what the table takes from it.
	Sources map[string]plan.Amount `json:"sources"`
	Rows    []plan.Amount          `json:"rows"`
	Total   plan.Amount            `json:"total"`
	// Minimum is set where amounts are not yet known, so the total is a minimum.
	Minimum bool `json:"minimum"`
}

type apiTotals struct {
	Budgets   []apiBudgetTotals    `json:"budgets"`
	Financing []apiFinancingTotals `json:"financing"`
}

type apiPlan struct {
	ProgrammeID string       `json:"programme_id"`
	Year        int          `json:"year"`
	Version     int          `json:"version"`
	SavedAt     time.Time    `json:"saved_at"`
	File        plan.File    `json:"file"`
	Totals      apiTotals    `json:"totals"`
	Findings    []apiFinding `json:"findings"`
	// Lang is the language of the findings' messages.
	Lang i18n.Lang `json:"lang"`
}

type apiMeasure struct {
	// ID is PROGRAMME.YEAR.GOAL.MEASURE, as in vest-telemark.2025.2.2.
	ID          string       `json:"id"`
	ProgrammeID string       `json:"programme_id"`
	Year        int          `json:"year"`
	Goal        int          `json:"goal"`
	GoalTitle   string       `json:"goal_title"`
	Measure     plan.Measure `json:"measure"`
	URL         string       `json:"url"`
}

type apiMeasureList struct {
	Measures []apiMeasure `json:"measures"`
}

type apiUse struct {
	Label string `json:"label"`
	URL   string `json:"url"`
	// Role is the part it plays: a party role (funder, owner, …), or
	// municipality, lead, partner, source, anchoring, approval.
	Role string `json:"role"`
	// Via names the group it takes part through, if any.
	Via string `json:"via,omitempty"`
}

type apiOrganisation struct {
	Organisation plan.Organisation `json:"organisation"`
	Uses         []apiUse          `json:"uses"`
	// Total counts the uses on every page; Page is this one, from 1.
	Total int `json:"total"`
	Page  int `json:"page"`
	// Next is the address of the next page of uses, where there is one.
	Next string `json:"next,omitempty"`
}

type apiOrganisationList struct {
	Organisations []plan.Organisation `json:"organisations"`
}

// apiProblem is an error as RFC 9457 describes: application/problem+json.
type apiProblem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Errors lists what is wrong with a request's body, place by place.
	Errors []apiFieldError `json:"errors,omitempty"`
}

// apiFieldError is one thing wrong with a body.
type apiFieldError struct {
	// Pointer is where in the body, as a JSON pointer (RFC 6901): /measure/title.
	Pointer string `json:"pointer"`
	Detail  string `json:"detail"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// apiFail answers with a problem document; statusOf decides the status, as
// it does for pages.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	var refusal *apiRefusal
	if errors.As(err, &refusal) {
		s.writeRefusal(w, r, refusal)
		return
	}
	status := statusOf(err)
	p := apiProblem{Type: "about:blank", Title: http.StatusText(status), Status: status}
	var pe *plan.Error
	if status == http.StatusInternalServerError {
		s.log.Error("api request failed", "path", r.URL.Path, "err", err)
	} else if errors.As(err, &pe) {
		p.Detail = pe.Message
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="planverk"`)
	}
	if status == http.StatusServiceUnavailable {
		retryBusy(w)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

// apiLang is the language of messages in API answers: ?lang=, else as for pages.
func apiLang(r *http.Request) i18n.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Parse(l)
	}
	return language(r)
}

func planURL(programme string, year int) string {
	return fmt.Sprintf("/api/v1/programmes/%s/plans/%d", programme, year)
}

func (s *Server) apiProgrammeOf(r *http.Request, p plan.Programme) (apiProgramme, error) {
	plans, err := s.store.Plans(r.Context(), p.ID)
	if err != nil {
		return apiProgramme{}, err
	}
	return apiProgrammeWith(r, p, plans), nil
}

// apiProgrammeWith is a programme with those of its plans, the latest
// version of each year, that the caller may read.
func apiProgrammeWith(r *http.Request, p plan.Programme, plans []store.PlanVersion) apiProgramme {
	out := apiProgramme{Programme: p, Plans: []apiPlanRef{}}
	for _, v := range plans {
		if !can(r, auth.ViewPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
			continue
		}
		out.Plans = append(out.Plans, apiPlanRef{Year: v.Year, Version: v.Version, Title: v.Title, Status: v.Status,
			Language: v.Language, SavedAt: v.SavedAt, URL: planURL(v.ProgrammeID, v.Year)})
	}
	return out
}

// apiProgrammes lists the programmes the caller may read, a page of
// store.DefaultDirectoryLimit at a time (?page=N), by name, with a Link
// header to the next page.
func (s *Server) apiProgrammes(w http.ResponseWriter, r *http.Request) {
	page, offset := pageOf(r, store.DefaultDirectoryLimit)
	dir, err := s.store.ProgrammeDirectory(r.Context(), directoryQuery(r, offset))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiProgrammeList{Programmes: []apiProgramme{}, Total: dir.Total, Page: page}
	// The plans of the whole page in one query, not two per programme.
	var ids []string
	for _, e := range dir.Entries {
		ids = append(ids, e.Programme.ID)
	}
	plans, err := s.store.PlansOf(r.Context(), ids)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for _, e := range dir.Entries {
		out.Programmes = append(out.Programmes, apiProgrammeWith(r, e.Programme, plans[e.Programme.ID]))
	}
	if pg := newPager(r, page, store.DefaultDirectoryLimit, dir.Total); pg.Next != "" {
		out.Next = pg.Next
		w.Header().Set("Link", "<"+pg.Next+`>; rel="next"`)
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

func (s *Server) apiProgramme(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	ps, err := s.store.Programmes(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for _, p := range ps {
		if p.ID == id {
			ap, err := s.apiProgrammeOf(r, p)
			if err != nil {
				s.apiFail(w, r, err)
				return
			}
			if len(ap.Plans) == 0 {
				// The same 404 as the programme's page: that it exists
				// says nothing to whoever may read none of its plans.
				break
			}
			writeTagged(w, r, http.StatusOK, etagOf(ap), ap)
			return
		}
	}
	s.apiFail(w, r, plan.Errorf(plan.ENotFound, "no programme %q", id))
}

// apiLoadPlan loads the plan an API request names: PROGRAMME and YEAR, and
// ?version=N for an earlier version.
func (s *Server) apiLoadPlan(r *http.Request, programme, yearText string) (*plan.File, store.PlanVersion, error) {
	year, err := strconv.Atoi(yearText)
	if err != nil {
		return nil, store.PlanVersion{}, plan.Errorf(plan.EInvalid, "year must be a year such as 2025, not %q", yearText)
	}
	if q := r.URL.Query().Get("version"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 {
			return nil, store.PlanVersion{}, plan.Errorf(plan.EInvalid, "version must be a whole number from 1, not %q", q)
		}
		return s.loadVisiblePlan(r, programme, year, n)
	}
	return s.loadVisiblePlan(r, programme, year, 0)
}

// apiPlan answers with a plan. Its ETag is that of the plan file alone:
// the totals and findings follow from it, and a client that writes the
// plan back sends the file. A visitor's answer, about the latest release,
// comes from memory.
func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) {
	if year, err := strconv.Atoi(r.PathValue("year")); err == nil && !r.URL.Query().Has("version") &&
		s.servePublicJSON(w, r, "api-plan", r.PathValue("programme"), year, 0,
			func(f *plan.File, v store.PlanVersion, lang i18n.Lang) (string, any) {
				return etagOf(f), apiPlanOf(f, v, lang)
			}) {
		return
	}
	f, v, err := s.apiLoadPlan(r, r.PathValue("programme"), r.PathValue("year"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(f), apiPlanOf(f, v, apiLang(r)))
}

// apiPlanOf is the plan resource of a plan file, with findings in lang.
func apiPlanOf(f *plan.File, v store.PlanVersion, lang i18n.Lang) apiPlan {
	out := apiPlan{ProgrammeID: v.ProgrammeID, Year: v.Year, Version: v.Version, SavedAt: v.SavedAt, File: *f,
		Lang: lang, Findings: []apiFinding{}, Totals: computeTotals(f)}
	for _, fd := range plan.Check(f) {
		af := apiFinding{Rule: fd.Rule, Severity: fd.Severity, Path: fd.Path, Message: i18n.Finding(lang, fd)}
		for _, rel := range fd.Related {
			af.Related = append(af.Related, apiRelated{Path: rel.Path, Message: i18n.Related(lang, rel)})
		}
		out.Findings = append(out.Findings, af)
	}
	return out
}

func computeTotals(f *plan.File) apiTotals {
	t := apiTotals{Budgets: []apiBudgetTotals{}, Financing: []apiFinancingTotals{}}
	for i := range f.Plan.Budgets {
		b := &f.Plan.Budgets[i]
		bt := apiBudgetTotals{ID: b.ID, Years: map[int]plan.Amount{}, Lines: map[string]plan.Amount{}, Total: b.Total()}
		for _, y := range b.Years {
			bt.Years[y] = b.YearTotal(y)
		}
		for _, l := range b.Lines {
			bt.Lines[l.ID] = l.LineTotal()
		}
		t.Budgets = append(t.Budgets, bt)
	}
	for i := range f.Plan.Financing {
		fin := &f.Plan.Financing[i]
		ft := apiFinancingTotals{ID: fin.ID, Sources: map[string]plan.Amount{}, Rows: []plan.Amount{},
			Total: fin.Total(), Minimum: fin.HasUnknown()}
		for _, src := range fin.Sources {
			ft.Sources[src] = fin.SourceTotal(src)
		}
		for _, row := range fin.Rows {
			ft.Rows = append(ft.Rows, row.RowTotal())
		}
		t.Financing = append(t.Financing, ft)
	}
	return t
}

func measureID(programme string, year, goal, measure int) string {
	return fmt.Sprintf("%s.%d.%d.%d", programme, year, goal, measure)
}

func measuresOf(f *plan.File) []apiMeasure {
	out := []apiMeasure{}
	pr, y := f.Programme.ID, f.Plan.Year
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			out = append(out, apiMeasure{ID: measureID(pr, y, g.Number, m.Number), ProgrammeID: pr, Year: y,
				Goal: g.Number, GoalTitle: g.Title, Measure: m,
				URL: fmt.Sprintf("/api/v1/measures/%s", measureID(pr, y, g.Number, m.Number))})
		}
	}
	return out
}

// apiMeasures lists the measures of one plan: ?plan=PROGRAMME/YEAR.
func (s *Server) apiMeasures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("plan")
	programme, year, ok := strings.Cut(q, "/")
	if !ok || programme == "" {
		s.apiFail(w, r, plan.Errorf(plan.EInvalid, "the parameter plan is required, as PROGRAMME/YEAR (plan=vest-telemark/2025)"))
		return
	}
	f, _, err := s.apiLoadPlan(r, programme, year)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiMeasureList{Measures: measuresOf(f)}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

func (s *Server) apiMeasure(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	parts := strings.Split(id, ".")
	notFound := plan.Errorf(plan.ENotFound, "no measure %q: a measure ID is PROGRAMME.YEAR.GOAL.MEASURE", id)
	if len(parts) != 4 {
		s.apiFail(w, r, notFound)
		return
	}
	f, _, err := s.apiLoadPlan(r, parts[0], parts[1])
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for _, m := range measuresOf(f) {
		if m.ID == id {
			writeTagged(w, r, http.StatusOK, etagOf(m.Measure), m)
			return
		}
	}
	s.apiFail(w, r, notFound)
}

func (s *Server) apiOrganisations(w http.ResponseWriter, r *http.Request) {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if orgs == nil {
		orgs = []plan.Organisation{}
	}
	out := apiOrganisationList{Organisations: orgs}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

func (s *Server) apiOrganisation(w http.ResponseWriter, r *http.Request) {
	ov, err := s.organisationUses(r, r.PathValue("organisation"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiOrganisation{Organisation: ov.Organisation, Uses: []apiUse{}, Total: ov.Pager.Total, Page: ov.Pager.Page}
	for _, u := range ov.Uses {
		role := strings.TrimPrefix(strings.TrimPrefix(u.Role, "role."), "organisation.use-")
		out.Uses = append(out.Uses, apiUse{Label: u.Label, URL: u.Link, Role: role, Via: u.Via})
	}
	if ov.Pager.Next != "" {
		out.Next = ov.Pager.Next
		w.Header().Set("Link", "<"+ov.Pager.Next+`>; rel="next"`)
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
