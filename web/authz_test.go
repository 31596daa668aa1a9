package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
)

// The people of the authorisation matrix. All but the anonymous visitor,
// the other programme's administrator and the system administrator have a
// role in vest-telemark; "lead" works for the organisation that leads
// measure 1.1 there, "lead-other" for one that leads nothing; "cataloguer"
// is a catalogue editor with no role in any programme; "manager" has no
// role either, but manages the matrix's project by its account.
var matrixRoles = []string{"anonymous", "reader", "reviewer", "lead", "lead-other", "editor", "admin", "other-admin", "sysadmin", "cataloguer", "manager"}

// Sets of roles, for the table.
var (
	everyone   = matrixRoles
	loggedIn   = matrixRoles[1:]
	members    = []string{"reader", "reviewer", "lead", "lead-other", "editor", "admin", "sysadmin"}
	commenters = []string{"reviewer", "lead", "lead-other", "editor", "admin", "sysadmin"}
	measureEds = []string{"lead", "editor", "admin", "sysadmin"}
	planEds    = []string{"editor", "admin", "sysadmin"}
	progAdmins = []string{"admin", "sysadmin"}
	sysadmins  = []string{"sysadmin"}
	// nissedal record Nissedal kommune's anchoring decisions.
	nissedal = []string{"lead-other", "admin", "sysadmin"}
	// catEds maintain the support-scheme catalogue and its glossary.
	catEds = []string{"sysadmin", "cataloguer"}
	// reportWriters write the matrix project's reports: who edits the
	// plans, and the project's manager.
	reportWriters = []string{"editor", "admin", "sysadmin", "manager"}
)

// matrixCase is one route: who may use it. Bodies are empty or harmless, so
// that an allowed request fails validation (400, 409, 422) or shows a page
// rather than changing anything, except where a case is marked last: those
// change state, and run after every other case of the same person.
type matrixCase struct {
	method, pattern, path string
	allowed               []string
	form                  url.Values
	last                  bool
}

