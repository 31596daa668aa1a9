package web

import (
	"net/http"

	"planverk/casefile"
)

// projectImportCheck reads an uploaded case export and shows what it
// would create and update, or every problem in it by row and column,
// 422; it stores nothing.
func (s *Server) projectImportCheck(w http.ResponseWriter, r *http.Request) {
	// The permission first: the upload is not read for someone who may
	// not register projects.
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	fm := newForm(nil)
	name, data, status := readImportUpload(w, r, fm)
	switch status {
	case http.StatusOK:
	case http.StatusBadRequest:
		s.errorPage(w, r, status, "error.bad-request")
		return
	default:
		s.renderProjectImport(w, r, status, b, fm, "", nil)
		return
	}
	// The choice stays as made on the form shown again.
	fm.Values.Set("what", r.FormValue("what"))
	if r.FormValue("what") == importWhatReports {
		s.reportImportCheck(w, r, b, fm, name, data)
		return
	}
	res := casefile.Read(data, b.Programme.ID, b.Plans)
	if len(res.Problems) > 0 {
		fm.Fail("file", "projimport.error-problems", "Count", len(res.Problems))
		s.renderProjectImport(w, r, http.StatusUnprocessableEntity, b, fm, name, res.Problems)
		return
	}
	s.renderProjectImportPreview(w, r, b, name, data, res)
}
