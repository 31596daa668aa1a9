package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"

	"planverk/assessment"
	"planverk/cycle"
	"planverk/followup"
	"planverk/plan"
	"planverk/scheme"
)

// The OpenAPI 3.1 description of the API. The schemas are generated from the
// API's Go types, so the description cannot drift from what the handlers
// read and write; the operations are listed here, next to what they take
// and return.

type apiOperation struct {
	method, path, summary string
	params                []map[string]any
	// request is a value of the body's type, nil for none; requestSchema,
	// where set, is the body's schema instead (a merge patch has none of
	// its own), and requestMedia its media type (application/json).
	request       any
	requestSchema map[string]any
	requestMedia  string
	// status is the answer's status when all goes well, 200 by default;
	// response a value of its type, nil for no body.
	status   int
	response any
	// auth: the operation needs an account (a bearer token); reads without
	// it answer anonymous callers too. ifMatch: it takes If-Match, and
	// refuses a write without it. idempotent: it takes Idempotency-Key.
	auth, ifMatch, idempotent bool
	// errors are the problem statuses it may answer beyond 400, 401 and
	// 404 (and 403 where auth is set, 412 and 428 where ifMatch is).
	errors []int
}

var pathParam = func(name, desc string) map[string]any {
	return map[string]any{"name": name, "in": "path", "required": true, "description": desc, "schema": map[string]any{"type": "string"}}
}

var queryParam = func(name, desc string, required bool) map[string]any {
	return map[string]any{"name": name, "in": "query", "required": required, "description": desc, "schema": map[string]any{"type": "string"}}
}

var (
	langParam      = queryParam("lang", "Language of messages: nb, nn or en (default from Accept-Language).", false)
	versionParam   = queryParam("version", "An earlier version of the plan (1, 2, …); the latest by default.", false)
	programmeParam = pathParam("programme", "The programme's ID, such as vest-telemark.")
	yearParam      = pathParam("year", "The plan's year, such as 2025.")
	measureIDParam = pathParam("id", "PROGRAMME.YEAR.GOAL.MEASURE, such as vest-telemark.2025.2.2.")
	releaseParam   = pathParam("release", "The release's number: 1, 2, …")
	projectParam   = pathParam("project", "The project's number, such as 12.")
	reportParam    = pathParam("report", "The report's number, such as 3.")
	stepParam      = pathParam("step", "proposal, executive-committee, council, approval or publication.")
	// A disposition is named by the measure's lasting ID, which stays the
	// same across years.
	dispositionIDParam = pathParam("id", "The measure's lasting ID, such as 2025-1-1 (the id of the measure in the plan file).")
)

// bodyErrors are the statuses of a request with a JSON body.
var bodyErrors = []int{413, 415, 422}

