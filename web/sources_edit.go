package web

import (
	"net/http"
	"slices"

	"golang.org/x/text/collate"
	textlang "golang.org/x/text/language"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// sourcesEditView is the form of a plan's funding sources.
type sourcesEditView struct {
	planFormView
	Rows []sourceRow
	Orgs []option
	// Tables are the plan's financing tables, for links back to them.
	Tables []plan.Financing
	Saved  bool
}

// sourceRow is one source as the form shows it.
type sourceRow struct {
	Prefix string
	ID     string
	// UsedBy are the tables that use the source; such a source cannot be
	// removed.
	UsedBy []string
}

// sourcesEdit shows the form that edits a plan's funding sources.
func (s *Server) sourcesEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	s.renderSourcesEdit(w, r, http.StatusOK, f, v, newEditForm(sourcesValues(f), v, fingerprint(f.Plan.Sources)), nil)
}

func (s *Server) renderSourcesEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := sourcesEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Tables: f.Plan.Financing, Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	for i := range moneyCount(fm, "sources") {
		p := sourceRowPrefix(i)
		id := fm.Get(p + "id")
		ev.Rows = append(ev.Rows, sourceRow{Prefix: p, ID: id, UsedBy: sourceUsedBy(f, id)})
	}
	ev.Orgs = []option{{Value: "", ID: "money.no-org"}}
	// Ordered the Norwegian way, æ, ø, å after z; nn holds x/text's
	// Norwegian tailoring. A collator of its own: they are not safe to share.
	c := collate.New(textlang.MustParse("nn"))
	orgs := slices.Clone(f.Organisations)
	// planverk's register too: a new programme's plan carries no
	// organisations until a source names one.
	registry, err := s.store.Organisations(r.Context())
	if err != nil {
		// The form still offers the plan's own.
		s.log.Error("sources form: the organisation register", "err", err)
	}
	for _, o := range registry {
		if !slices.ContainsFunc(orgs, func(p plan.Organisation) bool { return p.ID == o.ID }) {
			orgs = append(orgs, o)
		}
	}
	slices.SortStableFunc(orgs, func(a, b plan.Organisation) int { return c.CompareString(a.Name, b.Name) })
	for _, o := range orgs {
		ev.Orgs = append(ev.Orgs, option{Value: o.ID, Label: o.Name})
	}
	var orgFields []string
	for _, row := range ev.Rows {
		orgFields = append(orgFields, row.Prefix+"org")
	}
	ev.Orgs = moneyOptions(ev.Orgs, fm, orgFields...)
	s.render(w, r, status, "sources_edit", &view{Title: i18nTitle(r, "money.sources-title"), Data: ev})
}
