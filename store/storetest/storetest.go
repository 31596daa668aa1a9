// Package storetest is the test suite every store engine must pass: the
// same tests, run by store/sqlite and store/postgres on a database of their
// own, so that a plan saved on one engine comes back the same as on the other.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"planverk/examples"
	"planverk/plan"
	"planverk/store"
	"planverk/store/testdb"
)

// equate treats nil and empty slices and maps as the same: the plan file
// writes neither.
var equate = cmpopts.EquateEmpty()

// NewDatabase makes an empty database for one test and returns how to open
// it; each call of the Opener opens the same database anew. The database
// may have its schema already (a copy of a migrated template), but no data.
type NewDatabase func(t *testing.T) Opener

// inParallel makes every test of the suite that asks for a database run in
// parallel with the others: each has a database of its own.
func inParallel(newDB NewDatabase) NewDatabase {
	return func(t *testing.T) Opener {
		testdb.Parallel(t)
		return newDB(t)
	}
}

// Opener opens one test's database.
type Opener func(ctx context.Context) (store.Store, error)

// Run runs the suite on an engine.
func Run(t *testing.T, newDB NewDatabase) {
	newDB = inParallel(newDB)
	e := engine{newDB}
	for _, tt := range []struct {
		name string
		test func(*testing.T)
	}{
		{"RoundTrip", e.testRoundTrip},
		{"Versions", e.testVersions},
		{"VersionForms", e.testVersionForms},
		{"NotFound", e.testNotFound},
		{"Invalid", e.testInvalid},
		{"Reopen", e.testReopen},
		{"SharedRecords", e.testSharedRecords},
		{"Concurrent", e.testConcurrent},
		{"EditorsOfOnePlan", e.testEditorsOfOnePlan},
		{"Unchanged", e.testUnchanged},
		{"Examples", e.testExamples},
		{"Comments", e.testComments},
		{"SchemeUses", e.testSchemeUses},
		{"ProgrammesNaming", e.testProgrammesNaming},
		{"Directory", e.testDirectory},
		{"OrganisationUses", e.testOrganisationUses},
		{"HistoryPages", e.testHistoryPages},
		{"MeasureIdentity", e.testMeasureIdentity},
		{"Cycle", e.testCycle},
		{"PublishReleases", e.testBackfillReleases},
		{"Evaluation", e.testEvaluation},
		{"Projects", e.testProjects},
		{"Reports", e.testReports},
		{"AddReports", e.testAddReports},
		{"ProjectImport", e.testProjectImport},
		{"ReportImport", e.testReportImport},
		{"Communication", e.testCommunication},
		{"Capacity", e.testCapacity},
		{"Assessment", e.testAssessment},
		{"Settings", e.testSettings},
		{"Summaries", e.testSummaries},
		{"Accounts", func(t *testing.T) { RunAccounts(t, newDB) }},
		{"Organisations", func(t *testing.T) { RunOrganisations(t, newDB) }},
		{"Create", func(t *testing.T) { RunCreate(t, newDB) }},
		{"Catalogue", func(t *testing.T) { RunCatalogue(t, newDB) }},
	} {
		t.Run(tt.name, tt.test)
	}
}

type engine struct{ newDB NewDatabase }

// open opens a database and closes it when the test ends.
func open(t *testing.T, o Opener) store.Store {
	t.Helper()
	s, err := o(context.Background())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openTest opens a new, empty database.
func (e engine) openTest(t *testing.T) store.Store {
	t.Helper()
	return open(t, e.newDB(t))
}

func save(t *testing.T, s store.Store, f *plan.File) store.PlanVersion {
	t.Helper()
	v, err := s.SavePlan(context.Background(), f)
	if err != nil {
		t.Fatalf("SavePlan: %v", err)
	}
	return v
}

func load(t *testing.T, s store.Store, programme string, year int) (*plan.File, store.PlanVersion) {
	t.Helper()
	f, v, err := s.LoadPlan(context.Background(), programme, year)
	if err != nil {
		t.Fatalf("LoadPlan(%s, %d): %v", programme, year, err)
	}
	return f, v
}

func (e engine) testRoundTrip(t *testing.T) {
	emptyChecks := RichFile()
	emptyChecks.Plan.Checks = &plan.Checks{}
	noChecks := RichFile()
	noChecks.Plan.Checks = nil
	noChecks.Programme.Capacity = nil
	noChecks.Programme.Signed = nil
	minimal := &plan.File{
		Format:    plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2025, To: 2025}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal},
	}
	tests := []struct {
		name string
		f    *plan.File
	}{
		{"rich", RichFile()},
		{"empty checks", emptyChecks},
		{"no checks or capacity", noChecks},
		{"minimal", minimal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := e.openTest(t)
			before := time.Now()
			v := save(t, s, tt.f)
			got, lv := load(t, s, tt.f.Programme.ID, tt.f.Plan.Year)
			if diff := cmp.Diff(tt.f, got, equate); diff != "" {
				t.Errorf("loaded file differs from saved (-saved +loaded):\n%s", diff)
			}
			if diff := cmp.Diff(v, lv); diff != "" {
				t.Errorf("LoadPlan's version differs from SavePlan's (-saved +loaded):\n%s", diff)
			}
			want := store.PlanVersion{ProgrammeID: tt.f.Programme.ID, Year: tt.f.Plan.Year, Version: 1,
				Title: tt.f.Plan.Title, Status: tt.f.Plan.Status, Language: tt.f.Plan.Language}
			if diff := cmp.Diff(want, v, cmpopts.IgnoreFields(store.PlanVersion{}, "SavedAt")); diff != "" {
				t.Errorf("SavePlan version (-want +got):\n%s", diff)
			}
			if v.SavedAt.Before(before.Add(-time.Second)) || v.SavedAt.After(time.Now().Add(time.Second)) {
				t.Errorf("SavedAt = %v, want about now", v.SavedAt)
			}
		})
	}
}