var apiOperations = []apiOperation{
	{method: "get", path: "/programmes", summary: "All programmes, each with its plans", response: apiProgrammeList{}},
	{method: "get", path: "/programmes/{programme}", summary: "One programme with its plans",
		params: []map[string]any{programmeParam}, response: apiProgramme{}},
	{method: "get", path: "/programmes/{programme}/plans/{year}", summary: "A plan with its computed totals and the findings of the rules",
		params: []map[string]any{programmeParam, yearParam, versionParam, langParam}, response: apiPlan{}},
	{method: "put", path: "/programmes/{programme}/plans/{year}", summary: "Replace a plan with a plan file, as a new version",
		params: []map[string]any{programmeParam, yearParam, langParam}, request: plan.File{}, response: apiPlan{},
		auth: true, ifMatch: true, idempotent: true, errors: append([]int{409}, bodyErrors...)},
	{method: "post", path: "/programmes/{programme}/plans/{year}/publish", summary: "Publish a plan, or close it to the programme's members again",
		params: []map[string]any{programmeParam, yearParam}, request: apiPublish{}, response: apiPublication{},
		auth: true, errors: bodyErrors},
	{method: "get", path: "/programmes/{programme}/plans/{year}/history", summary: "The recorded changes to a plan, newest first",
		params: []map[string]any{programmeParam, yearParam,
			queryParam("goal", "With measure: the changes to one measure, by its goal's number.", false),
			queryParam("measure", "With goal: the changes to one measure, by its number.", false)},
		response: apiHistory{}, auth: true},
	{method: "post", path: "/programmes/{programme}/plans/{year}/comments", summary: "Comment on a plan or one of its measures",
		params: []map[string]any{programmeParam, yearParam}, request: apiCommentWrite{}, status: 201, response: apiComment{},
		auth: true, idempotent: true, errors: bodyErrors},
	{method: "get", path: "/programmes/{programme}/plans/{year}/cycle", summary: "A plan's yearly cycle: where it stands, its releases and decisions, what it waits for",
		params: []map[string]any{programmeParam, yearParam}, response: apiCycle{}},
	{method: "get", path: "/programmes/{programme}/plans/{year}/releases", summary: "A plan's releases: what was proposed, anchored, approved or published",
		params: []map[string]any{programmeParam, yearParam}, response: apiReleaseList{}},
	{method: "get", path: "/programmes/{programme}/plans/{year}/releases/{release}", summary: "One release with its content, exactly as it was released; its ETag is its digest",
		params: []map[string]any{programmeParam, yearParam, releaseParam, langParam}, response: apiReleaseResource{}},
	{method: "post", path: "/programmes/{programme}/plans/{year}/steps/{step}", summary: "Record a decision of the cycle: the proposal, a municipality's executive committee or council, a funder's approval, or a publication",
		params:  []map[string]any{programmeParam, yearParam, stepParam, langParam},
		request: apiStepWrite{}, status: 201, response: apiStepTaken{},
		auth: true, idempotent: true, errors: append([]int{409}, bodyErrors...)},
	{method: "post", path: "/programmes/{programme}/plans/{year}/next", summary: "Start next year's plan from this one, as a draft; Location is its address",
		params: []map[string]any{programmeParam, yearParam, langParam}, status: 201, response: apiPlan{},
		auth: true, idempotent: true, errors: []int{409}},
	{method: "get", path: "/programmes/{programme}/plans/{year}/revision", summary: "The revision report: new, changed and ended measures and the changes to weights, budgets and financing, against the approved plan revised",
		params: []map[string]any{programmeParam, yearParam, langParam}, response: apiRevision{}},
	{method: "get", path: "/programmes/{programme}/plans/{year}/revision/measures/{id}", summary: "One measure's place in the revision, with what people wrote about it",
		params: []map[string]any{programmeParam, yearParam, dispositionIDParam, langParam}, response: apiRevisedMeasure{}},
	{method: "put", path: "/programmes/{programme}/plans/{year}/revision/measures/{id}", summary: "Say what kind of new measure a measure is, why it changed or what it achieved",
		params: []map[string]any{programmeParam, yearParam, dispositionIDParam, langParam}, request: apiDispositionWrite{}, response: apiRevisedMeasure{},
		auth: true, ifMatch: true, idempotent: true, errors: bodyErrors},
	{method: "get", path: "/programmes/{programme}/projects", summary: "A page of a programme's projects, with their commitments, payments and findings; a visitor sees the granted ones only",
		params:   []map[string]any{programmeParam, queryParam("page", "The page, from 1; 25 projects a page.", false), langParam},
		response: apiProjectList{}},
	{method: "post", path: "/programmes/{programme}/projects", summary: "Register a project, with its commitments and payments; Location is its address",
		params: []map[string]any{programmeParam, langParam}, request: apiProjectWrite{}, status: 201, response: apiProject{},
		auth: true, idempotent: true, errors: bodyErrors},
	{method: "post", path: "/programmes/{programme}/projects/import", summary: "Import projects, commitments and payments from a case export (the body is the CSV file, or an XLSX workbook sent as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet); with dry_run=1 nothing is stored and the answer is what the import would create and update, or the file's problems by row and column; without, everything is stored in one transaction, or, for a file with problems, nothing (422, the problems listed)",
		params:        []map[string]any{programmeParam, queryParam("dry_run", "1 to check the file and see what the import would do, storing nothing.", false), langParam},
		requestSchema: map[string]any{"type": "string", "format": "binary"}, requestMedia: "text/csv", response: apiProjectImportResult{},
		auth: true, errors: []int{413, 422}},
	{method: "post", path: "/programmes/{programme}/projects/reports/import", summary: "Import project reports from a report export (the body is the CSV file or an XLSX workbook, each row a report naming its project by case number); with dry_run=1 nothing is stored and the answer is what the import would do with each report (new, changed or unchanged, matched by project, kind and period), or the file's problems by row and column; without, every report is stored in one transaction, accepted ones as accepted by the caller, or, for a file with problems, nothing (422, the problems listed)",
		params:        []map[string]any{programmeParam, queryParam("dry_run", "1 to check the file and see what the import would do, storing nothing.", false), langParam},
		requestSchema: map[string]any{"type": "string", "format": "binary"}, requestMedia: "text/csv", response: apiReportImportResult{},
		auth: true, errors: []int{413, 422}},
	{method: "get", path: "/programmes/{programme}/projects/money", summary: "A programme's money: committed, paid and left per goal and per funding source and year, with the findings",
		params: []map[string]any{programmeParam, langParam}, response: apiProjectMoney{}},
	{method: "get", path: "/programmes/{programme}/projects/{project}", summary: "One project with its commitments, payment schedules, payments and the findings of its checks; its ETag is its version",
		params: []map[string]any{programmeParam, projectParam, langParam}, response: apiProject{}},
	{method: "put", path: "/programmes/{programme}/projects/{project}", summary: "Replace a project whole, its commitments and payments with it",
		params: []map[string]any{programmeParam, projectParam, langParam}, request: apiProjectWrite{}, response: apiProject{},
		auth: true, ifMatch: true, errors: bodyErrors},
	{method: "get", path: "/programmes/{programme}/projects/{project}/reports", summary: "A project's reports, oldest period first; a visitor sees the accepted ones only",
		params: []map[string]any{programmeParam, projectParam}, response: apiReportList{}},
	{method: "post", path: "/programmes/{programme}/projects/{project}/reports", summary: "Write a project report, as a draft or submitted; for the project's manager and who edit the plans; Location is its address",
		params: []map[string]any{programmeParam, projectParam}, request: apiReportWrite{}, status: 201, response: apiReport{},
		auth: true, idempotent: true, errors: bodyErrors},
	{method: "get", path: "/programmes/{programme}/projects/{project}/reports/{report}", summary: "One project report; its ETag is its version",
		params: []map[string]any{programmeParam, projectParam, reportParam}, response: apiReport{}},
	{method: "put", path: "/programmes/{programme}/projects/{project}/reports/{report}", summary: "Change a draft or returned report, as a draft or submitted",
		params: []map[string]any{programmeParam, projectParam, reportParam}, request: apiReportWrite{}, response: apiReport{},
		auth: true, ifMatch: true, errors: append([]int{409}, bodyErrors...)},
	{method: "post", path: "/programmes/{programme}/projects/{project}/reports/{report}/accept", summary: "Accept a submitted report: its jobs then count in the job ledger",
		params: []map[string]any{programmeParam, projectParam, reportParam}, response: apiReport{},
		auth: true, ifMatch: true, errors: []int{409}},
	{method: "post", path: "/programmes/{programme}/projects/{project}/reports/{report}/return", summary: "Return a submitted report to its writer with a comment",
		params: []map[string]any{programmeParam, projectParam, reportParam}, request: apiReportDecision{}, response: apiReport{},
		auth: true, ifMatch: true, errors: append([]int{409}, bodyErrors...)},
	{method: "get", path: "/programmes/{programme}/jobs", summary: "The job ledger: gross jobs from accepted reports of supported projects, per year and against every jobs target, with the reports counted",
		params: []map[string]any{programmeParam}, response: apiJobs{}},
	{method: "get", path: "/programmes/{programme}/assessments", summary: "A programme's status assessments, newest year first, with their scores and weighted totals; for the programme's members",
		params: []map[string]any{programmeParam, langParam}, response: apiAssessmentList{}, auth: true},
	{method: "get", path: "/programmes/{programme}/assessments/{year}", summary: "A programme's status assessment of a year: scores and comments per indicator, mean, weight and weighted score per dimension, the weighted total, the team and the improvement proposals; its ETag is its version",
		params: []map[string]any{programmeParam, yearParam, langParam}, response: apiAssessment{}, auth: true},
	{method: "put", path: "/programmes/{programme}/assessments/{year}", summary: "Write a status assessment whole: scores, team and proposals (a year with none starts one, on the default indicator set, with no If-Match); a proposal's taken_up is set on next year's revision and is ignored",
		params: []map[string]any{programmeParam, yearParam, langParam}, request: apiAssessmentWrite{}, response: apiAssessment{},
		auth: true, ifMatch: true, errors: bodyErrors},
	{method: "get", path: "/measures", summary: "The measures of one plan",
		params: []map[string]any{queryParam("plan", "The plan as PROGRAMME/YEAR, such as vest-telemark/2025.", true), versionParam}, response: apiMeasureList{}},
	{method: "post", path: "/measures", summary: "Add a measure to a goal of a plan; Location is its address",
		params:  []map[string]any{queryParam("plan", "The plan as PROGRAMME/YEAR, such as vest-telemark/2025.", true)},
		request: apiMeasureWrite{}, status: 201, response: apiMeasure{},
		auth: true, idempotent: true, errors: append([]int{409}, bodyErrors...)},
	{method: "get", path: "/measures/{id}", summary: "One measure",
		params: []map[string]any{measureIDParam}, response: apiMeasure{}},
	{method: "put", path: "/measures/{id}", summary: "Replace a measure; another goal moves it there",
		params: []map[string]any{measureIDParam}, request: apiMeasureWrite{}, response: apiMeasure{},
		auth: true, ifMatch: true, idempotent: true, errors: append([]int{409}, bodyErrors...)},
	{method: "patch", path: "/measures/{id}", summary: "Change part of a measure with a JSON merge patch (RFC 7396) of its goal and measure",
		params: []map[string]any{measureIDParam}, requestMedia: "application/merge-patch+json",
		requestSchema: map[string]any{"type": "object", "additionalProperties": false,
			"description": "A JSON merge patch of MeasureWrite: the members to change; null removes one.",
			"properties": map[string]any{
				"goal":    map[string]any{"type": []string{"integer", "null"}},
				"measure": map[string]any{"type": []string{"object", "null"}}}},
		response: apiMeasure{}, auth: true, ifMatch: true, idempotent: true, errors: append([]int{409}, bodyErrors...)},
	{method: "delete", path: "/measures/{id}", summary: "Remove a measure (the plan's history keeps it)",
		params: []map[string]any{measureIDParam}, status: 204, auth: true, ifMatch: true, idempotent: true},
	{method: "get", path: "/organisations", summary: "All organisations", response: apiOrganisationList{}},
	{method: "get", path: "/organisations/{organisation}", summary: "An organisation and its parts in the current plans",
		params: []map[string]any{pathParam("organisation", "The organisation's ID, such as husbanken."),
			queryParam("page", "The page of its parts, from 1; 50 a page.", false)}, response: apiOrganisation{}},
	{method: "get", path: "/schemes", summary: "Search the support-scheme catalogue, with counts for every facet",
		params: append([]map[string]any{queryParam("q", "Words in bokmål or nynorsk; a scheme must match most of them (all of one or two, two thirds of more), or, where none does, any (fallback). Hits with more words come first.", false), langParam,
			queryParam("page", "The page of hits, from 1; 50 hits a page. The answer's next and its Link header give the next page.", false)},
			schemeFacetParams()...), response: apiSchemeList{}},
	{method: "get", path: "/schemes/finder", summary: "The guided finder: schemes recommended for answers, best first, each with its reasons",
		params: []map[string]any{
			repeatedParam("who", "Who is asking: an audience (startups, small-businesses, growth-businesses, farmers, municipalities, households, organisations, research); repeat for several, of which a scheme must be for one."),
			repeatedParam("want", "What they want to do: a theme (housing, jobs, tourism, …); repeat for several."),
			queryParam("where", "A municipality or a county, as people write it (Vinje, Telemark).", false),
			queryParam("stage", "How far they have come: idea, startup, growth or established.", false),
			queryParam("words", "Words of their own, which break ties.", false), langParam},
		response: apiFinderResult{}},
	{method: "get", path: "/schemes/{id}", summary: "One support scheme",
		params: []map[string]any{pathParam("id", "The scheme's id, such as husbanken-startlan.")}, response: apiScheme{}},
	{method: "get", path: "/glossary", summary: "The glossary of the support-scheme catalogue", response: apiGlossaryList{}},
}

