package web

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"

	"planverk/casefile"
	"planverk/store"
)

// projectImportConfirm stores an import the person has seen the preview
// of, in one transaction. It trusts nothing the page carried back: it
// reads and checks the file again, and merges each project into the
// stored one as it is now, in the import's own transaction, so that an
// edit saved since the preview is merged into rather than lost.
func (s *Server) projectImportConfirm(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxConfirmBody)
	if err := r.ParseForm(); err != nil {
		fm := newForm(nil)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			fm.Fail("file", "import.error-too-large", "Size", importSizeText)
			s.renderProjectImport(w, r, http.StatusRequestEntityTooLarge, b, fm, "", nil)
			return
		}
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	if !validForm(r.PostForm) {
		s.refuseNotUTF8(w, r)
		return
	}
	fm := newForm(r.PostForm)
	name := fm.Get("name")
	data, err := base64.RawURLEncoding.DecodeString(fm.Get("content"))
	if err != nil || name == "" || len(name) > 255 || len(data) == 0 || len(data) > maxImportFile {
		// Not a preview's form: start again from the file.
		again := newForm(nil)
		again.Fail("file", "import.error-no-file")
		s.renderProjectImport(w, r, http.StatusUnprocessableEntity, b, again, "", nil)
		return
	}
	if fm.Get("what") == importWhatReports {
		s.reportImportConfirm(w, r, b, name, data)
		return
	}
	res := casefile.Read(data, b.Programme.ID, b.Plans)
	if len(res.Problems) > 0 {
		// The plans may have changed since the preview (a source
		// renamed): say it as at first.
		again := newForm(nil)
		again.Fail("file", "projimport.error-problems", "Count", len(res.Problems))
		s.renderProjectImport(w, r, http.StatusUnprocessableEntity, b, again, name, res.Problems)
		return
	}
	done, err := s.store.ImportProjects(r.Context(), b.Programme.ID, res.Projects(),
		store.Edit{Author: whoOf(r).Subject.UserID, Summary: "import " + name, Submission: fm.Get("submission")})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/programmes/"+b.Programme.ID+"/projects?imported="+strconv.Itoa(len(done)), http.StatusSeeOther)
}
