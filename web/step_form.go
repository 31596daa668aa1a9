package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"planverk/auth"
	"planverk/cycle"
	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
)

// stepFormView is the form that records one decision of a plan's cycle.
type stepFormView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	Lang        plan.Language
	Step        cycle.Step
	Form        *form
	// Deciders are the municipalities or funders the person may record
	// for; Organisation is fixed where there is one.
	Deciders []option
	// Sources are the plan's funding sources, for the amounts an approval
	// names.
	Sources []plan.FundingSource
	// Blockers are the revision errors that stop a proposal.
	Blockers []findingView
	// Status is where the plan stands, for the page's heading.
	Cycle *cycleView
}

// stepAction is the right a step takes, on the organisation it is for.
func stepAction(step cycle.Step, programme, org string) (auth.Action, auth.Resource) {
	res := auth.Resource{Programme: programme}
	switch {
	case step.Anchoring():
		res.Municipality = org
		return auth.RecordAnchoring, res
	case step == cycle.StepApproval:
		res.Funder = org
		return auth.ApprovePlan, res
	}
	return auth.ProposePlan, res
}

// stepDeciders lists the organisations the person may record the step
// for: the municipalities of the latest release's anchoring schedule, or
// the programme's funders.
func stepDeciders(r *http.Request, c *cycleView, f *plan.File, step cycle.Step) []option {
	var keys []string
	switch {
	case step.Anchoring():
		keys = cycle.Municipalities(f)
	case step == cycle.StepApproval:
		keys = cycle.Funders(f)
	default:
		return nil
	}
	var out []option
	for _, k := range keys {
		if a, res := stepAction(step, c.ProgrammeID, k); can(r, a, res) {
			out = append(out, option{Value: k, Label: orgName(f, k)})
		}
	}
	return out
}

// stepFor loads what a step's form needs, for a person who may take the
// step for the organisation the request names (or, with none named, for
// one of them); otherwise it answers the request. values are the form's,
// or nil for a new form.
func (s *Server) stepFor(w http.ResponseWriter, r *http.Request, values url.Values) (*stepFormView, *plan.File, bool) {
	step := cycle.Step(r.PathValue("step"))
	if !step.Valid() {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no step %q", step))
		return nil, nil, false
	}
	c, ok := s.cycleFor(w, r)
	if !ok {
		return nil, nil, false
	}
	sv, about, err := s.prepareStep(r, c, step, values)
	if plan.ErrorCode(err) == plan.EForbidden {
		s.deny(w, r)
		return nil, nil, false
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return sv, about, true
}

// prepareStep checks that the person may take the step for the
// organisation values name (or, with none named, for one of them), and
// loads what the step is about: the draft for a proposal, the latest
// release for anchoring and approval. Where they may not, the error is
// plan.EForbidden. The form and the API share it, so that both check the
// same rights. values are what was sent, or nil for a new form.
func (s *Server) prepareStep(r *http.Request, c *cycleView, step cycle.Step, values url.Values) (*stepFormView, *plan.File, error) {
	denied := plan.Errorf(plan.EForbidden, "may not take the step %s of plan %s %d", step, c.ProgrammeID, c.Year)
	if !c.Draft {
		return nil, nil, denied
	}
	f, _, err := s.store.LoadPlan(r.Context(), c.ProgrammeID, c.Year)
	if err != nil {
		return nil, nil, err
	}
	// Anchoring and approval are about the latest release, a proposal
	// about the draft.
	about := f
	if c.Latest != nil && (step.Anchoring() || step == cycle.StepApproval) {
		if about, _, err = s.store.LoadRelease(r.Context(), c.ProgrammeID, c.Year, 0); err != nil {
			return nil, nil, err
		}
	}
	if values == nil {
		values = stepDefaults(r, f, step)
	}
	sv := &stepFormView{ProgrammeID: c.ProgrammeID, Year: c.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Step: step, Form: newForm(values), Sources: about.Plan.Sources, Cycle: c}
	sv.Deciders = stepDeciders(r, c, about, step)
	org := sv.Form.Get("organisation")
	if step.Anchoring() || step == cycle.StepApproval {
		if len(sv.Deciders) == 0 || org != "" && !slices.ContainsFunc(sv.Deciders, func(o option) bool { return o.Value == org }) {
			return nil, nil, denied
		}
		if org == "" && len(sv.Deciders) == 1 {
			sv.Form.Values.Set("organisation", sv.Deciders[0].Value)
		}
	} else if a, res := stepAction(step, c.ProgrammeID, ""); !can(r, a, res) {
		return nil, nil, denied
	}
	if step == cycle.StepProposal {
		base, _, ok, err := s.store.RevisionBase(r.Context(), c.ProgrammeID, c.Year)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			sv.Blockers = findingViews(language(r), f, cycle.Blockers(base, f))
		}
	}
	return sv, about, nil
}