// repeatedParam is a query parameter that may be given more than once.
func repeatedParam(name, desc string) map[string]any {
	return map[string]any{"name": name, "in": "query", "required": false, "description": desc, "explode": true,
		"schema": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}}
}

// schemeFacetParams are the search's filters: a parameter per facet.
func schemeFacetParams() []map[string]any {
	var out []map[string]any
	for _, f := range scheme.Facets {
		out = append(out, repeatedParam(string(f), "Only schemes with this "+string(f)+"; repeat for alternatives. Different facets must all hold."))
	}
	return out
}

// apiResponses are the answers operations share, by status.
var apiResponses = map[int]struct{ name, desc string }{
	304: {"NotModified", "Not modified: the resource still has the ETag If-None-Match named."},
	400: {"BadRequest", "The request is malformed: a parameter that is not a number, a body that is not JSON, or a member the body's type does not have (detail names it)."},
	401: {"Unauthorized", "No account: the operation needs an API token (Authorization: Bearer TOKEN), or the token is not valid."},
	403: {"Forbidden", "The token's user may not do this."},
	404: {"NotFound", "There is no such resource, or none the caller may read."},
	409: {"Conflict", "The plan changed so that the request no longer applies, such as a goal that is gone."},
	412: {"PreconditionFailed", "If-Match does not name the resource's current ETag: someone changed it since it was read. ETag is the current one; nothing was saved."},
	413: {"ContentTooLarge", "The body is larger than 1 MiB."},
	415: {"UnsupportedMediaType", "The body is not of the media type the operation takes (application/json; application/merge-patch+json for PATCH)."},
	422: {"UnprocessableContent", "The body has the right shape but values that do not pass: errors lists each with a JSON pointer."},
	428: {"PreconditionRequired", "The write has no If-Match. Read the resource and send its ETag, so as not to overwrite a change made since."},
}

