package web

import (
	"strings"
	"testing"

	"planverk/auth"
)

// TestAPIProjectImport: a dry run answers what the import would do and
// stores nothing; the import stores the projects; a file with a bad row
// is 422 naming row and column, and stores nothing. Every answer is as
// the OpenAPI document describes it.
func TestAPIProjectImport(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			check := openAPIChecker(t, fx)
			tok := fx.drivToken("integrasjon@driv.no", auth.RoleEditor)
			const path = "/api/v1/programmes/driv/projects/import"
			const documented = "/api/v1/programmes/{programme}/projects/import"

			dry := fx.call("POST", path+"?dry_run=1&lang=en", tok, drivExport)
			wantStatus(t, dry, 200)
			check(documented, dry)
			var res apiProjectImportResult
			dry.json(t, &res)
			if !res.DryRun || res.Created != 2 || res.Updated != 0 || len(res.Projects) != 2 || len(res.Problems) != 0 ||
				res.Projects[0].Action != "create" || res.Projects[0].Paid != 120_000 || res.Projects[0].Project.CaseRef != "2025/0417" ||
				len(res.Projects[0].Rows) != 2 || res.Projects[0].Rows[0] != 2 {
				t.Fatalf("dry run: %+v", res)
			}
			if n := projectCount(t, fx, "driv"); n != 0 {
				t.Fatalf("a dry run stored %d projects", n)
			}

			done := fx.call("POST", path, tok, drivExport)
			wantStatus(t, done, 200)
			check(documented, done)
			res = apiProjectImportResult{}
			done.json(t, &res)
			if res.DryRun || res.Created != 2 || res.Projects[1].Project.ID == 0 || !strings.HasPrefix(res.Projects[1].URL, "/api/v1/programmes/driv/projects/") {
				t.Fatalf("import: %+v", res)
			}
			if n := projectCount(t, fx, "driv"); n != 2 {
				t.Fatalf("%d projects stored, want 2", n)
			}

			bad := drivExport + "2025/0600;Feil;X;1;fylkeskommunen;31.02.2025;100 000;;;\r\n"
			refused := fx.call("POST", path+"?lang=nb", tok, bad)
			wantStatus(t, refused, 422)
			check(documented, refused)
			var problem struct {
				Detail   string             `json:"detail"`
				Problems []apiImportProblem `json:"problems"`
			}
			refused.json(t, &problem)
			if len(problem.Problems) != 1 || problem.Problems[0].Row != 5 || problem.Problems[0].Column != "F" ||
				problem.Problems[0].Code != "not-date" || !strings.Contains(problem.Problems[0].Message, "Rad 5, kolonne F (Vedtaksdato)") {
				t.Errorf("problems %+v", problem.Problems)
			}
			dryBad := fx.call("POST", path+"?dry_run=1", tok, bad)
			wantStatus(t, dryBad, 200)
			res = apiProjectImportResult{}
			dryBad.json(t, &res)
			if len(res.Problems) != 1 || res.Problems[0].Row != 5 {
				t.Errorf("dry run of a bad file: %+v", res.Problems)
			}
			if n := projectCount(t, fx, "driv"); n != 2 {
				t.Errorf("%d projects after a refused import, want the 2 from before", n)
			}
			wantStatus(t, fx.call("POST", path, "", drivExport), 401)
			// Over the limit of the browser's import: refused before it
			// is read, and nothing stored.
			wantStatus(t, fx.call("POST", path, tok, drivExport+strings.Repeat(";", 5<<20)), 413)
			if n := projectCount(t, fx, "driv"); n != 2 {
				t.Errorf("%d projects after a refused import, want 2", n)
			}
		})
	}
}
