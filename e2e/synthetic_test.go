package e2e_test

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"planverk/e2e"
	"planverk/store/testdb"
)

// syntheticDatabase is a small synthetic data set, made the way an
// operator makes one: planverk demo generate into an empty database.
var syntheticDatabase = testdb.New(func(ctx context.Context, engine, dsn string) error {
	bin, err := binary()
	if err != nil {
		return err
	}
	gen := exec.CommandContext(ctx, bin, "demo", "generate", "--quiet", "--db", dsn,
		"--programmes", "6", "--measures", "90", "--schemes", "20", "--projects", "12")
	if out, err := gen.CombinedOutput(); err != nil {
		return fmt.Errorf("demo generate: %v\n%s", err, out)
	}
	return nil
})

// TestSyntheticBannerAccessible: over a synthetic data set, the home page,
// a plan page and a measure page say in every language that the data is
// synthetic, pass axe-core and are valid HTML.
func TestSyntheticBannerAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServerFrom(t, "sqlite", syntheticDatabase)
	b := e2e.NewBrowser(t)
	year := time.Now().Year()
	paths := []string{"/", fmt.Sprintf("/programmes/synthetic-2/plans/%d", year),
		fmt.Sprintf("/programmes/synthetic-2/plans/%d/goals/1/measures/1", year)}
	banner := map[string]string{"nb": "Syntetiske data", "nn": "Syntetiske data", "en": "Synthetic data"}
	docs := map[string][]byte{}
	for _, lang := range []string{"nb", "nn", "en"} {
		p := b.Open(t, srv.URL+"/")
		p.ClickAndWait(fmt.Sprintf(`.langs button[value="%s"]`, lang))
		for _, path := range paths {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				if status := p.Navigate(srv.URL + path); status != 200 {
					t.Fatalf("status %d", status)
				}
				p.AssertNoAxeViolations(t)
				_, body := getWithCookie(t, srv.URL+path, lang)
				if !strings.Contains(body, banner[lang]) {
					t.Errorf("no %q on the page", banner[lang])
				}
				docs[lang+path] = []byte(body)
			})
		}
	}
	e2e.AssertValidHTMLFiles(t, docs)
}
