package web

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"planverk/auth"
	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// The overview reads kept summaries, and every write shows on it at once:
// a payment saved through the store or the form, a report accepted, a plan
// edited. What a member sees (ideas, drafts) never reaches a visitor, even
// when the member's summary was kept first.
func TestOverviewKeepsUpWithWrites(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			ed := fx.user("redaktor@example.no", "", false, "driv", auth.RoleEditor)
			fx.user("utanfor@example.no", "", false, "vest-telemark", auth.RoleEditor)
			granted, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "driv", Title: "Reiseliv i Drangedal",
				Status: followup.StatusUnderway, Goal: 1, Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen",
					Decided: day(t, "2025-03-10"), Payments: []followup.Payment{{Date: *day(t, "2025-06-01"), Amount: 100000}}}}},
				store.Edit{Author: ed.ID})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "driv", Title: "Ein idé", Status: followup.StatusIdea,
				Goal: 1, Commitments: []followup.Commitment{{Amount: 40000, Source: "fylkeskommunen", Decided: day(t, "2025-04-01")}}},
				store.Edit{Author: ed.ID}); err != nil {
				t.Fatal(err)
			}
			rowOf := func(c *client) string {
				t.Helper()
				_, page := c.get("/overview")
				m := regexp.MustCompile(`(?s)<tr>\s*<th scope="row"><a href="/programmes/driv/dashboard"[^>]*>[^<]*</a></th>(.*?)</tr>`).FindStringSubmatch(page)
				if m == nil {
					t.Fatalf("the overview lacks Driv:\n%s", page)
				}
				return m[1]
			}
			visitor, outsider, member := fx.anonymous().in("en"), fx.login("utanfor@example.no").in("en"), fx.login("redaktor@example.no").in("en")
			cells := regexp.MustCompile(`<td class="num">([^<]*)</td><td class="num">([^<]*)</td>`)
			money := func(row string) (string, string) {
				m := cells.FindStringSubmatch(row)
				if m == nil {
					return "", ""
				}
				return m[1], m[2]
			}
			check := func(what string, c *client, committed, paid string) string {
				t.Helper()
				row := rowOf(c)
				if gotC, gotP := money(row); gotC != moneyNB(committed) || gotP != moneyNB(paid) {
					t.Errorf("%s: committed %q and paid %q, want %s and %s: %s", what, gotC, gotP, committed, paid, row)
				}
				return row
			}

			// The member's summary is kept first; the visitor's and the
			// outsider's rows are still of public projects only.
			check("a member", member, "190 000", "100 000")
			first := check("a visitor", visitor, "150 000", "100 000")
			check("a member of another programme", outsider, "150 000", "100 000")
			if again := check("a visitor again", visitor, "150 000", "100 000"); again != first {
				t.Errorf("the row from the kept summary differs from the one computed:\n%s\n%s", first, again)
			}

			// A payment through the store.
			granted.Commitments[0].Payments = append(granted.Commitments[0].Payments, followup.Payment{Date: *day(t, "2025-08-01"), Amount: 20000})
			if granted, err = fx.store.SaveProject(ctx, granted, store.Edit{Author: ed.ID}); err != nil {
				t.Fatal(err)
			}
			check("a visitor after a payment saved", visitor, "150 000", "120 000")
			check("a member after a payment saved", member, "190 000", "120 000")

			// A payment through the form.
			pay := "/programmes/driv/projects/" + strconv.FormatInt(granted.ID, 10) + "/commitments/" + strconv.FormatInt(granted.Commitments[0].ID, 10) + "/payments/new"
			_, page := member.get(pay)
			form := formAt(t, page, pay)
			form.Set("date", "01.10.2025")
			form.Set("amount", "30 000")
			if resp, body := member.postFollow(pay, form); resp.StatusCode != http.StatusOK {
				t.Fatalf("the payment form: %d %.500s", resp.StatusCode, cellText(body))
			}
			check("a visitor after a payment registered", visitor, "150 000", "150 000")

			// A report accepted counts its jobs against the year's target.
			if strings.Contains(rowOf(visitor), "7 of 31") {
				t.Fatal("jobs counted before any report")
			}
			if _, err := fx.store.AddReports(ctx, "driv", []followup.Report{{ProgrammeID: "driv", ProjectID: granted.ID,
				Kind: followup.ReportInterim, From: *day(t, "2025-01-01"), To: *day(t, "2025-06-30"), Progress: followup.ProgressOnTrack,
				JobsCreated: 7, State: followup.ReportAccepted}}, store.Edit{Author: ed.ID}); err != nil {
				t.Fatal(err)
			}
			if row := rowOf(visitor); !strings.Contains(row, "7 of 31") {
				t.Errorf("a visitor's row lacks the accepted report's jobs: %s", row)
			}

			// A target added to the draft is the members' alone.
			if _, err := fx.store.EditPlan(ctx, "driv", 2025, store.Edit{Author: ed.ID, Summary: "target"}, func(f *plan.File) error {
				f.Plan.Targets = append(f.Plan.Targets, plan.Target{Kind: plan.TargetJobs, Value: 44, Year: 2025})
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if row := rowOf(member); !strings.Contains(row, "44 jobs, 2025") {
				t.Errorf("a member's row lacks the draft's new target: %s", row)
			}
			for _, c := range []*client{visitor, outsider} {
				if row := rowOf(c); strings.Contains(row, "44 jobs") || strings.Contains(row, moneyNB("190 000")) {
					t.Errorf("a visitor's row shows what only members see: %s", row)
				}
			}
		})
	}
}

