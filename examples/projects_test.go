package examples

import (
	"context"
	"testing"

	"planverk/followup"
	"planverk/store"
	"planverk/store/sqlite"
)

// The sample projects read cleanly against the stored example plans, and
// install as sample data: projects for every example programme, with
// commitments from the plans' own sources and payments, no money finding
// (paid never over committed, shares as the budgets say), and nothing
// paid in a project with no grant.
func TestSampleProjects(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Install(ctx, st); err != nil {
		t.Fatal(err)
	}
	n, err := InstallProjects(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("%d sample projects, want a realistic number", n)
	}
	for _, id := range []string{"driv", "vest-telemark"} {
		ps, total, err := st.Projects(ctx, id, store.ProjectQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if total < 5 {
			t.Errorf("%s: %d sample projects", id, total)
		}
		var committed, paid int64
		for _, p := range ps {
			if !p.Sample {
				t.Errorf("%s: %q is not marked as sample data", id, p.Title)
			}
			for _, f := range followup.CheckProject(p) {
				t.Errorf("%s: %q: finding %s %v", id, p.Title, f.Rule, f.Args)
			}
			committed += int64(p.Committed())
			paid += int64(p.Paid())
		}
		if committed == 0 || paid == 0 || paid >= committed {
			t.Errorf("%s: committed %d, paid %d: want grants partly paid", id, committed, paid)
		}
	}
	// Installing again imports the same projects again, by case
	// reference: none doubled.
	if _, err := InstallProjects(ctx, st); err != nil {
		t.Fatal(err)
	}
	_, total, _ := st.Projects(ctx, "driv", store.ProjectQuery{})
	if _, first, _ := st.Projects(ctx, "vest-telemark", store.ProjectQuery{}); total+first != n {
		t.Errorf("%d projects after installing twice, want %d", total+first, n)
	}
}
