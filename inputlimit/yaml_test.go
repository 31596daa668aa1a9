package inputlimit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// deepYAML are the shapes a hostile file nests in, each about 200 KB and
// 100 000 levels deep: flow lists, flow mappings, compact block lists, and
// block mappings with one space more on each line.
func deepYAML() map[string]string {
	const n = 100_000
	return map[string]string{
		"flow lists":     strings.Repeat("[", n) + strings.Repeat("]", n),
		"flow mappings":  strings.Repeat("{a: ", n/2) + "1" + strings.Repeat("}", n/2),
		"block lists":    strings.Repeat("- ", n) + "x\n",
		"block mappings": blockMappings(600),
		"in a plan file": "programme:\n  id: x\n  goals: " + strings.Repeat("[", n),
	}
}

func blockMappings(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestDeepYAMLIsRefusedSmall(t *testing.T) {
	for name, doc := range deepYAML() {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := YAML([]byte(doc), Limits{})
			runtime.ReadMemStats(&after)
			var le *Error
			if !errors.As(err, &le) || le.Limit != LimitDepth || le.Max != Default.Depth {
				t.Fatalf("YAML(%d bytes) = %v, want the depth limit of %d", len(doc), err, Default.Depth)
			}
			if !strings.Contains(err.Error(), "deeper than the limit of 64 levels") {
				t.Errorf("message %q does not name the limit", err)
			}
			// What refusing allocates says the reading stopped at the limit
			// instead of building the whole tree; the time it took is not
			// asserted, since a test must not fail on a busy machine's clock
			// (BenchmarkDeepYAML measures it).
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("refusing allocated %d MB, want a few", alloc>>20)
			}
		})
	}
}

func TestBillionLaughsIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	err := YAML([]byte(b.String()), Limits{})
	var le *Error
	if !errors.As(err, &le) || le.Limit != LimitNodes {
		t.Fatalf("YAML(billion laughs) = %v, want the expanded-values limit", err)
	}
}

func TestAliasesAreCounted(t *testing.T) {
	doc := "a: &x 1\nb: [" + strings.Repeat("*x, ", 100) + "*x]\n"
	err := YAML([]byte(doc), Limits{})
	var le *Error
	if !errors.As(err, &le) || le.Limit != LimitAliases || !strings.Contains(err.Error(), "100 aliases") {
		t.Fatalf("YAML(101 aliases) = %v, want the alias limit", err)
	}
	if err := YAML([]byte("a: &x [1, 2]\nb: *x\nc: *x\n"), Limits{}); err != nil {
		t.Errorf("a few aliases refused: %v", err)
	}
}

func TestSizeIsLimited(t *testing.T) {
	err := YAML([]byte(strings.Repeat("a", 2000)), Limits{Bytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1000 bytes") {
		t.Fatalf("YAML(2000 bytes) = %v, want the size limit", err)
	}
}

// The seed files, the largest real documents there are, pass with room.
func TestSeedFilesPass(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.yaml")
	more, _ := filepath.Glob("../i18n/locales/*.yaml")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := YAML(data, Limits{Depth: 16}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestNestingThatIsFinePasses(t *testing.T) {
	doc := "plan:\n  goals:\n    - id: g1\n      measures:\n        - id: m1\n          budget:\n            rows: [{year: 2025, amount: 1}]\n  other: 1\nnext: 2\n"
	if err := YAML([]byte(doc), Limits{Depth: 9}); err != nil {
		t.Errorf("a plan's ordinary nesting refused: %v", err)
	}
	if err := YAML([]byte(doc), Limits{Depth: 4}); err == nil {
		t.Error("depth 9 passed a limit of 4")
	}
}

// BenchmarkDeepYAML refuses each deep document; read it against
// BenchmarkFlatYAML, a flat document of the same size that is accepted.
func BenchmarkDeepYAML(b *testing.B) {
	docs := deepYAML()
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			_ = YAML([]byte(doc), Limits{})
		}
	}
}

func BenchmarkFlatYAML(b *testing.B) {
	docs := deepYAML()
	flat := make([]string, 0, len(docs))
	for _, doc := range docs {
		var sb strings.Builder
		for i := 0; sb.Len() < len(doc); i++ {
			fmt.Fprintf(&sb, "k%d: v\n", i)
		}
		flat = append(flat, sb.String())
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range flat {
			_ = YAML([]byte(doc), Limits{})
		}
	}
}
