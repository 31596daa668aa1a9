package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"planverk/document"
	"planverk/plan"
	"planverk/store"
)

// defaultPDFMoment is how long a request waits for its PDF before it
// answers that the PDF is being made.
const defaultPDFMoment = 4 * time.Second

// servePDF answers a request for the PDF of a plan's version: from the
// cache where it was made before, else by the job that makes it, waited
// for a moment. A PDF that takes longer gets a page that says so, where it
// is in the queue, and a link to fetch it; the job goes on meanwhile.
// Where no Chromium is installed, a page says that plainly (503).
func (s *Server) servePDF(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion) {
	if !s.printer.Available() {
		s.render(w, r, http.StatusServiceUnavailable, "pdf_unavailable", &view{Title: i18nTitle(r, "pdf.unavailable.title")})
		return
	}
	key, doc, err := s.pdfKey(r, f, v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	progress := r.URL.Query().Get("progress") == "1"
	if page, ok := s.pdfCache.get(key); ok {
		if progress {
			s.pdfProgress(w, r, pdfReady)
			return
		}
		writePDF(w, r, v, page)
		return
	}
	job := s.pdfJobs.runningJob(key)
	if job == nil {
		if progress && s.pdfJobs.failedRecently(key) {
			s.pdfProgress(w, r, pdfFailed)
			return
		}
		if doc == nil {
			d, err := s.planDocument(r, f, v)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			doc = &d
		}
		job = s.pdfJobs.start(key, func(ctx context.Context) ([]byte, error) { return s.print(ctx, *doc) },
			func(pdf []byte) { s.pdfCache.put(key, pdf) })
	}
	if progress {
		s.pdfProgress(w, r, job.state())
		return
	}
	timer := time.NewTimer(s.pdfMoment)
	defer timer.Stop()
	select {
	case <-job.done:
	case <-timer.C:
		s.pdfWait(w, r)
		return
	case <-r.Context().Done():
		return
	}
	if job.err != nil {
		s.log.Error("pdf", "programme", v.ProgrammeID, "year", v.Year, "version", v.Version, "err", job.err)
		s.render(w, r, http.StatusInternalServerError, "error", &view{Title: i18nTitle(r, "pdf.failed.title"), Data: "pdf.failed.body"})
		return
	}
	page, ok := s.pdfCache.get(key)
	if !ok { // larger than the cache
		page = &cachedPage{body: job.pdf, etag: pdfTag(job.pdf)}
	}
	writePDF(w, r, v, page)
}

// pdfKey is the cache key of a version's PDF. A release never changes, so
// its digest and the language name its PDF without making the document; a
// draft's PDF is named by the document made of it, which depends on
// nothing but the version (planDocument).
func (s *Server) pdfKey(r *http.Request, f *plan.File, v store.PlanVersion) (pageKey, *document.Document, error) {
	lang := printLang(f)
	if v.Release != nil {
		return releaseKey("pdf", *v.Release, lang, ""), nil, nil
	}
	doc, err := s.planDocument(r, f, v)
	if err != nil {
		return pageKey{}, nil, err
	}
	h := sha256.New()
	for _, part := range []string{string(doc.HTML), doc.Header, doc.Footer} {
		fmt.Fprintf(h, "%d:%s", len(part), part)
	}
	return pageKey{page: "pdf-draft", programme: v.ProgrammeID, year: v.Year, release: v.Version,
		digest: hex.EncodeToString(h.Sum(nil)), lang: lang}, &doc, nil
}

// pdfWait answers that the PDF is being made: 202, with where it is in
// the queue and a link that asks again.
func (s *Server) pdfWait(w http.ResponseWriter, r *http.Request) {
	waiting, printing := s.printer.Queue()
	w.Header().Set("Retry-After", "5")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusAccepted, "pdf_wait", &view{Title: i18nTitle(r, "pdf.wait.title"),
		Data: pdfWaitView{Again: r.URL.RequestURI(), Progress: progressURL(r.URL), Waiting: waiting, Printing: printing}})
}

type pdfWaitView struct {
	// Again fetches the PDF; Progress asks how it goes (pdf_progress.go).
	Again, Progress   string
	Waiting, Printing int
}

// writePDF sends a PDF to be shown in the browser, or saved under its name.
func writePDF(w http.ResponseWriter, r *http.Request, v store.PlanVersion, page *cachedPage) {
	w.Header().Set("ETag", page.etag)
	// The address of the visible version shows a later one once it is
	// made: the browser asks again, and gets 304 while it is the same.
	w.Header().Set("Cache-Control", "private, no-cache")
	w.Header().Set("Vary", "Cookie")
	if tags, ok := parseEntityTags(r.Header.Values("If-None-Match")); ok && tags.matchWeak(page.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", strconv.Itoa(len(page.body)))
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s"`, pdfName(v)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(page.body)
}

func pdfTag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}
