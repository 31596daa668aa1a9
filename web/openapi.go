package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"

	"planverk/plan"
)

// The OpenAPI 3.1 description of the API. The schemas are generated from the
// API's Go types, so the description cannot drift from what the handlers
// write; the paths are listed here, next to what they return.

type apiOperation struct {
	path, summary string
	params        []map[string]any
	response      any // a value of the response type
}

var pathParam = func(name, desc string) map[string]any {
	return map[string]any{"name": name, "in": "path", "required": true, "description": desc, "schema": map[string]any{"type": "string"}}
}

var queryParam = func(name, desc string, required bool) map[string]any {
	return map[string]any{"name": name, "in": "query", "required": required, "description": desc, "schema": map[string]any{"type": "string"}}
}

var (
	langParam    = queryParam("lang", "Language of messages: nb, nn or en (default from Accept-Language).", false)
	versionParam = queryParam("version", "An earlier version of the plan (1, 2, …); the latest by default.", false)
)

var apiOperations = []apiOperation{
	{"/programmes", "All programmes, each with its plans", nil, apiProgrammeList{}},
	{"/programmes/{programme}", "One programme with its plans",
		[]map[string]any{pathParam("programme", "The programme's ID, such as vest-telemark.")}, apiProgramme{}},
	{"/programmes/{programme}/plans/{year}", "A plan with its computed totals and the findings of the rules",
		[]map[string]any{pathParam("programme", "The programme's ID."), pathParam("year", "The plan's year, such as 2025."), versionParam, langParam}, apiPlan{}},
	{"/measures", "The measures of one plan",
		[]map[string]any{queryParam("plan", "The plan as PROGRAMME/YEAR, such as vest-telemark/2025.", true), versionParam}, apiMeasureList{}},
	{"/measures/{id}", "One measure",
		[]map[string]any{pathParam("id", "PROGRAMME.YEAR.GOAL.MEASURE, such as vest-telemark.2025.2.2.")}, apiMeasure{}},
	{"/organisations", "All organisations", nil, apiOrganisationList{}},
	{"/organisations/{organisation}", "An organisation and its parts in the current plans",
		[]map[string]any{pathParam("organisation", "The organisation's ID, such as husbanken.")}, apiOrganisation{}},
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
	}
	return nil
}

// schemaName is the component name of a type. The API's own wrappers are
// named apiX in Go; where X is also a domain type (apiPlan around
// plan.Plan), the wrapper is XResource, so the two never share a name.
func schemaName(t reflect.Type) string {
	name, api := strings.CutPrefix(t.Name(), "api")
	if !api || t.PkgPath() == reflect.TypeFor[plan.Plan]().PkgPath() {
		return t.Name()
	}
	switch name {
	case "Plan", "Programme", "Measure", "Organisation":
		return name + "Resource"
	}
	return name
}

var openAPIDoc = sync.OnceValues(buildOpenAPI)

func buildOpenAPI() ([]byte, error) {
	r := &jsonschema.Reflector{Mapper: apiMapType, Namer: schemaName, AllowAdditionalProperties: true}
	components := map[string]*jsonschema.Schema{}
	paths := map[string]any{}
	problemRef := map[string]any{"$ref": "#/components/schemas/Problem"}
	errorResponse := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/problem+json": map[string]any{"schema": problemRef}}}
	}
	for _, op := range append(apiOperations, apiOperation{response: apiProblem{}}) {
		s := r.Reflect(op.response)
		for name, def := range s.Definitions {
			components[name] = def
		}
		if op.path == "" {
			continue
		}
		params := op.params
		if params == nil {
			params = []map[string]any{}
		}
		paths["/api/v1"+op.path] = map[string]any{"get": map[string]any{
			"summary":    op.summary,
			"parameters": params,
			"responses": map[string]any{
				"200": map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{
					"schema": map[string]any{"$ref": "#/components/schemas/" + schemaName(reflect.TypeOf(op.response))}}}},
				"400": errorResponse("The request is malformed, such as a year that is not a number."),
				"404": errorResponse("There is no such resource."),
			},
		}}
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "planverk API",
			"version":     "1",
			"description": "Read access to programmes, action plans (with computed totals and the findings of the rules), measures and organisations. Errors are application/problem+json (RFC 9457).",
		},
		"paths":      paths,
		"components": map[string]any{"schemas": components},
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
