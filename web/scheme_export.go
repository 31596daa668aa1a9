package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"planverk/scheme"
	"planverk/store"
)

// schemeExport downloads the catalogue as CSV (for a spreadsheet) or JSON,
// sorted by id as `planverk schemes export` writes it, to be changed and
// imported again. It is open to everyone: the catalogue is public at
// /schemes anyway.
func (s *Server) schemeExport(w http.ResponseWriter, r *http.Request) {
	format := scheme.Format(r.URL.Query().Get("format"))
	if format == "" {
		format = scheme.FormatCSV
	}
	if format != scheme.FormatCSV && format != scheme.FormatJSON {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	list, err := store.CatalogueSchemes(r.Context(), s.store)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Written whole first, so that an error is a clean 500 and not half a
	// file.
	var b bytes.Buffer
	contentType := "application/json"
	if format == scheme.FormatCSV {
		contentType = "text/csv; charset=utf-8"
		// A byte-order mark first: without it, a spreadsheet opened by a
		// double click on Windows reads the file in the old Windows
		// encoding and shows æ, ø and å wrongly. Import skips it.
		b.WriteString("\ufeff")
		err = scheme.WriteCSV(&b, list)
	} else {
		err = scheme.WriteJSON(&b, list)
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("export the catalogue: %w", err))
		return
	}
	name := fmt.Sprintf("planverk-schemes-%s.%s", s.now().In(oslo).Format("2006-01-02"), format)
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	_, _ = w.Write(b.Bytes())
}