func (e engine) testVersions(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	first := RichFile()
	v1 := save(t, s, first)

	second := RichFile()
	second.Plan.Title = "Handlingsplan 2025, revidert"
	second.Plan.Status = plan.StatusDraft
	second.Plan.Goals[1].Measures = second.Plan.Goals[1].Measures[:1]
	second.Plan.Financing[0].Rows[0].Cells[1].Amount = amt(250_000)
	second.Plan.SpecialEfforts = nil
	v2 := save(t, s, second)
	if v1.Version != 1 || v2.Version != 2 {
		t.Fatalf("versions = %d, %d, want 1, 2", v1.Version, v2.Version)
	}

	got, v := load(t, s, "vt-bygdevekst", 2025)
	if v.Version != 2 || v.Title != second.Plan.Title || v.Status != plan.StatusDraft {
		t.Errorf("LoadPlan version = %+v, want version 2 as saved", v)
	}
	if diff := cmp.Diff(second, got, equate); diff != "" {
		t.Errorf("latest version differs (-saved +loaded):\n%s", diff)
	}
	got, v, err := s.LoadPlanVersion(ctx, "vt-bygdevekst", 2025, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(v1, v); diff != "" {
		t.Errorf("version 1 (-saved +loaded):\n%s", diff)
	}
	if diff := cmp.Diff(first, got, equate); diff != "" {
		t.Errorf("version 1 changed by saving version 2 (-saved +loaded):\n%s", diff)
	}

	// Another year counts its versions from 1.
	next := RichFile()
	next.Plan.Year = 2026
	next.Plan.Title = "Handlingsplan 2026"
	if v := save(t, s, next); v.Version != 1 {
		t.Errorf("first plan for 2026 is version %d, want 1", v.Version)
	}
	plans, err := s.Plans(ctx, "vt-bygdevekst")
	if err != nil {
		t.Fatal(err)
	}
	var got2 []string
	for _, p := range plans {
		got2 = append(got2, p.Title)
		if p.ProgrammeID != "vt-bygdevekst" || p.SavedAt.IsZero() {
			t.Errorf("Plans: %+v lacks programme or time", p)
		}
	}
	if want := []string{"Handlingsplan 2026", "Handlingsplan 2025, revidert"}; !cmp.Equal(want, got2) {
		t.Errorf("Plans titles = %q, want %q (latest version of each year, newest year first)", got2, want)
	}
	if plans[1].Version != 2 || plans[1].Year != 2025 {
		t.Errorf("Plans[1] = %+v, want 2025 version 2", plans[1])
	}
}

func (e engine) testNotFound(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	save(t, s, RichFile())
	errs := map[string]error{}
	_, _, errs["unknown programme"] = s.LoadPlan(ctx, "nope", 2025)
	_, _, errs["unknown year"] = s.LoadPlan(ctx, "vt-bygdevekst", 2024)
	_, _, errs["unknown version"] = s.LoadPlanVersion(ctx, "vt-bygdevekst", 2025, 2)
	_, _, errs["version 0"] = s.LoadPlanVersion(ctx, "vt-bygdevekst", 2025, 0)
	_, _, errs["version of unknown programme"] = s.LoadPlanVersion(ctx, "nope", 2025, 1)
	_, errs["plans of unknown programme"] = s.Plans(ctx, "nope")
	_, errs["unknown organisation"] = s.Organisation(ctx, "nope")
	for name, err := range errs {
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		var pe *plan.Error
		if !errors.As(err, &pe) || pe.Code != plan.ENotFound {
			t.Errorf("%s: error %v has code %q, want %q", name, err, plan.ErrorCode(err), plan.ENotFound)
		}
	}
}

func (e engine) testInvalid(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		change func(f *plan.File)
	}{
		{"no programme id", func(f *plan.File) { f.Programme.ID = "" }},
		{"organisation without id", func(f *plan.File) { f.Organisations[2].ID = "" }},
		{"organisation twice", func(f *plan.File) { f.Organisations = append(f.Organisations, f.Organisations[0]) }},
		{"unknown organisation", func(f *plan.File) { f.Plan.Goals[1].Measures[0].Partners[0].Org = "ukjend" }},
		{"unknown member", func(f *plan.File) { f.Organisations[0].Members[1] = "ukjend" }},
		{"goal number twice", func(f *plan.File) { f.Plan.Goals[1].Number = 2 }},
		{"measure number twice", func(f *plan.File) { f.Plan.Goals[1].Measures[1].Number = 2 }},
		{"unknown goal", func(f *plan.File) { f.Plan.Budgets[0].Lines[0].Goal = 9 }},
		{"unknown source", func(f *plan.File) { f.Plan.Financing[0].Rows[0].Cells[0].Source = "ukjend" }},
		{"unknown budget", func(f *plan.File) { f.Plan.Financing[0].Budget = "ukjend" }},
		{"unknown line", func(f *plan.File) { f.Plan.Financing[0].Rows[0].Line = "ukjend" }},
		{"line without budget", func(f *plan.File) { f.Plan.Financing[1].Rows[0].Line = "bustad" }},
		{"budget year twice", func(f *plan.File) { f.Plan.Budgets[0].Years = []int{2025, 2025} }},
		{"budget line twice", func(f *plan.File) { f.Plan.Budgets[0].Lines[1].ID = "bustad" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := e.openTest(t)
			f := RichFile()
			tt.change(f)
			_, err := s.SavePlan(ctx, f)
			var pe *plan.Error
			if !errors.As(err, &pe) || pe.Code != plan.EInvalid {
				t.Fatalf("SavePlan error %v has code %q, want %q", err, plan.ErrorCode(err), plan.EInvalid)
			}
			// The transaction is all or nothing: nothing of the file is left.
			ps, err := s.Programmes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			orgs, err := s.Organisations(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) > 0 || len(orgs) > 0 {
				t.Errorf("a refused save left %d programmes and %d organisations", len(ps), len(orgs))
			}
		})
	}
	s := e.openTest(t)
	if _, err := s.SavePlan(ctx, nil); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("SavePlan(nil) error %v, want code %q", err, plan.EInvalid)
	}
}

