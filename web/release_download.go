package web

import (
	"encoding/json"
	"fmt"
	"net/http"

	"planverk/cycle"
	"planverk/plan"
	"planverk/planfile"
)

// releaseDownload sends a release as a plan file, YAML (plan.yaml) or
// JSON (plan.json), to be kept or imported elsewhere: exactly the content
// that was released, with a strong entity tag of its digest. It sends
// the release as a document too: Word (plan.docx), Excel (plan.xlsx), or
// printed (plan.pdf, pdf_serve.go).
func (s *Server) releaseDownload(w http.ResponseWriter, r *http.Request) {
	format := r.PathValue("format")
	if format == "plan.docx" || format == "plan.xlsx" {
		if f, v, ok := s.releaseFor(w, r); ok && format == "plan.docx" {
			s.sendDocx(w, r, f, v)
		} else if ok {
			s.sendXlsx(w, r, f, v)
		}
		return
	}
	if format != "plan.yaml" && format != "plan.json" && format != "plan.pdf" {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no download %q", format))
		return
	}
	f, v, ok := s.releaseFor(w, r)
	if !ok {
		return
	}
	if format == "plan.pdf" {
		s.servePDF(w, r, f, v)
		return
	}
	var body []byte
	var err error
	typ, ext := "application/yaml", "yaml"
	if format == "plan.json" {
		typ, ext = "application/json", "json"
		body = cycle.Encode(f)
		// The release's own bytes, indented for reading.
		var out json.RawMessage = body
		body, err = json.MarshalIndent(out, "", "  ")
	} else {
		body, err = planfile.Marshal(f)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tag := fmt.Sprintf(`"%s-%s"`, v.Release.Digest, ext)
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", typ+"; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%d-release-%d.%s"`,
		v.ProgrammeID, v.Year, v.Release.Number, ext))
	_, _ = w.Write(body)
}
