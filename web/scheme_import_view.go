package web

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/i18n"
	"planverk/scheme"
	"planverk/store"
)

// The catalogue's import in the browser is three steps: the form takes a
// file (GET /schemes/import), the upload is read and checked whole and
// either every problem is listed or what the import would do is shown
// (POST /schemes/import), and the confirmation reads and checks the same
// file again and stores it (POST /schemes/import/confirm). Reading and
// checking is scheme.CheckFiles and storing store.ApplyImport, as for
// `planverk schemes import`.

// maxImportFile is the largest catalogue file the browser's import takes.
// The seed catalogue of 30 schemes is about 60 kB as CSV, so this is room
// for thousands of schemes, and small enough to hold in memory and to carry
// through the preview page.
const maxImportFile = 5 << 20

// importSizeText is maxImportFile as the pages say it.
const importSizeText = "5 MB"

// schemeImportView is the import form, with the problems of a file that
// did not pass.
type schemeImportView struct {
	Form *form
	// File is the name of the file the problems are of.
	File     string
	Problems []importProblem
	SizeText string
}

// importProblem is one problem of a file as the page lists it.
type importProblem struct {
	// Line is where in the file, with the spreadsheet's row where it
	// differs; "" where not known.
	Line string
	// ColumnRef is a CSV column's letter as a spreadsheet shows it, or a
	// JSON or YAML line's column; ColumnName its heading, or the field.
	ColumnRef, ColumnName string
	// SchemeID is the scheme's id; SchemeNumber its number in the file
	// where it has none; both "" for a problem of the whole file.
	SchemeID, SchemeNumber string
	Message                string
}

func (s *Server) renderSchemeImport(w http.ResponseWriter, r *http.Request, status int, fm *form, file string, issues []scheme.Issue) {
	lang := language(r)
	v := schemeImportView{Form: fm, File: file, SizeText: importSizeText}
	for _, is := range issues {
		v.Problems = append(v.Problems, newImportProblem(lang, is))
	}
	s.render(w, r, status, "scheme_import", &view{Title: i18nTitle(r, "import.title"), Data: v})
}

func newImportProblem(lang i18n.Lang, is scheme.Issue) importProblem {
	t := func(id string, pairs ...any) string { return (&view{Lang: lang}).T(id, pairs...) }
	p := importProblem{Message: problemText(lang, is)}
	switch {
	case is.Line > 0 && is.Row > 0 && is.Row != is.Line:
		p.Line = t("import.line-row", "Line", is.Line, "Row", is.Row)
	case is.Line > 0:
		p.Line = strconv.Itoa(is.Line)
	}
	switch {
	case is.Cell > 0:
		p.ColumnRef = columnLetter(is.Cell)
	case is.Col > 0:
		p.ColumnRef = strconv.Itoa(is.Col)
	}
	p.ColumnName = is.Column
	if p.ColumnName == "" {
		p.ColumnName = is.Field
	}
	switch {
	case is.ID != "":
		p.SchemeID = is.ID
	case is.Index >= 0:
		p.SchemeNumber = t("import.scheme-number", "Number", is.Index+1)
	}
	return p
}

// problemText says a problem in the page's language, from its code. A code
// the catalogue of messages lacks is said in English, as the file's
// checks wrote it, rather than not at all; a test keeps them all there.
func problemText(lang i18n.Lang, is scheme.Issue) string {
	id := "import-problem." + is.Code
	args := make(map[string]any, len(is.Args))
	for k, v := range is.Args {
		args[k] = v
	}
	if msg := i18n.T(lang, id, args); !strings.HasPrefix(msg, id) {
		return msg
	}
	return is.Message
}

// columnLetter names a spreadsheet's column as it does: 1 is A, 27 AA.
func columnLetter(n int) string {
	var out []byte
	for ; n > 0; n = (n - 1) / 26 {
		out = append([]byte{byte('A' + (n-1)%26)}, out...)
	}
	return string(out)
}

// schemeImportPreview is what an import would do, with the form that
// confirms it.
type schemeImportPreview struct {
	File string
	// Stale says the catalogue changed after the file was checked, and
	// this preview is made again.
	Stale     bool
	New       []importedScheme
	Changed   []importedScheme
	Unchanged int
	Absent    int
	// Form carries the file and what was seen to the confirmation.
	Form *form
}

// importedScheme is one new or changed scheme of a preview.
type importedScheme struct {
	ID       string
	Name     localText
	Restored bool
	Changes  []schemeChange
}

// renderImportPreview shows what importing schemes, read and checked from
// the file name with content data, would do to the catalogue as it is now.
// The page carries the file itself, the catalogue's version and a new
// submission key to the confirmation, which trusts none of it: it reads and
// checks the file again, and stores nothing where the version is no longer
// the catalogue's.
func (s *Server) renderImportPreview(w http.ResponseWriter, r *http.Request, status int, name string, data []byte, schemes []scheme.Scheme, stale bool, note string) {
	ctx := r.Context()
	// The version is read before the catalogue is compared: a change
	// between the two makes the confirmation see a newer version and show
	// the preview again, rather than store over a change not shown.
	version, err := s.store.CatalogueVersion(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := store.PlanImport(ctx, s.store, schemes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	sl := schemeLang(lang)
	pv := schemeImportPreview{File: name, Stale: stale, Unchanged: res.Unchanged, Absent: res.Absent, Form: newForm(nil)}
	for _, it := range res.Items {
		is := importedScheme{ID: it.Scheme.ID, Name: textIn(it.Scheme.Name, sl), Restored: it.Restored}
		switch it.Outcome {
		case store.ImportNew:
			pv.New = append(pv.New, is)
		case store.ImportChanged:
			is.Changes = schemeDiff(it.Before.Scheme, it.Scheme, lang)
			pv.Changed = append(pv.Changed, is)
		}
	}
	fv := pv.Form.Values
	fv.Set("content", base64.RawURLEncoding.EncodeToString(data))
	fv.Set("name", name)
	fv.Set("version", strconv.FormatInt(version, 10))
	fv.Set("submission", newSubmission())
	fv.Set("change_note", note)
	s.render(w, r, status, "scheme_import_preview", &view{Title: i18nTitle(r, "import.preview-title"), Data: pv})
}

// maxConfirmBody is the largest confirmation: the file in base64 (4 bytes
// for every 3), and room for the other fields.
const maxConfirmBody = maxImportFile/3*4 + 64<<10

// importCounts is the message /schemes shows after an import.
type importCounts struct{ New, Changed, Unchanged int }

// importedTarget is where an import ends: the catalogue, told what the
// import did.
func importedTarget(res store.ImportResult) string {
	return fmt.Sprintf("/schemes?imported=%d,%d,%d", res.New, res.Changed, res.Unchanged)
}

// importedFlash reads importedTarget's message from a request's query; nil
// where there is none.
func importedFlash(q url.Values) *importCounts {
	var n [3]int
	parts := strings.Split(q.Get("imported"), ",")
	if len(parts) != len(n) {
		return nil
	}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return nil
		}
		n[i] = v
	}
	return &importCounts{New: n[0], Changed: n[1], Unchanged: n[2]}
}
