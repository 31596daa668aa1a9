package scheme

import (
	"os"
	"testing"
	"time"
)

// testNow is the day the tests pretend it is, so that "checked" dates stay
// in the past whenever the tests run.
var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func readTestSchemes(t testing.TB) []Scheme {
	t.Helper()
	b, err := os.ReadFile("testdata/schemes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	schemes, err := ReadSchemes("testdata/schemes.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return schemes
}

func readTestGlossary(t testing.TB) []Term {
	t.Helper()
	b, err := os.ReadFile("testdata/glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	terms, err := ReadGlossary("testdata/glossary.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return terms
}

func testIndex(t testing.TB) *Index {
	t.Helper()
	return NewIndex(readTestSchemes(t), readTestGlossary(t))
}

func ids(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Scheme.ID
	}
	return out
}
