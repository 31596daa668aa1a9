package evaluation

import (
	"errors"
	"testing"
)

func TestDefaultTemplate(t *testing.T) {
	d := Default()
	if d.Name == "" || len(d.Sections) < 5 {
		t.Fatalf("default template: %+v", d)
	}
	for _, s := range d.Sections {
		for _, l := range []string{"nb", "nn", "en"} {
			if s.Guidance.In(l) == "" {
				t.Errorf("section %s has no guidance in %s", s.Key, l)
			}
		}
	}
}

func TestParseTemplateErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, key string
		line           int
	}{
		{"empty", "  \n", "evaluation.template.empty", 1},
		{"syntax", "name: x\nversion: \"1\"\nsections:\n  - key: a\n    heading: {nb: A, nn: A\n", "evaluation.template.syntax", 5},
		{"unknown field", "name: x\nversion: \"1\"\ncolour: red\nsections:\n  - key: a\n", "evaluation.template.syntax", 3},
		{"no version", "name: x\nsections:\n  - key: a\n", "evaluation.template.missing", 1},
		{"no sections", "name: x\nversion: '1'\n", "evaluation.template.no-sections", 1},
		{"no heading", "name: x\nversion: '1'\nsections:\n  - key: a\n    heading: {nb: A, nn: A, en: A}\n  - key: b\n    heading: {nb: B, en: B}\n",
			"evaluation.template.no-heading", 6},
		{"twice", "name: x\nversion: '1'\nsections:\n  - key: a\n    heading: {nb: A, nn: A, en: A}\n  - key: a\n    heading: {nb: B, nn: B, en: B}\n",
			"evaluation.template.twice", 6},
		{"bad key", "name: x\nversion: '1'\nsections:\n  - key: Bad Key\n    heading: {nb: A, nn: A, en: A}\n", "evaluation.template.bad-key", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate([]byte(tc.src))
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("error %v, want a TemplateError", err)
			}
			if te.Key != tc.key || te.Line != tc.line {
				t.Errorf("got %s at line %d (%s), want %s at line %d", te.Key, te.Line, te.Detail, tc.key, tc.line)
			}
		})
	}
}

func TestTextFallsBack(t *testing.T) {
	x := Text{NB: "Bakgrunn"}
	if x.In("nn") != "Bakgrunn" || x.In("en") != "Bakgrunn" {
		t.Errorf("fallback: %q %q", x.In("nn"), x.In("en"))
	}
}
