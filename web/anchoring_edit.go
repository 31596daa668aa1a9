package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// anchoringEditView is the form that lists the plan's political anchoring,
// a row per municipality, with an empty row for adding one.
type anchoringEditView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	Lang        plan.Language
	Form        *form
	// Rows are the rows' indexes; those below Existing were in the plan
	// when the form was opened, the last is for adding one.
	Rows           []int
	Existing       int
	Municipalities []option
	Conflict       *conflictView
}

// anchoringEdit shows the plan's anchoring as a form.
func (s *Server) anchoringEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	fm := newForm(anchoringValues(f.Plan.Anchoring))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("etag", listMark(f.Plan.Anchoring))
	fm.Values.Set("submission", newSubmission())
	s.renderAnchoringEdit(w, r, http.StatusOK, f, v, fm, nil)
}

func (s *Server) renderAnchoringEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	rows := rowIndexes(fm)
	ev := anchoringEditView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Form: fm, Rows: rows, Existing: len(rows) - 1, Municipalities: orgOptions(anchoringOrgs(f)), Conflict: conflict}
	s.render(w, r, status, "anchoring_edit", &view{Title: i18nTitle(r, "structure.anchoring-title"), Data: ev})
}

// anchoringOrgs are the organisations a plan can be anchored in: the
// programme's municipalities, the plan file's other municipalities, and
// any organisation a row already names, so that no row loses its choice.
func anchoringOrgs(f *plan.File) []plan.Organisation {
	var out []plan.Organisation
	for _, o := range f.Organisations {
		named := slices.ContainsFunc(f.Plan.Anchoring, func(a plan.Anchoring) bool { return a.Municipality == o.ID })
		if o.Kind == plan.OrgMunicipality || slices.Contains(f.Programme.Municipalities, o.ID) || named {
			out = append(out, o)
		}
	}
	return out
}

// anchoringValues fills a form with the anchoring as it is, one row each.
func anchoringValues(as []plan.Anchoring) url.Values {
	v := url.Values{}
	for i, a := range as {
		v.Set(rowField(i, "municipality"), a.Municipality)
		v.Set(rowField(i, "executive_committee"), dateText(a.ExecutiveCommittee))
		v.Set(rowField(i, "council"), dateText(a.Council))
		v.Set(rowField(i, "note"), a.Note)
	}
	v.Set("rows", strconv.Itoa(len(as)))
	return v
}