// matrix is every route of the web application and the API that needs a
// decision. TestMatrixCoversRoutes keeps it complete: a route missing here
// fails the test, so a new route cannot go unchecked.
func matrix(ids map[string]int64) []matrixCase {
	vt := "/programmes/vest-telemark/plans/2025"
	m11 := vt + "/goals/1/measures/1"
	reader := strconv.FormatInt(ids["reader"], 10)
	// The matrix's project in vest-telemark, managed by "manager", with a
	// submitted report.
	proj := "/programmes/vest-telemark/projects/" + strconv.FormatInt(ids["project"], 10)
	rep := proj + "/reports/" + strconv.FormatInt(ids["report"], 10)
	apiProj := "/api/v1" + proj
	apiRep := "/api/v1" + rep
	return []matrixCase{
		// Project reports: the manager of the project writes them, as do
		// who edit the plans; these decide on them and link the manager's
		// account. A report not accepted is not found for others (allowed).
		{"GET", "/programmes/{programme}/projects/{project}/manager", proj + "/manager", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/manager", proj + "/manager", planEds, url.Values{"email": {"nobody@example.no"}}, false},
		{"GET", "/programmes/{programme}/projects/{project}/reports/new", proj + "/reports/new", reportWriters, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/reports/new", proj + "/reports/new", reportWriters, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/reports/{report}", rep, everyone, nil, false},
		{"GET", "/programmes/{programme}/projects/{project}/reports/{report}/edit", rep + "/edit", reportWriters, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/reports/{report}/edit", rep + "/edit", reportWriters, url.Values{}, false},
		{"POST", "/programmes/{programme}/projects/{project}/reports/{report}/decision", rep + "/decision", planEds, url.Values{"decision": {"return"}}, false},
		{"GET", "/programmes/{programme}/jobs", "/programmes/vest-telemark/jobs", everyone, nil, false},
		{"GET", "/api/v1/programmes/{programme}/projects/{project}/reports", apiProj + "/reports", everyone, nil, false},
		{"POST", "/api/v1/programmes/{programme}/projects/{project}/reports", apiProj + "/reports", reportWriters, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/projects/{project}/reports/{report}", apiRep, everyone, nil, false},
		{"PUT", "/api/v1/programmes/{programme}/projects/{project}/reports/{report}", apiRep, reportWriters, nil, false},
		{"POST", "/api/v1/programmes/{programme}/projects/{project}/reports/{report}/accept", apiRep + "/accept", planEds, url.Values{}, false},
		{"POST", "/api/v1/programmes/{programme}/projects/{project}/reports/{report}/return", apiRep + "/return", planEds, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/jobs", "/api/v1/programmes/vest-telemark/jobs", everyone, nil, false},

		{"GET", "/login", "/login", everyone, nil, false},
		{"GET", "/account", "/account", loggedIn, nil, false},
		{"POST", "/account/password", "/account/password", loggedIn, url.Values{}, false},
		{"POST", "/account/tokens", "/account/tokens", loggedIn, url.Values{}, false},
		{"POST", "/account/tokens/{token}/delete", "/account/tokens/0/delete", loggedIn, url.Values{}, false},
		{"GET", "/programmes/{programme}/members", "/programmes/vest-telemark/members", progAdmins, nil, false},
		{"POST", "/programmes/{programme}/members/invite", "/programmes/vest-telemark/members/invite", progAdmins, url.Values{}, false},
		{"POST", "/programmes/{programme}/members/{user}/role", "/programmes/vest-telemark/members/" + reader + "/role", progAdmins, url.Values{}, false},

		{"GET", "/{$}", "/", everyone, nil, false},
		{"GET", "/programmes/{programme}", "/programmes/vest-telemark", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}", vt, everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}", m11, everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/measures/{id}", vt + "/measures/2025-1-1", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/edit", m11 + "/edit", measureEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/edit", m11 + "/edit", measureEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/history", m11 + "/history", members, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/new", vt + "/goals/1/measures/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/new", vt + "/goals/1/measures/new", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/measures/restore", vt + "/measures/restore", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/history", vt + "/history", members, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/comments", vt + "/comments", commenters, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/edit", vt + "/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/edit", vt + "/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/new", vt + "/goals/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/new", vt + "/goals/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/goals/{goal}/edit", vt + "/goals/1/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/edit", vt + "/goals/1/edit", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/delete", vt + "/goals/1/delete", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/move", vt + "/goals/1/move", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/move", m11 + "/move", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/targets/edit", vt + "/targets/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/targets/edit", vt + "/targets/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/anchoring/edit", vt + "/anchoring/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/anchoring/edit", vt + "/anchoring/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/approvals/edit", vt + "/approvals/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/approvals/edit", vt + "/approvals/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/communication/edit", vt + "/communication/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/communication/edit", vt + "/communication/edit", planEds, url.Values{}, false},
		{"POST", "/api/v1/measures", "/api/v1/measures?plan=vest-telemark/2025", planEds, url.Values{}, false},
		{"PUT", "/api/v1/measures/{id}", "/api/v1/measures/vest-telemark.2025.1.1", measureEds, nil, false},
		{"PATCH", "/api/v1/measures/{id}", "/api/v1/measures/vest-telemark.2025.1.1", measureEds, nil, false},
		{"DELETE", "/api/v1/measures/{id}", "/api/v1/measures/vest-telemark.2025.1.1", planEds, nil, false},
		{"PUT", "/api/v1/programmes/{programme}/plans/{year}", "/api/v1/programmes/vest-telemark/plans/2025", planEds, nil, false},
		{"POST", "/api/v1/programmes/{programme}/plans/{year}/publish", "/api/v1/programmes/vest-telemark/plans/2025/publish", progAdmins, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/history", "/api/v1/programmes/vest-telemark/plans/2025/history", members, nil, false},
		{"POST", "/api/v1/programmes/{programme}/plans/{year}/comments", "/api/v1/programmes/vest-telemark/plans/2025/comments", commenters, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/cycle", "/api/v1/programmes/vest-telemark/plans/2025/cycle", everyone, nil, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/releases", "/api/v1/programmes/vest-telemark/plans/2025/releases", everyone, nil, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/releases/{release}", "/api/v1/programmes/vest-telemark/plans/2025/releases/1", everyone, nil, false},
		{"POST", "/api/v1/programmes/{programme}/plans/{year}/steps/{step}", "/api/v1/programmes/vest-telemark/plans/2025/steps/council", nissedal, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/revision", "/api/v1/programmes/vest-telemark/plans/2025/revision", everyone, nil, false},
		{"GET", "/api/v1/programmes/{programme}/plans/{year}/revision/measures/{id}", "/api/v1/programmes/vest-telemark/plans/2025/revision/measures/2025-1-1", everyone, nil, false},
		{"PUT", "/api/v1/programmes/{programme}/plans/{year}/revision/measures/{id}", "/api/v1/programmes/vest-telemark/plans/2025/revision/measures/2025-1-1", planEds, nil, false},
		{"POST", "/api/v1/programmes/{programme}/plans/{year}/next", "/api/v1/programmes/vest-telemark/plans/2025/next", planEds, url.Values{}, true},
		// follow-up in the API: as on the pages (project 1 is not there,
		// so an allowed request is "not found"; an allowed POST sends no
		// JSON, so it is refused for its media type)
		{"GET", "/api/v1/programmes/{programme}/projects", "/api/v1/programmes/vest-telemark/projects", everyone, nil, false},
		{"POST", "/api/v1/programmes/{programme}/projects", "/api/v1/programmes/vest-telemark/projects", planEds, url.Values{}, false},
		{"POST", "/api/v1/programmes/{programme}/projects/import", "/api/v1/programmes/vest-telemark/projects/import", planEds, url.Values{}, false},
		{"POST", "/api/v1/programmes/{programme}/projects/reports/import", "/api/v1/programmes/vest-telemark/projects/reports/import", planEds, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/projects/money", "/api/v1/programmes/vest-telemark/projects/money", everyone, nil, false},
		{"GET", "/api/v1/programmes/{programme}/projects/{project}", "/api/v1/programmes/vest-telemark/projects/1", everyone, nil, false},
		{"PUT", "/api/v1/programmes/{programme}/projects/{project}", "/api/v1/programmes/vest-telemark/projects/1", planEds, nil, false},
		{"GET", "/programmes/new", "/programmes/new", sysadmins, nil, false},
		{"POST", "/programmes/new", "/programmes/new", sysadmins, url.Values{}, false},
		{"GET", "/programmes/{programme}/edit", "/programmes/vest-telemark/edit", progAdmins, nil, false},
		{"POST", "/programmes/{programme}/edit", "/programmes/vest-telemark/edit", progAdmins, url.Values{}, false},
		{"GET", "/organisations/new", "/organisations/new", sysadmins, nil, false},
		{"POST", "/organisations/new", "/organisations/new", sysadmins, url.Values{}, false},
		{"GET", "/organisations/{organisation}/edit", "/organisations/husbanken/edit", sysadmins, nil, false},
		{"POST", "/organisations/{organisation}/edit", "/organisations/husbanken/edit", sysadmins, url.Values{}, false},
		{"GET", "/users", "/users", sysadmins, nil, false},
		{"POST", "/users/invite", "/users/invite", sysadmins, url.Values{}, false},
		{"POST", "/users/lockouts/lift", "/users/lockouts/lift", sysadmins, url.Values{}, false},
		{"POST", "/users/{user}", "/users/" + reader, sysadmins, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/budgets/{budget}/edit", vt + "/budgets/period/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/budgets/{budget}/edit", vt + "/budgets/period/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/financing/{table}/edit", vt + "/financing/2025/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/financing/{table}/edit", vt + "/financing/2025/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/sources/edit", vt + "/sources/edit", planEds, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/budgets/new", vt + "/budgets/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/budgets/new", vt + "/budgets/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/budgets/{budget}/delete", vt + "/budgets/period/delete", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/budgets/{budget}/delete", vt + "/budgets/period/delete", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/financing/new", vt + "/financing/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/financing/new", vt + "/financing/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/financing/{table}/delete", vt + "/financing/2025/delete", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/financing/{table}/delete", vt + "/financing/missing/delete", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/tables/restore", vt + "/tables/restore", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/sources/edit", vt + "/sources/edit", planEds, url.Values{}, false},
		{"GET", "/schemes", "/schemes?q=bustad&kind=loan", everyone, nil, false},
		{"GET", "/schemes/finder", "/schemes/finder?who=farmers&want=tourism&where=Vinje", everyone, nil, false},
		{"GET", "/schemes/{id}", "/schemes/husbanken-startlan", everyone, nil, false},
		{"GET", "/glossary", "/glossary", everyone, nil, false},
		{"GET", "/schemes/new", "/schemes/new", catEds, nil, false},
		{"POST", "/schemes/new", "/schemes/new", catEds, url.Values{}, false},
		{"GET", "/schemes/{id}/edit", "/schemes/husbanken-startlan/edit", catEds, nil, false},
		{"POST", "/schemes/{id}/edit", "/schemes/husbanken-startlan/edit", catEds, url.Values{}, false},
		{"POST", "/schemes/{id}/delete", "/schemes/no-such-scheme/delete", catEds, url.Values{}, false},
		{"POST", "/schemes/{id}/restore", "/schemes/husbanken-startlan/restore", catEds, url.Values{}, false},
		{"GET", "/schemes/{id}/history", "/schemes/husbanken-startlan/history", catEds, nil, false},
		{"GET", "/schemes/export", "/schemes/export?format=csv", everyone, nil, false},
		{"GET", "/schemes/import", "/schemes/import", catEds, nil, false},
		{"POST", "/schemes/import", "/schemes/import", catEds, url.Values{}, false},
		{"POST", "/schemes/import/confirm", "/schemes/import/confirm", catEds, url.Values{}, false},
		{"GET", "/glossary/new", "/glossary/new", catEds, nil, false},
		{"POST", "/glossary/new", "/glossary/new", catEds, url.Values{}, false},
		{"GET", "/glossary/{term}/edit", "/glossary/tilsagn/edit", catEds, nil, false},
		{"POST", "/glossary/{term}/edit", "/glossary/tilsagn/edit", catEds, url.Values{}, false},
		{"POST", "/glossary/{term}/delete", "/glossary/no-such-term/delete", catEds, url.Values{}, false},
		{"GET", "/glossary/history", "/glossary/history", catEds, nil, false},
		{"GET", "/api/v1/schemes", "/api/v1/schemes?q=bustad&kind=loan", everyone, nil, false},
		{"GET", "/api/v1/schemes/finder", "/api/v1/schemes/finder?who=farmers&want=tourism", everyone, nil, false},
		{"GET", "/api/v1/schemes/{id}", "/api/v1/schemes/husbanken-startlan", everyone, nil, false},
		{"GET", "/api/v1/glossary", "/api/v1/glossary", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/cycle", vt + "/cycle", everyone, nil, false},
		// "lead-other" works for Nissedal kommune, one of the municipalities
		// that anchor the plan.
		{"GET", "/programmes/{programme}/plans/{year}/steps/{step}", vt + "/steps/council?organisation=nissedal-kommune", nissedal, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/steps/{step}", vt + "/steps/council?organisation=nissedal-kommune", nissedal, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/releases/{release}", vt + "/releases/1", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/releases/{release}/{format}", vt + "/releases/1/plan.yaml", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/changes", vt + "/changes", members, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/revision", vt + "/revision", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/revision/edit", vt + "/revision/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/revision/edit", vt + "/revision/edit", planEds, url.Values{}, false},
		{"GET", "/waiting", "/waiting", loggedIn, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/plan.docx", vt + "/plan.docx", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/plan.xlsx", vt + "/plan.xlsx", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/budgets/{budget}", vt + "/budgets/period.csv", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/financing/{table}", vt + "/financing/2025.csv", everyone, nil, false},
		{"GET", "/programmes/{programme}/plans/{year}/budgets/{budget}/import", vt + "/budgets/period/import", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/budgets/{budget}/import", vt + "/budgets/period/import", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/budgets/{budget}/import/confirm", vt + "/budgets/period/import/confirm", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/plans/{year}/financing/{table}/import", vt + "/financing/2025/import", planEds, nil, false},
		{"POST", "/programmes/{programme}/plans/{year}/financing/{table}/import", vt + "/financing/2025/import", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/financing/{table}/import/confirm", vt + "/financing/2025/import/confirm", planEds, url.Values{}, false},
		// Nobody is refused the evaluation's page: where it is not there
		// for them (a draft, or none) it is not found.
		{"GET", "/programmes/{programme}/evaluation", "/programmes/vest-telemark/evaluation", everyone, nil, false},
		{"GET", "/programmes/{programme}/evaluation/edit", "/programmes/vest-telemark/evaluation/edit", progAdmins, nil, false},
		{"POST", "/programmes/{programme}/evaluation/edit", "/programmes/vest-telemark/evaluation/edit", progAdmins, url.Values{}, false},
		{"GET", "/admin/evaluation-templates", "/admin/evaluation-templates", sysadmins, nil, false},
		// Follow-up: the lists and pages are open to everyone (a visitor
		// sees the granted projects only, TestProjectsVisibility); who edits
		// the plans registers projects and their money. Project 1 is not
		// there, so an allowed request is "not found" rather than a change.
		// The development-capacity survey: the results page is not found
		// for a visitor where no round is public; its administrators open
		// and close rounds (none for 2025 here, so "not found"); the form
		// at a link needs no account (a wrong link is not found).
		{"GET", "/programmes/{programme}/capacity", "/programmes/vest-telemark/capacity", everyone, nil, false},
		{"GET", "/programmes/{programme}/capacity/rounds", "/programmes/vest-telemark/capacity/rounds", progAdmins, nil, false},
		{"POST", "/programmes/{programme}/capacity/rounds", "/programmes/vest-telemark/capacity/rounds", progAdmins, url.Values{}, false},
		{"POST", "/programmes/{programme}/capacity/rounds/{year}/state", "/programmes/vest-telemark/capacity/rounds/2025/state", progAdmins, url.Values{"state": {"closed"}}, false},
		{"POST", "/programmes/{programme}/capacity/rounds/{year}/links", "/programmes/vest-telemark/capacity/rounds/2025/links", progAdmins, url.Values{}, false},
		// The programme status assessment is the programme's own: its
		// members read it, its editors write it and mark which proposals
		// next year's plan took up.
		{"GET", "/programmes/{programme}/assessments", "/programmes/vest-telemark/assessments", members, nil, false},
		{"GET", "/programmes/{programme}/assessments/{year}", "/programmes/vest-telemark/assessments/2025", members, nil, false},
		{"GET", "/programmes/{programme}/assessments/{year}/edit", "/programmes/vest-telemark/assessments/2025/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/assessments/{year}/edit", "/programmes/vest-telemark/assessments/2025/edit", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/revision/proposals", vt + "/revision/proposals", planEds, url.Values{}, false},
		{"GET", "/api/v1/programmes/{programme}/assessments", "/api/v1/programmes/vest-telemark/assessments", members, nil, false},
		{"GET", "/api/v1/programmes/{programme}/assessments/{year}", "/api/v1/programmes/vest-telemark/assessments/2025", members, nil, false},
		{"PUT", "/api/v1/programmes/{programme}/assessments/{year}", "/api/v1/programmes/vest-telemark/assessments/2025", planEds, nil, false},
		{"GET", "/survey/{token}", "/survey/not-a-link", everyone, nil, false},
		{"POST", "/survey/{token}", "/survey/not-a-link", everyone, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects", "/programmes/vest-telemark/projects", everyone, nil, false},
		{"GET", "/programmes/{programme}/projects/money", "/programmes/vest-telemark/projects/money", everyone, nil, false},
		{"GET", "/programmes/{programme}/dashboard", "/programmes/vest-telemark/dashboard", everyone, nil, false},
		{"GET", "/overview", "/overview", everyone, nil, false},
		{"GET", "/programmes/{programme}/projects/new", "/programmes/vest-telemark/projects/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/new", "/programmes/vest-telemark/projects/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/import", "/programmes/vest-telemark/projects/import", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/import", "/programmes/vest-telemark/projects/import", planEds, url.Values{}, false},
		{"POST", "/programmes/{programme}/projects/import/confirm", "/programmes/vest-telemark/projects/import/confirm", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}", "/programmes/vest-telemark/projects/1", everyone, nil, false},
		{"GET", "/programmes/{programme}/projects/{project}/edit", "/programmes/vest-telemark/projects/1/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/edit", "/programmes/vest-telemark/projects/1/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/commitments/new", "/programmes/vest-telemark/projects/1/commitments/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/commitments/new", "/programmes/vest-telemark/projects/1/commitments/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/commitments/{commitment}/edit", "/programmes/vest-telemark/projects/1/commitments/1/edit", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/commitments/{commitment}/edit", "/programmes/vest-telemark/projects/1/commitments/1/edit", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/commitments/{commitment}/payments/new", "/programmes/vest-telemark/projects/1/commitments/1/payments/new", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/commitments/{commitment}/payments/new", "/programmes/vest-telemark/projects/1/commitments/1/payments/new", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/commitments/{commitment}/delete", "/programmes/vest-telemark/projects/1/commitments/1/delete", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/commitments/{commitment}/delete", "/programmes/vest-telemark/projects/1/commitments/1/delete", planEds, url.Values{}, false},
		{"GET", "/programmes/{programme}/projects/{project}/commitments/{commitment}/payments/{payment}/delete", "/programmes/vest-telemark/projects/1/commitments/1/payments/1/delete", planEds, nil, false},
		{"POST", "/programmes/{programme}/projects/{project}/commitments/{commitment}/payments/{payment}/delete", "/programmes/vest-telemark/projects/1/commitments/1/payments/1/delete", planEds, url.Values{}, false},

		{"POST", "/admin/evaluation-templates", "/admin/evaluation-templates", sysadmins, url.Values{}, false},
		{"POST", "/programmes/{programme}/plans/{year}/next", vt + "/next", planEds, url.Values{}, true},
		{"POST", "/programmes/{programme}/plans/{year}/publish", vt + "/publish", progAdmins, url.Values{"publish": {"yes"}}, true},
		{"POST", "/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/delete", m11 + "/delete", planEds, url.Values{}, true},
	}
}

// public are routes open to everyone by nature: they need no row.
var public = []string{
	"GET /static/", "GET /healthz", "POST /language", "POST /login", "POST /login/oidc",
	"GET /login/oidc/callback", "POST /logout", "GET /invitations/{token}", "POST /invitations/{token}",
	"GET /organisations/{organisation}", "GET /api/v1/openapi.json", "GET /api/v1/programmes",
	"GET /api/v1/programmes/{programme}", "GET /api/v1/programmes/{programme}/plans/{year}",
	"GET /api/v1/measures", "GET /api/v1/measures/{id}", "GET /api/v1/organisations",
	"GET /api/v1/organisations/{organisation}",
	// The PDF of the version the plan's page shows the person, loaded as
	// that page loads it (loadPlan); TestPlanPDF reads it as a visitor and
	// as a member. Here it would start a browser per person.
	"GET /programmes/{programme}/plans/{year}/plan.pdf",
}

// TestMatrix asks every route as every kind of person and checks that
// exactly those the table names get through. Denied is 401, 403 or, for a
// page, a redirect to the log-in page; anything else is let through.
func TestMatrix(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			for _, role := range matrixRoles {
				t.Run(role, func(t *testing.T) {
					t.Parallel()
					fx := newFixture(t, engine)
					ids := matrixPeople(fx)
					c := fx.anonymous()
					if role != "anonymous" {
						c = fx.login(role + "@example.no")
					}
					cases := matrix(ids)
					slices.SortStableFunc(cases, func(a, b matrixCase) int {
						switch {
						case a.last == b.last:
							return 0
						case a.last:
							return 1
						}
						return -1
					})
					for _, tc := range cases {
						var resp *http.Response
						var body string
						switch tc.method {
						case "GET":
							resp, body = c.get(tc.path)
						case "POST":
							resp, body = c.post(tc.path, tc.form)
						default:
							resp, body = c.send(tc.method, tc.path)
						}
						denied := resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden ||
							(resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login"))
						want := slices.Contains(tc.allowed, role)
						if denied == want {
							verdict := "denied"
							if !denied {
								verdict = "allowed"
							}
							t.Errorf("%s %s as %s: %s (status %d), want the opposite\n%.300s", tc.method, tc.path, role, verdict, resp.StatusCode, body)
						}
						if resp.StatusCode >= 500 {
							t.Errorf("%s %s as %s: status %d", tc.method, tc.path, role, resp.StatusCode)
						}
					}
				})
			}
		})
	}
}

// matrixPeople makes the matrix's users and returns their ids by role.
func matrixPeople(fx *fixture) map[string]int64 {
	ids := map[string]int64{}
	for _, p := range []struct {
		role, org string
		sys       bool
		programme string
		access    auth.Role
	}{
		{"reader", "", false, "vest-telemark", auth.RoleReader},
		{"reviewer", "telemark-fylkeskommune", false, "vest-telemark", auth.RoleReviewer},
		{"lead", "pilotkommunane", false, "vest-telemark", auth.RoleLead},
		{"lead-other", "nissedal-kommune", false, "vest-telemark", auth.RoleLead},
		{"editor", "", false, "vest-telemark", auth.RoleEditor},
		{"admin", "", false, "vest-telemark", auth.RoleAdmin},
		{"other-admin", "", false, "driv", auth.RoleAdmin},
		{"sysadmin", "", true, "", ""},
		{"cataloguer", "telemark-fylkeskommune", false, "", ""},
		{"manager", "", false, "", ""},
	} {
		ids[p.role] = fx.user(p.role+"@example.no", p.org, p.sys, p.programme, p.access).ID
	}
	ids["project"], ids["report"] = matrixProject(fx, ids["manager"])
	u, err := fx.store.User(context.Background(), ids["cataloguer"])
	if err != nil {
		fx.t.Fatal(err)
	}
	u.CatalogueEditor = true
	if err := fx.store.UpdateUser(context.Background(), u); err != nil {
		fx.t.Fatal(err)
	}
	return ids
}

// TestMatrixCoversRoutes reads the routes from routes.go and fails for any
// that neither the matrix nor the list of public routes names.
func TestMatrixCoversRoutes(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, p := range public {
		known[p] = true
	}
	for _, tc := range matrix(map[string]int64{}) {
		known[tc.method+" "+tc.pattern] = true
	}
	for _, m := range regexp.MustCompile(`mux\.Handle(?:Func)?\("([A-Z]+ [^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		if !known[m[1]] {
			t.Errorf("route %q is in neither the authorisation matrix nor the public routes", m[1])
		}
	}
}

// TestUnpublishedHidden: a plan that is not published is not found for
// anyone outside the programme, on its page, its measures and the API, and
// is not listed; its members see it.
func TestUnpublishedHidden(t *testing.T) {
	fx := newFixture(t, "sqlite")
	matrixPeople(fx)
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/programmes/vest-telemark/plans/2025", "/programmes/vest-telemark/plans/2025/goals/1/measures/1",
		"/api/v1/programmes/vest-telemark/plans/2025", "/api/v1/measures/vest-telemark.2025.1.1"}
	for _, who := range []string{"anonymous", "other-admin", "reader", "sysadmin"} {
		c := fx.anonymous()
		if who != "anonymous" {
			c = fx.login(who + "@example.no")
		}
		hidden := who == "anonymous" || who == "other-admin"
		for _, p := range paths {
			resp, _ := c.get(p)
			if got := resp.StatusCode == http.StatusNotFound; got != hidden {
				t.Errorf("GET %s as %s: status %d, hidden %v", p, who, resp.StatusCode, hidden)
			}
		}
		_, home := c.get("/")
		if listed := strings.Contains(home, "/programmes/vest-telemark\""); listed == hidden {
			t.Errorf("home page as %s lists the unpublished programme: %v", who, listed)
		}
	}
}
