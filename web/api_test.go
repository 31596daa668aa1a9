package web

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Every answer of the API, good and bad, is what the OpenAPI description
// served at /api/v1/openapi.json says it is.
func TestAPIMatchesOpenAPI(t *testing.T) {
	visitor := newFixture(t, "sqlite").anonymous()
	_, doc := visitor.get("/api/v1/openapi.json")
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(doc), &spec); err != nil || spec.OpenAPI != "3.1.0" {
		t.Fatalf("openapi.json: %v, version %q", err, spec.OpenAPI)
	}
	parsed, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://planverk.test/openapi.json", parsed); err != nil {
		t.Fatal(err)
	}
	schema := func(name string) *jsonschema.Schema {
		s, err := c.Compile("https://planverk.test/openapi.json#/components/schemas/" + name)
		if err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		return s
	}
	// The schemas are strict enough to tell answers apart.
	if err := schema("PlanResource").Validate(map[string]any{"type": "about:blank", "title": "Not Found", "status": 404}); err == nil {
		t.Fatal("a problem document passes as a plan: the schemas check nothing")
	}
	cases := []struct {
		path, documented, schema, contentType string
		status                                int
	}{
		{"/api/v1/programmes", "/api/v1/programmes", "ProgrammeList", "application/json", 200},
		{"/api/v1/programmes/driv", "/api/v1/programmes/{programme}", "ProgrammeResource", "application/json", 200},
		{"/api/v1/programmes/vest-telemark/plans/2025", "/api/v1/programmes/{programme}/plans/{year}", "PlanResource", "application/json", 200},
		{"/api/v1/programmes/driv/plans/2025?lang=nn", "/api/v1/programmes/{programme}/plans/{year}", "PlanResource", "application/json", 200},
		{"/api/v1/programmes/driv/plans/2025?version=1", "/api/v1/programmes/{programme}/plans/{year}", "Problem", "application/problem+json", 404},
		{"/api/v1/measures?plan=vest-telemark/2025", "/api/v1/measures", "MeasureList", "application/json", 200},
		{"/api/v1/measures/vest-telemark.2025.2.2", "/api/v1/measures/{id}", "MeasureResource", "application/json", 200},
		{"/api/v1/organisations", "/api/v1/organisations", "OrganisationList", "application/json", 200},
		{"/api/v1/organisations/husbanken", "/api/v1/organisations/{organisation}", "OrganisationResource", "application/json", 200},
		{"/api/v1/schemes", "/api/v1/schemes", "SchemeList", "application/json", 200},
		{"/api/v1/schemes?q=BU-midlar&kind=grant&kind=loan&lang=nn", "/api/v1/schemes", "SchemeList", "application/json", 200},
		{"/api/v1/schemes?q=tilskot+reiseliv+gard", "/api/v1/schemes", "SchemeList", "application/json", 200},
		{"/api/v1/schemes/husbanken-startlan", "/api/v1/schemes/{id}", "SchemeResource", "application/json", 200},
		{"/api/v1/schemes/husbanken-rentekompensasjon-skule-symjeanlegg-2009-2016", "/api/v1/schemes/{id}", "SchemeResource", "application/json", 200},
		{"/api/v1/schemes/finder?who=farmers&want=tourism&where=Vinje&stage=startup&words=gard", "/api/v1/schemes/finder", "FinderResult", "application/json", 200},
		{"/api/v1/schemes/finder", "/api/v1/schemes/finder", "FinderResult", "application/json", 200},
		{"/api/v1/glossary", "/api/v1/glossary", "GlossaryList", "application/json", 200},
		{"/api/v1/schemes/no-such-scheme", "/api/v1/schemes/{id}", "Problem", "application/problem+json", 404},
		{"/api/v1/programmes/nowhere", "/api/v1/programmes/{programme}", "Problem", "application/problem+json", 404},
		{"/api/v1/programmes/driv/plans/twenty", "/api/v1/programmes/{programme}/plans/{year}", "Problem", "application/problem+json", 400},
		{"/api/v1/programmes/driv/plans/2025?version=9", "/api/v1/programmes/{programme}/plans/{year}", "Problem", "application/problem+json", 404},
		{"/api/v1/measures", "/api/v1/measures", "Problem", "application/problem+json", 400},
		{"/api/v1/measures/vest-telemark.2025.9.9", "/api/v1/measures/{id}", "Problem", "application/problem+json", 404},
		{"/api/v1/organisations/nobody", "/api/v1/organisations/{organisation}", "Problem", "application/problem+json", 404},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := visitor.get(tc.path)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tc.contentType {
				t.Errorf("Content-Type %q, want %q", ct, tc.contentType)
			}
			if _, ok := spec.Paths[tc.documented]["get"]; !ok {
				t.Fatalf("%s is not in the OpenAPI description", tc.documented)
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema(tc.schema).Validate(v); err != nil {
				t.Errorf("response does not match %s: %v", tc.schema, err)
			}
		})
	}
}

// The plan resource carries the computed totals the printed plan shows, and
// findings in the language asked for.
func TestAPIPlanTotalsAndFindings(t *testing.T) {
	visitor := newFixture(t, "sqlite").anonymous()
	_, body := visitor.get("/api/v1/programmes/vest-telemark/plans/2025")
	var p apiPlan
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	b := p.Totals.Budgets[0]
	if b.Total != 22_000_000 || b.Years[2026] != 10_500_000 || b.Lines[p.File.Plan.Budgets[0].Lines[0].ID] != 10_800_000 {
		t.Errorf("budget totals: %+v", b)
	}
	if f := p.Totals.Financing[0]; f.Total != 2_700_000 || f.Minimum {
		t.Errorf("financing totals: %+v", f)
	}
	if len(p.Findings) != 0 {
		t.Errorf("Vest-Telemark has no findings; got %+v", p.Findings)
	}
	_, body = visitor.get("/api/v1/programmes/driv/plans/2025?lang=nn")
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) != 2 || !strings.Contains(p.Findings[0].Message, "oppgjeve som 75%") || p.Lang != "nn" {
		t.Errorf("Driv findings in nynorsk: %+v", p.Findings)
	}
	if !p.Totals.Financing[0].Minimum || p.Totals.Financing[0].Total != 4_670_000 {
		t.Errorf("Driv financing totals: %+v", p.Totals.Financing[0])
	}
}
