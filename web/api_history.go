package web

import (
	"net/http"
	"strconv"
	"time"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiHistory is what changed in a plan, version by version, newest first.
type apiHistory struct {
	ProgrammeID string              `json:"programme_id"`
	Year        int                 `json:"year"`
	Versions    []apiHistoryVersion `json:"versions"`
	// Next is the address of the page of older versions, where there are.
	Next string `json:"next,omitempty"`
}

// apiHistoryVersion is one saved version and the changes it made.
type apiHistoryVersion struct {
	Version int       `json:"version"`
	SavedAt time.Time `json:"saved_at"`
	// AuthorName is who saved it, as they were named then; absent for an
	// import.
	AuthorName string             `json:"author_name,omitempty"`
	Summary    string             `json:"summary,omitempty"`
	Changes    []apiHistoryChange `json:"changes"`
}

// apiHistoryChange is one difference from the version before.
type apiHistoryChange struct {
	// Path locates the value in the plan file's field names, with list
	// items named by their id or number: plan.goals[2].measures[3].title.
	Path string `json:"path"`
	// Kind is added, removed or changed.
	Kind string `json:"kind"`
	// Before and After are the values as text: a scalar as the plan file
	// writes it, an added or removed object as compact JSON.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Goal and Measure are the numbers of the goal and measure the change
	// is inside, where it is.
	Goal    int `json:"goal,omitempty"`
	Measure int `json:"measure,omitempty"`
}

// apiPlanHistory lists who changed a plan, when, and what: GET
// …/plans/{year}/history, or ?goal=G&measure=M for one measure. It is for
// the programme's members, as the history page is. It gives 20 versions
// at a time; ?before=N goes on below version N, and next names that page.
func (s *Server) apiPlanHistory(w http.ResponseWriter, r *http.Request) {
	_, _, v, ok := s.apiPlanFor(w, r, auth.ViewHistory)
	if !ok {
		return
	}
	// A page of versions, and one more to know whether there are older.
	q := store.HistoryQuery{Versions: historyVersions + 1, Before: historyPage(r)}
	query := r.URL.Query()
	if query.Has("goal") || query.Has("measure") {
		g, err1 := strconv.Atoi(query.Get("goal"))
		m, err2 := strconv.Atoi(query.Get("measure"))
		if err1 != nil || err2 != nil || g < 1 || m < 1 {
			s.apiFail(w, r, plan.Errorf(plan.EInvalid, "give goal and measure together, as numbers: ?goal=2&measure=3"))
			return
		}
		q.Goal, q.Measure = g, m
	}
	records, err := s.store.History(r.Context(), v.ProgrammeID, v.Year, q)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiHistory{ProgrammeID: v.ProgrammeID, Year: v.Year, Versions: []apiHistoryVersion{}}
	for _, c := range records {
		n := len(out.Versions)
		if n == 0 || out.Versions[n-1].Version != c.Version {
			out.Versions = append(out.Versions, apiHistoryVersion{Version: c.Version, SavedAt: c.SavedAt,
				AuthorName: c.AuthorName, Summary: c.Summary, Changes: []apiHistoryChange{}})
			n++
		}
		if n > historyVersions {
			out.Versions = out.Versions[:historyVersions]
			out.Next = olderPage(r, out.Versions[historyVersions-1].Version)
			w.Header().Set("Link", "<"+out.Next+`>; rel="next"`)
			break
		}
		e := &out.Versions[n-1]
		e.Changes = append(e.Changes, apiHistoryChange{Path: c.Path, Kind: c.Kind, Before: c.Before, After: c.After,
			Goal: c.Goal, Measure: c.Measure})
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
