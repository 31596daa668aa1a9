package web

import (
	"bytes"
	"encoding/json"
	"net/http"

	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// apiBuild makes an API answer from a release, and the ETag it has.
type apiBuild func(f *plan.File, v store.PlanVersion, lang i18n.Lang) (etag string, answer any)

// servePublicJSON serves a visitor's API answer about release n of a plan
// (the latest where n is 0) from memory, as servePublicRelease serves its
// page: encoded once per release, language and address, then one query
// for the release's record and the bytes, or 304 for a client that has
// them. It returns false, having written nothing, for anybody signed in
// and where no such release is open to everyone: the caller answers.
func (s *Server) servePublicJSON(w http.ResponseWriter, r *http.Request, resource, programme string, year, n int, build apiBuild) bool {
	if whoOf(r).User != nil {
		return false
	}
	ctx := r.Context()
	rel, err := s.publicReleaseInfo(ctx, programme, year, n)
	if err != nil {
		return false
	}
	lang := apiLang(r)
	key := releaseKey(resource, rel, lang, r.URL.RequestURI())
	page, ok := s.pageCache.get(key)
	if !ok {
		f, full, err := s.store.PublicRelease(ctx, programme, year, rel.Number)
		if err != nil {
			return false
		}
		etag, answer := build(f, releaseVersion(f, full), lang)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(answer); err != nil {
			s.apiFail(w, r, err)
			return true
		}
		page = s.pageCache.putTagged(key, buf.Bytes(), etag)
	}
	w.Header().Set("Vary", "Accept-Language")
	w.Header().Set("ETag", page.etag)
	if tags, ok := parseEntityTags(r.Header.Values("If-None-Match")); ok && tags.matchWeak(page.etag) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(page.body)
	return true
}