func (e engine) testReopen(t *testing.T) {
	opener := e.newDB(t)
	s, err := opener(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	v := save(t, s, RichFile())
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	// Opening again runs the migrations again: they must find nothing to do.
	s = open(t, opener)
	got, lv := load(t, s, "vt-bygdevekst", 2025)
	if diff := cmp.Diff(RichFile(), got, equate); diff != "" {
		t.Errorf("file after reopening (-saved +loaded):\n%s", diff)
	}
	if diff := cmp.Diff(v, lv); diff != "" {
		t.Errorf("version after reopening (-saved +loaded):\n%s", diff)
	}
	next := RichFile()
	next.Plan.Subtitle = "etter ny opning"
	if v := save(t, s, next); v.Version != 2 {
		t.Errorf("save after reopening gave version %d, want 2", v.Version)
	}
}

// testSharedRecords saves two programmes that share organisations: the
// organisation is one record, updated by the later file, and a file may name
// an organisation stored by another without carrying it.
func (e engine) testSharedRecords(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	save(t, s, RichFile())

	other := &plan.File{
		Format: plan.FormatVersion,
		Organisations: []plan.Organisation{
			{ID: "husbanken", Name: "Husbanken", Kind: plan.OrgStateAgency, Website: "https://husbanken.no"},
			{ID: "drangedal-kommune", Name: "Drangedal kommune", Kind: plan.OrgMunicipality},
		},
		Programme: plan.Programme{ID: "driv", Kind: plan.KindRestructuring, Name: "Driv", Period: plan.Period{From: 2022, To: 2027},
			Parties: []plan.Party{{Org: "drangedal-kommune", Role: plan.RoleOwner}, {Org: "kdd", Role: plan.RoleFunder}}},
		Plan: plan.Plan{Year: 2025, Title: "Handlingsplan 2025", Language: plan.Bokmal,
			Sources: []plan.FundingSource{{ID: "kdd", Name: "KDD", Org: "kdd"}}},
	}
	save(t, s, other)

	got, _ := load(t, s, "driv", 2025)
	if diff := cmp.Diff(other, got, equate); diff != "" {
		t.Errorf("second programme (-saved +loaded):\n%s", diff)
	}
	first, _ := load(t, s, "vt-bygdevekst", 2025)
	for _, o := range first.Organisations {
		if o.ID == "husbanken" && o.Website != "https://husbanken.no" {
			t.Errorf("husbanken in the first plan = %+v, want the record as updated by the second", o)
		}
	}

	ps, err := s.Programmes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].ID != "vt-bygdevekst" || ps[1].ID != "driv" {
		t.Fatalf("Programmes = %v, want vt-bygdevekst then driv (by name)", ps)
	}
	if diff := cmp.Diff(RichFile().Programme, ps[0], equate); diff != "" {
		t.Errorf("Programmes[0] (-saved +listed):\n%s", diff)
	}
	orgs, err := s.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 7 || orgs[0].ID != "drangedal-kommune" {
		t.Errorf("Organisations = %v, want 7 by name from Drangedal", orgs)
	}
	vt, err := s.Organisation(ctx, "vest-telemark")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(RichFile().Organisations[0], vt, equate); diff != "" {
		t.Errorf("Organisation (-saved +loaded):\n%s", diff)
	}

	// Saving the programme again replaces its parts rather than adding to them.
	changed := RichFile()
	changed.Programme.Parties = changed.Programme.Parties[:1]
	changed.Programme.Capacity.Dimensions = nil
	save(t, s, changed)
	got, _ = load(t, s, "vt-bygdevekst", 2025)
	if diff := cmp.Diff(changed.Programme, got.Programme, equate); diff != "" {
		t.Errorf("programme after saving it changed (-saved +loaded):\n%s", diff)
	}
}

