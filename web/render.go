package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Oslo, also where the system has no zone files

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"planverk/auth"
	"planverk/i18n"
	"planverk/plan"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A directory is not a page: no listing of what is in it.
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if st, err := fs.Stat(sub, strings.TrimSuffix(name, "/")); name == "" || strings.HasSuffix(name, "/") || (err == nil && st.IsDir()) {
			plainError(w, r, http.StatusNotFound, "error.not-found")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// pages holds every page template, each parsed together with the layout.
type pages struct {
	byName map[string]*template.Template
}

// markdown renders plan text. Raw HTML in it is escaped, never passed
// through: plan text comes from many writers. A table column's alignment
// (|:--|) is left out: goldmark writes it as a style attribute, which the
// Content-Security-Policy (style-src 'self') refuses anyway, and as an align
// attribute HTML has dropped. FuzzMarkdown checks that no style is made.
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
	extension.Strikethrough))

var funcs = template.FuncMap{
	// dict passes several values to a sub-template: dict "V" $v "B" .Budget.
	"dict": func(pairs ...any) (map[string]any, error) {
		if len(pairs)%2 != 0 {
			return nil, fmt.Errorf("dict: odd number of arguments")
		}
		m := make(map[string]any, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			m[fmt.Sprint(pairs[i])] = pairs[i+1]
		}
		return m, nil
	},
	"join": func(s []string) string { return strings.Join(s, ", ") },
	// list makes a list of words for a range: list "a" "b".
	"list": func(items ...string) []string { return items },
	"add":  func(a, b int) int { return a + b },
	// describedBy lists the ids of a field's hint, error and warning, those
	// it has, for its aria-describedby.
	"describedBy": func(name string, hint, err, warning any) string {
		var ids []string
		for _, p := range []struct {
			v      any
			suffix string
		}{{hint, "hint"}, {err, "error"}, {warning, "warning"}} {
			if str, ok := p.v.(string); ok && str != "" {
				ids = append(ids, "f-"+name+"-"+p.suffix)
			}
		}
		return strings.Join(ids, " ")
	},
	// langName names each language in itself, as language switches do.
	"langName": func(l i18n.Lang) string {
		return map[i18n.Lang]string{i18n.Bokmal: "Bokmål", i18n.Nynorsk: "Nynorsk", i18n.English: "English"}[l]
	},
	"amount": func(v any) string {
		switch a := v.(type) {
		case plan.Amount:
			return i18n.Amount(a)
		case *plan.Amount:
			if a == nil {
				return ""
			}
			return i18n.Amount(*a)
		}
		return fmt.Sprint(v)
	},
	"markdown": markdownHTML.html,
	"share":    shareText,
	// period writes a span of years, "2022–2027", or an open one, "2022–".
	"period": func(p plan.Period) string {
		if p.Open() {
			return strconv.Itoa(p.From) + "–"
		}
		return strconv.Itoa(p.From) + "–" + strconv.Itoa(p.To)
	},
	// count writes a whole number grouped as amounts are: 1 500 jobs.
	"count": func(n int64) string { return i18n.Amount(plan.Amount(n)) },
	// stylesheet is the site's stylesheet, inline in a page to print.
	"stylesheet": func() template.CSS { return stylesheet },
}

// stylesheet is static/style.css, read once.
var stylesheet = func() template.CSS {
	b, err := staticFS.ReadFile("static/style.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// shareText writes a share as written; only the space before % becomes a
// no-break space, so that "60 %" never breaks across lines.
func shareText(s plan.Share) string {
	t := strings.TrimSpace(string(s))
	if n, ok := strings.CutSuffix(t, "%"); ok {
		return strings.TrimSpace(n) + "\u00a0%"
	}
	return t
}

func parsePages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || base == "print_layout.html" || strings.HasPrefix(base, "_") {
			continue
		}
		// A page to print (plan_print.html) stands alone: its layout has
		// no navigation and holds the stylesheet, for Chromium to print
		// without fetching anything.
		layout := "layout.html"
		if strings.HasSuffix(base, "_print.html") {
			layout = "print_layout.html"
		}
		t, err := template.New(layout).Funcs(funcs).ParseFS(templateFS, "templates/"+layout, "templates/_*.html", n)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", base, err)
		}
		p.byName[strings.TrimSuffix(base, ".html")] = t
	}
	return p, nil
}

