package web

import (
	"net/http"
	"net/url"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// The revision report in the API: what the revision page shows, as data.
// Measures are named by their lasting IDs, which stay the same across
// years, renumbering and moves.

// apiRevision is a plan's revision report: its new, changed and ended
// measures and the changes to the weights, the budgets and the financing,
// against the approved plan it revises.
type apiRevision struct {
	ProgrammeID string `json:"programme_id"`
	Year        int    `json:"year"`
	// Base is the approved plan revised; absent where the plan revises
	// none (a programme's first plan in planverk), and then every list is
	// empty.
	Base      *apiRevisionBase    `json:"base,omitempty"`
	New       []apiRevisedMeasure `json:"new"`
	Changed   []apiRevisedMeasure `json:"changed"`
	Ended     []apiRevisedMeasure `json:"ended"`
	Continued int                 `json:"continued"`
	Weights   []apiWeightChange   `json:"weights"`
	Budgets   []apiTableChange    `json:"budgets"`
	Financing []apiTableChange    `json:"financing"`
	// Findings are the revision's findings: a changed measure without a
	// reason or an ended one without an assessment is an error, and the
	// plan cannot be proposed while one stands.
	Findings []apiFinding `json:"findings"`
	// Proposals are the improvement proposals of the year before's status
	// assessment, each with whether this plan took it up and in which
	// measure; only for the programme's members, and absent where there
	// are none.
	Proposals []apiProposal `json:"proposals,omitempty"`
	// Lang is the language of the labels and messages.
	Lang i18n.Lang `json:"lang"`
}

// apiRevisionBase names the release a revision is against.
type apiRevisionBase struct {
	Year    int    `json:"year"`
	Release int    `json:"release"`
	Title   string `json:"title"`
	URL     string `json:"url"`
}

// apiRevisedMeasure is one measure of the revision.
type apiRevisedMeasure struct {
	// ID is the measure's lasting ID.
	ID string `json:"id"`
	// Disposition is new, changed, ended or continued, as planverk works
	// it out from the two plans.
	Disposition plan.DispositionKind `json:"disposition"`
	// Number is the measure's number as the plan numbers it now (or did,
	// for one taken out): 1.2.
	Number string `json:"number"`
	Title  string `json:"title"`
	// GoalBefore and GoalAfter are its goal's number in the plan revised
	// and in this plan; 0 where it is not in that plan.
	GoalBefore int `json:"goal_before,omitempty"`
	GoalAfter  int `json:"goal_after,omitempty"`
	// Fields are what changed in a changed measure, before and after in
	// words.
	Fields []apiRevisedField `json:"fields,omitempty"`
	// New, Amount, Reason and Assessment are what people wrote: the kind of
	// a new measure and the state money it is planned to get, why a
	// changed one changed, what an ended one achieved.
	New        plan.NewKind `json:"new,omitempty"`
	Amount     *plan.Amount `json:"amount,omitempty"`
	Reason     string       `json:"reason,omitempty"`
	Assessment string       `json:"assessment,omitempty"`
	// URL is where its disposition is read and set.
	URL string `json:"url"`
}

// apiRevisedField is one changed field of a measure.
type apiRevisedField struct {
	// Field is the plan file's name for it: title, time_frame, goal…
	Field  string `json:"field"`
	Label  string `json:"label"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// apiWeightChange is a goal whose weight changed.
type apiWeightChange struct {
	Goal   int        `json:"goal"`
	Title  string     `json:"title"`
	Before plan.Share `json:"before,omitempty"`
	After  plan.Share `json:"after,omitempty"`
}

// apiTableChange is a budget or financing table whose amounts changed.
type apiTableChange struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// BaseID and BaseTitle name the table compared with, where it is
	// another (last year's financing table for this year's).
	BaseID      string          `json:"base_id,omitempty"`
	BaseTitle   string          `json:"base_title,omitempty"`
	TotalBefore plan.Amount     `json:"total_before"`
	TotalAfter  plan.Amount     `json:"total_after"`
	Cells       []apiCellChange `json:"cells"`
}

// apiCellChange is one amount that changed: a budget line's in a year, or
// a financing row's from a source. Before or after is absent where the
// plan gives none.
type apiCellChange struct {
	Line   string       `json:"line,omitempty"`
	Label  string       `json:"label"`
	Year   int          `json:"year,omitempty"`
	Source string       `json:"source,omitempty"`
	Where  string       `json:"where"`
	Before *plan.Amount `json:"before,omitempty"`
	After  *plan.Amount `json:"after,omitempty"`
}

// revisionURL is the API address of a plan's revision report.
func revisionURL(programme string, year int) string { return planURL(programme, year) + "/revision" }

// dispositionURL is the API address of one measure's disposition.
func dispositionURL(programme string, year int, id string) string {
	return revisionURL(programme, year) + "/measures/" + url.PathEscape(id)
}

// apiRevisionFor loads the plan an API address names, as the caller may
// read it, and the approved plan its revision is against: for a member the
// draft against store.RevisionBase, as the revision form and the proposal
// check it; for anybody else the latest release against the release it
// names. ok is false where it revises none.
func (s *Server) apiRevisionFor(r *http.Request) (f *plan.File, v store.PlanVersion, base *plan.File, rel cycle.Release, ok bool, err error) {
	year, err := apiYear(r)
	if err != nil {
		return
	}
	if f, v, err = s.loadVisiblePlan(r, r.PathValue("programme"), year, 0); err != nil {
		return
	}
	if v.Release == nil {
		base, rel, ok, err = s.store.RevisionBase(r.Context(), v.ProgrammeID, v.Year)
		return
	}
	if rev := f.Plan.Revision; rev != nil && rev.Base != nil {
		base, rel, err = s.store.LoadRelease(r.Context(), v.ProgrammeID, rev.Base.Year, rev.Base.Release)
		if plan.ErrorCode(err) == plan.ENotFound {
			return f, v, nil, rel, false, nil
		}
		ok = err == nil
	}
	return
}

// apiRevisionOf is the revision resource of f against base.
func apiRevisionOf(f *plan.File, v store.PlanVersion, base *plan.File, rel cycle.Release, ok bool, lang i18n.Lang) apiRevision {
	out := apiRevision{ProgrammeID: v.ProgrammeID, Year: v.Year, New: []apiRevisedMeasure{}, Changed: []apiRevisedMeasure{},
		Ended: []apiRevisedMeasure{}, Weights: []apiWeightChange{}, Budgets: []apiTableChange{}, Financing: []apiTableChange{},
		Findings: []apiFinding{}, Lang: lang}
	if !ok {
		return out
	}
	out.Base = &apiRevisionBase{Year: rel.Year, Release: rel.Number, Title: base.Plan.Title,
		URL: releaseURL(v.ProgrammeID, rel.Year, rel.Number)}
	rv := newRevisionView(base, rel, f, lang)
	measures := func(ms []revisedMeasure) []apiRevisedMeasure {
		out := []apiRevisedMeasure{}
		for _, m := range ms {
			out = append(out, apiRevisedMeasureOf(m, v))
		}
		return out
	}
	out.New, out.Changed, out.Ended, out.Continued = measures(rv.New), measures(rv.Changed), measures(rv.Ended), rv.Continued
	for _, wc := range rv.Weights {
		out.Weights = append(out.Weights, apiWeightChange{Goal: wc.Goal, Title: wc.Title, Before: wc.Before, After: wc.After})
	}
	tables := func(ts []revisedTable) []apiTableChange {
		out := []apiTableChange{}
		for _, t := range ts {
			at := apiTableChange{ID: t.ID, Title: t.Title, BaseID: t.BaseID, BaseTitle: t.BaseTitle,
				TotalBefore: t.TotalBefore, TotalAfter: t.TotalAfter, Cells: []apiCellChange{}}
			for _, c := range t.Cells {
				at.Cells = append(at.Cells, apiCellChange{Line: c.Line, Label: c.Label, Year: c.Year, Source: c.Source,
					Where: c.Where, Before: c.Before, After: c.After})
			}
			out = append(out, at)
		}
		return out
	}
	out.Budgets, out.Financing = tables(rv.Budgets), tables(rv.Financing)
	for _, fd := range plan.CheckRevision(base, f) {
		out.Findings = append(out.Findings, apiFinding{Rule: fd.Rule, Severity: fd.Severity, Path: fd.Path, Message: i18n.Finding(lang, fd)})
	}
	return out
}

func apiRevisedMeasureOf(m revisedMeasure, v store.PlanVersion) apiRevisedMeasure {
	d := m.Disposition
	out := apiRevisedMeasure{ID: m.ID, Disposition: m.Kind, Number: m.Number, Title: m.Title,
		GoalBefore: m.GoalBefore, GoalAfter: m.GoalAfter, New: d.New, Amount: d.Amount,
		Reason: string(d.Reason), Assessment: string(d.Assessment), URL: dispositionURL(v.ProgrammeID, v.Year, m.ID)}
	for i, fl := range m.Fields {
		out.Fields = append(out.Fields, apiRevisedField{Field: m.MeasureRevision.Fields[i], Label: fl.Label, Before: fl.Before, After: fl.After})
	}
	return out
}

// measureRevision finds one measure in the revision of f against base.
func measureRevision(base, f *plan.File, id string) (plan.MeasureRevision, bool) {
	for _, m := range plan.Revise(base, f) {
		if m.ID == id {
			return m, true
		}
	}
	return plan.MeasureRevision{}, false
}

// dispositionTag is the ETag of one measure's place in the revision: of
// what the two plans say of it and what people wrote, not of the words it
// is shown in, so that it is the same in every language.
func dispositionTag(m plan.MeasureRevision) string { return etagOf(m) }

// noMeasureInRevision is the 404 for a measure ID the revision does not
// have.
func noMeasureInRevision(id string, v store.PlanVersion) error {
	return plan.Errorf(plan.ENotFound, "the revision of plan %s %d has no measure %q", v.ProgrammeID, v.Year, id)
}
