package web

import (
	"html"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The reproduction of issue 13: a 60 KB catalogue nested deep took the
// server from 297 MB to 2.2 GB. It is now refused with the limit named,
// before any tree is built.
func TestImportRefusesDeepCatalogue(t *testing.T) {
	fx := newFixture(t, "sqlite")
	sys := importEditor(fx, "nn")
	deep := []byte("- id: a\n  name: " + strings.Repeat("{nn: ", 12_000) + "x" + strings.Repeat("}", 12_000) + "\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	resp, page := sys.upload("/schemes/import", "ordningar.yaml", deep)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if !strings.Contains(html.UnescapeString(page), "djupare enn grensa på 64 nivå") {
		t.Errorf("the page does not name the limit")
	}
	if took > 2*time.Second {
		t.Errorf("the upload took %v", took)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("the upload allocated %d MB", alloc>>20)
	}
}
