package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"planverk/auth"
	"planverk/plan"
)

// The tests of programmes, organisations and users. Their browsers ask
// for English, and the messages they look for are in it.

// programme returns a stored programme.
func (fx *fixture) programme(id string) plan.Programme {
	fx.t.Helper()
	ps, err := fx.store.Programmes(context.Background())
	if err != nil {
		fx.t.Fatal(err)
	}
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	fx.t.Fatalf("no programme %s", id)
	return plan.Programme{}
}

// The programme's admin changes its name: the programme page shows the
// new name, and nothing else of the programme changed.
func TestProgrammeEditByAdmin(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	before := fx.programme("vest-telemark")
	b := fx.login("admin@vt.no").in("en")

	_, page := b.get("/programmes/vest-telemark")
	if !strings.Contains(page, `href="/programmes/vest-telemark/edit"`) || !strings.Contains(page, `href="/programmes/vest-telemark/members"`) {
		t.Errorf("the programme page offers its admin no edit and members links")
	}
	resp, page := b.get("/programmes/vest-telemark/edit")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("edit form: status %d", resp.StatusCode)
	}
	form := editForm(page)
	form.Set("name", "Bygdevekstavtalen for Vest-Telemark")
	resp, page = b.post("/programmes/vest-telemark/edit", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d\n%s", resp.StatusCode, page)
	}
	_, page = b.get("/programmes/vest-telemark")
	if !strings.Contains(page, "<h1>Bygdevekstavtalen for Vest-Telemark</h1>") {
		t.Errorf("the programme page does not show the new name")
	}
	want := before
	want.Name = "Bygdevekstavtalen for Vest-Telemark"
	if diff := cmp.Diff(want, fx.programme("vest-telemark"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("programme after the save (-want +got):\n%s", diff)
	}

	// Saving the form again changes nothing more: the same submission.
	if resp, _ := b.post("/programmes/vest-telemark/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the same form again: status %d, want 303", resp.StatusCode)
	}
	plans, _ := fx.store.Plans(context.Background(), "vest-telemark")
	if plans[0].Version != 2 {
		t.Errorf("plan version %d after one save sent twice, want 2", plans[0].Version)
	}
}

// Adding a municipality and a party that the plan did not carry adds their
// records to the plan, so that the plan's checks find them.
func TestProgrammeEditAddsOrganisations(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@driv.no", "", false, "driv", auth.RoleAdmin)
	b := fx.login("admin@driv.no").in("en")
	_, page := b.get("/programmes/driv/edit")
	form := editForm(page)
	form.Add("municipalities", "tokke-kommune")
	n, _ := strconv.Atoi(form.Get("parties"))
	form.Set("party-"+strconv.Itoa(n)+"-org", "husbanken")
	form.Set("party-"+strconv.Itoa(n)+"-role", "partner")
	if resp, page := b.post("/programmes/driv/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d\n%s", resp.StatusCode, page)
	}
	f, _, err := fx.store.LoadPlan(context.Background(), "driv", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Programme.Municipalities; got[len(got)-1] != "tokke-kommune" {
		t.Errorf("municipalities = %v", got)
	}
	if got := f.Programme.Parties[len(f.Programme.Parties)-1]; got != (plan.Party{Org: "husbanken", Role: plan.RolePartner}) {
		t.Errorf("last party = %+v", got)
	}
	for _, fd := range plan.Check(f) {
		if fd.Rule == "reference" {
			t.Errorf("finding after the edit: %s %s %v", fd.Path, fd.Message, fd.Args)
		}
	}
}