var amountType = reflect.TypeFor[plan.Amount]()

func apiMapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case amountType:
		return &jsonschema.Schema{Type: "integer", Description: "An amount in whole Norwegian kroner."}
	case reflect.TypeFor[plan.Date]():
		return &jsonschema.Schema{Type: "string", Format: "date"}
	case reflect.TypeFor[plan.Share]():
		return &jsonschema.Schema{Type: "string", Description: "A share as the plan wrote it: \"60 %\" or \"4/6\"."}
	case reflect.TypeFor[map[int]plan.Amount]():
		return &jsonschema.Schema{Type: "object", PropertyNames: &jsonschema.Schema{Type: "string", Pattern: `^\d{4}$`},
			AdditionalProperties: &jsonschema.Schema{Type: "integer"}}
	case reflect.TypeFor[scheme.Deadline]():
		date := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties(), Required: []string{"date"}}
		date.Properties.Set("date", &jsonschema.Schema{Type: "string", Format: "date"})
		date.Properties.Set("note", &jsonschema.Schema{Type: "object", AdditionalProperties: &jsonschema.Schema{Type: "string"}})
		return &jsonschema.Schema{Description: "When to apply: \"continuous\" (at any time), dates, or null where the catalogue does not say.",
			OneOf: []*jsonschema.Schema{{Type: "null"}, {Const: "continuous"}, {Type: "array", Items: date}}}
	case reflect.TypeFor[cycle.Stage]():
		return enumSchema([]cycle.Stage{cycle.StageDraft, cycle.StagePublished, cycle.StageProposed, cycle.StageRejected,
			cycle.StageAnchored, cycle.StageApproved})
	case reflect.TypeFor[cycle.Kind]():
		return enumSchema(cycle.Kinds)
	case reflect.TypeFor[cycle.Step]():
		return enumSchema(cycle.Steps)
	case reflect.TypeFor[cycle.Outcome]():
		return enumSchema(cycle.Outcomes)
	case reflect.TypeFor[plan.NewKind]():
		return enumSchema(plan.NewKinds)
	case reflect.TypeFor[plan.DispositionKind]():
		return enumSchema([]plan.DispositionKind{plan.DispositionNew, plan.DispositionChanged, plan.DispositionEnded, plan.DispositionContinued})
	case reflect.TypeFor[followup.Status]():
		return enumSchema(followup.Statuses)
	case reflect.TypeFor[followup.Phase]():
		return enumSchema(append([]followup.Phase{""}, followup.Phases...))
	case reflect.TypeFor[scheme.Level]():
		return enumSchema(scheme.Levels)
	case reflect.TypeFor[scheme.Kind]():
		return enumSchema(scheme.Kinds)
	case reflect.TypeFor[scheme.Audience]():
		return enumSchema(scheme.Audiences)
	case reflect.TypeFor[scheme.Stage]():
		return enumSchema(scheme.Stages)
	case reflect.TypeFor[scheme.Theme]():
		return enumSchema(scheme.Themes)
	case reflect.TypeFor[scheme.Status]():
		return enumSchema(scheme.Statuses)
	}
	return nil
}

