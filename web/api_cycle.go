package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"planverk/cycle"
	"planverk/plan"
)

// The yearly cycle in the API: a plan's releases, the decisions that made
// them, what it waits for, and the revision report. The resources say what
// the cycle page says (they are built from the same cycleView), so that an
// integration and a person see the same facts.

// apiCycle is a plan's yearly cycle.
type apiCycle struct {
	ProgrammeID string `json:"programme_id"`
	Year        int    `json:"year"`
	Title       string `json:"title"`
	// Stage is where the plan stands: draft, published, proposal,
	// rejected, anchored or approved.
	Stage     cycle.Stage   `json:"stage"`
	Releases  []apiRelease  `json:"releases"`
	Decisions []apiDecision `json:"decisions"`
	// Waiting lists the decisions the plan waits for, in the order they
	// are due.
	Waiting []apiWait `json:"waiting"`
	// ChangesAsked are the anchoring decisions that adopted the latest
	// proposal with changes: the changes the draft is to take in.
	ChangesAsked []apiDecision `json:"changes_asked"`
	// NextYear is the address of next year's plan, where there is one the
	// caller may read.
	NextYear string `json:"next_year,omitempty"`
	URL      string `json:"url"`
}

// apiRelease is one released version of a plan: what was proposed,
// anchored, approved or published, kept unchanged at its own address.
type apiRelease struct {
	Number int `json:"number"`
	// Kind is what made it: published, proposal, anchored or approved.
	Kind cycle.Kind `json:"kind"`
	// Version is the version of the draft it was made from.
	Version int       `json:"version"`
	At      time.Time `json:"at"`
	ByName  string    `json:"by_name,omitempty"`
	// Imported is set for a release decided outside planverk.
	Imported bool `json:"imported,omitempty"`
	// Digest is the SHA-256 of its content, hex; its ETag is the digest
	// in quotes.
	Digest string `json:"digest"`
	URL    string `json:"url"`
}

// apiDecision is one recorded decision of a plan's cycle.
type apiDecision struct {
	ID int64 `json:"id"`
	// Step is proposal, executive-committee, council, approval or
	// publication.
	Step cycle.Step `json:"step"`
	// Release is the number of the release the decision is about; Made
	// the one it made, where it made one.
	Release          int           `json:"release"`
	Made             int           `json:"made,omitempty"`
	Organisation     string        `json:"organisation,omitempty"`
	OrganisationName string        `json:"organisation_name,omitempty"`
	Body             string        `json:"body,omitempty"`
	Date             *plan.Date    `json:"date,omitempty"`
	CaseRef          string        `json:"case_ref,omitempty"`
	Outcome          cycle.Outcome `json:"outcome,omitempty"`
	Note             string        `json:"note,omitempty"`
	MinutesURL       string        `json:"minutes_url,omitempty"`
	Conditions       string        `json:"conditions,omitempty"`
	Amounts          []apiApproved `json:"amounts,omitempty"`
	RecordedAt       time.Time     `json:"recorded_at"`
	RecordedBy       string        `json:"recorded_by,omitempty"`
}

// apiApproved is an amount a funder approved from one funding source.
type apiApproved struct {
	Source     string      `json:"source"`
	SourceName string      `json:"source_name"`
	Amount     plan.Amount `json:"amount"`
}

// apiWait is a decision the plan waits for.
type apiWait struct {
	Step             cycle.Step `json:"step"`
	Organisation     string     `json:"organisation,omitempty"`
	OrganisationName string     `json:"organisation_name,omitempty"`
	// CanAct says whether the caller may record it, at URL.
	CanAct bool   `json:"can_act"`
	URL    string `json:"url"`
}

// cycleURL is the API address of a plan's cycle.
func cycleURL(programme string, year int) string { return planURL(programme, year) + "/cycle" }

// releaseURL is the API address of a release.
func releaseURL(programme string, year, n int) string {
	return fmt.Sprintf("%s/releases/%d", planURL(programme, year), n)
}

// stepAPIURL is the API address that records a step.
func stepAPIURL(programme string, year int, step cycle.Step) string {
	return fmt.Sprintf("%s/steps/%s", planURL(programme, year), step)
}

func apiReleaseOf(rel cycle.Release) apiRelease {
	return apiRelease{Number: rel.Number, Kind: rel.Kind, Version: rel.Version, At: rel.At, ByName: rel.ByName,
		Imported: rel.Note == "imported", Digest: rel.Digest, URL: releaseURL(rel.ProgrammeID, rel.Year, rel.Number)}
}

