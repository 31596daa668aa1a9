package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The reproduction of issue 13: a 200 KB plan file nested 100 000 deep took
// 15 GB and 58 s. It is now refused at once, in the user's language, with the
// limit named.
func TestCheckRefusesDeepYAMLAtOnce(t *testing.T) {
	t.Parallel()
	deep := filepath.Join(t.TempDir(), "deep.yaml")
	os.WriteFile(deep, []byte(strings.Repeat("- ", 100_000)+"x\n"), 0o644)
	start := time.Now()
	code, out, _ := planverk(t, "check", "--lang", "nn", deep)
	if took := time.Since(start); took > time.Second {
		t.Errorf("check took %v", took)
	}
	if code != exitUnusable || !strings.Contains(out, "djupare enn grensa på 64 nivå") {
		t.Errorf("exit %d, output %q; want the depth limit named in nynorsk", code, out)
	}
}
