package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/followup"
	"planverk/store"
)

// The project reports in the API, as on the pages: GET lists and shows
// what the person may see; the project's manager and who edit the plans
// write them (POST, PUT with If-Match); who edit the plans accept or
// return a submitted one.

// apiReport is a report resource.
type apiReport struct {
	Report followup.Report `json:"report"`
	// Jobs is the report's gross jobs, created and secured.
	Jobs int    `json:"jobs"`
	URL  string `json:"url"`
}

// apiReportList is a project's reports.
type apiReportList struct {
	Reports []apiReport `json:"reports"`
}

// apiReportWrite is what a client sends to register or change a report:
// the "report" member of what GET returns. Its id, programme, project,
// version, the decision and the submitted_ and updated_ members are the
// store's to set, and are ignored; state is "draft" (left out) or
// "submitted".
type apiReportWrite struct {
	Report followup.Report `json:"report"`
}

// apiReportDecision is what a client sends to return a report: the
// comment to its writer.
type apiReportDecision struct {
	Comment string `json:"comment"`
}

func reportURL(rep followup.Report) string {
	return fmt.Sprintf("/api/v1/programmes/%s/projects/%d/reports/%d", rep.ProgrammeID, rep.ProjectID, rep.ID)
}

// reportETag is a report's ETag: its ID and version.
func reportETag(rep followup.Report) string {
	return fmt.Sprintf(`"report-%d-v%d"`, rep.ID, rep.Version)
}

func apiReportOf(rep followup.Report) apiReport {
	return apiReport{Report: rep, Jobs: rep.Jobs(), URL: reportURL(rep)}
}

// apiReportFor loads the project of a report request for a person who
// may do what write says (write the reports, or decide on them, or only
// read), checked in this order: an account for a write, a project they may
// see, the right.
func (s *Server) apiReportFor(r *http.Request, need string) (*reportBase, *store.User, error) {
	var u *store.User
	if need != "" {
		var err error
		if u, err = apiUser(r); err != nil {
			return nil, nil, err
		}
	}
	rb, err := s.reportBaseOf(r)
	if err != nil {
		return nil, nil, err
	}
	if need == "write" && !rb.CanWrite || need == "decide" && !rb.CanDecide {
		return nil, nil, apiForbidden("api.forbidden", nil)
	}
	return rb, u, nil
}

// reportIssues is what is wrong with a report a client sent, each at its
// place in the body.
func reportIssues(rep followup.Report) []bodyIssue {
	var out []bodyIssue
	fail := func(ptr, msg string, args map[string]any) { out = append(out, issue("/report"+ptr, msg, args)) }
	if rep.Kind == "" {
		fail("/kind", "api.required", map[string]any{"Field": "kind"})
	} else if !rep.Kind.Valid() {
		fail("/kind", "report.api.kind", map[string]any{"Value": string(rep.Kind)})
	}
	if rep.Progress == "" {
		fail("/progress", "api.required", map[string]any{"Field": "progress"})
	} else if !rep.Progress.Valid() {
		fail("/progress", "report.api.progress", map[string]any{"Value": string(rep.Progress)})
	}
	if rep.State != followup.ReportDraft && rep.State != followup.ReportSubmitted {
		fail("/state", "report.api.state", map[string]any{"Value": string(rep.State)})
	}
	if rep.From.IsZero() {
		fail("/from", "api.required", map[string]any{"Field": "from"})
	}
	if rep.To.IsZero() {
		fail("/to", "api.required", map[string]any{"Field": "to"})
	}
	if !rep.From.IsZero() && !rep.To.IsZero() && rep.To.Before(rep.From) {
		fail("/to", "report.api.to-before-from", nil)
	}
	for name, n := range map[string]int{"jobs_created": rep.JobsCreated, "jobs_secured": rep.JobsSecured, "new_businesses": rep.NewBusinesses} {
		if n < 0 {
			fail("/"+name, "followup.api.negative", map[string]any{"Field": name})
		}
	}
	if rep.Spent != nil && *rep.Spent < 0 {
		fail("/spent", "followup.api.negative", map[string]any{"Field": "spent"})
	}
	for i, res := range rep.Results {
		at := "/results/" + strconv.Itoa(i)
		if res.Label == "" {
			fail(at+"/label", "api.required", map[string]any{"Field": "label"})
		}
		if res.Count < 0 {
			fail(at+"/count", "followup.api.negative", map[string]any{"Field": "count"})
		}
	}
	return out
}

// writable is what of a report a client sent the store takes: the
// contents and the state asked for, with the rest as stored.
func writable(in followup.Report, stored followup.Report) followup.Report {
	out := stored
	out.Kind, out.From, out.To, out.Progress, out.Account = in.Kind, in.From, in.To, in.Progress, in.Account
	out.Spent, out.JobsCreated, out.JobsSecured, out.NewBusinesses = in.Spent, in.JobsCreated, in.JobsSecured, in.NewBusinesses
	out.Results, out.State = in.Results, in.State
	if out.State == "" {
		out.State = followup.ReportDraft
	}
	return out
}
