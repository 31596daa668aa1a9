package web

import (
	"net/http"

	"planverk/plan"
)

// overviewPageSize is how many programmes a page of the overview shows.
// A row whose summary is stale reads the programme's plans and projects,
// so the page is kept shorter than the home page's list.
const overviewPageSize = 25

// overviewShow is every programme at a glance, for the county and the
// ministry that follow many of them: a page of programmes, filtered by
// county and kind, each with its current plan, its money and its jobs
// target, and a chart of the money beside the table. A visitor sees what
// each programme shows everyone; a member their own programmes' drafts and
// every project. The money and jobs of each row come from summaries
// kept in the store (overviewRows), so a page reads the same few queries
// whatever the number of programmes.
func (s *Server) overviewShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	places, err := s.store.ProgrammePlaces(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readOverviewFilter(r, places)
	page, offset := pageOf(r, overviewPageSize)
	q := directoryQuery(r, offset)
	q.Limit, q.Only = overviewPageSize, f.only(places)
	if f.Kind != "" {
		q.Kinds = []plan.ProgrammeKind{f.Kind}
	}
	dir, err := s.store.ProgrammeDirectory(ctx, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := overviewView{Filter: f, Pager: newPager(r, page, overviewPageSize, dir.Total)}
	v.Rows, err = s.overviewRows(r, dir.Entries, places)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.overviewAssessments(r, v.Rows); err != nil {
		s.fail(w, r, err)
		return
	}
	v.chart(r)
	s.render(w, r, http.StatusOK, "overview", &view{Title: i18nTitle(r, "overview.title"), Data: v})
}