func apiDecisionOf(dv decisionView, f *plan.File) apiDecision {
	d := dv.Decision
	out := apiDecision{ID: d.ID, Step: d.Step, Release: d.Release, Made: d.Made, Organisation: d.Organisation,
		Body: d.Body, CaseRef: d.CaseRef, Outcome: d.Outcome, Note: d.Note, MinutesURL: d.MinutesURL,
		Conditions: d.Conditions, RecordedAt: d.At, RecordedBy: d.ByName}
	if d.Organisation != "" {
		out.OrganisationName = dv.OrgName
	}
	if !d.Date.IsZero() {
		out.Date = &d.Date
	}
	for _, a := range d.Amounts {
		name := a.Source
		for _, src := range f.Plan.Sources {
			if src.ID == a.Source {
				name = src.Name
			}
		}
		out.Amounts = append(out.Amounts, apiApproved{Source: a.Source, SourceName: name, Amount: plan.Amount(a.Amount)})
	}
	return out
}

// apiCycleOf is the cycle resource of a laid-out cycle; f is the content
// the cycle was laid out on, for the sources' names.
func apiCycleOf(cv *cycleView, f *plan.File) apiCycle {
	out := apiCycle{ProgrammeID: cv.ProgrammeID, Year: cv.Year, Title: cv.Title, Stage: cv.Stage,
		Releases: []apiRelease{}, Decisions: []apiDecision{}, Waiting: []apiWait{}, ChangesAsked: []apiDecision{},
		URL: cycleURL(cv.ProgrammeID, cv.Year)}
	for _, rel := range cv.Releases {
		out.Releases = append(out.Releases, apiReleaseOf(rel))
	}
	for _, e := range cv.Entries {
		if e.Decision != nil {
			out.Decisions = append(out.Decisions, apiDecisionOf(*e.Decision, f))
		}
	}
	for _, w := range cv.Waiting {
		aw := apiWait{Step: w.Step, Organisation: w.Organisation, CanAct: w.CanAct,
			URL: stepAPIURL(cv.ProgrammeID, cv.Year, w.Step)}
		if w.Organisation != "" {
			aw.OrganisationName = w.OrgName
		}
		out.Waiting = append(out.Waiting, aw)
	}
	for _, d := range cv.ChangesAsked {
		out.ChangesAsked = append(out.ChangesAsked, apiDecisionOf(d, f))
	}
	if cv.HasNext {
		out.NextYear = planURL(cv.ProgrammeID, cv.Year+1)
	}
	return out
}

// apiYear reads the year of an API address: a year that is not a number
// is a bad request, as for the plan itself.
func apiYear(r *http.Request) (int, error) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return 0, plan.Errorf(plan.EInvalid, "year must be a year such as 2025, not %q", r.PathValue("year"))
	}
	return year, nil
}

// apiCycleFor loads the cycle of the plan an API address names, for a
// caller who may read the plan, with the content it was laid out on.
func (s *Server) apiCycleFor(r *http.Request) (*cycleView, *plan.File, error) {
	year, err := apiYear(r)
	if err != nil {
		return nil, nil, err
	}
	cv, err := s.loadCycle(r)
	if err != nil {
		return nil, nil, err
	}
	var f *plan.File
	if cv.Latest != nil {
		f, _, err = s.loadRelease(r, cv.ProgrammeID, year, 0)
	} else {
		f, _, err = s.loadVisiblePlan(r, cv.ProgrammeID, year, 0)
	}
	if err != nil {
		return nil, nil, err
	}
	return cv, f, nil
}

// keyedRefusal turns a refusal of the domain's rules that carries a
// message key into one written in the caller's language, with its status;
// any other error is returned as it is.
func keyedRefusal(err error, status int) error {
	var pe *plan.Error
	if !errors.As(err, &pe) || pe.Key == "" {
		return err
	}
	if status == 0 {
		status = statusOf(err)
	}
	return &apiRefusal{status: status, msg: pe.Key, args: pairsMap(stepArgs(pe))}
}

// pairsMap turns name, value pairs into the arguments of a message.
func pairsMap(pairs []any) map[string]any {
	if len(pairs) == 0 {
		return nil
	}
	m := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return m
}

// formIssues are a checked form's problems as issues of an API body:
// field becomes the pointer /field, or what pointer says.
func formIssues(fm *form, pointer func(field string) string) []bodyIssue {
	var out []bodyIssue
	for _, name := range fm.Fields {
		e := fm.Errors[name]
		out = append(out, issue(pointer(name), e.ID, pairsMap(e.Args)))
	}
	return out
}
