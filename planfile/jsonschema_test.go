package planfile

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schema in docs/ is the one planverk generates: regenerate it with
// `planverk schema > docs/plan-file.schema.json` when the format changes.
func TestSchemaInDocsIsCurrent(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../docs/plan-file.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/plan-file.schema.json is out of date: run `go run ./cmd/planverk schema > docs/plan-file.schema.json`")
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func yamlAsJSON(t *testing.T, src []byte) any {
	t.Helper()
	j, err := yaml.YAMLToJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// What Read accepts, the schema accepts, and an unknown key fails both: the
// schema is a faithful aid for editors.
func TestSchemaAgreesWithReader(t *testing.T) {
	s := compileSchema(t)
	for _, name := range []string{"../plan/testdata/small.yaml", "../examples/driv-2025.yaml", "../examples/vest-telemark-2025.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.Validate(yamlAsJSON(t, b)); err != nil {
			t.Errorf("%s does not validate against the schema: %v", name, err)
		}
	}
	if err := s.Validate(yamlAsJSON(t, []byte(uncertain))); err != nil {
		t.Errorf("the file of uncertain facts does not validate against the schema: %v", err)
	}
	bad := strings.Replace(minimal, "  title: T\n", "  title: T\n  titel: U\n", 1)
	if err := s.Validate(yamlAsJSON(t, []byte(bad))); err == nil {
		t.Error("the schema accepts an unknown key")
	}
}
