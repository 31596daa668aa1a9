package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// anchoringEditView is the form that lists the plan's political anchoring,
// a row per municipality, with an empty row for adding one.
type anchoringEditView struct {
	planFormView
	listRows
	Municipalities []option
}

// anchoringPart is the plan's anchoring as its form edits them.
var anchoringPart = planPart{
	mark:   func(f *plan.File) string { return listMark(f.Plan.Anchoring) },
	values: func(f *plan.File) url.Values { return anchoringValues(f.Plan.Anchoring) },
	apply: func(fm *form, f *plan.File) {
		f.Plan.Anchoring = applyAnchoringForm(fm, f.Plan.Anchoring, anchoringOrgs(f))
	},
	in:     func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.anchoring") },
	render: (*Server).renderAnchoringEdit,
}

// anchoringEdit shows the plan's anchoring as a form.
func (s *Server) anchoringEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, anchoringPart)
}

func (s *Server) renderAnchoringEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := anchoringEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		listRows: newListRows(fm), Municipalities: orgOptions(anchoringOrgs(f))}
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
