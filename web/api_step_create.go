package web

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// apiStepWrite is a decision to record: the fields of the browser's step
// form, checked by the same code.
type apiStepWrite struct {
	// Organisation is the municipality (executive-committee, council) or
	// funder (approval) the decision is for; it may be left out where the
	// caller may record for one only.
	Organisation string `json:"organisation,omitempty"`
	// Body is the deciding body in words, required for a proposal.
	Body string `json:"body,omitempty"`
	// Date is the day of the decision; required for every step but a
	// publication, and never after today.
	Date *plan.Date `json:"date,omitempty"`
	// CaseRef is the case number, or for an approval its reference
	// (required).
	CaseRef string `json:"case_ref,omitempty"`
	// Outcome is what a municipality decided: adopted,
	// adopted-with-changes (with the changes in note) or not-adopted.
	Outcome    cycle.Outcome `json:"outcome,omitempty"`
	Note       string        `json:"note,omitempty"`
	MinutesURL string        `json:"minutes_url,omitempty"`
	// Conditions are a funder's conditions for its approval.
	Conditions string `json:"conditions,omitempty"`
	// Amounts are what a funder approved, by the plan's funding source.
	Amounts map[string]plan.Amount `json:"amounts,omitempty"`
}

// apiStepTaken is what a recorded decision made.
type apiStepTaken struct {
	Decision apiDecision `json:"decision"`
	// Release is the release the decision made, where it made one: the
	// proposal, the anchored plan after the last council, the approved
	// plan.
	Release *apiRelease `json:"release,omitempty"`
	// Stage is where the plan stands now.
	Stage cycle.Stage `json:"stage"`
	Cycle string      `json:"cycle"`
}

// apiStepCreate records a decision of a plan's cycle: POST
// …/plans/{year}/steps/{step}, step being proposal, executive-committee,
// council, approval or publication. Who may record it, and what is
// checked, is what the browser's step form checks: the same code does
// both. A retry with the same Idempotency-Key records nothing more and
// gets the first answer.
func (s *Server) apiStepCreate(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	step := cycle.Step(r.PathValue("step"))
	if !step.Valid() {
		s.apiFail(w, r, plan.Errorf(plan.ENotFound, "no step %q: the steps are proposal, executive-committee, council, approval and publication", step))
		return
	}
	year, err := apiYear(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	cv, err := s.loadCycle(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	// Whoever may take the step for nobody is told so before the body is
	// read; the organisation the body names is checked below.
	if _, _, err := s.prepareStep(r, cv, step, url.Values{}); plan.ErrorCode(err) == plan.EForbidden {
		s.apiFail(w, r, apiForbidden("api.forbidden-step", nil))
		return
	} else if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiStepWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	submission, err := apiSubmission(r, u.ID, "steps/"+cv.ProgrammeID+"/"+strconv.Itoa(year)+"/"+string(step))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	sv, about, err := s.prepareStep(r, cv, step, stepValues(in))
	if plan.ErrorCode(err) == plan.EForbidden {
		s.apiFail(w, r, apiForbidden("api.forbidden-step", nil))
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var issues []bodyIssue
	known := map[string]bool{}
	for _, src := range sv.Sources {
		known[src.ID] = true
	}
	for _, id := range sortedKeys(in.Amounts) {
		if !known[id] {
			issues = append(issues, issue("/amounts/"+pointerToken(id), "cycle.error.unknown-source", map[string]any{"Source": id}))
		}
	}
	fm := sv.Form
	d := decisionFromForm(fm, sv)
	issues = append(issues, formIssues(fm, stepPointer)...)
	if len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	taken, err := s.store.TakeStep(r.Context(), cv.ProgrammeID, year, d,
		store.Edit{Author: u.ID, Submission: submission, Summary: i18nTitle(r, stepLabel(step))})
	if err != nil {
		s.apiFail(w, r, stepRefusal(err))
		return
	}
	s.notifyStep(cv.ProgrammeID, year, taken)
	out := apiStepTaken{Decision: apiDecisionOf(newDecisionView(about, taken.Decision), about), Cycle: cycleURL(cv.ProgrammeID, year)}
	if taken.Made {
		rel := apiReleaseOf(taken.Release)
		out.Release = &rel
	}
	// Where the plan stands now, as the cycle page would say it.
	if now, err := s.loadCycle(r); err == nil {
		out.Stage = now.Stage
	} else {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", out.Cycle)
	writeTagged(w, r, http.StatusCreated, etagOf(out), out)
}

// stepValues writes a decision sent to the API as the step form's values,
// so that the form's checks check it.
func stepValues(in apiStepWrite) url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("organisation", in.Organisation)
	set("body", in.Body)
	set("case_ref", in.CaseRef)
	set("outcome", string(in.Outcome))
	set("note", in.Note)
	set("minutes_url", in.MinutesURL)
	set("conditions", in.Conditions)
	if in.Date != nil {
		set("date", in.Date.String())
	}
	for id, a := range in.Amounts {
		v.Set("amount-"+id, strconv.FormatInt(int64(a), 10))
	}
	return v
}

// stepPointer is where in an API body a field of the step form is.
func stepPointer(field string) string {
	if id, ok := strings.CutPrefix(field, "amount-"); ok {
		return "/amounts/" + pointerToken(id)
	}
	return "/" + field
}

// stepRefusal is the API's answer to a step the cycle's rules refuse:
// beside the field it is about (422), or, where it is about the plan's
// state rather than what was sent (nothing to anchor, nothing new to
// propose, revision errors standing), a conflict (409).
func stepRefusal(err error) error {
	var pe *plan.Error
	if !errors.As(err, &pe) || pe.Key == "" {
		return err
	}
	field := stepField(pe.Key)
	if field == "step" {
		return keyedRefusal(err, http.StatusConflict)
	}
	return invalid(issue(stepPointer(field), pe.Key, pairsMap(stepArgs(pe))))
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