// An editor of the programme, and the admin of another programme, may not
// edit it.
func TestProgrammeEditDenied(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("editor@vt.no", "", false, "vest-telemark", auth.RoleEditor)
	fx.user("admin@driv.no", "", false, "driv", auth.RoleAdmin)
	fx.user("admin@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	_, page := fx.login("admin@vt.no").in("en").get("/programmes/vest-telemark/edit")
	form := editForm(page)
	form.Set("name", "Taken over")
	for _, who := range []string{"editor@vt.no", "admin@driv.no"} {
		b := fx.login(who).in("en")
		if resp, _ := b.get("/programmes/vest-telemark/edit"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: GET edit status %d, want 403", who, resp.StatusCode)
		}
		if resp, _ := b.post("/programmes/vest-telemark/edit", form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: POST edit status %d, want 403", who, resp.StatusCode)
		}
		if _, page := b.get("/programmes/vest-telemark"); strings.Contains(page, "/programmes/vest-telemark/edit") {
			t.Errorf("%s: the programme page offers an edit link", who)
		}
	}
	if got := fx.programme("vest-telemark").Name; got == "Taken over" {
		t.Errorf("the programme was renamed by someone who may not")
	}
}

// Two admins edit the programme at once: the second save is refused with
// 409, keeps what they typed and says what the first one changed.
func TestProgrammeEditStale(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("one@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	fx.user("two@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	one, two := fx.login("one@vt.no").in("en"), fx.login("two@vt.no").in("en")
	_, p1 := one.get("/programmes/vest-telemark/edit")
	_, p2 := two.get("/programmes/vest-telemark/edit")
	f1, f2 := editForm(p1), editForm(p2)
	f1.Set("short_name", "VT")
	if resp, _ := one.post("/programmes/vest-telemark/edit", f1); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: status %d", resp.StatusCode)
	}
	f2.Set("name", "Typed by two")
	resp, page := two.post("/programmes/vest-telemark/edit", f2)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("second save: status %d, want 409", resp.StatusCode)
	}
	if !strings.Contains(page, `value="Typed by two"`) || !strings.Contains(page, "Programme: Short name: <del><span class=\"visually-hidden\">before: </span><span lang=\"nn\">Vest-Telemark</span></del> → <ins><span class=\"visually-hidden\">after: </span><span lang=\"nn\">VT</span></ins>") {
		t.Errorf("the conflict page lacks what was typed or what changed:\n%s", changesList(page))
	}
	if got := fx.programme("vest-telemark"); got.Name == "Typed by two" || got.ShortName != "VT" {
		t.Errorf("programme = %q / %q", got.Name, got.ShortName)
	}
	// Saving again, knowingly, goes through.
	if resp, _ := two.post("/programmes/vest-telemark/edit", editForm(page)); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("save after the conflict: status %d", resp.StatusCode)
	}
}

