package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// revisionEditView is the form in which people say what the revision
// cannot work out itself: why each changed measure changed, what each
// ended one achieved, what kind of new measure each new one is. It also
// offers to end the measures whose time frame is over, to bring measures
// prioritised later into the year, and to mark carried sections as read.
type revisionEditView struct {
	planFormView
	// Base is the approved plan revised; HasBase is false for a plan that
	// revises none (a programme's first plan).
	Base      cycle.Release
	BaseTitle string
	HasBase   bool
	Measures  []revisionRow
	Sections  []reviewRow
	Findings  []findingView
	// NewKinds are the choices for a new measure's kind; Saved says the
	// form was just saved.
	NewKinds []option
	Saved    bool
	// Proposals are the year before's assessment's improvement proposals,
	// input to this plan; nil for none. ProposalsSaved says their marks
	// were just saved.
	Proposals      *proposalInput
	ProposalsSaved bool
}

// revisionRow is one measure in the form.
type revisionRow struct {
	revisedMeasure
	// Key is the prefix of the measure's fields.
	Key string
	// CanEnd: its time frame ended before the plan's year; CanBring: it is
	// prioritised later in the period.
	CanEnd, CanBring bool
	// Proposals are the year before's proposals tied to the measure.
	Proposals []proposalItem
}

type reviewRow struct {
	Index int
	Title string
}

// revisionFieldKey is the prefix of a measure's fields in the form: its
// ID, which may hold characters a field name should not.
func revisionFieldKey(id string) string { return "m-" + fingerprint(id)[:12] }

// revisionPart is the revision as its form edits it.
var revisionPart = planPart{
	mark:   revisionMark,
	values: revisionValues,
	apply:  applyRevisionForm,
	in: func(c plan.Change) bool {
		return strings.HasPrefix(c.Path, "plan.revision") || strings.HasSuffix(c.Path, ".status") ||
			strings.HasSuffix(c.Path, ".priority") || strings.HasSuffix(c.Path, ".review")
	},
	render: (*Server).renderRevisionEdit,
	done: func(v store.PlanVersion) string {
		return fmt.Sprintf("/programmes/%s/plans/%d/revision/edit?saved=1", v.ProgrammeID, v.Year)
	},
}

// revisionMark is the fingerprint of what the form edits: the
// dispositions, each measure's status and priority, the sections' review
// marks.
func revisionMark(f *plan.File) string {
	type m struct {
		ID       string
		Status   plan.MeasureStatus
		Priority plan.Priority
	}
	var ms []m
	for _, g := range f.Plan.Goals {
		for _, x := range g.Measures {
			ms = append(ms, m{x.ID, x.Status, x.Priority})
		}
	}
	var review []bool
	for _, s := range f.Plan.Sections {
		review = append(review, s.Review)
	}
	var ds []plan.Disposition
	if f.Plan.Revision != nil {
		ds = f.Plan.Revision.Measures
	}
	return fingerprint([]any{listMark(ds), ms, review})
}

// revisionValues fills the form from the plan.
func revisionValues(f *plan.File) url.Values {
	v := url.Values{}
	var ids []string
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			ids = append(ids, m.ID)
		}
	}
	if f.Plan.Revision != nil {
		for _, d := range f.Plan.Revision.Measures {
			if !contains(ids, d.Measure) {
				ids = append(ids, d.Measure)
			}
		}
	}
	for _, id := range ids {
		d := f.Plan.Revision.Disposition(id)
		k := revisionFieldKey(id)
		v.Set(k+"-reason", string(d.Reason))
		v.Set(k+"-assessment", string(d.Assessment))
		v.Set(k+"-new", string(d.New))
		if d.Amount != nil {
			v.Set(k+"-amount", i18n.Amount(*d.Amount))
		}
	}
	return v
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// applyRevisionForm writes the form into a version of the plan.
func applyRevisionForm(fm *form, f *plan.File) {
	for _, id := range fm.Values["measures"] {
		k := revisionFieldKey(id)
		d := f.Plan.Revision.Disposition(id)
		d.Reason = keepText(d.Reason, fm.Raw(k+"-reason"))
		d.Assessment = keepText(d.Assessment, fm.Raw(k+"-assessment"))
		d.New = plan.NewKind(fm.Get(k + "-new"))
		if d.New != "" && !contains(enumStrings(plan.NewKinds), string(d.New)) {
			fm.Fail(k+"-new", "revision.form.new-invalid")
		}
		a, ok := parseAmountInput(fm.Get(k + "-amount"))
		if !ok {
			fm.Fail(k+"-amount", "revision.form.amount-invalid", "Value", fm.Get(k+"-amount"))
		}
		d.Amount = a
		_, m := f.Plan.FindMeasureByID(id)
		if m != nil && fm.Get(k+"-end") != "" {
			m.Status = plan.MeasureEnded
		}
		if m != nil && fm.Get(k+"-bring") != "" {
			m.Priority = plan.PriorityNow
		}
		f.Plan.SetDisposition(d)
	}
	if f.Plan.Revision != nil && f.Plan.Revision.Base == nil && len(f.Plan.Revision.Measures) == 0 {
		f.Plan.Revision = nil
	}
	for i := range f.Plan.Sections {
		if fm.Get(fmt.Sprintf("section-%d-reviewed", i)) != "" {
			f.Plan.Sections[i].Review = false
		}
	}
}

func enumStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// revisionEdit shows the revision form.
func (s *Server) revisionEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, revisionPart)
}

// revisionSave saves it.
func (s *Server) revisionSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, revisionPart)
}

func (s *Server) renderRevisionEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	lang := language(r)
	ev := revisionEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") != ""}
	ev.NewKinds = []option{{Value: "", ID: "revision.form.new-none"}}
	for _, k := range plan.NewKinds {
		ev.NewKinds = append(ev.NewKinds, option{Value: string(k), ID: "revision.new-kind." + string(k)})
	}
	base, rel, ok, err := s.store.RevisionBase(r.Context(), v.ProgrammeID, v.Year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ev.Base, ev.HasBase = rel, ok
	if ev.Proposals, err = s.revisionProposals(r.Context(), r, f); err != nil {
		s.fail(w, r, err)
		return
	}
	ev.ProposalsSaved = r.Method == http.MethodGet && r.URL.Query().Get("proposals") != ""
	candidates := map[string]bool{}
	for _, m := range f.Plan.CarryCandidates() {
		candidates[m.ID] = true
	}
	if ok {
		ev.BaseTitle = base.Plan.Title
		for _, m := range plan.Revise(base, f) {
			row := revisionRow{revisedMeasure: revised(m, base, f, lang), Key: revisionFieldKey(m.ID),
				Proposals: ev.Proposals.For(m.ID)}
			if m.After != nil && !m.After.Ended() {
				row.CanEnd = candidates[m.ID]
				row.CanBring = m.After.Priority == plan.PriorityLater
			}
			ev.Measures = append(ev.Measures, row)
		}
		ev.Findings = findingViews(lang, f, plan.CheckRevision(base, f))
	}
	for i, sec := range f.Plan.Sections {
		if sec.Review {
			ev.Sections = append(ev.Sections, reviewRow{Index: i, Title: sec.Title})
		}
	}
	s.render(w, r, status, "revision_edit", &view{Title: i18nTitle(r, "revision.edit"), Data: ev})
}
