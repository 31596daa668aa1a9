package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"planverk/e2e"
)

// scrollingTables lists the table regions of the page that scroll
// sideways, by their labels.
const scrollingTablesJS = `Array.from(document.querySelectorAll(".table-wrap"))
	.filter((w) => w.scrollWidth > w.clientWidth + 1)
	.map((w) => (w.getAttribute("aria-labelledby") || "").split(/\s+/)
		.map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim()
		+ " (" + w.scrollWidth + " > " + w.clientWidth + ")")`

// regionsJS describes each table region that scrolls: whether it has a
// role, a name and a place in the tab order.
const regionsJS = `Array.from(document.querySelectorAll(".table-wrap"))
	.filter((w) => w.scrollWidth > w.clientWidth + 1)
	.map((w) => ({role: w.getAttribute("role") || "", tab: w.tabIndex,
		name: (w.getAttribute("aria-labelledby") || "").split(/\s+/)
			.map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim()}))`

var tablePages = []string{
	"/programmes/vest-telemark/plans/2025",
	"/programmes/driv/plans/2025",
}

var tableForms = []string{
	"/programmes/vest-telemark/plans/2025/budgets/period/edit",
	"/programmes/vest-telemark/plans/2025/financing/2025/edit",
	"/programmes/driv/plans/2025/financing/2025/edit",
}

// At 1280 px every table of both plans, and of the money forms, shows all
// its columns: no table region scrolls sideways. At 375 px a table may
// scroll, inside a region that is named, reached by keyboard, and keeps
// the page itself from scrolling.
func TestWideTables(t *testing.T) {
	srv := startServer(t)
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	visitor := e2e.NewBrowser(t).Open(t, "")
	for _, lang := range []string{"nb", "nn", "en"} {
		for _, q := range []*e2e.Page{p, visitor} {
			q.Navigate(srv.URL + "/")
			q.ClickAndWait(`.langs button[value="` + lang + `"]`)
		}
		for _, c := range []struct {
			who   string
			p     *e2e.Page
			paths []string
		}{{"visitor", visitor, tablePages}, {"editor", p, append(append([]string{}, tablePages...), tableForms...)}} {
			for _, path := range c.paths {
				t.Run(fmt.Sprintf("%s/%s%s", lang, c.who, path), func(t *testing.T) {
					q := c.p.For(t)
					q.SetViewport(1280, 900)
					if status := q.Navigate(srv.URL + path); status != 200 {
						t.Fatalf("status %d", status)
					}
					var scrolling []string
					q.Eval(scrollingTablesJS, &scrolling)
					if len(scrolling) > 0 {
						t.Errorf("at 1280 px these tables scroll sideways: %s", strings.Join(scrolling, "; "))
					}
					// The fields made narrow still show their whole amounts.
					var clipped []string
					q.Eval(`Array.from(document.querySelectorAll(".money-grid input.amount"))
						.filter((i) => i.value && i.scrollWidth > i.clientWidth).map((i) => i.id + " " + i.value)`, &clipped)
					if len(clipped) > 0 {
						t.Errorf("at 1280 px these amounts do not fit their fields: %s", strings.Join(clipped, "; "))
					}
					q.SetViewport(375, 800)
					q.Navigate(srv.URL + path)
					if over := q.HorizontalOverflow(); over > 0 {
						t.Errorf("at 375 px the page scrolls sideways by %d px", over)
					}
					var regions []struct {
						Role, Name string
						Tab        int
					}
					q.Eval(regionsJS, &regions)
					for _, r := range regions {
						if r.Role != "region" || r.Name == "" || r.Tab != 0 {
							t.Errorf("at 375 px a table scrolls in %+v: want a named region in the tab order", r)
						}
					}
				})
			}
		}
	}
}

// Printed from the browser, every table of both plans fits the width of an
// A4 page: portrait (178 mm between the margins), or landscape (245 mm)
// for a table the stylesheet puts on a wide page.
func TestPrintFitsA4(t *testing.T) {
	srv := startServer(t)
	p := e2e.NewBrowser(t).Open(t, "")
	p.EmulateMedia("print")
	for _, path := range tablePages {
		for _, c := range []struct {
			width int
			which string
		}{{673, ".table-wrap:not(.wide)"}, {926, ".table-wrap.wide"}} {
			p.SetViewport(c.width, 1000)
			p.Navigate(srv.URL + path)
			var cut []string
			p.Eval(`Array.from(document.querySelectorAll(`+"`"+c.which+"`"+`))
				.filter((w) => w.querySelector("table").getBoundingClientRect().right > document.documentElement.clientWidth + 1)
				.map((w) => w.querySelector("caption").textContent.trim())`, &cut)
			if len(cut) > 0 {
				t.Errorf("%s at %d px: cut off: %s", path, c.width, strings.Join(cut, "; "))
			}
		}
	}
}
