package notice

import (
	"slices"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// Addressee is a member to tell about a step, and what about.
type Addressee struct {
	User  store.User
	Event Event
	// Organisation is the key of the municipality or funder the notice
	// concerns (see Notice.Organisation).
	Organisation string
	// Wait is the decision waited for from the member; its Step is "" for
	// an approved plan, which waits for nobody.
	Wait cycle.Wait
}

// Recipients works out who is to be told about a step just taken, from
// the plan's cycle and the content of the release the step made:
//
//   - a proposal: the members working for each municipality that is to
//     anchor it (or, where no municipality anchors it, for each funder);
//   - the last council's adoption, which anchors the plan: the members
//     working for each funder, who approve it;
//   - an approval: the programme's administrators.
//
// A step that made no release, a repeated submission, and a publication
// tell nobody. The cycle is cut back to the step, so that a step taken
// meanwhile does not change what this one waits for.
func Recipients(c cycle.Cycle, latest *plan.File, taken store.StepTaken, members []store.Member) []Addressee {
	if taken.Repeated || !taken.Made || latest == nil {
		return nil
	}
	c = upTo(c, taken)
	var out []Addressee
	add := func(m store.Member, e Event, org string, w cycle.Wait) {
		if m.User.Disabled || m.User.Email == "" ||
			slices.ContainsFunc(out, func(a Addressee) bool { return a.User.ID == m.User.ID }) {
			return
		}
		out = append(out, Addressee{User: m.User, Event: e, Organisation: org, Wait: w})
	}
	switch taken.Release.Kind {
	case cycle.Proposed, cycle.Anchored:
		for _, w := range c.Waiting(latest) {
			e := Anchored
			switch {
			case w.Step.Anchoring():
				e = Proposed
			case w.Step != cycle.StepApproval:
				continue
			case taken.Release.Kind == cycle.Proposed:
				e = ProposedForApproval
			}
			for _, m := range members {
				if m.User.Organisation == w.Organisation && mayTake(m, c.ProgrammeID, w) {
					add(m, e, w.Organisation, w)
				}
			}
		}
	case cycle.Approved:
		for _, m := range members {
			if m.Role == auth.RoleAdmin {
				add(m, Approved, taken.Decision.Organisation, cycle.Wait{})
			}
		}
	}
	return out
}

// mayTake asks the authorisation policy whether the member may record
// the decision waited for, so that nobody is asked for what they cannot do.
func mayTake(m store.Member, programme string, w cycle.Wait) bool {
	s := auth.Subject{UserID: m.User.ID, Organisation: m.User.Organisation,
		Roles: map[string]auth.Role{programme: m.Role}}
	if w.Step == cycle.StepApproval {
		return auth.Can(s, auth.ApprovePlan, auth.Resource{Programme: programme, Funder: w.Organisation})
	}
	return auth.Can(s, auth.RecordAnchoring, auth.Resource{Programme: programme, Municipality: w.Organisation})
}

// upTo is the cycle as it stood right after the step: without the
// decisions and releases recorded after it.
func upTo(c cycle.Cycle, taken store.StepTaken) cycle.Cycle {
	out := cycle.Cycle{ProgrammeID: c.ProgrammeID, Year: c.Year}
	for _, r := range c.Releases {
		if r.Number <= taken.Release.Number {
			out.Releases = append(out.Releases, r)
		}
	}
	for _, d := range c.Decisions {
		if d.ID <= taken.Decision.ID {
			out.Decisions = append(out.Decisions, d)
		}
	}
	return out
}
