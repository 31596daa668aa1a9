package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"planverk/e2e"
	"planverk/examples"
)

// pageKinds are one page of every kind a visitor can reach, for the 320 px
// test: home, programme, plan, measure, organisation, the schemes list (as
// it is, searched and filtered, and with no hits), a scheme page, the finder
// (asked and answered), the glossary, login and the error page.
var pageKinds = []string{
	"/",
	"/programmes/vest-telemark",
	"/programmes/vest-telemark/plans/2025",
	"/programmes/driv/plans/2025",
	"/programmes/vest-telemark/plans/2025/goals/1/measures/2",
	"/programmes/driv/dashboard",
	"/overview",
	"/organisations/husbanken",
	"/organisations/telemark-fylkeskommune",
	"/schemes",
	"/schemes?q=bustad&kind=loan",
	"/schemes?q=bustd&kind=guarantee&audience=households",
	"/schemes/husbanken-startlan",
	"/schemes/vinje-kommune-naeringsfond",
	"/schemes/finder",
	"/schemes/finder?who=farmers&who=startups&want=tourism&where=Vinje",
	"/glossary",
	"/login",
	"/no-such-page",
}

// widerThan lists the elements that reach beyond the right edge of a screen
// of width px, innermost first, to say what makes a page too wide.
const widerThan = `((px) => {
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.right <= px + 0.5 || r.width === 0) continue;
		let scrolls = false;
		for (let a = el.parentElement; a; a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden") { scrolls = true; break; }
		}
		if (scrolls) continue;
		if ([...el.children].some((c) => c.getBoundingClientRect().right > px + 0.5)) continue;
		let s = el.localName + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
		out.push(s + " (" + Math.round(r.right) + " px: " + (el.textContent || "").trim().slice(0, 40) + ")");
		if (out.length >= 5) break;
	}
	return out;
})`

// TestEveryPageFits320: no page of any kind is wider than a 320 px screen,
// in nynorsk and English (whose words are the longest), so nobody on a small
// phone has to scroll sideways to read a line. Every scheme page is checked
// in nynorsk too: their addresses and names are long words of their own.
func TestEveryPageFits320(t *testing.T) {
	e2e.Require(t, e2e.Chromium)
	srv := startServer(t)
	schemes, _, err := examples.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	b := e2e.NewBrowser(t)
	for _, lang := range []string{"nn", "en"} {
		p := b.Open(t, srv.URL+"/")
		p.ClickAndWait(fmt.Sprintf(`.langs button[value="%s"]`, lang))
		p.SetViewport(320, 640)
		paths := pageKinds
		if lang == "nn" {
			for _, s := range schemes {
				paths = append(paths[:len(paths):len(paths)], "/schemes/"+s.ID)
			}
		}
		for _, path := range paths {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				p.Navigate(srv.URL + path)
				var width int
				p.Eval(`document.documentElement.scrollWidth`, &width)
				if width > 320 || p.HorizontalOverflow() > 0 {
					var wide []string
					p.Eval(widerThan+`(320)`, &wide)
					t.Errorf("%s is %d px wide at 320 px; too wide: %s", path, width, strings.Join(wide, "; "))
				}
			})
		}
	}
}
