package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/plan"
	"planverk/store"
)

// RunOrganisations runs the suite of SaveOrganisation, which keeps
// organisations outside any plan, on an engine.
func RunOrganisations(t *testing.T, newDB NewDatabase) {
	newDB = inParallel(newDB)
	o := orgSuite{newDB}
	for _, tt := range []struct {
		name string
		test func(*testing.T)
	}{
		{"New", o.testNew},
		{"Create", o.testCreate},
		{"UpdateShared", o.testUpdateShared},
		{"Members", o.testMembers},
		{"Invalid", o.testInvalid},
		{"Reopen", o.testReopen},
	} {
		t.Run(tt.name, tt.test)
	}
}

type orgSuite struct{ newDB NewDatabase }

func saveOrg(t *testing.T, s store.Store, o plan.Organisation) {
	t.Helper()
	if err := s.SaveOrganisation(context.Background(), o); err != nil {
		t.Fatalf("SaveOrganisation(%s): %v", o.ID, err)
	}
}

func getOrg(t *testing.T, s store.Store, id string) plan.Organisation {
	t.Helper()
	o, err := s.Organisation(context.Background(), id)
	if err != nil {
		t.Fatalf("Organisation(%s): %v", id, err)
	}
	return o
}

// An organisation that no plan names is stored, found and listed.
func (o orgSuite) testNew(t *testing.T) {
	s := open(t, o.newDB(t))
	want := plan.Organisation{ID: "seljord-kommune", Name: "Seljord kommune", Kind: plan.OrgMunicipality,
		Number: "964963738", MunicipalityNumber: "4022", Website: "https://www.seljord.kommune.no"}
	saveOrg(t, s, want)
	if diff := cmp.Diff(want, getOrg(t, s, want.ID), equate); diff != "" {
		t.Errorf("Organisation (-saved +loaded):\n%s", diff)
	}
	all, err := s.Organisations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != want.ID {
		t.Errorf("Organisations = %v, want the one saved", all)
	}
}

// Saving an organisation a plan carries changes the one record: the plan
// shows it as it is now, and saving the plan again keeps the change.
func (o orgSuite) testUpdateShared(t *testing.T) {
	s := open(t, o.newDB(t))
	f := RichFile()
	save(t, s, f)
	org := f.Organisations[0]
	org.Name += " (ny)"
	org.Website = "https://example.no"
	saveOrg(t, s, org)

	got, _ := load(t, s, f.Programme.ID, f.Plan.Year)
	if diff := cmp.Diff(org, got.Organisations[0], equate); diff != "" {
		t.Errorf("organisation in the plan (-saved +loaded):\n%s", diff)
	}
	if _, err := s.SavePlan(context.Background(), got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(org, getOrg(t, s, org.ID), equate); diff != "" {
		t.Errorf("after the plan was saved again (-saved +loaded):\n%s", diff)
	}
	// Neither saving the organisation nor saving the plan as it already
	// was makes a new plan version.
	if plans, err := s.Plans(context.Background(), f.Programme.ID); err != nil || len(plans) != 1 || plans[0].Version != 1 {
		t.Errorf("Plans = %v, %v: saving an organisation, and the plan unchanged, must add no plan version", plans, err)
	}
}

// Members are replaced; an unknown member is refused and changes nothing.
func (o orgSuite) testMembers(t *testing.T) {
	s := open(t, o.newDB(t))
	saveOrg(t, s, plan.Organisation{ID: "a", Name: "A"})
	saveOrg(t, s, plan.Organisation{ID: "b", Name: "B"})
	group := plan.Organisation{ID: "ab", Name: "A og B", Kind: plan.OrgGroup, Members: []string{"b", "a"}}
	saveOrg(t, s, group)
	if diff := cmp.Diff(group, getOrg(t, s, "ab"), equate); diff != "" {
		t.Errorf("group (-saved +loaded):\n%s", diff)
	}

	bad := group
	bad.Name = "Changed"
	bad.Members = []string{"a", "nobody"}
	err := s.SaveOrganisation(context.Background(), bad)
	wantCode(t, "unknown member", err, plan.EInvalid)
	if diff := cmp.Diff(group, getOrg(t, s, "ab"), equate); diff != "" {
		t.Errorf("group after a refused save (-before +after):\n%s", diff)
	}

	group.Members = nil
	saveOrg(t, s, group)
	if got := getOrg(t, s, "ab"); len(got.Members) != 0 {
		t.Errorf("members = %v, want none", got.Members)
	}
}

func (o orgSuite) testInvalid(t *testing.T) {
	s := open(t, o.newDB(t))
	wantCode(t, "no id", s.SaveOrganisation(context.Background(), plan.Organisation{Name: "Nameless"}), plan.EInvalid)
}

// What is saved is there after the database is opened again.
func (o orgSuite) testReopen(t *testing.T) {
	opener := o.newDB(t)
	want := plan.Organisation{ID: "x", Name: "X", Kind: plan.OrgBusiness}
	s, err := opener(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	saveOrg(t, s, want)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, opener)
	if diff := cmp.Diff(want, getOrg(t, s, "x"), equate); diff != "" {
		t.Errorf("after reopening (-saved +loaded):\n%s", diff)
	}
}

// CreateOrganisation adds an organisation once: ten copies creating the same
// id at once make one, the other nine are told it is taken, and the stored
// organisation is left as the first made it.
func (o orgSuite) testCreate(t *testing.T) {
	s := open(t, o.newDB(t))
	ctx := context.Background()
	org := plan.Organisation{ID: "nissedal-kommune", Name: "Nissedal kommune", Kind: plan.OrgMunicipality}
	errs := make([]error, 10)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			try := org
			if i > 0 {
				try.Name = "Nissedal"
			}
			errs[i] = s.CreateOrganisation(ctx, try)
		})
	}
	wg.Wait()
	made := 0
	for _, err := range errs {
		switch plan.ErrorCode(err) {
		case "":
			made++
		case plan.EConflict:
		default:
			t.Errorf("CreateOrganisation: %v, want nil or a conflict", err)
		}
	}
	if made != 1 {
		t.Errorf("%d of ten creates of one id succeeded, want 1", made)
	}
	got := getOrg(t, s, org.ID)
	winner := errs[0] == nil
	if want := map[bool]string{true: "Nissedal kommune", false: "Nissedal"}[winner]; got.Name != want {
		t.Errorf("stored name %q, want %q (the successful create's)", got.Name, want)
	}
	err := s.CreateOrganisation(ctx, plan.Organisation{ID: "", Name: "Utan id"})
	wantCode(t, "an organisation without an id", err, plan.EInvalid)
}
