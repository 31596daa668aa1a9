package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/i18n"
	"planverk/scheme"
	"planverk/store"
)

// upload posts a file as the import form does, multipart/form-data.
func (c *client) upload(path, name string, data []byte) (*http.Response, string) {
	c.fx.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		c.fx.t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.fx.srv.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.fx.srv.URL)
	return c.do(req)
}

// exportCSV downloads the catalogue as CSV, as its rows.
func exportCSV(t *testing.T, c *client) [][]string {
	t.Helper()
	resp, body := c.get("/schemes/export?format=csv")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: status %d", resp.StatusCode)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// writeCSV writes rows as a spreadsheet would save them.
func writeCSV(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// setCell sets the cell of a column in the row of a scheme.
func setCell(t *testing.T, rows [][]string, id, column, value string) {
	t.Helper()
	col := slices.Index(rows[0], column)
	for _, r := range rows[1:] {
		if r[0] == id && col >= 0 {
			r[col] = value
			return
		}
	}
	t.Fatalf("no cell %s of %s", column, id)
}

// catalogueVersion is the store's catalogue version.
func catalogueVersion(t *testing.T, fx *fixture) int64 {
	t.Helper()
	v, err := fx.store.CatalogueVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// importEditor makes a system administrator, who may import, logged in
// and asking for pages in lang.
func importEditor(fx *fixture, lang string) *client {
	fx.user("sys@example.no", "", true, "", "")
	return fx.login("sys@example.no").in(lang)
}

// TestExportImportUnchanged: the catalogue downloaded as CSV or JSON, by
// anyone, and imported again as it is, changes nothing: the preview says
// every scheme is unchanged and offers nothing to confirm.
func TestExportImportUnchanged(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			visitor := fx.anonymous()
			resp, csvBody := visitor.get("/schemes/export?format=csv")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
				!regexp.MustCompile(`^attachment; filename="planverk-schemes-\d{4}-\d\d-\d\d\.csv"$`).MatchString(resp.Header.Get("Content-Disposition")) {
				t.Fatalf("CSV export: status %d, %v", resp.StatusCode, resp.Header)
			}
			if !strings.HasPrefix(csvBody, "\ufeffid,") {
				t.Errorf("the CSV export does not start with a byte-order mark and the heading: %.20q", csvBody)
			}
			resp, jsonBody := visitor.get("/schemes/export?format=json")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" ||
				!strings.HasSuffix(resp.Header.Get("Content-Disposition"), `.json"`) {
				t.Fatalf("JSON export: status %d, %v", resp.StatusCode, resp.Header)
			}
			if resp, _ := visitor.get("/schemes/export?format=xlsx"); resp.StatusCode != http.StatusBadRequest {
				t.Errorf("an unknown format: status %d", resp.StatusCode)
			}
			// Sorted by id, as the command line writes it.
			list, err := scheme.ReadJSON("export.json", strings.NewReader(jsonBody))
			if err != nil || len(list) != 30 || !slices.IsSortedFunc(list, func(a, b scheme.Scheme) int { return strings.Compare(a.ID, b.ID) }) {
				t.Fatalf("the JSON export: %d schemes, %v", len(list), err)
			}

			sys := importEditor(fx, "nn")
			before := catalogueVersion(t, fx)
			for name, body := range map[string]string{"katalog.csv": csvBody, "katalog.json": jsonBody} {
				resp, page := sys.upload("/schemes/import", name, []byte(body))
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d\n%.500s", name, resp.StatusCode, page)
				}
				for _, want := range []string{"Nye ordningar: 0. Endra: 0. Uendra: 30.", "Det er ingenting å importere"} {
					if !strings.Contains(page, want) {
						t.Errorf("%s: the preview lacks %q", name, want)
					}
				}
				if strings.Contains(page, `action="/schemes/import/confirm"`) {
					t.Errorf("%s: an import of nothing can be confirmed", name)
				}
			}
			if catalogueVersion(t, fx) != before {
				t.Error("a preview stored something")
			}
		})
	}
}

