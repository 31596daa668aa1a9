package web

import (
	"fmt"
	"net/http"

	"planverk/store"
)

// The media types of the documents a plan is downloaded as.
const (
	typeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	typeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	typeCSV  = "text/csv; charset=utf-8"
)

// sendDocument sends a plan's document as a download named after the
// plan, and after what it is of it: the release, or the draft and its
// version, so that files kept side by side do not overwrite each other.
func sendDocument(w http.ResponseWriter, v store.PlanVersion, part, ext, typ string, body []byte) {
	name := fmt.Sprintf("%s-%d", v.ProgrammeID, v.Year)
	if part != "" {
		name += "-" + part
	}
	if v.Release != nil {
		name += fmt.Sprintf("-release-%d", v.Release.Number)
	} else {
		name += fmt.Sprintf("-v%d", v.Version)
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, ext))
	// A draft changes with every save: never served from a cache.
	w.Header().Set("Cache-Control", "private, no-cache")
	_, _ = w.Write(body)
}