// enumSchema is a string that must be one of values.
func enumSchema[T ~string](values []T) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}

// schemaName is the component name of a type. The API's own wrappers are
// named apiX in Go; where X is also a domain type (apiPlan around
// plan.Plan), the wrapper is XResource, so the two never share a name.
func schemaName(t reflect.Type) string {
	// The catalogue's types share names with the plan's (Status, Link):
	// theirs start with Scheme.
	if t.PkgPath() == reflect.TypeFor[scheme.Scheme]().PkgPath() && !strings.HasPrefix(t.Name(), "Scheme") {
		return "Scheme" + t.Name()
	}
	// The follow-up's types too share names with the plan's (Payment):
	// theirs start with Followup.
	if t.PkgPath() == reflect.TypeFor[followup.Project]().PkgPath() {
		return "Followup" + t.Name()
	}
	// The assessment's types (Member, Score) are named as the
	// assessment's.
	if t.PkgPath() == reflect.TypeFor[assessment.Assessment]().PkgPath() {
		return "Assessment" + t.Name()
	}
	name, api := strings.CutPrefix(t.Name(), "api")
	if !api || t.PkgPath() == reflect.TypeFor[plan.Plan]().PkgPath() {
		return t.Name()
	}
	switch name {
	case "Plan", "Programme", "Measure", "Organisation", "Scheme", "Revision", "RevisionBase", "Project":
		return name + "Resource"
	}
	return name
}