// TestImportNewAndChanged: a spreadsheet with one cell changed and one row
// added is previewed as one new and one changed scheme, with what changes;
// confirmed, the scheme's page shows the new text, its history the
// revision with the note, and the catalogue says what the import did.
func TestImportNewAndChanged(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			sys := importEditor(fx, "nn")
			rows := exportCSV(t, sys)
			added := slices.Clone(rows[slices.IndexFunc(rows, func(r []string) bool { return r[0] == "husbanken-startlan" })])
			added[0] = "telemark-ny-ordning"
			added[slices.Index(rows[0], "name_nn")] = "Ei ny ordning"
			rows = append(rows, added)
			setCell(t, rows, "husbanken-startlan", "summary_nn", "Eit samandrag frå reknearket.")

			resp, page := sys.upload("/schemes/import", "katalog.csv", writeCSV(t, rows))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d\n%.800s", resp.StatusCode, page)
			}
			for _, want := range []string{
				"Nye ordningar: 1. Endra: 1. Uendra: 29.",
				"<code>telemark-ny-ordning</code>", "Ei ny ordning",
				`<a href="/schemes/husbanken-startlan"><code>husbanken-startlan</code></a>`,
				"Samandrag (Nynorsk)", "Eit samandrag frå reknearket.",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("the preview lacks %q", want)
				}
			}
			if n := len(schemeRevisions(t, fx, "husbanken-startlan")); n != 1 {
				t.Fatalf("the preview stored %d revisions", n)
			}

			f := formAt(t, page, "/schemes/import/confirm")
			f.Set("change_note", "Samandrag frå fylket")
			resp, _ = sys.post("/schemes/import/confirm", f)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/schemes?imported=1,1,29" {
				t.Fatalf("confirm: status %d, %s", resp.StatusCode, resp.Header.Get("Location"))
			}
			_, list := sys.get(resp.Header.Get("Location"))
			if !strings.Contains(list, "Importen er ferdig. Nye ordningar: 1. Endra: 1. Uendra: 29.") {
				t.Error("the catalogue does not say what the import did")
			}
			_, shown := sys.get("/schemes/husbanken-startlan")
			if !strings.Contains(shown, "Eit samandrag frå reknearket.") {
				t.Error("the scheme page does not show the imported text")
			}
			if resp, _ := sys.get("/schemes/telemark-ny-ordning"); resp.StatusCode != http.StatusOK {
				t.Errorf("the new scheme's page: status %d", resp.StatusCode)
			}
			_, history := sys.get("/schemes/husbanken-startlan/history")
			for _, want := range []string{"Samandrag frå fylket", "Eit samandrag frå reknearket.", "sys"} {
				if !strings.Contains(history, want) {
					t.Errorf("the history lacks %q", want)
				}
			}
			if n := len(schemeRevisions(t, fx, "husbanken-startlan")); n != 2 {
				t.Errorf("%d revisions, want 2", n)
			}
			// Searching finds the new text at once: the index was rebuilt.
			_, found := sys.get("/schemes?q=reknearket")
			if ids := hitIDs(found); !slices.Equal(ids, []string{"husbanken-startlan"}) {
				t.Errorf("a search for the new text finds %v", ids)
			}
		})
	}
}

// problemRow is one row of the page's list of problems.
var problemRow = regexp.MustCompile(`(?s)<tr><td>([^<]*)</td><td>([^<]*)(?: <code>([^<]*)</code>)?</td><td>(?:<code>)?([^<]*)(?:</code>)?</td><td>([^<]*)</td></tr>`)

// TestImportProblems: a file with several mistakes is refused (422) with
// every one listed, in the page's language, by line, column and scheme;
// nothing is stored.
func TestImportProblems(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			sys := importEditor(fx, "nn")
			rows := exportCSV(t, sys)
			ids := []string{rows[3][0], rows[4][0], rows[5][0], rows[6][0]}
			setCell(t, rows, ids[0], "checked", "31.02.2026")
			setCell(t, rows, ids[1], "links", "berre ein tittel")
			setCell(t, rows, ids[2], "kinds", "lån")
			setCell(t, rows, ids[3], "deadline", "snart")
			data := writeCSV(t, rows)
			before := catalogueVersion(t, fx)

			resp, page := sys.upload("/schemes/import", "katalog.csv", data)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			text := string(data)
			want := []struct{ line, column, name, id, message string }{
				{cellLine(text, ids[0], ",31.02.2026,"), "AE", "checked", ids[0], "«31.02.2026» er ikkje ein dato"},
				{cellLine(text, ids[1], ",berre ein tittel,"), "AC", "links", ids[1], "«berre ein tittel»: skriv ei lenkje som ein tittel"},
				{cellLine(text, ids[3], ",snart,"), "T", "deadline", ids[3], "«snart» er ikkje ein frist"},
				{cellLine(text, ids[2], ",lån,"), "I", "kinds", ids[2], "«lån» er ikkje ein av verdiane katalogen har"},
			}
			got := problemRow.FindAllStringSubmatch(page, -1)
			if len(got) != len(want) {
				t.Fatalf("%d problems listed, want %d:\n%v", len(got), len(want), got)
			}
			for i, w := range want {
				g := got[i]
				line, _, _ := strings.Cut(g[1], " ")
				if line != w.line || g[2] != w.column || g[3] != w.name || g[4] != w.id || !strings.Contains(html.UnescapeString(g[5]), w.message) {
					t.Errorf("problem %d: %q, want %+v", i, g[1:], w)
				}
			}
			for _, want := range []string{"Fila har 4 feil, lista nedanfor. Ingenting er importert.", `href="#f-file"`, `aria-invalid="true"`, "Feil i katalog.csv", "(rad 5)"} {
				if !strings.Contains(page, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
			if catalogueVersion(t, fx) != before {
				t.Error("a file with problems stored something")
			}
			// In bokmål and English the same problems are said in those.
			if _, nb := sys.in("nb").upload("/schemes/import", "katalog.csv", data); !strings.Contains(nb, "«31.02.2026» er ikke en dato") {
				t.Error("the bokmål page does not say the problem in bokmål")
			}
			if _, en := sys.in("en").upload("/schemes/import", "katalog.csv", data); !strings.Contains(en, "“31.02.2026” is not a date") {
				t.Error("the English page does not say the problem in English")
			}
		})
	}
}

