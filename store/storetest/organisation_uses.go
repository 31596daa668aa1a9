package storetest

import (
	"cmp"
	"context"
	"slices"
	"testing"
)

// testProgrammesNaming: a programme is found by an organisation it names as
// a party, as a measure's partner, or in its plan's anchoring; not by one
// it does not name.
func (e engine) testProgrammesNaming(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	save(t, s, f)
	id := f.Programme.ID
	naming := func(orgs ...string) []string {
		t.Helper()
		got, err := s.ProgrammesNaming(ctx, orgs)
		if err != nil {
			t.Fatalf("ProgrammesNaming(%v): %v", orgs, err)
		}
		return got
	}
	var partner, party, anchored string
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			for _, a := range m.Partners {
				partner = cmp.Or(partner, a.Org)
			}
		}
	}
	for _, p := range f.Programme.Parties {
		party = cmp.Or(party, p.Org)
	}
	for _, a := range f.Plan.Anchoring {
		anchored = cmp.Or(anchored, a.Municipality)
	}
	if partner == "" || party == "" || anchored == "" {
		t.Fatalf("the test file lacks a partner (%q), party (%q) or anchoring (%q)", partner, party, anchored)
	}
	for _, org := range []string{party, partner, anchored} {
		if got := naming(org); !slices.Equal(got, []string{id}) {
			t.Errorf("programmes naming %s = %v, want [%s]", org, got, id)
		}
	}
	if got := naming("ingen-slik-organisasjon"); len(got) != 0 {
		t.Errorf("programmes naming an unknown organisation = %v, want none", got)
	}
	if got := naming(); len(got) != 0 {
		t.Errorf("programmes naming nothing = %v, want none", got)
	}
	if got := naming("ingen-slik-organisasjon", partner); !slices.Equal(got, []string{id}) {
		t.Errorf("programmes naming an unknown organisation or %s = %v, want [%s]", partner, got, id)
	}
}