var openAPIDoc = sync.OnceValues(buildOpenAPI)

func buildOpenAPI() ([]byte, error) {
	r := &jsonschema.Reflector{Mapper: apiMapType, Namer: schemaName, AllowAdditionalProperties: true}
	components := map[string]*jsonschema.Schema{}
	schemaRef := func(v any) map[string]any {
		s := r.Reflect(v)
		for name, def := range s.Definitions {
			components[name] = def
		}
		return map[string]any{"$ref": "#/components/schemas/" + schemaName(reflect.TypeOf(v))}
	}
	problem := map[string]any{"application/problem+json": map[string]any{"schema": schemaRef(apiProblem{})}}
	header := func(desc string) map[string]any {
		return map[string]any{"description": desc, "schema": map[string]any{"type": "string"}}
	}
	etagHeader := map[string]any{"$ref": "#/components/headers/ETag"}
	responses := map[string]any{}
	for status, resp := range apiResponses {
		out := map[string]any{"description": resp.desc, "content": problem}
		switch status {
		case 304:
			out = map[string]any{"description": resp.desc, "headers": map[string]any{"ETag": etagHeader}}
		case 401:
			out["headers"] = map[string]any{"WWW-Authenticate": header(`Bearer realm="planverk"`)}
		case 412:
			out["headers"] = map[string]any{"ETag": etagHeader}
		}
		responses[resp.name] = out
	}
	paths := map[string]map[string]any{}
	for _, op := range apiOperations {
		params := append([]map[string]any{}, op.params...)
		status := op.status
		if status == 0 {
			status = http.StatusOK
		}
		ok := map[string]any{"description": http.StatusText(status), "headers": map[string]any{}}
		if op.response != nil {
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": schemaRef(op.response)}}
			ok["headers"].(map[string]any)["ETag"] = etagHeader
		}
		switch {
		case status == http.StatusCreated:
			ok["headers"].(map[string]any)["Location"] = header("The new resource's address.")
		case (op.method == "put" || op.method == "patch") && strings.HasPrefix(op.path, "/measures/"):
			ok["headers"].(map[string]any)["Content-Location"] = header("The measure's new address, where the write moved or renumbered it.")
		}
		// Any request may carry a token that is not valid: 401.
		codes := []int{400, 401, 404}
		if op.method == "get" {
			params = append(params, map[string]any{"$ref": "#/components/parameters/IfNoneMatch"})
			codes = append(codes, 304)
		}
		if op.auth {
			codes = append(codes, 403)
		}
		if op.ifMatch {
			params = append(params, map[string]any{"$ref": "#/components/parameters/IfMatch"})
			codes = append(codes, 412, 428)
		}
		if op.idempotent {
			params = append(params, map[string]any{"$ref": "#/components/parameters/IdempotencyKey"})
		}
		codes = append(codes, op.errors...)
		resps := map[string]any{strconv.Itoa(status): ok}
		for _, c := range codes {
			resps[strconv.Itoa(c)] = map[string]any{"$ref": "#/components/responses/" + apiResponses[c].name}
		}
		o := map[string]any{"summary": op.summary, "parameters": params, "responses": resps}
		if op.request != nil || op.requestSchema != nil {
			media, schema := op.requestMedia, op.requestSchema
			if media == "" {
				media = "application/json"
			}
			if schema == nil {
				schema = schemaRef(op.request)
			}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{media: map[string]any{"schema": schema}}}
		}
		if op.auth {
			o["security"] = []map[string]any{{"bearerAuth": []string{}}}
		}
		if paths["/api/v1"+op.path] == nil {
			paths["/api/v1"+op.path] = map[string]any{}
		}
		paths["/api/v1"+op.path][op.method] = o
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "planverk API",
			"version": "1",
			"description": "Programmes, action plans (with computed totals and the findings of the rules), measures, organisations, " +
				"the yearly cycle (releases, the steps that make them, next year's plan, the revision report), " +
				"the follow-up (projects, their grant commitments and payments, the programme's money), " +
				"and the support-scheme catalogue with its finder and glossary; " +
				"and, with an API token, writes with the rights of the token's user. Every resource has an ETag; a write that replaces " +
				"or removes one needs If-Match. Errors are application/problem+json (RFC 9457).",
		},
		// Reads answer anonymous callers (published plans) as well as
		// token holders (what their account may read).
		"security": []map[string]any{{}, {"bearerAuth": []string{}}},
		"paths":    paths,
		"components": map[string]any{
			"schemas":   components,
			"responses": responses,
			"headers": map[string]any{
				"ETag": header("The resource's entity tag: send it in If-Match to change the resource, or in If-None-Match to ask whether it changed."),
			},
			"parameters": map[string]any{
				"IfMatch": map[string]any{"name": "If-Match", "in": "header", "required": true, "schema": map[string]any{"type": "string"},
					"description": "The ETag of the version the change starts from. Without it: 428; if the resource has changed since: 412, and nothing is saved."},
				"IfNoneMatch": map[string]any{"name": "If-None-Match", "in": "header", "required": false, "schema": map[string]any{"type": "string"},
					"description": "An ETag the caller holds: 304 Not Modified if the resource still has it."},
				"IdempotencyKey": map[string]any{"name": "Idempotency-Key", "in": "header", "required": false,
					"schema":      map[string]any{"type": "string", "maxLength": apiKeyLimit},
					"description": "A key unique to this change, such as a UUID. The same request sent again with the same key (a retry after a lost answer) changes nothing and gets the first answer."},
			},
			"securitySchemes": map[string]any{
				"bearerAuth": map[string]any{"type": "http", "scheme": "bearer",
					"description": "An API token, made on the account page or with planverk token add; it has the rights of its user."},
			},
		},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	// The reflector points at its own $defs; in OpenAPI they are components.
	return []byte(strings.ReplaceAll(string(b), "#/$defs/", "#/components/schemas/")), nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := openAPIDoc()
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