// view is what every page template gets: the language, the words, where the
// page is, and the page's own data.
type view struct {
	Lang  i18n.Lang
	Path  string
	Title string
	Data  any
	// ContentLang is the language of the plan text on the page, where it
	// differs from the interface language.
	ContentLang string
	// Who is the person viewing the page.
	Who *who
	// Base is the address links on a page to print are relative to.
	Base string
	// Synthetic says that the database's data is made up (synthetic.go):
	// the layout says so on every page.
	Synthetic bool
}

// T translates a message: {{.T "plan.budget"}} or with pairs of names and
// values, {{.T "plan.version" "Version" 2}}.
func (v *view) T(id string, pairs ...any) string {
	var args map[string]any
	if len(pairs) > 0 {
		args = map[string]any{}
		for i := 0; i+1 < len(pairs); i += 2 {
			args[fmt.Sprint(pairs[i])] = pairs[i+1]
		}
	}
	return i18n.T(v.Lang, id, args)
}

// CanEditSchemes reports whether the viewer maintains the support-scheme
// catalogue, for the links to its forms on the catalogue's pages.
func (v *view) CanEditSchemes() bool {
	return v.Who != nil && auth.Can(v.Who.Subject, auth.EditSchemes, auth.Resource{})
}

// Submission is a fresh submission key, for a form on a page that shows
// something else (a comment box), so that sending it twice saves once.
func (v *view) Submission() string { return newSubmission() }

// Langs lists the languages for the switch.
func (v *view) Langs() []i18n.Lang { return i18n.Langs }

// render writes a page. It renders into a buffer first so that a template
// error gives a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v *view) {
	body, err := s.renderBytes(r, name, v)
	if err != nil {
		s.log.Error("render", "template", name, "err", err)
		plainError(w, r, http.StatusInternalServerError, "error.internal")
		return
	}
	setPageHeaders(w, v.Lang)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// renderBytes renders a page for the request.
func (s *Server) renderBytes(r *http.Request, name string, v *view) ([]byte, error) {
	t, ok := s.pages.byName[name]
	if !ok {
		return nil, fmt.Errorf("no such template %q", name)
	}
	// A page to print is in the language of its document; every other
	// page in the person's.
	if v.Lang == "" {
		v.Lang = language(r)
	}
	v.Path = r.URL.RequestURI()
	v.Who = whoOf(r)
	v.Synthetic = s.synthetic(r.Context())
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// setPageHeaders sets the headers of an HTML page in a language. The page
// differs by the language asked for and by who is signed in.
func setPageHeaders(w http.ResponseWriter, lang i18n.Lang) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", string(lang))
	w.Header().Set("Vary", "Accept-Language, Cookie")
}

// i18nTitle translates a page title in the request's language.
func i18nTitle(r *http.Request, id string, pairs ...any) string {
	return (&view{Lang: language(r)}).T(id, pairs...)
}

// oslo is the time zone times are shown in: planverk's users are in Norway.
var oslo = func() *time.Location {
	l, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		return time.UTC
	}
	return l
}()

// Time writes a moment as Norwegian time, 19.06.2025 14:03.
func (v *view) Time(t time.Time) string { return t.In(oslo).Format("02.01.2006 15:04") }

// Date writes an optional date in the page's language: 19.06.2025,
// "november 2022" or "2022", as much as is known.
func (v *view) Date(d *plan.Date) string {
	if d == nil {
		return ""
	}
	return i18n.Date(v.Lang, *d)
}

// Day writes a date that is always there, as Date does.
func (v *view) Day(d plan.Date) string { return i18n.Date(v.Lang, d) }
