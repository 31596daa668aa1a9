package web

import (
	"net/http"
	"net/url"
)

// The state of a PDF being made, as its waiting page asks for it.
const (
	pdfQueued   = "queued"
	pdfPrinting = "printing"
	pdfReady    = "ready"
	pdfFailed   = "failed"
)

// state is where the job stands: done (ready or failed), or under way.
func (job *pdfJob) state() string {
	select {
	case <-job.done:
		if job.err != nil {
			return pdfFailed
		}
		return pdfReady
	default:
		return pdfPrinting
	}
}

// pdfProgress answers the waiting page's script, which asks every few
// seconds how the PDF goes (the PDF's own address with progress=1), so
// that the page can say so without being reloaded: its status line is a
// live region, read out by screen readers when it changes. The answer
// carries the sentence to show, in the reader's language; asking starts
// the job where none runs, as asking for the PDF does.
func (s *Server) pdfProgress(w http.ResponseWriter, r *http.Request, state string) {
	waiting, _ := s.printer.Queue()
	if state == pdfPrinting && waiting > 0 {
		state = pdfQueued
	}
	var msg string
	switch state {
	case pdfReady:
		msg = i18nTitle(r, "pdf.wait.ready")
	case pdfFailed:
		msg = i18nTitle(r, "pdf.failed.body")
	case pdfQueued:
		msg = i18nTitle(r, "pdf.wait.queued", "Count", waiting)
	default:
		msg = i18nTitle(r, "pdf.wait.printing")
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, struct {
		State   string `json:"state"`
		Waiting int    `json:"waiting"`
		Message string `json:"message"`
		Open    string `json:"open,omitempty"`
	}{State: state, Waiting: waiting, Message: msg, Open: openLabel(r, state)})
}

// openLabel is the new text of the page's link once the PDF is ready.
func openLabel(r *http.Request, state string) string {
	if state != pdfReady {
		return ""
	}
	return i18nTitle(r, "pdf.wait.open")
}

// progressURL is the address the waiting page asks how its PDF goes.
func progressURL(u *url.URL) string {
	q := u.Query()
	q.Set("progress", "1")
	return u.Path + "?" + q.Encode()
}
