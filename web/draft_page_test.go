package web

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// A draft's page is made from parts kept per plan version: an edit saved
// through the store, as another copy of planverk on the same database
// would save it, shows on the next request, in every language, on the plan
// page and on the measure's.
func TestDraftPageShowsEditAtOnce(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user(draftMember, "", false, "vest-telemark", auth.RoleEditor)
			c := fx.login(draftMember)
			f, _ := latest(t, fx, "vest-telemark")
			oldTitle, oldMeasure := f.Plan.Title, f.Plan.Goals[0].Measures[0].Title
			for _, lang := range []string{"nb", "nn", "en"} {
				c.in(lang)
				for _, path := range []string{draftPlanPath, draftMeasurePath} {
					if _, page := c.get(path); !strings.Contains(html.UnescapeString(page), oldMeasure) {
						t.Fatalf("%s %s: no measure %q before the edit", lang, path, oldMeasure)
					}
				}
			}
			for i, lang := range []string{"nb", "nn", "en"} {
				title, measure := oldTitle+" endra "+lang, oldMeasure+" endra "+lang
				if _, err := fx.store.EditPlan(context.Background(), "vest-telemark", 2025, store.Edit{Summary: "test"},
					func(f *plan.File) error {
						f.Plan.Title, f.Plan.Goals[0].Measures[0].Title = title, measure
						return nil
					}); err != nil {
					t.Fatal(err)
				}
				// Every language: the edit must show in those already
				// kept for the version before, not only in this one.
				for _, l := range []string{"nb", "nn", "en"}[:i+1] {
					c.in(l)
					for _, path := range []string{draftPlanPath, draftMeasurePath} {
						_, page := c.get(path)
						page = html.UnescapeString(page)
						if !strings.Contains(page, measure) {
							t.Errorf("%s %s after the edit in %s: the measure's new title %q is not shown", l, path, lang, measure)
						}
						if path == draftPlanPath && !strings.Contains(page, "<h1>"+title+"</h1>") {
							t.Errorf("%s plan page after the edit in %s: the new title %q is not shown", l, lang, title)
						}
					}
				}
			}
		})
	}
}

// A draft's page made from kept parts is the page rendered in full, byte
// for byte, in every language, the first time and from memory after; only
// the forms' submission tokens, new on every page, are left out.
func TestDraftPageFromPartsIsRenderedPage(t *testing.T) {
	cached := newFixture(t, "sqlite")
	full := newFixtureConfig(t, "sqlite", func(string) Config { return Config{DraftCacheBytes: -1} })
	var clients []*client
	for _, fx := range []*fixture{cached, full} {
		fx.user(draftMember, "", false, "vest-telemark", auth.RoleEditor)
		clients = append(clients, fx.login(draftMember))
	}
	measureByID := func() string {
		f, _ := latest(t, cached, "vest-telemark")
		return "/programmes/vest-telemark/plans/2025/measures/" + f.Plan.Goals[0].Measures[1].ID
	}()
	for _, lang := range []string{"nb", "nn", "en"} {
		for _, path := range []string{draftPlanPath, draftMeasurePath, measureByID} {
			_, want := clients[1].in(lang).get(path)
			want = submissionValue.ReplaceAllString(want, "$1")
			for _, round := range []string{"first", "from memory"} {
				resp, got := clients[0].in(lang).get(path)
				got = submissionValue.ReplaceAllString(got, "$1")
				if resp.StatusCode != 200 {
					t.Fatalf("%s %s: status %d", lang, path, resp.StatusCode)
				}
				if got != want {
					t.Errorf("%s %s, %s: the page from kept parts differs from the page rendered in full:\n%s",
						lang, path, round, firstDifference(got, want))
				}
			}
		}
	}
}

// What changes beside a plan's versions shows on the next request too: a
// plan closed to the public, which makes no new version, is said to be so
// on its draft's page kept for the version.
func TestDraftPageShowsPublication(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user(draftMember, "", false, "vest-telemark", auth.RoleEditor)
	c := fx.login(draftMember)
	notice := i18nTitle(httptestRequest(), "plan.not-published")
	if _, page := c.get(draftPlanPath); strings.Contains(html.UnescapeString(page), notice) {
		t.Fatalf("the example plan is not published: %q on its page", notice)
	}
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, page := c.get(draftPlanPath); !strings.Contains(html.UnescapeString(page), notice) {
		t.Errorf("the draft's page does not say %q after the plan was closed", notice)
	}
}

// submissionValue is a form's submission token, made for each page.
var submissionValue = regexp.MustCompile(`(name="submission" value=")[^"]*`)

// firstDifference shows where two pages part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "got  …" + a[from:min(len(a), i+80)] + "…\nwant …" + b[from:min(len(b), i+80)] + "…"
}

// httptestRequest is a request in bokmål, for the words of a page.
func httptestRequest() *http.Request { return httptest.NewRequest("GET", "/", nil) }