// A system administrator starts a programme: it is theirs to administer,
// shown to them and not to anonymous visitors, and its empty plan passes
// every check. The same form again goes to it; another programme's id is
// an error beside the field.
func TestProgrammeNew(t *testing.T) {
	fx := newFixture(t, "sqlite")
	sys := fx.user("sys@planverk.no", "", true, "", "")
	b := fx.login("sys@planverk.no").in("en")
	if _, page := b.get("/"); !strings.Contains(page, `href="/programmes/new"`) {
		t.Errorf("the home page offers a system administrator no new-programme link")
	}
	resp, newPage := b.get("/programmes/new")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("new form: status %d", resp.StatusCode)
	}
	form := url.Values{"id": {"midt-telemark"}, "name": {"Omstilling Midt-Telemark"}, "kind": {"restructuring-programme"},
		"period_from": {"2026"}, "period_to": {"2031"}, "year": {"2026"}, "title": {"Handlingsplan 2026"}, "language": {"nn"},
		"submission": {editForm(newPage).Get("submission")}}
	if form.Get("submission") == "" {
		t.Fatal("the new-programme form has no submission key")
	}
	resp, page := b.post("/programmes/new", form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/programmes/midt-telemark" {
		t.Fatalf("create: status %d, location %q\n%s", resp.StatusCode, resp.Header.Get("Location"), page)
	}
	if _, page := b.get("/"); !strings.Contains(page, "Omstilling Midt-Telemark") {
		t.Errorf("the creator's home page does not list the new programme")
	}
	if _, page := fx.anonymous().in("en").get("/"); strings.Contains(page, "Omstilling Midt-Telemark") {
		t.Errorf("an anonymous visitor sees the unpublished programme")
	}
	roles, err := fx.store.Roles(context.Background(), sys.ID)
	if err != nil || roles["midt-telemark"] != auth.RoleAdmin {
		t.Errorf("creator's roles = %v, %v; want admin of midt-telemark", roles, err)
	}
	f, v, err := fx.store.LoadPlan(context.Background(), "midt-telemark", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if v.Published || f.Plan.Language != plan.Nynorsk || f.Plan.Status != plan.StatusDraft {
		t.Errorf("plan = %+v, published %v", f.Plan, v.Published)
	}
	if findings := plan.Check(f); len(findings) != 0 {
		t.Errorf("the new plan has findings: %+v", findings)
	}

	// The same form again: to the programme, and no second version.
	resp, _ = b.post("/programmes/new", form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/programmes/midt-telemark" {
		t.Errorf("the same form again: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if plans, _ := fx.store.Plans(context.Background(), "midt-telemark"); len(plans) != 1 || plans[0].Version != 1 {
		t.Errorf("plans after the form was sent twice: %+v", plans)
	}

	// Another programme's id, in a new form.
	driv := fx.programme("driv")
	form.Set("id", "driv")
	form.Set("submission", "another-form")
	resp, page = b.post("/programmes/new", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate id: status %d, want 422", resp.StatusCode)
	}
	if msg := errorBeside(page, "id"); !strings.Contains(msg, "already in use") {
		t.Errorf("message beside the id field = %q", msg)
	}
	if diff := cmp.Diff(driv, fx.programme("driv"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("driv was changed (-before +after):\n%s", diff)
	}

	// Only system administrators start programmes.
	fx.user("admin@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	form.Set("id", "someone-elses")
	if resp, _ := fx.login("admin@vt.no").in("en").post("/programmes/new", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a programme admin starting a programme: status %d, want 403", resp.StatusCode)
	}
}

// Organisations: a wrong organisation number is refused beside its field;
// a good edit changes the one record without a new plan version; a new
// organisation that no plan names can be added and edited.
func TestOrganisationEdit(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("sys@planverk.no", "", true, "", "")
	fx.user("admin@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	b := fx.login("sys@planverk.no").in("en")
	ctx := context.Background()

	if _, page := b.get("/organisations/seljord-kommune"); !strings.Contains(page, `href="/organisations/seljord-kommune/edit"`) {
		t.Errorf("the organisation page offers a system administrator no edit link")
	}
	resp, page := b.get("/organisations/seljord-kommune/edit")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("edit form: status %d", resp.StatusCode)
	}
	form := editForm(page)
	form.Set("number", "964963737")
	resp, page = b.post("/organisations/seljord-kommune/edit", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad number: status %d, want 422", resp.StatusCode)
	}
	if msg := errorBeside(page, "number"); !strings.Contains(msg, "not a valid organisation number") {
		t.Errorf("message beside the number = %q", msg)
	}

	form.Set("number", "964 963 738")
	form.Set("website", "https://www.seljord.kommune.no")
	if resp, page := b.post("/organisations/seljord-kommune/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("good edit: status %d\n%s", resp.StatusCode, page)
	}
	o, err := fx.store.Organisation(ctx, "seljord-kommune")
	if err != nil || o.Number != "964963738" || o.Website != "https://www.seljord.kommune.no" {
		t.Errorf("organisation = %+v, %v", o, err)
	}
	if plans, _ := fx.store.Plans(ctx, "vest-telemark"); plans[0].Version != 1 {
		t.Errorf("editing an organisation made plan version %d", plans[0].Version)
	}

	// New, in no plan.
	if resp, _ := b.get("/organisations/new"); resp.StatusCode != http.StatusOK {
		t.Fatalf("new form: status %d", resp.StatusCode)
	}
	newOrg := url.Values{"id": {"midt-telemark-naeringsselskap"}, "name": {"Midt-Telemark Næringsselskap"}, "kind": {"business"}}
	if resp, page := b.post("/organisations/new", newOrg); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d\n%s", resp.StatusCode, page)
	}
	if resp, _ := b.post("/organisations/new", newOrg); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the same form again: status %d, want 303", resp.StatusCode)
	}
	newOrg.Set("name", "Another")
	resp, page = b.post("/organisations/new", newOrg)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "id"), "already in use") {
		t.Errorf("taken id: status %d, message %q", resp.StatusCode, errorBeside(page, "id"))
	}
	_, page = b.get("/organisations/midt-telemark-naeringsselskap/edit")
	form = editForm(page)
	form.Set("website", "https://mtn.no")
	if resp, _ := b.post("/organisations/midt-telemark-naeringsselskap/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("edit of an organisation in no plan: status %d", resp.StatusCode)
	}
	if o, _ := fx.store.Organisation(ctx, "midt-telemark-naeringsselskap"); o.Website != "https://mtn.no" || o.Name != "Midt-Telemark Næringsselskap" {
		t.Errorf("new organisation = %+v", o)
	}

	// A programme admin may not, and is not offered the link.
	pa := fx.login("admin@vt.no").in("en")
	if resp, _ := pa.post("/organisations/seljord-kommune/edit", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a programme admin editing an organisation: status %d, want 403", resp.StatusCode)
	}
	if _, page := pa.get("/organisations/seljord-kommune"); strings.Contains(page, "/edit") {
		t.Errorf("the organisation page offers a programme admin an edit link")
	}
}

