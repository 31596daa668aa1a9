package web

import (
	"bytes"
	"errors"
	"net/http"

	"planverk/auth"
	"planverk/i18n"
	"planverk/sheet"
)

// budgetImportCheck reads an uploaded workbook's budget sheet and shows
// what it would change, or every problem in it; it saves nothing.
func (s *Server) budgetImportCheck(w http.ResponseWriter, r *http.Request) {
	s.importCheck(w, r, budgetImport)
}

// financingImportCheck is budgetImportCheck for a financing table.
func (s *Server) financingImportCheck(w http.ResponseWriter, r *http.Request) {
	s.importCheck(w, r, financingImport)
}

func (s *Server) importCheck(w http.ResponseWriter, r *http.Request, ti tableImport) {
	// The permission first: the upload is not read for someone who may
	// not edit the plan.
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	g, _, ok := s.importTable(w, r, ti, f, v)
	if !ok {
		return
	}
	fm := newForm(nil)
	_, data, status := readImportUpload(w, r, fm)
	switch status {
	case http.StatusOK:
	case http.StatusBadRequest:
		s.errorPage(w, r, status, "error.bad-request")
		return
	default:
		s.renderImport(w, r, status, ti, f, v, g, fm, importView{}, nil)
		return
	}
	up, problems, err := sheet.Read(bytes.NewReader(data), ti.kind, g.ID)
	switch {
	case errors.Is(err, sheet.ErrNotWorkbook):
		fm.Fail("file", "office.not-workbook")
	case err != nil:
		s.fail(w, r, err)
		return
	case len(problems) == 0:
		bg, _, had := s.importBaseTable(r, ti, v, up.Version, g.ID)
		if !had {
			fm.Fail("file", "office.unknown-version", "Version", up.Version)
			break
		}
		s.importPreview(w, r, ti, f, v, up.Version, sheet.Changes(bg, up), up.Sheet)
		return
	}
	iv := importView{}
	for _, p := range problems {
		iv.Problems = append(iv.Problems, uploadProblemText(language(r), p, g.Title))
	}
	if len(problems) > 0 {
		fm.Fail("file", "office.problems", "Count", len(problems))
	}
	s.renderImport(w, r, http.StatusUnprocessableEntity, ti, f, v, g, fm, iv, nil)
}

// uploadProblemText writes a problem of an upload in the person's language,
// naming its sheet and cell as Excel shows them.
func uploadProblemText(lang i18n.Lang, p sheet.Problem, table string) string {
	value := []rune(p.Value)
	if len(value) > 40 {
		value = append(value[:40], '…')
	}
	return i18n.T(lang, "office.problem-"+p.Code, map[string]any{
		"Sheet": p.Sheet, "Cell": p.Cell, "Value": string(value), "Table": table})
}
