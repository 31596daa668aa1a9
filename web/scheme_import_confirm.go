package web

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// schemeImportConfirm stores an import the person has seen the preview of.
// It trusts nothing the page carried back: it reads and checks the file
// again, and where the catalogue's version is no longer the one the
// preview was made from (compared in the import's own transaction), it
// stores nothing and shows the preview again, made anew, saying why. The
// submission key makes a double click import once: the second click finds
// the first's revisions and ends where it did.
func (s *Server) schemeImportConfirm(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxConfirmBody)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			fm := newForm(nil)
			fm.Fail("file", "import.error-too-large", "Size", importSizeText)
			s.renderSchemeImport(w, r, http.StatusRequestEntityTooLarge, fm, "", nil)
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
	seen, verr := strconv.ParseInt(fm.Get("version"), 10, 64)
	if err != nil || verr != nil || name == "" || len(name) > 255 || len(data) == 0 || len(data) > maxImportFile {
		// Not a preview's form: start again from the file.
		again := newForm(nil)
		again.Fail("file", "import.error-no-file")
		s.renderSchemeImport(w, r, http.StatusUnprocessableEntity, again, "", nil)
		return
	}
	checked := scheme.CheckFiles([]scheme.File{{Name: name, Data: data}}, s.now().In(oslo))
	if len(checked.Issues) > 0 {
		// The file passed when previewed; the day may have changed since
		// (a date checked "today" by another clock), so say it as at first.
		again := newForm(nil)
		again.Fail("file", "import.error-problems", "Count", len(checked.Issues))
		s.renderSchemeImport(w, r, http.StatusUnprocessableEntity, again, name, checked.Issues)
		return
	}
	res, _, err := store.ApplyImport(r.Context(), s.store, checked.Schemes,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, "import "+name), Submission: fm.Get("submission")}, seen)
	if plan.ErrorCode(err) == plan.EConflict {
		s.renderImportPreview(w, r, http.StatusConflict, name, data, checked.Schemes, true, fm.Get("change_note"))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, importedTarget(res), http.StatusSeeOther)
}
