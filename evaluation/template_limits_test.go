package evaluation

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A template nested deep, or not UTF-8, is refused with the message that
// says why, before it is decoded; a tagged scalar where the sections belong
// is an error, not a panic.
func TestParseTemplateLimits(t *testing.T) {
	start := time.Now()
	_, err := ParseTemplate([]byte("sections: " + strings.Repeat("[", 100_000)))
	var te *TemplateError
	if !errors.As(err, &te) || te.Key != "limit.depth" || te.Args["Max"] != "64" {
		t.Errorf("deep template: %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing took %v", took)
	}
	if _, err := ParseTemplate([]byte("sections:\n  - key: g\xe5rd\n")); !errors.As(err, &te) || te.Key != "input.not-utf8" {
		t.Errorf("not UTF-8: %v", err)
	}
	if _, err := ParseTemplate([]byte("!!str 0\n")); err == nil {
		t.Error("a tagged scalar passed as a template")
	}
}
