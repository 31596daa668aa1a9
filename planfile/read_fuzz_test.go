package planfile

import (
	"os"
	"testing"
)

// FuzzRead: a plan file, whatever its bytes, is read into a document or
// refused with an error; never a panic. Seeds are small on purpose, so that
// the fuzzer mutates quickly: the seed plans themselves are tens of KB.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"programme:\n  id: x\n  name: X\nplan:\n  year: 2025\n",
		"plan:\n  goals:\n    - id: g1\n      measures:\n        - id: m1\n          budget: {total: 10 800 000}\n",
		"a: &x [1, 2]\nb: *x\n",
		"[[[{a: 1}]]]",
		"--- a\n--- b\n",
		"plan: |\n  text\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("f.yaml", data)
		if err != nil || doc.File == nil {
			return
		}
		if _, err := Marshal(doc.File); err != nil {
			t.Errorf("a file that was read cannot be written: %v", err)
		}
	})
}

// TestFuzzSeedsAreSmall keeps the corpus of FuzzRead small, the reason the
// old runs stalled.
func TestFuzzSeedsAreSmall(t *testing.T) {
	entries, _ := os.ReadDir("testdata/fuzz/FuzzRead")
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Size() > 4<<10 {
			t.Errorf("fuzz seed %s is %d bytes", e.Name(), info.Size())
		}
	}
}