// cellLine is the line of the file where cell, written with the commas
// around it, stands in the CSV row whose first cell is id.
func cellLine(text, id, cell string) string {
	i := strings.Index(text, "\n"+id+",")
	j := strings.Index(text[i:], cell)
	if i < 0 || j < 0 {
		return "not found"
	}
	return strconv.Itoa(strings.Count(text[:i+j+1], "\n") + 1)
}

// TestImportConfirmTwice: the confirmation sent twice (a double click)
// imports once, and both end where the first did.
func TestImportConfirmTwice(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			sys := importEditor(fx, "nb")
			rows := exportCSV(t, sys)
			setCell(t, rows, "husbanken-startlan", "summary_nb", "Et sammendrag sendt to ganger.")
			_, page := sys.upload("/schemes/import", "katalog.csv", writeCSV(t, rows))
			f := formAt(t, page, "/schemes/import/confirm")
			first, _ := sys.post("/schemes/import/confirm", f)
			second, _ := sys.post("/schemes/import/confirm", f)
			for _, resp := range []*http.Response{first, second} {
				if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/schemes?imported=0,1,29" {
					t.Errorf("confirm: status %d, %s", resp.StatusCode, resp.Header.Get("Location"))
				}
			}
			if n := len(schemeRevisions(t, fx, "husbanken-startlan")); n != 2 {
				t.Errorf("%d revisions, want 2", n)
			}
		})
	}
}