// programmeReads counts the store's reads of one programme's plans and
// projects: what a row of the overview costs where its summary is stale.
type programmeReads struct {
	store.Store
	mu    sync.Mutex
	reads map[string]int
}

func (c *programmeReads) count(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads[id]++
}

func (c *programmeReads) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.reads
	c.reads = map[string]int{}
	return r
}

func (c *programmeReads) Plans(ctx context.Context, id string) ([]store.PlanVersion, error) {
	c.count(id)
	return c.Store.Plans(ctx, id)
}

func (c *programmeReads) Projects(ctx context.Context, id string, q store.ProjectQuery) ([]followup.Project, int, error) {
	c.count(id)
	return c.Store.Projects(ctx, id, q)
}

func (c *programmeReads) AcceptedReports(ctx context.Context, ids []string) (map[string]store.ReportSet, error) {
	for _, id := range ids {
		c.count(id)
	}
	return c.Store.AcceptedReports(ctx, ids)
}

// Writes keeps the release cache working through the count.
func (c *programmeReads) Writes() uint64 { return c.Store.(store.WriteCounter).Writes() }

// A page of the overview whose summaries are kept reads no programme's
// plans or projects, however many programmes it lists; after a write, only
// the programme written to is read again, and only for the audience that
// asks.
func TestOverviewReadsOnlyStaleProgrammes(t *testing.T) {
	fx := newFixture(t, "sqlite")
	counted := &programmeReads{Store: fx.app.store, reads: map[string]int{}}
	fx.app.store = counted
	visitor, member := fx.anonymous().in("en"), fx.login(fx.user("lesar@example.no", "", false, "driv", auth.RoleReader).Email).in("en")
	visitor.get("/overview")
	if got := counted.take(); got["driv"] == 0 || got["vest-telemark"] == 0 {
		t.Fatalf("the first overview did not compute its rows: %v", got)
	}
	for _, c := range []*client{visitor, member} {
		c.get("/overview")
	}
	// A reader of Driv sees Vest-Telemark as everyone does: that summary is kept.
	if got := counted.take(); got["vest-telemark"] != 0 || got["driv"] == 0 {
		t.Errorf("the members' summary of Driv was not computed, or everyone's read again: %v", got)
	}
	for _, c := range []*client{visitor, member, visitor} {
		c.get("/overview")
	}
	if got := counted.take(); len(got) != 0 {
		t.Errorf("pages with every summary kept read programmes: %v", got)
	}
	if _, err := fx.store.SaveProject(context.Background(), followup.Project{ProgrammeID: "driv", Title: "Nytt",
		Status: followup.StatusIdea}, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	visitor.get("/overview")
	visitor.get("/overview")
	if got := counted.take(); len(got) != 1 || got["driv"] == 0 {
		t.Errorf("after a write to Driv, the visitor's overviews read: %v", got)
	}
}