// testUnchanged saves a file identical to the latest version, which makes
// no version and says so; the example plans too, read from their files as
// an import reads them.
func (e engine) testUnchanged(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	v1 := save(t, s, RichFile())
	again, err := s.SavePlan(ctx, RichFile())
	if err != nil {
		t.Fatal(err)
	}
	if !again.Unchanged || again.Version != v1.Version {
		t.Errorf("saving the same file again = %+v, want version %d unchanged", again, v1.Version)
	}
	changed := RichFile()
	changed.Organisations[0].Name += " (ny)"
	if v := save(t, s, changed); v.Unchanged || v.Version != 2 {
		t.Errorf("a file whose organisation changed = %+v, want version 2", v)
	}
	files, err := examples.Load()
	if err != nil {
		t.Fatal(err)
	}
	again2, err := examples.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		first := save(t, s, f)
		second := save(t, s, again2[i])
		if !second.Unchanged || second.Version != first.Version {
			t.Errorf("%s: the same file saved again = %+v, want version %d unchanged", f.Programme.ID, second, first.Version)
		}
	}
}

// testConcurrent reads while writing, for the race detector and for the
// split between the writer and the readers.
func (e engine) testConcurrent(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	save(t, s, RichFile())
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 4 {
		wg.Go(func() {
			for i := range 5 {
				// Each save says something new, or it would make no
				// version: twenty saves must make twenty versions, none lost.
				f := RichFile()
				f.Plan.Subtitle = fmt.Sprintf("save %d.%d", w, i)
				if _, err := s.SavePlan(ctx, f); err != nil {
					errs <- err
				}
			}
		})
		wg.Go(func() {
			for range 5 {
				f, _, err := s.LoadPlan(ctx, "vt-bygdevekst", 2025)
				if err != nil {
					errs <- err
					continue
				}
				want := RichFile()
				if strings.HasPrefix(f.Plan.Subtitle, "save ") {
					want.Plan.Subtitle = f.Plan.Subtitle
				}
				if diff := cmp.Diff(want, f, equate); diff != "" {
					errs <- errors.New(diff)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	plans, err := s.Plans(ctx, "vt-bygdevekst")
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 || plans[0].Version != 21 {
		t.Errorf("Plans = %+v, want one plan at version 21", plans)
	}
}

// testExamples round-trips the example plans.
func (e engine) testExamples(t *testing.T) {
	files, err := examples.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(f.Programme.ID, func(t *testing.T) {
			s := e.openTest(t)
			save(t, s, f)
			got, _ := load(t, s, f.Programme.ID, f.Plan.Year)
			if diff := cmp.Diff(f, got, equate); diff != "" {
				t.Errorf("loaded file differs from the example (-file +loaded):\n%s", diff)
			}
		})
	}
}
