package notice

import (
	"slices"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

func testPlan() *plan.File {
	return &plan.File{Programme: plan.Programme{ID: "p", Name: "Programmet",
		Municipalities: []string{"a-kommune", "b-kommune"},
		Parties:        []plan.Party{{Org: "fylket", Role: plan.RoleFunder}, {Org: "a-kommune", Role: plan.RoleOwner}}}}
}

func testMembers() []store.Member {
	m := func(id int64, org string, role auth.Role) store.Member {
		return store.Member{User: store.User{ID: id, Email: org + "@example.no", Name: org, Organisation: org}, Role: role}
	}
	disabled := m(6, "a-kommune", auth.RoleReader)
	disabled.User.Disabled = true
	return []store.Member{m(1, "a-kommune", auth.RoleReader), m(2, "b-kommune", auth.RoleLead),
		m(3, "fylket", auth.RoleReviewer), m(4, "sekretariatet", auth.RoleAdmin), m(5, "c-kommune", auth.RoleEditor), disabled}
}

func whom(as []Addressee) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.User.Organisation+":"+string(a.Event)+":"+a.Organisation+":"+string(a.Wait.Step))
	}
	return out
}

// A proposal tells the municipalities, the anchoring tells the funder,
// the approval tells the administrators; what made no release tells
// nobody.
func TestNoticeRecipients(t *testing.T) {
	f := testPlan()
	members := testMembers()
	proposal := cycle.Decision{ID: 1, Step: cycle.StepProposal, Release: 1, Made: 1}
	proposed := cycle.Release{Number: 1, Kind: cycle.Proposed}
	c := cycle.Cycle{ProgrammeID: "p", Year: 2026, Releases: []cycle.Release{proposed}, Decisions: []cycle.Decision{proposal}}
	taken := store.StepTaken{Decision: proposal, Release: proposed, Made: true}
	got := whom(Recipients(c, f, taken, members))
	want := []string{"a-kommune:proposed:a-kommune:executive-committee", "b-kommune:proposed:b-kommune:executive-committee"}
	if !slices.Equal(got, want) {
		t.Errorf("a proposal tells %v, want %v", got, want)
	}
	if got := Recipients(c, f, store.StepTaken{Decision: proposal, Release: proposed, Made: true, Repeated: true}, members); got != nil {
		t.Errorf("a repeated proposal tells %v", whom(got))
	}

	// Both councils adopt: the second anchors the plan.
	var ds []cycle.Decision
	for i, m := range []string{"a-kommune", "b-kommune"} {
		ds = append(ds, cycle.Decision{ID: int64(2 + 2*i), Step: cycle.StepExecutiveCommittee, Release: 1, Organisation: m, Outcome: cycle.Adopted},
			cycle.Decision{ID: int64(3 + 2*i), Step: cycle.StepCouncil, Release: 1, Organisation: m, Outcome: cycle.Adopted})
	}
	c.Decisions = append(c.Decisions, ds...)
	if got := Recipients(c, f, store.StepTaken{Decision: ds[0]}, members); got != nil {
		t.Errorf("an executive committee's decision tells %v", whom(got))
	}
	anchored := cycle.Release{Number: 2, Kind: cycle.Anchored}
	c.Decisions[len(c.Decisions)-1].Made = 2
	c.Releases = append(c.Releases, anchored)
	taken = store.StepTaken{Decision: c.Decisions[len(c.Decisions)-1], Release: anchored, Made: true}
	if got, want := whom(Recipients(c, f, taken, members)), []string{"fylket:anchored:fylket:approval"}; !slices.Equal(got, want) {
		t.Errorf("the anchoring tells %v, want %v", got, want)
	}

	// The approval, then a new proposal recorded before the notices went.
	approval := cycle.Decision{ID: 6, Step: cycle.StepApproval, Release: 2, Organisation: "fylket", Made: 3}
	approved := cycle.Release{Number: 3, Kind: cycle.Approved}
	later := cycle.Decision{ID: 7, Step: cycle.StepProposal, Release: 4, Made: 4}
	c.Releases = append(c.Releases, approved, cycle.Release{Number: 4, Kind: cycle.Proposed})
	c.Decisions = append(c.Decisions, approval, later)
	taken = store.StepTaken{Decision: approval, Release: approved, Made: true}
	if got, want := whom(Recipients(c, f, taken, members)), []string{"sekretariatet:approved:fylket:"}; !slices.Equal(got, want) {
		t.Errorf("the approval tells %v, want %v", got, want)
	}
}

// Where no municipality anchors the plan, its proposal goes to the funder
// to approve.
func TestNoticeRecipientsWithoutAnchoring(t *testing.T) {
	f := testPlan()
	f.Programme.Municipalities = nil
	proposal := cycle.Decision{ID: 1, Step: cycle.StepProposal, Release: 1, Made: 1}
	proposed := cycle.Release{Number: 1, Kind: cycle.Proposed}
	c := cycle.Cycle{ProgrammeID: "p", Year: 2026, Releases: []cycle.Release{proposed}, Decisions: []cycle.Decision{proposal}}
	got := whom(Recipients(c, f, store.StepTaken{Decision: proposal, Release: proposed, Made: true}, testMembers()))
	if want := []string{"fylket:proposed-approval:fylket:approval"}; !slices.Equal(got, want) {
		t.Errorf("a proposal without anchoring tells %v, want %v", got, want)
	}
}
