package web

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"planverk/auth"
	"planverk/scheme"
)

// schemeImportCheck reads an uploaded catalogue file and checks all of it
// (scheme.CheckFiles). With problems it shows the form again, 422, with
// every one listed; without, what the import would do, to be confirmed. It
// stores nothing.
func (s *Server) schemeImportCheck(w http.ResponseWriter, r *http.Request) {
	// The permission first: the upload is not read for someone who may not
	// import.
	if !can(r, auth.EditSchemes, auth.Resource{}) {
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
		s.renderSchemeImport(w, r, status, fm, "", nil)
		return
	}
	checked := scheme.CheckFiles([]scheme.File{{Name: name, Data: data}}, s.now().In(oslo))
	if len(checked.Issues) > 0 {
		fm.Fail("file", "import.error-problems", "Count", len(checked.Issues))
		s.renderSchemeImport(w, r, http.StatusUnprocessableEntity, fm, name, checked.Issues)
		return
	}
	s.renderImportPreview(w, r, http.StatusOK, name, data, checked.Schemes, false, "")
}

// readImportUpload reads the file of the import form: its name and content,
// and 200; or, with the problem set on the form's file field, 413 for a
// file over maxImportFile and 422 for none, or 400 for a body that is not
// a form.
func readImportUpload(w http.ResponseWriter, r *http.Request, fm *form) (string, []byte, int) {
	tooLarge := func() (string, []byte, int) {
		fm.Fail("file", "import.error-too-large", "Size", importSizeText)
		return "", nil, http.StatusRequestEntityTooLarge
	}
	// The body is the file and a little more. One that says it is larger is
	// refused before it is read; one that says nothing is cut off there.
	limit := int64(maxImportFile + 64<<10)
	if r.ContentLength > limit {
		return tooLarge()
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	// Held in memory: the limit on the body is the limit on memory.
	err := r.ParseMultipartForm(limit)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return tooLarge()
	case errors.Is(err, http.ErrNotMultipart):
		// No file was sent (a form without one, the authorisation
		// matrix's empty body): as if none was chosen.
		fm.Fail("file", "import.error-no-file")
		return "", nil, http.StatusUnprocessableEntity
	case err != nil:
		return "", nil, http.StatusBadRequest
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		fm.Fail("file", "import.error-no-file")
		return "", nil, http.StatusUnprocessableEntity
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportFile+1))
	switch {
	case err != nil:
		return "", nil, http.StatusBadRequest
	case len(data) > maxImportFile:
		return tooLarge()
	case len(data) == 0:
		fm.Fail("file", "import.error-empty")
		return "", nil, http.StatusUnprocessableEntity
	}
	// Browsers send the name alone; an old one sent the path too.
	name := hdr.Filename[strings.LastIndexAny(hdr.Filename, `/\`)+1:]
	return name, data, http.StatusOK
}