// The users page is for system administrators; they change others'
// flags, and never their own.
func TestUsers(t *testing.T) {
	fx := newFixture(t, "sqlite")
	sys := fx.user("sys@planverk.no", "", true, "", "")
	editor := fx.user("editor@vt.no", "", false, "vest-telemark", auth.RoleEditor)
	fx.user("admin@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	ctx := context.Background()

	if resp, _ := fx.login("admin@vt.no").in("en").get("/users"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("users page for a programme admin: status %d, want 403", resp.StatusCode)
	}

	b := fx.login("sys@planverk.no").in("en")
	resp, page := b.get("/users")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("users page: status %d", resp.StatusCode)
	}
	if !strings.Contains(page, "Vest-Telemark") || !strings.Contains(page, "Editor") {
		t.Errorf("the users page does not show the editor's role")
	}
	etag := func(id int64) string {
		m := regexp.MustCompile(`action="/users/` + strconv.FormatInt(id, 10) + `"><input type="hidden" name="etag" value="([^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no form for user %d", id)
		}
		return m[1]
	}
	self := "/users/" + strconv.FormatInt(sys.ID, 10)
	resp, page2 := b.post(self, url.Values{"etag": {etag(sys.ID)}, "system_admin": {"on"}, "disabled": {"on"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page2, "cannot take away your own") {
		t.Errorf("disabling oneself: status %d", resp.StatusCode)
	}
	resp, _ = b.post(self, url.Values{"etag": {etag(sys.ID)}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("dropping one's own admin flag: status %d, want 422", resp.StatusCode)
	}
	if u, _ := fx.store.User(ctx, sys.ID); u.Disabled || !u.SystemAdmin {
		t.Errorf("the system administrator changed their own flags: %+v", u)
	}

	resp, _ = b.post("/users/"+strconv.FormatInt(editor.ID, 10),
		url.Values{"etag": {etag(editor.ID)}, "organisation": {"seljord-kommune"}, "disabled": {"on"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("changing another user: status %d, want 303", resp.StatusCode)
	}
	if u, _ := fx.store.User(ctx, editor.ID); !u.Disabled || u.Organisation != "seljord-kommune" || u.SystemAdmin {
		t.Errorf("editor after the change: %+v", u)
	}

	resp, page = b.post("/users/invite", url.Values{"name": {"Ny Admin"}, "email": {"ny@planverk.no"}, "system_admin": {"on"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "/invitations/") {
		t.Fatalf("site invitation: status %d", resp.StatusCode)
	}
	link := regexp.MustCompile(`/invitations/[^<"\s]+`).FindString(page)
	inv, err := fx.store.Invitation(ctx, auth.HashToken(strings.TrimPrefix(link, "/invitations/")))
	if err != nil || inv.Programme != "" || !inv.SystemAdmin || inv.Email != "ny@planverk.no" {
		t.Errorf("invitation = %+v, %v", inv, err)
	}
}

// Two system administrators edit an organisation at once: the second save
// is refused with 409, keeps what they typed and shows what changed.
func TestOrganisationEditStale(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("one@planverk.no", "", true, "", "")
	fx.user("two@planverk.no", "", true, "", "")
	one, two := fx.login("one@planverk.no").in("en"), fx.login("two@planverk.no").in("en")
	_, p1 := one.get("/organisations/tokke-kommune/edit")
	_, p2 := two.get("/organisations/tokke-kommune/edit")
	f1, f2 := editForm(p1), editForm(p2)
	f1.Set("website", "https://www.tokke.kommune.no")
	if resp, _ := one.post("/organisations/tokke-kommune/edit", f1); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: status %d", resp.StatusCode)
	}
	f2.Set("name", "Tokke")
	resp, page := two.post("/organisations/tokke-kommune/edit", f2)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("second save: status %d, want 409", resp.StatusCode)
	}
	if !strings.Contains(page, `value="Tokke"`) || !strings.Contains(page, "Organisation “Tokke kommune”: Website added: <ins><span class=\"visually-hidden\">after: </span>https://www.tokke.kommune.no</ins>") {
		t.Errorf("the conflict page lacks what was typed or what changed:\n%s", changesList(page))
	}
	if o, _ := fx.store.Organisation(context.Background(), "tokke-kommune"); o.Name == "Tokke" {
		t.Errorf("the stale save went through")
	}
}

// A system administrator makes a county adviser a catalogue editor on the
// users page: from then on the adviser sees the catalogue's edit links and
// may add a scheme, and still may not manage users or edit plans.
func TestCatalogueEditor(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@planverk.no", "", true, "", "")
			adviser := fx.user("radgiver@tfk.no", "telemark-fylkeskommune", false, "", "")
			ctx := context.Background()

			a := fx.login("radgiver@tfk.no").in("nn")
			if resp, _ := a.get("/schemes/new"); resp.StatusCode != http.StatusForbidden {
				t.Fatalf("new-scheme form before the mark: status %d, want 403", resp.StatusCode)
			}

			b := fx.login("sys@planverk.no").in("nn")
			_, page := b.get("/users")
			if !strings.Contains(page, "Redaktør for støtteordningar") {
				t.Errorf("the users page has no column for catalogue editors")
			}
			m := regexp.MustCompile(`action="/users/` + strconv.FormatInt(adviser.ID, 10) + `"><input type="hidden" name="etag" value="([^"]+)"`).FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no form for the adviser")
			}
			resp, _ := b.post("/users/"+strconv.FormatInt(adviser.ID, 10), url.Values{"etag": {m[1]},
				"organisation": {"telemark-fylkeskommune"}, "catalogue_editor": {"on"}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("marking the adviser: status %d, want 303", resp.StatusCode)
			}
			if u, _ := fx.store.User(ctx, adviser.ID); !u.CatalogueEditor || u.SystemAdmin {
				t.Fatalf("adviser after the change: %+v", u)
			}

			resp, page = a.get("/schemes")
			if resp.StatusCode != http.StatusOK || !strings.Contains(page, `href="/schemes/new"`) {
				t.Errorf("the catalogue editor is not offered a new scheme (status %d)", resp.StatusCode)
			}
			if resp, _ := a.get("/schemes/new"); resp.StatusCode != http.StatusOK {
				t.Errorf("new-scheme form for a catalogue editor: status %d", resp.StatusCode)
			}
			for _, path := range []string{"/users", "/programmes/new", "/programmes/vest-telemark/plans/2025/edit"} {
				if resp, _ := a.get(path); resp.StatusCode != http.StatusForbidden {
					t.Errorf("%s for a catalogue editor: status %d, want 403", path, resp.StatusCode)
				}
			}

			resp, page = b.post("/users/invite", url.Values{"name": {"Ny Redaktør"}, "email": {"ny@tfk.no"}, "catalogue_editor": {"on"}})
			link := regexp.MustCompile(`/invitations/[^<"\s]+`).FindString(page)
			inv, err := fx.store.Invitation(ctx, auth.HashToken(strings.TrimPrefix(link, "/invitations/")))
			if resp.StatusCode != http.StatusOK || err != nil || !inv.CatalogueEditor || inv.SystemAdmin {
				t.Errorf("catalogue-editor invitation: status %d, %+v, %v", resp.StatusCode, inv, err)
			}
		})
	}
}

// A programme whose end is not decided is made with its first year only,
// and a note on the period.
func TestProgrammeNewOpenPeriod(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("sys@planverk.no", "", true, "", "")
	b := fx.login("sys@planverk.no").in("nn")
	_, newPage := b.get("/programmes/new")
	form := url.Values{"id": {"open"}, "name": {"Omstilling Open"}, "kind": {"restructuring-programme"},
		"period_from": {"2022"}, "period_note": {"Forlengd inntil vidare"}, "year": {"2026"}, "title": {"Handlingsplan 2026"},
		"language": {"nn"}, "submission": {editForm(newPage).Get("submission")}}
	if resp, page := b.post("/programmes/new", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d\n%s", resp.StatusCode, page)
	}
	f, _, err := fx.store.LoadPlan(context.Background(), "open", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Programme.Period; p != (plan.Period{From: 2022, Note: "Forlengd inntil vidare"}) {
		t.Errorf("period %+v", p)
	}
	if findings := plan.Check(f); len(findings) != 0 {
		t.Errorf("the new plan has findings: %+v", findings)
	}
}
