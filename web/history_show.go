package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/describe"
	"planverk/plan"
	"planverk/store"
)

// historyEntry is one saved version and the changes it made.
type historyEntry struct {
	Version    int
	At         store.ChangeRecord
	AuthorName string
	// Summary is the note the person wrote, or what planverk recorded
	// for them, in words.
	Summary describe.Text
	// Changes are the version's changes in the plan's words.
	Changes []describe.Line
	// Restorable are the measures this version removed, which can be put
	// back.
	Restorable []plan.Change
	// Tables are the budget and financing tables this version removed.
	Tables []restorableTable
}

type historyView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	Lang        plan.Language
	// Goal and Measure are set for a measure's history.
	Goal, Measure int
	MeasureTitle  string
	Entries       []historyEntry
	CanRestore    bool
	// CanRestoreTables says the person may put back removed tables.
	CanRestoreTables bool
	// Older is the address of the page of older versions, Newest that of
	// the first page, where this is not it.
	Older, Newest string
}

// historyVersions is how many versions a page of history shows.
const historyVersions = 20

// historyPage reads ?before=N, the version the page of history goes on
// below; 0 (the newest versions) where it is not a version number.
func historyPage(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("before"))
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// olderPage returns the address of the versions older than before.
func olderPage(r *http.Request, before int) string {
	q := r.URL.Query()
	q.Set("before", strconv.Itoa(before))
	return r.URL.Path + "?" + q.Encode()
}

// historyShow shows who changed a plan, or one measure, when, and what the
// values were before and after.
func (s *Server) historyShow(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	res := auth.Resource{Programme: v.ProgrammeID, Published: v.Published}
	if !can(r, auth.ViewHistory, res) {
		s.deny(w, r)
		return
	}
	hv := historyView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		CanRestore: can(r, auth.DeleteMeasure, res), CanRestoreTables: can(r, auth.EditPlan, res)}
	before := historyPage(r)
	// One version more than the page shows says whether there are older.
	q := store.HistoryQuery{Versions: historyVersions + 1, Before: before}
	if before > 0 {
		hv.Newest = r.URL.Path
	}
	title := i18nTitle(r, "history.plan-title")
	if r.PathValue("measure") != "" {
		g, m, ok := measureNumbers(r)
		if !ok {
			s.fail(w, r, plan.Errorf(plan.ENotFound, "no such measure"))
			return
		}
		q.Goal, q.Measure = g, m
		hv.Goal, hv.Measure = g, m
		if _, cur := findMeasure(f, g, m); cur != nil {
			hv.MeasureTitle = cur.Title
		}
		title = i18nTitle(r, "history.measure-title", "Number", fmt.Sprintf("%d.%d", g, m))
	}
	records, err := s.store.History(r.Context(), v.ProgrammeID, v.Year, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The plan as it is now names what the changes point at; what is no
	// longer in it is named from the changes that removed it.
	b := s.book(r, f)
	all := make([]plan.Change, len(records))
	for i, c := range records {
		all[i] = c.Change
	}
	b.Learn(all)
	for _, c := range records {
		n := len(hv.Entries)
		if n == 0 || hv.Entries[n-1].Version != c.Version {
			hv.Entries = append(hv.Entries, historyEntry{Version: c.Version, At: c, AuthorName: c.AuthorName,
				Summary: summaryWords(b, c.Summary, f.Plan.Language)})
			n++
		}
		if n > historyVersions {
			hv.Entries = hv.Entries[:historyVersions]
			hv.Older = olderPage(r, hv.Entries[historyVersions-1].Version)
			break
		}
		e := &hv.Entries[n-1]
		e.Changes = append(e.Changes, b.Change(c.Change))
		if c.Kind == plan.ChangeRemoved && c.Measure != 0 && isMeasurePath(c.Path) {
			e.Restorable = append(e.Restorable, c.Change)
		}
		if t, ok := removedTable(c.Change); ok {
			e.Tables = append(e.Tables, t)
		}
	}
	s.render(w, r, http.StatusOK, "history", &view{Title: title, Data: hv})
}

// isMeasurePath reports whether a change path names a whole measure, as in
// plan.goals[2].measures[3].
func isMeasurePath(path string) bool {
	var g, m int
	var rest string
	n, _ := fmt.Sscanf(path, "plan.goals[%d].measures[%d]%s", &g, &m, &rest)
	return n == 2
}
