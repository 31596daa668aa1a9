package web

import (
	"net/http"

	"planverk/plan"
)

// apiJobs is a programme's job ledger in the API.
type apiJobs struct {
	ProgrammeID string          `json:"programme"`
	Targets     []apiJobsTarget `json:"targets"`
	Years       []apiJobsYear   `json:"years"`
	Created     int             `json:"created"`
	Secured     int             `json:"secured"`
	Jobs        int             `json:"jobs"`
	// Reports are the addresses of the reports counted.
	Reports []apiJobsReport `json:"reports"`
}

type apiJobsTarget struct {
	Target  plan.Target `json:"target"`
	Counted int         `json:"counted"`
	Left    int         `json:"left"`
	// Reports are the IDs of the reports counted towards the target.
	Reports []int64 `json:"reports"`
}

type apiJobsYear struct {
	Year    int   `json:"year"`
	Created int   `json:"created"`
	Secured int   `json:"secured"`
	Jobs    int   `json:"jobs"`
	Target  int64 `json:"target,omitempty"`
}

type apiJobsReport struct {
	ID      int64     `json:"id"`
	Project int64     `json:"project"`
	Name    string    `json:"project_name"`
	From    plan.Date `json:"from"`
	To      plan.Date `json:"to"`
	Created int       `json:"created"`
	Secured int       `json:"secured"`
	URL     string    `json:"url"`
}

// apiJobsShow answers with the programme's job ledger, as on its page: a
// visitor's counts the public projects' reports only.
func (s *Server) apiJobsShow(w http.ResponseWriter, r *http.Request) {
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	l, err := s.ledgerOf(r, b)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiJobs{ProgrammeID: b.Programme.ID, Targets: []apiJobsTarget{}, Years: []apiJobsYear{}, Reports: []apiJobsReport{},
		Created: l.Created, Secured: l.Secured, Jobs: l.Jobs}
	for _, t := range l.Targets {
		at := apiJobsTarget{Target: t.Target, Counted: t.Counted, Left: t.Left, Reports: []int64{}}
		for _, rep := range t.Reports {
			at.Reports = append(at.Reports, rep.ID)
		}
		out.Targets = append(out.Targets, at)
	}
	for _, y := range l.Years {
		ay := apiJobsYear{Year: y.Year, Created: y.Created, Secured: y.Secured, Jobs: y.Jobs()}
		if y.Target != nil {
			ay.Target = y.Target.Value
		}
		out.Years = append(out.Years, ay)
	}
	for _, rep := range l.Reports {
		out.Reports = append(out.Reports, apiJobsReport{ID: rep.ID, Project: rep.ProjectID, Name: l.Names[rep.ProjectID],
			From: rep.From, To: rep.To, Created: rep.JobsCreated, Secured: rep.JobsSecured, URL: reportURL(rep)})
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
