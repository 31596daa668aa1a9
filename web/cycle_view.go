package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
)

// cycleView is a plan's yearly cycle laid out for reading: where it
// stands, the decisions and releases in order, what it waits for, and the
// steps the person may take now.
type cycleView struct {
	ProgrammeID   string
	ProgrammeName string
	Year          int
	Title         string
	Lang          plan.Language
	Stage         cycle.Stage
	Entries       []cycleEntry
	Waiting       []waitView
	// Milestones are the year's proposal, anchoring and approval, reached
	// or ahead.
	Milestones   []cycle.Milestone
	ChangesAsked []decisionView
	// Latest is the latest release, nil where nothing is released.
	Latest *cycle.Release
	// Releases are all the plan's releases, in order.
	Releases []cycle.Release
	// HasNext says whether next year's plan exists (for those who may
	// read it).
	HasNext bool
	// CanPropose, CanPublish and CanStart say what the person may do:
	// propose the draft (or publish it, for a programme without the
	// funder's step), and start next year's plan where there is none.
	CanPropose, CanPublish, CanStart bool
	NextYear                         int
	// Draft says whether the person reads the working draft.
	Draft bool
}

// cycleEntry is one line of the timeline: a decision, and the release it
// made where it made one.
type cycleEntry struct {
	Decision *decisionView
	Release  *cycle.Release
}

// decisionView is a decision with its organisation named and its amounts
// by source name.
type decisionView struct {
	cycle.Decision
	OrgName string
	Amounts []sourceAmount
}

type sourceAmount struct {
	Source string
	Amount plan.Amount
}

// waitView is a decision the plan waits for, and whether the person may
// record it, with the form's address.
type waitView struct {
	cycle.Wait
	OrgName string
	CanAct  bool
	URL     string
}

// orgName names an organisation of the plan file, by its key where the
// file does not know it.
func orgName(f *plan.File, key string) string {
	for _, o := range f.Organisations {
		if o.ID == key {
			return o.Name
		}
	}
	return key
}

// newCycleView lays out a plan's cycle. f is the content of its latest
// release, or its draft where nothing is released; draft says whether the
// person reads the working draft.
func newCycleView(r *http.Request, c cycle.Cycle, f *plan.File, draft bool, hasNext bool) *cycleView {
	res := func() auth.Resource { return auth.Resource{Programme: c.ProgrammeID} }
	cv := &cycleView{ProgrammeID: c.ProgrammeID, ProgrammeName: f.Programme.Name, Year: c.Year,
		Title: f.Plan.Title, Lang: f.Plan.Language, Stage: c.Stage(f), Draft: draft, NextYear: c.Year + 1}
	if rel, ok := c.Latest(); ok {
		cv.Latest = &rel
	}
	cv.Releases, cv.HasNext = c.Releases, hasNext
	latest := f
	if cv.Latest == nil {
		latest = nil
	}
	made := map[int]bool{}
	for _, d := range c.Decisions {
		dv := newDecisionView(f, d)
		e := cycleEntry{Decision: &dv}
		if rel, ok := c.Release(d.Made); ok && d.Made > 0 {
			e.Release = &rel
			made[rel.Number] = true
		}
		cv.Entries = append(cv.Entries, e)
	}
	// A release no decision here made was imported: decided outside
	// planverk, before the decisions recorded here.
	var imported []cycleEntry
	for i := range c.Releases {
		if !made[c.Releases[i].Number] {
			imported = append(imported, cycleEntry{Release: &c.Releases[i]})
		}
	}
	cv.Entries = append(imported, cv.Entries...)
	for _, w := range c.Waiting(latest) {
		wv := waitView{Wait: w, OrgName: orgName(f, w.Organisation)}
		switch {
		case w.Step == cycle.StepProposal:
			wv.CanAct = can(r, auth.ProposePlan, res())
		case w.Step.Anchoring():
			wv.CanAct = can(r, auth.RecordAnchoring, auth.Resource{Programme: c.ProgrammeID, Municipality: w.Organisation})
		case w.Step == cycle.StepApproval:
			wv.CanAct = can(r, auth.ApprovePlan, auth.Resource{Programme: c.ProgrammeID, Funder: w.Organisation})
		}
		wv.URL = stepURL(c.ProgrammeID, c.Year, w.Step, w.Organisation)
		cv.Waiting = append(cv.Waiting, wv)
	}
	cv.Milestones = c.Timeline(f)
	for _, d := range c.ChangesAsked() {
		cv.ChangesAsked = append(cv.ChangesAsked, newDecisionView(f, d))
	}
	cv.CanPropose = draft && can(r, auth.ProposePlan, res())
	steps := len(cycle.Funders(f)) > 0 || len(cycle.Municipalities(f)) > 0
	cv.CanPublish = cv.CanPropose && !steps
	cv.CanStart = draft && !hasNext && can(r, auth.StartPlan, res())
	return cv
}

func newDecisionView(f *plan.File, d cycle.Decision) decisionView {
	dv := decisionView{Decision: d, OrgName: orgName(f, d.Organisation)}
	for _, a := range d.Amounts {
		name := a.Source
		for _, s := range f.Plan.Sources {
			if s.ID == a.Source {
				name = s.Name
			}
		}
		dv.Amounts = append(dv.Amounts, sourceAmount{Source: name, Amount: plan.Amount(a.Amount)})
	}
	return dv
}

// stepURL is the address of the form that records a step.
func stepURL(programme string, year int, step cycle.Step, org string) string {
	u := fmt.Sprintf("/programmes/%s/plans/%d/steps/%s", programme, year, step)
	if org != "" {
		u += "?organisation=" + org
	}
	return u
}

// cyclePath is the address of a plan's cycle page.
func cyclePath(programme string, year int) string {
	return fmt.Sprintf("/programmes/%s/plans/%d/cycle", programme, year)
}
