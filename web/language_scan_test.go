package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"golang.org/x/net/html"

	"planverk/auth"
	"planverk/i18n"
)

// catalogueTexts are the messages of a language's catalogue that a page
// could show word for word: those without placeholders, long enough not to
// be a word every language shares.
func catalogueTexts(t *testing.T, lang i18n.Lang) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "i18n", "locales", "*."+string(lang)+".yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogue for %s: %v", lang, err)
	}
	out := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := yaml.Unmarshal(b, &msgs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, v := range msgs {
			s, ok := v.(string)
			if ok && !strings.Contains(s, "{{") && len([]rune(s)) >= 16 {
				out[strings.Join(strings.Fields(s), " ")] = true
			}
		}
	}
	return out
}

// Every string that reaches a page is in the page's language: pages of
// every kind, as a visitor and as a system administrator, in nb, nn and
// en, hold no message of another language's catalogue that their own does
// not have too.
func TestPagesSpeakOneLanguage(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("drift@planverk.no", "", true, "vest-telemark", auth.RoleAdmin)
	texts := map[i18n.Lang]map[string]bool{}
	for _, l := range i18n.Langs {
		texts[l] = catalogueTexts(t, l)
	}
	const vt = "/programmes/vest-telemark/plans/2025"
	visitorPages := []string{"/", "/programmes/vest-telemark", vt, vt + "/goals/1/measures/2", vt + "/cycle", vt + "/revision",
		"/programmes/driv", "/programmes/driv/plans/2025", "/organisations/husbanken", "/schemes", "/schemes?q=bustad",
		"/schemes/husbanken-startlan", "/schemes/finder?who=farmers&want=tourism&where=Vinje", "/glossary", "/login", "/no-such-page", "/overview", "/overview?county=99&kind=x"}
	adminPages := []string{"/account", "/users", "/waiting", "/programmes/new", "/programmes/vest-telemark/edit",
		"/programmes/vest-telemark/members", vt + "/edit", vt + "/history", vt + "/goals/1/edit", vt + "/goals/1/measures/1/edit",
		vt + "/targets/edit", vt + "/anchoring/edit", vt + "/approvals/edit", vt + "/budgets/period/edit",
		vt + "/financing/2025/edit", vt + "/sources/edit", vt + "/revision/edit", vt + "/steps/approval?organisation=kdd",
		vt + "/budgets/new", vt + "/financing/new", vt + "/budgets/period/delete", vt + "/financing/2025/delete",
		"/admin/evaluation-templates", "/schemes/import",
		"/programmes/vest-telemark/capacity/rounds", "/programmes/vest-telemark/capacity",
		"/programmes/vest-telemark/assessments", "/programmes/vest-telemark/assessments/2025/edit"}
	for _, lang := range i18n.Langs {
		for _, who := range []struct {
			c     *client
			pages []string
		}{{fx.anonymous(), visitorPages}, {fx.login("drift@planverk.no"), adminPages}} {
			c := who.c.in(string(lang))
			for _, path := range who.pages {
				_, page := c.get(path)
				for _, text := range textInLanguage(t, page, string(lang)) {
					for _, other := range i18n.Langs {
						if other != lang && texts[other][text] && !texts[lang][text] {
							t.Errorf("%s %s shows the %s message %q", lang, path, other, text)
						}
					}
				}
			}
		}
	}
}

// textInLanguage lists the texts of a page that are in its own language,
// each element's text as one: the parts marked with another lang (a plan's
// own text and headings, which stay in the plan's language) are left out,
// as are scripts and styles. A message is one element's text, so a name
// such as "Bygdevekstavtale for Vest-Telemark" is not taken for the word
// it begins with.
func textInLanguage(t *testing.T, page, lang string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "style" {
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && a.Val != lang {
					return
				}
			}
		}
		if n.Type == html.TextNode {
			if s := strings.Join(strings.Fields(n.Data), " "); s != "" {
				out = append(out, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