// TestImportCatalogueChanged: when the catalogue changes between the
// preview and the confirmation, nothing is stored, and the preview is
// shown again, made anew, saying why; confirmed from there, it imports.
func TestImportCatalogueChanged(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			sys := importEditor(fx, "nn")
			rows := exportCSV(t, sys)
			setCell(t, rows, "husbanken-startlan", "summary_nn", "Frå fila.")
			_, page := sys.upload("/schemes/import", "katalog.csv", writeCSV(t, rows))
			f := formAt(t, page, "/schemes/import/confirm")

			// Meanwhile someone changes another scheme in the browser.
			other := rows[2][0]
			if _, err := fx.store.EditScheme(context.Background(), other, store.Edit{Summary: "meanwhile"}, func(sc *scheme.Scheme, _ bool) error {
				sc.Summary = scheme.Text{scheme.LangNN: "Endra i mellomtida."}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			before := catalogueVersion(t, fx)
			resp, again := sys.post("/schemes/import/confirm", f)
			if resp.StatusCode != http.StatusConflict {
				t.Fatalf("status %d, want 409", resp.StatusCode)
			}
			if !strings.Contains(again, "Katalogen vart endra etter at du kontrollerte fila, så ingenting er importert.") {
				t.Error("the page does not say why nothing was imported")
			}
			if catalogueVersion(t, fx) != before || len(schemeRevisions(t, fx, "husbanken-startlan")) != 1 {
				t.Error("something was stored")
			}
			// Made anew: the file would now also undo the other change.
			if !strings.Contains(again, "Nye ordningar: 0. Endra: 2. Uendra: 28.") {
				t.Error("the preview is not made anew")
			}
			resp, _ = sys.post("/schemes/import/confirm", formAt(t, again, "/schemes/import/confirm"))
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/schemes?imported=0,2,28" {
				t.Errorf("confirmed again: status %d, %s", resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
}

// TestImportRefused: only those who edit the catalogue may import; a visitor
// is sent to log in, anyone else is refused, and the page's link is theirs
// alone. Everyone may download.
func TestImportRefused(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@example.no", "", false, "vest-telemark", auth.RoleAdmin)
	admin, visitor := fx.login("admin@example.no"), fx.anonymous()
	if resp, _ := visitor.get("/schemes/import"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("a visitor: status %d", resp.StatusCode)
	}
	data := []byte("id\nx\n")
	for _, c := range []*client{admin, visitor} {
		if resp, _ := c.upload("/schemes/import", "a.csv", data); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("upload: status %d", resp.StatusCode)
		}
		if resp, _ := c.post("/schemes/import/confirm", url.Values{"name": {"a.csv"}, "content": {"aWQKeAo"}}); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("confirm: status %d", resp.StatusCode)
		}
	}
	_, page := admin.get("/schemes")
	if strings.Contains(page, `href="/schemes/import"`) || !strings.Contains(page, `href="/schemes/export?format=csv"`) {
		t.Error("the catalogue's links are wrong for a programme's administrator")
	}
	_, page = importEditor(fx, "nb").get("/schemes")
	if !strings.Contains(page, `href="/schemes/import"`) {
		t.Error("a system administrator is not offered the import")
	}
}

// TestImportTooLarge: a file over the limit is refused with the limit said.
func TestImportTooLarge(t *testing.T) {
	fx := newFixture(t, "sqlite")
	sys := importEditor(fx, "nn")
	resp, page := sys.upload("/schemes/import", "stor.csv", bytes.Repeat([]byte("x"), maxImportFile+1))
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "Fila er større enn 5 MB") {
		t.Errorf("status %d", resp.StatusCode)
	}
	resp, page = sys.upload("/schemes/import", "tom.csv", nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Fila er tom.") {
		t.Errorf("an empty file: status %d", resp.StatusCode)
	}
}

// Every code a catalogue file's problem can have is said in every language.
func TestImportProblemCodesTranslated(t *testing.T) {
	for code, args := range scheme.ProblemArgs {
		is := scheme.Issue{Code: code, Args: map[string]string{}, Message: "ENGLISH"}
		for _, a := range args {
			is.Args[a] = "x"
		}
		for _, l := range i18n.Langs {
			if got := problemText(l, is); got == "ENGLISH" || strings.Contains(got, "{{") {
				t.Errorf("%s has no words in %s: %q", code, l, got)
			}
		}
	}
	if got := columnLetter(31) + columnLetter(1) + columnLetter(26) + columnLetter(27); got != "AEAZAA" {
		t.Errorf("column letters %q", got)
	}
}

// TestImportYAMLProblems: a YAML file's problems name the scheme by its id,
// or by its number where it has none, and the line of the field.
func TestImportYAMLProblems(t *testing.T) {
	fx := newFixture(t, "sqlite")
	sys := importEditor(fx, "nb")
	yml := "- id: a\n  name: {nn: A}\n  provider: p\n  level: national\n  areas: [norge]\n  kinds: [lån]\n  audiences: [households]\n" +
		"  themes: [housing]\n  status: open\n  source: https://a.no/\n  checked: 2026-01-01\n" +
		"- name: {nn: B}\n  provider: p\n  level: national\n  areas: [norge]\n  kinds: [loan]\n  audiences: [households]\n" +
		"  themes: [housing]\n  status: open\n  source: https://b.no/\n  checked: 2026-01-01\n"
	resp, page := sys.upload("/schemes/import", "ordninger.yaml", []byte(yml))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", resp.StatusCode)
	}
	got := problemRow.FindAllStringSubmatch(page, -1)
	if len(got) != 2 {
		t.Fatalf("problems: %v", got)
	}
	if kind := got[0]; kind[1] != "6" || kind[3] != "kinds[0]" || kind[4] != "a" || !strings.Contains(html.UnescapeString(kind[5]), "«lån» er ikke en av verdiene") {
		t.Errorf("the kind: %q", kind[1:])
	}
	if id := got[1]; id[1] != "12" || id[3] != "id" || id[4] != "Nr. 2" || !strings.Contains(id[5], "Dette må fylles ut.") {
		t.Errorf("the id: %q", id[1:])
	}
}
