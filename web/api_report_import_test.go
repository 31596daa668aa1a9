package web

import (
	"testing"

	"planverk/auth"
)

// TestAPIReportImport: a dry run says what the import would do with each
// report and stores nothing; the import stores them, the same file again
// leaves them unchanged; a bad row is 422 naming row and column. Every
// answer is as the OpenAPI document describes it.
func TestAPIReportImport(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			check := openAPIChecker(t, fx)
			tok := fx.drivToken("integrasjon@driv.no", auth.RoleEditor)
			wantStatus(t, fx.call("POST", "/api/v1/programmes/driv/projects/import", tok, drivExport), 200)
			const path = "/api/v1/programmes/driv/projects/reports/import"
			const documented = "/api/v1/programmes/{programme}/projects/reports/import"

			dry := fx.call("POST", path+"?dry_run=1&lang=en", tok, drivReports)
			wantStatus(t, dry, 200)
			check(documented, dry)
			var res apiReportImportResult
			dry.json(t, &res)
			if !res.DryRun || res.Created != 2 || len(res.Reports) != 2 || res.Reports[0].CaseRef != "2025/0417" || res.Reports[0].Row != 2 {
				t.Fatalf("dry run: %+v", res)
			}
			if n := reportCount(t, fx); n != 0 {
				t.Fatalf("a dry run stored %d reports", n)
			}
			done := fx.call("POST", path, tok, drivReports)
			wantStatus(t, done, 200)
			check(documented, done)
			if n := reportCount(t, fx); n != 2 {
				t.Fatalf("%d reports stored, want 2", n)
			}
			again := fx.call("POST", path, tok, drivReports)
			res = apiReportImportResult{}
			again.json(t, &res)
			if res.Unchanged != 2 || res.Created != 0 {
				t.Errorf("the same file again: %+v", res)
			}

			refused := fx.call("POST", path+"?lang=en", tok, drivReports+"2025/0417;Delrapport;01.01.2026;30.06.2026;;x;;\r\n")
			wantStatus(t, refused, 422)
			check(documented, refused)
			var problem struct {
				Problems []apiImportProblem `json:"problems"`
			}
			refused.json(t, &problem)
			if len(problem.Problems) != 1 || problem.Problems[0].Row != 4 || problem.Problems[0].Column != "F" || problem.Problems[0].Code != "not-count" {
				t.Errorf("problems %+v", problem.Problems)
			}
		})
	}
}