// stepDefaults fills a new step form: the organisation asked for, the
// steering group's name as the proposing body, a fresh submission key.
func stepDefaults(r *http.Request, f *plan.File, step cycle.Step) url.Values {
	v := url.Values{}
	v.Set("organisation", r.URL.Query().Get("organisation"))
	if step == cycle.StepProposal {
		for _, p := range f.Programme.Parties {
			if p.Role == plan.RoleSteering {
				v.Set("body", orgName(f, p.Org))
			}
		}
	}
	if step.Anchoring() || step == cycle.StepApproval {
		v.Set("outcome", string(cycle.Adopted))
	}
	v.Set("submission", newSubmission())
	return v
}

// decisionFromForm checks a step's form and returns the decision it
// records; every problem is noted beside its field.
func decisionFromForm(fm *form, sv *stepFormView) cycle.Decision {
	d := cycle.Decision{Step: sv.Step, Organisation: fm.Get("organisation"), Body: fm.Get("body"),
		CaseRef: fm.Get("case_ref"), Note: fm.Get("note"), MinutesURL: fm.Get("minutes_url"),
		Conditions: fm.Get("conditions"), Outcome: cycle.Outcome(fm.Get("outcome"))}
	if sv.Step != cycle.StepPublication {
		if t := fm.Get("date"); t == "" {
			fm.Fail("date", "cycle.form.date-required")
		} else if day, err := plan.ParseDate(t); err != nil {
			fm.Fail("date", "cycle.form.date-invalid", "Value", t)
		} else {
			d.Date = day
		}
	}
	switch {
	case sv.Step == cycle.StepProposal:
		if d.Body == "" {
			fm.Fail("body", "cycle.error.body-required")
		}
	case sv.Step.Anchoring():
		if d.Organisation == "" {
			fm.Fail("organisation", "cycle.form.municipality-required")
		}
		if !d.Outcome.Valid() {
			fm.Fail("outcome", "cycle.error.outcome")
		} else if d.Outcome == cycle.AdoptedWithChanges && d.Note == "" {
			fm.Fail("note", "cycle.form.changes-required")
		}
	case sv.Step == cycle.StepApproval:
		if d.Organisation == "" {
			fm.Fail("organisation", "cycle.form.funder-required")
		}
		if d.CaseRef == "" {
			fm.Fail("case_ref", "cycle.error.reference-required")
		}
		d.Outcome = ""
		for _, src := range sv.Sources {
			name := "amount-" + src.ID
			a, ok := parseAmountInput(fm.Get(name))
			switch {
			case !ok:
				fm.Fail(name, "cycle.form.amount-invalid", "Source", src.Name, "Value", fm.Get(name))
			case a != nil:
				d.Amounts = append(d.Amounts, cycle.Amount{Source: src.ID, Amount: int64(*a)})
			}
		}
	}
	if d.MinutesURL != "" {
		if u, err := url.Parse(d.MinutesURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			fm.Fail("minutes_url", "cycle.error.minutes-url")
		}
	}
	if !sv.Step.Anchoring() {
		d.Outcome = ""
	}
	return d
}

// stepFailure puts a refusal of the cycle's rules beside the field it is
// about, in the person's language; it reports whether err was one.
func stepFailure(fm *form, err error) bool {
	var pe *plan.Error
	if !errors.As(err, &pe) || pe.Key == "" {
		return false
	}
	fm.Fail(stepField(pe.Key), pe.Key, stepArgs(pe)...)
	return true
}

// stepField is the field of the step's form a refusal of the cycle's
// rules is about, by its message key: "step" where it is about the step
// itself (nothing to anchor, nothing new to propose).
func stepField(key string) string {
	switch {
	case strings.Contains(key, "reference"):
		return "case_ref"
	case strings.Contains(key, "outcome"):
		return "outcome"
	case strings.Contains(key, "minutes"):
		return "minutes_url"
	case strings.Contains(key, "source") || strings.Contains(key, "amount"):
		return "amounts"
	case strings.Contains(key, "body"):
		return "body"
	case strings.Contains(key, "funder") || strings.Contains(key, "scheduled"):
		return "organisation"
	case !strings.Contains(key, "date") && !strings.Contains(key, "before") && !strings.Contains(key, "after"):
		return "step"
	}
	return "date"
}

// stepArgs are a refusal's arguments as name, value pairs, with dates
// written as people write them.
func stepArgs(pe *plan.Error) []any {
	var args []any
	for k, v := range pe.Args {
		if d, ok := v.(plan.Date); ok {
			v = dateText(&d)
		}
		args = append(args, k, v)
	}
	return args
}

// stepLabel is the catalogue id of a step's name.
func stepLabel(step cycle.Step) string { return "cycle.step." + string(step) }

// findingViews writes findings of f in the page's language.
func findingViews(lang i18n.Lang, f *plan.File, fs []plan.Finding) []findingView {
	b := describe.New(f, lang)
	var out []findingView
	for _, fd := range fs {
		out = append(out, newFindingView(b, lang, fd))
	}
	return out
}
